"""Cross-border links that are missing: :func:`suggest_cross_border`, scored by the
recommender's log-odds plus content fit (shared sectors, partnerships that visited the
candidate), with the wording of the content reasons.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from clusternet.graph.analytics.explain import (FAMILIES_GROUP, FAMILIES_PAIR, Reason, Suggestion,
    family_weights, network_reasons, node_name, sources_of)
from clusternet.graph.analytics.features import PAIR_FEATURES, pair_block, pair_features
from clusternet.graph.analytics.linkpred import CollabIndex, generate_candidates, sector_words
from clusternet.graph.analytics.suggestbase import (SCORE_ALL_BELOW, index_topics, model_or_shipped, prepare,
    top_content)
from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.reference.countries import country_label
from clusternet.graph.schema import LABEL

__all__ = ["suggest_cross_border"]

W_SECTOR, W_VISITED = 2.0, 1.0           # cross-border content bonus (log-odds units)


def _visited_by(G, partnerships: set[str]) -> dict[str, list[str]]:
    """Organisations a partnership VISITED: org -> relationship keys."""
    out: dict[str, list[str]] = {}
    for p in partnerships:
        for _, t, k in G.out_edges(p, keys=True):
            if k == "VISITED":
                out.setdefault(t, []).append(f"{p}|VISITED|{t}")
    return out


def _sector_reason(G, idx: CollabIndex, org: str, wanted: set[str], weight: float, what: str) -> Reason | None:
    topics = [w for w in index_topics(G, idx, org) if w in wanted]
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
        cand = np.union1d(generate_candidates(idx, block.aa[0], block.p3[0], valid), top_content(idx, prof, valid))
    cand = _pair_filters(G, idx, cand, **filters)
    X = pair_features(idx, block, 0, cand)
    base = model.score_pairs(X)
    uid = idx.ids[u]
    u_words = set(index_topics(G, idx, uid))
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
    model = model_or_shipped(model)
    filters = dict(sector=sector, target_countries=target_countries, org_type=org_type, sme_only=sme_only)
    if organisation is not None:
        if organisation not in G:
            raise NotFound(f"no node with id {organisation!r} in the graph")
        if organisation not in idx.pos:
            raise InputError(organisation, f"is a {G.nodes[organisation].get('label')}, not an organisation")
        return _relative_to_best(_pairs_for(G, idx, model, idx.pos[organisation], k=k, filters=filters))
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
    return _relative_to_best(found[:k])


def _relative_to_best(found: list[Suggestion]) -> list[Suggestion]:
    """Each suggestion's readable score: 100 x how likely the pair model finds it against the
    best of the list (``exp(score - best)``, the odds ratio of its listwise logit), so the top
    one reads 100 and one the model finds half as likely reads 50.

    >>> from clusternet.graph.analytics.explain import Suggestion
    >>> out = _relative_to_best([Suggestion("a", "A", "Cluster", "FR", 1.0, "network", []),
    ...                          Suggestion("b", "B", "Cluster", "IT", 1.0 - 0.6931, "network", [])])
    >>> [round(x.score_100) for x in out]
    [100, 50]
    """
    if found:
        best = max(x.score for x in found)
        for x in found:
            x.relative = round(100.0 * float(np.exp(x.score - best)), 1)
    return found
