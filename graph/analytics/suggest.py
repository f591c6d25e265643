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
Cross-border links are scored by the recommender's log-odds plus content fit.
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
('m', 'content', 'in target country Morocco', 34.0)
"""
from __future__ import annotations

import weakref
from collections import Counter

import numpy as np

from clusternet.graph.analytics.enlargement import (countries_of, enlargement_suggestion,
    model_contributions, n_partnerships, per_index, rank_positions, wanted_kinds)
from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.analytics.evidence import (direct_ties, gaps_part, group_weights, market_part,
    network_part, partnership_sectors, programme_part, sector_part)
from clusternet.graph.analytics.explain import (FAMILIES_GROUP, FAMILIES_PAIR, Reason, Suggestion,
    family_weights, network_reasons, node_name, sources_of)
from clusternet.graph.reference.countries import country_label
from clusternet.graph.schema import LABEL, group
from clusternet.graph.analytics.features import PAIR_FEATURES, group_features, pair_block, pair_features
from clusternet.graph.analytics.linkpred import (CollabIndex, generate_candidates,
    group_candidates, group_sums, index_from_graph, org_topics, sector_words)
from clusternet.graph.analytics.objectives import (kind_of, member_labels, objective as objective_of,
    score_100, weights_for)
from clusternet.graph.analytics.sectorfit import SectorProfile, node_profile
from clusternet.graph.store.base import is_snapshot

__all__ = ["suggest_enlargement", "suggest_cross_border", "partnership_members", "prepare"]

W_SECTOR, W_VISITED = 2.0, 1.0           # cross-border content bonus (log-odds units)
SCORE_ALL_BELOW = 5000        # small graphs: score every organisation, no candidate generation
_CACHE: dict = {}          # one graph's index at a time
_BY_SNAPSHOT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # one snapshot's index
_MODEL: dict = {}


def prepare(G) -> CollabIndex:
    """The link index of ``G``, built once and reused while ``G`` is the same graph.

    A store snapshot (read-only) is recognised as the same object; any other graph by its
    identity and size, counted on each call.
    """
    if is_snapshot(G):
        idx = _BY_SNAPSHOT.get(G)
        if idx is None:
            _BY_SNAPSHOT.clear()
            idx = _BY_SNAPSHOT[G] = index_from_graph(G)
        return idx
    key = (id(G), G.number_of_nodes(), G.number_of_edges())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = index_from_graph(G)
    return _CACHE[key]


def _model(model):
    if model is not None:
        return model
    from clusternet.graph.analytics.recommender import load_model
    if "model" not in _MODEL:
        _MODEL["model"] = load_model()
    return _MODEL["model"]


def partnership_members(G, partnership: str) -> list[str]:
    """Organisations that are PARTNER_IN or COORDINATE the partnership (sorted ids)."""
    if partnership not in G:
        raise NotFound(f"no node with id {partnership!r} in the graph")
    if G.nodes[partnership].get("label") != LABEL.Partnership:
        raise InputError(partnership, f"is a {G.nodes[partnership].get('label')}, not a Partnership")
    return sorted({s for s, _, k in G.in_edges(partnership, keys=True) if k in ("PARTNER_IN", "COORDINATES")
                   and G.nodes[s].get("label") in member_labels()})


def _topic_vector(idx: CollabIndex, words) -> np.ndarray:
    pos = {t: i for i, t in enumerate(idx.topics)}
    vec = np.zeros(idx.P.shape[1])
    for w in words:
        if w in pos:
            vec[pos[w]] += 1.0
    n = np.linalg.norm(vec)
    return vec / n if n > 0 else vec


def _top_content(idx: CollabIndex, prof: np.ndarray, valid: np.ndarray, n: int = 300) -> np.ndarray:
    """The ``n`` valid organisations whose sector/programme profile is closest to ``prof``."""
    sim = np.where(valid, np.asarray(idx.P @ prof).ravel(), 0.0)
    hits = np.flatnonzero(sim > 0)
    if len(hits) > n:
        hits = hits[np.argpartition(-sim[hits], n - 1)[:n]]
    return np.sort(hits)


def _visited_by(G, partnerships: set[str]) -> dict[str, list[str]]:
    """Organisations a partnership VISITED: org -> relationship keys."""
    out: dict[str, list[str]] = {}
    for p in partnerships:
        for _, t, k in G.out_edges(p, keys=True):
            if k == "VISITED":
                out.setdefault(t, []).append(f"{p}|VISITED|{t}")
    return out


def _topics(G, idx: CollabIndex, node: str) -> list[str]:
    """:func:`org_topics` of ``node``, read from the index for the organisations it holds
    (computed once per snapshot when the index was built)."""
    i = idx.pos.get(node)
    return idx.topics_of(i) if i is not None else org_topics(G, node)


def _sector_reason(G, idx: CollabIndex, org: str, wanted: set[str], weight: float, what: str) -> Reason | None:
    topics = [w for w in _topics(G, idx, org) if w in wanted]
    sectors = sorted({w.split(":", 1)[1] for w in topics if not w.startswith("programme:")})
    if sectors:
        ev = [f"{org}|ACTIVE_IN|{t}" for _, t, k in G.out_edges(org, keys=True) if k == "ACTIVE_IN"]
        return Reason(f"active in {', '.join(sectors[:3])}, like {what}", weight, ev, sources_of(G, ev + [org]))
    progs = sorted(w.split(":", 1)[1] for w in topics if w.startswith("programme:"))
    if progs:
        return Reason(f"in partnerships funded by {', '.join(node_name(G, p) for p in progs[:3])}, like {what}",
                      weight, progs[:3], sources_of(G, progs[:3]))
    return None


def _finish(G, idx, cands, base, bonus, content_reasons, X, names, kind, model, members, k, reach, source=None,
            per_country: int | None = None):
    total = base + bonus
    order = np.lexsort((np.array([idx.ids[c] for c in cands]), -total))
    if per_country:
        taken: Counter = Counter()
        keep = []
        for i in order:
            c = G.nodes[idx.ids[cands[i]]].get("country")
            if taken[c] < per_country:
                taken[c] += 1
                keep.append(i)
                if len(keep) == k:
                    break
        order = np.array(keep, dtype=np.int64)
    order = order[:k]
    ref = np.array(model.meta.get(f"reference_{kind}", np.zeros(len(names))), dtype=float)
    contrib = model.contributions(kind, X[order], ref) if len(order) else np.zeros((0, len(names)))
    fams = FAMILIES_GROUP if kind == "group" else FAMILIES_PAIR
    out = []
    for row, i in enumerate(order):
        v = int(cands[i])
        mode = "network" if reach[i] else "content"
        reasons = list(content_reasons[i])
        if mode == "network":
            reasons += network_reasons(G, idx, v, members, family_weights(contrib[row], names, fams), X[i], names, kind)
        reasons.sort(key=lambda r: (-r.weight, r.text))
        if not reasons:
            reasons = [Reason("no link or shared sector found; ranked by overall activity", 0.0, [idx.ids[v]], [])]
        nid = idx.ids[v]
        out.append(Suggestion(nid, node_name(G, nid), G.nodes[nid].get("label", ""), G.nodes[nid].get("country"),
                              float(total[i]), mode, reasons[:5], source, node_name(G, source) if source else None))
    return out


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
    """
    members_ids = partnership_members(G, partnership)
    obj = objective_of(objective)
    if kinds not in ("members", "any"):
        raise InputError("kinds", f"use 'members' or 'any', got {kinds!r}")
    only = _labels_of(only)
    countries = {c.upper() for c in countries} if countries else None
    if per_country is not None and per_country < 1:
        raise InputError("per_country", f"must be at least 1, got {per_country}")
    idx = index if index is not None else prepare(G)
    model = _model(model)
    M = np.array([idx.pos[m] for m in members_ids if m in idx.pos], dtype=np.int64)
    targets = {c.upper() for c in target_countries} if target_countries else {
        t.split(":", 1)[1] for _, t, kk in G.out_edges(partnership, keys=True) if kk == "TARGETS" and t.startswith("country:")}
    weights_s, core, held = partnership_sectors(G, partnership, members_ids, sectors)
    cands, sums, reach = _enlargement_candidates(G, idx, partnership, M, members_ids, targets, only, countries)
    X = group_features(idx, M, cands, sums=sums)
    base = model.score_group(X)
    gw = per_index(idx, "group_weights", lambda: group_weights(G, idx))
    net, reach = network_part(G, idx, cands, M, base, reach, direct_ties(G, partnership), gw)
    ids = [idx.ids[v] for v in cands]
    profiles = [_sector_profile(G, idx, nid) for nid in ids]
    parts = {"market": market_part(G, partnership, ids, targets),
             "sector": sector_part(G, ids, weights_s, profiles=profiles), "network": net,
             "gaps": gaps_part(G, ids, countries_of(G, members_ids), core, held, profiles=profiles),
             "programme": programme_part(G, partnership, ids, n_partnerships(G, idx),
                                         programmes_of=lambda nid: _programmes_in_index(G, idx, nid))}
    w = weights_for(obj, bool(targets))
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
        prof = _topic_vector(idx, [t for m in members_ids for t in _topics(G, idx, m)]
                             + list(org_topics(G, partnership)))
        extra = _in_countries(idx, targets | (countries or set())) & valid
        extra[_top_content(idx, prof, valid)] = True
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
    return {w.split(":", 1)[1] for w in _topics(G, idx, nid) if w.startswith("programme:")}


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


def _pair_filters(G, idx: CollabIndex, cand: np.ndarray, *, sector, target_countries, org_type, sme_only) -> np.ndarray:
    keep = np.ones(len(cand), dtype=bool)
    if target_countries:
        want = {c.upper() for c in target_countries}
        keep &= np.array([G.nodes[idx.ids[v]].get("country") in want for v in cand], dtype=bool)
    if org_type:
        t = org_type.casefold()
        keep &= np.array([t in (str(G.nodes[idx.ids[v]].get("org_type") or "").casefold(),
                                str(G.nodes[idx.ids[v]].get("label") or "").casefold()) for v in cand], dtype=bool)
    if sme_only:
        keep &= np.array([G.nodes[idx.ids[v]].get("label") == LABEL.SME or G.nodes[idx.ids[v]].get("sme") is True
                          for v in cand], dtype=bool)
    if sector:
        words = {w for w in sector_words(sector)}
        keep &= np.array([bool(words & set(idx.topics_of(v))) for v in cand], dtype=bool)
    return cand[keep]


def _partnerships_of(G, org: str) -> set[str]:
    return {t for _, t, k in G.out_edges(org, keys=True) if k in ("PARTNER_IN", "COORDINATES")
            and G.nodes[t].get("label") == LABEL.Partnership}


def _pairs_for(G, idx, model, u: int, *, k, filters, sources_cache=None) -> list[Suggestion]:
    block = pair_block(idx, [u])
    cu = idx.country[u]
    valid = (idx.country >= 0) & (idx.country != cu) if cu >= 0 else idx.country >= 0
    valid[idx.A[u].indices] = False
    valid[u] = False
    if idx.n <= SCORE_ALL_BELOW:
        cand = np.flatnonzero(valid)
    else:
        prof = idx.P[u].toarray().ravel()
        cand = np.union1d(generate_candidates(idx, block.aa[0], block.p3[0], valid), _top_content(idx, prof, valid))
    cand = _pair_filters(G, idx, cand, **filters)
    X = pair_features(idx, block, 0, cand)
    base = model.score_pairs(X)
    uid = idx.ids[u]
    u_words = set(_topics(G, idx, uid))
    visited = _visited_by(G, _partnerships_of(G, uid))
    cos = np.asarray(idx.P[cand] @ idx.P[u].T.toarray()).ravel() if len(cand) else np.zeros(0)
    reach = (block.cn[0, cand] + block.p3[0, cand]) > 0
    bonus = np.zeros(len(cand))
    content = []
    for i, v in enumerate(cand):
        nid, rs = idx.ids[v], []
        if cos[i] > 0:
            r = _sector_reason(G, idx, nid, u_words, W_SECTOR * cos[i], node_name(G, uid))
            if r:
                rs.append(r)
        if nid in visited:
            via = sorted({e.split("|")[0] for e in visited[nid]})
            rs.append(Reason(f"visited by {', '.join(node_name(G, p) for p in via)}, a partnership of "
                             f"{node_name(G, uid)}", W_VISITED, visited[nid], sources_of(G, visited[nid])))
        rs.append(Reason(f"in {country_label(G, G.nodes[nid].get('country'))}, across the border", 0.0, [nid], []))
        bonus[i] = sum(r.weight for r in rs)
        content.append(rs)
    return _finish(G, idx, cand, base, bonus, content, X, PAIR_FEATURES, "pair", model, [u], k, reach, source=uid)


def suggest_cross_border(G, organisation: str | None = None, *, countries: tuple[str, str] | None = None,
                         k: int = 20, sector: str | None = None, target_countries=None, org_type: str | None = None,
                         sme_only: bool = False, model=None, index: CollabIndex | None = None,
                         max_sources: int = 50) -> list[Suggestion]:
    """Organisations in other countries that ``organisation`` is not linked with yet, or
    missing links between the organisations of two ``countries``, best first.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The product graph.
    organisation : str, optional
        Id of a Cluster, Organisation or SME. Give it, or ``countries``.
    countries : (str, str), optional
        Two ISO2 codes: pairs (one organisation from each) not linked yet; the
        ``max_sources`` most connected organisations of the first country are the sources.
    k : int
        How many suggestions.
    sector, target_countries, org_type, sme_only : optional filters on the candidates.

    Returns
    -------
    list of Suggestion
        ``source`` is the organisation the suggestion is for.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c in [("a", "FR"), ("b", "IT"), ("c", "ES"), ("d", "DE")]:
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> for p, ms in [("p1", "ab"), ("p2", "bc")]:
    ...     G.add_node(p, label="Partnership", name=p)
    ...     for m in ms:
    ...         _ = G.add_edge(m, p, key="PARTNER_IN", type="PARTNER_IN")
    >>> top = suggest_cross_border(G, "a", k=1)
    >>> top[0].id, top[0].mode, top[0].reasons[0].text
    ('c', 'network', 'shares 1 partner (B)')
    """
    idx = index if index is not None else prepare(G)
    model = _model(model)
    filters = dict(sector=sector, target_countries=target_countries, org_type=org_type, sme_only=sme_only)
    if organisation is not None:
        if organisation not in G:
            raise NotFound(f"no node with id {organisation!r} in the graph")
        if organisation not in idx.pos:
            raise InputError(organisation, f"is a {G.nodes[organisation].get('label')}, not an organisation")
        return _pairs_for(G, idx, model, idx.pos[organisation], k=k, filters=filters)
    if not countries or len(countries) != 2:
        raise InputError("countries", "give an organisation or two ISO2 country codes")
    a, b = countries
    ca = idx.countries.index(a) if a in idx.countries else None
    if ca is None or b not in idx.countries:
        raise NotFound(f"no organisations in {a if ca is None else b}")
    sources = np.flatnonzero(idx.country == ca)
    sources = sources[np.lexsort((sources, -idx.deg[sources]))][:max_sources]
    filters["target_countries"] = [b]
    found = [s for u in sources for s in _pairs_for(G, idx, model, int(u), k=k, filters=filters)]
    found.sort(key=lambda s: (-s.score, s.source, s.id))
    return found[:k]
