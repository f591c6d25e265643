"""Concerns with one home each: the loader's progress reporting (a callback, no CLI),
dry-run accounting (graph/store/dryrun.py) and country names (graph/reference/countries.py)."""
from pathlib import Path

import networkx as nx
import pytest

from clusternet.graph.errors import NotFound
from clusternet.graph.reference import countries
from clusternet.graph.store.dryrun import diff_summary
from clusternet.ingest.loader import load_files
from clusternet.ingest.resolve import normalise
from paths import ROOT  # noqa: E402

SAMPLE = ROOT / "examples" / "sample"


def write_clusters(tmp_path: Path, n: int) -> Path:
    p = tmp_path / "clusters.csv"
    rows = [f"Cluster number {i},FR,Textile" for i in range(n)]
    p.write_text("name,country,sectors\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_load_progress_reports_each_stage_and_its_final_count(embedded_store, tmp_path):
    calls = []
    path = write_clusters(tmp_path, 2500)
    report = load_files(embedded_store, [path], progress=lambda *a: calls.append(a))
    assert report.ok
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["reading clusters.csv", "writing clusters.csv"]
    reading = [c for c in calls if c[0] == "reading clusters.csv"]
    assert reading[-1] == ("reading clusters.csv", 2500, 2500)          # ends with total == rows
    assert all(total is None for _, _, total in reading[:-1])          # unknown until the end
    assert [done for _, done, _ in reading] == sorted(done for _, done, _ in reading)
    writing = [c for c in calls if c[0] == "writing clusters.csv"]
    _, written, total = writing[-1]
    # the 2,500 clusters, their Document, the Country and Sector they point at
    assert written == total >= 2500


def test_no_progress_is_silent_and_loads_the_same(embedded_store, tmp_path):
    report = load_files(embedded_store, [write_clusters(tmp_path, 3)], progress=None)
    assert report.ok and report.summary.created["Cluster"] == 3


def test_dry_run_counts_are_what_the_write_then_reports(store):
    # one file: a dry run of several diffs each against the store as it is, so a second
    # file counts the nodes the first would create as created again
    files = [SAMPLE / "clusters.csv"]
    dry = load_files(store, files, dry_run=True, progress=None).summary
    assert store.counts()["nodes"].get("Cluster", 0) == 0          # a dry run writes nothing
    real = load_files(store, files, progress=None).summary
    assert dry.rows() == real.rows()
    again = diff_summary(store, [store.get_node(n.id) for n in store.find_nodes("Cluster")], [])
    assert sum(again.created.values()) == sum(again.updated.values()) == 0
    assert again.unchanged["Cluster"] == real.created["Cluster"] > 0


def test_country_names_have_one_home():
    assert normalise.country_name is countries.country_name
    assert countries.country_name("uk") == countries.country_name("GB") == "United Kingdom"
    assert countries.country_name("EL") == countries.country_name("GRC") == "Greece"
    with pytest.raises(NotFound):
        countries.country_name("ZZ")


def test_country_label_prefers_the_graph_then_the_reference_then_the_code():
    G = nx.MultiDiGraph()
    G.add_node("country:MA", label="Country", name="Maroc")
    G.add_node("country:TN", label="Country")                         # a node with no name
    assert countries.country_label(G, "MA") == "Maroc"
    assert countries.country_label(G, "TN") == "Tunisia"
    assert countries.country_label(G, "QQ") == "QQ"
    assert countries.country_label(G, "") == "unknown country"
