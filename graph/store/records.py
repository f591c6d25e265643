"""Record preparation and the write rule: the pure functions both stores write with.

:func:`merge_props` is the property rule (lists unioned, ``keep_first`` values kept, other
scalars overwritten); :func:`prepare_nodes` and :func:`prepare_rels` collapse a batch of
records to one entry per key with it, provenance flattened into ``evidence`` and
``sources``. :class:`~clusternet.graph.store.base.GraphStore` and the stores build on them.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from clusternet.graph.model import Node, Rel, encode_evidence
from clusternet.graph.schema import Schema

__all__ = ["prepare_nodes", "prepare_rels", "merge_props", "list_props", "keep_first_props",
           "collapse_nodes", "collapse_rels"]


def list_props(schema: Schema) -> frozenset[str]:
    """Names of all ``list[str]`` properties (unioned on write), provenance included."""
    names = {p.name for nt in schema.nodes.values() for p in nt.properties.values() if p.type == "list[str]"}
    names |= {p.name for rt in schema.rels.values() for p in rt.properties.values() if p.type == "list[str]"}
    names |= {"sources", "evidence"}
    return frozenset(names)


def keep_first_props(schema: Schema) -> frozenset[str]:
    """Names of the node properties marked ``keep_first`` in the schema: a later write
    never overwrites a value they already hold."""
    return frozenset(p.name for nt in schema.nodes.values() for p in nt.properties.values() if p.keep_first)


def _union(old: list | None, new: Iterable) -> list:
    out = list(old or [])
    seen = set(out)
    for v in new:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def merge_props(old: dict[str, Any], new: dict[str, Any], lists: frozenset[str],
                keep_first: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The store's write rule for properties, as a pure function.

    >>> merge_props({"name": "A", "aliases": ["x"]}, {"name": "B", "aliases": ["y", "x"]}, frozenset({"aliases"}))
    {'name': 'B', 'aliases': ['x', 'y']}
    """
    out = dict(old)
    for k, v in new.items():
        if v is None:
            continue
        if k in lists:
            out[k] = _union(old.get(k), v)
        elif k in keep_first and old.get(k) is not None:
            continue
        else:
            out[k] = v
    return out


def _flat_props(props: dict, evidence, lists: frozenset[str]) -> dict:
    """A record's props plus its provenance, with list values de-duplicated in order."""
    out = {}
    for k, v in props.items():
        if v is None:
            continue
        out[k] = _union([], v) if k in lists else v
    if evidence:
        enc = [encode_evidence(e) for e in evidence]
        out["evidence"] = _union(out.get("evidence", []), enc)
        out["sources"] = _union(out.get("sources", []), (e.document for e in evidence))
    return out


def prepare_nodes(nodes: Iterable[Node], schema: Schema) -> dict[str, tuple[tuple[str, ...], dict, float]]:
    """Collapse node records to one entry per id: ``id -> (labels, props, confidence)``.

    Records for the same id are merged with the write rule, so a batch holding an id
    twice gives what two writes in a row would.
    """
    lists, first = list_props(schema), keep_first_props(schema)
    return collapse_nodes(nodes, lambda props, ev: _flat_props(props, ev, lists), lists, first)


def prepare_rels(rels: Iterable[Rel], schema: Schema) -> dict[tuple[str, str, str], tuple[dict, float]]:
    """Collapse relationship records to one entry per ``(source, type, target)``."""
    lists = list_props(schema)
    return collapse_rels(rels, lambda props, ev: _flat_props(props, ev, lists), lists)


def collapse_nodes(nodes: Iterable[Node], flatten: Callable[[dict, Any], dict], lists: frozenset[str],
                   first: frozenset[str]) -> dict[str, tuple[tuple[str, ...], dict, float]]:
    """:func:`prepare_nodes` with the record-to-properties step ``flatten(props, evidence)``
    given (``graph/store/fastprep.py`` passes a faster one with the same result)."""
    out: dict[str, tuple[tuple[str, ...], dict, float]] = {}
    for n in nodes:
        props = flatten(n.props, n.evidence)
        if n.id in out:
            labels, old, conf = out[n.id]
            merged_labels = tuple(dict.fromkeys(labels + tuple(n.labels)))
            out[n.id] = (merged_labels, merge_props(old, props, lists, first), max(conf, n.confidence))
        else:
            out[n.id] = (tuple(n.labels), props, float(n.confidence))
    return out


def collapse_rels(rels: Iterable[Rel], flatten: Callable[[dict, Any], dict],
                  lists: frozenset[str]) -> dict[tuple[str, str, str], tuple[dict, float]]:
    """:func:`prepare_rels` with ``flatten`` given; see :func:`collapse_nodes`."""
    out: dict[tuple[str, str, str], tuple[dict, float]] = {}
    for r in rels:
        props = flatten(r.props, r.evidence)
        key = (r.source, r.type, r.target)
        if key in out:
            old, conf = out[key]
            out[key] = (merge_props(old, props, lists), max(conf, r.confidence))
        else:
            out[key] = (props, float(r.confidence))
    return out
