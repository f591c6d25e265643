"""Safe, streaming readers for structured files: CSV/TSV, XLSX, JSON, JSONL and YAML.

:func:`open_table` looks at a file (gzip is opened transparently), decides what it holds
from its bytes as much as its name, and returns a :class:`Table` whose ``rows`` are read
lazily, once. Every limit is checked before or while parsing, never after:

* text encoding from the BOM, else UTF-8, else ``charset-normalizer`` (Windows-1252,
  UTF-16 with or without BOM...); a binary file is refused whatever its name;
* CSV delimiter sniffed (``,`` ``;`` tab ``|``); each row keeps its line number and the
  character span of its line(s) in the decoded text (for evidence);
* XLSX through openpyxl in read-only mode: values, not formulas; a formula cell that
  is not a plain computation (``=HYPERLINK``...) is a :class:`Problem`;
* JSON nesting depth scanned before ``json.loads``; YAML only through a safe loader that
  refuses Python tags and caps aliases and the expanded size (alias bombs).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
>>> _ = p.write_bytes("name;country\\nPôle Techtera;FR\\n".encode("cp1252"))
>>> t = open_table(p)
>>> t.columns, t.delimiter
(['name', 'country'], ';')
>>> [(r.line, r.values) for r in t.rows]
[(2, {'name': 'Pôle Techtera', 'country': 'FR'})]
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import hashlib
import io
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from clusternet.graph.store.interchange import check_json_depth
from clusternet.graph.errors import InputError, InputTooLarge, Problem
from clusternet.ingest.sources.textenc import looks_like_text, utf16_codec

__all__ = ["Row", "Table", "open_table", "json_depth", "MAX_BYTES", "MAX_TREE_BYTES", "MAX_DEPTH",
           "TEXT_KEEP_CHARS"]

MAX_BYTES = 1024 * 1024 * 1024      # a delimited file is streamed; this is a sanity cap
MAX_TREE_BYTES = 128 * 1024 * 1024  # JSON/YAML are parsed whole: keep them smaller
MAX_DEPTH = 64
MAX_CELL_CHARS = 100_000             # longer cells are reported, not loaded (a runaway quote?)
MAX_COLUMN_NAME = 1_000
MAX_XLSX_UNZIPPED = 512 * 1024 * 1024
MAX_XLSX_RATIO = 200.0               # uncompressed / compressed per member above 1 MB: a zip bomb
TEXT_KEEP_CHARS = 1_000_000         # decoded text kept on the Document when under this size
_SAMPLE = 64 * 1024
_SNIFF_CHARS = 4096                  # of the sample given to csv.Sniffer (see _sniff_delimiter)
csv.field_size_limit(10 * 1024 * 1024)
_MAX_LINE_CHARS = 2 * csv.field_size_limit()  # one physical line (see _Lines)


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


def _open_binary(path: Path):
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")
    return open(path, "rb")


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _hash_and_sample(path: Path) -> tuple[str, bytes]:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    try:
        with _open_binary(path) as fh:
            sample = fh.read(_SAMPLE)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(path, f"not a readable gzip file ({err})") from None
    return h.hexdigest(), sample


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


def _detect_encoding(path: Path, sample: bytes) -> str:
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
        if err.start >= len(sample) - 4 and len(sample) == _SAMPLE:
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


def _sniff_delimiter(path: Path, text_sample: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    lines = [ln for ln in text_sample.splitlines() if ln.strip()][:50]
    if len(lines) > 1 and len(text_sample) == _SAMPLE:
        lines = lines[:-1]  # the last sampled line may be cut
    if not lines:
        return ","
    text = "\n".join(lines)
    if len(text) > _SNIFF_CHARS:  # csv.Sniffer's quote regex is quadratic: 16 KB of ,",",... took 15 s
        cut = text.rfind("\n", 0, _SNIFF_CHARS)
        text = text[:cut if cut > 0 else _SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(text, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in ",;\t|"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


class _Lines:
    """Lines of a text stream with their character offsets (for evidence spans)."""

    def __init__(self, stream, keep_text: bool):
        self.stream = stream
        self.pos = 0
        self.last_nl = 0
        self.kept: list[str] | None = [] if keep_text else None
        self.kept_chars = 0

    def __iter__(self):
        # readline(limit): a line is never held whole past the limit (a 200 KB .csv.gz holding
        # a 2 GB line without a break took ~2 bytes of memory a byte before: found probing)
        for line in iter(lambda: self.stream.readline(_MAX_LINE_CHARS), ""):
            if len(line) >= _MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                raise csv.Error(f"a line of over {_MAX_LINE_CHARS:,} characters without a line break")
            self.pos += len(line)
            self.last_nl = len(line) - len(line.rstrip("\r\n"))
            if self.kept is not None:
                self.kept.append(line)
                self.kept_chars += len(line)
                if self.kept_chars > TEXT_KEEP_CHARS:
                    self.kept = None
            yield line


def _clean_cell(v: Any) -> Any:
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


def _header(path: Path, cells: list[Any]) -> list[str]:
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


_FORMULA = re.compile(r"^=\s*[A-Za-z][A-Za-z0-9._]*\s*\(")


def _row_problems(path: Path, line: int, values: dict) -> list[Problem]:
    out = []
    for col, v in values.items():
        if isinstance(v, str) and "\x00" in v:
            out.append(Problem("the cell holds NUL bytes (binary data, not text)", field=col,
                               value=v[:80].replace("\x00", "\\0"), row=line, file=str(path)))
        elif isinstance(v, str) and len(v) > MAX_CELL_CHARS:
            out.append(Problem(f"the cell is {len(v):,} characters long, over the {MAX_CELL_CHARS:,} limit "
                               "(an unclosed quote?)", field=col, value=v[:40] + "…", row=line, file=str(path)))
        elif isinstance(v, str) and _FORMULA.match(v):
            out.append(Problem("a spreadsheet formula, not a value (paste values instead)",
                               field=col, value=v[:80], row=line, file=str(path)))
    return out


def _csv_rows(path: Path, encoding: str, delimiter: str, table: Table) -> Iterator[Row]:
    raw = _open_binary(path)
    stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
    lines = _Lines(stream, keep_text=True)
    reader = csv.reader(lines, delimiter=delimiter)
    cols = table.columns
    n_cols = len(cols)
    prev_end, prev_line = 0, 0
    try:
        header_done = False
        for cells in reader:
            first_line, prev_line = prev_line + 1, reader.line_num
            start, end = prev_end, lines.pos - lines.last_nl
            prev_end = lines.pos
            # one join per row instead of a test per cell: this loop runs for every row of
            # a big file, and most rows are clean
            joined = "".join(cells)
            if not joined.strip():
                continue
            if not header_done:
                header_done = True  # the header was read by open_table already
                continue
            # csv cells are always str: _clean_cell reduces to strip-or-None
            values = {c: (v.strip() or None) for c, v in zip(cols, cells)}
            row = Row(first_line, values, start, end, f"row {first_line}")
            if len(cells) > n_cols:
                extra = [c for c in cells[n_cols:] if c.strip()]
                if extra:
                    row.problems.append(Problem(f"the row has {len(cells)} cells, the header {n_cols}",
                                                value=extra[0], row=first_line, file=str(path)))
            if len(cells) == 1 < n_cols and re.search(r"[,;\t|]", cells[0]):
                row.problems.append(Problem(f"the row has 1 cell, the header {n_cols}: is the delimiter "
                                            f"{table.delimiter!r} right?", value=cells[0][:80], row=first_line,
                                            file=str(path)))
            # a NUL, a formula ('=') or an over-long cell shows in the joined row too
            if "\x00" in joined or "=" in joined or len(joined) > MAX_CELL_CHARS:
                row.problems += _row_problems(path, first_line, values)
            yield row
    except UnicodeDecodeError as err:
        raise InputError(path, f"line {prev_line + 1}: bytes that are not {encoding} text ({err.reason}); "
                               "save the file as UTF-8") from None
    except csv.Error as err:
        raise InputError(path, f"line {reader.line_num}: not valid CSV ({err})") from None
    except (OSError, EOFError, zlib.error) as err:  # a damaged or truncated .gz
        raise InputError(path, f"line {reader.line_num}: the compressed file is damaged ({err})") from None
    finally:
        table._text = lines.kept
        stream.close()


def _open_csv(path: Path, sample: bytes, table: Table) -> None:
    enc = _detect_encoding(path, sample)
    if enc == MIXED:
        table.notes.append("mixed encodings: lines that are not UTF-8 were read as Windows-1252")
    text_sample = sample.decode(enc, errors="replace")
    if enc.startswith("utf-8"):
        text_sample = text_sample.lstrip("\ufeff")
    if not looks_like_text(text_sample):
        raise InputError(path, "this is a binary file, not text; expected CSV/TSV text, XLSX, JSON or YAML")
    table.encoding = enc
    table.delimiter = _sniff_delimiter(path, text_sample, _inner_suffix(path))
    with io.TextIOWrapper(_open_binary(path), encoding=enc, newline="", errors="replace") as stream:
        header = None
        try:
            for cells in csv.reader(_Lines(stream, keep_text=False), delimiter=table.delimiter):
                if any(c.strip() for c in cells):
                    header = cells
                    break
        except csv.Error as err:
            raise InputError(path, f"the header row is not valid CSV ({err})") from None
        except (OSError, EOFError, zlib.error) as err:
            raise InputError(path, f"the compressed file is damaged ({err})") from None
    if header is None:
        raise InputError(path, "the file is empty (no header row)")
    table.columns = _header(path, header)
    table.rows = _csv_rows(path, enc, table.delimiter, table)


def open_table(path: str | Path, *, sheet: str | None = None) -> Table:
    """Open a structured file for reading; see the module doc. Raises :class:`InputError`."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    if size == 0:
        raise InputError(path, "the file is empty")
    if size > MAX_BYTES:
        raise InputTooLarge(path, f"{size:,} bytes is over the {MAX_BYTES:,}-byte limit")
    digest, sample = _hash_and_sample(path)
    suffix = _inner_suffix(path)
    table = Table(path, "csv", [], iter(()), digest, size)
    if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(path, "the file is empty")
    if suffix == ".xls":
        raise InputError(path, "old Excel .xls files are not read; save it as .xlsx or CSV")
    if sample.startswith(b"PK\x03\x04"):
        if suffix not in (".xlsx", ".xlsm"):
            table.notes.append(f"{path.name} is a zip/XLSX file despite its name; read as XLSX")
        from clusternet.ingest.sources.xlsx import open_xlsx

        open_xlsx(path, table, sheet)
        return table
    if suffix in (".xlsx", ".xlsm"):
        raise InputError(path, "not a valid XLSX file (no zip container)")
    if suffix == ".json":
        table.format = "json"
        from clusternet.ingest.sources.treefiles import open_json

        open_json(path, sample, table)
    elif suffix in (".jsonl", ".ndjson"):
        table.format = "jsonl"
        from clusternet.ingest.sources.treefiles import open_jsonl

        open_jsonl(path, sample, table)
    elif suffix in (".yaml", ".yml"):
        table.format = "yaml"
        from clusternet.ingest.sources.treefiles import open_yaml

        open_yaml(path, sample, table)
    else:
        table.format = "tsv" if suffix == ".tsv" else "csv"
        _open_csv(path, sample, table)
    return table
