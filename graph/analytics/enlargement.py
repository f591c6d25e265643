"""Ranking and wording of enlargement suggestions (used by :mod:`clusternet.graph.analytics.suggest`).

Candidates of the members' kind come first (:func:`wanted_kinds`), then by 0-100 score;
each suggestion carries one reason per part of the evidence, worth the points it brings,
the learned model's network reasons when the candidate is linked, and its ``basis`` in
words, so a profile-only match (cold start) is never presented as network evidence.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", name="NEWP")
>>> basis_text(G, reached=False, has_links=False, tier=0, wanted={"cluster-like"}, nid="p", partnership="p")
'profile match only (sector, country, programme, targets): NEWP has no members with links in the graph yet'
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from clusternet.graph.analytics.explain import (FAMILIES_GROUP, Reason, Suggestion, family_weights,
    network_reasons, node_name, sources_of)
from clusternet.graph.analytics.features import GROUP_FEATURES
from clusternet.graph.analytics.linkpred import CollabIndex
from clusternet.graph.analytics.objectives import kind_of

__all__ = ["rank_positions", "model_contributions", "enlargement_suggestion", "basis_text", "wanted_kinds", "countries_of", "per_index",
           "n_partnerships"]


def rank_positions(G, ids, score, base, tier, k, per_country) -> list[int]:
    """Positions in rank order: kind tier, score, model score, id; at most ``per_country``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in [("a", "FR"), ("b", "FR"), ("c", "IT")]:
    ...     G.add_node(o, country=c)
    >>> ids, score, base = ["a", "b", "c"], [50.0, 70.0, 60.0], [0.0, 0.0, 0.0]
    >>> rank_positions(G, ids, score, base, [0, 0, 0], k=3, per_country=None)   # b, c, a by score
    [1, 2, 0]
    >>> rank_positions(G, ids, score, base, [0, 0, 0], k=3, per_country=1)      # one per country: a (FR) left out
    [1, 2]
    >>> rank_positions(G, ids, score, base, [0, 1, 0], k=3, per_country=None)   # b is not of the members' kind
    [2, 0, 1]
    """
    order = sorted(range(len(ids)), key=lambda i: (tier[i], -score[i], -base[i], ids[i]))
    if not per_country:
        return order[:k]
    taken: Counter = Counter()
    keep = []
    for i in order:
        c = G.nodes[ids[i]].get("country")
        if taken[c] < per_country:
            taken[c] += 1
            keep.append(i)
            if len(keep) == k:
                break
    return keep


def model_contributions(model, X: np.ndarray, rows) -> np.ndarray:
    """The learned model's feature contributions for the given rows of ``X``, in one batch.

    One row per asked row of ``X``, one column per feature of
    :data:`~clusternet.graph.analytics.features.GROUP_FEATURES` (here with the shipped model):

    >>> from clusternet.graph.analytics.suggestbase import model_or_shipped
    >>> X = np.zeros((3, len(GROUP_FEATURES)))
    >>> model_contributions(model_or_shipped(None), X, [0, 2]).shape == (2, len(GROUP_FEATURES))
    True
    >>> model_contributions(model_or_shipped(None), X, []).shape == (0, len(GROUP_FEATURES))
    True
    """
    rows = list(rows)
    ref = np.array(model.meta.get("reference_group", np.zeros(len(GROUP_FEATURES))), dtype=float)
    if not rows:
        return np.zeros((0, len(GROUP_FEATURES)))
    return model.contributions("group", X[rows], ref)


def enlargement_suggestion(G, idx, v, parts, w, i, score, reached, x_row, contrib, M, has_links, tier, wanted,
                            partnership) -> Suggestion:
    """One suggestion: a reason per part (its points as weight), network reasons when linked
    (``contrib``: the learned model's feature contributions for the candidate).

    A candidate nothing links to the members (``reached`` false), in a target market worth
    half the score:

    >>> import networkx as nx
    >>> from clusternet.graph.analytics.evidence import Part
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P")
    >>> for o, c in [("a", "FR"), ("b", "IT"), ("c", "ES")]:
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for o in "ab":
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> idx = index_from_graph(G)
    >>> parts = {"market": Part(np.array([1.0]), ["in target country Spain"], [["c"]])}
    >>> s = enlargement_suggestion(G, idx, idx.pos["c"], parts, {"market": 0.5}, 0, 50.0, False, None, None,
    ...                            [], True, 0, {"cluster-like"}, "p")
    >>> s.id, s.score, s.mode, [(r.text, r.weight) for r in s.reasons]
    ('c', 50.0, 'content', [('in target country Spain', 50.0)])
    >>> s.basis
    'profile match only (sector, country, programme, targets): nothing links it to the members yet'
    """
    nid = idx.ids[v]
    reasons = []
    for p, part in parts.items():
        pts = round(100.0 * w[p] * float(part.x[i]), 1)
        if part.text[i] and (pts > 0 or p == "market"):
            reasons.append(Reason(part.text[i], pts, part.evidence[i], sources_of(G, part.evidence[i])))
    if reached:
        fam = family_weights(contrib, GROUP_FEATURES, FAMILIES_GROUP)
        net = network_reasons(G, idx, v, list(M), fam, x_row, GROUP_FEATURES, "group")
        pts = 100.0 * w["network"] * float(parts["network"].x[i]) - sum(r.weight for r in reasons
                                                                        if r.text == parts["network"].text[i])
        total = sum(max(r.weight, 0.0) for r in net) or 1.0
        for r in net:
            r.weight = round(max(pts, 0.0) * max(r.weight, 0.0) / total, 1)
        reasons += net
    reasons.sort(key=lambda r: (-r.weight, r.text))
    if not reasons:
        reasons = [Reason("no link, target market or sector in common found", 0.0, [nid], [])]
    return Suggestion(nid, node_name(G, nid), G.nodes[nid].get("label", ""), G.nodes[nid].get("country"),
                      float(score), "network" if reached else "content", reasons[:5],
                      basis=basis_text(G, reached, has_links, tier, wanted, nid, partnership), scale="0-100")


def basis_text(G, reached, has_links, tier, wanted, nid, partnership) -> str:
    """What the suggestion rests on, in words; a cold start is said plainly.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P")
    >>> G.add_node("u", label="Organisation", org_type="University", name="U")
    >>> basis_text(G, reached=True, has_links=True, tier=0, wanted={"cluster-like"}, nid="u", partnership="p")
    'network evidence (links to the members) and profile'
    >>> basis_text(G, reached=False, has_links=True, tier=1, wanted={"cluster-like"}, nid="u", partnership="p")
    'profile match only (sector, country, programme, targets): nothing links it to the members yet;
     a university, listed after the cluster-like organisations like the members'
    """
    if reached:
        text = "network evidence (links to the members) and profile"
    elif not has_links:
        text = (f"profile match only (sector, country, programme, targets): {node_name(G, partnership)} "
                "has no members with links in the graph yet")
    else:
        text = "profile match only (sector, country, programme, targets): nothing links it to the members yet"
    if tier:
        text += f"; a {kind_of(G.nodes[nid])}, listed after the {' and '.join(sorted(wanted))} organisations like the members"
    return text


def wanted_kinds(G, members_ids) -> set[str]:
    """Kinds held by at least a third of the members; cluster-like when there are none.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for u in ("u1", "u2"):
    ...     G.add_node(u, label="Organisation", org_type="University")
    >>> G.add_node("k", label="Cluster"); G.add_node("s", label="SME")
    >>> sorted(wanted_kinds(G, ["u1", "u2", "k"]))        # the cluster is one member in three
    ['cluster-like', 'university']
    >>> sorted(wanted_kinds(G, ["u1", "u2", "k", "s"]))   # one in four is not enough
    ['university']
    >>> wanted_kinds(G, [])
    {'cluster-like'}
    """
    kinds = Counter(kind_of(G.nodes[m]) for m in members_ids)
    return {kd for kd, c in kinds.items() if c * 3 >= len(members_ids)} or {"cluster-like"}


def countries_of(G, nodes) -> set[str]:
    """The countries (ISO2) of some nodes, unknown ones left out.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", country="FR"); G.add_node("b", country="IT"); G.add_node("c", country="FR")
    >>> G.add_node("d")
    >>> sorted(countries_of(G, ["a", "b", "c", "d"]))
    ['FR', 'IT']
    """
    return {G.nodes[m].get("country") for m in nodes if G.nodes[m].get("country")}


def per_index(idx: CollabIndex, name: str, compute):
    """A value computed once per link index (so once per graph), kept on the index itself.

    >>> from clusternet.graph.analytics.linkpred import index_from_groups
    >>> idx = index_from_groups(["a", "b", "c"], [["a", "b"], ["b", "c"]])
    >>> per_index(idx, "answer", lambda: 42)
    42
    >>> per_index(idx, "answer", lambda: 0)     # already computed: kept
    42
    """
    extras = idx.__dict__.setdefault("_suggest_extras", {})
    if name not in extras:
        extras[name] = compute()
    return extras[name]


def n_partnerships(G, idx: CollabIndex) -> int:
    """How many partnerships the graph holds (programme weighting).

    >>> import networkx as nx
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership"); G.add_node("q", label="Partnership")
    >>> for o in "ab":
    ...     G.add_node(o, label="Cluster")
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> n_partnerships(G, index_from_graph(G))
    2
    """
    return per_index(idx, "n_partnerships",
                      lambda: sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Partnership"))
