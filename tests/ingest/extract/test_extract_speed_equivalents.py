"""The quicker forms extraction uses find what the plain forms they replace find.

Each quick form (a name search without a per-document pattern, the ASCII path of ``fold``, the
factored cue patterns, the scores summed per row) is checked against the plain form, written
out here, on texts made from a fixed seed: a change that makes them differ changes what users
get from their documents.
"""
from __future__ import annotations

import random
import re
import unicodedata

import numpy as np

from clusternet.graph.ids import fold
from clusternet.ingest.extract.features import CUE_KEYS, PROSE_KEYS, _cue_rx
from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.linear import LinearModel
from clusternet.ingest.extract.resolve import name_occurrences

WORDS = ["Alpha", "Alpha Beta", "Beta", "EU", "EUR", "Cluster", "Alpha-Beta", "Gamma Cluster", "Béta"]
FILLER = [" ", ", ", " and ", "-", "s ", "_", "(", ") ", "\n", "x", "é", ". "]


def _plain_occurrences(view: str, names: list[str]) -> list[tuple[int, int, str]]:
    """The pattern mention_again used to compile per document, run as re.finditer."""
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(view)]


def test_name_occurrences_find_what_the_alternation_finds():
    rnd = random.Random(15)
    for _ in range(400):
        text = "".join(rnd.choice(WORDS + FILLER) for _ in range(rnd.randint(0, 40)))
        names = sorted(set(rnd.sample(WORDS, rnd.randint(1, len(WORDS)))), key=len, reverse=True)
        assert name_occurrences(text, names) == _plain_occurrences(text, names), (text, names)


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.casefold()).strip()


def test_fold_gives_the_plain_fold():
    rnd = random.Random(7)
    alphabet = "aZ é\u00a0\t\nÉß İ\u2003ǅ-'’.,Ö\u0301x\x1c"
    samples = ["  The Netherlands ", "Côte d’Ivoire", "Ésta  ACCIÓ", "STRASSE", "Straße", ""]
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20))) for _ in range(2000)]
    for s in samples:
        assert fold(s) == _plain_fold(s), repr(s)


def test_cue_patterns_find_what_the_plain_lists_find():
    lex = load_lexicon()
    plain = {k: re.compile(r"(?<![\w-])(?:" + "|".join(sorted((re.escape(fold(str(w))) for w in lex[k]),
                                                               key=len, reverse=True)) + r")") for k in CUE_KEYS}
    plain |= {k: re.compile(r"(?<![\w-])(?:" + "|".join(lex["prose_cues"][k]) + r")(?![\w-])") for k in PROSE_KEYS}
    quick = _cue_rx()
    words = [fold(str(w)) for k in CUE_KEYS for w in lex[k]] + ["gathers", "led by", "signed", "funded by", "at"]
    rnd = random.Random(3)
    for _ in range(600):
        text = " ".join(rnd.choice(words + ["the", "x-", "a", "-", "co"]) for _ in range(rnd.randint(1, 12)))
        for k in plain:
            pm, qm = plain[k].search(text), quick[k].search(text)
            assert (pm is None) == (qm is None), (k, text)


def test_scores_summed_per_row_give_the_plain_softmax():
    rnd = random.Random(11)
    classes = ["none", "A", "B"]
    feats = {f"f{i}": i for i in range(30)}
    coef = [[rnd.uniform(-2, 2) for _ in feats] for _ in classes]
    model = LinearModel(classes, feats, coef, [0.1, -0.3, 0.2])
    many = [{f"f{rnd.randrange(40)}": rnd.choice([1.0, 0.5]) for _ in range(rnd.randint(0, 8))} for _ in range(200)]
    for feats_of_row, got in zip(many, model.proba_many(many)):
        scores = [b + sum(coef[k][feats[f]] * v for f, v in feats_of_row.items() if f in feats)
                  for k, b in enumerate([0.1, -0.3, 0.2])]
        ex = np.exp(np.array(scores) - max(scores))
        want = ex / ex.sum()
        assert np.allclose([got[c] for c in classes], want, rtol=0, atol=1e-12)
