"""Counts a text gives in brackets after each country of a list: "Participants came from Spain (9),
Italy (5) and France (3)", "… the largest foreign group (24 participants), followed by Finland (19) and
Sweden (12)". Each is that country's share of what the sentence counts: "participants from Spain", ES.

>>> t = "Participants came from Spain (9), Italy (5) and France (3)."
>>> import re as _re
>>> m = _re.search(r"(?P<num>5)", t)
>>> country_count(t, 0, m, None)
('participants from Italy', ['participants'], 'IT')
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code
from clusternet.ingest.extract.lists import adjective_country

__all__ = ["country_count"]

# the country right before "(": one to three capitalised words ("Czech Republic", "North Macedonia")
_COUNTRY_BEFORE = re.compile(r"((?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,2})\s*\($")
# the nouns a sentence counts by country: the last one before the count is what it counts
_COUNTED = re.compile(r"(?i)\b(participants|companies|SMEs|firms|exhibitors|delegates|members|visitors|clusters|"
                      r"organi[sz]ations|applications|start-ups|startups|buyers|suppliers|entreprises|empresas|imprese|"
                      r"participantes|partecipanti|PME|pymes)\b")


def country_count(v: str, lo: int, m, prev_noun: str | None) -> tuple[str, list[str], str] | None:
    """(measure, its noun, country) of a bare count in brackets right after a country's name
    (``lo``: where its sentence starts; ``prev_noun``: what the sentence's count before it counted),
    else None."""
    s, e = m.start("num"), m.end("num")
    if v[s - 1:s] != "(" or v[e:e + 1] != ")":
        return None
    cm = _COUNTRY_BEFORE.search(v, max(lo, s - 40), s)
    if cm is None or cm.end() != s:
        return None
    name = cm.group(1)
    code = country_code(name)
    if code is None or adjective_country(name) is not None:
        return None     # "Spanish (9)" says whose, not where from: left to the rules of nationalities
    noun = prev_noun or _counted_before(v, lo, cm.start())
    if noun is None:
        return None
    own = _OWN_FROM.search(v, max(lo, cm.start() - 8), cm.start())      # "… et du Maroc (30)"
    return f"{noun} {own.group(1) if own else _from_word(v[lo:s])} {name}", [noun], code


def _counted_before(v: str, lo: int, hi: int) -> str | None:
    """The last counted noun in ``v[lo:hi]``, in lower case but for the acronyms "SMEs" and "PME".

    >>> _counted_before("Participants and SMEs came from Spain", 0, 38)
    'SMEs'
    """
    found = None
    for found in _COUNTED.finditer(v, lo, hi):
        pass
    if found is None:
        return None
    word = found.group(1)
    return word if word in ("SMEs", "PME") else word.lower()


_OWN_FROM = re.compile(r"\b(from|de|du|des|da|dalla|dal|del)\s+$")


def _from_word(said: str) -> str:
    """The sentence's own word for "from", in its language ("de" in "Participantes de España (9)").

    >>> _from_word("Participantes de España ("), _from_word("Partecipanti da Spagna ("), _from_word("Firms came from Spain (")
    ('de', 'da', 'from')
    """
    words = set(said.lower().split())
    return "from" if "from" in words or not words & {"de", "da", "des", "del", "dalla", "dal"} else \
        "de" if words & {"de", "des", "del"} else "da"
