"""Who a count is in a delegation: the counts that say whom a delegation, a consortium or a group
was made of ("a Danish delegation of eight companies", "La delegación estuvo formada por once
personas"), in the text's language, and the journey those counts belong to when the rules gave them
the fair the delegation went to. Used by :mod:`.counts`.

>>> t = "The delegation was composed from 17 persons: five cluster managers and 12 representatives of SMEs."
>>> in_delegation(t, 0, t.index("12"))
' in the delegation'
>>> t = "The delegation had 21 members: the four cluster managers and 17 representatives of 13 SMEs."
>>> in_delegation(t, 0, t.index("13"))
' in the delegation'
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold

__all__ = ["in_delegation", "on_the_journey"]

# "a (Danish) delegation of", "The consortium brings together": the counts right after it (and those
# listed with the first) are its members
_CONTAINER_OF = re.compile(r"(?:\b(?:[Aa]|[Aa]n|[Tt]he|(?P<own>[Ii]ts|[Tt]heir))|(?P<poss>['’]s))\s+((?:[A-Z][\w-]*\s+)?)"
                           r"(delegation|consortium|group|partnership)\s+"
                           r"(?:of|included|includes|comprised|comprises|consisted\s+of|consists\s+of|(?:was\s+|is\s+)?made\s+up\s+of|"
                           r"(?:was\s+|is\s+)?composed\s+(?:of|from)|(?:was\s+|is\s+)?formed\s+(?:of|by)|"
                           r"counted|counts|numbered|brought\s+together|brings\s+together|"
                           r"gathered|gathers|unites|united|involves|involved|has|had|groups)\s+")
_EARLIER_COUNTS = re.compile(r"(?:\*\*)?(?:(?:the\s+)?(?:\d[\d,.]*|[a-z]+)\s+[^,;.:–()\d]{1,40}?(?:\s*\([^()]{0,120}\))?"
                             r"(?:,|:|\s+and|\s+–|\s+-)\s+)*(?:\*\*)?"
                             r"(?:(?:and\s+)?(?:\d[\d,.]*\s+|[a-z]+\s+)?(?:representatives|delegates|staff)\s+(?:of|from)\s+)?")


_ROMANCE_DELEGATION = re.compile(
    r"(?i:\b(?:una|la|su|une|sa|notre|nuestra))\s+(?P<word>delegación|delegazione|délégation)\s+(?:de|di|"
    r"(?:estuvo\s+|estaba\s+|era\s+|fue\s+)?(?:formada|compuesta|integrada)\s+por|(?:era\s+)?(?:composta|formata)\s+da|"
    r"composée\s+de|forte\s+de|comptait|comprenait|contaba\s+con)\s+")
_ROMANCE_IN = {"delegación": " en la delegación", "delegazione": " nella delegazione", "délégation": " de la délégation"}


def in_delegation(v: str, lo: int, pos: int) -> str:
    """" in the (Danish) delegation" when the count at ``pos`` says whom a delegation, a consortium or
    a group was made of ("a Danish delegation of eight companies", "a delegation of 27 clusters and 19
    companies", "The consortium comprises four European clusters"), else "".

    >>> t = "a Danish delegation of eight companies"
    >>> in_delegation(t, 0, t.index("eight"))
    ' in the Danish delegation'
    >>> t = "a delegation of 27 clusters and 19 companies from 11 countries"
    >>> in_delegation(t, 0, t.index("19")), in_delegation(t, 0, t.index("11"))
    (' in the delegation', '')
    >>> t = "La delegación estuvo formada por once personas"
    >>> in_delegation(t, 0, t.index("once"))
    ' en la delegación'
    """
    found = [d for d in _CONTAINER_OF.finditer(v, max(lo, pos - 160), pos)]
    romance = [d for d in _ROMANCE_DELEGATION.finditer(v, max(lo, pos - 160), pos)]
    if romance and (not found or romance[-1].start() > found[-1].start()):
        d = romance[-1]     # "una delegación de 22 empresas": said in the text's language
        return _ROMANCE_IN[d.group("word").lower()] if _EARLIER_COUNTS.fullmatch(v, d.end(), pos) else ""
    if not found or not _EARLIER_COUNTS.fullmatch(v, found[-1].end(), pos):
        return ""
    d = found[-1]
    whose = "its" if d.group("own") or d.group("poss") else "the"     # "Alpha Cluster's delegation included 8 SMEs"
    return f" in {whose} {d.group(3)}{d.group(4)}"


# a journey's head noun and the delegation word, in English, Spanish, French, Italian and Portuguese (folded)
_TRAVEL_WORDS = frozenset({"mission", "visit", "trip", "tour", "journey", "mision", "missione", "missao", "visita",
                           "visite", "viaje", "viaggio", "voyage", "viagem"})
_DELEGATION_WORDS = frozenset({"delegation", "delegacion", "delegazione", "delegacao"})


def on_the_journey(facts: list, ents) -> list:
    """``facts`` with a delegation's counts ("companies in the delegation") given to the page's one
    journey (a mission, visit, trip or tour) when they went to another event, such as the fair the
    delegation travels to.

    A journey first named well after the count is another one ("the next step will be a second
    mission"), and keeps off it.

    >>> M = lambda at: type("M", (), {"start": at})()
    >>> E = lambda n, at: type("E", (), {"label": "Event", "name": n, "mentions": [M(at)]})()
    >>> F = lambda s, m: type("F", (), {"subject": s, "measure": m, "end": 40})()
    >>> fair, trip = E("Expo Alpha 2026", 10), E("business mission to Mexico", 0)
    >>> [f.subject.name for f in on_the_journey([F(fair, "SMEs in the delegation"), F(fair, "exhibitors")], [fair, trip])]
    ['business mission to Mexico', 'Expo Alpha 2026']
    >>> later = E("second mission", 2000)
    >>> [f.subject.name for f in on_the_journey([F(fair, "SMEs in the delegation")], [fair, later])]
    ['Expo Alpha 2026']
    """
    trips = [e for e in ents if e.label == "Event" and _TRAVEL_WORDS & set(fold(e.name).split())]
    if len(trips) != 1:
        return facts
    named_at = min(m.start for m in trips[0].mentions)
    for f in facts:
        if _DELEGATION_WORDS & set(fold(f.measure).split()) and f.subject is not trips[0] and getattr(f.subject, "label", "") == "Event" \
                and not _TRAVEL_WORDS & set(fold(f.subject.name).split()) and named_at < f.end + _JOURNEY_AHEAD:
            f.subject = trips[0]
    return facts


_JOURNEY_AHEAD = 300    # how far after a delegation's count its journey may first be named (characters)
