"""Every Cypher statement the Neo4j store runs, built in one place.

Labels, relationship types and property names in the text come only from the schema
(checked to be plain identifiers when it is loaded) or from this module; values always
travel as ``$parameters``.

>>> print(node_upsert(("Organisation", "SME"), ["name"], ["aliases"]))
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Organisation:SME
SET n.name = coalesce(row.set.name, n.name),
    n.aliases = CASE WHEN row.lists.aliases IS NULL THEN n.aliases ELSE coalesce(n.aliases, []) + [v IN row.lists.aliases WHERE NOT v IN coalesce(n.aliases, [])] END,
    n.confidence = CASE WHEN n.confidence >= row.c THEN n.confidence ELSE row.c END
>>> schema_statements(load_schema())[0]
'CREATE CONSTRAINT clusternet_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE'
"""
from __future__ import annotations

import re
from typing import Iterable

from clusternet.graph.errors import SchemaError
from clusternet.graph.schema import Schema, load_schema  # noqa: F401  (load_schema: used by the doctest)

__all__ = ["ENTITY", "META", "ident", "schema_statements", "node_create", "rel_create", "node_upsert", "rel_upsert",
           "missing_ids", "delete_nodes", "clear_batch", "get_node", "labels_of", "find_nodes", "rels_of", "node_page",
           "rel_page", "count_labels", "count_types", "meta_put", "meta_get", "meta_items", "meta_delete",
           "merge_one_node", "revision_bump", "revision_get"]

ENTITY = "Entity"          # every graph node carries it, so relationships find ends by id alone
META = "ClusternetMeta"    # decisions and merge records: kept in the database, outside the graph
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def ident(name: str) -> str:
    """``name`` if it is a plain identifier (safe in Cypher text), else :class:`SchemaError`.

    >>> ident("Cluster")
    'Cluster'
    >>> try:
    ...     ident("x}) DETACH DELETE n //")
    ... except SchemaError as err:
    ...     print(err)
    not an identifier: 'x}) DETACH DELETE n //'
    """
    if not isinstance(name, str) or not _IDENT.match(name):
        raise SchemaError(f"not an identifier: {name!r}")
    return name


def schema_statements(schema: Schema) -> list[str]:
    """Constraints first (unique Entity.id, unique meta key), then the schema's indexes."""
    stmts = [
        f"CREATE CONSTRAINT clusternet_entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT clusternet_meta_key IF NOT EXISTS FOR (m:{META}) REQUIRE m.key IS UNIQUE",
    ]
    for label, prop in schema.indexed_properties():
        stmts.append(f"CREATE INDEX clusternet_{ident(label).lower()}_{ident(prop)} IF NOT EXISTS "
                     f"FOR (n:{label}) ON (n.{prop})")
    return stmts


def _list_union(var: str, prop: str) -> str:
    # old values first, then new ones not seen; a row without the list leaves it alone
    p = ident(prop)
    return (f"{var}.{p} = CASE WHEN row.lists.{p} IS NULL THEN {var}.{p} ELSE coalesce({var}.{p}, []) + "
            f"[v IN row.lists.{p} WHERE NOT v IN coalesce({var}.{p}, [])] END")


def _sets(var: str, scalars: Iterable[str], lists: Iterable[str], keep_first: Iterable[str] = ()) -> list[str]:
    # One SET per property named in the text: `SET n += $map` would make the planner add
    # Eager operators (the map could hold `id`, which MERGE reads), materialising the batch.
    items = [f"{var}.{ident(p)} = coalesce(row.set.{p}, {var}.{p})" for p in scalars]
    items += [f"{var}.{ident(p)} = coalesce({var}.{p}, row.first.{p})" for p in keep_first]
    items += [_list_union(var, p) for p in lists]
    items.append(f"{var}.confidence = CASE WHEN {var}.confidence >= row.c THEN {var}.confidence ELSE row.c END")
    return ["SET " + ",\n    ".join(items)]


def node_upsert(labels: Iterable[str], scalars: Iterable[str], lists: Iterable[str],
                keep_first: Iterable[str] = ()) -> str:
    """MERGE a batch of nodes sharing one label set, with the write rule of ``base.py``.

    Rows: ``{id, set: {scalar props}, lists: {list props}, first: {keep_first props}, c}``;
    the property names in the text are the ones the batch uses.
    """
    label_text = "".join(f":{ident(lab)}" for lab in labels)
    lines = ["UNWIND $rows AS row", f"MERGE (n:{ENTITY} {{id: row.id}})"]
    if label_text:
        lines.append(f"SET n{label_text}")
    return "\n".join(lines + _sets("n", scalars, lists, keep_first))


def rel_upsert(type_: str, scalars: Iterable[str], lists: Iterable[str]) -> str:
    """MERGE a batch of relationships of one type between existing nodes.

    Rows: ``{s, t, set, lists, c}``. A row whose ends are missing matches nothing (the
    store sends only rows :func:`rel_create` found, in the same transaction).
    """
    lines = ["UNWIND $rows AS row",
             f"MATCH (s:{ENTITY} {{id: row.s}})",
             f"MATCH (t:{ENTITY} {{id: row.t}})",
             f"MERGE (s)-[r:{ident(type_)}]->(t)"]
    return "\n".join(lines + _sets("r", scalars, lists))


def _fresh_or_old(var: str, fresh: str, write: str, key: str) -> list[str]:
    # One pass: MERGE, write the whole row on an element MERGE just made (nothing but what
    # MERGE itself set), and hand back what every other element held before, untouched, for
    # the store to compare with the write rule of base.py (it then sends the changed ones).
    return [f"WITH {var}, row, {fresh} AS fresh",
            f"FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | {write})",
            f"RETURN count(*) AS n, collect(CASE WHEN fresh THEN null ELSE [{key}] END) AS old"]


def node_create(labels: Iterable[str]) -> str:
    """MERGE a batch of nodes sharing one label set; new ones get their row in full.

    Rows: ``{id, p: {props}, c}``. Returns one record: ``n`` (rows seen) and ``old``, a
    list of ``[id, labels, props]`` of the nodes that existed before (left as they were).
    A node MERGE made has only its ``id``; one this store wrote has a ``confidence`` too
    (a bare ``{id}`` node made by other means counts as new: writing it whole is the same
    as merging into it).

    >>> print(node_create(("Organisation",)))
    UNWIND $rows AS row
    MERGE (n:Entity {id: row.id})
    WITH n, row, size(keys(n)) = 1 AS fresh
    FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | SET n:Organisation, n += row.p, n.confidence = row.c)
    RETURN count(*) AS n, collect(CASE WHEN fresh THEN null ELSE [row.id, labels(n), properties(n)] END) AS old
    """
    label_text = "".join(f":{ident(lab)}" for lab in labels)
    write = (f"SET n{label_text}, " if label_text else "SET ") + "n += row.p, n.confidence = row.c"
    return "\n".join(["UNWIND $rows AS row", f"MERGE (n:{ENTITY} {{id: row.id}})"]
                     + _fresh_or_old("n", "size(keys(n)) = 1", write, "row.id, labels(n), properties(n)"))


def rel_create(type_: str) -> str:
    """MERGE a batch of relationships of one type; new ones get their row in full.

    Rows: ``{s, t, p: {props}, c}``. Returns ``n``, the rows whose two ends exist (fewer
    than sent: some end is missing, see :data:`missing_ids`), and ``old``, a list of
    ``[s, t, props]`` of the relationships that existed before (left as they were); a
    relationship MERGE made has no property yet.
    """
    lines = ["UNWIND $rows AS row",
             f"MATCH (s:{ENTITY} {{id: row.s}})",
             f"MATCH (t:{ENTITY} {{id: row.t}})",
             f"MERGE (s)-[r:{ident(type_)}]->(t)"]
    return "\n".join(lines + _fresh_or_old("r", "size(keys(r)) = 0", "SET r += row.p, r.confidence = row.c",
                                            "row.s, row.t, properties(r)"))


# the ids of $ids with no node, for the message of a batch that cannot be written
missing_ids = (f"UNWIND $ids AS id OPTIONAL MATCH (n:{ENTITY} {{id: id}}) WITH id, n WHERE n IS NULL "
               "RETURN id ORDER BY id")


def merge_one_node(labels: Iterable[str]) -> str:
    """The per-row baseline of bench/bench_load.py: one node per auto-commit transaction."""
    label_text = "".join(f":{ident(lab)}" for lab in labels)
    return (f"MERGE (n:{ENTITY} {{id: $id}}) SET n{label_text} SET n += $props "
            "SET n.confidence = CASE WHEN n.confidence >= $c THEN n.confidence ELSE $c END")


delete_nodes = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) DETACH DELETE n RETURN count(*) AS n"
# in slices, so clearing a large graph does not need one huge transaction; the meta node
# keyed $keep (the revision) stays, so the revision never goes back
clear_batch = (f"MATCH (n) WHERE NOT (n:{META} AND n.key = $keep) WITH n LIMIT $limit DETACH DELETE n "
               "RETURN count(*) AS n")
_NODE_COLS = "n.id AS id, labels(n) AS labels, properties(n) AS props"
get_node = f"MATCH (n:{ENTITY} {{id: $id}}) RETURN {_NODE_COLS}"
labels_of = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN id, labels(n) AS labels"
node_page = f"MATCH (n:{ENTITY}) WHERE n.id > $after RETURN {_NODE_COLS} ORDER BY n.id LIMIT $limit"
rel_page = (f"MATCH (s:{ENTITY}) WHERE s.id > $after WITH s ORDER BY s.id LIMIT $limit "
            f"OPTIONAL MATCH (s)-[r]->(t:{ENTITY}) "
            "RETURN s.id AS s, type(r) AS type, t.id AS t, properties(r) AS props")


def find_nodes(label: str | None, n_where: int, name_contains: bool, limit: bool) -> str:
    """Nodes by label, exact values (``$k0 = $v0`` ... as dynamic property access) and a
    case-insensitive name fragment, ordered by id."""
    conds = [f"n[$k{i}] = $v{i}" for i in range(n_where)]
    if label:
        conds.insert(0, f"n:{ident(label)}")
    if name_contains:
        conds.append("toLower(n.name) CONTAINS toLower($fragment)")
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    return f"MATCH (n:{ENTITY}){where} RETURN {_NODE_COLS} ORDER BY n.id" + (" LIMIT $limit" if limit else "")


def rels_of(direction: str, typed: bool) -> str:
    """Relationships touching ``$id``; ``direction`` is out, in or both."""
    pattern = {"out": "(n)-[r]->(m)", "in": "(n)<-[r]-(m)", "both": "(n)-[r]-(m)"}[direction]
    where = " WHERE type(r) = $type" if typed else ""
    return (f"MATCH (n:{ENTITY} {{id: $id}}) MATCH {pattern}{where} "
            "RETURN startNode(r).id AS s, type(r) AS type, endNode(r).id AS t, properties(r) AS props")


def count_labels(labels: Iterable[str]) -> str:
    """One count per label, each answered from Neo4j's count store."""
    parts = [f"MATCH (n:{ident(lab)}) RETURN '{lab}' AS key, count(n) AS n" for lab in labels]
    return " UNION ALL ".join(parts)


def count_types(types: Iterable[str]) -> str:
    """One count per relationship type, UNION ALL of one MATCH each (types come from the schema only)."""
    parts = [f"MATCH ()-[r:{ident(t)}]->() RETURN '{t}' AS key, count(r) AS n" for t in types]
    return " UNION ALL ".join(parts)


meta_put = f"MERGE (m:{META} {{key: $key}}) SET m.value = $value"
meta_get = f"MATCH (m:{META} {{key: $key}}) RETURN m.value AS value"
meta_items = f"MATCH (m:{META}) WHERE m.key STARTS WITH $prefix RETURN m.key AS key, m.value AS value ORDER BY m.key"
meta_delete = f"MATCH (m:{META} {{key: $key}}) DELETE m"
# the write counter: one meta node, moved in the transaction of the write it counts (its
# value is kept as JSON text too, so meta_get reads it like any other entry)
revision_bump = (f"MERGE (m:{META} {{key: $key}}) WITH m, coalesce(m.revision, 0) + 1 AS next "
                 "SET m.revision = next, m.value = toString(next) RETURN next")
revision_get = f"MATCH (m:{META} {{key: $key}}) RETURN m.revision AS revision"
