"""The world map: country outlines in view, shading, arcs, a partnership's members and
targets, escaping and byte-stable output, on the sample store and graphs checked by hand."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from app_sample import XSS_SCRIPT, build_sample_store
from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.render.palette import EMPTY
from clusternet.graph.render.projection import DEFAULT_BOUNDS
from clusternet.graph.render.worldmap import map_data_from_counts, map_html, render_svg, world_map_svg
from clusternet.graph.store.sqlite import EmbeddedStore

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """The SVG as XML: a hostile name that broke the markup would fail here."""
    return ET.fromstring(svg)


def shapes(root: ET.Element, cls: str) -> dict[str, ET.Element]:
    """iso2 -> element for the paths/circles of one class; a code drawn twice fails."""
    out: dict[str, ET.Element] = {}
    for el in root.iter():
        if (el.get("class") or "").split()[:1] == [cls]:
            code = el.get("data-iso")
            assert code not in out, f"{code} drawn twice as {cls}"
            out[code] = el
    return out


def xs(d: str) -> list[float]:
    return [float(m) for m in re.findall(r"[ML](-?[\d.]+) ", d)]


def med_graph() -> nx.MultiDiGraph:
    """Three actors in France, one in Morocco, two in Spain; partnership P with the French
    and Spanish ones, targeting Morocco and Tunisia; one visit France -> Morocco."""
    G = nx.MultiDiGraph()
    for code, name in [("FR", "France"), ("MA", "Morocco"), ("ES", "Spain"), ("TN", "Tunisia")]:
        G.add_node(f"country:{code}", label="Country", labels=("Country",), name=name, country=code)
    actors = [("cluster:f1", "FR"), ("cluster:f2", "FR"), ("org:f3", "FR"), ("cluster:m1", "MA"),
              ("cluster:e1", "ES"), ("org:e2", "ES")]
    for n, c in actors:
        lab = "Cluster" if n.startswith("cluster") else "Organisation"
        G.add_node(n, label=lab, labels=(lab,), name=n.split(":")[1].upper(), country=c)
    G.add_node("partnership:p", label="Partnership", labels=("Partnership",), name="P")
    for m in ("cluster:f1", "cluster:e1"):
        G.add_edge(m, "partnership:p", key="PARTNER_IN", type="PARTNER_IN")
    for t in ("country:MA", "country:TN"):
        G.add_edge("partnership:p", t, key="TARGETS", type="TARGETS")
    G.add_edge("cluster:f2", "cluster:m1", key="VISITED", type="VISITED")
    return G


def test_every_country_in_view_has_one_path_and_only_actor_countries_are_shaded():
    root = parse(world_map_svg(med_graph()))
    countries = shapes(root, "country")
    # the frame is fitted around France, Spain, Morocco and Tunisia: their neighbours are in view,
    # the other side of the world is not
    assert {"FR", "ES", "MA", "TN", "PT", "IT", "DZ", "CH"} <= set(countries)
    assert not {"AU", "JP", "US", "BR"} & set(countries)
    shaded = {c for c, el in countries.items() if el.get("fill") != EMPTY}
    assert shaded == {"FR", "ES", "MA"}
    # three actors in France fall in a darker class than the one in Morocco
    assert countries["FR"].get("fill") != countries["MA"].get("fill")
    assert countries["FR"].find(f"{SVG}title").text == "France: 3 actors"
    assert countries["TN"].find(f"{SVG}title").text == "Tunisia: 0 actors"


def test_cross_border_links_are_arcs_wider_for_more_links():
    root = parse(world_map_svg(med_graph()))
    links = {el.find(f"{SVG}title").text: float(el.get("stroke-width"))
             for el in root.iter() if el.get("class") == "link"}
    # partners in P: one French and one Spanish actor -> 1 link; the visit France -> Morocco -> 1 link
    assert set(links) == {"Spain – France: 1 link", "France – Morocco: 1 link"}
    svg = render_svg(map_data_from_counts({"FR": 1, "DE": 1, "IT": 1}, links=[("FR", "DE", 9), ("IT", "FR", 1)]))
    widths = {el.find(f"{SVG}title").text: float(el.get("stroke-width"))
              for el in parse(svg).iter() if el.get("class") == "link"}
    assert widths["Germany – France: 9 links"] > widths["France – Italy: 1 link"]


def test_partnership_members_outlined_and_targets_hatched():
    root = parse(world_map_svg(med_graph(), "partnership:p"))
    assert set(shapes(root, "member")) == {"FR", "ES"}
    targets = shapes(root, "target")
    assert set(targets) == {"MA", "TN"}
    assert all(el.get("fill").startswith("url(#") for el in targets.values())
    countries = shapes(root, "country")
    assert countries["FR"].find(f"{SVG}title").text == "France: 3 actors; member country"
    assert countries["TN"].find(f"{SVG}title").text == "Tunisia: 0 actors; target market"
    legend = "".join(root.find(f"{SVG}g[@class='legend']").itertext())
    assert "member country" in legend and "target market" in legend and "actors per country" in legend
    without = parse(world_map_svg(med_graph()))
    assert not shapes(without, "member") and not shapes(without, "target")


def test_same_input_same_bytes():
    G = med_graph()
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert world_map_svg(G, "partnership:p") == world_map_svg(G, "partnership:p") == world_map_svg(H, "partnership:p")


def test_hostile_country_name_is_escaped():
    G = med_graph()
    G.nodes["country:FR"]["name"] = XSS_SCRIPT + "\x00\x1b & more"
    svg = world_map_svg(G)
    assert "<script" not in svg and "&lt;script&gt;" in svg
    countries = shapes(parse(svg), "country")   # still well-formed XML
    assert countries["FR"].find(f"{SVG}title").text.startswith(XSS_SCRIPT + " & more")
    page = map_html(svg, XSS_SCRIPT)
    assert "<script" not in page
    assert not re.search(r"https?://", page)    # nothing to fetch, not even the SVG namespace


def test_small_country_is_a_dot_and_bad_codes_are_refused():
    root = parse(render_svg(map_data_from_counts({"MT": 2, "IT": 1})))
    malta = shapes(root, "country")["MT"]
    assert malta.tag == f"{SVG}circle" and malta.get("fill") != EMPTY
    with pytest.raises(InputError, match="ZZ"):
        map_data_from_counts({"ZZ": 1})
    with pytest.raises(InputError, match="whole number"):
        map_data_from_counts({"FR": -1})
    with pytest.raises(InputError, match="links"):
        map_data_from_counts({"FR": 1}, links=[("FR", "XX", 1)])
    with pytest.raises(NotFound):
        world_map_svg(med_graph(), "partnership:nope")


def test_russia_is_not_drawn_across_the_map():
    # the outline file stitches Russia across the antimeridian; drawn naively its ring
    # would reach the western edge of a frame from France to Japan
    svg = render_svg(map_data_from_counts({"FR": 1, "JP": 1}))
    frame_w = float(re.search(r'viewBox="0 0 ([\d.]+)', svg)[1])
    russia = shapes(parse(svg), "country")["RU"]
    france = shapes(parse(svg), "country")["FR"]
    # Russia's westernmost point (Kaliningrad, about 19.6 E) lies east of France's
    assert min(xs(russia.get("d"))) > max(xs(france.get("d")))
    assert max(xs(russia.get("d"))) <= frame_w


def test_fixed_view_names_what_is_outside():
    svg = render_svg(map_data_from_counts({"FR": 2, "CA": 1}, links=[("CA", "FR", 1)]), bounds=DEFAULT_BOUNDS)
    root = parse(svg)
    assert not [el for el in root.iter() if el.get("class") == "link"]
    assert "outside this view: Canada (1 actor)" in "".join(root.itertext())


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory):
    path = build_sample_store(tmp_path_factory.mktemp("worldmap") / "s.db")
    with EmbeddedStore(path) as store:
        return store.snapshot()


def test_sample_store_map(sample_graph):
    root = parse(world_map_svg(sample_graph, "partnership:medtex"))
    countries = shapes(root, "country")
    # one actor each in France, Morocco, Spain, Tunisia and Germany (tests/helpers/app_sample.py)
    assert {c for c, el in countries.items() if el.get("fill") != EMPTY} == {"FR", "MA", "ES", "TN", "DE"}
    assert set(shapes(root, "member")) == {"FR", "MA", "ES", "TN"}
    assert set(shapes(root, "target")) == {"MA", "TN"}
    # four partners in four countries: 6 pairs; the German organisation visited the French cluster
    assert sum(1 for el in root.iter() if el.get("class") == "link") == 7


def test_what_cannot_be_placed_is_said_under_the_map():
    G = med_graph()
    G.add_node("cluster:nowhere", label="Cluster", labels=("Cluster",), name="N")            # no country
    G.add_node("cluster:odd", label="Cluster", labels=("Cluster",), name="O", country="QQ")  # no such code
    G.add_edge("cluster:odd", "partnership:p", key="PARTNER_IN", type="PARTNER_IN")
    notes = [el.text for el in parse(world_map_svg(G, "partnership:p")).iter(f"{SVG}text")
             if el.get("fill") == "#555555"]
    assert notes == ["1 actor in places the map cannot draw (QQ): not shown",
                     "1 actor with no country recorded: not on the map",
                     "member or target places the map cannot draw: QQ"]
