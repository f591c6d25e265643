"""The state the place rules of :mod:`.geo` share: which labels take a place, how a rule's finding is
given to an entity (a country only when it has none; a stated region in the country it has), and
the place and entity mentions of a document sorted for range look-ups.

>>> class E: label, country, region, props = "Cluster", None, None, {}
>>> e = E(); assign(e, "ES", "Catalonia", "located-in"); e.country, e.region, e.props["country_from"]
('ES', 'Catalonia', 'located-in')
"""
from __future__ import annotations

from bisect import bisect_left

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold
from clusternet.ingest.extract.namelang import plausible

__all__ = ["BODIES", "may_be_in", "PLACED", "PLACE_LABELS", "REGION_GIVING", "Spans", "assign", "in_brackets", "is_open", "region_of", "regionless"]

PLACED = ("Cluster", "Organisation", "SME", "Event", "Agreement")
PLACE_LABELS = ("Country", "Region", "City", "Demonym")


def region_of(m) -> str | None:
    """The region a place mention gives: a city's name, a region's (or a regional adjective's) region."""
    if m.label == "City":
        return m.name
    if m.label in ("Region", "Demonym"):
        return m.region
    return None


def assign(ent, country: str | None, region: str | None, how: str) -> None:
    """Give ``ent`` the country (and region) a rule found, unless it has a country; a stated place
    in the country it already has still gives its region ("X, based in North Rhine-Westphalia")."""
    if country and ent.country and ent.props.get("country_from") == "legal-form":
        if country == ent.country:      # a place the text states, in the country the legal form gives
            ent.region = ent.region or region
    elif country and not ent.country and (how not in _WEAK or may_be_in(ent, country)):
        ent.country = country
        ent.region = ent.region or region
        ent.props.setdefault("country_from", how)
    elif region and not ent.region and country == ent.country and how in REGION_GIVING:
        ent.region = region


_WEAK = ("nearby", "visit")      # rules that guess from a place near a body's name: its language may rule them out
BODIES = ("Cluster", "Organisation", "SME")


def may_be_in(ent, country: str) -> bool:
    """Whether ``ent`` can be in ``country`` as far as its name's language says (:mod:`.namelang`;
    only bodies' names are read: an event or a region is named in the page's language).

    >>> class E: label, name = "Cluster", "Pôle Senteurs Méditerranée"
    >>> may_be_in(E(), "KR"), may_be_in(E(), "FR")
    (False, True)
    """
    return ent.label not in BODIES or plausible(ent.name, country)
REGION_GIVING = ("located-in", "signed-in", "from", "in", "table-row", "line-below")


def regionless(ent, p) -> bool:
    """Whether ``ent`` has the country of place mention ``p`` but no region, and ``p`` would give one."""
    return ent.label in PLACED and not ent.region and ent.country == p.country and p.label in ("Region", "City")


def is_open(ent) -> bool:
    """Whether ``ent`` takes a place and has no country yet (or only the one its legal form gives)."""
    return ent.label in PLACED and (not ent.country or ent.props.get("country_from") == "legal-form")


class Spans:
    """Place mentions and entity mentions of one document, sorted by start for range look-ups."""

    def __init__(self, v: str, ents, mentions):
        self.v = v
        self.places = sorted((m for m in mentions if m.label in PLACE_LABELS and m.country), key=lambda m: m.start)
        self.pstarts = [m.start for m in self.places]
        self.occ = sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: (x[0], -x[1]))
        self.ostarts = [x[0] for x in self.occ]

    def places_in(self, lo, hi):
        """The place mentions starting in ``[lo, hi)``."""
        return self.places[bisect_left(self.pstarts, lo):bisect_left(self.pstarts, hi)]

    def occ_in(self, lo, hi):
        """The ``(start, end, entity)`` mentions starting in ``[lo, hi)``."""
        return self.occ[bisect_left(self.ostarts, lo):bisect_left(self.ostarts, hi)]

    def in_name(self, p):
        """A place word inside a name ("Battery Cluster Saxony") says nothing of the next sentence."""
        v = self.v
        return any(x[0] <= p.start and p.end <= x[1] and x[2].label not in PLACE_LABELS
                   and fold(" ".join(v[x[0]:x[1]].split())) in {fold(n) for n in (x[2].name, *x[2].aliases)}
                   for x in self.occ_in(max(0, p.start - 120), p.start + 1))


_BRACKET_BEFORE = re.compile(r"\s+\(\s*$")


def in_brackets(v: str, p):
    """The " (" before a place alone in the brackets after a name ("Jezioro Foods Sp. z o.o.
    (Mrągowo)"), as a match, else None.

    >>> t = "Jezioro Foods Sp. z o.o. (Mrągowo) – fish"
    >>> in_brackets(t, type("P", (), {"start": 26, "end": 33})()).group(0)
    ' ('
    """
    return _BRACKET_BEFORE.search(v, max(0, p.start - 4), p.start) if re.match(r"\s*[),]", v[p.end:p.end + 2]) else None
