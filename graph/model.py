"""Typed records that go into a store, their validation, and the interchange format.

A :class:`Node` or :class:`Rel` is what readers and extractors produce and what stores
upsert. The interchange format (``clusternet load``, ``export --format json``) is JSON
lines, one object per record::

    {"kind": "node", "id": "cluster:techtera-fr", "labels": ["Cluster"], "props": {...},
     "evidence": [{"document": "doc:…", "start": 10, "end": 18, "text": "Techtera"}],
     "confidence": 1.0}
    {"kind": "rel", "source": "cluster:techtera-fr", "type": "LOCATED_IN",
     "target": "country:FR", "props": {}, "evidence": [], "confidence": 1.0}

A whole-file JSON object ``{"nodes": [...], "relationships": [...]}`` is accepted too.

>>> n = Node("cluster:techtera-fr", ("Cluster",), {"name": "Techtera", "country": "FR"})
>>> clean, problems = validate([n], [])
>>> problems
[]
>>> bad = Node("cluster:x", ("Cluster",), {"members": "many"})
>>> for p in validate([bad], [])[1]: print(p)
cluster:x, name: required property missing
cluster:x, members: expected a whole number, got 'many' (value 'many')
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from clusternet.graph.errors import Problem, ValidationError
from clusternet.graph.schema import Schema, check_value, load_schema

__all__ = ["Evidence", "Node", "Rel", "validate", "validate_or_raise", "node_from_dict",
           "rel_from_dict", "records_from_json", "rel_key",
           "encode_evidence", "decode_evidence", "primary_label"]


@dataclass(frozen=True, order=True)
class Evidence:
    """A span of a document that supports a fact. ``text == document_text[start:end]``.

    Rows of structured files use ``loc`` (e.g. ``"row 12"``, ``"Members!A5"``) and the
    span of the row's line where there is one.
    """

    document: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    loc: str | None = None

    def as_dict(self) -> dict:
        """The evidence as a plain dict (``loc`` only when set), for JSON and undo records."""
        d = {"document": self.document, "start": self.start, "end": self.end, "text": self.text}
        if self.loc is not None:
            d["loc"] = self.loc
        return d


def encode_evidence(ev: Evidence) -> str:
    """The compact, canonical JSON string both stores keep in a ``list[str]`` property."""
    d = {"d": ev.document, "s": ev.start, "e": ev.end, "t": ev.text}
    if ev.loc is not None:
        d["l"] = ev.loc
    return json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode_evidence(raw: str) -> Evidence:
    """The :class:`Evidence` of a string written by :func:`encode_evidence` (the inverse).

    >>> decode_evidence(encode_evidence(Evidence("doc:1", 4, 9, "Tunis")))
    Evidence(document='doc:1', start=4, end=9, text='Tunis', loc=None)
    """
    d = json.loads(raw)
    return Evidence(d["d"], d.get("s"), d.get("e"), d.get("t"), d.get("l"))


@dataclass
class Node:
    id: str
    labels: tuple[str, ...]
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0

    @property
    def label(self) -> str:
        """The most specific of the node's labels (SME rather than Organisation)."""
        return primary_label(self.labels)

    def as_dict(self) -> dict:
        """The node as a plain dict (``kind`` = ``"node"``), the form :func:`node_from_dict` reads."""
        return {"kind": "node", "id": self.id, "labels": list(self.labels), "props": self.props,
                "evidence": [e.as_dict() for e in self.evidence], "confidence": self.confidence}


@dataclass
class Rel:
    source: str
    type: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0

    @property
    def key(self) -> tuple[str, str, str]:
        """``(source, type, target)``: what identifies a relationship in a store.

        >>> Rel("cluster:a", "PARTNER_IN", "partnership:p").key
        ('cluster:a', 'PARTNER_IN', 'partnership:p')
        """
        return (self.source, self.type, self.target)

    def as_dict(self) -> dict:
        """The relationship as a plain dict (``kind`` = ``"rel"``), the form :func:`rel_from_dict` reads."""
        return {"kind": "rel", "source": self.source, "type": self.type, "target": self.target,
                "props": self.props, "evidence": [e.as_dict() for e in self.evidence],
                "confidence": self.confidence}


def rel_key(source: str, type_: str, target: str) -> str:
    """A relationship's identity as one string (one relationship per type and ordered pair)."""
    return f"{source}|{type_}|{target}"


def primary_label(labels: Iterable[str]) -> str:
    """The most specific label: one that extends another in the schema (``SME`` over
    ``Organisation``), else the last.

    >>> primary_label(("SME", "Organisation")), primary_label(("Cluster",)), primary_label(())
    ('SME', 'Cluster', '')
    """
    return _primary_of(tuple(labels))


@lru_cache(maxsize=1024)
def _primary_of(labels: tuple[str, ...]) -> str:
    """:func:`primary_label` of one label tuple (stores ask per record: a few tuples recur)."""
    specific = load_schema().specific_labels
    for lab in labels:
        if lab in specific:
            return lab
    return labels[-1] if labels else ""


def _check_props(schema_props, props: dict, where: str, problems: list[Problem]) -> dict:
    clean = {}
    for key, value in props.items():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        spec = schema_props.get(key)
        if spec is None:
            problems.append(Problem("unknown property (not in graph/schema.yaml)", field=key, record=where))
            continue
        coerced, reason = check_value(spec, value)
        if reason:
            problems.append(Problem(reason, field=key, value=value, record=where))
        else:
            clean[key] = coerced
    return clean


def _provenance(s: Schema) -> dict:
    # provenance travels in props when records are read back or re-loaded from an export
    return {k: v for k, v in s.provenance.items() if k != "confidence"}


def _check_confidence(value: Any, where: str, problems: list[Problem]) -> float:
    try:
        c = float(value)
    except (TypeError, ValueError):
        c = float("nan")
    if not 0.0 <= c <= 1.0:
        problems.append(Problem("confidence must be between 0 and 1", field="confidence", value=value, record=where))
        return 1.0
    return c


def validate(nodes: Iterable[Node], rels: Iterable[Rel], schema: Schema | None = None,
             known_labels: dict[str, tuple[str, ...]] | None = None) -> tuple[tuple[list[Node], list[Rel]], list[Problem]]:
    """Check records against the schema; coerce property values to their types.

    ``known_labels`` maps ids already in the store to their labels, so relationships may
    point at nodes loaded earlier. Returns ``((nodes, rels), problems)``: the cleaned
    records and every problem found (a record with a problem is left out).
    """
    s = schema or load_schema()
    problems: list[Problem] = []
    out_nodes: list[Node] = []
    labels_by_id: dict[str, tuple[str, ...]] = dict(known_labels or {})
    for n in nodes:
        where = n.id or "(node without id)"
        before = len(problems)
        if not n.id or not isinstance(n.id, str):
            problems.append(Problem("id is required", field="id", record=where))
        if not n.labels:
            problems.append(Problem("at least one label is required", field="labels", record=where))
            continue
        unknown = [lab for lab in n.labels if lab not in s.nodes]
        if unknown:
            problems.append(Problem(f"unknown label {unknown[0]!r}", field="labels", record=where))
            continue
        label = primary_label(n.labels)
        labels = s.node(label).all_labels
        props_spec = s.props_of(label)
        clean = _check_props({**_provenance(s), **props_spec}, n.props, where, problems)
        for spec in props_spec.values():
            if spec.required and spec.name not in clean:
                problems.insert(before, Problem("required property missing", field=spec.name, record=where))
        conf = _check_confidence(n.confidence, where, problems)
        if len(problems) == before:
            out_nodes.append(Node(n.id, labels, clean, list(n.evidence), conf))
            labels_by_id[n.id] = labels
    out_rels: list[Rel] = []
    for r in rels:
        where = rel_key(r.source, r.type, r.target)
        before = len(problems)
        if r.type not in s.rels:
            problems.append(Problem(f"unknown relationship type {r.type!r}", field="type", record=where))
            continue
        for end_name, end in (("source", r.source), ("target", r.target)):
            if end not in labels_by_id:
                problems.append(Problem("no node with this id (in the file or the store)", field=end_name,
                                        value=end, record=where))
        if len(problems) > before:
            continue
        src, dst = primary_label(labels_by_id[r.source]), primary_label(labels_by_id[r.target])
        if not s.allows(src, r.type, dst):
            problems.append(Problem(f"{r.type} may not go from {src} to {dst}", field="type", record=where))
            continue
        clean = _check_props({**_provenance(s), **s.rel(r.type).properties}, r.props, where, problems)
        conf = _check_confidence(r.confidence, where, problems)
        if len(problems) == before:
            out_rels.append(Rel(r.source, r.type, r.target, clean, list(r.evidence), conf))
    return (out_nodes, out_rels), problems


def validate_or_raise(nodes, rels, schema=None, known_labels=None, context=None):
    """Like :func:`validate`, but raise :class:`ValidationError` listing every problem."""
    (n, r), problems = validate(nodes, rels, schema, known_labels)
    if problems:
        raise ValidationError(problems, context)
    return n, r


def _evidence_list(raw) -> list[Evidence]:
    out = []
    for e in raw or []:
        if isinstance(e, str):
            out.append(decode_evidence(e))
        else:
            out.append(Evidence(str(e.get("document") or e.get("d")), e.get("start", e.get("s")),
                                e.get("end", e.get("e")), e.get("text", e.get("t")), e.get("loc", e.get("l"))))
    return out


def node_from_dict(d: dict) -> Node:
    """A :class:`Node` from a dict as :meth:`Node.as_dict` writes it (a single ``label`` is accepted too).

    >>> node_from_dict({"id": "cluster:a", "label": "Cluster", "props": {"name": "A"}}).labels
    ('Cluster',)
    """
    labels = d.get("labels") or ([d["label"]] if d.get("label") else [])
    return Node(str(d.get("id") or ""), tuple(labels), dict(d.get("props") or {}),
                _evidence_list(d.get("evidence")), d.get("confidence", 1.0))


def rel_from_dict(d: dict) -> Rel:
    """A :class:`Rel` from a dict as :meth:`Rel.as_dict` writes it; missing fields become empty.

    >>> rel_from_dict({"source": "a", "type": "VISITED", "target": "b"}).key
    ('a', 'VISITED', 'b')
    """
    return Rel(str(d.get("source") or ""), str(d.get("type") or ""), str(d.get("target") or ""),
               dict(d.get("props") or {}), _evidence_list(d.get("evidence")), d.get("confidence", 1.0))


def records_from_json(obj: Any) -> tuple[list[Node], list[Rel]]:
    """Records from a parsed interchange object: a list of records or {nodes, relationships}."""
    nodes, rels = [], []
    if isinstance(obj, dict):
        items = [dict(n, kind="node") for n in obj.get("nodes", [])] + \
                [dict(r, kind="rel") for r in obj.get("relationships", obj.get("rels", []))]
    elif isinstance(obj, list):
        items = obj
    else:
        raise ValidationError([Problem("expected a list of records or an object with nodes and relationships")])
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ValidationError([Problem("each record must be an object", row=i + 1)])
        kind = item.get("kind") or ("rel" if "type" in item and "source" in item else "node")
        (rels if kind == "rel" else nodes).append(rel_from_dict(item) if kind == "rel" else node_from_dict(item))
    return nodes, rels
