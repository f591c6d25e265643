"""Which sentences of a page the prose count rules read (used by :mod:`.counts`): a table's rows
and a page's headings are the table and heading rules', but for the cells of a row that are prose
("Field visit to X (1,900 farmers); debrief") and a headline that states counts as a sentence does
("Cluster Days 2025: 312 participants, 41 exhibitors"); a headline's count that the text says again
is the text's.
"""
from __future__ import annotations

from bisect import bisect_right

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.view import row_text

__all__ = ["table_or_heading", "read_apart", "headline_repeats_dropped"]


def _figure_strip(raw: str) -> bool:
    """Whether a line is a strip of key figures, cells of a number and its words between bars.

    >>> _figure_strip("Key figures 118 participants | 34 clusters | 5 countries"), _figure_strip("| Name | Country |")
    (True, False)
    """
    cells = raw.split("|")
    return len(cells) >= 3 and _CELL_END.search(cells[0]) is not None \
        and all(_CELL.match(c) or re.search(r"\d{4}\s*$", c) for c in cells[1:])


_CELL, _CELL_END = re.compile(r"\s*\d[\d.,]*\s+[^\W\d]"), re.compile(r"\d[\d.,]*\s+[^|\d]{2,40}$")


def table_or_heading(ctx, sent) -> bool:
    """Whether a sentence is a table row or a heading (except "12 reasons for the membership:"), which
    the prose rules leave to the table and heading rules."""
    raw = ctx.text[sent.start:sent.end]
    strip = _figure_strip(raw)      # "118 participants | 34 clusters | 5 countries"
    return bool("\t" in raw or raw.count("|") >= 2 and not strip or "\t" in ctx.view[sent.start:sent.end]   # space-aligned
                or ctx.lines[sent.line].heading
                and not re.match(r"\s*\d{1,3}\s+[a-z]{3,}\b[^\d]*$", raw) and not _HEADLINE_COUNT.search(raw))


# a headline that states counts as a sentence does ("Cluster Days 2025: 312 participants and a record"),
# not a numbered heading ("2. Partners")
_HEADLINE_COUNT = re.compile(r"^(?!\s*(?:#+\s*)?\d{1,2}[.)]\s)(?=(?:\S+\s+){4}).*?\b\d[\d,.]*\s+[a-zA-Z-]{3,}[sS]\b")


def read_apart(ctx, sent) -> bool | tuple[tuple[int, int], ...]:
    """True for a sentence the prose rules leave to the table and heading rules (:func:`table_or_heading`),
    but for a tab- or bar-separated row with a cell of prose ("Field visit to X (1,900 farmers); debrief"): the
    spans of its other cells, which the table rules read; () for any other sentence.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("Day\\tActivity\\nFri 8 March\\tVisit to a dairy cooperative with 1,900 farmers\\nSat\\t12\\n")
    >>> [read_apart(ctx, s) for s in ctx.sents]
    [True, ((13, 24),), True]
    """
    if not table_or_heading(ctx, sent):
        return ()
    raw = row_text(ctx.text, ctx.view, sent.start, sent.end)
    sep = "\t" if "\t" in raw else "|"
    if ctx.lines[sent.line].heading or raw.count(sep) < (1 if sep == "\t" else 2):
        return True
    spans, pos, prose = [], sent.start, False
    for cell in raw.split(sep):
        words = re.findall(r"[^\W\d_]+", cell)
        if len(words) >= 5 and sum(w.islower() for w in words) >= 3:
            prose = True
        else:
            spans.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return tuple(spans) if prose else True


def headline_repeats_dropped(ctx, facts: list) -> list:
    """``facts`` without those read from a heading that the text says again (the same value of the same
    subject outside headings): a headline's "312 participants" is the body's.

    >>> from types import SimpleNamespace as F
    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("# Cluster Days 2025 drew 312 participants\\n\\nThe forum had 312 participants and 40 talks.\\n")
    >>> [f.start for f in headline_repeats_dropped(ctx, [F(subject=1, value=312, start=26), F(subject=1, value=312, start=57)])]
    [57]
    """
    heads = [(line.start, line.end) for line in ctx.lines if line.heading]
    starts = [h[0] for h in heads]

    def in_head(f) -> bool:
        k = bisect_right(starts, f.start) - 1
        return k >= 0 and f.start < heads[k][1]
    body = {(id(f.subject), f.value) for f in facts if not in_head(f)}
    return [f for f in facts if not (in_head(f) and (id(f.subject), f.value) in body)]
