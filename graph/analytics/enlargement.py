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
    """Positions in rank order: kind tier, score, model score, id; at most ``per_country``."""
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
    """The learned model's feature contributions for the given rows of ``X``, in one batch."""
    rows = list(rows)
    ref = np.array(model.meta.get("reference_group", np.zeros(len(GROUP_FEATURES))), dtype=float)
    if not rows:
        return np.zeros((0, len(GROUP_FEATURES)))
    return model.contributions("group", X[rows], ref)


def enlargement_suggestion(G, idx, v, parts, w, i, score, reached, x_row, contrib, M, has_links, tier, wanted,
                            partnership) -> Suggestion:
    """One suggestion: a reason per part (its points as weight), network reasons when linked
    (``contrib``: the learned model's feature contributions for the candidate)."""
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
    """What the suggestion rests on, in words; a cold start is said plainly."""
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
    """Kinds held by at least a third of the members; cluster-like when there are none."""
    kinds = Counter(kind_of(G.nodes[m]) for m in members_ids)
    return {kd for kd, c in kinds.items() if c * 3 >= len(members_ids)} or {"cluster-like"}


def countries_of(G, nodes) -> set[str]:
    """The countries (ISO2) of some nodes, unknown ones left out."""
    return {G.nodes[m].get("country") for m in nodes if G.nodes[m].get("country")}


def per_index(idx: CollabIndex, name: str, compute):
    """A value computed once per link index (so once per graph), kept on the index itself."""
    extras = idx.__dict__.setdefault("_suggest_extras", {})
    if name not in extras:
        extras[name] = compute()
    return extras[name]


def n_partnerships(G, idx: CollabIndex) -> int:
    """How many partnerships the graph holds (programme weighting)."""
    return per_index(idx, "n_partnerships",
                      lambda: sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Partnership"))
