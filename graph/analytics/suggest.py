"""Who should a partnership invite next, and which cross-border links are missing.

Both functions take the product graph (a :class:`networkx.MultiDiGraph` from
:func:`~clusternet.graph.store.base.snapshot_from_records`) and return ranked
:class:`~clusternet.graph.explain.Suggestion` objects, each with its reasons in words and
the evidence behind them (node ids, relationship keys, source documents).

Enlargement follows an objective the partnership chooses (:mod:`clusternet.graph.analytics.objectives`:
``balanced``, ``markets``, ``core``, ``gaps``) and scores 0-100 from five parts of evidence
(:mod:`clusternet.graph.analytics.evidence`): target markets, sector fit through the sector hierarchy,
the network (strong ties plus the learned recommender's ranking, :mod:`clusternet.graph.analytics.recommender`,
fitted on CORDIS history), value-chain and country gaps, and IDF-weighted co-funding.
Cross-border links are scored by the recommender's log-odds plus content fit
(:mod:`clusternet.graph.analytics.crossborder`, re-exported here).
A candidate with no link to the members is scored on its profile alone and marked
``mode="content"``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", label="Partnership", name="P")
>>> G.add_node("country:MA", label="Country", name="Morocco", country="MA")
>>> _ = G.add_edge("p", "country:MA", key="TARGETS", type="TARGETS")
>>> for o, c in [("a", "FR"), ("b", "ES"), ("m", "MA"), ("x", "DE")]:
...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
>>> for o in "ab":
...     _ = G.add_edge(o, "p", key="PARTNER_IN", type="PARTNER_IN")
>>> top = suggest_enlargement(G, "p", k=2)
>>> top[0].id, top[0].mode, top[0].reasons[0].text, top[0].score
('m', 'content', 'in target country Morocco', 33.2)
"""
from __future__ import annotations

import numpy as np

from clusternet.graph.analytics.crossborder import suggest_cross_border
from clusternet.graph.analytics.enlargement import (countries_of, enlargement_suggestion,
    model_contributions, n_partnerships, per_index, rank_positions, wanted_kinds)
from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.analytics.evidence import (direct_ties, gaps_part, group_weights, market_part,
    network_part, partnership_sectors, programme_part, sector_part)
from clusternet.graph.analytics.explain import Suggestion
from clusternet.graph.schema import LABEL, group
from clusternet.graph.analytics.features import group_features
from clusternet.graph.analytics.linkpred import CollabIndex, group_candidates, group_sums, org_topics
from clusternet.graph.analytics.objectives import (kind_of, member_labels, objective as objective_of,
    score_100, weights_for)
from clusternet.graph.analytics.sectorfit import SectorProfile, node_profile
from clusternet.graph.analytics.suggestbase import (SCORE_ALL_BELOW, index_topics, model_or_shipped, prepare,
    top_content, topic_vector)

__all__ = ["suggest_enlargement", "suggest_cross_border", "partnership_members", "prepare"]


def partnership_members(G, partnership: str) -> list[str]:
    """Organisations that are PARTNER_IN or COORDINATE the partnership (sorted ids).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P"); G.add_node("e", label="Event", name="Expo")
    >>> for o in "abc":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for u, v, k in [("b", "p", "PARTNER_IN"), ("a", "p", "COORDINATES"), ("c", "e", "PARTICIPATED_IN")]:
    ...     _ = G.add_edge(u, v, key=k)
    >>> partnership_members(G, "p")
    ['a', 'b']
    >>> partnership_members(G, "e")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.InputError: e: is a Event, not a Partnership
    """
    if partnership not in G:
        raise NotFound(f"no node with id {partnership!r} in the graph")
    if G.nodes[partnership].get("label") != LABEL.Partnership:
        raise InputError(partnership, f"is a {G.nodes[partnership].get('label')}, not a Partnership")
    return sorted({s for s, _, k in G.in_edges(partnership, keys=True) if k in ("PARTNER_IN", "COORDINATES")
                   and G.nodes[s].get("label") in member_labels()})


def suggest_enlargement(G, partnership: str, k: int = 20, *, objective: str | None = "balanced",
                        target_countries=None, sectors=None, only=None, kinds: str = "members", countries=None,
                        per_country: int | None = None, model=None, index: CollabIndex | None = None) -> list[Suggestion]:
    """Organisations to invite into ``partnership``, best first, with reasons.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The product graph.
    partnership : str
        Id of a Partnership node.
    k : int
        How many suggestions.
    objective : str
        What the partnership wants (:mod:`clusternet.graph.analytics.objectives`): ``"balanced"``
        (default: target markets, sector fit and the network together), ``"markets"``
        (actors in the target countries and next to them first), ``"core"`` (sector fit and
        closeness to several members) or ``"gaps"`` (countries, sectors and value-chain links
        the partnership lacks).
    target_countries, sectors : iterable of str, optional
        Override the partnership's TARGETS countries (ISO2) and sectors.
    only : iterable of str, optional
        Keep candidates with these labels (``"Cluster"``, ``"Organisation"``, ``"SME"``).
    kinds : str
        ``"members"`` (default): candidates of the members' kind (cluster-like
        organisations for a partnership of clusters) come first, the others after them;
        ``"any"``: one list by score.
    countries : iterable of str, optional
        Keep candidates in these countries (ISO2), e.g. the target markets.
    per_country : int, optional
        At most this many suggestions per country ("two new clusters in each market").
    model : LinkModel, optional
        Defaults to the shipped model (``graph/data/linkmodel.npz``).
    index : CollabIndex, optional
        A prebuilt :func:`~clusternet.graph.linkpred.index_from_graph` of ``G``.

    Returns
    -------
    list of Suggestion
        ``score`` is the 0-100 match strength for the objective, each reason's weight the
        points it brings. ``mode`` is ``"network"`` when links to the members speak for the
        candidate, ``"content"`` when only its profile does (``basis`` says so).

    Raises
    ------
    NotFound, InputError
        Unknown id, a node that is not a Partnership, an unknown objective or kind.

    Examples
    --------
    P targets Morocco; M is in Morocco, D worked with member A in Q, N is in Norway:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from("pq", label="Partnership"); G.add_node("country:MA", label="Country", name="Morocco")
    >>> G.add_nodes_from((o, {"label": "Cluster", "name": o.upper(), "country": c})
    ...                  for o, c in [("a", "FR"), ("b", "ES"), ("m", "MA"), ("n", "NO"), ("d", "DE")])
    >>> _ = G.add_edges_from([("p", "country:MA", "TARGETS")] + [(o, p, "PARTNER_IN") for o, p in ["ap", "bp", "aq", "dq"]])
    >>> [(s.id, s.mode, s.score) for s in suggest_enlargement(G, "p", k=3, objective="markets")]
    [('m', 'content', 56.6), ('d', 'network', 9.4), ('n', 'content', 0.3)]
    """
    members_ids = partnership_members(G, partnership)
    obj, only, countries = _checked_options(objective, kinds, only, countries, per_country)
    idx, model = (index if index is not None else prepare(G)), model_or_shipped(model)
    M = np.array([idx.pos[m] for m in members_ids if m in idx.pos], dtype=np.int64)
    targets = _targets_of(G, partnership, target_countries)
    cands, sums, reach = _enlargement_candidates(G, idx, partnership, M, members_ids, targets, only, countries)
    X = group_features(idx, M, cands, sums=sums)
    base = model.score_group(X)
    parts, reach = _evidence_parts(G, idx, partnership, members_ids, sectors, cands, M, base, reach, targets)
    return _ranked(G, idx, model, partnership, members_ids, M, cands, sums, reach, X, base, parts,
                   weights_for(obj, bool(targets)), kinds, only, k, per_country)


def _checked_options(objective, kinds, only, countries, per_country):
    """The objective, candidate labels and countries asked for, checked."""
    obj = objective_of(objective)
    if kinds not in ("members", "any"):
        raise InputError("kinds", f"use 'members' or 'any', got {kinds!r}")
    only = _labels_of(only)
    countries = {c.upper() for c in countries} if countries else None
    if per_country is not None and per_country < 1:
        raise InputError("per_country", f"must be at least 1, got {per_country}")
    return obj, only, countries


def _targets_of(G, partnership, target_countries) -> set[str]:
    """The target countries (ISO2) given, else the partnership's TARGETS countries."""
    return {c.upper() for c in target_countries} if target_countries else {
        t.split(":", 1)[1] for _, t, kk in G.out_edges(partnership, keys=True) if kk == "TARGETS" and t.startswith("country:")}


def _evidence_parts(G, idx, partnership, members_ids, sectors, cands, M, base, reach, targets):
    """The five parts of evidence for each candidate (market, sector, network, gaps,
    programme) and who the network reaches."""
    weights_s, core, held = partnership_sectors(G, partnership, members_ids, sectors)
    gw = per_index(idx, "group_weights", lambda: group_weights(G, idx))
    net, reach = network_part(G, idx, cands, M, base, reach, direct_ties(G, partnership), gw)
    ids = [idx.ids[v] for v in cands]
    profiles = [_sector_profile(G, idx, nid) for nid in ids]
    sector = sector_part(G, ids, weights_s, profiles=profiles)
    parts = {"market": market_part(G, partnership, ids, targets), "sector": sector, "network": net,
             "gaps": gaps_part(G, ids, countries_of(G, members_ids), core, held, profiles=profiles,
                               targets=targets, fit=sector.x if weights_s else None),
             "programme": programme_part(G, partnership, ids, n_partnerships(G, idx),
                                         programmes_of=lambda nid: _programmes_in_index(G, idx, nid))}
    return parts, reach


def _ranked(G, idx, model, partnership, members_ids, M, cands, sums, reach, X, base, parts, w, kinds, only, k,
            per_country):
    """The candidates scored 0-100 with weights ``w``, ranked (members' kind first) and worded."""
    ids = [idx.ids[v] for v in cands]
    score = score_100({p: part.x for p, part in parts.items()}, w)
    wanted = wanted_kinds(G, members_ids) if kinds == "members" and not only else None
    tier = np.array([0 if wanted is None or kind_of(G.nodes[i]) in wanted else 1 for i in ids])
    order = rank_positions(G, ids, score, base, tier, k, per_country)
    outside = sums[0].copy()
    outside[M] = 0                        # links among the members themselves do not count
    has_links = bool(outside.any() or reach.any())
    contrib = model_contributions(model, X, order)
    return [enlargement_suggestion(G, idx, int(cands[i]), parts, w, i, score[i], bool(reach[i]), X[i], contrib[row],
                                    M, has_links, tier[i], wanted, partnership) for row, i in enumerate(order)]


def _enlargement_candidates(G, idx, partnership, M, members_ids, targets, only, countries):
    """Every valid organisation on a small graph; on a large one, the members' network
    neighbourhood, the organisations in target countries and the closest profiles.
    Returns the candidates, :func:`group_sums` of the members and who is within two steps."""
    valid = np.ones(idx.n, dtype=bool)
    valid[M] = False
    if only:
        valid &= np.array([G.nodes[o].get("label") in only for o in idx.ids], dtype=bool)
    if countries:
        valid &= _in_countries(idx, countries)
    sums = group_sums(idx, M)
    if idx.n <= SCORE_ALL_BELOW:
        cands = np.flatnonzero(valid)
    else:
        prof = topic_vector(idx, [t for m in members_ids for t in index_topics(G, idx, m)]
                             + list(org_topics(G, partnership)))
        extra = _in_countries(idx, targets | (countries or set())) & valid
        extra[top_content(idx, prof, valid)] = True
        gen = group_candidates(idx, M, valid, sums=sums)
        cands = np.union1d(gen, np.flatnonzero(extra))
    a = sums[0]
    return cands, sums, ((a + idx.A @ a) > 0)[cands]


def _sector_profile(G, idx: CollabIndex, nid: str) -> SectorProfile:
    """:func:`node_profile`, skipping the graph walk for organisations with no sector wording
    whose index topics hold no sector (most organisations of a large history graph)."""
    i = idx.pos.get(nid)
    if i is not None and not G.nodes[nid].get("sector_text") and not any(w.startswith("sector:")
                                                                          for w in idx.topics_of(i)):
        return SectorProfile()
    return node_profile(G, nid)


def _programmes_in_index(G, idx: CollabIndex, nid: str) -> set[str]:
    """Programme ids behind an organisation's partnerships, read from the index's topic words."""
    return {w.split(":", 1)[1] for w in index_topics(G, idx, nid) if w.startswith("programme:")}


def _in_countries(idx: CollabIndex, codes: set[str]) -> np.ndarray:
    """Mask of the organisations whose country (ISO2) is one of ``codes``."""
    return np.isin(idx.country, [i for i, c in enumerate(idx.countries) if c in codes])


def _labels_of(only) -> set[str] | None:
    """The candidate labels asked for, checked: ``{"Cluster"}`` from ``["cluster"]``."""
    if not only:
        return None
    by_fold = {lab.casefold(): lab for lab in group("organisations")}
    bad = [x for x in only if x.casefold() not in by_fold]
    if bad:
        raise InputError("only", f"unknown kind {bad[0]!r}; use {', '.join(sorted(by_fold.values()))}")
    return {by_fold[x.casefold()] for x in only}
