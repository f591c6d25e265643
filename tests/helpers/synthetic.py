"""A seeded synthetic graph for load, fault and concurrency tests (and bench/)."""
from __future__ import annotations

import random

from clusternet.graph.model import Evidence, Node, Rel

COUNTRIES = ["FR", "ES", "IT", "DE", "MA", "TN", "BR", "PT", "BE", "EG"]


def synthetic_graph(n_nodes: int, n_rels: int, seed: int = 7, key_offset: int = 0, tag: str = "s"):
    """``n_nodes`` organisations/clusters and ``n_rels`` MEMBER_OF/VISITED relationships.

    ``key_offset`` shifts the id range, so two calls can overlap by a chosen share of keys.
    Node properties depend only on the id, so overlapping writers agree on content.
    """
    rnd = random.Random(seed)
    nodes = []
    for i in range(key_offset, key_offset + n_nodes):
        label = ("Cluster",) if i % 5 == 0 else (("Organisation", "SME") if i % 7 == 0 else ("Organisation",))
        country = COUNTRIES[i % len(COUNTRIES)]
        nodes.append(Node(f"{'cluster' if i % 5 == 0 else 'org'}:n{i}", label,
                          {"name": f"Entity {i}", "country": country, "aliases": [f"E{i}"]},
                          [Evidence("doc:synthetic", i, i + 5, f"row {i}")], 1.0))
    ids = [n.id for n in nodes]
    clusters = [n.id for n in nodes if n.labels == ("Cluster",)]
    rels, seen = [], set()
    while len(rels) < n_rels and clusters:
        a = ids[rnd.randrange(len(ids))]
        if rnd.random() < 0.5:
            b, t = clusters[rnd.randrange(len(clusters))], "MEMBER_OF"
        else:
            b, t = ids[rnd.randrange(len(ids))], "VISITED"
        if a == b or (a, t, b) in seen:
            continue
        seen.add((a, t, b))
        rels.append(Rel(a, t, b, {"since": 2000 + (len(rels) % 20)} if t == "MEMBER_OF" else {}))
    return nodes, rels
