"""Reasons in words, with evidence, for suggestions (used by :mod:`clusternet.graph.analytics.suggest`).

A :class:`Reason` is one sentence a strategy team can check, the graph elements behind it
(node ids and relationship keys ``source|TYPE|target``) and the source documents (the
``sources`` attribute of those nodes and relationships).

>>> r = Reason("in target country Morocco", 2.0, ["partnership:move|TARGETS|country:MA"], ["doc:1"])
>>> r.as_dict()["text"]
'in target country Morocco'
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterable

import numpy as np

from clusternet.graph.analytics.linkpred import CollabIndex

__all__ = ["Reason", "Suggestion", "node_name", "sources_of", "shared_groups_reason",
           "shared_partners_reason", "network_reasons", "activity_text", "FAMILIES_GROUP", "FAMILIES_PAIR"]

# features grouped into the reason they support; the contribution of a family is the
# sum of its features' occlusion contributions
FAMILIES_GROUP = {
    "groups": ["frac_adjacent", "sum_w", "sum_rw", "max_overlap", "groups_with_2"],
    "partners": ["sum_cn", "max_cn", "sum_aa", "max_aa", "sum_ra", "max_ra"],
    "paths": ["paths3"], "activity": ["deg_v", "nproj_v", "recent_v", "xb_v", "new_v"],
    "countries": ["frac_same_country", "mean_country_prior", "nbrs_country_match"],
    "profile": ["profile_cos"], "kind": ["frac_same_otype", "sme_v"],
}
FAMILIES_PAIR = {
    "partners": ["cn", "aa", "ra", "wcn", "rcn", "rra"], "paths": ["paths3"],
    "activity": ["deg_v", "nproj_v", "recent_v", "new_v", "coord_v", "running_v", "runs_until_v", "last_v"],
    "abroad": ["xb_v"],
    "countries": ["country_prior", "u_nbrs_in_v_country", "v_nbrs_in_u_country"],
    "profile": ["profile_cos"], "kind": ["same_otype", "sme_v"],
}


@dataclass
class Reason:
    """One reason for a suggestion: a sentence, its weight, evidence and documents."""

    text: str
    weight: float
    evidence: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.weight = float(self.weight)

    def as_dict(self) -> dict:
        """The reason as a plain dict (for JSON).

        >>> Reason("in target country Morocco", 2, ["country:MA"]).as_dict()
        {'text': 'in target country Morocco', 'weight': 2.0, 'evidence': ['country:MA'], 'sources': []}
        """
        return asdict(self)


@dataclass
class Suggestion:
    """A ranked suggestion. ``source`` is set for cross-border pairs (who should link).

    For enlargement ``score`` is the 0-100 match strength of :mod:`clusternet.graph.analytics.objectives`
    and each reason's ``weight`` the points it brings; ``mode`` is ``"network"`` when links
    to the members speak for the candidate, ``"content"`` when only its profile does (sector,
    country, programme, targets), which ``basis`` says in words."""

    id: str
    name: str
    label: str
    country: str | None
    score: float
    mode: str                       # "network" or "content"
    reasons: list[Reason]
    source: str | None = None
    source_name: str | None = None
    basis: str = ""                 # what the suggestion rests on, in words (cold start said plainly)

    scale: str = "log-odds"         # "0-100" where ``score`` is a match strength people read
    relative: float | None = None   # cross-border: 100 x the model's odds against the list's best

    def reasons_text(self) -> str:
        """The reasons in one line, strongest first (for logs, tests and plain-text lists).

        >>> s = Suggestion("c", "C", "Cluster", "ES", 42.0, "content",
        ...                [Reason("in target country Spain", 30.0), Reason("works in textile", 12.0)])
        >>> s.reasons_text()
        'in target country Spain; works in textile'
        """
        return "; ".join(r.text for r in self.reasons)

    @property
    def score_100(self) -> float | None:
        """The 0-100 score people read: an enlargement's match strength, or for a cross-border
        pair how likely the pair model finds it against the best of its list (100 = the best);
        None for a bare log-odds.

        >>> Suggestion("c", "C", "Cluster", "ES", 42.0, "content", [], scale="0-100").score_100
        42.0
        >>> print(Suggestion("c", "C", "Cluster", "ES", 1.7, "network", []).score_100)
        None
        """
        if self.scale == "0-100":
            return float(self.score)
        return self.relative

    def as_dict(self) -> dict:
        """The suggestion as a plain dict (for JSON), score and weights rounded.

        >>> d = Suggestion("c", "C", "Cluster", "ES", 1.234567, "network", [Reason("shares 2 partners", 0.12345)]).as_dict()
        >>> d["score"], d["reasons"][0]["weight"], d["mode"]
        (1.2346, 0.123, 'network')
        """
        d = asdict(self)
        d["score"] = round(float(self.score), 4)
        for r in d["reasons"]:
            r["weight"] = round(float(r["weight"]), 3)
        return d


def node_name(G, n: str) -> str:
    """The ``name`` of node ``n``, else its id (also for an id not in the graph).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:1", name="Lyon Textile Cluster"); G.add_node("org:2")
    >>> node_name(G, "org:1"), node_name(G, "org:2"), node_name(G, "org:3")
    ('Lyon Textile Cluster', 'org:2', 'org:3')
    """
    return str(G.nodes[n].get("name", n)) if n in G else str(n)


def sources_of(G, items: Iterable[str]) -> list[str]:
    """Document ids behind nodes (``id``) and relationships (``source|TYPE|target``).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", sources=["doc:1"]); G.add_node("p", sources=["doc:1"])
    >>> _ = G.add_edge("a", "p", key="PARTNER_IN", sources=["doc:2"])
    >>> sources_of(G, ["a", "a|PARTNER_IN|p", "p", "not-there"])     # sorted, each once
    ['doc:1', 'doc:2']
    """
    out: list[str] = []
    for it in items:
        parts = it.split("|")
        if len(parts) == 3 and G.has_edge(parts[0], parts[2], key=parts[1]):
            out.extend(G.edges[parts[0], parts[2], parts[1]].get("sources") or [])
        elif it in G:
            out.extend(G.nodes[it].get("sources") or [])
    return sorted(set(out))


def _names(G, ids, limit=3) -> str:
    names = [node_name(G, i) for i in ids[:limit]]
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return ", ".join(names) + more


def _group_links(G, org: str, group: str) -> list[str]:
    if "|" in group:
        return [group]
    return [f"{org}|{t}|{group}" for t in ("PARTNER_IN", "COORDINATES", "PARTICIPATED_IN", "PARTY_TO")
            if G.has_edge(org, group, key=t)]


def shared_groups_reason(G, idx: CollabIndex, v: int, members: list[int], weight: float) -> Reason | None:
    """'worked with 2 members (A, B) in 3 partnerships/events: X, Y' with the links as evidence.

    A, B and C are in P, C and D in Q: C worked with members A and B in P.

    >>> import networkx as nx
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> G = nx.MultiDiGraph()
    >>> for o in "abcd":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for p in "pq":
    ...     G.add_node(p, label="Partnership", name=p.upper())
    >>> for o, p in [("a", "p"), ("b", "p"), ("c", "p"), ("c", "q"), ("d", "q")]:
    ...     _ = G.add_edge(o, p, key="PARTNER_IN")
    >>> idx = index_from_graph(G)
    >>> r = shared_groups_reason(G, idx, idx.pos["c"], [idx.pos["a"], idx.pos["b"]], 1.0)
    >>> r.text
    'worked with 2 members (A, B) in 1 shared partnership/event/link: P'
    >>> r.evidence
    ['p', 'c|PARTNER_IN|p', 'a|PARTNER_IN|p', 'b|PARTNER_IN|p']
    >>> print(shared_groups_reason(G, idx, idx.pos["d"], [idx.pos["a"], idx.pos["b"]], 1.0))
    None
    """
    if not idx.B[v].nnz or not members:
        return None
    # members x groups, kept where v is in the group too: one sparse product, no loop
    hit = idx.B[members].multiply(idx.B[v]).tocsc()
    hit.eliminate_zeros()
    shared = np.flatnonzero(np.diff(hit.indptr)).tolist()      # groups with v and a member
    if not shared:
        return None
    who = {members[i] for i in hit.indices}
    gids = [idx.group_ids[j] for j in shared]
    whos = sorted(idx.ids[i] for i in who)
    named = [g for g in gids if "|" not in g]
    text = (f"worked with {len(whos)} member{'s' if len(whos) > 1 else ''} ({_names(G, whos)}) "
            f"in {len(gids)} shared partnership{'s' if len(gids) > 1 else ''}/event{'s' if len(gids) > 1 else ''}/link{'s' if len(gids) > 1 else ''}")
    if named:
        text += f": {_names(G, named)}"
    ev = gids[:10] + [e for g in gids[:5] for e in _group_links(G, idx.ids[v], g)]
    for w in whos[:3]:
        for g in gids[:3]:
            ev.extend(_group_links(G, w, g))
    return Reason(text, weight, ev, sources_of(G, ev))


def shared_partners_reason(G, idx: CollabIndex, v: int, members: list[int], weight: float) -> Reason | None:
    """'shares 4 partners with 3 members' with the partners as evidence.

    A, B and C are in P, C and D in Q: D and member A both worked with C.

    >>> import networkx as nx
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> G = nx.MultiDiGraph()
    >>> for o in "abcd":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for p in "pq":
    ...     G.add_node(p, label="Partnership", name=p.upper())
    >>> for o, p in [("a", "p"), ("b", "p"), ("c", "p"), ("c", "q"), ("d", "q")]:
    ...     _ = G.add_edge(o, p, key="PARTNER_IN")
    >>> idx = index_from_graph(G)
    >>> r = shared_partners_reason(G, idx, idx.pos["d"], [idx.pos["a"]], 1.0)
    >>> r.text, r.evidence
    ('shares 1 partner (C)', ['c'])
    >>> shared_partners_reason(G, idx, idx.pos["d"], [idx.pos["a"], idx.pos["b"]], 1.0).text
    'shares 1 partner with 2 members (C)'
    """
    nv = set(idx.A[v].indices)
    if not nv or not members:
        return None
    partners, with_m = set(), set()
    for m in members:
        common = nv & set(idx.A[m].indices)
        common.discard(m)
        if common:
            partners |= common
            with_m.add(m)
    partners -= set(members)
    if not partners:
        return None
    pids = sorted(idx.ids[p] for p in partners)
    if len(members) == 1:
        text = f"shares {len(pids)} partner{'s' if len(pids) > 1 else ''} ({_names(G, pids)})"
    else:
        text = (f"shares {len(pids)} partner{'s' if len(pids) > 1 else ''} with {len(with_m)} "
                f"member{'s' if len(with_m) > 1 else ''} ({_names(G, pids)})")
    return Reason(text, weight, pids[:10], sources_of(G, pids[:10]))


def family_weights(contrib: np.ndarray, names: list[str], families: dict[str, list[str]]) -> dict[str, float]:
    """Sum of occlusion contributions per reason family for one suggestion.

    >>> family_weights(np.array([0.5, 0.25, 1.0]), ["x", "y", "z"], {"one": ["x", "y"], "two": ["z"]})
    {'one': 0.75, 'two': 1.0}
    """
    pos = {n: i for i, n in enumerate(names)}
    return {f: float(sum(contrib[pos[n]] for n in feats)) for f, feats in families.items()}


def activity_text(idx, v: int) -> str:
    """How active organisation ``v`` is, in words (counts from the index).

    >>> import networkx as nx
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> G = nx.MultiDiGraph()
    >>> for o in "abcd":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for p in "pq":
    ...     G.add_node(p, label="Partnership", name=p.upper())
    >>> for o, p in [("a", "p"), ("b", "p"), ("c", "p"), ("c", "q"), ("d", "q")]:
    ...     _ = G.add_edge(o, p, key="PARTNER_IN")
    >>> idx = index_from_graph(G)
    >>> activity_text(idx, idx.pos["c"])       # C: partners A, B, D in P and Q
    'active: 3 partners in 2 partnerships/events'
    """
    parts = [f"active: {int(idx.deg[v])} partners in {int(idx.nproj[v])} partnerships/events"]
    if idx.recent[v]:
        parts.append(f"{int(idx.recent[v])} in the last year")
    if idx.new_partners[v]:
        parts.append(f"{int(idx.new_partners[v])} new partners in the last year")
    if idx.coord[v]:
        parts.append(f"coordinates {int(idx.coord[v])}")
    if idx.running[v]:
        parts.append(f"{int(idx.running[v])} still running a year from now")
    return ", ".join(parts)


def network_reasons(G, idx, v, members, fam: dict[str, float], X_row, names, kind: str) -> list[Reason]:
    """Reasons from the learned model's feature families (``fam``: each family's contribution),
    in words: shared groups and partners, paths, activity, work abroad, countries, kind.

    Candidate C for members A and B, the model's weight on shared groups and on activity:

    >>> import networkx as nx
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> G = nx.MultiDiGraph()
    >>> for o in "abcd":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for p in "pq":
    ...     G.add_node(p, label="Partnership", name=p.upper())
    >>> for o, p in [("a", "p"), ("b", "p"), ("c", "p"), ("c", "q"), ("d", "q")]:
    ...     _ = G.add_edge(o, p, key="PARTNER_IN")
    >>> idx = index_from_graph(G)
    >>> from clusternet.graph.analytics.features import GROUP_FEATURES
    >>> fam = {"groups": 0.4, "activity": 0.2}
    >>> X_row = np.zeros(len(GROUP_FEATURES))
    >>> for r in network_reasons(G, idx, idx.pos["c"], [idx.pos["a"], idx.pos["b"]], fam, X_row, GROUP_FEATURES,
    ...                          "group"):
    ...     print(r.weight, r.text)
    0.4 worked with 2 members (A, B) in 1 shared partnership/event/link: P
    0.2 active: 3 partners in 2 partnerships/events
    """
    out = []
    f = dict(zip(names, X_row))
    w_groups = fam.get("groups", 0.0) + (fam.get("partners", 0.0) if kind == "pair" else 0.0)
    r = shared_groups_reason(G, idx, v, members, max(w_groups, 0.05)) if kind == "group" else None
    if r:
        out.append(r)
    r = shared_partners_reason(G, idx, v, members, max(fam.get("partners", 0.0), 0.05))
    if r:
        out.append(r)
    if fam.get("paths", 0) > 0.05 and f.get("paths3", 0) > 0:
        out.append(Reason(f"reachable through {int(round(np.expm1(f['paths3'])))} three-step paths",
                          fam["paths"], [idx.ids[v]], []))
    if fam.get("activity", 0) > 0.05:
        out.append(Reason(activity_text(idx, v), fam["activity"], [idx.ids[v]], sources_of(G, [idx.ids[v]])))
    if fam.get("abroad", 0) > 0.05:
        out.append(Reason(f"works across borders: {idx.xb_rate[v]:.0%} of its partners are abroad",
                          fam["abroad"], [idx.ids[v]], []))
    if fam.get("countries", 0) > 0.05:
        out.append(Reason("its partners come from the same countries as the "
                          + ("members" if kind == "group" else "organisation's"), fam["countries"], [idx.ids[v]], []))
    if fam.get("kind", 0) > 0.05:
        r = _same_kind_reason(G, idx, v, members, fam["kind"])
        if r:
            out.append(r)
    return out


def _kind_of(d: dict) -> str:
    return str(d.get("org_type") or d.get("label") or "").casefold()


def _same_kind_reason(G, idx, v, members, weight: float) -> Reason | None:
    """'same kind of organisation (university)' only when the candidate's kind is one of the
    members' (or the organisation's): the model's kind feature alone does not say which kind."""
    nid = idx.ids[v]
    mine = _kind_of(G.nodes[nid])
    theirs = {_kind_of(G.nodes[idx.ids[m]]) for m in members if idx.ids[m] in G}
    if not mine or mine not in theirs:
        return None
    return Reason(f"same kind of organisation ({mine})", weight, [nid], [])
