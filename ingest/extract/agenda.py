"""Events of a newsletter's agenda (used by :mod:`.events`): a line that opens with a date and a
dash and goes on with an event ("20–21 May 2026 – Delta partner meeting, Porto",
"15 April – Webinar: battery passports (online)"). The words after the dash are the
event's name; a place after a comma places it.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import load_lexicon, place_country
from clusternet.ingest.extract.literals import alternation
from clusternet.ingest.extract.mentions import Context, Mention
from clusternet.ingest.extract.placewords import is_place

__all__ = ["agenda_events"]


@lru_cache(maxsize=1)
def _agenda_line() -> re.Pattern:
    """A list line: a date (day range, month, year), a dash or colon, then the event and its place."""
    months = alternation(load_lexicon()["months"], True)
    day = r"\d{1,2}(?:\s*[–-]\s*\d{1,2})?"
    date = (r"(?:" + day + r"\s+(?:" + months + r")|(?:" + months + r")\s+" + day + r")(?:,?\s+(?:19|20)\d\d)?")
    return re.compile(r"(?im)^[ \t]*(?:[-*•·][ \t]+)?\**" + date + r"\**[ \t]*[–—:-][ \t]+(?P<name>[^\n]{3,90}?)"
                      r"(?:,[ \t]+(?P<place>[A-Z][^\n,()]{1,40})|[ \t]+\((?P<paren>[^()\n]{1,30})\))?[ \t]*$")


@lru_cache(maxsize=1)
def _event_word() -> re.Pattern:
    """Any event noun of the lexicon, as a word."""
    lex = load_lexicon()
    nouns = sorted(set(lex["event_nouns"]) | set(lex["described_event_heads"]), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + alternation((re.escape(n) for n in nouns), True) + r")\b")


def agenda_events(ctx: Context) -> list[Mention]:
    """The events an agenda's dated lines name.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("Agenda\\n\\n- 20–21 May 2026 – Delta partner meeting, Brussels\\n- 8 June 2026 – Alpha signs MoU\\n")
    >>> [(m.name, m.props.get("place")) for m in agenda_events(ctx)]
    [('Delta partner meeting', 'Brussels')]
    """
    v = ctx.view
    out = []
    for m in _agenda_line().finditer(v):
        name = m.group("name").strip(" *")
        if not _event_word().search(name) or name.endswith("."):
            continue        # "8 June – Alpha signs MoU": news, no event
        place = m.group("place") or m.group("paren")
        place = place.strip() if place and is_place(place.strip()) else None
        s = m.start("name") + m.group("name").index(name)
        ev = Mention(s, s + len(name), name, "Event", "event-agenda", 0.6, country=place_country(place) if place else None)
        if place:
            ev.props["place"] = place
        out.append(ev)
    return out
