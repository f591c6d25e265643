"""GEXF and GraphML exports as Gephi opens them (issue 17, B), checked with the real Gephi
Toolkit 0.10.1 (scripts/gephi_check.py; fetched by `scripts/gephi_check.py prepare`).

On the demo graph a user builds with `clusternet demo`: Gephi must keep every relationship
(two relationships between one pair, e.g. COORDINATES and PARTNER_IN, used to be merged),
label nodes with their names, offer type columns to colour by, show lists as readable
text, and not fill the picture with countries nothing links to.
"""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusternet.cli import app
from clusternet.ingest.demo import build_demo
from clusternet.graph.render.export import export_bytes, read_gexf
from clusternet.graph.store.sqlite import EmbeddedStore
from prerequisites import missing
from paths import ROOT  # noqa: E402

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def gephi():
    """``open_in_gephi(path) -> dict`` from scripts/gephi_check.py, the toolkit prepared."""
    import gephi_check  # scripts/ is on pytest's pythonpath
    if not (shutil.which("java") and shutil.which("javac") and shutil.which("mvn")):
        missing("Java 17 and Maven are needed to run the Gephi Toolkit")
    try:
        gephi_check.prepare(verbose=False)
    except gephi_check.GephiCheckError as err:
        missing(f"the Gephi Toolkit could not be prepared: {err}")
    return gephi_check.open_in_gephi


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(store path, snapshot) of the demo store."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with EmbeddedStore(path) as store:
        build_demo(store, ROOT / "examples", echo=lambda _: None)
        return path, store.snapshot()


@pytest.fixture(scope="module")
def opened(gephi, demo, tmp_path_factory):
    """What Gephi holds after opening each default export of the demo graph."""
    _, G = demo
    out = {}
    folder = tmp_path_factory.mktemp("gephi")
    for fmt in ("gexf", "graphml"):
        path = folder / f"demo.{fmt}"
        path.write_bytes(export_bytes(G, fmt))
        out[fmt] = gephi(path)
    return out


def _triples(G):
    return Counter((u, k, v) for u, v, k in G.edges(keys=True))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_keeps_every_relationship_with_its_type(opened, demo, fmt):
    _, G = demo
    seen = opened[fmt]
    got = Counter((e["source"], e["kind"], e["target"]) for e in seen["edges"])
    assert len(seen["edges"]) == G.number_of_edges()
    assert got == _triples(G)
    # the pairs that used to lose a relationship: two types between the same two nodes
    pairs = Counter((u, v) for u, v, _ in G.edges(keys=True))
    doubled = [(u, v) for (u, v), n in pairs.items() if n > 1]
    assert doubled, "the demo graph should hold pairs linked twice"
    for u, v in doubled:
        assert {e["kind"] for e in seen["edges"] if (e["source"], e["target"]) == (u, v)} == set(G[u][v])
    assert {e["columns"]["type"] for e in seen["edges"]} == {k for *_, k in G.edges(keys=True)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_labels_nodes_with_names_and_types_to_colour_by(opened, demo, fmt):
    _, G = demo
    seen = opened[fmt]
    assert seen["nodes"], "Gephi imported no node"
    for node in seen["nodes"]:
        d = G.nodes[node["id"]]
        assert node["label"] == d["name"], node["id"]
        assert node["columns"]["type"] == d["label"], node["id"]
    titles = {c["title"]: c for c in seen["node_columns"]}
    assert titles["type"]["type"] == "String" and not titles["type"]["property"]
    problems = [i for i in seen["issues"] if not i.startswith("INFO")]
    assert problems == [], problems


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_gets_the_actors_not_a_ring_of_unlinked_countries(opened, demo, fmt):
    _, G = demo
    seen = opened[fmt]
    linked = {e[k] for e in seen["edges"] for k in ("source", "target")}
    unlinked = [n["id"] for n in seen["nodes"] if n["id"] not in linked]
    assert unlinked == []
    countries = {n["id"] for n in seen["nodes"] if n["columns"]["type"] == "Country"}
    assert countries == {n for n, d in G.nodes(data=True) if d["label"] == "Country" and G.degree(n)}
    actors = {n for n, d in G.nodes(data=True) if d["label"] in ("Cluster", "Organisation", "SME", "Partnership")}
    assert actors <= {n["id"] for n in seen["nodes"]}


def test_gexf_is_version_1_3_and_gephi_reads_it_as_such(opened, demo):
    _, G = demo
    assert b'version="1.3"' in export_bytes(G, "gexf")[:400]
    assert any("1.3" in i for i in opened["gexf"]["issues"])
    assert not any("deprecat" in i.lower() for i in opened["gexf"]["issues"])


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_shows_lists_as_readable_text(opened, demo, fmt):
    _, G = demo
    by_id = {n["id"]: n["columns"] for n in opened[fmt]["nodes"]}
    with_evidence = [n for n in by_id if G.nodes[n].get("evidence")]
    assert with_evidence
    for n in with_evidence:
        first = json.loads(G.nodes[n]["evidence"][0])
        title = G.nodes[first["d"]]["name"]
        cell = by_id[n]["evidence"]
        quoted = f"{first['t']} — {title}" if first.get("t") else title  # rows of a sheet have no quote
        assert not cell.startswith("[") and quoted in cell, (n, cell)
        assert title in by_id[n]["sources"] and "doc:" not in by_id[n]["sources"]
    with_aliases = [n for n in by_id if G.nodes[n].get("aliases")]
    for n in with_aliases:
        assert by_id[n]["aliases"] == "; ".join(G.nodes[n]["aliases"])


def test_with_reference_gephi_gets_every_node(gephi, demo, tmp_path):
    _, G = demo
    path = tmp_path / "all.gexf"
    path.write_bytes(export_bytes(G, "gexf", with_reference=True))
    seen = gephi(path)
    assert len(seen["nodes"]) == G.number_of_nodes()
    assert len(seen["edges"]) == G.number_of_edges()


def test_cli_export_leaves_reference_out_unless_asked(demo, tmp_path):
    store, G = demo
    runner = CliRunner()
    plain, full = tmp_path / "plain.gexf", tmp_path / "full.gexf"
    result = runner.invoke(app, ["export", "--format", "gexf", "-o", str(plain), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "left out" in result.output and "--with-reference" in result.output
    result = runner.invoke(app, ["export", "--format", "gexf", "-o", str(full), "--store", str(store),
                                 "--with-reference"])
    assert result.exit_code == 0, result.output
    few, every = read_gexf(plain.read_bytes()), read_gexf(full.read_bytes())
    assert every.number_of_nodes() == G.number_of_nodes()
    assert few.number_of_nodes() < G.number_of_nodes() - 200  # the unlinked countries
    assert few.number_of_edges() == every.number_of_edges() == G.number_of_edges()
