"""What every structured-file reader shares: :class:`Row`, :class:`Table`, the size
limits, cell cleaning, header checks, per-row problems and text-encoding detection.

The format readers (:mod:`~clusternet.ingest.sources.tabular` for CSV/TSV and the entry
point, :mod:`~clusternet.ingest.sources.xlsx`, :mod:`~clusternet.ingest.sources.treefiles`)
build on this module; it imports none of them.

>>> clean_cell("  Techtera "), clean_cell(""), clean_cell(12.0)
('Techtera', None, 12)
>>> read_header("t.csv", ["name", None, "country"])
['name', 'column 2', 'country']
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from clusternet.graph.errors import InputError, Problem
from clusternet.graph.store.interchange import check_json_depth
from clusternet.ingest.sources.textenc import utf16_codec

__all__ = ["Row", "Table", "json_depth", "open_binary", "clean_cell", "read_header", "row_problems",
           "detect_encoding", "FORMULA", "MIXED", "SAMPLE_BYTES", "MAX_BYTES", "MAX_TREE_BYTES", "MAX_DEPTH",
           "MAX_CELL_CHARS", "MAX_COLUMN_NAME", "MAX_XLSX_UNZIPPED", "MAX_XLSX_RATIO", "TEXT_KEEP_CHARS"]

MAX_BYTES = 1024 * 1024 * 1024      # a delimited file is streamed; this is a sanity cap
MAX_TREE_BYTES = 128 * 1024 * 1024  # JSON/YAML are parsed whole: keep them smaller
MAX_DEPTH = 64
MAX_CELL_CHARS = 100_000             # longer cells are reported, not loaded (a runaway quote?)
MAX_COLUMN_NAME = 1_000
MAX_XLSX_UNZIPPED = 512 * 1024 * 1024
MAX_XLSX_RATIO = 200.0               # uncompressed / compressed per member above 1 MB: a zip bomb
TEXT_KEEP_CHARS = 1_000_000         # decoded text kept on the Document when under this size
SAMPLE_BYTES = 64 * 1024


@dataclass
class Row:
    """One record of a file: its line (or item) number, values by column, where it is."""

    line: int
    values: dict[str, Any]
    start: int | None = None
    end: int | None = None
    loc: str = ""
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Table:
    """What :func:`open_table` found. ``rows`` is a one-pass iterator."""

    path: Path
    format: str
    columns: list[str]
    rows: Iterator[Row]
    sha256: str
    size: int
    encoding: str | None = None
    delimiter: str | None = None
    kind_hint: str | None = None        # e.g. {"clusters": [...]} names its kind
    interchange: Any = None             # parsed nodes/relationships object, if that is what it is
    notes: list[str] = field(default_factory=list)
    _text: list[str] | None = None

    @property
    def text(self) -> str | None:
        """The decoded text, once rows are read, when the file is small (else None)."""
        return "".join(self._text) if self._text is not None else None


def json_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """Deepest ``[``/``{`` nesting outside strings; ``ValueError`` past ``limit`` (one
    implementation for every JSON reader: :func:`clusternet.graph.interchange.check_json_depth`).

    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    return check_json_depth(text, limit)


def open_binary(path: Path):
    """The file's bytes, gunzipped when it starts with the gzip magic (whatever its name)."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")
    return open(path, "rb")


def clean_cell(v: Any) -> Any:
    """A cell as loaded: text stripped (empty is None), dates as ISO text, whole floats as ints."""
    if isinstance(v, str):
        v = v.strip()
        return v or None
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


def read_header(path: Path, cells: list[Any]) -> list[str]:
    """Column names from a header row: blanks named ``column <n>``, a repeated or runaway
    name refused (:class:`InputError`), trailing blank cells dropped."""
    cols, seen = [], set()
    for i, c in enumerate(cells, 1):
        name = str(c).strip().lstrip("\ufeff").strip() if c is not None else ""
        name = name or f"column {i}"
        if len(name) > MAX_COLUMN_NAME:
            raise InputError(path, f"column {i} of the header is {len(name):,} characters long; "
                                   "is the first row really a header?")
        if name.casefold() in seen:
            raise InputError(path, f"the header names column {name!r} twice")
        seen.add(name.casefold())
        cols.append(name)
    while cols and cols[-1].startswith("column ") and cols[-1] == f"column {len(cols)}":
        cols.pop()  # trailing empty header cells, as spreadsheets write them
    return cols


FORMULA = re.compile(r"^=\s*[A-Za-z][A-Za-z0-9._]*\s*\(")


def row_problems(path: Path, line: int, values: dict) -> list[Problem]:
    """What is wrong with a row's cells: NUL bytes, an over-long cell, a formula.

    >>> [p.reason[:25] for p in row_problems("t.csv", 2, {"name": "=HYPERLINK(1)", "city": "Lyon"})]
    ['a spreadsheet formula, no']
    """
    out = []
    for col, v in values.items():
        if isinstance(v, str) and "\x00" in v:
            out.append(Problem("the cell holds NUL bytes (binary data, not text)", field=col,
                               value=v[:80].replace("\x00", "\\0"), row=line, file=str(path)))
        elif isinstance(v, str) and len(v) > MAX_CELL_CHARS:
            out.append(Problem(f"the cell is {len(v):,} characters long, over the {MAX_CELL_CHARS:,} limit "
                               "(an unclosed quote?)", field=col, value=v[:40] + "…", row=line, file=str(path)))
        elif isinstance(v, str) and FORMULA.match(v):
            out.append(Problem("a spreadsheet formula, not a value (paste values instead)",
                               field=col, value=v[:80], row=line, file=str(path)))
    return out


MIXED = "clusternet-utf8-cp1252"


class _MixedDecoder(codecs.BufferedIncrementalDecoder):
    """Line by line: UTF-8 where a line is UTF-8, else Windows-1252 (files edited by two programs)."""

    def _buffer_decode(self, data, errors, final):
        end = len(data) if final else data.rfind(b"\n") + 1
        out = []
        for line in data[:end].splitlines(keepends=True):
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(line.decode("cp1252", errors="replace"))
        return "".join(out), end


def _mixed_search(name: str):
    if name.replace("_", "-") != MIXED:
        return None
    return codecs.CodecInfo(name=MIXED, encode=codecs.utf_8_encode,
                            decode=lambda b, errors="strict": (_MixedDecoder().decode(b, final=True), len(b)),
                            incrementaldecoder=_MixedDecoder)


codecs.register(_mixed_search)


def _is_mixed(sample: bytes) -> bool:
    """Some lines are non-ASCII UTF-8 and some are not UTF-8 at all."""
    good = bad = 0
    for line in sample.splitlines()[:-1] or sample.splitlines():
        try:
            line.decode("utf-8")
            good += any(b > 127 for b in line)
        except UnicodeDecodeError:
            bad += 1
    return good > 0 and bad > 0


def detect_encoding(path: Path, sample: bytes) -> str:
    """The codec to read a text file with, from its first bytes: a BOM, UTF-16 without
    one, UTF-8, mixed UTF-8/Windows-1252 lines, Windows-1252 Latin text, else what
    ``charset-normalizer`` finds; a binary file is an :class:`InputError`."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    enc = utf16_codec(sample)
    if enc:
        return enc
    if b"\x00" in sample:
        raise InputError(path, "this is a binary file, not text (it holds NUL bytes); "
                               "expected CSV/TSV text, XLSX, JSON or YAML")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(sample) - 4 and len(sample) == SAMPLE_BYTES:
            return "utf-8"  # the sample cut a character in two
    if _is_mixed(sample):
        return MIXED
    try:
        # spreadsheet programs in Western Europe write Windows-1252; accept it when the
        # decoded text reads as mostly-ASCII Latin (a Cyrillic or Greek file would not)
        text = sample.decode("cp1252")
        letters = [c for c in text if c.isalpha()]
        if letters and sum(not c.isascii() for c in letters) < 0.3 * len(letters):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise InputError(path, "cannot tell the text encoding; save the file as UTF-8")
    return best.encoding
