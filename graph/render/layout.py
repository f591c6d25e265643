"""Seeded node positions for the network maps (interactive and static).

Small graphs use networkx's spring layout; above 300 nodes a numpy Fruchterman-Reingold
with repulsion from the nearest nodes only (a k-d tree) keeps the work per node constant,
where networkx's spring layout takes seconds on 1,500 nodes. Coordinates are rounded so
a file built from them is byte-stable.

>>> import networkx as nx
>>> positions(nx.MultiDiGraph([("a", "b")]), seed=1) == positions(nx.MultiDiGraph([("a", "b")]), seed=1)
True
"""
from __future__ import annotations

import math

import networkx as nx

__all__ = ["positions"]

_NEIGHBOURS = 16  # each node is pushed away by this many nearest others
_SMALL = 300


def _grid_layout(n: int, edges, seed: int, iterations: int = 60):
    """Fruchterman-Reingold with repulsion from the nearest nodes only (a k-d tree), in numpy.

    networkx's spring layout takes seconds on 1,500 nodes; this takes a fraction of one.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    rng = np.random.RandomState(seed)
    side = math.sqrt(n) * 1.2
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    temp = side / 8
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        # repulsion from the nearest nodes only: constant work per node however dense it gets
        _, near = cKDTree(pos).query(pos, k=min(n, _NEIGHBOURS + 1))
        i = np.repeat(np.arange(n), near.shape[1] - 1)
        j = near[:, 1:].ravel()
        ok = j < n
        i, j = i[ok], j[ok]
        d = pos[i] - pos[j]
        f = d / np.maximum((d * d).sum(1), 1e-4)[:, None]  # repulsion 1/dist, from j onto i
        for col in (0, 1):
            disp[:, col] += np.bincount(i, f[:, col], n)
        if len(e):
            u, v = e[:, 0], e[:, 1]
            d = pos[u] - pos[v]
            f = d * np.sqrt(np.maximum((d * d).sum(1), 1e-8))[:, None]  # attraction dist^2
            for col in (0, 1):
                disp[:, col] += np.bincount(v, f[:, col], n) - np.bincount(u, f[:, col], n)
        disp -= 0.02 * pos * np.sqrt((pos * pos).sum(1))[:, None] / side  # keeps components together
        length = np.sqrt(np.maximum((disp * disp).sum(1), 1e-12))
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp -= cool
    return pos / (side / 2)


def positions(G: nx.MultiDiGraph, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Seeded force layout in pixel-like units, rounded so files are byte-stable.

    >>> positions(nx.MultiDiGraph([("a", "b")])) == positions(nx.MultiDiGraph([("a", "b")]))
    True
    """
    nodes = sorted(G, key=str)
    if not nodes:
        return {}
    n = len(nodes)
    index = {x: i for i, x in enumerate(nodes)}
    pairs = sorted({(index[u], index[v]) for u, v in G.edges() if u != v})
    if n <= _SMALL:
        U = nx.Graph()
        U.add_nodes_from(range(n))
        U.add_edges_from(pairs)
        raw = nx.spring_layout(U, seed=seed, k=1.5 / math.sqrt(n) if n > 1 else None)
        coords = [raw[i] for i in range(n)]
    else:
        coords = _grid_layout(n, pairs, seed)
    scale = max(300.0, 45.0 * math.sqrt(n))
    return {x: (round(float(c[0]) * scale, 1), round(float(c[1]) * scale, 1)) for x, c in zip(nodes, coords)}
