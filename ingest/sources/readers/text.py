"""Plain text and Markdown: decoded as they are (offsets are into the file's text).

Markdown is kept verbatim (not rendered) so spans stay exact; the extractor reads past
``**`` and ``#`` itself. Markdown pipe tables are listed in ``tables``.
"""
from __future__ import annotations

import re
from pathlib import Path

from clusternet.ingest.sources.readers.base import (DocumentText, Limits, Table, TableRow, check_size,
    decode_bytes, document_from_text)

__all__ = ["read_text", "markdown_tables"]

_RULE = re.compile(r"^[\s|:\-]+$")


def markdown_tables(text: str) -> list[Table]:
    """Markdown pipe tables (a header row, a ``|---|`` rule, body rows).

    >>> t = markdown_tables("x\\n| a | b |\\n|---|---|\\n| 1 | 2 |\\n")[0]
    >>> [r.cells for r in t.rows]
    [('a', 'b'), ('1', '2')]
    """
    tables, block = [], []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.count("|") >= 2 and body.strip().startswith("|"):
            block.append((pos, pos + len(body), body))
        else:
            if len(block) >= 2:
                tables.append(_table(block))
            block = []
        pos += len(line)
    if len(block) >= 2:
        tables.append(_table(block))
    return tables


def _table(block) -> Table:
    rows = []
    for s, e, body in block:
        if _RULE.match(body):
            continue
        cells = tuple(c.strip() for c in body.strip().strip("|").split("|"))
        rows.append(TableRow(cells, s, e))
    return Table(tuple(rows), block[0][0], block[-1][1])


def read_text(path: Path, limits: Limits, media_type: str = "text/plain") -> DocumentText:
    """A plain-text or Markdown file, decoded (see :func:`decode_bytes`) with newlines made ``\n``;
    Markdown tables are listed in ``tables``.
    """
    check_size(path, limits)
    data = path.read_bytes()
    text, warnings = decode_bytes(data, path)
    # one newline convention keeps offsets identical on every platform
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = document_from_text(text, name=path.name, source=str(path), media_type=media_type, raw=data)
    doc.warnings.extend(warnings)
    if media_type == "text/markdown":
        doc.tables = markdown_tables(text)
    return doc
