"""Network insights on small graphs whose answers can be worked out by hand."""
from __future__ import annotations

import networkx as nx
import pytest

from clusternet.graph.errors import InputError
from clusternet.graph.analytics.insights import (brokers, communities, country_matrix, coverage,
    region_bridges, what_if)


def chain_graph():
    """a(FR) - b(FR) - c(MA) - d(MA), each link one partnership; Country nodes with groups."""
    G = nx.MultiDiGraph()
    G.add_node("country:FR", label="Country", name="France", country="FR", groups=["EU27"])
    G.add_node("country:MA", label="Country", name="Morocco", country="MA", groups=["South-Med"])
    for o, c in [("a", "FR"), ("b", "FR"), ("c", "MA"), ("d", "MA")]:
        G.add_node(o, label="Cluster", name=o.upper(), country=c)
    for p, ms in [("p1", "ab"), ("p2", "bc"), ("p3", "cd")]:
        G.add_node(p, label="Partnership", name=p.upper())
        for m in ms:
            G.add_edge(m, p, key="PARTNER_IN")
    return G


def test_brokers_on_a_path():
    res = brokers(chain_graph(), k=4)
    # on the path a-b-c-d, b and c each sit on 2 of the 3 shortest paths between other pairs
    assert [r["id"] for r in res[:2]] == ["b", "c"]
    assert res[0]["betweenness"] == pytest.approx(2 / 3, abs=1e-4)
    assert res[-1]["betweenness"] == 0
    b = res[0]
    # b's two partners a and c are not linked: effective size 2, constraint 2 * (1/2)^2 = 0.5
    assert b["effective_size"] == pytest.approx(2.0)
    assert b["constraint"] == pytest.approx(0.5)


def test_region_bridges_and_country_matrix():
    G = chain_graph()
    res = region_bridges(G, "EU27", "South-Med")
    assert res["links"] == 1
    assert res["pairs"][0]["a"] == "b" and res["pairs"][0]["b"] == "c"
    assert {r["id"] for r in res["bridges"]} == {"b", "c"}
    m = country_matrix(G)
    assert int(m.loc["FR", "MA"]) == 1 and int(m.loc["FR", "FR"]) == 1 and int(m.loc["MA", "MA"]) == 1
    with pytest.raises(InputError):
        region_bridges(G, "EU27", "EEA/EFTA")


def test_louvain_finds_two_cliques_and_is_seeded():
    G = nx.MultiDiGraph()
    for i in range(8):
        G.add_node(f"o{i}", label="Organisation", name=f"O{i}", country="FR" if i < 4 else "IT")
    for name, ms in [("left", range(4)), ("right", range(4, 8)), ("bridge", (3, 4))]:
        G.add_node(name, label="Partnership", name=name)
        for i in ms:
            G.add_edge(f"o{i}", name, key="PARTNER_IN")
    res = communities(G, seed=1)
    assert sorted(tuple(c["members"]) for c in res) == [("o0", "o1", "o2", "o3"), ("o4", "o5", "o6", "o7")]
    assert res == communities(G, seed=1)


def test_coverage_and_what_if():
    G = chain_graph()
    G.add_edge("p1", "country:MA", key="TARGETS")
    G.add_node("sector:textile", label="Sector", name="Textile")
    G.add_edge("c", "sector:textile", key="ACTIVE_IN")
    cov = coverage(G, "p1")
    assert cov["countries"] == ["FR"] and cov["targets_uncovered"] == ["MA"] and cov["sectors"] == []
    res = what_if(G, "p1", "c")
    assert res["gained"]["countries"] == ["MA"]
    assert res["gained"]["targets_covered"] == ["MA"]
    assert res["gained"]["sectors"] == ["textile"]
    # members a, b reach only c; with c they also reach d (and c is no longer outside)
    assert res["before"]["reach"] == 1 and res["after"]["reach"] == 1
    assert res["after"]["countries_reached"] == 1
