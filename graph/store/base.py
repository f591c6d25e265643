"""The store interface: one contract, two real implementations.

:class:`~clusternet.graph.store.sqlite.EmbeddedStore` (one SQLite file, the default) and
:class:`~clusternet.graph.store.neo4j.Neo4jStore` (Neo4j 5 through the official driver)
both implement :class:`GraphStore`. ``tests/test_store_contract.py`` runs the same tests
against both; the same input must give the same graph (ids, properties, counts, content
hash) on each.

Write semantics (identical on both stores):

* nodes are keyed by ``id``, relationships by ``(source, type, target)``;
* scalar properties overwrite (``SET n += props``), except ``keep_first`` ones;
* ``list[str]`` properties (aliases, sectors, sources, evidence, ...) are unioned, old
  values first, in the order seen;
* labels are added, ``confidence`` keeps the maximum;
* a write that changes nothing is reported as *unchanged*.

Revision: every write transaction that changes something also moves a counter, in the
same transaction (embedded: the ``revision`` row of the meta table; Neo4j: the
``(:ClusternetMeta {key: "revision"})`` node's ``revision`` property). :meth:`GraphStore.revision`
reads it with one cheap lookup, so a reader (the app) can key its cached snapshot by it and
see any writer's change (the CLI's ``clusternet ingest``) on its next read. It never goes
back, not even on :meth:`GraphStore.clear`; a new, empty store is at 0.
"""
from __future__ import annotations

import hashlib
import json
import weakref
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import networkx as nx

from clusternet.graph.errors import IntegrityError, NotFound
from clusternet.graph.model import Node, Rel, primary_label
from clusternet.graph.schema import Schema, load_schema
from clusternet.graph.store.records import (_union, keep_first_props, list_props, merge_props, prepare_nodes,
    prepare_rels)

__all__ = ["GraphStore", "WriteSummary", "prepare_nodes", "prepare_rels", "merge_props",
           "list_props", "keep_first_props", "snapshot_from_records", "content_hash_of"]

DEFAULT_BATCH = 5_000
REVISION_KEY = "revision"  # the meta key of the write counter (kept out of meta_items)


@dataclass
class WriteSummary:
    """What a write did, per label (nodes) and per type (relationships)."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    def add(self, other: "WriteSummary") -> "WriteSummary":
        """Add ``other``'s counts to this summary (in place) and return this summary.

        >>> a, b = WriteSummary(), WriteSummary()
        >>> a.record("Cluster", "created"); b.record("Cluster", "updated")
        >>> a.add(b).changed
        2
        """
        self.created.update(other.created)
        self.updated.update(other.updated)
        self.unchanged.update(other.unchanged)
        return self

    def record(self, key: str, outcome: str) -> None:
        """Count one record of label/type ``key`` as ``created``, ``updated`` or ``unchanged``."""
        getattr(self, outcome)[key] += 1

    @property
    def changed(self) -> int:
        """Number of records created or updated (unchanged ones left out)."""
        return sum(self.created.values()) + sum(self.updated.values())

    def rows(self) -> list[dict]:
        """One row per label/type: created, updated, unchanged (sorted by key)."""
        keys = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [{"key": k, "created": self.created[k], "updated": self.updated[k],
                 "unchanged": self.unchanged[k]} for k in keys]


def _canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def content_hash_of(nodes: Iterable[Node], rels: Iterable[Rel]) -> str:
    """A hash of a graph's whole content, independent of order and of the store."""
    lines = sorted(_canonical([n.id, sorted(n.labels), n.props, round(n.confidence, 6)]) for n in nodes)
    lines += sorted(_canonical([r.source, r.type, r.target, r.props, round(r.confidence, 6)]) for r in rels)
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()


_SNAPSHOTS: "weakref.WeakSet[nx.MultiDiGraph]" = weakref.WeakSet()


def is_snapshot(G) -> bool:
    """Whether ``G`` is a store snapshot (read-only by contract, so work on it can be cached)."""
    return G in _SNAPSHOTS


def snapshot_from_records(nodes: Iterable[Node], rels: Iterable[Rel]) -> nx.MultiDiGraph:
    """The NetworkX view analytics work on.

    Node attributes: ``label`` (most specific), ``labels``, ``name``, ``country`` (ISO2 or
    None) on every node, every property, ``confidence``. Edge key and ``type`` attribute
    are the relationship type; edges carry their properties and ``confidence``.
    The graph is registered as a snapshot (:func:`is_snapshot`): analytics cache their
    work on it, so treat it as read-only and copy it to change it.
    """
    G = nx.MultiDiGraph()
    for n in sorted(nodes, key=lambda n: n.id):
        attrs = dict(n.props)
        attrs.update(label=primary_label(n.labels), labels=tuple(sorted(n.labels)),
                     name=n.props.get("name", n.id), country=n.props.get("country"),
                     confidence=n.confidence)
        G.add_node(n.id, **attrs)
    for r in sorted(rels, key=lambda r: r.key):
        G.add_edge(r.source, r.target, key=r.type, type=r.type, confidence=r.confidence, **r.props)
    _SNAPSHOTS.add(G)
    return G


class GraphStore(ABC):
    """A property graph of clusternet records. Use as a context manager, or call close()."""

    kind: str = "abstract"

    def __init__(self, schema: Schema | None = None):
        self.schema = schema or load_schema()

    # -- lifecycle ---------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Release the connection or file; the store is not used after this."""

    @abstractmethod
    def describe(self) -> str:
        """Where this store is, safe to show (no password)."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create constraints, tables and indexes from the schema (idempotent)."""

    # -- writes ------------------------------------------------------------------------
    @abstractmethod
    def upsert(self, nodes: Iterable[Node] = (), rels: Iterable[Rel] = (), *,
               batch_size: int = DEFAULT_BATCH, atomic: bool = False, progress=None) -> WriteSummary:
        """Idempotent batched upsert. Nodes are written before relationships.

        ``atomic=True`` writes everything in one transaction (a document, a file);
        otherwise each batch is its own transaction, and re-running converges.
        Relationships whose ends are missing raise :class:`IntegrityError` and write
        nothing of their batch. ``progress(n)`` is called after each batch with the
        number of records written.
        """

    @abstractmethod
    def delete_nodes(self, ids: Iterable[str]) -> int:
        """Delete nodes and their relationships; returns how many nodes were deleted."""

    @abstractmethod
    def replace(self, delete_ids: Iterable[str], nodes: Iterable[Node], rels: Iterable[Rel]) -> None:
        """In one transaction: delete nodes (with their relationships), then write
        ``nodes`` and ``rels`` as they are (no merging with what was there)."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every node, relationship and meta entry."""

    # -- reads -------------------------------------------------------------------------
    @abstractmethod
    def get_node(self, id: str) -> Node | None:
        """The node with this id, or None if there is none."""

    @abstractmethod
    def labels_of(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Labels of those ids that exist."""

    @abstractmethod
    def find_nodes(self, label: str | None = None, where: dict[str, Any] | None = None, *,
                   name_contains: str | None = None, limit: int | None = None) -> list[Node]:
        """Nodes by label, exact property values and a case-insensitive name fragment,
        ordered by id."""

    @abstractmethod
    def rels_of(self, id: str, type: str | None = None, direction: str = "both") -> list[Rel]:
        """Relationships touching ``id`` (``out``, ``in`` or ``both``), ordered by key."""

    @abstractmethod
    def iter_nodes(self) -> Iterator[Node]:
        """Every node, ordered by id."""

    @abstractmethod
    def iter_rels(self) -> Iterator[Rel]:
        """Every relationship, ordered by ``(source, type, target)``."""

    @abstractmethod
    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {type: n}}``; an SME counts under
        both Organisation and SME, as a label count on Neo4j would."""

    # -- meta (decisions, merges): kept in the store, outside the graph -----------------
    @abstractmethod
    def meta_put(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable ``value`` under ``key`` (replacing any earlier one)."""

    @abstractmethod
    def meta_get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key``, or ``default`` if there is none."""

    @abstractmethod
    def meta_items(self, prefix: str) -> list[tuple[str, Any]]:
        """Meta entries whose key starts with ``prefix``, ordered by key."""

    @abstractmethod
    def meta_delete(self, key: str) -> None:
        """Remove the meta entry ``key`` (no error if it is absent)."""

    @abstractmethod
    def revision(self) -> int:
        """The store's write counter: 0 for a new store, larger after every write that
        changed something (nodes, relationships, meta entries), by whoever wrote it."""

    # -- derived, the same for every store ----------------------------------------------
    def require_node(self, id: str) -> Node:
        """The node with this id; raises :class:`NotFound` if the store has none."""
        node = self.get_node(id)
        if node is None:
            raise NotFound(f"no node with id {id!r} in {self.describe()}")
        return node

    def neighbourhood(self, id: str, depth: int = 1, limit: int = 500) -> tuple[list[Node], list[Rel]]:
        """Nodes within ``depth`` hops of ``id`` (at most ``limit``) and the relationships among them."""
        self.require_node(id)
        seen, frontier = {id}, [id]
        rels: dict[tuple, Rel] = {}
        for _ in range(max(0, depth)):
            nxt = []
            for nid in frontier:
                for r in self.rels_of(nid):
                    rels[r.key] = r
                    other = r.target if r.source == nid else r.source
                    if other not in seen and len(seen) < limit:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
        nodes = [n for n in (self.get_node(i) for i in sorted(seen)) if n is not None]
        keep = {n.id for n in nodes}
        return nodes, [r for k, r in sorted(rels.items()) if r.source in keep and r.target in keep]

    def snapshot(self) -> nx.MultiDiGraph:
        """The whole graph as a NetworkX MultiDiGraph (see :func:`snapshot_from_records`)."""
        return snapshot_from_records(self.iter_nodes(), self.iter_rels())

    def content_hash(self) -> str:
        """A hash of everything in the graph; equal on two stores holding the same graph."""
        return content_hash_of(self.iter_nodes(), self.iter_rels())

    def merge_nodes(self, keep: str, others: Iterable[str], *, reason: str = "") -> str:
        """Merge ``others`` into ``keep``: one node keeps its id, the others' names and ids
        become aliases, their relationships move to it. Returns a merge id for
        :meth:`undo_merge`.
        """
        others = [o for o in dict.fromkeys(others) if o != keep]
        kept = self.require_node(keep)
        removed = [self.require_node(o) for o in others]
        lists, first = list_props(self.schema), keep_first_props(self.schema)
        touching: dict[tuple, Rel] = {}
        for nid in [keep] + others:
            for r in self.rels_of(nid):
                touching[r.key] = r
        props = dict(kept.props)
        labels = tuple(kept.labels)
        conf = kept.confidence
        for o in removed:
            o_props = {k: v for k, v in o.props.items() if k not in ("name",)}
            props = merge_props(props, o_props, lists, first | {k for k in props if k not in lists})
            names = [o.props.get("name")] + list(o.props.get("aliases", [])) + [o.id]
            props["aliases"] = _union(props.get("aliases"), [a for a in names if a and a != props.get("name")])
            labels = tuple(dict.fromkeys(labels + tuple(o.labels)))
            conf = max(conf, o.confidence)
        moved: dict[tuple, Rel] = {}
        gone = set(others)
        for r in touching.values():
            s = keep if r.source in gone else r.source
            t = keep if r.target in gone else r.target
            if s == t:
                continue
            key = (s, r.type, t)
            if key in moved:
                old = moved[key]
                # the kept node's relationship was seen first; its scalar values win
                held = frozenset(k for k in old.props if k not in lists)
                moved[key] = Rel(s, r.type, t, merge_props(old.props, r.props, lists, held), [],
                                 max(old.confidence, r.confidence))
            else:
                moved[key] = Rel(s, r.type, t, dict(r.props), [], r.confidence)
        new_node = Node(keep, labels, props, [], conf)
        merge_id = "merge:" + hashlib.sha1(_canonical([keep, sorted(others)]).encode()).hexdigest()[:12]
        undo = {"keep": kept.as_dict(), "removed": [o.as_dict() for o in removed],
                "rels": [r.as_dict() for r in sorted(touching.values(), key=lambda r: r.key)],
                "new_rels": [list(k) for k in sorted(moved)], "reason": reason}
        self.replace([keep] + others, [new_node], list(moved.values()))
        self.meta_put(merge_id, undo)
        return merge_id

    def undo_merge(self, merge_id: str) -> None:
        """Put back the nodes and relationships a :meth:`merge_nodes` replaced."""
        from clusternet.graph.model import node_from_dict, rel_from_dict

        undo = self.meta_get(merge_id)
        if not undo:
            raise NotFound(f"no merge {merge_id!r} recorded in {self.describe()}")
        keep = node_from_dict(undo["keep"])
        removed = [node_from_dict(d) for d in undo["removed"]]
        rels = [rel_from_dict(d) for d in undo["rels"]]
        missing = {r.source for r in rels} | {r.target for r in rels}
        missing -= {keep.id} | {n.id for n in removed}
        present = self.labels_of(missing)
        if set(missing) - set(present):
            raise IntegrityError(f"cannot undo {merge_id}: nodes it touched are gone: "
                                 f"{', '.join(sorted(set(missing) - set(present))[:5])}")
        self.replace([keep.id] + [n.id for n in removed], [keep] + removed, rels)
        self.meta_delete(merge_id)

    def group_by_label(self, nodes: dict) -> dict[tuple[str, ...], list]:
        """Group prepared nodes by their label set (Cypher needs labels in the text)."""
        full: dict[tuple[str, ...], tuple[str, ...]] = {}      # one schema look-up per label set
        groups: dict[tuple[str, ...], list] = defaultdict(list)
        for nid, (labels, props, conf) in nodes.items():
            key = full.get(labels)
            if key is None:
                key = full[labels] = tuple(sorted(set(self.schema.node(primary_label(labels)).all_labels)
                                                  | set(labels)))
            groups[key].append((nid, props, conf))
        return groups
