"""Journeys a text tells only through the group that made them: "a delegation of eleven clusters
and 23 SMEs travelled to the Republic of Korea", "the cluster led a delegation of 11 companies to
Toronto". Such a sentence tells of one event the page never names; it is named in the page's own
words: the journey noun the page uses for it with a determiner ("The mission was funded by …" ->
"mission to Korea", with "mission" as the page's other name for it), else "delegation to Korea".

>>> from clusternet.ingest.extract.mentions import build_context
>>> t = "In May a delegation of 11 companies travelled to Toronto. The mission was funded by the region."
>>> [(m.name, m.country, m.aliases) for m in delegation_journeys(build_context(t), [])]
[('mission to Toronto', 'CA', ['mission'])]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.eventclauses import tail_place
from clusternet.ingest.extract.lexicon import fold, place_country
from clusternet.ingest.extract.mentions import Context, Mention

__all__ = ["delegation_journeys"]

# a delegation and where it went: "a (Latvian) delegation of … travelled to", "led a delegation of … to",
# "une délégation de … s'est rendue au Québec", "una delegación de … viajó a Chile"
_NOUN = r"(?:delegation|délégation|delegación|delegazione)"
_TO = r"(?:to|in|à|au|aux|en|a|al|nel|nella)"
_WENT = re.compile(r"\b(?:travell?ed|went|flew|headed|journeyed|was\s+sent|were\s+in|was\s+in|arrived\s+in|"
                   r"s['’]est\s+rendue|a\s+voyagé|s['’]est\s+déplacée|viajó|se\s+desplazó|"
                   r"si\s+è\s+recata|ha\s+viaggiato)(?=\s+" + _TO + r"\s)")
_LED = re.compile(r"\b(?:led|took|brought|sent|accompanied|organi[sz]ed|a\s+conduit|a\s+emmené|encabezó|lideró|llevó|"
                  r"ha\s+guidato|ha\s+accompagnato)\s+(?:a|an|its|their|our|une|sa|una|su|sua)\s+(?:[\w-]+\s+){0,2}?" + _NOUN + r"\b")
_DELEGATION = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir|[Uu]ne|[Ll]a|[Nn]otre|[Uu]na|[Nn]uestra|[Nn]ostra)\s+"
                         r"(?:[\w-]+\s+){0,2}?" + _NOUN + r"\b")
# where it went: "to Toronto", "to the Republic of Korea", "au Québec" (the place words :func:`tail_place` reads)
_TO_PLACE = re.compile(r"\s+(" + _TO + r")\s+(?:the\s+|la\s+|le\s+|el\s+)?((?-i:[A-Z][\w’'-]+)"
                       r"(?:\s(?:of\s|de\s|del\s|do\s|da\s|di\s)?(?-i:[A-Z][\w’'-]+)){0,3})")
# the page's own word for the journey, after a determiner: "The mission was funded", "la misión comercial"
_JOURNEY_WORD = re.compile(r"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Ii]ts|[Tt]heir|[Ll]a|[Cc]ette|[Nn]otre|[Ee]sta|[Nn]uestra|[Qq]uesta|[Nn]ostra)\s+"
                           r"((?:business\s+|trade\s+|economic\s+|study\s+|matchmaking\s+|fact-finding\s+|scouting\s+|"
                           r"exploratory\s+)?(?:mission|visit|tour|trip|misión|missione|visita|viaje|viaggio|voyage)"
                           r"(?:\s+(?:comercial|empresarial|d['’]affaires|économique|commerciale|imprenditoriale|d['’]entreprises))?)\b")
_GATE = re.compile(r"delega|délégation")
_TO_WORD = re.compile(r"\s+to\s")       # where a led delegation went: "led a delegation of 11 companies to …"


def delegation_journeys(ctx: Context, events: list[Mention]) -> list[Mention]:
    """The journey of the first sentence where a delegation goes to a place the gazetteer knows,
    unless ``events`` (the page's events found so far) hold a journey to that country already."""
    v = ctx.view
    for sent in ctx.sents:
        if not _GATE.search(v, sent.start, sent.end):
            continue
        found = _journey_in(v, sent.start, sent.end)
        if found is None:
            continue
        s, e, place, where = found
        if re.search(r"\b" + re.escape(place) + r"\b", v[:s]) or any(
                place in m.name or sent.start <= m.start < sent.end
                or _is_journey(m.name, *m.aliases) and m.country in (None, place_country(place)) for m in events):
            return []       # it came to the page's setting, went to an event the page names, or on a journey it describes
        word, alias = _page_word(v, _NOUN_RX.search(v, s - 200 if s > 200 else 0, e))
        m = Mention(s, e, f"{word} {where}", "Event", "event-delegation", 0.55, country=place_country(place))
        m.props["place"] = place
        if alias:
            m.aliases.append(alias)
        return [m]
    return []


def _journey_in(v: str, lo: int, hi: int) -> tuple[int, int, str, str] | None:
    """(start, end, place, the words that name it) of the words that send a sentence's delegation to
    a known place, else None.

    >>> t = "The cluster led a delegation of 11 companies to Toronto, Canada."
    >>> s, e, place, where = _journey_in(t, 0, len(t)); t[s:e], place, where
    ('delegation', 'Toronto', 'to Toronto')
    """
    led = _LED.search(v, lo, hi)
    if led:
        to = _TO_WORD.search(v, led.end(), min(hi, led.end() + 120))
        pm = _TO_PLACE.match(v, to.start(), hi) if to else None
        start = led.end() - len(led.group(0).split()[-1])      # the delegation's noun
    else:
        dm = _DELEGATION.search(v, lo, hi)
        went = _WENT.search(v, dm.end(), min(hi, dm.end() + 160)) if dm else None
        pm = _TO_PLACE.match(v, went.end(), hi) if went else None
        start = went.start() if went else 0
    if pm is None:
        return None
    place, end = tail_place(v, pm, hi)
    said = led.end() if led else pm.end(1)      # the evidence stops before the place: its own mention stays
    return (start, said, place, " ".join(v[pm.start(1):end].split())) if place and place_country(place) else None


def _page_word(v: str, noun) -> tuple[str, str | None]:
    """The page's own noun for a journey (and the same as an alias), else its word for the
    delegation (``noun``, a match of it, or None).

    >>> _page_word("Our study visit ended in Graz.", None), _page_word("Nothing here.", None)
    (('study visit', 'study visit'), ('delegation', None))
    """
    m = _JOURNEY_WORD.search(v)
    if m is None:
        return (noun.group(0).lower() if noun else "delegation"), None
    word = " ".join(m.group(1).split()).lower()
    return word, word


_NOUN_RX = re.compile(_NOUN, re.I)


def _is_journey(*names: str) -> bool:
    """Whether an event's names say it is a journey ("business mission to India", "Study tour").

    >>> _is_journey("business mission to India"), _is_journey("Canada MedTech Summit")
    (True, False)
    """
    words = set(fold(" ".join(names)).split())
    return bool(words & {"mission", "visit", "tour", "trip", "delegation", "journey", "misión", "mision", "missione",
                         "visita", "visite", "viaje", "voyage", "viaggio"})
