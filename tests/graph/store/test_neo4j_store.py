"""Neo4j-specific behaviour of the store, on a real Neo4j 5 (see tests/conftest.py)."""
from __future__ import annotations

import random
import threading
import time

import pytest

from clusternet.graph.errors import (ConfigError, IntegrityError, QueryError, QueryRefused, StoreError,
    StoreUnavailable)
from clusternet.graph.model import Evidence, Node, Rel
from clusternet.graph.store import neo4j as neo4j_module
from clusternet.graph.store.neo4j import Neo4jStore

HOSTILE = "x'}) DETACH DELETE n // \" ; MATCH (m) DETACH DELETE m; `"


def _chain(n: int, prefix: str = "org:c"):
    nodes = [Node(f"{prefix}{i:03d}", ("Organisation",), {"name": f"Org {i}", "country": "FR",
                                                          "aliases": [f"O{i}"]},
                  [Evidence("doc:x", i, i + 3, "Org")]) for i in range(n)]
    rels = [Rel(f"{prefix}{i:03d}", "VISITED", f"{prefix}{(i * 7 + 1) % n:03d}", {"date": "2020-01-01"})
            for i in range(n) if (i * 7 + 1) % n != i]
    rels += [Rel(f"{prefix}{i:03d}", "MEMBER_OF", f"{prefix}{(i + 1) % n:03d}", {"since": 2000 + i % 20})
             for i in range(n)]
    return nodes, rels


def test_missing_end_rolls_back_its_batch_only(neo4j_store):
    nodes, _ = _chain(4)
    neo4j_store.upsert(nodes)
    rels = [Rel("org:c000", "MEMBER_OF", "org:c001"), Rel("org:c001", "MEMBER_OF", "org:c002"),
            Rel("org:c002", "VISITED", "org:c003"), Rel("org:c003", "VISITED", "org:nowhere")]
    with pytest.raises(IntegrityError, match="org:nowhere"):
        neo4j_store.upsert([], rels, batch_size=2)
    # the first batch (two MEMBER_OF) committed; nothing of the failing batch did
    assert neo4j_store.counts()["relationships"] == {"MEMBER_OF": 2}


def test_closed_port_is_store_unavailable_quickly():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.monotonic()
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore(f"bolt://127.0.0.1:{port}", "neo4j", "s3cret-never-shown")
    assert time.monotonic() - t0 < 10
    assert f"127.0.0.1:{port}" in str(err.value)
    assert "s3cret-never-shown" not in str(err.value)


def test_wrong_password_is_a_config_error(neo4j_server):
    uri, user, _, _ = neo4j_server
    with pytest.raises(ConfigError) as err:
        Neo4jStore(uri, user, "wrong-password-xyz")
    assert "wrong-password-xyz" not in str(err.value) and uri in str(err.value)


def test_parameters_never_become_cypher(neo4j_store):
    nodes, rels = _chain(3)
    hostile = Node("org:hostile", ("Organisation",), {"name": HOSTILE, "aliases": [HOSTILE, "}]->"]})
    neo4j_store.upsert(nodes + [hostile], rels)
    before = neo4j_store.content_hash()
    got = neo4j_store.get_node("org:hostile")
    assert got.props["name"] == HOSTILE and got.props["aliases"] == [HOSTILE, "}]->"]
    assert [n.id for n in neo4j_store.find_nodes(where={"name": HOSTILE})] == ["org:hostile"]
    # a hostile *property name* in a filter is a parameter too: it matches nothing, breaks nothing
    assert neo4j_store.find_nodes(where={"name}) DETACH DELETE n //": 1}) == []
    assert neo4j_store.rels_of("org:hostile", type="X]-() DETACH DELETE n //") == []
    neo4j_store.meta_put(HOSTILE, {"v": HOSTILE})
    assert neo4j_store.meta_get(HOSTILE) == {"v": HOSTILE}
    assert neo4j_store.content_hash() == before
    assert neo4j_store.counts()["nodes"] == {"Organisation": 4}


def test_concurrent_writers_in_opposite_orders_all_succeed(neo4j_server, neo4j_store, embedded_store):
    """Writers locking the same nodes in different orders deadlock; Neo4j reports that as
    a transient error and the store's managed transactions retry it."""
    nodes, rels = _chain(120, "org:w")
    uri, user, password, _ = neo4j_server
    errors: list[BaseException] = []

    def writer(seed: int) -> None:
        rnd = random.Random(seed)
        ns, rs = nodes[:], rels[:]
        rnd.shuffle(ns)
        rnd.shuffle(rs)
        try:
            with Neo4jStore(uri, user, password, max_retry_time=60) as s:
                s.upsert(ns, rs, batch_size=40)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == []
    embedded_store.upsert(nodes, rels)
    assert neo4j_store.counts() == embedded_store.counts()
    assert neo4j_store.content_hash() == embedded_store.content_hash()


def test_paged_iteration_matches_embedded(neo4j_store, embedded_store, monkeypatch):
    monkeypatch.setattr(neo4j_module, "_PAGE", 7)  # many small pages over a small graph
    nodes, rels = _chain(40)
    neo4j_store.upsert(nodes, rels)
    embedded_store.upsert(nodes, rels)
    neo4j_store.meta_put("dedupe:x", {"a": 1})  # meta nodes are not graph nodes
    assert [n.id for n in neo4j_store.iter_nodes()] == [n.id for n in embedded_store.iter_nodes()]
    assert [r.key for r in neo4j_store.iter_rels()] == [r.key for r in embedded_store.iter_rels()]
    assert neo4j_store.content_hash() == embedded_store.content_hash()


def test_read_only_store_refuses_writes(neo4j_server, neo4j_store):
    uri, user, password, _ = neo4j_server
    neo4j_store.upsert(*_chain(2))
    with Neo4jStore(uri, user, password, read_only=True) as ro:
        assert ro.get_node("org:c000").props["name"] == "Org 0"
        with pytest.raises(StoreError, match="read-only"):
            ro.upsert([Node("org:c000", ("Organisation",), {"name": "changed"})])
    assert neo4j_store.get_node("org:c000").props["name"] == "Org 0"


def test_run_query_reads_caps_and_refuses(neo4j_store):
    neo4j_store.upsert(*_chain(30))
    cols, rows = neo4j_store.run_query("MATCH (n:Organisation) WHERE n.name STARTS WITH $p "
                                       "RETURN n.id AS id ORDER BY id", {"p": "Org 1"})
    assert cols == ["id"] and [r[0] for r in rows][:2] == ["org:c001", "org:c010"]
    assert len(neo4j_store.run_query("MATCH (n:Organisation) RETURN n", max_rows=5)[1]) == 5
    with pytest.raises(QueryRefused):
        neo4j_store.run_query("MATCH (n:Organisation) SET n.name = 'pwned'")
    assert neo4j_store.get_node("org:c000").props["name"] == "Org 0"
    with pytest.raises(QueryError):
        neo4j_store.run_query("MATCH (n RETURN n")
    with pytest.raises(QueryError, match="longer than 1 s"):
        neo4j_store.run_query("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 13 RETURN count(*)",
                              timeout=1)
