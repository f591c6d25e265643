"""Running read-only Cypher on Neo4j: the second and third layers of the console.

Layer 1 (:mod:`~clusternet.graph.query.guard`) is a static check. Here:

* Neo4j's own verdict: ``EXPLAIN <query>`` is planned (not run) and refused unless the
  plan's query type is ``r`` (read only);
* the query runs through ``Neo4jStore.run_query`` in a READ access-mode transaction with
  a timeout, so the server itself refuses any write that got this far;
* with ``NEO4J_READONLY_USER`` and ``NEO4J_READONLY_PASSWORD`` set, the console connects
  as that user (grant it only the ``reader`` role on Enterprise), not as the store's user.

Values come back as plain Python: nodes as ``{"id", "labels", "name", "props"}``,
relationships as ``{"source", "type", "target", "props"}``, paths as ``{"nodes", "rels"}``,
temporal values as ISO strings.
"""
from __future__ import annotations

import os
from typing import Any, Mapping

from clusternet.graph.query.guard import check_read_only, strip_explain
from clusternet.graph.query.result import QueryResult
from clusternet.graph.errors import ConfigError, QueryError, QueryRefused, StoreUnavailable

__all__ = ["run_read_query", "to_plain", "READONLY_USER_ENV", "READONLY_PASSWORD_ENV"]

READONLY_USER_ENV = "NEO4J_READONLY_USER"
READONLY_PASSWORD_ENV = "NEO4J_READONLY_PASSWORD"


class _Graph:
    """Nodes and relationships met while converting a result, for drawing. ``known``
    maps element ids to full nodes, for relationship ends the query did not return."""

    def __init__(self, known: dict | None = None):
        self.nodes: dict[str, dict] = {}
        self.rels: dict[tuple, dict] = {}
        self.known = dict(known or {})


def _node(value, graph: _Graph) -> dict:
    props = dict(value)
    nid = props.pop("id", None) or value.element_id
    labels = sorted(label for label in value.labels if label != "Entity")
    out = {"id": nid, "labels": labels, "name": props.get("name"), "props": props}
    graph.nodes.setdefault(nid, out)
    return out


def _rel(value, graph: _Graph) -> dict:
    ends = []
    for n in (value.start_node, value.end_node):
        full = graph.known.get(n.element_id, n) if n is not None else None
        ends.append(_node(full, graph)["id"] if full is not None and full.labels else
                    (n.element_id if n is not None else None))
    out = {"source": ends[0], "type": value.type, "target": ends[1], "props": dict(value)}
    graph.rels.setdefault((out["source"], out["type"], out["target"]), out)
    return out


def _missing_ends(rows: list) -> set[str]:
    """Element ids of relationship ends that came back without their properties."""
    from neo4j.graph import Path, Relationship

    missing: set[str] = set()

    def visit(value):
        """Walk a returned value (path, relationship, list) and note relationship ends that lack labels."""
        if isinstance(value, Path):
            for r in value.relationships:
                visit(r)
        elif isinstance(value, Relationship):
            for n in (value.start_node, value.end_node):
                if n is not None and not n.labels:
                    missing.add(n.element_id)
        elif isinstance(value, (list, tuple)):
            for v in value:
                visit(v)
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)

    for row in rows:
        visit(row)
    return missing


def to_plain(value: Any, graph: _Graph | None = None) -> Any:
    """A driver value as JSON-friendly Python, recording graph elements in ``graph``."""
    from neo4j.graph import Node, Path, Relationship

    graph = graph if graph is not None else _Graph()
    if isinstance(value, Node):
        return _node(value, graph)
    if isinstance(value, Relationship):
        return _rel(value, graph)
    if isinstance(value, Path):
        return {"nodes": [_node(n, graph)["id"] for n in value.nodes],
                "rels": [_rel(r, graph) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [to_plain(v, graph) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v, graph) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "srid"):  # a spatial point
        return {"srid": value.srid, "coordinates": list(value)}
    return value


def _runner_for(store, env: Mapping[str, str]):
    """(store to run with, owned): a read-only store logged in as the read-only user when
    ``NEO4J_READONLY_USER`` is set, else the store itself."""
    user, password = env.get(READONLY_USER_ENV), env.get(READONLY_PASSWORD_ENV)
    if not user:
        return store, False
    if password is None:
        raise ConfigError(f"{READONLY_USER_ENV} is set but {READONLY_PASSWORD_ENV} is not")
    from clusternet.graph.store.neo4j import Neo4jStore

    return Neo4jStore(store.uri, user, password, getattr(store, "database", None), read_only=True), True


def _translate(err: Exception) -> Exception:
    """A driver error from the EXPLAIN step as a clusternet error with a clear message."""
    from neo4j import exceptions as nx_exc

    message = getattr(err, "message", None) or str(err)
    if isinstance(err, (nx_exc.ServiceUnavailable, nx_exc.SessionExpired)):
        return StoreUnavailable(f"Neo4j is not reachable: {message}")
    return QueryError(f"Neo4j rejected the query: {message}")


def _plan_type(runner, query: str, params: Mapping[str, Any]) -> str:
    """Neo4j's own verdict: the query type of the plan (``r``, ``rw``, ``w`` or ``s``)."""
    import neo4j
    from neo4j import exceptions as nx_exc

    try:
        with runner.driver.session(database=getattr(runner, "database", None),
                                   default_access_mode=neo4j.READ_ACCESS) as session:
            return session.run("EXPLAIN " + strip_explain(query), dict(params)).consume().query_type
    except (nx_exc.Neo4jError, nx_exc.DriverError) as err:
        raise _translate(err) from None


def run_read_query(store, cypher: str, params: Mapping[str, Any], *, timeout: float, max_rows: int,
                   env: Mapping[str, str] | None = None):
    """Check, EXPLAIN, then run ``cypher`` through ``Neo4jStore.run_query`` in a READ
    transaction with a timeout; keeps at most ``max_rows`` rows."""
    query = check_read_only(cypher)
    runner, owned = _runner_for(store, os.environ if env is None else env)
    try:
        kind = _plan_type(runner, query, params)
        if kind != "r":
            what = {"rw": "reads and writes", "w": "writes", "s": "changes the schema or the system"}.get(
                kind, f"is of type {kind!r}")
            raise QueryRefused(f"refused by Neo4j's plan: the query {what}; the console only reads")
        keys, raw = runner.run_query(query, dict(params), read_only=True, timeout=timeout, max_rows=max_rows + 1)
        truncated, raw = len(raw) > max_rows, raw[:max_rows]
        known = {}
        missing = _missing_ends(raw)
        if missing:  # fetch them so relationships can be drawn by their clusternet ids
            _, found = runner.run_query("MATCH (n) WHERE elementId(n) IN $ids RETURN n", {"ids": sorted(missing)},
                                        read_only=True, timeout=timeout, max_rows=len(missing))
            known = {row[0].element_id: row[0] for row in found}
    finally:
        if owned:
            runner.close()
    graph = _Graph(known)
    rows = [[to_plain(v, graph) for v in row] for row in raw]
    return QueryResult(list(keys), rows, list(graph.nodes.values()), list(graph.rels.values()), truncated)
