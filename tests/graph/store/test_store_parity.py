"""The same input gives the same graph on the embedded store and on Neo4j."""
from __future__ import annotations

import networkx as nx

from clusternet.graph.model import Evidence, Node, Rel
from clusternet.graph.reference import reference_records


def _records():
    nodes, rels = reference_records()
    ev = Evidence("doc:feed", 3, 11, "Solartys")
    nodes = list(nodes) + [
        Node("doc:feed", ("Document",), {"name": "n.txt", "sha256": "feed", "chars": 40, "ingested_at": "2026-11-01T10:00:00"}),
        Node("cluster:solartys-es", ("Cluster",), {"name": "Solartys", "country": "ES", "sectors": ["Renewable energy"],
                                                   "members": 80, "founded": 2008}, [ev], 0.95),
        Node("org:accio-es", ("Organisation",), {"name": "ACCIÓ", "aliases": ["Catalonia Trade & Investment"],
                                                 "country": "ES"}),
        Node("org:small-ma", ("Organisation", "SME"), {"name": "Atlas Énergie SARL", "country": "MA",
                                                       "legal_form": "SARL"}),
        Node("partnership:sun", ("Partnership",), {"name": "Sun Partnership", "budget_eur": 1.5e6}),
        Node("event:b2b-2019", ("Event",), {"name": "B2B days", "start_date": "2019-05-02", "country": "MA"}),
    ]
    rels = list(rels) + [
        Rel("cluster:solartys-es", "PARTNER_IN", "partnership:sun", {"role": "coordinator"}, [ev], 0.9),
        Rel("org:small-ma", "PARTICIPATED_IN", "event:b2b-2019"),
        Rel("partnership:sun", "TARGETS", "country:MA"),
        Rel("cluster:solartys-es", "ACTIVE_IN", "sector:renewable-energy", {"wording": "solar energy"}),
        Rel("cluster:solartys-es", "LOCATED_IN", "country:ES"),
        Rel("doc:feed", "MENTIONS", "cluster:solartys-es"),
    ]
    return nodes, rels


def test_same_input_same_graph_on_both_stores(embedded_store, neo4j_store):
    nodes, rels = _records()
    s1 = embedded_store.upsert(nodes, rels, batch_size=100)
    s2 = neo4j_store.upsert(*_records(), batch_size=100)
    assert s1.rows() == s2.rows()
    assert embedded_store.counts() == neo4j_store.counts()
    assert embedded_store.content_hash() == neo4j_store.content_hash()
    g1, g2 = embedded_store.snapshot(), neo4j_store.snapshot()
    assert nx.utils.graphs_equal(g1, g2)
    assert g1.nodes["org:small-ma"] == g2.nodes["org:small-ma"]
    # and a second load is a no-op on both
    assert embedded_store.upsert(*_records()).changed == 0
    assert neo4j_store.upsert(*_records()).changed == 0
    assert embedded_store.content_hash() == neo4j_store.content_hash()
