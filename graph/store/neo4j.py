"""The Neo4j 5 store, through the official driver.

Same contract and write rules as the embedded store (see ``base.py``): nodes are
``(:Entity:<labels> {id})``, written with ``UNWIND $rows ... MERGE`` in managed
transactions (the driver retries transient errors such as deadlocks); the Cypher lives in
:mod:`.cypher`. Meta entries are ``(:ClusternetMeta {key, value})`` nodes, outside the graph.

Usage (needs a server; ``python scripts/neo4j_local.py run`` starts one)::

    with Neo4jStore("bolt://127.0.0.1:7687", "neo4j", "secret") as store:
        store.ensure_schema()
        store.upsert(nodes, rels)
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator

from clusternet.graph.errors import (ConfigError, QueryError, QueryRefused, StoreError,
    StoreUnavailable)
from clusternet.graph.model import Node, Rel
from clusternet.graph.schema import Schema
import clusternet.graph.store.cypher as C
from clusternet.graph.store.base import DEFAULT_BATCH, REVISION_KEY, GraphStore, WriteSummary
from clusternet.graph.store.records import keep_first_props, list_props
from clusternet.graph.store.fastprep import prepare_write
from clusternet.graph.store.gcpause import no_cycle_gc
from clusternet.graph.store.neo4j_rows import Neo4jRowWriter

__all__ = ["Neo4jStore"]


def _changed(summary: WriteSummary) -> bool:
    return summary.changed > 0

_PAGE = 10_000


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Neo4jStore(Neo4jRowWriter, GraphStore):
    """A clusternet graph in a Neo4j 5 database. Safe to share between threads."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str | None = None, database: str | None = None,
                 *, schema: Schema | None = None, read_only: bool = False, connection_timeout: float = 5.0,
                 max_retry_time: float = 15.0):
        super().__init__(schema)
        import neo4j

        self.uri, self.user, self.database, self.read_only = uri, user, database or None, read_only
        self._lists = list_props(self.schema)
        self._first = keep_first_props(self.schema)
        self._neo4j = neo4j
        try:
            self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password or ""),
                                                     connection_timeout=connection_timeout,
                                                     max_transaction_retry_time=max_retry_time,
                                                     # no "label not in the database yet" chatter in logs
                                                     notifications_min_severity="OFF")
        except (ValueError, neo4j.exceptions.ConfigurationError) as err:
            raise ConfigError(f"cannot use Neo4j URI {uri}: {err}") from None
        # fail now, with a clear message, rather than at the first write
        try:
            self._call(self.driver.verify_connectivity)
        except BaseException:
            self.driver.close()
            raise

    # -- plumbing ------------------------------------------------------------------------
    def _call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn``, turning driver errors into clusternet errors (never the password)."""
        ex = self._neo4j.exceptions
        try:
            return fn()
        except (ex.ServiceUnavailable, ex.SessionExpired) as err:
            raise StoreUnavailable(f"Neo4j at {self.uri} is not reachable: {err}") from None
        except ex.AuthError:
            raise ConfigError(f"Neo4j at {self.uri} refused the credentials of user {self.user!r} "
                              "(check NEO4J_USER / NEO4J_PASSWORD)") from None
        except ex.CypherSyntaxError as err:
            raise QueryError(f"Neo4j rejected a query: {err.message}") from None
        except ex.Neo4jError as err:
            code = err.code or ""
            if "TimedOut" in code or code.endswith("Terminated"):
                raise QueryError(f"the transaction took longer than its time limit and was stopped ({err.message})") from None
            if "AccessMode" in code or "Forbidden" in code:
                raise QueryRefused(f"refused by Neo4j (read-only access): {err.message}") from None
            if code.startswith("Neo.ClientError.Database.DatabaseNotFound"):
                raise ConfigError(f"no database {self.database!r} at {self.uri}") from None
            raise StoreError(f"Neo4j at {self.uri}: {err.message or err}") from None
        except ex.DriverError as err:
            raise StoreError(f"Neo4j at {self.uri}: {err}") from None
        except (TypeError, ValueError) as err:  # a value the driver cannot send
            raise StoreError(f"Neo4j at {self.uri}: cannot send a value: {err}") from None

    def _session(self, write: bool):
        mode = self._neo4j.WRITE_ACCESS if write else self._neo4j.READ_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode)

    def _write(self, work: Callable, bump: Callable[[Any], bool] | bool = True) -> Any:
        """Run ``work(tx)`` in a managed write transaction; when ``bump`` (or ``bump(result)``)
        is true, the same transaction moves the revision (see ``base.py``)."""
        if self.read_only:
            raise StoreError(f"{self.describe()} is opened read-only")

        def counted(tx):
            out = work(tx)
            if bump is True or (callable(bump) and bump(out)):
                tx.run(C.revision_bump, key=REVISION_KEY).consume()
            return out

        def go():
            """Run ``work`` in a write transaction of a fresh session (retried by the driver)."""
            with self._session(True) as s:
                return s.execute_write(counted)
        return self._call(go)

    def _read(self, work: Callable) -> Any:
        def go():
            """Run ``work`` in a read transaction of a fresh session."""
            with self._session(False) as s:
                return s.execute_read(work)
        return self._call(go)

    def _rows(self, query: str, **params) -> list[dict]:
        return self._read(lambda tx: [r.data() for r in tx.run(query, params)])

    def close(self) -> None:
        """Close the driver and its connection pool."""
        self.driver.close()

    def describe(self) -> str:
        """``Neo4j store <uri>`` (and the database, if one was named): safe to show, no password."""
        return f"Neo4j store {self.uri}" + (f" (database {self.database})" if self.database else "")

    def ensure_schema(self) -> None:
        """Create the schema's constraints and indexes (idempotent) and record the schema version."""
        def go():
            """Run each schema statement in its own auto-commit transaction, then wait for the indexes."""
            # schema commands cannot share a transaction with writes: auto-commit, one each
            with self._session(True) as s:
                for stmt in C.schema_statements(self.schema):
                    s.run(stmt).consume()
                s.run("CALL db.awaitIndexes(300)").consume()
        if self.read_only:
            raise StoreError(f"{self.describe()} is opened read-only")
        self._call(go)
        text = _dumps(self.schema.version)  # not graph content: readers keep their cache
        self._write(lambda tx: tx.run(C.meta_put, key="schema_version", value=text).consume(), bump=False)

    # -- writes --------------------------------------------------------------------------
    def _batches(self, nodes, rels, batch_size: int) -> list[tuple[str, dict]]:
        node_map, rel_map = prepare_write(nodes, rels, self._lists, self._first)
        node_items, rel_items = list(node_map.items()), list(rel_map.items())
        del node_map, rel_map
        size = max(1, int(batch_size))
        out = [("n", dict(node_items[i:i + size])) for i in range(0, len(node_items), size)]
        out += [("r", dict(rel_items[i:i + size])) for i in range(0, len(rel_items), size)]
        return out

    def _apply(self, tx, batches, summary: WriteSummary) -> None:
        for kind, batch in batches:
            (self._write_nodes if kind == "n" else self._write_rels)(tx, batch, summary)

    def upsert(self, nodes: Iterable[Node] = (), rels: Iterable[Rel] = (), *, batch_size: int = DEFAULT_BATCH,
               atomic: bool = False, progress=None) -> WriteSummary:
        """Merge ``nodes`` then ``rels`` with batched ``UNWIND`` writes; see :meth:`GraphStore.upsert`."""
        with no_cycle_gc():
            return self._upsert(nodes, rels, batch_size, atomic, progress)

    def _upsert(self, nodes, rels, batch_size: int, atomic: bool, progress) -> WriteSummary:
        batches = self._batches(nodes, rels, batch_size)
        summary = WriteSummary()
        if atomic:
            def work(tx):  # a retry starts from a fresh summary
                """Write every batch in this one transaction (the caller retries it whole)."""
                part = WriteSummary()
                self._apply(tx, batches, part)
                return part
            summary = self._write(work, _changed) if batches else summary
            for _, batch in batches:
                if progress:
                    progress(len(batch))
            return summary
        for one in batches:
            def work(tx, one=one):
                """Write one batch in its own transaction."""
                part = WriteSummary()
                self._apply(tx, [one], part)
                return part
            summary.add(self._write(work, _changed))
            if progress:
                progress(len(one[1]))
        return summary

    def delete_nodes(self, ids: Iterable[str]) -> int:
        """Detach-delete these nodes in one transaction; returns how many existed."""
        ids = list(dict.fromkeys(ids))
        return self._write(lambda tx: tx.run(C.delete_nodes, ids=ids).single()["n"], bool) if ids else 0

    def replace(self, delete_ids: Iterable[str], nodes: Iterable[Node], rels: Iterable[Rel]) -> None:
        """Delete ``delete_ids`` and write ``nodes``/``rels`` unmerged, all in one Neo4j transaction."""
        delete_ids = list(dict.fromkeys(delete_ids))
        node_map, rel_map = prepare_write(nodes, rels, self._lists, self._first)

        def work(tx):
            """The deletes then the writes, inside the caller's transaction."""
            if delete_ids:
                tx.run(C.delete_nodes, ids=delete_ids).consume()
            if node_map:
                self._write_nodes(tx, node_map, WriteSummary())
            if rel_map:
                self._write_rels(tx, rel_map, WriteSummary())
        self._write(work)

    def clear(self) -> None:
        """Delete everything but the revision counter, a page of nodes per transaction."""
        while self._write(lambda tx: tx.run(C.clear_batch, keep=REVISION_KEY, limit=_PAGE).single()["n"], bool):
            pass

    # -- reads ---------------------------------------------------------------------------
    def _node(self, rec: dict) -> Node:
        props = dict(rec["props"])
        conf = props.pop("confidence", 1.0)
        props.pop("id", None)
        labels = tuple(sorted(lab for lab in rec["labels"] if lab in self.schema.nodes))
        return Node(rec["id"], labels, props, [], float(conf if conf is not None else 1.0))

    @staticmethod
    def _rel(rec: dict) -> Rel:
        props = dict(rec["props"])
        conf = props.pop("confidence", 1.0)
        return Rel(rec["s"], rec["type"], rec["t"], props, [], float(conf if conf is not None else 1.0))

    def get_node(self, id: str) -> Node | None:
        """The node with this id, or None."""
        rows = self._rows(C.get_node, id=id)
        return self._node(rows[0]) if rows else None

    def labels_of(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """``id -> labels`` (schema labels only) for those of ``ids`` that exist."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        return {r["id"]: tuple(sorted(lab for lab in r["labels"] if lab in self.schema.nodes))
                for r in self._rows(C.labels_of, ids=ids)}

    def find_nodes(self, label: str | None = None, where: dict[str, Any] | None = None, *,
                   name_contains: str | None = None, limit: int | None = None) -> list[Node]:
        """Nodes matching label, exact property values and a name fragment (case-insensitive), by id."""
        if label:
            self.schema.node(label)
        params: dict[str, Any] = {}
        for i, (k, v) in enumerate((where or {}).items()):
            params[f"k{i}"], params[f"v{i}"] = k, v
        if name_contains:
            params["fragment"] = name_contains
        if limit is not None:
            params["limit"] = int(limit)
        q = C.find_nodes(label, len(where or {}), bool(name_contains), limit is not None)
        return [self._node(r) for r in self._rows(q, **params)]

    def rels_of(self, id: str, type: str | None = None, direction: str = "both") -> list[Rel]:
        """Relationships of ``id`` in the given direction (``out``, ``in``, ``both``), optionally of one type."""
        if direction not in ("out", "in", "both"):
            raise ConfigError(f"direction must be out, in or both, not {direction!r}")
        params = {"id": id, "type": type} if type else {"id": id}
        rels = {(r["s"], r["type"], r["t"]): r for r in self._rows(C.rels_of(direction, bool(type)), **params)}
        return [self._rel(rels[k]) for k in sorted(rels)]

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, ordered by id, read a page at a time."""
        after = ""
        while True:
            page = self._rows(C.node_page, after=after, limit=_PAGE)
            for rec in page:
                yield self._node(rec)
            if len(page) < _PAGE:
                return
            after = page[-1]["id"]

    def iter_rels(self) -> Iterator[Rel]:
        """Every relationship, ordered by source, type, target, read a page of sources at a time."""
        after = ""
        while True:
            page = self._rows(C.rel_page, after=after, limit=_PAGE)
            if not page:
                return
            rels = sorted((r for r in page if r["type"] is not None), key=lambda r: (r["s"], r["type"], r["t"]))
            for rec in rels:
                yield self._rel(rec)
            sources = {r["s"] for r in page}
            if len(sources) < _PAGE:
                return
            after = max(sources)

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per schema label and relationships per schema type (zero counts left out)."""
        nodes = {r["key"]: r["n"] for r in self._rows(C.count_labels(self.schema.labels)) if r["n"]}
        rels = {r["key"]: r["n"] for r in self._rows(C.count_types(self.schema.rel_types)) if r["n"]}
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    # -- meta ----------------------------------------------------------------------------
    def meta_put(self, key: str, value: Any) -> None:
        """Store ``value`` as JSON under ``key`` (a meta node outside the graph), replacing any earlier value."""
        text = _dumps(value)
        self._write(lambda tx: tx.run(C.meta_put, key=key, value=text).consume())

    def meta_get(self, key: str, default: Any = None) -> Any:
        """The JSON value under ``key``, or ``default``."""
        rows = self._rows(C.meta_get, key=key)
        return json.loads(rows[0]["value"]) if rows else default

    def meta_items(self, prefix: str) -> list[tuple[str, Any]]:
        """``(key, value)`` pairs whose key starts with ``prefix``, by key (the schema version left out)."""
        return [(r["key"], json.loads(r["value"])) for r in self._rows(C.meta_items, prefix=prefix)
                if r["key"] not in ("schema_version", REVISION_KEY)]

    def meta_delete(self, key: str) -> None:
        """Remove the meta entry ``key``, if present."""
        self._write(lambda tx: tx.run(C.meta_delete, key=key).consume())

    def revision(self) -> int:
        rows = self._rows(C.revision_get, key=REVISION_KEY)
        return int(rows[0]["revision"] or 0) if rows else 0

    # -- the analyst console -------------------------------------------------------------
    def run_query(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
                  timeout: float = 30, max_rows: int = 10_000) -> tuple[list[str], list[list]]:
        """Run ``cypher`` with ``params``; returns ``(columns, rows)``, at most ``max_rows`` rows.

        ``read_only`` runs it in a READ access-mode transaction, so Neo4j itself refuses
        writes (:class:`QueryRefused`); ``timeout`` (seconds) is the server-side
        transaction timeout.
        """
        neo4j = self._neo4j

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx):
            """Run the query in the caller's transaction and collect at most ``max_rows`` rows."""
            result = tx.run(cypher, dict(params or {}))
            rows = []
            for rec in result:
                if len(rows) >= max_rows:
                    break
                rows.append(list(rec.values()))
            keys = list(result.keys())
            if not read_only and result.consume().counters.contains_updates:
                tx.run(C.revision_bump, key=REVISION_KEY).consume()  # a console write counts too
            return keys, rows

        if not read_only and self.read_only:
            raise StoreError(f"{self.describe()} is opened read-only")

        def go():
            """Run ``work`` in a read or write session, as ``read_only`` asks."""
            with self._session(not read_only) as s:
                return (s.execute_read if read_only else s.execute_write)(work)
        try:
            return self._call(go)
        except QueryError as err:
            if "longer than its time limit" in str(err):
                raise QueryError(f"the query took longer than {timeout:g} s and was stopped") from None
            raise
        except StoreUnavailable:
            raise
        except StoreError as err:
            raise QueryError(str(err)) from None
