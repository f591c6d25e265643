"""Which language a text is written in, from its function words (no model needed).

>>> detect_language("Le pôle a signé une convention avec les entreprises de la région et des partenaires.")
'fr'
>>> detect_language("The cluster signed an agreement with the partners of the region.")
'en'
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

__all__ = ["detect_language", "LANGUAGE_NAMES"]

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "de": "German",
                  "pt": "Portuguese"}
_WORD = re.compile(r"[^\W\d_]+", re.U)


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(resources.files("clusternet.ingest").joinpath("data/extract/stopwords.yaml").read_text("utf-8"))
    return {lang: frozenset(str(w) for w in words) for lang, words in raw.items()}


def detect_language(text: str, sample: int = 20000) -> str | None:
    """The ISO 639-1 code of the most likely language, or None when too little text."""
    words = Counter(w.casefold() for w in _WORD.findall(text[:sample]))
    if sum(words.values()) < 8:
        return None
    scores = {lang: sum(words[w] for w in sw) for lang, sw in _stopwords().items()}
    best = max(sorted(scores), key=lambda k: scores[k])
    return best if scores[best] >= 3 else None
