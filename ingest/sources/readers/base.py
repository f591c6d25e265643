"""What every reader returns, the limits they enforce, and text decoding.

A reader turns a file into one :class:`DocumentText`: plain text with stable character
offsets (evidence spans point into it), page spans for paged formats, tables as rows
with their spans, and ``warnings`` for anything a user should know (a low-confidence
decode, mixed encodings, a language the patterns are not tuned for).

>>> doc = document_from_text("Hello\\tworld", name="x.txt")
>>> doc.text, doc.chars, doc.id.startswith("doc:")
('Hello\\tworld', 11, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.graph.ids import document_id, sha256_hex
from clusternet.ingest.sources.textenc import utf16_codec

__all__ = ["DocumentText", "Table", "TableRow", "Limits", "decode_bytes", "document_from_text",
           "check_size", "tables_to_text"]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps checked before parsing; a file over one is refused with :class:`InputTooLarge`."""

    max_bytes: int = 25 * MB            # any file, before it is opened by a parser
    max_pdf_pages: int = 1000
    max_zip_member_bytes: int = 200 * MB  # uncompressed size of one DOCX zip member
    max_zip_ratio: float = 200.0          # uncompressed / compressed, per member (zip bombs)
    max_html_nodes: int = 100_000       # the tree builder parses ~20k elements a second
    max_zip_members: int = 2_000          # members of one DOCX (real documents have tens)
    max_zip_total_bytes: int = 300 * MB   # uncompressed size of all DOCX members together
    max_html_depth: int = 200             # element nesting (the parser and tree walk recurse)


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; ``start``/``end`` span its lines in the document text."""

    rows: tuple[TableRow, ...]
    start: int
    end: int


@dataclass
class DocumentText:
    """The text of one document as read, with its provenance."""

    id: str
    name: str
    source: str
    sha256: str
    media_type: str
    text: str
    pages: list[tuple[int, int]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    language: str | None = None

    @property
    def chars(self) -> int:
        """Length of the text, in characters."""
        return len(self.text)


def document_from_text(text: str, name: str = "text", source: str | None = None,
                       media_type: str = "text/plain", raw: bytes | None = None) -> DocumentText:
    """A DocumentText from a string (ids hash the raw bytes, else the UTF-8 text)."""
    data = raw if raw is not None else text.encode("utf-8")
    return DocumentText(id=document_id(data), name=name, source=source or name, sha256=sha256_hex(data),
                        media_type=media_type, text=text)


def check_size(path: Path, limits: Limits) -> int:
    """The file's size in bytes, if it is readable and within ``limits.max_bytes``.

    Raises :class:`InputError` if the file cannot be read, :class:`InputTooLarge` if it is
    over the limit.
    """
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, f"cannot read file ({err.strerror or err})") from None
    if size > limits.max_bytes:
        raise InputTooLarge(path, f"file is {size / MB:.1f} MB, over the {limits.max_bytes / MB:.0f} MB limit "
                                  f"(raise Limits.max_bytes to read it)")
    return size


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, list[str]]:
    """Decode bytes to text, returning ``(text, warnings)``.

    UTF-16 (with a byte-order mark, or without one when the bytes say so), else UTF-8
    (fast and exact); files that mix UTF-8 with a legacy 8-bit encoding are
    decoded line by line; anything else goes to charset-normalizer, and a low-confidence
    guess is reported in the warnings.

    >>> decode_bytes("Pôle".encode("utf-8"))
    ('Pôle', [])
    >>> text, warns = decode_bytes("Pôle\\n".encode("utf-8") + "Régión\\n".encode("cp1252"))
    >>> text, warns[0].startswith("mixed encodings")
    ('Pôle\\nRégión\\n', True)
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    enc = utf16_codec(data[:65536])
    if enc:
        try:
            return data.decode(enc), []
        except UnicodeDecodeError as err:
            raise InputError(path, f"reads as {enc.upper()} text but byte {err.start} is not valid "
                                   f"{enc.upper()}; save the file as UTF-8") from None
    if _looks_binary(data):
        raise InputError(path, "looks like a binary file, not text (control bytes found); "
                               "give it the right extension or convert it to text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    return _decode_detected(data)


def _decode_mixed(data: bytes) -> tuple[str, list[str]] | None:
    """A file of UTF-8 lines and legacy 8-bit lines, read line by line (the others as
    Windows-1252) with a warning naming them; None if the file is not such a mix."""
    lines = data.splitlines(keepends=True)
    bad = []
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
    non_ascii_ok = sum(1 for ln in lines if any(b > 127 for b in ln)) - len(bad)
    if not (bad and non_ascii_ok > 0):
        return None
    # some lines are valid, non-ASCII UTF-8 and some are not: a mixed file
    out = []
    for i, line in enumerate(lines):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    shown = ", ".join(str(i + 1) for i in bad[:5]) + (" …" if len(bad) > 5 else "")
    return "".join(out), [f"mixed encodings: {len(bad)} line(s) were not UTF-8 and were read as "
                          f"Windows-1252 (lines {shown})"]


def _decode_detected(data: bytes) -> tuple[str, list[str]]:
    """Bytes in an unknown legacy encoding, decoded by charset-normalizer's best guess
    (Windows-1252 preferred when it reads as well), with a warning saying how."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    # Western European legacy files are far more often Windows-1252 than the Baltic or
    # Cyrillic pages a detector can tie with on short texts; prefer it when it reads as well
    for r in results:
        if best is not None and r.encoding in ("cp1252", "latin_1", "iso8859_15") and r.chaos <= best.chaos + 0.1:
            best = r
            break
    else:
        try:
            text = data.decode("cp1252")
            if best is None or not re.search(r"[\x80-\x9f]", text):
                if best is None or best.encoding not in ("cp1252", "latin_1", "iso8859_15"):
                    from charset_normalizer import from_bytes as _fb
                    alt = _fb(data, cp_isolation=["cp1252"]).best()
                    if alt is not None and (best is None or alt.chaos <= best.chaos + 0.1):
                        best = alt
        except UnicodeDecodeError:
            pass
    if best is None:
        return data.decode("utf-8", errors="replace"), [
            "encoding could not be detected; undecodable bytes were replaced by U+FFFD"]
    text = str(best)
    warns = []
    if best.chaos > 0.2 or best.coherence < 0.1:
        warns.append(f"low-confidence decode as {best.encoding} (chaos {best.chaos:.2f}); check accents")
    else:
        warns.append(f"decoded as {best.encoding} (not UTF-8)")
    return text, warns


def tables_to_text(parts: list, start_offset: int = 0) -> tuple[str, list[Table]]:
    """Join text blocks and tables (lists of rows) into text; tables become tab-separated lines.

    >>> text, tables = tables_to_text(["Intro", [["a", "b"], ["1", "2"]]])
    >>> text
    'Intro\\n\\na\\tb\\n1\\t2'
    >>> tables[0].rows[1].cells, text[tables[0].start:tables[0].end]
    (('1', '2'), 'a\\tb\\n1\\t2')
    """
    out: list[str] = []
    tables: list[Table] = []
    pos = start_offset
    for i, part in enumerate(parts):
        if i:
            out.append("\n\n")
            pos += 2
        if isinstance(part, str):
            out.append(part)
            pos += len(part)
            continue
        rows, t0 = [], pos
        for j, row in enumerate(part):
            cells = tuple(re.sub(r"\s+", " ", c).strip() for c in row)
            line = "\t".join(cells)
            if j:
                out.append("\n")
                pos += 1
            rows.append(TableRow(cells, pos, pos + len(line)))
            out.append(line)
            pos += len(line)
        if rows:
            tables.append(Table(tuple(rows), t0, pos))
    return "".join(out), tables
