"""suggest_enlargement / suggest_cross_border: tiny hand-made graphs and the seed facts.

The seed graph is built from the facts of ../shared/gold/*.yaml through
snapshot_from_records. When the document extractor is wired to the store, swap
`seed_graph()` for ingesting ../shared/corpus/seeds through clusternet.ingest.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import yaml

from clusternet.graph.reference.countries import country_records
from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.ids import country_id, make_id
from clusternet.graph.model import Node, Rel
from clusternet.graph.store.base import snapshot_from_records
from clusternet.graph.analytics.suggest import partnership_members, suggest_cross_border, suggest_enlargement
from prerequisites import missing
from paths import SHARED  # noqa: E402

GOLD = SHARED / "gold"


def seed_graph() -> nx.MultiDiGraph:
    """The three seed documents' gold facts as a product graph (ids as the project makes them)."""
    nodes: dict[str, Node] = {n.id: n for n in country_records()}
    rels: dict[tuple, Rel] = {}
    for path in sorted(GOLD.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = "doc:" + path.stem.split("_")[1]
        nodes[doc] = Node(doc, ("Document",), {"name": gold["document"], "sha256": path.stem})
        ids = {}
        for e in gold["entities"]:
            if e["label"] == "Country":
                nid = country_id(e["country"])
            else:
                nid = make_id(e["label"], e["name"], e.get("country") if e["label"] not in ("Sector", "Programme",
                                                                                            "Partnership") else None)
                props = {"name": e["name"], "sources": [doc]}
                if e.get("country"):
                    props["country"] = e["country"]
                old = nodes.get(nid)
                if old:
                    old.props["sources"] = sorted(set(old.props["sources"]) | {doc})
                else:
                    nodes[nid] = Node(nid, (e["label"],), props)
            ids[e["name"]] = nid
        for s, t, o in gold["relations"]:
            src = ids.get(s) or country_id(s)
            dst = ids.get(o) or country_id(o)
            old = rels.get((src, t, dst))
            docs = sorted(set(old.props["sources"] if old else []) | {doc})
            rels[(src, t, dst)] = Rel(src, t, dst, {"sources": docs})
    return snapshot_from_records(nodes.values(), rels.values())


@pytest.fixture(scope="module")
def G():
    if not sorted(GOLD.glob("*.yaml")):
        missing(f"seed gold facts missing at {GOLD}")
    return seed_graph()


def _ids(suggestions):
    return [s.id for s in suggestions]


def test_move_enlargement_includes_the_moroccan_clusters(G):
    move = make_id("Partnership", "MOVE")
    assert len(partnership_members(G, move)) == 12            # 4 named partners + 8 consortium clusters
    res = suggest_enlargement(G, move, k=20)
    got = _ids(res)
    for name in ("MENARA", "CE3M"):
        assert make_id("Cluster", name, "MA") in got
    menara = next(s for s in res if s.id == make_id("Cluster", "MENARA", "MA"))
    # nothing links MENARA to MOVE's members: it is suggested on content, and says so
    assert menara.mode == "content"
    target = next(r for r in menara.reasons if r.text == "in target country Morocco")
    assert f"{move}|TARGETS|country:MA" in target.evidence
    assert target.sources == ["doc:862f35cb45568245", "doc:958d191f4b3181d1"]
    assert not set(got) & set(partnership_members(G, move))   # members are never suggested


def test_clustem_textile_clusters_get_foreign_textile_partners(G):
    clustem = make_id("Partnership", "CLUSTEM")
    textile = {make_id("Cluster", "Techtera", "FR"), make_id("Cluster", "Alsace textile pole", "FR"),
               make_id("Cluster", "Tuscany Fashion Cluster OTIR2020-TFC", "IT")}
    textile_members = [m for m in partnership_members(G, clustem)
                       if ("sector:textile", "ACTIVE_IN") in {(t, k) for _, t, k in G.out_edges(m, keys=True)}]
    assert len(textile_members) == 3                         # the machinery cluster is not one
    for member in textile_members:
        res = suggest_cross_border(G, member, k=10)
        home = G.nodes[member]["country"]
        assert all(s.country != home for s in res)
        foreign_textile = {t for t in textile if G.nodes[t]["country"] != home}
        assert foreign_textile & set(_ids(res)), member
        # CLUSTEM partners are linked already (same partnership), so never suggested
        assert not set(_ids(res)) & set(partnership_members(G, clustem))
        techtera = next((s for s in res if s.id == make_id("Cluster", "Techtera", "FR")), None)
        if techtera:
            texts = [r.text for r in techtera.reasons]
            assert any(t.startswith("active in textile") for t in texts)
            assert "visited by CLUSTEM, a partnership of " + G.nodes[member]["name"] in texts


def test_every_suggestion_has_reasons_with_evidence(G):
    res = suggest_enlargement(G, make_id("Partnership", "THE NEXT SOCIETY"), k=20)
    assert len(res) == 20
    for s in res:
        assert s.reasons and all(r.text for r in s.reasons)
        assert any(r.evidence for r in s.reasons)
        assert [r.weight for r in s.reasons] == sorted((r.weight for r in s.reasons), reverse=True)


def small_graph():
    """a, b partners in p (FR, IT); c worked with b in q twice-over (ES); d (DE) isolated."""
    G = nx.MultiDiGraph()
    for o, c in [("a", "FR"), ("b", "IT"), ("c", "ES"), ("d", "DE"), ("e", "ES")]:
        G.add_node(o, label="Cluster", name=o.upper(), country=c, sources=[f"doc:{o}"])
    for p, ms in [("p", "ab"), ("q", "bc"), ("r", "bc"), ("s", "ce")]:
        G.add_node(p, label="Partnership", name=p.upper(), sources=[f"doc:{p}"])
        for m in ms:
            G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN", sources=[f"doc:{p}"])
    return G


def test_enlargement_network_reasons_are_hand_checkable():
    G = small_graph()
    res = suggest_enlargement(G, "p", k=3)
    assert _ids(res)[0] == "c"                      # worked twice with member b
    c = res[0]
    assert c.mode == "network"
    shared = next(r for r in c.reasons if r.text.startswith("worked with"))
    assert shared.text == "worked with 1 member (B) in 2 shared partnerships/events/links: Q, R"
    assert {"q", "r", "c|PARTNER_IN|q", "b|PARTNER_IN|r"} <= set(shared.evidence)
    assert shared.sources == ["doc:q", "doc:r"]
    # e is two steps away (through c); d has no path at all
    modes = {s.id: s.mode for s in res}
    assert modes.get("e") == "network"
    assert modes.get("d", "content") == "content"


def test_enlargement_filters_kinds_countries_and_caps_each_country():
    G = small_graph()
    G.add_node("f", label="SME", name="F", country="ES")
    G.add_edge("f", "s", key="PARTNER_IN", type="PARTNER_IN")
    everyone = _ids(suggest_enlargement(G, "p", k=10))
    assert everyone[0] == "c" and {"e", "f"} <= set(everyone)
    # c and e are both Spanish: one per country keeps the better of them (c), then the others
    capped = suggest_enlargement(G, "p", k=10, per_country=1)
    assert [s.country for s in capped].count("ES") == 1 and _ids(capped)[0] == "c"
    assert _ids(suggest_enlargement(G, "p", k=10, only=["sme"])) == ["f"]
    assert set(_ids(suggest_enlargement(G, "p", k=10, countries=["es"]))) == {"c", "e", "f"}
    assert "d" not in _ids(suggest_enlargement(G, "p", k=10, only=["Cluster"], countries=["ES", "IT"]))
    with pytest.raises(InputError, match="unknown kind 'Startup'"):
        suggest_enlargement(G, "p", only=["Startup"])
    with pytest.raises(InputError, match="at least 1"):
        suggest_enlargement(G, "p", per_country=0)


def test_cross_border_pair_mode_and_filters():
    G = small_graph()
    res = suggest_cross_border(G, "a", k=5)
    assert "b" not in _ids(res)                     # already partners
    assert _ids(res)[0] == "c"                      # a-b-c: one shared partner
    assert res[0].reasons[0].text == "shares 1 partner (B)"
    only_de = suggest_cross_border(G, "a", k=5, target_countries=["DE"])
    assert _ids(only_de) == ["d"]
    pairs = suggest_cross_border(G, countries=("FR", "ES"), k=5)
    assert {(s.source, s.id) for s in pairs} == {("a", "c"), ("a", "e")}


def test_errors_are_clear():
    G = small_graph()
    with pytest.raises(NotFound):
        suggest_enlargement(G, "nope")
    with pytest.raises(InputError, match="not a Partnership"):
        suggest_enlargement(G, "a")
    with pytest.raises(InputError, match="not an organisation"):
        suggest_cross_border(G, "p")


def test_cli_shows_reasons_for_every_suggestion(tmp_path):
    import json

    from typer.testing import CliRunner

    from clusternet.cli import app
    from clusternet.graph.store import open_store

    db = str(tmp_path / "g.db")
    nodes = [Node(f"cluster:{o.lower()}-{c.lower()}", ("Cluster",), {"name": o, "country": c})
             for o, c in [("A", "FR"), ("B", "IT"), ("C", "ES")]]
    nodes += [Node(p, ("Partnership",), {"name": p.split(":")[1].upper()}) for p in ("partnership:p", "partnership:q")]
    rels = [Rel("cluster:a-fr", "PARTNER_IN", "partnership:p"), Rel("cluster:b-it", "PARTNER_IN", "partnership:p"),
            Rel("cluster:b-it", "PARTNER_IN", "partnership:q"), Rel("cluster:c-es", "PARTNER_IN", "partnership:q")]
    with open_store(db, ensure_schema=True) as s:
        s.upsert(nodes, rels)
    runner = CliRunner()
    out = runner.invoke(app, ["suggest", "enlargement", "P", "--store", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert rows[0]["id"] == "cluster:c-es" and rows[0]["mode"] == "network"
    assert rows[0]["reasons"] and rows[0]["evidence"]
    out = runner.invoke(app, ["suggest", "cross-border", "cluster:a-fr", "--store", db, "--format", "csv"])
    assert out.exit_code == 0, out.output
    header, first = out.stdout.splitlines()[:2]
    assert "reasons" in header.split(",") and "shares 1 partner (B)" in first
    table = runner.invoke(app, ["suggest", "enlargement", "partnership:p", "--store", db])
    assert table.exit_code == 0 and "network" in table.stdout and "Enlargement of P" in table.stdout
    out = runner.invoke(app, ["suggest", "enlargement", "P", "--store", db, "--format", "json", "--countries", "IT"])
    assert out.exit_code == 0 and json.loads(out.stdout) == []            # B, the only Italian, is a member
    import subprocess
    import sys

    bad = subprocess.run([sys.executable, "-m", "clusternet.cli", "suggest", "enlargement", "P", "--store", db,
                          "--only", "Startup"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "unknown kind 'Startup'" in bad.stderr and "Traceback" not in bad.stderr


def test_same_kind_reason_only_for_the_same_kind(tmp_path):
    """A university's SME candidates are not 'the same kind of organisation' (a defect users hit)."""
    from clusternet import api

    with api.open_store(str(tmp_path / "demo.db")) as store:
        api.build_demo(store, echo=lambda line: None)
        G = api.snapshot(store)
    source = api.find_node(G, "Lyon Technical University")
    kind_of_source = G.nodes[source].get("org_type") or G.nodes[source].get("label")
    for countries in (None, ("FR", "TN")):
        res = (api.suggest_cross_border(G, "Lyon Technical University", k=20) if countries is None
               else api.suggest_cross_border(G, countries=countries, k=20))
        for s in res:
            for r in s.reasons:
                if r.text.startswith("same kind of organisation"):
                    mine = G.nodes[s.id].get("org_type") or G.nodes[s.id].get("label")
                    src = s.source or source
                    theirs = G.nodes[src].get("org_type") or G.nodes[src].get("label")
                    assert str(mine).casefold() == str(theirs).casefold(), (s.name, r.text, theirs)
    assert kind_of_source
