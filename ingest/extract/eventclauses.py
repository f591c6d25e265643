"""What the words right after a described event's noun say of it: whose event it is ("the third
mission of GEODRONE-4i") and when or where it happens ("… will go to Nairobi in June", "… was
hosted by the coordinator in Umeå", "the kick-off meeting of 22-23 April in Bari"), and the place
a sentence gives before the noun ("In Bergen, Norway, the partners held a matchmaking mission").

>>> t = "The third mission of GEODRONE-4i will go to Nairobi (Kenya) in June 2026."
>>> e = owner_end(t, t.index(" of"), len(t)); t[4:e], dated_or_placed(t, e, len(t))
('third mission of GEODRONE-4i', 'Nairobi')
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.literals import alternation
from clusternet.ingest.extract.placewords import leading_place

__all__ = ["GROUP_NOUNS", "PLACE_TAIL", "and_place", "owner_end", "dated_or_placed", "tail_place", "place_before"]

# a place of up to four words, with a particle ("Ho Chi Minh City", "Rio de Janeiro")
PLACE_TAIL = re.compile(r"\s+(to|in|a|al|en|au|aux|à|nel|nella)\s+(?:the\s+|la\s+|le\s+|el\s+)?((?-i:[A-Z][\w’'-]+)"
                        r"(?:\s(?:(?-i:de|do|da|del|di|la|el|las|los)\s){0,2}(?-i:[A-Z][\w’'-]+)){0,3})")
# ", Spain" after a town the gazetteer does not know
_THEN_COUNTRY = re.compile(r",\s+((?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+))?)\b")
# the verb that dates or places an event, with whom it was hosted or led by before the place
_WHEN_VERB = re.compile(r",?\s+(?:(?:which|that)\s+(?:we|they|it)\s+(?=organi[sz]ed|held|hosted|led|prepared)|"
                        r"(?:was|were|is|are|will\s+be|is\s+being|are\s+being|has\s+been)\s+)?"
                        r"(?:made|held|organi[sz]ed|carried\s+out|took\s+place|takes\s+place|will\s+take\s+place|"
                        r"planned|scheduled|conducted|prepared|foreseen|hosted|went|goes|will\s+go|travell?ed|led)"
                        r"(?:\s+by(?:\s+[\w’'-]+){1,3}?(?=\s+(?:in|to)\s+[A-Z]))?(?=\s)|,(?=\s+(?:to|in)\s)")
# a day or days of a date: "3", "22-23", "3 and 4"
_DAYS = r"\d{1,2}(?:\s*(?:[-–]|and)\s*\d{1,2})?"
# the nouns of a group whose event or journey it is ("of the partnership", "of the X project")
GROUP_NOUNS = "partnership|project|network|consortium|alliance"
# whose event: "of GEODRONE-4i", "of the partnership", "of the BIOSOIL LATAM partnership"
_OWNER = re.compile(r"\s+of\s+(?:the\s+)?(?:((?-i:[A-Z][\w’'+-]*)(?:\s(?-i:[A-Z0-9][\w’'+-]*)){0,3})"
                    r"(?:\s+(?:" + GROUP_NOUNS + r")\b)?|(?:" + GROUP_NOUNS + r")\b)")


def owner_end(v: str, end: int, hi: int) -> int:
    """Where an event noun's owner ("of the partnership", "of AGROMECH-ASEAN") ends, or ``end``
    when none follows it (a place is no owner: "the visit of Japan").

    >>> t = "the next mission of the partnership is planned"
    >>> t[:owner_end(t, t.index(" of"), len(t))]
    'the next mission of the partnership'
    """
    om = _OWNER.match(v, end, hi)
    if om is None or (om.group(1) and leading_place(om.group(1))):
        return end
    return om.end()


def dated_or_placed(v: str, end: int, hi: int) -> str | None:
    """The place ("Santiago") or ``""`` for a date when the clause right after an event noun
    places or dates it; None when it does neither. The place is not part of the event's name
    here ("The first mission, to Santiago in November" is the "first mission").

    >>> t = "a scoping visit made in March 2025 by a delegation"
    >>> dated_or_placed(t, t.index(" made"), len(t))
    ''
    >>> t = "The first mission, to Santiago de Chile in November"
    >>> dated_or_placed(t, t.index(","), len(t))
    'Santiago de Chile'
    >>> t = "The kick-off meeting was hosted by the coordinator in Umeå on 3 March"
    >>> dated_or_placed(t, t.index(" was"), len(t))
    'Umeå'
    >>> t = "the study visit which we organised in Graz, Austria"
    >>> dated_or_placed(t, t.index(" which"), len(t))
    'Graz'
    >>> t = "the mission, which was a success"
    >>> dated_or_placed(t, t.index(","), len(t)) is None
    True
    """
    dm = _of_date_rx().match(v, end, hi)            # "the kick-off meeting of 22-23 April in Bari"
    at = dm.end() if dm else end
    vm = _WHEN_VERB.match(v, at, hi)
    at = vm.end() if vm else at
    pm = PLACE_TAIL.match(v, at, hi)
    place = tail_place(v, pm, hi)[0] if pm else None
    if place:
        return place
    if dm:
        return ""
    if not vm:
        return None
    dated = _date_rx().match(v, at, hi) or pm and _date_rx().match(v, pm.end(), hi)
    return "" if dated else None        # or a town the gazetteer does not know, then the date: "held in Novelda on 3 May"


def tail_place(v: str, pm, hi: int) -> tuple[str | None, int]:
    """The place a :data:`PLACE_TAIL` match names and where its words end: a place the gazetteer
    knows, else a town it does not know that ", <Country>" follows (the country is the place then).

    >>> t = "its kick-off meeting in Castelló de la Plana, Spain, organised by ITCA"
    >>> tail_place(t, PLACE_TAIL.match(t, t.index(" in")), len(t))
    ('Spain', 44)
    """
    place = leading_place(pm.group(2))
    if place:
        return place, pm.start(2) + len(place)
    cm = _THEN_COUNTRY.match(v, pm.end(), hi)
    if cm and country_code(cm.group(1)) and fold(cm.group(1)) not in load_lexicon().words("months"):
        return cm.group(1), pm.end()
    return None, pm.end()


@lru_cache(maxsize=1)
def _date_rx() -> re.Pattern:
    """A date after "in"/"on"/"from": a month (with its day or days), a season or a year."""
    return re.compile(r"(?i)\s+(?:in|on|from|during)\s+(?:(?:early|late|mid)[\s-]+)?(?:" + _DAYS + r"\s+)?"
                      r"(?:" + _months() + r"|spring|summer|autumn|fall|winter|(?:19|20)\d\d)\b")


@lru_cache(maxsize=1)
def _of_date_rx() -> re.Pattern:
    """A day and month after "of" or "on" right after the event noun ("of 22-23 April")."""
    return re.compile(r"(?i)\s+(?:of|on)\s+" + _DAYS + r"\s+(?:" + _months() + r")\b(?:\s+(?:19|20)\d\d)?")


@lru_cache(maxsize=1)
def _months() -> str:
    return alternation(load_lexicon()["months"], True)


_AND_PLACE = re.compile(r"\s+and\s+(?:the\s+)?((?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,2})")


def and_place(v: str, stop: int, hi: int) -> int:
    """Where a place tail ends once a second place joined by "and" is taken in ("a mission to Japan
    and South Korea").

    >>> t = "a mission to Japan and South Korea took place"
    >>> t[:and_place(t, t.index(" and"), len(t))]
    'a mission to Japan and South Korea'
    """
    am = _AND_PLACE.match(v, stop, hi)
    place = leading_place(am.group(1)) if am else None
    return am.start(1) + len(place) if place else stop


_OPENING_PLACE = re.compile(r"\s*(?:In|At)\s+((?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,2})(?:\s*\([^()]{2,30}\)|,\s*(?-i:[A-Z][\w’'-]+"
                            r"(?:\s(?-i:[A-Z][\w’'-]+)){0,2}))?\s*,\s")


def place_before(v: str, lo: int, hi: int) -> str | None:
    """The place a sentence opens with before the event noun at ``hi`` ("In Bergen, Norway, the
    partners held a matchmaking mission"), or that comes just before it ("… in Bergen, during a
    matchmaking mission"), else None.

    >>> t = "In Bergen, Norway, the partners held a three-day matchmaking mission."
    >>> place_before(t, 0, t.index("a three"))
    'Bergen'
    """
    om = _OPENING_PLACE.match(v, lo, hi) or _PLACE_JUST_BEFORE.search(v, max(lo, hi - 90), hi)
    return leading_place(om.group(1)) if om else None


# "… in Bergen, Norway, during a three-day matchmaking mission"
_PLACE_JUST_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+((?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,2})(?:\s*\([^()]{2,30}\)|,\s*"
                                r"(?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,2})?,?\s+(?:during|at|on)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
