"""Property-based tests (issue 7, item 2), with hypothesis.

* Arbitrary bytes (and arbitrary text, and valid files with random damage) never crash
  a reader: every format (txt, md, html, pdf, docx, csv, tsv, xlsx, json, jsonl, yaml)
  either reads or raises a ClusternetError that names the file.
* Arbitrary Unicode (control characters, lone surrogates, non-characters, quotes) in ids,
  names, aliases and properties of nodes and relationships either round-trips exactly
  through CSV and JSON (GraphML and GEXF: every scalar exactly, lists as the "; "-joined
  text Gephi shows), read back with the standard readers (networkx, csv, json), or is
  refused with a ClusternetError: never a file that cannot be read back.
* CSV cells starting with = + - @ (and tab, CR) are neutralised in every CSV export.
"""
from __future__ import annotations

import csv
import io
import json
import math
import sys
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from clusternet.graph.errors import ClusternetError
from clusternet.graph.render.export import export_bytes, neutralise_cell, read_gexf, read_graphml

from builders import docx_document_xml, docx_members, member, raw_zip, text_pdf, xlsx_members, xlsx_row  # noqa: E402
from builders import _SHEET_HEAD, _SHEET_TAIL  # noqa: E402
from probe import read_any  # noqa: E402

pytestmark = pytest.mark.timeout(300)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ["txt", "md", "html", "pdf", "docx", "csv", "tsv", "xlsx", "json", "jsonl", "yaml"]


# -- readers -----------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def valid_file(fmt: str) -> bytes:
    """A small, valid file of each format, to damage at random."""
    rows = [["name", "country", "city"], ["Pôle Techtera", "FR", "Lyon"], ["Cluster Maroc Numeric", "MA", "Rabat"]]
    if fmt in ("txt", "md"):
        return "# Note\n\nThe cluster Techtera met partners in Rabat in 2024.\n".encode()
    if fmt == "html":
        return b"<html><body><main><h1>News</h1><p>The cluster met partners in Porto.</p></main></body></html>"
    if fmt == "pdf":
        return text_pdf(["The cluster met partners in Lyon.", "A second line of text."])
    if fmt == "docx":
        return raw_zip(docx_members(member("word/document.xml", docx_document_xml(["Cluster Agri met Rabat."]))))
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        return "".join(sep.join(r) + "\n" for r in rows).encode()
    if fmt == "xlsx":
        sheet = _SHEET_HEAD.format(prolog="") + "".join(xlsx_row(r) for r in rows) + _SHEET_TAIL
        return raw_zip(xlsx_members(member("xl/worksheets/sheet1.xml", sheet.encode())))
    records = [dict(zip(rows[0], r)) for r in rows[1:]]
    if fmt == "json":
        return json.dumps(records).encode()
    if fmt == "jsonl":
        return "".join(json.dumps(r) + "\n" for r in records).encode()
    if fmt == "yaml":
        return "".join(f"- name: {r['name']}\n  country: {r['country']}\n" for r in records).encode()
    raise ValueError(fmt)


@st.composite
def damaged(draw, fmt: str) -> bytes:
    """A valid file with a few random edits: flipped bytes, a cut, an inserted run."""
    data = bytearray(valid_file(fmt))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 64))]
    return bytes(data)


def check_reader(fmt: str, data: bytes) -> None:
    """Reading ``data`` as ``fmt`` gives text or a ClusternetError naming the file: nothing else."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"input.{fmt}"
        path.write_bytes(data)
        try:
            warnings, text = read_any(path)
        except ClusternetError as err:
            assert path.name in str(err), f"error does not name the file: {err}"
            return
        assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


@pytest.mark.parametrize("fmt", FORMATS)
@FAST
@given(data=st.binary(max_size=4096))
@example(data=b"")
@example(data=b"\x00")
@example(data=b"\xff\xfe\x00")
def test_arbitrary_bytes_never_crash_a_reader(fmt, data):
    check_reader(fmt, data)


@pytest.mark.parametrize("fmt", FORMATS)
@FAST
@given(data=st.data())
def test_damaged_files_never_crash_a_reader(fmt, data):
    check_reader(fmt, data.draw(damaged(fmt)))


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "csv", "tsv", "json", "jsonl", "yaml"])
@FAST
@given(text=st.text(max_size=2000))
def test_arbitrary_text_never_crashes_a_reader(fmt, text):
    check_reader(fmt, text.encode("utf-8", "surrogatepass"))


# -- exports -----------------------------------------------------------------------------------
# any code point, including controls, lone surrogates, U+FFFE/U+FFFF and quotes
nasty_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=30)
tricky = st.one_of(nasty_text, st.sampled_from(['"', '""', '"x"', "\x00", "\ud800", "\r\n", " ", "'", "\\\""]))
PROP_KEYS = ["city", "region", "description", "website", "acronym", "kind"]


@st.composite
def graphs(draw) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    n = draw(st.integers(1, 4))
    ids = draw(st.lists(tricky, min_size=n, max_size=n, unique=True))
    for i, nid in enumerate(ids):
        props = {k: draw(tricky) for k in draw(st.lists(st.sampled_from(PROP_KEYS), unique=True, max_size=3))}
        G.add_node(f"org:{nid}", label="Organisation", labels=("Organisation",), name=draw(tricky),
                   aliases=draw(st.lists(tricky, max_size=3)), country="FR", members=draw(st.integers(0, 10**6)),
                   confidence=draw(st.floats(0, 1, allow_nan=False)), **props)
    nodes = list(G)
    for _ in range(draw(st.integers(0, 4))):
        u, v = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        if G.has_edge(u, v, key="PARTNER_OF"):
            continue
        G.add_edge(u, v, key="PARTNER_OF", type="PARTNER_OF", note=draw(tricky),
                   evidence=[json.dumps({"d": "doc:1", "s": 0, "e": 1, "t": draw(tricky)})], confidence=1.0)
    return G


def _has_surrogate(G: nx.MultiDiGraph) -> bool:
    texts = []
    for n, d in G.nodes(data=True):
        texts += [n, *[x for v in d.values() for x in (v if isinstance(v, (list, tuple)) else [v])]]
    for *_, d in G.edges(keys=True, data=True):
        texts += [x for v in d.values() for x in (v if isinstance(v, (list, tuple)) else [v])]
    return any(isinstance(t, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in t) for t in texts)


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def assert_same_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert set(H.nodes) == set(G.nodes)
    for n, d in G.nodes(data=True):
        for k, v in d.items():
            assert _same(H.nodes[n].get(k), v), (n, k, v, H.nodes[n].get(k))
    assert sorted((u, v, k) for u, v, k in H.edges(keys=True)) == sorted((u, v, k) for u, v, k in G.edges(keys=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        for a, b in d.items():
            assert _same(H.edges[u, v, k].get(a), b), (u, v, k, a)


def as_gephi_shows(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What GraphML/GEXF promise to carry: every scalar exactly; a list as its items joined
    by "; " (an evidence item as "quote — document"); the labels list left out (the type
    column holds the most specific label)."""
    def shown(key, value):
        if not isinstance(value, (list, tuple)):
            return value
        if key == "evidence":
            items = [json.loads(x) for x in value]
            value = [f"{e['t']} — {e['d']}" if e["t"] else e["d"] for e in items]
        return "; ".join(value)

    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: shown(k, v) for k, v in d.items() if k != "labels"})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: shown(a, b) for a, b in d.items()})
    return H


@FAST
@given(G=graphs())
def test_graphml_round_trips_any_text(G):
    data = export_bytes(G, "graphml")
    raw = nx.read_graphml(io.BytesIO(data), force_multigraph=True)  # any GraphML tool can open it
    assert raw.number_of_nodes() == G.number_of_nodes() and raw.number_of_edges() == G.number_of_edges()
    assert_same_graph(as_gephi_shows(G), read_graphml(data))


@FAST
@given(G=graphs())
def test_gexf_round_trips_any_text(G):
    data = export_bytes(G, "gexf")
    fromstring(data)  # well-formed XML 1.0, whatever the text
    H = read_gexf(data)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert_same_graph(as_gephi_shows(G), H)


@FAST
@given(G=graphs())
def test_json_round_trips_any_text(G):
    data = json.loads(export_bytes(G, "json").decode("utf-8"))
    H = nx.node_link_graph(data, edges="edges", directed=True, multigraph=True)
    for n, d in H.nodes(data=True):
        if "labels" in d:
            d["labels"] = tuple(d["labels"])
    assert_same_graph(G, H)


def _expected_cell(v) -> str:
    if isinstance(v, (list, tuple)):
        v = json.dumps(list(v), ensure_ascii=False)
    elif isinstance(v, bool):
        v = "true" if v else "false"
    return str(neutralise_cell(v))


@FAST
@given(G=graphs())
def test_csv_round_trips_any_text_or_refuses_clearly(G):
    try:
        data = export_bytes(G, "csv")
    except ClusternetError as err:
        assert _has_surrogate(G), f"refused a graph UTF-8 can hold: {err}"
        assert "surrogate" in str(err)
        return
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        nodes = list(csv.DictReader(io.StringIO(zf.read("nodes.csv").decode("utf-8"), newline="")))
        edges = list(csv.DictReader(io.StringIO(zf.read("edges.csv").decode("utf-8"), newline="")))
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    by_id = {}
    for row in nodes:
        key = row["id"][1:] if row["id"].startswith("'") and row["id"][1:] in G else row["id"]
        by_id[key] = row
    for n, d in G.nodes(data=True):
        row = by_id[n]
        for k, v in d.items():
            if isinstance(v, float):
                assert math.isclose(float(row[k]), v, rel_tol=1e-9)
            else:
                assert row[k] == _expected_cell(v), (k, v, row[k])


formula = st.tuples(st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), st.text(max_size=20)).map("".join)


@FAST
@given(name=formula, alias=formula, note=formula)
def test_formula_cells_are_neutralised_in_every_csv(name, alias, note):
    G = nx.MultiDiGraph()
    G.add_node("org:a", label="Organisation", labels=("Organisation",), name=name, aliases=[alias], city=note)
    G.add_node("org:b", label="Organisation", labels=("Organisation",), name="B")
    G.add_edge("org:a", "org:b", key="PARTNER_OF", type="PARTNER_OF", note=note)
    for fmt, col in (("csv-nodes", "name"), ("csv-nodes", "city"), ("csv-edges", "note")):
        rows = list(csv.DictReader(io.StringIO(export_bytes(G, fmt).decode("utf-8"), newline="")))
        cells = [r[col] for r in rows if r.get("id", "org:a") == "org:a"]
        assert cells and all(c.startswith("'") for c in cells), (fmt, col, cells)
    rows = list(csv.DictReader(io.StringIO(export_bytes(G, "csv-nodes").decode("utf-8"), newline="")))
    assert rows[0]["aliases"].startswith("[")  # a JSON list, whose first character is harmless
    from clusternet.api import neutralise_cell

    assume(name[0] in "=+-@")
    assert neutralise_cell(name).startswith("'")
