"""A static picture of the network (PNG or SVG) with matplotlib, for reports.

Same filters-free view as the interactive map: capped, seeded layout, schema colours,
sizes by degree; names drawn for the most connected nodes only. Output is byte-stable:
no dates in the metadata, a fixed SVG id salt.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b")])
>>> draw_map(G, "svg")[:5] == draw_map(G, "svg")[:5]
True
"""
from __future__ import annotations

import io
import re
import warnings

import networkx as nx

from clusternet.graph.errors import ConfigError
from clusternet.graph.render.viz import DEFAULT_CAP, cap_graph, colours, node_metric, positions

__all__ = ["draw_map"]

_LABELLED = 25  # names drawn for this many of the most connected nodes


def _display(text: str) -> str:
    # a picture, not data: characters a font cannot draw or SVG cannot hold become U+FFFD
    return re.sub(r"[\x00-\x1f\x7f\ud800-\udfff]", "\ufffd", text)[:40]


def draw_map(G: nx.MultiDiGraph, fmt: str = "png", *, seed: int = 0, title: str = "clusternet network",
             max_nodes: int | None = None, size_in: tuple[float, float] = (12.0, 9.0), dpi: int = 110) -> bytes:
    """The network drawn as PNG or SVG bytes."""
    if fmt not in ("png", "svg"):
        raise ConfigError(f"static map format must be png or svg, not {fmt!r}")
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    H, message = cap_graph(G, max_nodes or DEFAULT_CAP)
    pos = positions(H, seed)
    deg = node_metric(H, "degree")
    colour, legend = colours(H, "label")
    nodes = sorted(H, key=str)
    fig = Figure(figsize=size_in, dpi=dpi)
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.92))
    ax.set_axis_off()
    with matplotlib.rc_context({"svg.hashsalt": "clusternet", "svg.fonttype": "path", "path.simplify": True}):
        segs = [(pos[u], pos[v]) for u, v in sorted(H.edges(), key=lambda e: (str(e[0]), str(e[1]))) if u != v]
        if segs:
            from matplotlib.collections import LineCollection

            ax.add_collection(LineCollection(segs, colors="#bbbbbb", linewidths=0.5, zorder=1))
        if nodes:
            top = max(deg.values()) or 1.0
            ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
                       s=[12 + 180 * (deg[n] / top) for n in nodes], c=[colour[n] for n in nodes],
                       edgecolors="white", linewidths=0.4, zorder=2)
            for n in sorted(nodes, key=lambda x: (-deg[x], str(x)))[:_LABELLED]:
                ax.text(pos[n][0], pos[n][1], _display(str(H.nodes[n].get("name") or n)), fontsize=7,
                        zorder=3, parse_math=False, ha="center", va="bottom")
            ax.autoscale_view()
            ax.margins(0.12)
        handles = []
        from matplotlib.lines import Line2D

        for name, c, count in legend:
            handles.append(Line2D([], [], marker="o", linestyle="", color=c, label=f"{_display(name)} ({count:,})"))
        if handles:
            ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=False)
        head = _display(title) if len(title) <= 40 else _display(title[:80])
        shown = f"\nshowing the {H.number_of_nodes():,} most connected of {G.number_of_nodes():,} nodes" if message else ""
        fig.suptitle(head + shown, fontsize=10)
        buf = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # missing-glyph warnings for exotic scripts
            if fmt == "png":
                fig.savefig(buf, format="png", metadata={"Software": None})
            else:
                fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
