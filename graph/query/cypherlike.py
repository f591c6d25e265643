"""Cypher semantics in Python, the package-internal helpers of :mod:`clusternet.graph.query.embedded`:
ascending ORDER BY with nulls last, ``toLower`` and ``toInteger``, a node's labels, nodes of a
label, relationships out of and into a node, nodes named by id or name in any case, Country
nodes by ISO2 code and whether a node is an actor.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from clusternet.graph.model import primary_label
from clusternet.graph.schema import LABEL, group as label_group

__all__ = ["_asc", "_lower", "_labels", "_has", "_kind", "_nodes", "_out", "_in", "_named", "_countries_by_iso",
           "_is_actor", "_to_integer"]


def _asc(value):
    """Sort key of Cypher's ascending ORDER BY: null sorts last."""
    return (value is None, value if value is not None else 0)


def _lower(value):
    return value.lower() if isinstance(value, str) else None


def _labels(attrs: dict) -> tuple[str, ...]:
    labels = tuple(attrs.get("labels") or ())
    return labels or ((attrs["label"],) if attrs.get("label") else ())


def _has(attrs: dict, label: str) -> bool:
    return label in _labels(attrs)


def _kind(attrs: dict) -> str:
    return attrs.get("label") or primary_label(_labels(attrs))


def _nodes(G, label: str) -> Iterable[tuple[str, dict]]:
    return ((n, a) for n, a in G.nodes(data=True) if _has(a, label))


def _out(G, node: str, type_: str) -> list[str]:
    return [v for _, v, k in G.out_edges(node, keys=True) if k == type_]


def _in(G, node: str, type_: str) -> list[str]:
    return [u for u, _, k in G.in_edges(node, keys=True) if k == type_]


def _named(G, label: str, key: str, *fields: str) -> list[str]:
    """Nodes of ``label`` whose id is ``key`` or whose name/field equals it, ignoring case
    (the Cypher ``p.id = $x OR toLower(p.name) = toLower($x)``)."""
    want = _lower(key)
    out = []
    for n, a in _nodes(G, label):
        if n == key or any(_lower(a.get(f)) == want and want is not None for f in ("name",) + fields):
            out.append(n)
    return out


def _countries_by_iso(G) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for n, a in _nodes(G, LABEL.Country):
        if a.get("iso2") is not None:
            out[a["iso2"]].append(n)
    return out


def _is_actor(attrs: dict) -> bool:
    return not label_group("organisations").isdisjoint(_labels(attrs))


def _to_integer(text) -> int | None:
    """Cypher's toInteger on a string: a whole number or null."""
    if not isinstance(text, str) or not re.fullmatch(r"\s*[+-]?\d+\s*", text):
        return None
    return int(text)
