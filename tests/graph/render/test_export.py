"""Exports: deterministic, provenance kept, safe (XML-illegal text, formula cells, offline HTML)."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from defusedxml.ElementTree import fromstring

from clusternet.graph.errors import ClusternetError, ConfigError, ValidationError
from clusternet.graph.render.export import (FORMATS, export_bytes, read_gexf, read_graphml, write_export,
    xml_safe, xml_unsafe)
from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.graph.render.viz import vis_assets

from app_sample import FORMULA, XSS_IMG, XSS_SCRIPT, build_sample_store  # noqa: E402

NASTY = ["form\x0cfeed", "nul\x00byte", "bell\x07", "nonchar\uffff", "lone\ud800surrogate", "cr\rlf\r\n",
         '"quoted"', '"', 'tab\tnew\nline', "  spaced  ", "émoji 🧵 ümlaut", "\\u0041 backslash"]


@pytest.fixture(scope="module")
def G(tmp_path_factory):
    path = build_sample_store(tmp_path_factory.mktemp("export") / "s.db")
    with EmbeddedStore(path) as store:
        return store.snapshot()


def nasty_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, text in enumerate(NASTY):
        G.add_node(f"org:{i}", label="Organisation", labels=("Organisation",), name=text, country="FR",
                   aliases=[text, "plain"], members=i, confidence=0.5 + i / 100)
    for i in range(len(NASTY) - 1):
        G.add_edge(f"org:{i}", f"org:{i + 1}", key="VISITED", type="VISITED", date="2020-01-01",
                   evidence=[json.dumps({"d": "doc:1", "s": 0, "e": 1, "t": NASTY[i]})], confidence=1.0)
    return G


@pytest.mark.parametrize("fmt", FORMATS)
def test_exporting_twice_gives_identical_files(G, fmt):
    assert export_bytes(G, fmt) == export_bytes(G, fmt)


def test_node_order_does_not_change_the_file(G):
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    for fmt in ("graphml", "gexf", "json", "csv", "html", "svg"):
        assert export_bytes(H, fmt) == export_bytes(G, fmt), fmt


def _title(G, doc_id):
    return G.nodes[doc_id]["name"] if doc_id in G else doc_id


def _quote(G, raw):
    ev = json.loads(raw)
    return f"{ev['t']} — {_title(G, ev['d'])}" if ev["t"] else _title(G, ev["d"])


@pytest.mark.parametrize("reader,fmt", [(read_graphml, "graphml"), (read_gexf, "gexf")])
def test_xml_exports_keep_evidence_as_text_gephi_shows(G, reader, fmt):
    data = export_bytes(G, fmt, with_reference=True)
    fromstring(data)  # well-formed XML 1.0
    back = reader(data)
    assert sorted(back) == sorted(G)
    for n, d in G.nodes(data=True):
        got = back.nodes[n]
        for key in ("name", "label", "country", "text", "confidence"):
            if d.get(key) is not None:
                assert got[key] == d[key], (n, key)
        if d.get("aliases"):
            assert got["aliases"] == "; ".join(d["aliases"])
        if d.get("sources"):  # documents by their title, not their id
            assert got["sources"] == "; ".join(_title(G, s) for s in d["sources"])
        if d.get("evidence"):
            assert got["evidence"] == "; ".join(_quote(G, e) for e in d["evidence"])
    assert sorted((u, k, v) for u, v, k in back.edges(keys=True)) == sorted((u, k, v) for u, v, k in G.edges(keys=True))
    e = back.edges["cluster:xss-ma", "partnership:medtex", "PARTNER_IN"]
    assert e["evidence"].startswith(XSS_SCRIPT + " — ") and e["confidence"] == 0.5


@pytest.mark.parametrize("reader,fmt", [(read_graphml, "graphml"), (read_gexf, "gexf")])
def test_xml_exports_round_trip_text_xml_cannot_hold(reader, fmt):
    G = nasty_graph()
    data = export_bytes(G, fmt)
    fromstring(data)  # a standard parser reads the file: nothing illegal was written
    back = reader(data)
    for n, d in G.nodes(data=True):
        assert back.nodes[n]["name"] == d["name"]
        assert back.nodes[n]["aliases"] == "; ".join(d["aliases"])
        assert back.nodes[n]["members"] == d["members"]
    for u, v, k in G.edges(keys=True):
        assert back.edges[u, v, k]["evidence"] == f"{NASTY[int(u[4:])]} — doc:1"


def test_plain_text_is_written_as_is_in_xml():
    assert xml_safe("Pôle Techtera") == "Pôle Techtera"
    assert b'<data key="label">plain name</data>' in export_bytes(_one("plain name"), "graphml")
    assert b'label="plain name"' in export_bytes(_one("plain name"), "gexf")
    for text in NASTY:
        assert xml_unsafe(xml_safe(text)) == text


def _one(name):
    G = nx.MultiDiGraph()
    G.add_node("org:a", name=name, label="Organisation", labels=("Organisation",))
    return G


def test_json_round_trips_everything_including_lone_surrogates():
    G = nasty_graph()
    data = json.loads(export_bytes(G, "json").decode("utf-8"))
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names == {n: d["name"] for n, d in G.nodes(data=True)}
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_edges() == G.number_of_edges()


def read_zip_csv(data: bytes) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8"), newline="")))
                for name in zf.namelist()}


def test_csv_neutralises_formulas_and_keeps_evidence(G):
    files = read_zip_csv(export_bytes(G, "csv"))
    assert set(files) == {"nodes.csv", "edges.csv"}
    nodes = {r["id"]: r for r in files["nodes.csv"]}
    assert nodes["org:formula-tn"]["name"] == "'" + FORMULA
    assert nodes["org:formula-tn"]["description"] == "'-2+3"
    assert nodes["cluster:xss-ma"]["name"] == XSS_SCRIPT  # CSV is text; it is not HTML
    ev = json.loads(nodes["cluster:techtera-fr"]["evidence"])
    assert json.loads(ev[0])["t"] == "Techtera"
    for row in files["nodes.csv"] + files["edges.csv"]:
        for cell in row.values():
            assert not re.match(r"^[=+\-@\t\r]", cell or ""), cell
    edges = files["edges.csv"]
    assert {"source", "type", "target", "confidence", "evidence", "sources"} <= set(edges[0])


def test_csv_refuses_text_utf8_cannot_hold():
    G = nx.MultiDiGraph()
    G.add_node("org:bad", name="lone\ud800", label="Organisation")
    with pytest.raises(ValidationError) as err:
        export_bytes(G, "csv")
    assert "org:bad" in str(err.value) and "name" in str(err.value)


def test_write_export_csv_folder_and_zip(G, tmp_path):
    files = write_export(G, "csv", tmp_path / "out")
    assert [f.name for f in files] == ["nodes.csv", "edges.csv"] and all(f.stat().st_size for f in files)
    (zipped,) = write_export(G, "csv", tmp_path / "g.zip")
    assert zipfile.is_zipfile(zipped)
    with pytest.raises(ConfigError):
        write_export(G, "xlsx", tmp_path / "g.xlsx")
    with pytest.raises(ClusternetError):
        write_export(G, "json", tmp_path / "missing" / "g.json")


def test_html_map_is_offline_and_escaped(G):
    page = export_bytes(G, "html").decode("utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)\s*=", page, re.I)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "new vis.Network" in page and len(page) > 400_000  # vis-network is inlined
    assert XSS_SCRIPT not in page and XSS_IMG not in page and "<img" not in page
    library = vis_assets()[0]
    assert page.count("<script") == 2 + library.count("<script")  # the library and our data, nothing injected


def test_static_maps(G):
    png = export_bytes(G, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = export_bytes(G, "svg")
    root = fromstring(svg)
    assert root.tag.endswith("svg")
    assert b"<script" not in svg
