"""Decisions on candidate merges, kept in the store's meta under ``dedupe:<a>|<b>``.

>>> import tempfile, os
>>> from clusternet.graph.store.sqlite import EmbeddedStore
>>> from clusternet.graph.model import Node
>>> s = EmbeddedStore(os.path.join(tempfile.mkdtemp(), "g.db")); s.ensure_schema()
>>> _ = s.upsert([Node("org:a", ("Organisation",), {"name": "Acme"}),
...               Node("org:b", ("Organisation",), {"name": "ACME Ltd"})])
>>> s.meta_put("dedupe:org:a|org:b", {"a": "org:a", "b": "org:b", "score": 90, "evidence": [], "status": "open"})
>>> [r["n"] for r in list_candidates(s)]
[1]
>>> mid = apply_candidate(s, "1")
>>> s.get_node("org:b") is None, "org:b" in s.get_node("org:a").props["aliases"]
(True, True)
>>> undo_merge(s, mid); s.get_node("org:b").props["name"]
'ACME Ltd'
"""
from __future__ import annotations

from ..graph.errors import NotFound

__all__ = ["list_candidates", "apply_candidate", "reject_candidate", "undo_merge"]

PREFIX = "dedupe:"


def list_candidates(store, *, include_decided: bool = False) -> list[dict]:
    """Candidate merges, numbered in key order (open ones unless ``include_decided``)."""
    rows = []
    for key, value in store.meta_items(PREFIX):
        if not isinstance(value, dict):
            continue
        if value.get("status", "open") != "open" and not include_decided:
            continue
        rows.append({"n": len(rows) + 1, "key": key, "a": value.get("a"), "b": value.get("b"),
                     "score": value.get("score"), "status": value.get("status", "open"),
                     "evidence": "; ".join(value.get("evidence") or []), "merge": value.get("merge")})
    return rows


def _find(store, ref: str) -> tuple[str, dict]:
    ref = str(ref).strip()
    if ref.isdigit():
        for row in list_candidates(store):
            if row["n"] == int(ref):
                return row["key"], store.meta_get(row["key"])
        raise NotFound(f"no open candidate merge number {ref}; list them with `clusternet dedupe`")
    key = ref if ref.startswith(PREFIX) else PREFIX + ref
    value = store.meta_get(key)
    if not value:
        raise NotFound(f"no candidate merge {ref!r}; list them with `clusternet dedupe`")
    return key, value


def apply_candidate(store, ref: str) -> str:
    """Merge candidate ``ref`` (number or key): the node with more relationships keeps its
    id. Returns the merge id (for :func:`undo_merge`)."""
    key, value = _find(store, ref)
    a, b = value["a"], value["b"]
    keep, other = (a, b) if len(store.rels_of(a)) >= len(store.rels_of(b)) else (b, a)
    merge_id = store.merge_nodes(keep, [other], reason=f"dedupe {key}")
    store.meta_put(key, dict(value, status="applied", merge=merge_id))
    return merge_id


def reject_candidate(store, ref: str) -> None:
    """Record that the two nodes are different things (not proposed again)."""
    key, value = _find(store, ref)
    store.meta_put(key, dict(value, status="rejected"))


def undo_merge(store, merge_id: str) -> None:
    """Undo a merge; its candidate becomes open again."""
    store.undo_merge(merge_id)
    for key, value in store.meta_items(PREFIX):
        if isinstance(value, dict) and value.get("merge") == merge_id:
            store.meta_put(key, dict(value, status="open", merge=None))
