"""The embedded store's preparation of records for a write: what
:func:`~clusternet.graph.store.records.prepare_nodes` and ``prepare_rels`` give, faster.

A big file's write encodes hundreds of thousands of evidence spans; json.dumps builds an
encoder per call, and one row of a file supports several records. Both are avoided
here; the output is the same text (tests/test_ingest_scale.py compares them).
"""
from __future__ import annotations

import json
from typing import Iterable

from clusternet.graph.model import Evidence, Node, Rel, encode_evidence
from clusternet.graph.store.records import collapse_nodes, collapse_rels

__all__ = ["encode_evidence_fast", "prepare_nodes_fast", "prepare_rels_fast", "prepare_write"]

_str = json.encoder.encode_basestring  # how json.dumps(ensure_ascii=False) writes a str


def encode_evidence_fast(ev: Evidence) -> str:
    """:func:`~clusternet.graph.model.encode_evidence`, the same text, without a JSON
    encoder per call for the usual shape (text fields str or None, offsets int or None).

    >>> e = Evidence("doc:1", 3, 9, None, "row 2")
    >>> encode_evidence_fast(e) == encode_evidence(e)
    True
    """
    d, s, e, t, loc = ev.document, ev.start, ev.end, ev.text, ev.loc
    if not (type(d) is str and (s is None or type(s) is int) and (e is None or type(e) is int)
            and (t is None or type(t) is str) and (loc is None or type(loc) is str)):
        return encode_evidence(ev)
    return "".join(('{"d":', _str(d), ',"e":', "null" if e is None else str(e),
                    "" if loc is None else ',"l":' + _str(loc), ',"s":', "null" if s is None else str(s),
                    ',"t":', "null" if t is None else _str(t), "}"))


def _encoded(evidence, cache: dict) -> list[str]:
    """Each evidence object encoded once per write: one row of a file supports several
    records, which share its Evidence object (kept by identity, not by equal value: 1
    and 1.0 are equal but are written differently)."""
    out = []
    for e in evidence:
        hit = cache.get(id(e))
        if hit is None or hit[0] is not e:
            hit = cache[id(e)] = (e, encode_evidence_fast(e))
        out.append(hit[1])
    return out


def _flat_props(props: dict, evidence, lists: frozenset[str], cache: dict) -> dict:
    """``records._flat_props`` with the faster evidence encoding (the same result)."""
    out = {k: (list(dict.fromkeys(v)) if k in lists else v) for k, v in props.items() if v is not None}
    if evidence:
        enc = _encoded(evidence, cache)
        out["evidence"] = list(dict.fromkeys(out.get("evidence", []) + enc))
        out["sources"] = list(dict.fromkeys(out.get("sources", []) + [e.document for e in evidence]))
    return out


def prepare_nodes_fast(nodes: Iterable[Node], lists: frozenset[str], first: frozenset[str], cache: dict) -> dict:
    """:func:`~.records.prepare_nodes`, the same result (tests/test_ingest_scale.py checks it);
    ``cache`` remembers evidence texts for the write (pass one dict to both)."""
    return collapse_nodes(nodes, lambda props, ev: _flat_props(props, ev, lists, cache), lists, first)


def prepare_rels_fast(rels: Iterable[Rel], lists: frozenset[str], cache: dict) -> dict:
    """:func:`~.records.prepare_rels`, the same result; see :func:`prepare_nodes_fast`."""
    return collapse_rels(rels, lambda props, ev: _flat_props(props, ev, lists, cache), lists)


def prepare_write(nodes: Iterable[Node], rels: Iterable[Rel], lists: frozenset[str],
                  first: frozenset[str]) -> tuple[dict, dict]:
    """Both stores' preparation of one write: ``(prepare_nodes_fast(...), prepare_rels_fast(...))``
    with each evidence object encoded once for the whole write."""
    cache: dict = {}
    return prepare_nodes_fast(nodes, lists, first, cache), prepare_rels_fast(rels, lists, cache)
