"""Suggestions on the graph the product builds from the three seed documents (ingested by the
real extractor and loader, read back from the store): the MOVE partnership's enlargement
candidates include the Moroccan clusters the other documents name, and CLUSTEM's textile
clusters get textile/fashion clusters of other countries as cross-border suggestions."""
from __future__ import annotations

from pathlib import Path

import pytest

from clusternet.graph.ids import fold
from clusternet.graph.analytics.suggest import partnership_members, suggest_cross_border, suggest_enlargement
from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.ingest.loader import load_files
from prerequisites import missing
from paths import SHARED  # noqa: E402

SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="module")
def G(tmp_path_factory):
    paths = sorted(SEEDS.glob("*.txt"))
    if len(paths) != 3:
        missing(f"seed documents missing at {SEEDS}")
    store = EmbeddedStore(tmp_path_factory.mktemp("seeds") / "seeds.db")
    store.ensure_schema()
    assert load_files(store, paths, progress=False).ok
    graph = store.snapshot()
    store.close()
    return graph


def _partnership(G, name: str) -> str:
    hits = [n for n, d in G.nodes(data=True) if d["label"] == "Partnership"
            and fold(name) in {fold(x) for x in [d["name"], *d.get("aliases", [])]}]
    assert len(hits) == 1, f"expected one partnership called {name}, found {hits}"
    return hits[0]


def _textile(G, node: str) -> bool:
    return any(k == "ACTIVE_IN" and G.nodes[t].get("ecosystem") == "Textile" for _, t, k in G.out_edges(node, keys=True))


def test_move_enlargement_includes_moroccan_clusters_from_the_other_documents(G):
    move = _partnership(G, "MOVE")
    move_docs = set(G.nodes[move].get("sources", []))
    moroccan = {n for n, d in G.nodes(data=True) if d["label"] == "Cluster" and d.get("country") == "MA"
                and not set(d.get("sources", [])) <= move_docs}
    assert len(moroccan) >= 2, "the other seeds name at least two Moroccan clusters"
    res = suggest_enlargement(G, move, k=20)
    got = {s.id for s in res}
    assert moroccan <= got, f"missing: {[G.nodes[m]['name'] for m in moroccan - got]}"
    for s in res:
        assert s.reasons and all(r.text for r in s.reasons)
        if s.id in moroccan:
            assert any("Morocco" in r.text for r in s.reasons), [r.text for r in s.reasons]
    assert not got & set(partnership_members(G, move))


def test_clustem_textile_clusters_get_foreign_textile_clusters(G):
    clustem = _partnership(G, "CLUSTEM")
    # the text presents CLUSTEM's partners as textile associations and companies (Organisation)
    members = [m for m in partnership_members(G, clustem) if _textile(G, m)]
    assert len(members) >= 2, "CLUSTEM's textile partners were not extracted"
    for member in members:
        home = G.nodes[member].get("country")
        res = suggest_cross_border(G, member, k=10)
        foreign_textile = [s.id for s in res if G.nodes[s.id]["label"] == "Cluster" and _textile(G, s.id)
                           and G.nodes[s.id].get("country") not in (None, home)]
        assert foreign_textile, f"{G.nodes[member]['name']}: {[G.nodes[s.id]['name'] for s in res]}"
        assert all(s.reasons for s in res)
