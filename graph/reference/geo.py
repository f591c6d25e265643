"""Countries on a map: centroids (data in ``graph/data/country_centroids.csv``), actors per
country and cross-border links between countries.

A cross-border link between two countries counts each pair of actors (clusters,
organisations, SMEs) in those countries that are related directly or are partners in the
same partnership.

>>> centroid("fr")
(46.23, 2.21)
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for i, c in (("a", "FR"), ("b", "MA"), ("c", "MA")):
...     G.add_node(i, label="Cluster", country=c)
>>> G.add_node("p", label="Partnership")
>>> for i in "abc":
...     _ = G.add_edge(i, "p", key="PARTNER_IN", type="PARTNER_IN")
>>> [(r["source"], r["target"], r["links"]) for r in cross_border_links(G)]
[('FR', 'MA', 2)]
"""
from __future__ import annotations

import csv
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import networkx as nx

from clusternet.graph.reference.countries import country_label
from clusternet.graph.schema import group

__all__ = ["CENTROIDS_PATH", "centroids", "centroid", "country_points", "cross_border_links"]

CENTROIDS_PATH = Path(__file__).resolve().parents[1] / "data" / "country_centroids.csv"


@lru_cache(maxsize=1)
def centroids() -> dict[str, tuple[float, float]]:
    """iso2 -> (lat, lon) for every country in the table."""
    with open(CENTROIDS_PATH, encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in rows}


def centroid(iso2: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a country's centre, or None for an unknown code."""
    return centroids().get(str(iso2 or "").upper())


def _is_actor(d: dict) -> bool:
    return bool(group("organisations") & set(d.get("labels") or (d.get("label"),)))


def country_points(G: nx.MultiDiGraph) -> list[dict]:
    """One row per country that has actors: iso2, name, lat, lon, actors (sorted by iso2)."""
    counts = Counter(d.get("country") for _, d in G.nodes(data=True) if _is_actor(d) and d.get("country"))
    rows = []
    for iso2, n in sorted(counts.items()):
        where = centroid(iso2)
        if where:
            rows.append({"iso2": iso2, "name": country_label(G, iso2), "lat": where[0], "lon": where[1], "actors": n})
    return rows


def cross_border_links(G: nx.MultiDiGraph) -> list[dict]:
    """Country pairs with cross-border links: source, target (iso2, sorted), links, coordinates."""
    pairs: Counter = Counter()
    country = {n: d.get("country") for n, d in G.nodes(data=True) if _is_actor(d) and d.get("country")}
    members: dict[str, Counter] = defaultdict(Counter)
    for u, v, k in G.edges(keys=True):
        if k == "PARTNER_IN" and u in country:
            members[v][country[u]] += 1
        elif u in country and v in country and country[u] != country[v]:
            pairs[tuple(sorted((country[u], country[v])))] += 1
    for per_country in members.values():
        for a, b in combinations(sorted(per_country), 2):
            pairs[(a, b)] += per_country[a] * per_country[b]
    rows = []
    for (a, b), n in sorted(pairs.items()):
        ca, cb = centroid(a), centroid(b)
        if ca and cb:
            rows.append({"source": a, "target": b, "links": n, "lat": ca[0], "lon": ca[1],
                         "lat2": cb[0], "lon2": cb[1]})
    return rows
