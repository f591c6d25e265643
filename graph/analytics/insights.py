"""Network insights on the product graph: brokers, bridges between regions, communities,
the country collaboration matrix, a partnership's coverage and a what-if for a candidate.

All work on the organisation co-participation network (organisations linked when they
share a partnership, event or agreement, or link directly), built from the same
:class:`~clusternet.graph.linkpred.CollabIndex` the recommender uses.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for o, c in [("a", "FR"), ("b", "FR"), ("c", "MA"), ("d", "MA")]:
...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
>>> for p, ms in [("p1", "ab"), ("p2", "bc"), ("p3", "cd")]:
...     G.add_node(p, label="Partnership", name=p)
...     for m in ms:
...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
>>> [(r["id"], r["betweenness"]) for r in brokers(G, k=2)]
[('b', 0.6667), ('c', 0.6667)]
>>> int(country_matrix(G).loc["FR", "MA"])
1
"""
from __future__ import annotations

from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd

from clusternet.graph.errors import ConfigError, InputError, NotFound
from clusternet.graph.analytics.explain import node_name
from clusternet.graph.analytics.linkpred import CollabIndex, org_topics
from clusternet.graph.analytics.suggest import partnership_members, prepare
from clusternet.graph.schema import LABEL

__all__ = ["insight", "INSIGHTS", "collaboration_graph", "brokers", "region_bridges", "communities", "country_matrix",
           "coverage", "what_if", "country_groups"]

EXACT_BETWEENNESS_MAX = 2000     # above this many organisations, sample pivots (seeded)


def collaboration_graph(G, index: CollabIndex | None = None) -> nx.Graph:
    """Undirected organisation graph; edge ``weight`` = number of shared groups.

    ``index`` is the :class:`CollabIndex` of ``G`` if at hand (else it is built).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> sorted(collaboration_graph(G).edges(data="weight"))
    [('a', 'b', 1.0), ('a', 'c', 1.0), ('b', 'c', 1.0), ('c', 'd', 1.0), ('d', 'e', 1.0)]
    """
    idx = index if index is not None else prepare(G)
    H = nx.Graph()
    H.add_nodes_from(idx.ids)
    W = idx.W.tocoo()
    H.add_weighted_edges_from((idx.ids[i], idx.ids[j], float(w)) for i, j, w in zip(W.row, W.col, W.data) if i < j)
    return H


def brokers(G, k: int = 20, *, seed: int = 0, index: CollabIndex | None = None) -> list[dict]:
    """Organisations that bridge otherwise separate partners, most central first.

    Betweenness centrality [1]_ (sampled with ``seed`` on large graphs), with Burt's
    constraint and effective size [2]_ for the top ``k`` (low constraint, high effective
    size = a broker between structural holes).

    Returns one dict per organisation: ``id``, ``name``, ``country``, ``degree``,
    ``betweenness``, ``constraint``, ``effective_size`` (None where undefined).

    Examples
    --------
    c lies on the shortest paths of four of the six pairs not involving it, d on three:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> [(r["id"], r["betweenness"]) for r in brokers(G, k=2)]
    [('c', 0.6667), ('d', 0.5)]

    References
    ----------
    .. [1] U. Brandes. A faster algorithm for betweenness centrality (2001).
    .. [2] R. S. Burt. Structural Holes: The Social Structure of Competition (1992).
    """
    H = collaboration_graph(G, index)
    if H.number_of_nodes() == 0:
        return []
    sample = None if H.number_of_nodes() <= EXACT_BETWEENNESS_MAX else 256
    bc = nx.betweenness_centrality(H, k=sample, seed=seed, normalized=True)
    top = sorted(bc, key=lambda n: (-bc[n], n))[:k]
    cons = nx.constraint(H, top, weight="weight")
    eff = nx.effective_size(H, top, weight="weight")
    return [{"id": n, "name": node_name(G, n), "country": G.nodes[n].get("country"),
             "degree": H.degree(n), "betweenness": round(bc[n], 4),
             "constraint": None if np.isnan(cons[n]) else round(cons[n], 4),
             "effective_size": None if np.isnan(eff[n]) else round(eff[n], 4)} for n in top]


def country_groups(G) -> dict[str, list[str]]:
    """ISO2 code -> groups (``EU27``, ``South-Med``, ...) from the Country nodes.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:MA", label="Country", country="MA", groups=["South-Med"])
    >>> G.add_node("country:XK", label="Country")
    >>> country_groups(G)
    {'MA': ['South-Med'], 'XK': []}
    """
    return {d.get("country") or d.get("iso2") or n.split(":", 1)[-1]: list(d.get("groups") or [])
            for n, d in G.nodes(data=True) if d.get("label") == LABEL.Country}


def region_bridges(G, group_a: str = "EU27", group_b: str = "South-Med", k: int = 20, *,
                   index: CollabIndex | None = None) -> dict:
    """Links between two country groups: how many, and the organisations carrying them.

    Returns ``{"links": int, "pairs": [...], "bridges": [...]}``: the organisation pairs
    across the two groups (strongest first) and the organisations with most partners on
    the other side.

    Raises
    ------
    InputError : no Country node carries ``group_a``, or none carries ``group_b``.

    Examples
    --------
    Of the five links, only c-d joins an EU country (IT) with a South-Med one (MA):

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> for c, gs in [("FR", ["EU27"]), ("IT", ["EU27"]), ("MA", ["South-Med"])]:
    ...     G.add_node(f"country:{c}", label="Country", country=c, groups=gs)
    >>> r = region_bridges(G, "EU27", "South-Med")
    >>> r["links"], [(x["a"], x["b"]) for x in r["pairs"]], [x["id"] for x in r["bridges"]]
    (1, [('c', 'd')], ['c', 'd'])
    """
    groups = country_groups(G)
    side = {}
    for c, gs in groups.items():
        if group_a in gs:
            side[c] = "a"
        elif group_b in gs:
            side[c] = "b"
    if not any(s == "a" for s in side.values()) or not any(s == "b" for s in side.values()):
        raise InputError(f"{group_a} / {group_b}", "no Country nodes carry both groups in `groups`")
    H = collaboration_graph(G, index)
    pairs, across = [], Counter()
    for u, v, w in H.edges(data="weight"):
        su, sv = side.get(G.nodes[u].get("country")), side.get(G.nodes[v].get("country"))
        if su and sv and su != sv:
            a, b = (u, v) if su == "a" else (v, u)
            pairs.append((w, a, b))
            across[a] += 1
            across[b] += 1
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    return {"links": len(pairs),
            "pairs": [{"a": a, "a_name": node_name(G, a), "b": b, "b_name": node_name(G, b), "weight": w}
                      for w, a, b in pairs[:k]],
            "bridges": [{"id": n, "name": node_name(G, n), "country": G.nodes[n].get("country"), "partners_across": c}
                        for n, c in sorted(across.items(), key=lambda t: (-t[1], t[0]))[:k]]}


def communities(G, *, seed: int = 0, resolution: float = 1.0, index: CollabIndex | None = None) -> list[dict]:
    """Louvain communities [3]_ of the collaboration network (seeded), largest first.

    Returns one dict per community: ``community`` (0 = largest), ``size``, ``members``
    (sorted ids) and the three most frequent member countries; isolated organisations
    belong to none.

    The triangle a-b-c and the pair d-e, joined by the single link c-d:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> [c["members"] for c in communities(G)]
    [['a', 'b', 'c'], ['d', 'e']]

    .. [3] V. D. Blondel et al. Fast unfolding of communities in large networks (2008).
    """
    H = collaboration_graph(G, index)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_edges() == 0:
        return []
    parts = nx.community.louvain_communities(H, weight="weight", seed=seed, resolution=resolution)
    out = []
    for i, c in enumerate(sorted(parts, key=lambda c: (-len(c), min(c)))):
        countries = Counter(G.nodes[n].get("country") for n in c if G.nodes[n].get("country"))
        out.append({"community": i, "size": len(c), "members": sorted(c),
                    "top_countries": [x for x, _ in countries.most_common(3)]})
    return out


def country_matrix(G, *, index: CollabIndex | None = None) -> pd.DataFrame:
    """Country x country count of collaborating organisation pairs (symmetric).

    A pair inside one country is counted once, on the diagonal.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> country_matrix(G).values.tolist()           # FR, IT, MA: a-b; a-c b-c; c-d; d-e
    [[1, 2, 0], [2, 0, 1], [0, 1, 1]]
    """
    idx = index if index is not None else prepare(G)
    E = (idx.C.T @ idx.A @ idx.C).toarray()
    np.fill_diagonal(E, np.diag(E) / 2)          # pairs inside a country were counted twice
    return pd.DataFrame(E.astype(int), index=idx.countries, columns=idx.countries)


def coverage(G, partnership: str, extra: list[str] = ()) -> dict:
    """Countries, country groups and sectors a partnership's members cover, and which of
    its target countries they leave uncovered (``extra`` = hypothetical new members).

    Raises
    ------
    NotFound : no node ``partnership``; InputError : the node is no Partnership.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> _ = G.add_edge("p1", "country:MA", key="TARGETS", type="TARGETS")
    >>> c = coverage(G, "p1")
    >>> c["members"], c["countries"], c["targets_uncovered"]
    (3, ['FR', 'IT'], ['MA'])
    >>> coverage(G, "p1", ["d"])["targets_uncovered"]
    []
    """
    members = partnership_members(G, partnership) + [m for m in extra if m in G]
    groups = country_groups(G)
    countries = sorted({G.nodes[m].get("country") for m in members if G.nodes[m].get("country")})
    targets = sorted(t.split(":", 1)[1] for _, t, k in G.out_edges(partnership, keys=True) if k == "TARGETS")
    sectors = sorted({w.split(":", 1)[1] for m in members for w in org_topics(G, m) if w.startswith("sector:")})
    return {"partnership": partnership, "members": len(members), "countries": countries,
            "country_groups": sorted({g for c in countries for g in groups.get(c, [])}),
            "targets": targets, "targets_uncovered": [t for t in targets if t not in countries],
            "sectors": sectors}


def _brokerage(idx: CollabIndex, M: list[int]) -> dict:
    """The member set as one actor: its reach, and Burt's effective size n - 2t/n."""
    if not M:
        return {"reach": 0, "countries_reached": 0, "effective_size": 0.0}
    a = np.asarray(idx.A[M].sum(axis=0)).ravel()
    a[M] = 0
    nb = np.flatnonzero(a)
    n = len(nb)
    t = idx.A[nb][:, nb].nnz / 2 if n else 0
    reached = {int(c) for c in idx.country[nb] if c >= 0}
    return {"reach": n, "countries_reached": len(reached), "effective_size": round(n - 2 * t / n, 3) if n else 0.0}


def what_if(G, partnership: str, candidate: str, *, index: CollabIndex | None = None) -> dict:
    """How coverage and brokerage change if ``candidate`` joins ``partnership``.

    Returns ``{"before": {...}, "after": {...}, "gained": {...}}`` with coverage
    (countries, sectors, targets uncovered) and brokerage (organisations within one
    step of the members, countries reached, effective size of the member set).

    Raises
    ------
    NotFound : no node ``candidate`` or ``partnership``; InputError : not a Partnership.

    Examples
    --------
    p1 (a, b, c) reaches d in one step; with d it reaches e instead (no gain) and covers Morocco:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in zip("abcde", ["FR", "FR", "IT", "MA", "MA"]):
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "abc"), ("p2", "cd"), ("p3", "de")]:   # links a-b a-c b-c c-d d-e
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> _ = G.add_edge("p1", "country:MA", key="TARGETS", type="TARGETS")
    >>> g = what_if(G, "p1", "d")["gained"]
    >>> g["countries"], g["targets_covered"], g["reach"]
    (['MA'], ['MA'], 0)
    """
    if candidate not in G:
        raise NotFound(f"no node with id {candidate!r} in the graph")
    idx = index if index is not None else prepare(G)
    members = partnership_members(G, partnership)
    before, after = coverage(G, partnership), coverage(G, partnership, [candidate])
    M = [idx.pos[m] for m in members if m in idx.pos]
    before.update(_brokerage(idx, M))
    after.update(_brokerage(idx, M + ([idx.pos[candidate]] if candidate in idx.pos else [])))
    gained = {"countries": sorted(set(after["countries"]) - set(before["countries"])),
              "sectors": sorted(set(after["sectors"]) - set(before["sectors"])),
              "targets_covered": sorted(set(before["targets_uncovered"]) - set(after["targets_uncovered"])),
              "reach": after["reach"] - before["reach"],
              "countries_reached": after["countries_reached"] - before["countries_reached"],
              "effective_size": round(after["effective_size"] - before["effective_size"], 3)}
    return {"candidate": candidate, "candidate_name": node_name(G, candidate), "before": before,
            "after": after, "gained": gained}


INSIGHTS = ("brokers", "bridges", "communities", "countries", "coverage", "what-if")


def insight(G, what: str, *, partnership: str | None = None, candidate: str | None = None,
            groups: tuple[str, str] = ("EU27", "South-Med"), k: int = 20, seed: int = 0):
    """One of :data:`INSIGHTS` by name (``partnership`` and ``candidate`` are node ids): the
    dispatch the CLI's ``insights`` command and the app share.

    >>> import networkx as nx
    >>> insight(nx.MultiDiGraph(), "coverage")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.ConfigError: the coverage insight needs a partnership
    """
    if what not in INSIGHTS:
        raise ConfigError(f"unknown insight {what!r}: use {', '.join(INSIGHTS[:-1])} or {INSIGHTS[-1]}")
    if what == "brokers":
        return brokers(G, k, seed=seed)
    if what == "bridges":
        return region_bridges(G, groups[0], groups[1], k)
    if what == "communities":
        return communities(G, seed=seed)
    if what == "countries":
        m = country_matrix(G)
        return [{"country": c, **{d: int(m.loc[c, d]) for d in m.columns}} for c in m.index]
    if not partnership:
        raise ConfigError(f"the {what} insight needs a partnership")
    if what == "coverage":
        return coverage(G, partnership)
    if not candidate:
        raise ConfigError("the what-if insight needs a candidate")
    return what_if(G, partnership, candidate)
