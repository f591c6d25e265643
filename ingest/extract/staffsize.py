"""A company's size said as a compound before its kind: "X, a 35-employee family SME", "Y is a
120-strong engineering firm", "a 38-person machine shop, Z". The figure is the company's
"employees"; the company is the one the phrase describes, named right before it ("X, a …", "X is
a …", "X – a …") or right after it ("a 38-person machine shop, Z"). No company named there, no figure.

>>> from types import SimpleNamespace as E
>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("We met Hartl Guss GmbH, a 35-employee family SME from Graz.")
>>> hartl = E(label="SME", mentions=[E(start=7, end=22)])
>>> [(f.measure, f.value) for f in staff_facts(ctx, [hartl])]
[('employees', 35)]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.lexicon import load_lexicon, number_value
from clusternet.ingest.extract.raw import RawFact

__all__ = ["staff_facts", "size_compound_at"]

COMPANIES = ("Organisation", "SME", "Cluster")
_BEFORE = re.compile(r"\**\s*(?:\([^()\n]{0,40}\)\s*)?(?:,|–|—|-|\bis|\bwas)\s+(?:an?|the)\s+$")
_AFTER = re.compile(r"[ \t]*,[ \t]*(?:\*\*)?$")
_SUFFIX = re.compile(r"(?i)[-‑](?:employee|person|people|strong|staff)\b")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """A number, a hyphen and a word of a workforce ("35-employee", "twelve-person", "120-strong"),
    read from where the number may start (the text is first searched for the suffix alone)."""
    words = sorted(load_lexicon()["number_words"], key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w.,-])(?P<num>\d{1,6}|" + "|".join(words) + r")[-‑](?:employee|person|people|strong|staff)\b"
                      r"(?P<kind>(?:\s+[a-z][\w-]*){1,4})")


def size_compound_at(v: str, pos: int) -> bool:
    """Whether a company-size suffix starts at ``pos`` (right after a number: "35|-employee"), which
    makes the number no count of its own (:mod:`.countable`).

    >>> size_compound_at("a 35-employee SME", 4), size_compound_at("a 35-year plan", 4)
    (True, False)
    """
    return _SUFFIX.match(v, pos) is not None


def _compounds(v: str):
    """The company-size compounds of a text, found from their suffixes."""
    for sm in _SUFFIX.finditer(v):
        m = _pattern().search(v, max(0, sm.start() - 12), sm.end() + 80)
        if m is not None and m.end("num") == sm.start():
            yield m


def staff_facts(ctx, ents) -> list[RawFact]:
    """The employees each company-size compound gives the company it describes."""
    spans = sorted(((m.start, m.end, e) for e in ents if e.label in COMPANIES for m in e.mentions), key=lambda x: x[:2])
    starts, ends = [s for s, _, _ in spans], sorted((e, i) for i, (_, e, _) in enumerate(spans))
    out = []
    for m in _compounds(ctx.view):
        value = number_value(m.group("num"))
        company = _described(ctx.view, m, spans, starts, ends) if value else None
        if company is not None:
            out.append(RawFact(company, "employees", None, value, None, m.start(), m.end("num"), 0.6))
    return out


def _described(v: str, m: re.Match, spans, starts, ends):
    """The company named right before the phrase ("X, a 35-employee …") or right after its words
    ("a 38-person machine shop, Z"), else None."""
    k = bisect_left(ends, (m.start() + 1, -1)) - 1      # the last mention ending before the phrase
    while k >= 0 and ends[k][0] > m.start() - 60:
        end, i = ends[k]
        if _BEFORE.fullmatch(v, end, m.start()):
            return spans[i][2]
        k -= 1
    j = bisect_right(starts, m.end("num"))               # the first mention starting after it
    while j < len(spans) and spans[j][0] <= m.end() + 60:
        if _AFTER.fullmatch(v, m.end(), spans[j][0]):
            return spans[j][2]
        j += 1
    return None

