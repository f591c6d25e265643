"""Read the interchange format (JSON or JSON lines of nodes and relationships) safely.

Two shapes are read: the records form (:mod:`clusternet.graph.model`: JSON lines, a list
of records, or ``{"nodes": [...], "relationships": [...]}``) and the node-link JSON that
``clusternet export --format json`` writes (``{"nodes": [...], "edges": [...]}``, each
node its id and properties side by side), so an export loads back into an equal graph.

Limits are checked before parsing: file size, and nesting depth (a scan of brackets), so
a hostile file gives a clear InputTooLarge instead of exhausting memory or the stack.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from clusternet.graph.errors import InputError, InputTooLarge, Problem, ValidationError
from clusternet.graph.model import Node, Rel, records_from_json

__all__ = ["read_interchange", "records_from_interchange", "records_from_node_link", "is_node_link", "check_json_depth", "MAX_BYTES",
           "MAX_DEPTH"]

MAX_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 64
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
# what a snapshot adds to a node's or relationship's properties (model.snapshot_from_records)
_NODE_KEYS = ("id", "label", "labels", "confidence")
_EDGE_KEYS = ("source", "target", "key", "type", "confidence")


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


def is_node_link(obj: Any) -> bool:
    """Whether a parsed JSON object is node-link data (``edges`` or ``links`` beside ``nodes``).

    >>> is_node_link({"directed": True, "nodes": [], "edges": []}), is_node_link({"nodes": [], "relationships": []})
    (True, False)
    """
    return isinstance(obj, dict) and isinstance(obj.get("nodes"), list) and (
        isinstance(obj.get("edges"), list) or isinstance(obj.get("links"), list))


def _item(value: Any, what: str, i: int) -> dict:
    if not isinstance(value, dict):
        raise ValidationError([Problem(f"each {what} must be an object", row=i + 1)])
    return value


def records_from_node_link(obj: dict) -> tuple[list[Node], list[Rel]]:
    """Records from node-link JSON: a node's ``id``, ``labels`` (or ``label``) and
    ``confidence`` beside its properties; an edge's ``source``, ``type`` (or ``key``),
    ``target`` and ``confidence`` beside its properties.

    >>> nodes, rels = records_from_node_link({"nodes": [
    ...     {"id": "cluster:a", "label": "Cluster", "labels": ["Cluster"], "name": "A", "confidence": 0.9}],
    ...     "edges": [{"source": "cluster:a", "target": "country:FR", "key": "LOCATED_IN", "type": "LOCATED_IN"}]})
    >>> nodes[0].labels, nodes[0].props, nodes[0].confidence
    (('Cluster',), {'name': 'A'}, 0.9)
    >>> rels[0].key, rels[0].props
    (('cluster:a', 'LOCATED_IN', 'country:FR'), {})
    """
    nodes = []
    for i, raw in enumerate(obj["nodes"]):
        d = _item(raw, "node", i)
        labels = d.get("labels") or ([d["label"]] if d.get("label") else [])
        nodes.append(Node(str(d.get("id") or ""), tuple(labels),
                          {k: v for k, v in d.items() if k not in _NODE_KEYS}, [], d.get("confidence", 1.0)))
    rels = []
    for i, raw in enumerate(obj["edges"] if "edges" in obj else obj["links"]):
        d = _item(raw, "edge", i)
        rels.append(Rel(str(d.get("source") or ""), str(d.get("type") or d.get("key") or ""),
                        str(d.get("target") or ""), {k: v for k, v in d.items() if k not in _EDGE_KEYS}, [],
                        d.get("confidence", 1.0)))
    return nodes, rels


def records_from_interchange(obj: Any) -> tuple[list[Node], list[Rel]]:
    """Records from a parsed interchange object of either shape (node-link or records form)."""
    return records_from_node_link(obj) if is_node_link(obj) else records_from_json(obj)


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
        return records_from_interchange(json.loads(text))
    except json.JSONDecodeError as err:
        raise InputError(path, f"not valid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except ValidationError as err:
        raise InputError(path, str(err)) from None
    except ValueError as err:  # e.g. an integer of over 4,300 digits (Python's conversion limit)
        raise InputError(path, f"a value cannot be read: {err}") from None
