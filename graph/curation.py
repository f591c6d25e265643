"""The analyst's decisions on the graph: reviews of low-confidence facts and merges of duplicates.

Review decisions (accept, fix, reject) are kept in the store's meta entries under
``review:<item id>`` (an item is a node id or a relationship key ``source|TYPE|target``);
they do not change the graph themselves, so a decision can be revisited, and
:func:`pending_reviews` lists what still awaits one. Merge decisions are kept under
``dedupe:<a>|<b>``; a merge keeps one id, records the other as an alias, and can be undone.

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

import datetime as _dt
import json
import re
from typing import Any, Iterable

import networkx as nx

from clusternet.graph.errors import ConfigError, NotFound
from clusternet.graph.model import Evidence, decode_evidence, rel_key

__all__ = ["DECISIONS", "REVIEW_PREFIX", "DEFAULT_THRESHOLD", "decode_all", "pending_reviews", "record_decision",
           "decisions", "apply_decision", "parse_assignments",
           "list_candidates", "apply_candidate", "reject_candidate", "undo_merge"]

DECISIONS = ("accept", "fix", "reject")
REVIEW_PREFIX = "review:"
DEFAULT_THRESHOLD = 0.6


def decode_all(raw: Iterable[str] | None) -> list[Evidence]:
    """Evidence from JSON strings, dicts or Evidence objects; invalid entries are skipped."""
    out = []
    for item in raw or ():
        try:
            if isinstance(item, Evidence):
                out.append(item)
            elif isinstance(item, str):
                out.append(decode_evidence(item))
            elif isinstance(item, dict) and (item.get("document") or item.get("d")):
                g = item.get
                out.append(Evidence(str(g("document") or g("d")), g("start", g("s")), g("end", g("e")),
                                    g("text", g("t")), g("loc", g("l"))))
        except (ValueError, TypeError, KeyError):
            continue
    return out


def decisions(store) -> dict[str, dict]:
    """Every recorded review decision, by item id."""
    return {k[len(REVIEW_PREFIX):]: v for k, v in store.meta_items(REVIEW_PREFIX)}


def pending_reviews(G: nx.MultiDiGraph, store=None, threshold: float = DEFAULT_THRESHOLD,
                    item: str | None = None) -> list[dict]:
    """Nodes and relationships under ``threshold`` confidence without a decision yet.

    ``item`` limits the list to one node and the relationships touching it.
    Rows: id, kind, type, name, confidence, evidence (decoded), sorted by confidence then id.
    """
    done = decisions(store) if store is not None else {}
    rows = []
    nodes = [item] if item is not None else list(G)
    for n in nodes:
        if n not in G:
            continue
        d = G.nodes[n]
        c = d.get("confidence")
        if c is not None and c < threshold and n not in done:
            rows.append({"id": n, "kind": "node", "type": d.get("label"), "name": d.get("name") or n,
                         "confidence": float(c), "evidence": decode_all(d.get("evidence"))})
    edges = G.edges(keys=True, data=True) if item is None else \
        list(G.out_edges(item, keys=True, data=True)) + list(G.in_edges(item, keys=True, data=True))
    for u, v, k, d in edges:
        c = d.get("confidence")
        key = rel_key(u, k, v)
        if c is not None and c < threshold and key not in done:
            name = f"{G.nodes[u].get('name', u)} {k} {G.nodes[v].get('name', v)}"
            rows.append({"id": key, "kind": "relationship", "type": k, "name": name, "confidence": float(c),
                         "evidence": decode_all(d.get("evidence"))})
    rows.sort(key=lambda r: (r["confidence"], r["id"]))
    return rows


def record_decision(store, item_id: str, decision: str, *, fix: dict[str, Any] | None = None, note: str = "",
                    by: str = "app", now: str | None = None) -> dict:
    """Record an analyst's decision on a fact; returns what was stored.

    ``fix`` (required for ``"fix"``) holds the corrected property values.
    """
    if decision not in DECISIONS:
        raise ConfigError(f"unknown review decision {decision!r}; choose one of {', '.join(DECISIONS)}")
    if decision == "fix" and not fix:
        raise ConfigError("a fix needs the corrected values")
    if "|" in item_id:
        source, type_, target = item_id.split("|", 2)
        if not any(r.type == type_ and r.target == target for r in store.rels_of(source, type_, "out")):
            raise NotFound(f"no relationship {item_id!r} in {store.describe()}")
    else:
        store.require_node(item_id)
    entry = {"decision": decision, "fix": dict(fix or {}), "note": str(note), "by": str(by),
             "at": now or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()}
    store.meta_put(REVIEW_PREFIX + item_id, entry)
    return entry


# -- applying decisions (the ``clusternet review`` command) ------------------------------

def parse_assignments(pairs: Iterable[str]) -> dict[str, Any]:
    """``["country=FR", "members=120"]`` -> ``{"country": "FR", "members": 120}`` (JSON values
    where they parse, text otherwise).

    >>> parse_assignments(["country=FR", "members=120", "aliases=[\\"A\\", \\"B\\"]"])
    {'country': 'FR', 'members': 120, 'aliases': ['A', 'B']}
    """
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = str(pair).partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise ConfigError(f"--set wants prop=value, not {pair!r}")
        try:
            out[key] = json.loads(raw)
        except ValueError:
            out[key] = raw
    return out


def _rewrite(store, node_id: str, props: dict | None = None, drop: str | None = None,
             rel_props: tuple[str, dict] | None = None) -> None:
    """Rewrite a node as it is, with new ``props``, without relationship ``drop``, or with
    relationship ``rel_props[0]`` given new properties: one transaction (``store.replace``)."""
    node = store.require_node(node_id)
    rels = []
    seen = set()
    for r in store.rels_of(node_id):
        key = rel_key(r.source, r.type, r.target)
        if key in seen or key == drop:
            continue
        seen.add(key)
        if rel_props and key == rel_props[0]:
            r = type(r)(r.source, r.type, r.target, {**r.props, **rel_props[1]}, r.evidence, r.confidence)
        rels.append(r)
    if props is not None:
        node = type(node)(node.id, node.labels, props, node.evidence, node.confidence)
    store.replace([node_id], [node], rels)


def _find_rel(store, item_id: str):
    source, type_, target = item_id.split("|", 2)
    for r in store.rels_of(source, type_, "out"):
        if r.target == target:
            return r
    raise NotFound(f"no relationship {item_id!r} in {store.describe()}")


def apply_decision(store, item_id: str, decision: str, *, fix: dict[str, Any] | None = None, note: str = "",
                   by: str = "cli", now: str | None = None) -> dict:
    """Record a decision (see :func:`record_decision`) and apply it to the graph.

    * ``accept``: the node or relationship gets confidence 1.0;
    * ``reject``: it is deleted (a node with its relationships);
    * ``fix``: the given properties are set (``None`` removes one) and confidence becomes 1.0.

    The decision stays in the store's meta entries, so :func:`decisions` lists it and
    :func:`pending_reviews` no longer shows the item.
    """
    from clusternet.graph.model import Node, Rel

    is_rel = "|" in item_id
    target = _find_rel(store, item_id) if is_rel else store.require_node(item_id)
    entry = record_decision(store, item_id, decision, fix=fix, note=note, by=by, now=now)
    if decision == "reject":
        if is_rel:
            _rewrite(store, target.source, drop=item_id)
        else:
            store.delete_nodes([item_id])
    elif decision == "accept":
        if is_rel:
            store.upsert(rels=[Rel(target.source, target.type, target.target, {}, [], 1.0)])
        else:
            store.upsert(nodes=[Node(target.id, target.labels, {}, [], 1.0)])
    else:
        changes = dict(fix or {})
        if is_rel:
            _rewrite(store, target.source, rel_props=(item_id, changes))
            store.upsert(rels=[Rel(target.source, target.type, target.target, {}, [], 1.0)])
        else:
            props = {k: v for k, v in {**target.props, **changes}.items() if v is not None}
            _rewrite(store, item_id, props=props)
            store.upsert(nodes=[Node(target.id, target.labels, {}, [], 1.0)])
    return entry


# merges of duplicates
DEDUPE_PREFIX = "dedupe:"


def list_candidates(store, *, include_decided: bool = False) -> list[dict]:
    """Candidate merges, numbered in key order (open ones unless ``include_decided``)."""
    rows = []
    for key, value in store.meta_items(DEDUPE_PREFIX):
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
    key = ref if ref.startswith(DEDUPE_PREFIX) else DEDUPE_PREFIX + ref
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
    for key, value in store.meta_items(DEDUPE_PREFIX):
        if isinstance(value, dict) and value.get("merge") == merge_id:
            store.meta_put(key, dict(value, status="open", merge=None))
