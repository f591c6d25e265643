"""JSON, JSON lines and YAML readers of :mod:`clusternet.ingest.sources.tabular`.

JSON nesting depth is scanned before ``json.loads``; YAML goes through
:func:`~clusternet.ingest.safe_yaml.load_yaml_limited`. A file is either a list of records
(``[{...}]`` or ``{"<kind>": [{...}]}``) or the interchange format (nodes and relationships).
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Iterator

from clusternet.graph.errors import InputError, InputTooLarge, Problem
from clusternet.ingest.sources.safe_yaml import load_yaml_limited
from clusternet.ingest.sources.table import (MAX_TREE_BYTES, TEXT_KEEP_CHARS, Row, Table, clean_cell,
    detect_encoding, open_binary, row_problems, json_depth)

__all__ = ["open_json", "open_jsonl", "open_yaml"]


def _tree_rows(path: Path, data: Any, table: Table, lines: list[int] | None = None) -> None:
    """Rows from a parsed JSON/YAML tree: a list of objects, or {kind: [objects]}."""
    if isinstance(data, dict) and ("nodes" in data or "relationships" in data):
        table.interchange = data
        table.columns, table.rows = [], iter(())
        return
    if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), list):
        table.kind_hint, data = next(iter(data.items()))
    if isinstance(data, list) and data and all(isinstance(d, dict) and d.get("kind") in ("node", "rel") for d in data):
        table.interchange = data
        table.columns, table.rows = [], iter(())
        return
    if not isinstance(data, list):
        raise InputError(path, "expected a list of records (or {\"<kind>\": [records]}, or nodes and relationships)")
    if not data:
        raise InputError(path, "the file holds no records")
    cols: dict[str, None] = {}
    for d in data:
        if isinstance(d, dict):
            cols.update(dict.fromkeys(str(k) for k in d))
    table.columns = list(cols)

    def rows() -> Iterator[Row]:
        """The records as rows; a record that is not a mapping becomes a row holding only a problem."""
        for i, d in enumerate(data):
            line = lines[i] if lines else i + 1
            loc = f"line {line}" if lines else f"item {i + 1}"
            if not isinstance(d, dict):
                yield Row(line, {}, None, None, loc, [Problem("each record must be an object (key: value)",
                                                              value=str(d)[:80], row=line, file=str(path))])
                continue
            vals = {str(k): clean_cell(v) for k, v in d.items()}
            yield Row(line, vals, None, None, loc, row_problems(path, line, vals))

    table.rows = rows()


def _read_text_whole(path: Path, sample: bytes, table: Table) -> str:
    size = 0
    chunks = []
    with open_binary(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            size += len(chunk)
            if size > MAX_TREE_BYTES:
                raise InputTooLarge(path, f"over the {MAX_TREE_BYTES:,}-byte limit for JSON/YAML; "
                                          "use CSV or JSON lines for big data")
            chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise InputError(path, "the file is empty")
    enc = detect_encoding(path, sample)
    table.encoding = enc
    try:
        return raw.decode(enc).lstrip("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(path, f"byte {err.start}: not {enc} text; save the file as UTF-8") from None


def open_json(path: Path, sample: bytes, table: Table) -> None:
    """Fill ``table`` from a JSON file: a list of records, ``{kind: [records]}`` or interchange records.

    Raises :class:`InputTooLarge` for a file too big or nested too deep, :class:`InputError`
    for invalid JSON or no records.
    """
    text = _read_text_whole(path, sample, table)
    try:
        json_depth(text)
    except ValueError as err:
        raise InputTooLarge(path, str(err)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"not valid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except ValueError as err:  # an integer over Python's 4,300-digit limit (found probing the readers)
        raise InputError(path, f"not readable JSON: {str(err).split(';')[0]}") from None
    table._text = [text] if len(text) <= TEXT_KEEP_CHARS else None
    _tree_rows(path, data, table)


def open_jsonl(path: Path, sample: bytes, table: Table) -> None:
    """Fill ``table`` from JSON lines: one object a line (blank lines skipped), interchange
    records if the first has ``kind`` node or rel.

    Raises :class:`InputError` naming the line that is not a JSON object or not valid.
    """
    enc = detect_encoding(path, sample)
    table.encoding = enc
    first = None
    items: list[tuple[int, dict]] = []
    with io.TextIOWrapper(open_binary(path), encoding=enc, newline=None) as stream:
        try:
            for lineno, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    json_depth(line)
                    obj = json.loads(line)
                except ValueError as err:
                    cls = InputTooLarge if "nested deeper" in str(err) else InputError
                    raise cls(path, f"line {lineno}: {err}") from None
                if not isinstance(obj, dict):
                    raise InputError(path, f"line {lineno}: each line must be a JSON object")
                first = first or obj
                items.append((lineno, obj))
        except UnicodeDecodeError as err:
            raise InputError(path, f"not {enc} text ({err.reason}); save the file as UTF-8") from None
    if first is None:
        raise InputError(path, "the file is empty")
    if first.get("kind") in ("node", "rel"):
        table.interchange = [o for _, o in items]
        table.columns, table.rows = [], iter(())
        return
    _tree_rows(path, [o for _, o in items], table, [n for n, _ in items])


def open_yaml(path: Path, sample: bytes, table: Table) -> None:
    """Fill ``table`` from a YAML file, parsed with limits on aliases and depth (see :mod:`safe_yaml`)."""
    text = _read_text_whole(path, sample, table)
    data, lines = load_yaml_limited(path, text)
    table._text = [text] if len(text) <= TEXT_KEEP_CHARS else None
    _tree_rows(path, data, table, lines)
