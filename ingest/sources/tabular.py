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

import csv
import hashlib
import io
import re
import zlib
from pathlib import Path
from typing import Iterator

from clusternet.graph.errors import InputError, InputTooLarge, Problem
from clusternet.ingest.sources.table import (MAX_BYTES, MAX_CELL_CHARS, MAX_DEPTH, MAX_TREE_BYTES, MIXED,
    SAMPLE_BYTES, TEXT_KEEP_CHARS, Row, Table, detect_encoding, json_depth, open_binary, read_header,
    row_problems)
from clusternet.ingest.sources.textenc import looks_like_text

__all__ = ["Row", "Table", "open_table", "json_depth", "MAX_BYTES", "MAX_TREE_BYTES", "MAX_DEPTH",
           "TEXT_KEEP_CHARS"]

_SNIFF_CHARS = 4096                  # of the sample given to csv.Sniffer (see _sniff_delimiter)
csv.field_size_limit(10 * 1024 * 1024)
_MAX_LINE_CHARS = 2 * csv.field_size_limit()  # one physical line (see _Lines)


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
        with open_binary(path) as fh:
            sample = fh.read(SAMPLE_BYTES)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(path, f"not a readable gzip file ({err})") from None
    return h.hexdigest(), sample


def _sniff_delimiter(path: Path, text_sample: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    lines = [ln for ln in text_sample.splitlines() if ln.strip()][:50]
    if len(lines) > 1 and len(text_sample) == SAMPLE_BYTES:
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


def _csv_rows(path: Path, encoding: str, delimiter: str, table: Table) -> Iterator[Row]:
    raw = open_binary(path)
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
            # csv cells are always str: clean_cell reduces to strip-or-None
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
                row.problems += row_problems(path, first_line, values)
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
    enc = detect_encoding(path, sample)
    if enc == MIXED:
        table.notes.append("mixed encodings: lines that are not UTF-8 were read as Windows-1252")
    text_sample = sample.decode(enc, errors="replace")
    if enc.startswith("utf-8"):
        text_sample = text_sample.lstrip("\ufeff")
    if not looks_like_text(text_sample):
        raise InputError(path, "this is a binary file, not text; expected CSV/TSV text, XLSX, JSON or YAML")
    table.encoding = enc
    table.delimiter = _sniff_delimiter(path, text_sample, _inner_suffix(path))
    with io.TextIOWrapper(open_binary(path), encoding=enc, newline="", errors="replace") as stream:
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
    table.columns = read_header(path, header)
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
