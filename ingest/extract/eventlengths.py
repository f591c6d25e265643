"""How long an event lasts, and how long its meetings or pitches last, as figures of the event:
"a five-day mission to South Korea", "9–13 June 2025 (five days)", "2 days · 187 participants",
"6,200 visitors over its three days", "une mission de cinq jours", "in quattro giorni";
"pre-arranged 20-minute meetings", "Meetings last 25 minutes", "20 clusters pitch, 3 minutes each".

The measure of a length is "duration (days)" (in a French, Spanish or Italian text "durée
(jours)", "duración (días)", "durata (giorni)", as :mod:`.durations` writes months); a meeting's or
pitch's length is "<noun> duration (minutes)". The subject is the event named where
the length is said (right after it, else the one event of its sentence), else the page's event;
no event, no figure. A partnership's or project's duration is :mod:`.durations`' concern.

>>> from types import SimpleNamespace as E
>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("Expo Mar 2026 (Vigo)\\n\\nThe fair welcomed 6,200 visitors over its three days. Meetings last 25 minutes.")
>>> fair = E(label="Event", mentions=[E(start=0, end=13)])
>>> [(f.measure, f.value) for f in event_length_facts(ctx, [fair], fair)]
[('duration (days)', 3), ('meeting duration (minutes)', 25)]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.durations import unit_windows
from clusternet.ingest.extract.lexicon import fold, load_lexicon, number_value
from clusternet.ingest.extract.raw import RawFact

__all__ = ["event_lengths", "event_length_facts", "Length"]

MAX_DAYS = 31           # a longer stay is no event's length
MAX_MINUTES = 240
LOOK_BACK = 600         # "The day was …. Morning: 20 clusters pitch, 3 minutes each": the event named just before
NEAR_EVENT = 60         # "a five-day business mission to …": the event named this close after the length


@dataclass(frozen=True)
class Length:
    """One stated length: its measure, value and unit, where it is, and where its event is named
    (``kind``): "after" (the length describes the event named next), else its sentence or page."""
    measure: str
    value: int
    unit: str
    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, kind) of each shape of a length (number words from the lexicon)."""
    lex = load_lexicon()
    words = sorted({*lex["number_words"], *lex["length_number_words"]}, key=len, reverse=True)
    num = rf"(?P<num>\d{{1,2}}|{'|'.join(words)})"
    days = r"(?P<unit>days|jours|d[íi]as|giorni)"
    return (
        (re.compile(rf"(?i)\b{num}[-‑ ]day\b(?!s)"), "after"),                         # "a five-day mission"
        (re.compile(rf"(?i)\(\s*{num}\s+{days}\s*\)"), "before"),                       # "9–13 June (five days)"
        (re.compile(rf"(?im)^[ \t#*>•-]*{num}\s+{days}(?=\s*(?:[,·|–—:.]|$))"), "page"),  # "2 days · 187 participants"
        (re.compile(rf"(?i)\b(?:over|for|during|in)\s+(?:its\s+|the\s+)?{num}\s+(?P<unit>days)\b"), "before"),
        (re.compile(rf"(?i)\b(?:de|di|en|in|durante|pendant)\s+{num}\s+{days}\b"), "before"),
        (re.compile(rf"(?i)\b{num}[-‑ ]minute\s+(?P<noun>meetings?|pitch(?:es)?|sessions?|slots?|talks?)\b"), "minutes"),
        (re.compile(rf"(?i)\b(?P<noun>meetings?|pitch(?:es)?|sessions?|slots?|talks?)\s+(?:will\s+)?last\s+"
                    rf"(?:about\s+|up\s+to\s+)?{num}\s+minutes\b"), "minutes"),
        (re.compile(rf"(?i)\b(?P<noun>pitch(?:es)?|meetings?|presentations?)\b[^.;\n]{{0,40}}?,\s*{num}\s+minutes\s+each\b"),
         "minutes"),
    )


def _value(num: str) -> int | None:
    """A length's number from digits or a number word.

    >>> _value("5"), _value("five"), _value("quattro"), _value("many")
    (5, 5, 4, None)
    """
    return number_value(num) or load_lexicon()["length_number_words"].get(fold(num))


def _singular(noun: str) -> str:
    """A unit noun in the singular.

    >>> _singular("pitches"), _singular("Meetings"), _singular("talk")
    ('pitch', 'meeting', 'talk')
    """
    n = noun.lower()
    return n[:-2] if n.endswith("ches") else n[:-1] if n.endswith("s") else n


# a Romance unit gives the measure in the text's language, as :mod:`.durations` does for months
_DAY_MEASURES = {"jours": "durée (jours)", "dias": "duración (días)", "giorni": "durata (giorni)"}


def event_lengths(view: str) -> list[Length]:
    """Every event length the text states, in text order (one per number).

    >>> [(x.measure, x.value, x.kind) for x in event_lengths("A five-day mission. Meetings last 25 minutes.")]
    [('duration (days)', 5, 'after'), ('meeting duration (minutes)', 25, 'minutes')]
    """
    out, seen = [], set()
    windows = unit_windows(view, _UNIT)
    for rx, kind in _patterns():
        for m in (m for lo, hi in windows for m in rx.finditer(view, lo, hi)):
            value = _value(m.group("num"))
            if value is None or m.start("num") in seen:
                continue
            if kind == "minutes":
                if 0 < value <= MAX_MINUTES:
                    out.append(Length(f"{_singular(m.group('noun'))} duration (minutes)", value, "minutes",
                                      m.start(), m.end(), kind))
            elif 0 < value <= MAX_DAYS:
                word = fold(m.groupdict().get("unit") or "days")
                out.append(Length(_DAY_MEASURES.get(word, "duration (days)"), value, "days", m.start(), m.end(), kind))
            seen.add(m.start("num"))
    return sorted(out, key=lambda x: x.start)


# a length's unit word; the patterns are read only around one (a long text holds few)
_UNIT = re.compile(r"(?i)(?:days?|jours|d[íi]as|giorni|minutes?)\b")


def _events_in(events, lo: int, hi: int) -> list:
    """The events named in ``lo:hi``, each once, by first mention there."""
    named = sorted((min(m.start for m in e.mentions if lo <= m.start < hi), i, e) for i, e in enumerate(events)
                   if any(lo <= m.start < hi for m in e.mentions))
    return [e for _, _, e in named]


def _owner(ctx, length: Length, events, page_event):
    """The event a length is of: the one it describes, the one its sentence names, the last one
    named shortly before it, else the page's."""
    sent = ctx.sents[ctx.sent_at(length.start)]
    if length.kind == "after":
        right = _events_in(events, length.start, min(sent.end, length.end + NEAR_EVENT))
        if right:
            return right[0]
        if not _event_noun_within(ctx.view, length.end, sent.end):
            return None     # "registrations close 1 day before": no event's length
    here = _events_in(events, sent.start, sent.end)
    if here:
        return here[0] if len(here) == 1 else None
    before = [(m.start, i, e) for i, e in enumerate(events) for m in e.mentions
              if sent.start - LOOK_BACK <= m.start < sent.start]
    return max(before, key=lambda x: (x[0], -x[1]))[2] if before else page_event


def _event_noun_within(v: str, pos: int, end: int, words: int = 3) -> bool:
    """Whether one of the next few words after ``pos`` is an event noun ("a two-day study visit").

    >>> _event_noun_within("a two-day study visit", 9, 21), _event_noun_within("1 day before the call", 5, 21)
    (True, False)
    """
    lex = load_lexicon()
    return any(lex.label_of_head(w) == "Event" for w in re.findall(r"[^\W\d_]+", v[pos:end])[:words])


def event_length_facts(ctx, ents, page_event) -> list[RawFact]:
    """A fact per event and measure: its length in days and its meetings' or pitches' length in minutes."""
    events = [e for e in ents if e.label == "Event"]
    if not events:
        return []
    out, seen = [], set()
    for length in event_lengths(ctx.view):
        owner = _owner(ctx, length, events, page_event)
        if owner is None or (id(owner), length.measure) in seen:
            continue
        seen.add((id(owner), length.measure))
        out.append(RawFact(owner, length.measure, None, length.value, length.unit, length.start, length.end, 0.6))
    return out
