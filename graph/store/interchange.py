"""Read the interchange format (JSON or JSON lines of nodes and relationships) safely.

Limits are checked before parsing: file size, and nesting depth (a scan of brackets), so
a hostile file gives a clear InputTooLarge instead of exhausting memory or the stack.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from clusternet.graph.errors import InputError, InputTooLarge, ValidationError
from clusternet.graph.model import Node, Rel, records_from_json

__all__ = ["read_interchange", "check_json_depth", "MAX_BYTES", "MAX_DEPTH"]

MAX_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 64
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def check_json_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """The deepest nesting of ``[``/``{`` outside strings; raises ValueError over ``limit``.
    A regex scan, so a 100,000-deep file is refused without recursion.

    >>> check_json_depth('{"a": [1, {"b": "[[[ \\\\" ]"}]}')
    3
    """
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    raise ValueError(f"nested deeper than {limit} levels")
        elif ch in "]}":
            depth -= 1
    return deepest


def read_interchange(path: str | Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Node], list[Rel]]:
    """Nodes and relationships from a ``.json`` or ``.jsonl`` interchange file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from None
    if size > max_bytes:
        raise InputTooLarge(path, f"{size:,} bytes is over the {max_bytes:,}-byte limit")
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(path, "the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text (byte {err.start}); the interchange format is UTF-8 JSON") from None
    try:
        check_json_depth(text)
    except ValueError as err:
        raise InputTooLarge(path, str(err)) from None
    try:
        if path.suffix.lower() == ".jsonl" or (not text.lstrip().startswith(("[", "{\"nodes\"", "{ \"nodes\""))
                                                and "\n{" in text.strip()):
            items = []
            for lineno, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        items.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise InputError(path, f"line {lineno}: not valid JSON ({err.msg})") from None
            return records_from_json(items)
        return records_from_json(json.loads(text))
    except json.JSONDecodeError as err:
        raise InputError(path, f"not valid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except ValidationError as err:
        raise InputError(path, str(err)) from None
