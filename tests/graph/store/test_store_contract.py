"""The store contract: every test here runs on the embedded store and on a real Neo4j 5.

The `store` fixture (tests/conftest.py) is parametrised over both; a store is empty with
its schema ensured at the start of each test.
"""
from __future__ import annotations

import pytest

from clusternet.graph.errors import IntegrityError, NotFound, ValidationError
from clusternet.graph.model import Evidence, Node, Rel, decode_evidence, validate_or_raise
from clusternet.graph.store.base import WriteSummary


def _sample():
    ev = Evidence("doc:aaaa", 10, 18, "Techtera")
    nodes = [
        Node("country:FR", ("Country",), {"name": "France", "iso2": "FR", "country": "FR", "groups": ["EU27"]}),
        Node("country:MA", ("Country",), {"name": "Morocco", "iso2": "MA", "country": "MA", "groups": ["South-Med"]}),
        Node("cluster:techtera-fr", ("Cluster",), {"name": "Techtera", "country": "FR", "members": 120,
                                                   "aliases": ["Techtera cluster"]}, [ev], 0.9),
        Node("org:acme-fr", ("Organisation", "SME"), {"name": "Acme SAS", "country": "FR"}),
        Node("partnership:p1", ("Partnership",), {"name": "Textile Alliance", "start_date": "2018-01-01"}),
    ]
    rels = [
        Rel("cluster:techtera-fr", "LOCATED_IN", "country:FR"),
        Rel("cluster:techtera-fr", "PARTNER_IN", "partnership:p1", {"role": "coordinator"}, [ev], 0.8),
        Rel("org:acme-fr", "MEMBER_OF", "cluster:techtera-fr", {"since": 2015}),
        Rel("partnership:p1", "TARGETS", "country:MA"),
    ]
    return nodes, rels


def test_upsert_then_read_back(store):
    nodes, rels = _sample()
    summary = store.upsert(nodes, rels)
    assert sum(summary.created.values()) == 9
    techtera = store.get_node("cluster:techtera-fr")
    assert techtera.labels == ("Cluster",)
    assert techtera.props["name"] == "Techtera" and techtera.props["members"] == 120
    assert techtera.confidence == pytest.approx(0.9)
    assert techtera.props["sources"] == ["doc:aaaa"]
    assert decode_evidence(techtera.props["evidence"][0]) == Evidence("doc:aaaa", 10, 18, "Techtera")
    acme = store.get_node("org:acme-fr")
    assert set(acme.labels) == {"Organisation", "SME"}
    assert store.get_node("nope") is None


def test_counts_by_label_and_type(store):
    store.upsert(*_sample())
    counts = store.counts()
    assert counts["nodes"] == {"Cluster": 1, "Country": 2, "Organisation": 1, "SME": 1, "Partnership": 1}
    assert counts["relationships"] == {"LOCATED_IN": 1, "PARTNER_IN": 1, "MEMBER_OF": 1, "TARGETS": 1}


def test_loading_twice_changes_nothing(store):
    nodes, rels = _sample()
    store.upsert(nodes, rels)
    before = store.content_hash()
    again = store.upsert(*_sample())
    assert again.changed == 0
    assert sum(again.unchanged.values()) == 9
    assert store.content_hash() == before


def test_update_overwrites_scalars_and_unions_lists(store):
    store.upsert(*_sample())
    ev2 = Evidence("doc:bbbb", 0, 8, "TECHTERA")
    summary = store.upsert([Node("cluster:techtera-fr", ("Cluster",),
                                 {"name": "Techtera", "members": 150, "aliases": ["Pôle Techtera", "Techtera cluster"]},
                                 [ev2], 0.5)])
    assert summary.updated["Cluster"] == 1
    n = store.get_node("cluster:techtera-fr")
    assert n.props["members"] == 150
    assert n.props["aliases"] == ["Techtera cluster", "Pôle Techtera"]
    assert n.props["sources"] == ["doc:aaaa", "doc:bbbb"]
    assert n.confidence == pytest.approx(0.9)  # the maximum is kept


def test_keep_first_property_is_not_overwritten(store):
    doc = Node("doc:1", ("Document",), {"name": "a.txt", "sha256": "ab", "ingested_at": "2026-01-01T00:00:00"})
    store.upsert([doc])
    store.upsert([Node("doc:1", ("Document",), {"name": "a.txt", "sha256": "ab", "ingested_at": "2026-02-02T00:00:00"})])
    assert store.get_node("doc:1").props["ingested_at"] == "2026-01-01T00:00:00"


def test_relationship_to_missing_node_writes_nothing(store):
    store.upsert(*_sample())
    before = store.content_hash()
    with pytest.raises(IntegrityError):
        store.upsert([], [Rel("cluster:techtera-fr", "ACTIVE_IN", "sector:textile"),
                          Rel("cluster:techtera-fr", "TARGETS", "country:MA")])
    assert store.content_hash() == before


def test_atomic_upsert_is_all_or_nothing(store):
    before = store.content_hash()
    nodes, rels = _sample()
    with pytest.raises(IntegrityError):
        store.upsert(nodes, rels + [Rel("org:acme-fr", "PARTNER_IN", "partnership:missing")], atomic=True)
    assert store.content_hash() == before
    assert store.counts()["nodes"] == {}


def test_find_nodes_and_neighbourhood(store):
    store.upsert(*_sample())
    assert [n.id for n in store.find_nodes("Country")] == ["country:FR", "country:MA"]
    assert [n.id for n in store.find_nodes("Organisation")] == ["org:acme-fr"]
    assert [n.id for n in store.find_nodes(where={"country": "FR"})] == [
        "cluster:techtera-fr", "country:FR", "org:acme-fr"]
    assert [n.id for n in store.find_nodes(name_contains="TECH")] == ["cluster:techtera-fr"]
    nodes, rels = store.neighbourhood("org:acme-fr", depth=2)
    assert {n.id for n in nodes} == {"org:acme-fr", "cluster:techtera-fr", "country:FR", "partnership:p1"}
    assert ("org:acme-fr", "MEMBER_OF", "cluster:techtera-fr") in {r.key for r in rels}
    with pytest.raises(NotFound):
        store.neighbourhood("org:nobody")


def test_rels_of_directions(store):
    store.upsert(*_sample())
    out = store.rels_of("cluster:techtera-fr", direction="out")
    assert [r.type for r in out] == ["LOCATED_IN", "PARTNER_IN"]
    inc = store.rels_of("cluster:techtera-fr", direction="in")
    assert [r.key for r in inc] == [("org:acme-fr", "MEMBER_OF", "cluster:techtera-fr")]
    assert store.rels_of("cluster:techtera-fr", type="PARTNER_IN")[0].props["role"] == "coordinator"


def test_snapshot_has_label_country_and_typed_edges(store):
    store.upsert(*_sample())
    G = store.snapshot()
    assert G.number_of_nodes() == 5 and G.number_of_edges() == 4
    assert G.nodes["cluster:techtera-fr"]["label"] == "Cluster"
    assert G.nodes["cluster:techtera-fr"]["country"] == "FR"
    assert G.nodes["org:acme-fr"]["label"] == "SME"
    assert G.nodes["partnership:p1"]["country"] is None
    edge = G.edges["cluster:techtera-fr", "partnership:p1", "PARTNER_IN"]
    assert edge["type"] == "PARTNER_IN" and edge["role"] == "coordinator"


def test_delete_nodes_removes_their_relationships(store):
    store.upsert(*_sample())
    assert store.delete_nodes(["cluster:techtera-fr"]) == 1
    assert store.get_node("cluster:techtera-fr") is None
    assert store.counts()["relationships"] == {"TARGETS": 1}


def test_merge_and_undo(store):
    nodes, rels = _sample()
    dup = Node("cluster:techtera-2", ("Cluster",), {"name": "TECHTERA", "country": "FR", "founded": 2005})
    store.upsert(nodes + [dup], rels + [Rel("cluster:techtera-2", "LOCATED_IN", "country:FR"),
                                          Rel("cluster:techtera-2", "PARTNER_IN", "partnership:p1", {"role": "partner"})])
    before = store.content_hash()
    merge_id = store.merge_nodes("cluster:techtera-fr", ["cluster:techtera-2"], reason="same cluster")
    kept = store.get_node("cluster:techtera-fr")
    assert store.get_node("cluster:techtera-2") is None
    assert "TECHTERA" in kept.props["aliases"] and "cluster:techtera-2" in kept.props["aliases"]
    assert kept.props["founded"] == 2005 and kept.props["name"] == "Techtera"
    assert store.rels_of("cluster:techtera-fr", type="PARTNER_IN")[0].props["role"] == "coordinator"
    assert store.counts()["relationships"]["PARTNER_IN"] == 1
    store.undo_merge(merge_id)
    assert store.content_hash() == before


def test_meta_round_trip(store):
    store.meta_put("dedupe:a|b", {"decision": "reject", "score": 0.91})
    store.meta_put("dedupe:a|c", {"decision": "apply"})
    store.meta_put("review:x", {"decision": "accept"})
    assert store.meta_get("dedupe:a|b") == {"decision": "reject", "score": 0.91}
    assert [k for k, _ in store.meta_items("dedupe:")] == ["dedupe:a|b", "dedupe:a|c"]
    store.meta_delete("dedupe:a|b")
    assert store.meta_get("dedupe:a|b") is None
    assert store.counts()["nodes"] == {}  # meta is not part of the graph


def test_clear(store):
    store.upsert(*_sample())
    store.clear()
    assert store.counts() == {"nodes": {}, "relationships": {}}


def test_bad_records_are_rejected_with_field_and_reason(store):
    store.upsert(*_sample())
    before = store.content_hash()
    bad = [Node("cluster:x", ("Cluster",), {"name": "X", "members": "lots"}),
           Node("event:y", ("Event",), {"start_date": "next week"}),
           Node("cluster:z", ("Cluster",), {"name": "Z"})]
    with pytest.raises(ValidationError) as err:
        validate_or_raise(bad, [Rel("cluster:z", "TARGETS", "country:MA")],
                          known_labels=store.labels_of(["country:MA"]))
    text = str(err.value)
    assert "members" in text and "whole number" in text
    assert "event:y, name: required property missing" in text
    assert "TARGETS may not go from Cluster to Country" in text
    assert store.content_hash() == before


def test_parameters_are_never_code(store):
    hostile = "x'}) DETACH DELETE n // \" ; DROP TABLE nodes; --"
    store.upsert([Node("org:hostile", ("Organisation",), {"name": hostile, "description": "<script>alert(1)</script>"})])
    assert store.get_node("org:hostile").props["name"] == hostile
    assert [n.id for n in store.find_nodes(name_contains="DETACH DELETE")] == ["org:hostile"]
    assert store.counts()["nodes"] == {"Organisation": 1}


def test_write_summary_rows():
    s = WriteSummary()
    s.record("Cluster", "created")
    s.record("Cluster", "unchanged")
    assert s.rows() == [{"key": "Cluster", "created": 1, "updated": 0, "unchanged": 1}]
