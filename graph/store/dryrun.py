"""Dry-run accounting: what an upsert would create, update or leave unchanged, found
without writing (``clusternet ingest --dry-run``, the app's preview).

It asks the store only what it already has (``labels_of``, ``get_node``, ``rels_of``) and
merges properties the way the stores do (:func:`~clusternet.graph.store.records.merge_props`),
so its figures are the ones :meth:`GraphStore.upsert` then reports.
"""
from __future__ import annotations

from clusternet.graph.model import Node, Rel, primary_label
from clusternet.graph.store.base import WriteSummary
from clusternet.graph.store.records import keep_first_props, list_props, merge_props, prepare_nodes, prepare_rels

__all__ = ["diff_summary"]


def diff_summary(store, nodes: list[Node], rels: list[Rel]) -> WriteSummary:
    """What :meth:`upsert` would report for ``nodes`` and ``rels``, computed without writing.

    >>> import os, tempfile
    >>> from clusternet.graph.store import open_store
    >>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"), ensure_schema=True)
    >>> techtera = Node("cluster:techtera-fr", ("Cluster",), {"name": "Techtera", "country": "FR"})
    >>> diff_summary(s, [techtera], []).rows()[0]["created"]
    1
    >>> _ = s.upsert([techtera], [])
    >>> diff_summary(s, [techtera], []).rows()[0]["unchanged"]
    1
    >>> s.close()
    """
    schema = store.schema
    summary = WriteSummary()
    pn = prepare_nodes(nodes, schema)
    existing = store.labels_of(list(pn))
    _count_nodes(store, pn, existing, summary)
    _count_rels(store, prepare_rels(rels, schema), existing, summary)
    return summary


def _count_nodes(store, prepared: dict, existing, summary: WriteSummary) -> None:
    """Record each prepared node as created, updated or unchanged."""
    lists, first = list_props(store.schema), keep_first_props(store.schema)
    for nid, (labels, props, conf) in prepared.items():
        key = store.schema.node(primary_label(labels)).label
        if nid not in existing:
            summary.record(key, "created")
            continue
        old = store.get_node(nid)
        same = (set(labels) <= set(old.labels) and merge_props(old.props, props, lists, first) == old.props
                and conf <= old.confidence)
        summary.record(key, "unchanged" if same else "updated")


def _count_rels(store, prepared: dict, existing, summary: WriteSummary) -> None:
    """Record each prepared relationship as created, updated or unchanged; a node's
    outgoing relationships are read once."""
    lists = list_props(store.schema)
    by_source: dict[str, dict] = {}
    for (s, t, d), (props, conf) in prepared.items():
        if s not in existing:
            summary.record(t, "created")
            continue
        if s not in by_source:
            by_source[s] = {r.key: r for r in store.rels_of(s, direction="out")}
        old = by_source[s].get((s, t, d))
        if old is None:
            summary.record(t, "created")
        else:
            same = merge_props(old.props, props, lists) == old.props and conf <= old.confidence
            summary.record(t, "unchanged" if same else "updated")
