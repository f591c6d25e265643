"""The interactive network map: filter, cap, lay out, colour and render a snapshot.

The map is vis-network (the library pyvis wraps), drawn from data this module prepares:

* filters by label, country, country group, sector, partnership and ego network;
* above ``max_nodes`` (default 1,500) the graph is cut to its most connected nodes, or
  aggregated to one node per (label, country), with a message saying so;
* positions are computed here, seeded, so the same graph gives the same picture and the
  same file; physics is off for big graphs (the browser need not simulate);
* colours and the legend come from ``graph/schema.yaml`` (or a palette per country),
  sizes from degree or a centrality.

Rendering is offline and escaped: the page inlines the vis-network script and stylesheet
shipped inside the pyvis package (pyvis' own template loads Bootstrap from a CDN, so it is
not used), forbids every network fetch with a Content-Security-Policy, HTML-escapes every
title (vis-network tooltips are built as HTML here) and heading, and embeds data as JSON
with ``<``, ``>`` and ``&`` escaped, so a name such as ``<script>alert(1)</script>`` shows
as text.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("org:x", label="Organisation", labels=("Organisation",), name="<b>X</b>", country="FR")
>>> G.add_node("country:FR", label="Country", labels=("Country",), name="France", country="FR")
>>> _ = G.add_edge("org:x", "country:FR", key="LOCATED_IN", type="LOCATED_IN")
>>> data = network_data(G)
>>> [n["id"] for n in data["nodes"]], data["nodes"][1]["title"].split("<br>")[0]
(['country:FR', 'org:x'], '<b>&lt;b&gt;X&lt;/b&gt;</b>')
>>> "<b>X</b>" in network_html(G)
False
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import networkx as nx

from clusternet.graph.errors import ConfigError
from clusternet.graph.render.layout import positions
from clusternet.graph.schema import LABEL, load_schema

__all__ = ["DEFAULT_CAP", "SIZE_BY", "COLOUR_BY", "filter_graph", "cap_graph", "positions",
           "node_metric", "colours", "network_data", "network_html", "markdown_escape",
           "vis_assets"]

DEFAULT_CAP = 1_500
SIZE_BY = ("degree", "pagerank", "betweenness")
COLOUR_BY = ("label", "country")
PHYSICS_MAX = 200
_NEIGHBOURS = 16  # layout: each node is pushed away by this many nearest others  # above this many nodes the browser shows the precomputed layout as it is
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896",
            "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5")
_OTHER = "#d9d9d9"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def markdown_escape(text: object) -> str:
    """Text that Markdown (and Streamlit's extensions: math, emoji, colours) shows literally.

    Every ASCII punctuation mark becomes an HTML character reference, which Markdown
    decodes to the character itself without reading it as syntax.

    >>> markdown_escape("<script>*x* $1 [a](b)")
    '&#60;script&#62;&#42;x&#42; &#36;1 &#91;a&#93;&#40;b&#41;'
    """
    out = []
    for ch in str(text):
        if ch in "\r\n\t":
            out.append(" ")
        elif ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append("\ufffd")
        elif ch.isascii() and not ch.isalnum() and ch != " ":
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


# -- filtering -------------------------------------------------------------------------------
def _countries_in_groups(G: nx.MultiDiGraph, groups: set[str]) -> set[str]:
    codes = {d.get("iso2") or d.get("country") for _, d in G.nodes(data=True)
             if d.get("label") == LABEL.Country and groups & set(d.get("groups") or ())}
    if not codes:
        from clusternet.graph.reference.countries import country_codes, groups_of

        codes = {c for c in country_codes() if groups & set(groups_of(c))}
    return {c for c in codes if c}


def _sector_match(G: nx.MultiDiGraph, n, d, sectors: set[str]) -> bool:
    if sectors & set(d.get("sectors") or ()):
        return True
    if d.get("label") == LABEL.Sector:
        return bool(sectors & {n, d.get("name")})
    for _, t, k in G.out_edges(n, keys=True):
        if k == "ACTIVE_IN" and sectors & {t, G.nodes[t].get("name")}:
            return True
    return False


def filter_graph(G: nx.MultiDiGraph, *, labels: Iterable[str] = (), countries: Iterable[str] = (),
                 groups: Iterable[str] = (), sectors: Iterable[str] = (), partnership: str | None = None,
                 center: str | None = None, depth: int = 1, documents: bool = False) -> nx.MultiDiGraph:
    """The part of ``G`` the filters select (a read-only view). Empty filters select everything.

    ``center``/``partnership`` first cut the graph to the ego network (``depth`` hops, any
    direction; a partnership with its direct neighbours); the other filters then apply to
    the remaining nodes, the centre always kept. Document nodes are left out unless
    ``documents`` is true.

    >>> G = nx.MultiDiGraph([("a", "p"), ("b", "p"), ("c", "d")])
    >>> sorted(filter_graph(G, partnership="p"))
    ['a', 'b', 'p']
    """
    keep = set(G)
    anchors = [a for a in (center, partnership) if a]
    for a in anchors:
        if a not in G:
            raise ConfigError(f"no node {a!r} in the graph")
        radius = 1 if a == partnership and a != center else max(0, int(depth))
        keep &= set(nx.ego_graph(G.to_undirected(as_view=True), a, radius=radius))
    labels, countries, groups, sectors = set(labels), set(countries), set(groups), set(sectors)
    if groups:
        countries = (countries & _countries_in_groups(G, groups)) if countries else _countries_in_groups(G, groups)
    out = set()
    for n in keep:
        d = G.nodes[n]
        if n in anchors:
            out.add(n)
            continue
        if not documents and d.get("label") == LABEL.Document:
            continue
        if labels and not labels & set(d.get("labels") or (d.get("label"),)):
            continue
        if (countries or groups) and d.get("country") not in countries:
            continue
        if sectors and not _sector_match(G, n, d, sectors):
            continue
        out.add(n)
    return G if len(out) == len(G) else G.subgraph(out)


def _undirected_degree(G: nx.MultiDiGraph) -> dict:
    return {n: G.degree(n) for n in G}


def cap_graph(G: nx.MultiDiGraph, max_nodes: int = DEFAULT_CAP, *, mode: str = "top",
              keep: Iterable[str] = ()) -> tuple[nx.MultiDiGraph, str | None]:
    """At most ``max_nodes`` nodes, and a message when some were left out or grouped.

    ``mode="top"`` keeps the most connected nodes (ties by id, ``keep`` always kept);
    ``mode="aggregate"`` shows one node per (label, country) sized by how many it stands for.

    >>> G = nx.MultiDiGraph([(str(i), "hub") for i in range(9)])
    >>> H, msg = cap_graph(G, 3)
    >>> sorted(H), msg.split(";")[0]
    (['0', '1', 'hub'], 'The selection has 10 nodes')
    """
    n = G.number_of_nodes()
    if n <= max_nodes:
        return G, None
    if mode == "aggregate":
        H = _aggregate(G)
        if H.number_of_nodes() <= max_nodes:
            return H, (f"The selection has {n:,} nodes, more than the {max_nodes:,} the map shows; "
                       f"they are grouped into {H.number_of_nodes():,} nodes, one per label and country. "
                       "Narrow the filters to see single organisations.")
        G = H
    elif mode != "top":
        raise ConfigError(f"unknown cap mode {mode!r}; use 'top' or 'aggregate'")
    deg = _undirected_degree(G)
    must = [k for k in keep if k in G]
    ranked = sorted((x for x in G if x not in must), key=lambda x: (-deg[x], str(x)))
    chosen = must + ranked[: max(0, max_nodes - len(must))]
    msg = (f"The selection has {n:,} nodes; the map shows the {len(chosen):,} most connected. "
           "Narrow the filters (label, country, ego network) to see the rest.")
    return G.subgraph(sorted(chosen, key=str)).copy(), msg


def _aggregate(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    group = {n: (d.get("label") or "?", d.get("country") or "–") for n, d in G.nodes(data=True)}
    sizes = Counter(group.values())
    H = nx.MultiDiGraph()
    for (label, country), count in sorted(sizes.items()):
        H.add_node(f"group:{label}:{country}", label=label, labels=(label,), country=None if country == "–" else country,
                   name=f"{label} · {country} ({count:,})", members=count)
    weights = Counter()
    for u, v, k in G.edges(keys=True):
        gu, gv = group[u], group[v]
        if gu != gv:
            weights[(f"group:{gu[0]}:{gu[1]}", k, f"group:{gv[0]}:{gv[1]}")] += 1
    for (u, k, v), w in sorted(weights.items()):
        H.add_edge(u, v, key=k, type=k, weight=w)
    return H


# -- sizes, colours ----------------------------------------------------------------------------
def node_metric(G: nx.MultiDiGraph, by: str = "degree", seed: int = 0) -> dict:
    """Degree, PageRank or (sampled, seeded) betweenness of each node."""
    if by == "degree":
        return {n: float(d) for n, d in G.degree()}
    simple = nx.Graph(G)
    if by == "pagerank":
        return nx.pagerank(simple) if simple.number_of_edges() else {n: 1.0 for n in G}
    if by == "betweenness":
        k = min(len(simple), 200) or None
        return nx.betweenness_centrality(simple, k=k, seed=seed)
    raise ConfigError(f"unknown size measure {by!r}; choose one of {', '.join(SIZE_BY)}")


def colours(G: nx.MultiDiGraph, by: str = "label") -> tuple[dict, list[tuple[str, str, int]]]:
    """Colour per node and the legend ``[(name, colour, count)]``, from the schema or per country."""
    if by == "label":
        schema = load_schema()
        key = {n: d.get("label") or "?" for n, d in G.nodes(data=True)}
        counts = Counter(key.values())

        def colour_of(label):
            """The schema's colour of ``label``, or the fallback for an unknown label or a malformed colour."""
            c = schema.nodes[label].color if label in schema.nodes else _OTHER
            return c if _HEX.match(c) else _OTHER
        palette = {label: colour_of(label) for label in counts}
        legend = [(lab, palette[lab], counts[lab]) for lab in schema.nodes if lab in counts]
        legend += [(lab, palette[lab], c) for lab, c in sorted(counts.items()) if lab not in schema.nodes]
    elif by == "country":
        key = {n: d.get("country") or "none" for n, d in G.nodes(data=True)}
        counts = Counter(key.values())
        top = [c for c, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if c != "none"][: len(_PALETTE)]
        palette = {c: _PALETTE[i] for i, c in enumerate(sorted(top))}
        legend = [(c, palette[c], counts[c]) for c in sorted(top)]
        rest = sum(v for c, v in counts.items() if c not in palette)
        if rest:
            legend.append(("other / none", _OTHER, rest))
    else:
        raise ConfigError(f"unknown colour scheme {by!r}; choose one of {', '.join(COLOUR_BY)}")
    return {n: palette.get(k, _OTHER) for n, k in key.items()}, legend


# -- data and HTML ------------------------------------------------------------------------------
def _title(n: str, d: dict) -> str:
    """Tooltip HTML; every piece of data escaped."""
    e = html.escape
    parts = [f"<b>{e(str(d.get('name') or n))}</b>", e(" · ".join(str(x) for x in (d.get("label"), d.get("country")) if x))]
    if d.get("members") and str(n).startswith("group:"):  # a group node; a cluster's "members" is its member count
        parts.append(f"stands for {int(d['members']):,} nodes")
    return "<br>".join(p for p in parts if p)


def _short(text: str, limit: int = 40) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def network_data(G: nx.MultiDiGraph, *, size_by: str = "degree", colour_by: str = "label", seed: int = 0,
                 max_nodes: int = DEFAULT_CAP, cap_mode: str = "top", keep: Iterable[str] = ()) -> dict:
    """Nodes, edges (vis-network/pyvis dicts), legend, message and options for the map."""
    H, message = cap_graph(G, max_nodes, mode=cap_mode, keep=keep)
    pos = positions(H, seed)
    metric = node_metric(H, size_by, seed)
    colour, legend = colours(H, colour_by)
    nodes = []
    for n in sorted(H, key=str):
        d = H.nodes[n]
        x, y = pos[n]
        value = (d.get("members") if str(n).startswith("group:") else None) or metric.get(n, 0.0)
        nodes.append({"id": str(n), "label": _short(str(d.get("name") or n)), "title": _title(n, d),
                      "color": colour[n], "value": round(float(value), 6), "x": x, "y": y, "shape": "dot"})
    edges, rels = [], load_schema().rels
    for u, v, k, d in sorted(H.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[2]), str(e[1]))):
        t = str(d.get("type", k))
        words = rels[t].words if t in rels else t  # the plain phrase ("partner in"), never the code
        edge = {"from": str(u), "to": str(v), "title": html.escape(words)}
        if d.get("weight"):
            edge["value"] = int(d["weight"])
        edges.append(edge)
    big = len(nodes) > PHYSICS_MAX
    options = {
        "physics": {"enabled": not big, "stabilization": {"iterations": 150}},
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "navigationButtons": False},
        "nodes": {"shape": "dot", "font": {"size": 12},
                  "scaling": {"min": 6, "max": 36, "label": {"enabled": True, "min": 9, "max": 22, "drawThreshold": 7}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "smooth": False,
                  "color": {"color": "#b8b8b8", "highlight": "#555555", "inherit": False}},
    }
    return {"nodes": nodes, "edges": edges, "legend": legend, "message": message, "options": options,
            "total_nodes": G.number_of_nodes(), "shown_nodes": len(nodes)}


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(script, stylesheet) of vis-network as shipped inside the pyvis package."""
    import pyvis

    base = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js, css = base / "vis-network.min.js", base / "vis-network.css"
    if not js.exists() or not css.exists():
        raise ConfigError(f"vis-network files not found in the pyvis package at {base}")
    return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")


def _script_json(obj) -> str:
    """JSON safe inside a <script> element (no tag can close it, no line separators)."""
    text = json.dumps(obj, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; form-action 'none'")

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fff}}
header{{padding:6px 12px}} h1{{font-size:1.1rem;margin:4px 0}}
.msg{{background:#fff4ce;border:1px solid #e6c35c;padding:4px 8px;margin:4px 0;font-size:.85rem}}
#net{{width:100%;height:{height}px;border-top:1px solid #ddd;border-bottom:1px solid #ddd}}
ul.legend{{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.8rem}}
ul.legend span{{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}}
#sel{{font-size:.85rem;padding:4px 12px;min-height:1.2em}}
div.vis-tooltip{{max-width:360px;white-space:normal}}
</style></head>
<body><header>{heading}{message}<ul class="legend">{legend}</ul></header>
<div id="net"></div><div id="sel"></div>
<script>{js}</script>
<script>
(function () {{
  var data = {data};
  function asElement(title) {{
    var el = document.createElement("div");
    el.innerHTML = title;  /* titles are built from HTML-escaped data only */
    return el;
  }}
  data.nodes.forEach(function (n) {{ if (n.title) n.title = asElement(n.title); }});
  data.edges.forEach(function (e) {{ if (e.title) e.title = asElement(e.title); }});
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("net"), {{nodes: nodes, edges: edges}}, data.options);
  var byId = {{}};
  data.nodes.forEach(function (n) {{ byId[n.id] = n; }});
  var link = {link};  /* the app's profile page, or null in a standalone map */
  network.on("selectNode", function (p) {{
    var n = byId[p.nodes[0]];
    document.getElementById("sel").textContent = n ? "Selected: " + n.fullname + " (" + n.id + ")" +
      (link && n.linkable ? " \u2014 double-click to open its profile" : "") : "";
  }});
  network.on("doubleClick", function (p) {{
    var n = byId[p.nodes[0]];
    if (link && n && n.linkable) window.open(link + encodeURIComponent(n.id), "_blank", "noopener");
  }});
  window.clusternetNetwork = network;
}})();
</script></body></html>
"""


def network_html(G: nx.MultiDiGraph, *, title: str = "clusternet network", size_by: str = "degree",
                 colour_by: str = "label", seed: int = 0, max_nodes: int = DEFAULT_CAP, cap_mode: str = "top",
                 keep: Iterable[str] = (), height: int = 650, heading: bool = True,
                 profile_link: str | None = None) -> str:
    """A standalone page showing the map; works offline, loads nothing from anywhere.

    ``profile_link`` is a URL prefix (the app passes ``"profile?id="``): double-clicking a
    node of the graph opens the prefix plus its URL-encoded id in a new tab. Without it
    (exported maps) a double-click does nothing.
    """
    data = network_data(G, size_by=size_by, colour_by=colour_by, seed=seed, max_nodes=max_nodes,
                        cap_mode=cap_mode, keep=keep)
    for n in data["nodes"]:
        n["fullname"] = str(G.nodes[n["id"]].get("name") or n["id"]) if n["id"] in G else n["label"]
        n["linkable"] = n["id"] in G          # aggregate nodes ("12 Organisation, FR") have no profile
    js, css = vis_assets()
    e = html.escape
    legend = "".join(f'<li><span style="background:{c}"></span>{e(str(name))} ({count:,})</li>'
                     for name, c, count in data["legend"])
    return _PAGE.format(
        csp=_CSP, title=e(title), css=css, height=int(height), js=js, legend=legend,
        heading=f"<h1>{e(title)}</h1>" if heading else "",
        message=f'<p class="msg">{e(data["message"])}</p>' if data["message"] else "",
        data=_script_json({"nodes": data["nodes"], "edges": data["edges"], "options": data["options"]}),
        link=_script_json(profile_link))
