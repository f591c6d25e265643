"""The network map (filters, cap, layout, colours, escaping), country geography, overview
tables and review of evidence, on small graphs whose answers can be checked by hand."""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import networkx as nx
import pytest

from clusternet.graph.reference import geo
from clusternet.graph.analytics import overview
from clusternet.graph.reference.countries import country_codes
from clusternet.graph.errors import ConfigError, NotFound
from clusternet.graph.curation import pending_reviews, record_decision
from clusternet.graph.render.evidence import evidence_snippet, snippet_markdown
from clusternet.graph.schema import load_schema
from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.graph.render.viz import (PHYSICS_MAX, cap_graph, colours, filter_graph, markdown_escape,
    network_data, network_html, positions)

from app_sample import DOC_TEXT, XSS_IMG, XSS_SCRIPT, build_sample_store  # noqa: E402


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_sample_store(tmp_path_factory.mktemp("viz") / "s.db")


@pytest.fixture(scope="module")
def G(store_path):
    with EmbeddedStore(store_path) as store:
        return store.snapshot()


def star(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("hub", label="Cluster", labels=("Cluster",), name="Hub", country="FR")
    for i in range(n):
        G.add_node(f"o{i:04d}", label="Organisation", labels=("Organisation",), name=f"O{i}",
                   country=["FR", "ES", "MA"][i % 3])
        G.add_edge(f"o{i:04d}", "hub", key="MEMBER_OF", type="MEMBER_OF")
    return G


def test_label_filter_counts_smes_as_organisations(G):
    assert sorted(filter_graph(G, labels=["Organisation"])) == ["org:formula-tn", "org:img-es", "org:md-de"]
    assert sorted(filter_graph(G, labels=["SME"])) == ["org:img-es"]


def test_country_group_and_sector_filters(G):
    south_med = filter_graph(G, groups=["South-Med"])
    assert "cluster:xss-ma" in south_med and "org:formula-tn" in south_med
    assert "cluster:techtera-fr" not in south_med
    assert sorted(filter_graph(G, countries=["FR"], groups=["EU27"])) == ["cluster:techtera-fr", "country:FR"]
    assert sorted(filter_graph(G, sectors=["Textiles"])) == ["cluster:techtera-fr", "cluster:xss-ma", "sector:textiles"]


def test_partnership_and_ego_filters(G):
    p = filter_graph(G, partnership="partnership:medtex")
    assert set(p) == {"partnership:medtex", "cluster:techtera-fr", "cluster:xss-ma", "org:img-es",
                      "org:formula-tn", "country:MA", "country:TN"}
    ego = filter_graph(G, center="org:md-de", depth=1)
    assert set(ego) == {"org:md-de", "cluster:techtera-fr", "country:DE"}
    assert "partnership:medtex" in filter_graph(G, center="org:md-de", depth=2)
    assert "doc:0000000000000001" not in filter_graph(G)  # documents hidden unless asked
    assert "doc:0000000000000001" in filter_graph(G, documents=True)
    with pytest.raises(ConfigError):
        filter_graph(G, center="org:nope")


def test_cap_keeps_most_connected_and_says_so():
    G = star(30)
    H, msg = cap_graph(G, 10, keep=["o0029"])
    assert H.number_of_nodes() == 10 and "hub" in H and "o0029" in H
    assert "31 nodes" in msg and "10 most connected" in msg
    assert cap_graph(G, 100) == (G, None)


def test_cap_aggregate_groups_by_label_and_country():
    H, msg = cap_graph(star(30), 5, mode="aggregate")
    assert sorted(H) == ["group:Cluster:FR", "group:Organisation:ES", "group:Organisation:FR", "group:Organisation:MA"]
    assert H.nodes["group:Organisation:ES"]["members"] == 10
    assert H.edges["group:Organisation:ES", "group:Cluster:FR", "MEMBER_OF"]["weight"] == 10
    assert "grouped" in msg


def test_layout_is_seeded_and_big_maps_have_physics_off():
    G = star(400)
    assert positions(G, seed=1) == positions(G, seed=1)
    assert positions(G, seed=1) != positions(G, seed=2)
    big, small = network_data(G), network_data(star(10))
    assert big["options"]["physics"]["enabled"] is False and len(big["nodes"]) > PHYSICS_MAX
    assert small["options"]["physics"]["enabled"] is True
    assert all(isinstance(n["x"], float) for n in big["nodes"])
    sizes = {n["id"]: n["value"] for n in big["nodes"]}
    assert sizes["hub"] == 400 and sizes["o0001"] == 1


def test_colours_and_legend_come_from_the_schema(G):
    schema = load_schema()
    colour, legend = colours(G, "label")
    assert colour["cluster:techtera-fr"] == schema.nodes["Cluster"].color
    assert colour["org:img-es"] == schema.nodes["SME"].color
    assert ("Cluster", schema.nodes["Cluster"].color, 2) in legend
    by_country, legend2 = colours(G, "country")
    assert by_country["cluster:techtera-fr"] != by_country["cluster:xss-ma"]
    assert {name for name, _, _ in legend2} >= {"FR", "MA"}


def test_titles_are_escaped_and_html_holds_no_markup_from_data(G):
    data = network_data(G)
    title = next(n["title"] for n in data["nodes"] if n["id"] == "cluster:xss-ma")
    assert html.escape(XSS_SCRIPT) in title and XSS_SCRIPT not in title
    page = network_html(G, title=XSS_IMG)
    assert XSS_IMG not in page and XSS_SCRIPT not in page
    assert f"<title>{html.escape(XSS_IMG)}</title>" in page


def test_markdown_escape_leaves_no_syntax():
    text = markdown_escape("*a* _b_ `c` $d$ [e](javascript:f) <g> :smile: # h\nnext")
    bare = re.sub(r"&#\d+;", "", text)  # what is left once character references are taken out
    assert not any(ch in bare for ch in "*_`$[]()<>:#\n")
    assert html.unescape(text) == "*a* _b_ `c` $d$ [e](javascript:f) <g> :smile: # h next"


def test_country_centroids_cover_every_country():
    missing = [c for c in country_codes() if geo.centroid(c) is None]
    assert missing == []
    lat, lon = geo.centroid("MA")
    assert 27 < lat < 36 and -13 < lon < -1


def test_cross_border_links_and_country_points(G):
    links = {(r["source"], r["target"]): r["links"] for r in geo.cross_border_links(G)}
    # four partners of MEDTEX in FR, MA, ES, TN: one link per pair; plus DE visiting FR
    assert links[("FR", "MA")] == 1 and links[("ES", "TN")] == 1 and links[("DE", "FR")] == 1
    assert len(links) == 7
    points = {p["iso2"]: p["actors"] for p in geo.country_points(G)}
    assert points == {"DE": 1, "ES": 1, "FR": 1, "MA": 1, "TN": 1}


def test_overview_tables(G):
    assert {r["label"]: r["nodes"] for r in overview.counts_by_label(G)}["Organisation"] == 3
    (p,) = overview.partnerships(G)
    assert p["members"] == 4 and p["member_countries"] == "ES, FR, MA, TN" and p["targets"] == "Morocco, Tunisia"
    (fact,) = overview.stated_facts(G)
    assert (fact["subject"], fact["measure"], fact["value"]) == ("Techtera", "member companies", 450)
    (doc,) = overview.ingested(G)
    assert doc["mentions"] == 2


def test_evidence_snippet_finds_the_sentence():
    s = DOC_TEXT.index(XSS_IMG)
    before, span, after = evidence_snippet(DOC_TEXT, s, s + len(XSS_IMG), expected=XSS_IMG)
    assert (before, span, after) == ("An uncertain partner, ", XSS_IMG, ", was mentioned once.")
    assert evidence_snippet(DOC_TEXT, s, s + 3, expected="something else") == ("", "something else", "")
    assert evidence_snippet(None, 0, 4, expected="Text") == ("", "Text", "")
    md = snippet_markdown(before, span, after)
    assert "<" not in md and md.count(":orange-background[") == 1


def test_review_decisions_are_recorded_and_leave_the_queue(G, tmp_path):
    path = build_sample_store(tmp_path / "r.db")
    with EmbeddedStore(path) as store:
        G = store.snapshot()
        pending = pending_reviews(G, store, threshold=0.6)
        ids = [p["id"] for p in pending]
        assert ids[:2] == ["org:img-es", "org:img-es|PARTNER_IN|partnership:medtex"]
        assert pending[0]["evidence"][0].text == XSS_IMG
        entry = record_decision(store, "org:img-es", "fix", fix={"country": "PT"}, note="checked", now="2024-06-01")
        assert entry["decision"] == "fix" and store.meta_get("review:org:img-es")["fix"] == {"country": "PT"}
        record_decision(store, "org:img-es|PARTNER_IN|partnership:medtex", "reject")
        assert [p["id"] for p in pending_reviews(G, store, threshold=0.6)] == ids[2:]
        with pytest.raises(ConfigError):
            record_decision(store, "org:img-es", "maybe")
        with pytest.raises(ConfigError):
            record_decision(store, "org:img-es", "fix")
        with pytest.raises(NotFound):
            record_decision(store, "org:nope", "accept")
        with pytest.raises(NotFound):
            record_decision(store, "org:img-es|VISITED|cluster:techtera-fr", "accept")
