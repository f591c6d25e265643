"""How long a partnership or project runs, as a figure of it: "Duration: 36 months", "will run
for 30 months", "a two-year project", "its four-year action plan", "for a duration of 24 months",
"une durée de 24 mois".

The measure is "duration" with the unit in brackets (as an amount names its currency); the
subject is the partnership named in the sentence, else the one the page is about. An event's
length ("a three-day mission") is no such figure.

>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("Duration: 36 months (2024-2026)\\nThe partnership will run for 30 months.")
>>> [(d.measure, d.value, d.unit) for d in durations(ctx)]
[('duration (months)', 36, 'months'), ('duration (months)', 30, 'months')]
>>> [d.value for d in durations(build_context("Duration: 01.04.2024 – 31.03.2027 (36 months)\\nOver 24 months it helps."))]
[36, 24]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.lexicon import fold, load_lexicon, number_value

__all__ = ["Duration", "durations", "duration_facts"]

_UNITS = {"month": "months", "months": "months", "year": "years", "years": "years"}
# a Romance unit gives the measure in the text's language ("une durée de 24 mois": durée (mois))
_ROMANCE_UNITS = {"mois": ("durée", "mois"), "ans": ("durée", "ans"), "meses": ("duración", "meses"),
                  "años": ("duración", "años"), "mesi": ("durata", "mesi"), "anni": ("durata", "anni")}
_OWNERS = r"(?:project|partnership|action\s+plan|programme|initiative|consortium|cooperation|strategy|agreement|memorandum)"


@dataclass(frozen=True)
class Duration:
    """One stated duration: its measure, value and unit, where it is, and the owner noun's end."""
    measure: str
    value: int
    unit: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    """Field, "run for N months" and "an N-year project" shapes (number words from the lexicon)."""
    words = "|".join(sorted(load_lexicon()["number_words"], key=len, reverse=True))
    num = rf"(?P<num>\d{{1,2}}|{words})"
    unit = r"(?P<unit>months?|years?)"
    return (re.compile(rf"(?im)^[ \t*#>•-]*(?:project[ \t]+)?duration[ \t]*\**[ \t]*:[ \t]*\**[ \t]*{num}[ \t]+{unit}\b"),
            re.compile(rf"(?im)^[ \t*#>•-]*(?:project[ \t]+)?duration[ \t]*\**[ \t]*:[^\n(]{{0,40}}\(\s*{num}[ \t]+{unit}\s*\)"),
            re.compile(rf"(?i)\b(?:runs?|will\s+run|running|lasts?|will\s+last)\s+(?:for\s+)?{num}\s+{unit}\b"),
            re.compile(rf"(?m)(?:^|(?<=[.!?]\s))(?:Over|In\s+the\s+next|During\s+the\s+next)\s+{num}\s+{unit}\b"),
            re.compile(rf"(?i)\b{num}[-\s]{unit}\s+(?:[a-z]+\s+)?{_OWNERS}\b"),
            re.compile(rf"(?i)\b(?:duration|dur[ée]e|duraci[óo]n|durata)\s+(?:of|de|di)\s+{num}\s+"
                       rf"(?P<unit>months?|years?|mois|ans|meses|años|mesi|anni)\b"),
            re.compile(rf"(?i)\b(?:(?:is|remains|will\s+be|shall\s+be)\s+)?(?:valid|in\s+force|concluded|signed)\s+for\s+"
                       rf"(?:an?\s+(?:initial\s+)?period\s+of\s+)?{num}\s+{unit}\b"))


def _value(num: str) -> int | None:
    """A duration's number from digits or a number word.

    >>> _value("36"), _value("two"), _value("hundred")
    (36, 2, None)
    """
    if num.isdigit():
        return int(num)
    v = number_value(num)
    return v if v is not None and v <= 20 else None


# a duration's unit word; the patterns are read only around one (a long text holds few)
_UNIT = re.compile(r"(?i)\b(?:months?|years?|mois|ans|meses|años|mesi|anni)\b")
WINDOW = 120            # characters before a unit word that a duration's words may start


def unit_windows(view: str, unit: re.Pattern) -> list[tuple[int, int]]:
    """The stretches of ``view`` around the matches of ``unit`` (from ``WINDOW`` characters before
    one to the end of its line), merged where they overlap.

    >>> unit_windows("Nothing here.\\nA two-year project.\\n", _UNIT)
    [(0, 33)]
    """
    out: list[list[int]] = []
    for m in unit.finditer(view):
        eol = view.find("\n", m.end())
        lo, hi = max(0, m.start() - WINDOW), len(view) if eol < 0 else eol
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def durations(ctx) -> list[Duration]:
    """Every duration of a project or partnership the text states, in text order."""
    out, seen = [], set()
    windows = unit_windows(ctx.view, _UNIT)
    for rx in _patterns():
        for m in (m for lo, hi in windows for m in rx.finditer(ctx.view, lo, hi)):
            value = _value(m.group("num"))
            if value is None or m.start("num") in seen:
                continue
            seen.add(m.start("num"))
            word = m.group("unit").lower()
            noun, unit = _ROMANCE_UNITS.get(word) or ("duration", _UNITS[fold(word)])
            out.append(Duration(f"{noun} ({unit})", value, unit, m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


def duration_facts(ctx, partnerships, main, agreements=()) -> list[tuple[object, Duration]]:
    """(subject, duration) pairs: an agreement's when the words just before the duration speak of
    one ("Under the agreement, which runs for five years", "a five-year cooperation agreement"):
    the agreement its sentence names, else the page's most named one; else the partnership
    named in the duration's sentence, else ``main``; none without a partnership or agreement."""
    out = []
    for d in durations(ctx):
        sent = ctx.sents[ctx.sent_at(d.start)]
        named = [e for e in (*partnerships, *agreements) if any(sent.start <= m.start < sent.end for m in e.mentions)]
        subject = named[0] if len(named) == 1 else main
        if agreements and _AGREEMENT_WORD.search(ctx.view, max(sent.start, d.start - 60), d.end):
            signed = [e for e in named if e.label == "Agreement"]
            subject = signed[0] if len(signed) == 1 else max(agreements, key=lambda e: (len(e.mentions), -e.mentions[0].start))
        if subject is not None:
            out.append((subject, d))
    return out


_AGREEMENT_WORD = re.compile(r"(?i)\b(?:agreement|memorandum|MoU|accord|protocol|charter|convenio|convenzione|"
                             r"protocolo|protocole|protocollo|acuerdo|accordo)\b")
