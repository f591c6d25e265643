"""DOCX: paragraphs and tables in body order; zip members checked before unpacking."""
from __future__ import annotations

import zipfile
from pathlib import Path

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.ingest.sources.readers.base import (DocumentText, Limits, check_size, document_from_text,
    tables_to_text)

__all__ = ["read_docx"]


def _check_zip(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    # zipfile also raises NotImplementedError (an unknown zip version) and UnicodeDecodeError
    # (a member name flagged UTF-8 that is not): found by scripts/fuzz_readers.py
    except (zipfile.BadZipFile, OSError, NotImplementedError, UnicodeDecodeError) as err:
        raise InputError(path, f"not a valid DOCX (zip) file: {err}") from None
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise InputError(path, "not a Word document (no word/document.xml inside)")
    if len(infos) > limits.max_zip_members:
        raise InputTooLarge(path, f"the zip holds {len(infos)} members, over the {limits.max_zip_members} limit")
    total = sum(i.file_size for i in infos)
    if total > limits.max_zip_total_bytes:
        raise InputTooLarge(path, f"the zip members unpack to {total} bytes together, "
                                  f"over the {limits.max_zip_total_bytes} limit")
    for info in infos:
        # deflate never grows data by more than a few bytes per block: a member whose
        # compressed data is bigger than its declared size lies about that size
        if info.compress_type and info.compress_size > info.file_size * 1.01 + 1024:
            raise InputError(path, f"zip member {info.filename} declares {info.file_size} bytes but holds "
                                   f"{info.compress_size} compressed bytes (a forged or damaged zip)")
        if info.file_size > limits.max_zip_member_bytes:
            raise InputTooLarge(path, f"zip member {info.filename} unpacks to {info.file_size} bytes, "
                                      f"over the {limits.max_zip_member_bytes} limit")
        if info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio and info.file_size > 1_000_000:
            raise InputTooLarge(path, f"zip member {info.filename} compresses {info.file_size // info.compress_size}:1 "
                                      "(a decompression bomb?); refused")


def read_docx(path: Path, limits: Limits) -> DocumentText:
    """The text of a Word (.docx) file: paragraphs and tables in body order, tables as rows.

    The zip container is checked against ``limits`` before it is opened; a damaged file
    raises :class:`InputError`.
    """
    check_size(path, limits)
    _check_zip(path, limits)
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        d = docx.Document(str(path))
        parts: list = []
        for block in d.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                t = Paragraph(block, d).text.strip()
                if t:
                    parts.append(t)
            elif tag == "tbl":
                rows = [[c.text for c in row.cells] for row in DocxTable(block, d).rows]
                if rows:
                    parts.append(rows)
    except Exception as err:  # noqa: BLE001 - python-docx raises many kinds on broken XML
        raise InputError(path, f"damaged Word document ({type(err).__name__}: {err})") from None
    text, tables = tables_to_text(parts)
    if not text.strip():
        raise InputError(path, "the Word document contains no text")
    doc = document_from_text(text, name=path.name, source=str(path), raw=path.read_bytes(),
                             media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    doc.tables = tables
    return doc
