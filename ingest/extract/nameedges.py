"""Edges of body names, read once every rule has proposed its mentions: a name that is only a
country's, a town's or a programme's days is no body; a town, "and", and a company is the company;
a town after the name (", Macael", "from Trnava") or a kind before it ("the Zagreb SME", "La PME")
is not part of it.

>>> v = "Canteras Hermanos Vidal S.L., Macael; Thursday and Friday"
>>> out = [Mention(0, 36, "Canteras Hermanos Vidal S.L., Macael", "Organisation", "item"),
...        Mention(38, 57, "Thursday and Friday", None, "paren")]
>>> edges_of_names(v, out); [(m.name, m.label) for m in out]
[('Canteras Hermanos Vidal S.L.', 'Organisation')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from dataclasses import replace

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, town
from clusternet.ingest.extract.mentions import Mention
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.resolve.normalise import split_legal_form

__all__ = ["edges_of_names"]

_BODIES = (None, "Organisation", "Cluster", "SME")


def edges_of_names(v: str, out: list[Mention]) -> None:
    """Drop, trim or re-read the body mentions of ``out`` (found in text ``v``) at their edges, in place."""
    names, drop = {m.name for m in out}, set()
    for m in (x for x in out if x.label in _BODIES and x.end <= len(v)):
        _without_town_after(v, m)
        _without_kind_before(v, m, names)
        if _after_place_and(v, m, names):
            drop.add(id(m))
    out[:] = [_as_town(v, x) for m in out if id(m) not in drop and not _country_as_body(m) and not _calendar_name(m)
              for x in _two_companies(v, m)]


_AND = re.compile(r"\s+(?:and|&|y|et|e|und|i)\s+")


def _two_companies(v: str, m: Mention) -> list[Mention]:
    """A name that is two companies joined by "and", each with its legal form ("Hydrometrix AB and
    DeepSonar Oy"), as two mentions; any other mention as it is.

    >>> v = "Hydrometrix AB and DeepSonar Oy"
    >>> [(x.name, x.start, x.end) for x in _two_companies(v, Mention(0, 31, v, "Organisation", "head"))]
    [('Hydrometrix AB', 0, 14), ('DeepSonar Oy', 19, 31)]
    """
    if m.label not in _BODIES or m.end > len(v):
        return [m]
    for a in _AND.finditer(v, m.start, m.end):
        left, right = " ".join(v[m.start:a.start()].split()), " ".join(v[a.end():m.end].split())
        if all(all(split_legal_form(side)) for side in (left, right)):     # a name and a form on each side
            return [replace(m, end=a.start(), name=left, props=dict(m.props), aliases=[]),
                    replace(m, start=a.end(), name=right, props=dict(m.props), aliases=[])]
    return [m]


def _country_as_body(m: Mention) -> bool:
    """Whether a body's name is only a country's ("Republic of Moldova" in a partner's line).

    >>> _country_as_body(Mention(0, 19, "Republic of Moldova", "Organisation", "list-item"))
    True
    """
    return m.label in _BODIES and len(m.name) > 3 and " " in m.name \
        and not m.name.isupper() and country_code(m.name) is not None


_DATE_WORD = re.compile(r"\d{1,4}(?:st|nd|rd|th)?\.?|and|to|et|y|e|und|&|–|-")


def _calendar_name(m: Mention) -> bool:
    """Whether a body's name is only days and dates ("Monday and Tuesday", "Thursday 7 May", "25
    April"): a programme's day, not a body.

    >>> day, firm = Mention(0, 19, "Thursday and Friday", None, "x"), Mention(0, 12, "Friday Foods", None, "x")
    >>> _calendar_name(day), _calendar_name(firm), _calendar_name(Mention(0, 8, "25 April", None, "x"))
    (True, False, True)
    """
    if m.label not in _BODIES:
        return False
    lex = load_lexicon()
    days, months = lex.words("weekdays"), lex.words("months")
    words = [fold(w) for w in m.name.replace(",", " ").split()]
    dated = any(w in days for w in words) or any(w in months for w in words) and any(w[:1].isdigit() for w in words)
    return dated and all(w in days or w in months or _DATE_WORD.fullmatch(w) for w in words)


_PLACE_AND = re.compile(r"(.+?)\s+(?:and|e|y|et|und)(?:\s+of)?\s+(?=[A-Z])")


def _after_place_and(v: str, m: Mention, names: set[str]) -> bool:
    """A body's name that is a place, "and", and a company is the company ("… from Klaipėda and Sild
    Robotics OÜ", "from Maribor and Urbanis d.o.o.": the town of one company, then the next). True
    when the company is found on its own already, so this mention is to be dropped.

    >>> m = Mention(0, 29, "Klaipėda and Sild Robotics OÜ", "Organisation", "head", country="LT")
    >>> _after_place_and("Klaipėda and Sild Robotics OÜ", m, set()), m.name, m.start, m.country
    (False, 'Sild Robotics OÜ', 13, None)
    """
    lead = _PLACE_AND.match(v, m.start, m.end)
    if not lead or not _is_place(" ".join(lead.group(1).split())):
        return False
    rest = " ".join(v[lead.end():m.end].split())
    if rest in names:
        return True
    if split_legal_form(rest)[1] or label_of_name(rest):
        m.start, m.name, m.country = lead.end(), rest, None      # the place was the one before's
    return False


def _is_place(name: str) -> bool:
    """Whether ``name`` is a town, city or country of the general reference."""
    return town(name) is not None or country_code(name) is not None or load_lexicon().city(name) is not None


_TOWN_AFTER = re.compile(r"(?:,|\s+from)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]+){0,2})")


def _without_town_after(v: str, m: Mention) -> None:
    """A body's name without the town written after it ("Canteras Vidal S.L., Macael", "Preciz
    Tool s.r.o. from Trnava", "Polo Arredo Marche, Pesaro"): the town places it, it does not name it.
    After a legal form or an acronym in brackets any name is cut; after a head word only a known place.

    >>> m = Mention(0, 30, "Preciz Tool s.r.o. from Trnava", None, "x")
    >>> _without_town_after("Preciz Tool s.r.o. from Trnava", m); m.name, m.end
    ('Preciz Tool s.r.o.', 18)
    """
    tail = next((t for t in _TOWN_AFTER.finditer(v, m.start, m.end) if t.end() == m.end), None)
    head = " ".join(v[m.start:tail.start()].split()) if tail else ""
    if not head:
        return
    closed = split_legal_form(head)[1] or head.endswith(")")      # a legal form or an acronym ends a name
    if closed or label_of_name(head) and _is_place(" ".join(tail.group(1).split())):
        m.end, m.name = tail.start(), head


_KIND_BEFORE = re.compile(r"(?:(?:the\s+)?[A-Z][\w'’-]+\s+)?(?:SME|PME|PMI|PYME|company|firm|société|empresa|azienda)\s+(?=[A-Z])")


def _without_kind_before(v: str, m: Mention, names: set[str] = frozenset()) -> None:
    """A company's name without the kind (and town or adjective) written before it ("Zagreb SME
    Medikor d.o.o.", "PME Optidiag SAS").

    >>> m = Mention(0, 16, "PME Optidiag SAS", None, "x"); _without_kind_before("PME Optidiag SAS", m); m.name, m.start
    ('Optidiag SAS', 4)
    """
    lead = _KIND_BEFORE.match(v, m.start, m.end)
    rest = " ".join(v[lead.end():m.end].split()) if lead else ""
    if rest and (split_legal_form(rest)[1] or rest in names):
        m.start, m.name = lead.end(), rest


_LEAD_PREPOSITION = re.compile(r"(?:In|At|From|During|Near|En|Dans|Durante|Nel|Nella|Im|Bei)\s+")


def _as_town(v: str, m: Mention) -> Mention:
    """A body-like name that is only a town's of the general reference ("Novelda", "O Porriño"),
    with no head word, legal form or acronym of a body: that town, a place.

    >>> m = _as_town("Novelda", Mention(0, 7, "Novelda", "Organisation", "chunk")); m.label, m.country
    ('City', 'ES')
    >>> m = _as_town("In Rosario", Mention(0, 10, "In Rosario", "Organisation", "paren")); m.name, m.start, m.country
    ('Rosario', 3, 'AR')
    """
    if m.label not in (None, "Organisation") or m.name.isupper() or m.aliases or label_of_name(m.name):
        return m
    lead = _LEAD_PREPOSITION.match(v, m.start, m.end) if m.end <= len(v) else None
    start = lead.end() if lead else m.start         # "In Rosario (Santa Fe Province)": the town, after "In"
    name = " ".join(v[start:m.end].split()) if lead else m.name
    city = load_lexicon().city(name) if lead else None
    code = (town(name) or (None, None))[1] or (city and city[0])
    if not code:
        return m
    return Mention(start, m.end, name, "City", "town", 0.7, country=code)


