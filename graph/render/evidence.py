"""Evidence shown again: the sentence of a source document around a span, span highlighted.

>>> text = "Intro here. The Techtera cluster joined in 2019. Next one."
>>> evidence_snippet(text, 16, 24)
('The ', 'Techtera', ' cluster joined in 2019.')
>>> print(snippet_markdown(*evidence_snippet(text, 16, 24)))
The :orange-background[Techtera] cluster joined in 2019&#46;
"""
from __future__ import annotations

import re

from clusternet.graph.render.viz import markdown_escape

__all__ = ["evidence_snippet", "snippet_markdown"]

_BOUNDARY = re.compile(r"(?<=[.!?;])\s+|\n\s*\n")


def evidence_snippet(doc_text: str | None, start: int | None, end: int | None, *, max_chars: int = 320,
                     expected: str | None = None) -> tuple[str, str, str]:
    """(before, span, after): the sentence of ``doc_text`` holding ``[start:end]``.

    When the document text is missing or no longer holds the span (``expected`` differs),
    the span is ``expected`` alone, with no context.
    """
    if not doc_text or start is None or end is None or not 0 <= start <= end <= len(doc_text):
        return "", expected or "", ""
    span = doc_text[start:end]
    if expected is not None and span != expected:
        return "", expected, ""
    lo = max(0, start - max_chars)
    cuts = [m.end() for m in _BOUNDARY.finditer(doc_text, lo, start)]
    s0 = cuts[-1] if cuts else lo
    m = _BOUNDARY.search(doc_text, end, min(len(doc_text), end + max_chars))
    e0 = m.start() if m else min(len(doc_text), end + max_chars)
    before, after = doc_text[s0:start], doc_text[end:e0]
    if s0 > 0 and not cuts:
        before = "…" + before
    if e0 < len(doc_text) and not m:
        after += "…"
    return before, span, after


def snippet_markdown(before: str, span: str, after: str) -> str:
    """Markdown (no HTML) showing the span highlighted; every character of data escaped."""
    mid = f":orange-background[{markdown_escape(span)}]" if span else ""
    return f"{markdown_escape(before)}{mid}{markdown_escape(after)}"
