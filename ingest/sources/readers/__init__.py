"""Readers: one per format, all returning a :class:`DocumentText` with stable offsets.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "note.md"
>>> _ = p.write_text("# Title\\n\\nThe cluster met its partners in Rabat and signed an agreement with the region.", encoding="utf-8")
>>> doc = read_document(p)
>>> doc.media_type, doc.text[9:20], doc.language
('text/markdown', 'The cluster', 'en')
"""
from __future__ import annotations

from pathlib import Path

from clusternet.graph.errors import InputError
from clusternet.ingest.sources.readers.base import (DocumentText, Limits, Table, TableRow, decode_bytes,
    document_from_text)
from clusternet.ingest.sources.readers.language import LANGUAGE_NAMES, detect_language

__all__ = ["read_document", "DocumentText", "Table", "TableRow", "Limits", "decode_bytes",
           "document_from_text", "SUFFIXES"]

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
            ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx"}


def read_document(path: str | Path, limits: Limits | None = None) -> DocumentText:
    """Read one file by its extension; raise InputError/InputTooLarge with the reason."""
    path = Path(path)
    limits = limits or Limits()
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a directory, not a document")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(path, f"unsupported document type {path.suffix or '(no extension)'!r}; "
                               f"expected one of {', '.join(sorted(SUFFIXES))}")
    if path.stat().st_size == 0:
        raise InputError(path, "file is empty")
    if kind in ("text", "markdown"):
        from clusternet.ingest.sources.readers.text import read_text
        doc = read_text(path, limits, "text/markdown" if kind == "markdown" else "text/plain")
    elif kind == "html":
        from clusternet.ingest.sources.readers.html import read_html
        doc = read_html(path, limits)
    elif kind == "pdf":
        from clusternet.ingest.sources.readers.pdf import read_pdf
        doc = read_pdf(path, limits)
    else:
        from clusternet.ingest.sources.readers.docx import read_docx
        doc = read_docx(path, limits)
    if not doc.text.strip():
        raise InputError(path, "file contains only whitespace, no text")
    doc.language = detect_language(doc.text)
    if doc.language and doc.language != "en":
        doc.warnings.append(f"language looks like {LANGUAGE_NAMES.get(doc.language, doc.language)} "
                            f"({doc.language}): names, places and figures are extracted, but relation cues "
                            "are English, so relations may be missed")
    return doc
