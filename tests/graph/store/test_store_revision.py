"""The store revision (part of the store contract): every test runs on the embedded store
and on a real Neo4j 5 (the ``store`` fixture of tests/conftest.py).

A reader keys its cache by ``revision()``; so the revision must move with every write that
changes something, stay put when nothing changed or a write failed, never go back, and be
seen by a second connection (another process: the app while the CLI writes).
"""
from __future__ import annotations

import os

import pytest

from clusternet.graph.errors import IntegrityError
from clusternet.graph.model import Node, Rel


def _nodes():
    return [Node("country:FR", ("Country",), {"name": "France", "iso2": "FR", "country": "FR"}),
            Node("cluster:a-fr", ("Cluster",), {"name": "Alpha", "country": "FR"}),
            Node("cluster:b-fr", ("Cluster",), {"name": "Beta", "country": "FR"})]


def _rels():
    return [Rel("cluster:a-fr", "LOCATED_IN", "country:FR"), Rel("cluster:b-fr", "LOCATED_IN", "country:FR")]


def _second_connection(store, request):
    """Another store object on the same database, as another process would open it."""
    if store.kind == "embedded":
        from clusternet.graph.store.sqlite import EmbeddedStore

        return EmbeddedStore(store.path, read_only=True)
    from clusternet.graph.store.neo4j import Neo4jStore

    uri, user, password, _ = request.getfixturevalue("neo4j_server")
    return Neo4jStore(uri, user, password, os.environ.get("NEO4J_DATABASE") or None, read_only=True)


def test_a_new_embedded_store_starts_at_zero(tmp_path):
    from clusternet.graph.store.sqlite import EmbeddedStore

    with EmbeddedStore(tmp_path / "new.db") as s:
        s.ensure_schema()
        assert s.revision() == 0
        s.upsert(_nodes())
        assert s.revision() == 1


def test_a_changing_write_moves_the_revision_and_a_repeat_does_not(store):
    r0 = store.revision()
    store.upsert(_nodes(), _rels())
    r1 = store.revision()
    assert r1 > r0
    summary = store.upsert(_nodes(), _rels())   # the same records again: nothing changes
    assert summary.changed == 0
    assert store.revision() == r1
    store.upsert([Node("cluster:a-fr", ("Cluster",), {"name": "Alpha", "members": 12})])
    assert store.revision() > r1


def test_every_kind_of_write_moves_it(store):
    store.upsert(_nodes(), _rels())
    seen = [store.revision()]

    def moved():
        seen.append(store.revision())
        return seen[-1] > seen[-2]

    store.meta_put("review:x", {"decision": "keep"})
    assert moved(), "meta_put"
    store.meta_delete("review:x")
    assert moved(), "meta_delete"
    merge_id = store.merge_nodes("cluster:a-fr", ["cluster:b-fr"])
    assert moved(), "merge_nodes"
    store.undo_merge(merge_id)
    assert moved(), "undo_merge"
    assert store.delete_nodes(["cluster:b-fr"]) == 1
    assert moved(), "delete_nodes"
    store.clear()
    assert moved(), "clear"
    assert store.counts()["nodes"] == {}


def test_a_failed_write_leaves_graph_and_revision_as_they_were(store):
    store.upsert(_nodes())
    before, count = store.revision(), store.counts()
    with pytest.raises(IntegrityError):
        store.upsert([Node("cluster:c-fr", ("Cluster",), {"name": "Gamma"})],
                     [Rel("cluster:c-fr", "LOCATED_IN", "country:XX")], atomic=True)
    assert store.revision() == before
    assert store.counts() == count


def test_schema_and_meta_listing_leave_it_alone(store):
    store.upsert(_nodes())
    r = store.revision()
    store.ensure_schema()          # what every app process does when it starts
    assert store.revision() == r
    assert store.meta_items("") == []
    assert store.meta_get("revision") == r


def test_a_second_connection_sees_each_write(store, request):
    reader = _second_connection(store, request)
    try:
        r0 = reader.revision()
        store.upsert(_nodes())
        r1 = reader.revision()
        assert r1 > r0
        store.upsert([Node("cluster:d-fr", ("Cluster",), {"name": "Delta"})])
        assert reader.revision() > r1
        assert reader.get_node("cluster:d-fr").props["name"] == "Delta"
    finally:
        reader.close()
