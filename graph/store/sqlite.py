"""The embedded default store: the property graph in one SQLite file (WAL mode).

Tables and indexes come from the schema (see :func:`ddl`). Writes follow the same rules
as the Neo4j store (``base.py``), so the same input gives the same graph on both.

>>> import tempfile, os
>>> from clusternet.graph.model import Node
>>> path = os.path.join(tempfile.mkdtemp(), "g.db")
>>> with EmbeddedStore(path) as s:
...     s.ensure_schema()
...     summary = s.upsert([Node("country:MA", ("Country",), {"name": "Morocco", "iso2": "MA"})])
...     s.counts()["nodes"]
{'Country': 1}
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from clusternet.graph.errors import ConfigError, StoreError, StoreUnavailable
from clusternet.graph.model import Node, Rel
from clusternet.graph.schema import Schema
from clusternet.graph.store.base import DEFAULT_BATCH, REVISION_KEY, GraphStore, WriteSummary
from clusternet.graph.store.records import keep_first_props, list_props
from clusternet.graph.store.fastprep import prepare_write
from clusternet.graph.store.gcpause import no_cycle_gc
from clusternet.graph.store.sqlite_rows import _CHUNK, SqliteRowWriter, _dumps, _first_item

__all__ = ["EmbeddedStore", "ddl"]

# the value stays JSON text (meta_get reads it as a number)
_BUMP = ("INSERT INTO meta(key, value) VALUES (?, '1') "
         "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")


def ddl(schema: Schema) -> list[str]:
    """The CREATE statements for the embedded store, generated from the schema.

    Identifiers come from the schema (checked to be plain identifiers when it is loaded),
    never from data.
    """
    stmts = [
        """CREATE TABLE IF NOT EXISTS nodes (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            labels TEXT NOT NULL,
            props TEXT NOT NULL,
            confidence REAL NOT NULL DEFAULT 1.0)""",
        """CREATE TABLE IF NOT EXISTS node_labels (
            label TEXT NOT NULL, id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
            PRIMARY KEY (label, id)) WITHOUT ROWID""",
        """CREATE TABLE IF NOT EXISTS edges (
            source TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            target TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
            props TEXT NOT NULL,
            confidence REAL NOT NULL DEFAULT 1.0,
            PRIMARY KEY (source, type, target)) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS edges_by_target ON edges (target, type)",
        "CREATE INDEX IF NOT EXISTS edges_by_type ON edges (type)",
        "CREATE INDEX IF NOT EXISTS node_labels_by_id ON node_labels (id)",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ]
    for label, prop in schema.indexed_properties():
        stmts.append(
            f"CREATE INDEX IF NOT EXISTS ix_{label.lower()}_{prop} ON nodes "
            f"(json_extract(props, '$.{prop}')) WHERE label = '{label}'")
    return stmts


class EmbeddedStore(SqliteRowWriter, GraphStore):
    """The graph in a SQLite file. Safe to share between threads (one connection each)."""

    kind = "embedded"

    def __init__(self, path: str | os.PathLike, schema: Schema | None = None, *, read_only: bool = False,
                 timeout: float = 30.0):
        super().__init__(schema)
        self.path = Path(path)
        self.read_only = read_only
        self.timeout = timeout
        self._local = threading.local()
        self._lists = list_props(self.schema)
        self._first = keep_first_props(self.schema)
        self._label_sets: dict[tuple[str, ...], tuple[str, ...]] = {}
        if read_only and not self.path.exists():
            raise ConfigError(f"embedded store {self.path} does not exist")
        if not read_only and not self.path.parent.exists():
            raise ConfigError(f"folder {self.path.parent} does not exist (for embedded store {self.path.name})")
        self._conn()  # open now, so a bad path fails here with a clear message

    # -- connection --------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                if self.read_only:
                    conn = self._read_only_conn()
                else:
                    conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                           check_same_thread=False)
                    conn.execute("PRAGMA journal_mode=WAL")
                    conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as err:
                raise StoreUnavailable(f"cannot open embedded store {self.path}: {err}") from None
            self._local.conn = conn
        return conn

    def _read_only_conn(self) -> sqlite3.Connection:
        """A connection that cannot write (``query_only``) but, being an ordinary one, lets SQLite
        checkpoint and remove the -wal/-shm files when it closes last; a file the user may not
        write is opened with ``mode=ro`` instead."""
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only=ON")
            return conn
        except sqlite3.OperationalError:
            return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=self.timeout,
                                   isolation_level=None, check_same_thread=False)

    @contextmanager
    def _tx(self, bump: bool = True):
        """A write transaction; if it changed a row (and ``bump``), it also moves the
        revision before it commits (see ``base.py``)."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreUnavailable(f"embedded store {self.path} is busy or read-only: {err}") from None
        before = conn.total_changes
        try:
            yield conn
            if bump and conn.total_changes != before:
                conn.execute(_BUMP, (REVISION_KEY,))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def _read(self, sql: str, params: Iterable = ()) -> list[tuple]:
        try:
            return self._conn().execute(sql, tuple(params)).fetchall()
        except sqlite3.OperationalError as err:
            if "no such table" in str(err):
                return []
            raise StoreError(f"embedded store {self.path}: {err}") from None

    def close(self) -> None:
        """Close this thread's SQLite connection, if one is open."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def describe(self) -> str:
        """``embedded store <path>``: where the data lives, safe to show."""
        return f"embedded store {self.path}"

    def ensure_schema(self) -> None:
        """Create the tables and indexes (idempotent) and record the schema version."""
        with self._tx(bump=False) as conn:  # tables, not graph content: readers keep their cache
            for stmt in ddl(self.schema):
                conn.execute(stmt)
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (_dumps(self.schema.version),))

    # -- writes ------------------------------------------------------------------------
    def upsert(self, nodes: Iterable[Node] = (), rels: Iterable[Rel] = (), *, batch_size: int = DEFAULT_BATCH,
               atomic: bool = False, progress=None) -> WriteSummary:
        """Merge ``nodes`` then ``rels`` into the file by the write rules; see :meth:`GraphStore.upsert`."""
        with no_cycle_gc():          # as on Neo4j: bulk loads ~25% faster without collector sweeps
            return self._upsert(nodes, rels, batch_size, atomic, progress)

    def _upsert(self, nodes, rels, batch_size: int, atomic: bool, progress) -> WriteSummary:
        node_map, rel_map = prepare_write(nodes, rels, self._lists, self._first)
        node_items, rel_items = list(node_map.items()), list(rel_map.items())
        del node_map, rel_map
        summary = WriteSummary()
        size = batch_size
        try:
            if atomic:
                # One transaction, so the order of the writes inside it is free: in key
                # order, SQLite's inserts are several times faster than in file order. What
                # could fail is checked first in the given order, so an error names the
                # same records as a batch-by-batch write would.
                for _, (labels, _, _) in node_items:
                    self._full_labels(labels)
                node_items.sort(key=_first_item)
                created: set[str] = set()
                with self._tx() as conn:
                    for i in range(0, len(node_items), size):
                        batch = dict(node_items[i:i + size])
                        self._write_nodes(conn, batch, summary, created)
                        if progress:
                            progress(len(batch))
                    for i in range(0, len(rel_items), size):
                        self._check_ends(conn, [k for k, _ in rel_items[i:i + size]])
                    rel_items.sort(key=_first_item)
                    for i in range(0, len(rel_items), size):
                        batch = dict(rel_items[i:i + size])
                        self._write_rels(conn, batch, summary, checked=True, new_ids=created)
                        if progress:
                            progress(len(batch))
            else:
                batches = [("n", dict(node_items[i:i + size])) for i in range(0, len(node_items), size)]
                batches += [("r", dict(rel_items[i:i + size])) for i in range(0, len(rel_items), size)]
                for kind, batch in batches:
                    part = WriteSummary()
                    with self._tx() as conn:
                        (self._write_nodes if kind == "n" else self._write_rels)(conn, batch, part)
                    summary.add(part)
                    if progress:
                        progress(len(batch))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.describe()}: write failed: {err}") from None
        return summary

    def delete_nodes(self, ids: Iterable[str]) -> int:
        """Delete these nodes with their labels and relationships in one transaction; returns how many existed."""
        ids = list(dict.fromkeys(ids))
        n = 0
        with self._tx() as conn:
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM edges WHERE source IN ({marks}) OR target IN ({marks})", chunk + chunk)
                conn.execute(f"DELETE FROM node_labels WHERE id IN ({marks})", chunk)
                n += conn.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk).rowcount
        return n

    def replace(self, delete_ids: Iterable[str], nodes: Iterable[Node], rels: Iterable[Rel]) -> None:
        """Delete ``delete_ids`` and write ``nodes``/``rels`` unmerged, all in one SQLite transaction."""
        delete_ids = list(dict.fromkeys(delete_ids))
        node_map, rel_map = prepare_write(nodes, rels, self._lists, self._first)
        with self._tx() as conn:
            for i in range(0, len(delete_ids), _CHUNK):
                chunk = delete_ids[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM edges WHERE source IN ({marks}) OR target IN ({marks})", chunk + chunk)
                conn.execute(f"DELETE FROM node_labels WHERE id IN ({marks})", chunk)
                conn.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk)
            self._write_nodes(conn, node_map, WriteSummary())
            self._write_rels(conn, rel_map, WriteSummary())

    def clear(self) -> None:
        """Empty every table (the schema version is written back)."""
        with self._tx() as conn:
            for table in ("edges", "node_labels", "nodes"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM meta WHERE key <> ?", (REVISION_KEY,))  # the revision never goes back
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (_dumps(self.schema.version),))

    # -- reads -------------------------------------------------------------------------
    @staticmethod
    def _node(row) -> Node:
        nid, labels, props, conf = row
        return Node(nid, tuple(json.loads(labels)), json.loads(props), [], conf)

    @staticmethod
    def _rel(row) -> Rel:
        s, t, d, props, conf = row
        return Rel(s, t, d, json.loads(props), [], conf)

    def get_node(self, id: str) -> Node | None:
        """The node with this id, or None."""
        rows = self._read("SELECT id, labels, props, confidence FROM nodes WHERE id = ?", (id,))
        return self._node(rows[0]) if rows else None

    def labels_of(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """``id -> labels`` for those of ``ids`` that exist (looked up in chunks)."""
        ids = list(dict.fromkeys(ids))
        out = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            for nid, labels in self._read(
                    f"SELECT id, labels FROM nodes WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[nid] = tuple(json.loads(labels))
        return out

    def find_nodes(self, label: str | None = None, where: dict[str, Any] | None = None, *,
                   name_contains: str | None = None, limit: int | None = None) -> list[Node]:
        """Nodes matching label, exact property values and a name fragment (case-insensitive), by id."""
        sql = "SELECT n.id, n.labels, n.props, n.confidence FROM nodes n"
        params: list[Any] = []
        conds = []
        if label:
            self.schema.node(label)
            sql += " JOIN node_labels l ON l.id = n.id AND l.label = ?"
            params.append(label)
        for key, value in (where or {}).items():
            if not key.replace("_", "").isalnum():
                raise StoreError(f"not a property name: {key!r}")
            conds.append(f"json_extract(n.props, '$.{key}') = ?")
            params.append(value)
        if name_contains:
            conds.append("instr(lower(json_extract(n.props, '$.name')), lower(?)) > 0")
            params.append(name_contains)
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        sql += " ORDER BY n.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [self._node(r) for r in self._read(sql, params)]

    def rels_of(self, id: str, type: str | None = None, direction: str = "both") -> list[Rel]:
        """Relationships of ``id`` in the given direction (``out``, ``in``, ``both``), optionally of one type."""
        conds = {"out": "source = ?", "in": "target = ?", "both": "(source = ? OR target = ?)"}[direction]
        params: list[Any] = [id, id] if direction == "both" else [id]
        sql = f"SELECT source, type, target, props, confidence FROM edges WHERE {conds}"
        if type:
            sql += " AND type = ?"
            params.append(type)
        sql += " ORDER BY source, type, target"
        return [self._rel(r) for r in self._read(sql, params)]

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, ordered by id."""
        for row in self._read("SELECT id, labels, props, confidence FROM nodes ORDER BY id"):
            yield self._node(row)

    def iter_rels(self) -> Iterator[Rel]:
        """Every relationship, ordered by source, type, target."""
        for row in self._read("SELECT source, type, target, props, confidence FROM edges ORDER BY source, type, target"):
            yield self._rel(row)

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label (an SME counts under both Organisation and SME) and relationships per type."""
        nodes = dict(self._read("SELECT label, count(*) FROM node_labels GROUP BY label ORDER BY label"))
        rels = dict(self._read("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type"))
        return {"nodes": nodes, "relationships": rels}

    # -- meta --------------------------------------------------------------------------
    def meta_put(self, key: str, value: Any) -> None:
        """Store ``value`` as JSON under ``key``, replacing any earlier value."""
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, _dumps(value)))

    def meta_get(self, key: str, default: Any = None) -> Any:
        """The JSON value under ``key``, or ``default``."""
        rows = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def meta_items(self, prefix: str) -> list[tuple[str, Any]]:
        """``(key, value)`` pairs whose key starts with ``prefix``, by key (the schema version left out)."""
        rows = self._read("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key",
                          (len(prefix), prefix))
        return [(k, json.loads(v)) for k, v in rows if k not in ("schema_version", REVISION_KEY)]

    def meta_delete(self, key: str) -> None:
        """Remove the meta entry ``key``, if present."""
        with self._tx() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def revision(self) -> int:
        rows = self._read("SELECT value FROM meta WHERE key = ?", (REVISION_KEY,))
        return int(rows[0][0]) if rows else 0
