"""The region of a body whose country is known: a region of that country named right beside one of
its names, joined only by punctuation, "based in", "the capital of" or a description that ends in
"of"/"in" ("Cluster Eau Sud – France (Provence-Alpes-Côte d'Azur)", "VoltAlpin, the energy storage
cluster of Tyrol", "Filatura Verde, which is based in Piedmont"). The last step of :mod:`.geo`: the
earlier steps give a country and, for some wordings only, its region; the gold (and a strategy team
reading the map) wants the most specific place the text states.

>>> _joins(" – France (".replace("France", " ")), _joins(", the energy storage cluster of ")
(True, True)
>>> _joins(" travelled to "), _joins(", which signed with ")
(False, False)
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold
from clusternet.ingest.extract.placing import BODIES, region_of

__all__ = ["region_beside"]

_REACH = 90
# the words a name and its place may be joined by ("based in", "con sede en", "in the region of")
_JOINERS = frozenset((
    "based located headquartered seated situated established founded in from of the its seat has with which is "
    "capital region state county province department voivodeship prefecture city town "
    "sede en con de del la el di a dans basee base situe situee"
).split())
# "…, the energy storage cluster of", "… is the cluster organisation of the sensor industry of the"
_DESCRIBED = re.compile(r"\s*(?:,\s*|\s+is\s+)(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){1,9}(?:of|in|from)\s+(?:the\s+)?")
_ACRONYM = re.compile(r"^\s*(?:\*\*)?\s*\([^()]{1,14}\)")
_WORD = re.compile(r"[^\W\d_]+")
_VERBS = frozenset("to visited visit travelled traveled signed met hosted welcomed toward towards".split())


def _joins(between: str) -> bool:
    """Whether ``between`` (the text from a name to a region, its place names blanked) only joins them."""
    rest = _ACRONYM.sub("", between)
    if "\n" in rest or ". " in rest or ";" in rest:
        return False
    words = {fold(w) for w in _WORD.findall(rest)}
    return not _VERBS & words and (_DESCRIBED.fullmatch(rest) is not None or words <= _JOINERS)


def region_beside(sp) -> None:
    """Give a region to each body with a country and none: the first region of its country named
    beside one of its names (see the module doc); no other name may stand in between."""
    v = sp.v
    for start, end, ent in sp.occ:
        if ent.label not in BODIES or not ent.country or ent.region:
            continue
        for p in sp.places_in(end, end + _REACH):
            if p.label != "Region" or sp.in_name(p):
                continue
            if any(x[2] is not ent and x[2].label not in ("Country", "Region") and x[0] < p.start
                   for x in sp.occ_in(end, p.start)):
                break
            if p.country == ent.country and _joins(_cut(v, end, p.start, sp)):
                ent.region = region_of(p)
                break


def _cut(v: str, lo: int, hi: int, sp) -> str:
    """The text between ``lo`` and ``hi`` with the place mentions in it blanked."""
    out, at = [], lo
    for q in sp.places_in(lo, hi):
        out += [v[at:q.start], " "]
        at = max(at, q.end)
    return "".join(out + [v[at:hi]])
