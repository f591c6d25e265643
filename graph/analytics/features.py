"""Features of candidate links, for one organisation (pairs) or a group (partnership).

Both feature sets are computable on the product graph and on CORDIS alike: they use only
co-participation in groups, time, country, organisation type, SME flag and a topic profile
(sectors or programmes). Each feature has a name and a sentence template, used by
:mod:`clusternet.graph.analytics.recommender` to phrase the reasons behind a suggestion.

>>> from clusternet.graph.analytics.linkpred import index_from_groups
>>> idx = index_from_groups(list("abcd"), [["a", "b"], ["b", "c"], ["c", "d"]],
...                         country=["FR", "IT", "IT", "ES"])
>>> X = pair_features(idx, pair_block(idx, [0]), 0, np.array([2, 3]))
>>> X[:, PAIR_FEATURES.index("cn")].tolist()      # a-c share b; a-d share nobody
[1.0, 0.0]
>>> m = group_features(idx, [0, 1], np.array([2, 3]))
>>> m[:, GROUP_FEATURES.index("frac_adjacent")].tolist()   # c is adjacent to b, d to neither
[0.5, 0.0]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from clusternet.graph.analytics.linkpred import CollabIndex, group_sums

__all__ = ["PAIR_FEATURES", "GROUP_FEATURES", "PairBlock", "pair_block",
           "pair_features", "group_features"]

PAIR_FEATURES = [
    "cn", "aa", "ra", "wcn", "rcn", "paths3", "deg_u", "deg_v", "nproj_u", "nproj_v",
    "recent_u", "recent_v", "xb_u", "xb_v", "country_prior", "u_nbrs_in_v_country",
    "v_nbrs_in_u_country", "profile_cos", "same_otype", "sme_v", "same_country", "new_u", "new_v", "rra",
    "coord_u", "coord_v", "running_u", "running_v", "runs_until_v", "last_u", "last_v",
]
_SOURCE_ACTIVITY = [PAIR_FEATURES.index(n) for n in (
    "deg_u", "nproj_u", "recent_u", "xb_u", "u_nbrs_in_v_country", "new_u", "coord_u", "running_u", "last_u")]
_CANDIDATE_ACTIVITY = [PAIR_FEATURES.index(n) for n in (
    "deg_v", "nproj_v", "recent_v", "xb_v", "v_nbrs_in_u_country", "new_v", "coord_v", "running_v", "runs_until_v",
    "last_v")]
GROUP_FEATURES = [
    "sum_cn", "max_cn", "sum_aa", "max_aa", "sum_ra", "max_ra", "frac_adjacent", "sum_w",
    "sum_rw", "paths3", "deg_v", "nproj_v", "recent_v", "xb_v", "frac_same_country",
    "mean_country_prior", "profile_cos", "frac_same_otype", "sme_v", "size",
    "max_overlap", "groups_with_2", "nbrs_country_match", "new_v",
]


@dataclass
class PairBlock:
    """Dense path scores from a batch of source organisations to every organisation."""

    sources: np.ndarray
    cn: np.ndarray
    aa: np.ndarray
    ra: np.ndarray
    wcn: np.ndarray
    rcn: np.ndarray
    p3: np.ndarray
    rra: np.ndarray


def pair_block(idx: CollabIndex, sources: Sequence[int]) -> PairBlock:
    """Path scores of a batch of sources (one sparse product per score, dense result).

    Parameters
    ----------
    idx : the index the sources belong to.
    sources : row positions of the source organisations.

    Returns
    -------
    PairBlock with one row per source and one column per organisation: common neighbours,
    Adamic–Adar, resource allocation, weighted and recency-weighted common neighbours,
    3-step walks, and resource allocation over recent ties.

    Examples
    --------
    On the path a-b-c-d-e, a reaches c in two steps (via b) and d in three.

    >>> from clusternet.graph.analytics.linkpred import index_from_groups
    >>> idx = index_from_groups(list("abcde"), [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"]])
    >>> block = pair_block(idx, [idx.pos["a"]])
    >>> block.cn[0].tolist(), block.p3[0].tolist()
    ([1.0, 0.0, 1.0, 0.0, 0.0], [0.0, 2.0, 0.0, 1.0, 0.0])
    """
    src = np.asarray(sources, dtype=np.int64)
    rows = idx.A[src]
    cn = (rows @ idx.A).toarray()
    aa = (rows @ sp.diags(idx.inv_log_deg) @ idx.A).toarray()
    ra = (rows @ sp.diags(idx.inv_deg) @ idx.A).toarray()
    wcn = (idx.W[src] @ idx.W).toarray()
    rcn = (idx.R[src] @ idx.R).toarray()
    p3 = np.asarray((idx.A.T @ cn.T).T)        # A symmetric: walks of length 3
    rra = (idx.R[src] @ sp.diags(idx.inv_deg) @ idx.R).toarray()   # resource allocation over recent ties
    return PairBlock(src, cn, aa, ra, wcn, rcn, p3, rra)


def pair_features(idx: CollabIndex, block: PairBlock, i: int, cands: np.ndarray) -> np.ndarray:
    """Feature matrix (len(cands) x len(PAIR_FEATURES)) for source ``block.sources[i]``.

    ``cands`` are row positions of the candidates; the columns follow :data:`PAIR_FEATURES`.
    Path counts are read from ``block``, degrees and activity are on a log(1 + x) scale;
    activity is NaN (unknown) for an organisation that is in no group.

    >>> from clusternet.graph.analytics.linkpred import index_from_groups
    >>> idx = index_from_groups(list("abcde"), [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"]],
    ...                         country=["FR", "FR", "FR", "IT", "MA"])
    >>> X = pair_features(idx, pair_block(idx, [0]), 0, np.array([2, 4]))   # a with c, a with e
    >>> [X[:, PAIR_FEATURES.index(f)].tolist() for f in ("cn", "same_country")]
    [[1.0, 0.0], [1.0, 0.0]]
    """
    u = int(block.sources[i])
    v = np.asarray(cands, dtype=np.int64)
    cu, cv = idx.country[u], idx.country[v]
    known = (cu >= 0) & (cv >= 0)
    prior = np.where(known, idx.country_prior[max(cu, 0)][np.maximum(cv, 0)], 0.0)
    u_in_v = np.where(cv >= 0, idx.nbr_country[u][np.maximum(cv, 0)], 0.0)
    v_in_u = idx.nbr_country[v, cu] if cu >= 0 else np.zeros(len(v))
    cos = np.asarray(idx.P[v] @ idx.P[u].T.toarray()).ravel()
    n = len(v)
    cols = [
        block.cn[i, v], block.aa[i, v], block.ra[i, v], block.wcn[i, v], block.rcn[i, v],
        np.log1p(block.p3[i, v]), np.full(n, np.log1p(idx.deg[u])), np.log1p(idx.deg[v]),
        np.full(n, np.log1p(idx.nproj[u])), np.log1p(idx.nproj[v]),
        np.full(n, np.log1p(idx.recent[u])), np.log1p(idx.recent[v]),
        np.full(n, idx.xb_rate[u]), idx.xb_rate[v], prior, np.log1p(u_in_v), np.log1p(v_in_u), cos,
        ((idx.otype[v] == idx.otype[u]) & (idx.otype[v] >= 0)).astype(float), idx.sme[v],
        (known & (cu == cv)).astype(float), np.full(n, np.log1p(idx.new_partners[u])),
        np.log1p(idx.new_partners[v]), block.rra[i, v],
        np.full(n, np.log1p(idx.coord[u])), np.log1p(idx.coord[v]), np.full(n, np.log1p(idx.running[u])),
        np.log1p(idx.running[v]), idx.runs_until[v], np.full(n, idx.last_start[u]), idx.last_start[v],
    ]
    X = np.column_stack(cols).astype(np.float64)
    # an organisation in no group at all (a name in a document, nothing known of its work)
    # has unknown activity, not none: NaN, which the scorers read as an average value
    if idx.nproj[u] == 0:
        X[:, _SOURCE_ACTIVITY] = np.nan
    X[np.ix_(idx.nproj[v] == 0, _CANDIDATE_ACTIVITY)] = np.nan
    return X


def group_features(idx: CollabIndex, members: Sequence[int], cands: np.ndarray, *, sums=None) -> np.ndarray:
    """Feature matrix (len(cands) x len(GROUP_FEATURES)) of candidates against a group.

    Sums and maxima of the pair scores over members, the share of members a candidate
    already worked with, co-participation counts (plain and recency-weighted), 3-hop
    paths, the candidate's activity, and content fit (country, type, topic profile).
    ``sums`` is :func:`~clusternet.graph.linkpred.group_sums` of the members, if at hand.

    On the path a-b-c-d-e with members a and b: c works with b (half the members) and
    shares b with a; d works with neither member but shares c with b.

    >>> from clusternet.graph.analytics.linkpred import index_from_groups
    >>> idx = index_from_groups(list("abcde"), [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"]])
    >>> m = group_features(idx, [0, 1], np.array([2, 3]))
    >>> [m[:, GROUP_FEATURES.index(f)].tolist() for f in ("frac_adjacent", "sum_cn")]
    [[0.5, 0.0], [1.0, 1.0]]
    """
    M = np.asarray(members, dtype=np.int64)
    v = np.asarray(cands, dtype=np.int64)
    k = max(len(M), 1)
    Av = idx.A[v]                                            # candidates' neighbourhoods
    a, Y = sums if sums is not None else group_sums(idx, M)
    cn, aa, ra, sum_w, sum_rw, max_overlap, groups2 = _member_ties(idx, M, v, Av)
    p3 = Av @ Y[:, 0]
    same, prior, nbr = _country_fit(idx, M, v, k)
    prof = np.asarray(idx.P[M].sum(axis=0)).ravel()
    norm = np.linalg.norm(prof)
    cos = np.asarray(idx.P[v] @ (prof / norm)).ravel() if norm > 0 else np.zeros(len(v))
    mt = idx.otype[M]
    same_t = (np.bincount(mt[mt >= 0], minlength=max(len(idx.otypes), 1))[np.maximum(idx.otype[v], 0)]
              * (idx.otype[v] >= 0) / k) if len(mt) else np.zeros(len(v))
    cols = [
        cn.sum(axis=1), cn.max(axis=1), aa.sum(axis=1), aa.max(axis=1), ra.sum(axis=1), ra.max(axis=1),
        a[v] / k, sum_w, sum_rw, np.log1p(p3), np.log1p(idx.deg[v]), np.log1p(idx.nproj[v]), np.log1p(idx.recent[v]),
        idx.xb_rate[v], same, prior, cos, same_t, idx.sme[v],
        np.full(len(v), np.log1p(len(M))), max_overlap, groups2, nbr, np.log1p(idx.new_partners[v]),
    ]
    return np.column_stack(cols).astype(np.float64)


def _member_ties(idx: CollabIndex, M: np.ndarray, v: np.ndarray, Av) -> tuple:
    """Candidate x member common neighbours, Adamic–Adar and resource allocation (one
    column per member), each candidate's plain and recency-weighted co-participations
    with the members, its largest group's member count and its groups holding two members."""
    if not len(M):
        cn = aa = ra = np.zeros((len(v), 1))
        sum_w = sum_rw = max_overlap = groups2 = np.zeros(len(v))
        return cn, aa, ra, sum_w, sum_rw, max_overlap, groups2
    # candidate x member pair scores, computed from the candidates' side only
    Rt = idx.A[M].T.toarray()                                # n x k, dense: k is small
    kk = Rt.shape[1]
    # one sparse pass for the three scores (the pass over Av dominates the cost)
    both = Av @ np.hstack([Rt, Rt * idx.inv_log_deg[:, None], Rt * idx.inv_deg[:, None]])
    cn, aa, ra = both[:, :kk], both[:, kk:2 * kk], both[:, 2 * kk:]
    ind = np.zeros(idx.n)
    ind[M] = 1.0
    sum_w = idx.W[v] @ ind
    sum_rw = idx.R[v] @ ind
    cnt = np.asarray(idx.B[M].sum(axis=0)).ravel()           # members in each group
    Bv = idx.B[v]
    max_overlap = Bv.multiply(cnt).max(axis=1).toarray().ravel()
    groups2 = np.asarray(Bv @ (cnt >= 2).astype(float)).ravel()
    return cn, aa, ra, sum_w, sum_rw, max_overlap, groups2


def _country_fit(idx: CollabIndex, M: np.ndarray, v: np.ndarray, k: int) -> tuple:
    """Per candidate: the share of members in its country, the mean country-pair prior
    with the members' countries, and how far its partners come from those countries."""
    mc = idx.country[M]
    mc = mc[mc >= 0]
    cv = idx.country[v]
    if not len(mc):
        return np.zeros(len(v)), np.zeros(len(v)), np.zeros(len(v))
    same = np.bincount(mc, minlength=len(idx.countries))[np.maximum(cv, 0)] * (cv >= 0) / k
    prior = np.where(cv >= 0, idx.country_prior[mc][:, np.maximum(cv, 0)].mean(axis=0), 0.0)
    # do the candidate's partners come from the members' countries?
    share = np.bincount(mc, minlength=len(idx.countries)).astype(float) / len(mc)
    nbr = (idx.nbr_country[v] @ share) / np.maximum(idx.deg[v], 1)
    return same, prior, nbr
