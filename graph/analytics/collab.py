"""The co-participation index link prediction works on: organisations, the groups they
share, their attributes, and the sparse matrices derived from them (see
:mod:`clusternet.graph.analytics.linkpred`, which builds it from a product graph and
scores links on it).

>>> idx = index_from_groups(["a", "b", "c"], [["a", "b"], ["b", "c"]], country=["FR", "IT", "IT"])
>>> idx.A.toarray().tolist(), idx.countries
([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]], ['FR', 'IT'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

__all__ = ["CollabIndex", "index_from_groups", "RECENCY_YEARS"]

RECENCY_YEARS = 2.0   # half-life-like scale of the recency weight exp(-age / RECENCY_YEARS)


def _codes(values: Sequence) -> tuple[np.ndarray, list]:
    """Integer codes for categorical values, -1 for missing; the vocabulary sorted."""
    vocab = sorted({v for v in values if v not in (None, "")})
    pos = {v: i for i, v in enumerate(vocab)}
    return np.array([pos.get(v, -1) for v in values], dtype=np.int64), vocab


@dataclass
class CollabIndex:
    """Organisations, the groups they share, their attributes and derived matrices.

    Build it with :func:`index_from_groups` or :func:`index_from_graph`; the derived
    matrices (``A`` binary adjacency, ``W`` co-participation counts, ``R`` recency-weighted
    counts, degrees, ...) are computed on construction.
    """

    ids: list[str]
    B: sp.csr_matrix                       # organisations x groups incidence (0/1)
    group_ids: list[str]
    group_time: np.ndarray                 # decimal year of each group, nan if unknown
    country: np.ndarray                    # int code per organisation, -1 unknown
    countries: list[str]
    otype: np.ndarray
    otypes: list[str]
    sme: np.ndarray                        # 1 yes, 0 no, -1 unknown
    P: sp.csr_matrix                       # organisations x topics, rows L2-normalised
    topics: list[str]
    group_end: np.ndarray | None = None    # decimal year each group ends, nan if unknown
    Bc: sp.csr_matrix | None = None        # organisations x groups they coordinate (0/1)
    now: float = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.ids)
        self.pos = {k: i for i, k in enumerate(self.ids)}
        t = self.group_time
        self.now = float(np.nanmax(t)) if np.isfinite(t).any() else 0.0
        # groups of unknown date count as middle-aged: neither fresh nor stale
        rec = np.where(np.isfinite(t), np.exp(-(self.now - np.nan_to_num(t)) / RECENCY_YEARS), 0.5)
        B = self.B.tocsr().astype(np.float64)
        W = (B @ B.T).tocsr()
        W.setdiag(0)
        W.eliminate_zeros()
        self.W = W
        R = (B @ sp.diags(rec) @ B.T).tocsr()
        R.setdiag(0)
        R.eliminate_zeros()
        self.R = R
        A = W.copy()
        A.data[:] = 1.0
        self.A = A
        self.deg = np.asarray(A.sum(axis=1)).ravel()
        self.nproj = np.asarray(B.sum(axis=1)).ravel()
        recent = np.isfinite(t) & (t >= self.now - 1.0)
        self.recent = np.asarray(B[:, np.flatnonzero(recent)].sum(axis=1)).ravel() if recent.any() else np.zeros(n)
        # partners met for the first time in the last year: how open to new links one is now
        Br, Bo = B[:, np.flatnonzero(recent)], B[:, np.flatnonzero(~recent)]
        met_recently = (Br @ Br.T).tocsr()
        met_recently.setdiag(0)
        met_recently.eliminate_zeros()
        met_before = (Bo @ Bo.T).tocsr()
        new = met_recently - met_recently.multiply(met_before > 0)
        new.eliminate_zeros()
        self.new_partners = np.diff(new.tocsr().indptr).astype(float)
        with np.errstate(divide="ignore"):
            self.inv_log_deg = np.where(self.deg > 1, 1.0 / np.log(np.maximum(self.deg, 2)), 0.0)
            self.inv_deg = np.where(self.deg > 0, 1.0 / np.maximum(self.deg, 1), 0.0)
        nc = max(len(self.countries), 1)
        known = self.country >= 0
        C = sp.csr_matrix((np.ones(known.sum()), (np.flatnonzero(known), self.country[known])), shape=(n, nc))
        self.C = C                                        # organisation -> country one-hot
        self.nbr_country = (A @ C).toarray()              # neighbours per country (dense: few countries)
        same = self.nbr_country[np.arange(n), np.maximum(self.country, 0)]
        same = np.where(known, same, 0)
        self.xb_rate = np.where(self.deg > 0, (self.deg - same) / np.maximum(self.deg, 1), 0.0)
        # country-pair prior: log of edges between two countries over possible pairs
        E = (C.T @ A @ C).toarray()
        size = np.asarray(C.sum(axis=0)).ravel()
        self.country_prior = np.log((E + 1.0) / (np.outer(size, size) + 1.0))
        self._activity(B)

    def _activity(self, B: sp.csr_matrix) -> None:
        """Groups coordinated, groups still running a year from now, how far ahead the
        latest one runs, and how long ago the latest one started (nan if unknown)."""
        n, g = B.shape
        Bc = self.Bc if self.Bc is not None else sp.csr_matrix((n, g))
        self.coord = np.asarray(Bc.sum(axis=1)).ravel()
        end = self.group_end if self.group_end is not None else np.full(g, np.nan)
        ahead = np.where(np.isfinite(end), end - self.now, -np.inf)
        self.running = np.asarray(B @ (ahead >= 1.0).astype(float)).ravel()
        self.runs_until = np.zeros(n)
        coo = B.tocoo()
        np.maximum.at(self.runs_until, coo.row, np.maximum(ahead[coo.col], 0.0))
        t = self.group_time[coo.col]
        dated = np.isfinite(t)
        last = np.full(n, -np.inf)
        np.maximum.at(last, coo.row[dated], t[dated] - self.now)
        self.last_start = np.where(np.isfinite(last), last, np.nan)

    @property
    def n(self) -> int:
        """Number of organisations in the index.

        >>> index_from_groups(list("abcde"), [["a", "b"]]).n
        5
        """
        return len(self.ids)

    def topics_of(self, i: int) -> list[str]:
        """The topic words of organisation ``i`` (sorted), as the index was built with them:
        for an index of a product graph, what :func:`org_topics` gives, without walking it.

        >>> idx = index_from_groups(["a", "b"], [["a", "b"]], topics=[["sector:wine", "programme:X"], []])
        >>> idx.topics_of(0), idx.topics_of(1)
        (['programme:X', 'sector:wine'], [])
        """
        row = self.P.indices[self.P.indptr[i]:self.P.indptr[i + 1]]
        return sorted(self.topics[j] for j in row)


def index_from_groups(ids: Sequence[str], groups: Iterable[Sequence[str]], *,
                      group_ids: Sequence[str] | None = None, group_time: Sequence[float] | None = None,
                      country: Sequence[str | None] | None = None, org_type: Sequence[str | None] | None = None,
                      sme: Sequence[bool | None] | None = None,
                      topics: Sequence[Iterable[str]] | None = None,
                      group_end: Sequence[float] | None = None,
                      coordinators: Iterable[Sequence[str]] | None = None) -> CollabIndex:
    """Build a :class:`CollabIndex` from plain lists.

    Parameters
    ----------
    ids : organisation ids (the node set).
    groups : for each group, the ids of its member organisations (unknown ids ignored).
    group_ids, group_time : optional id and decimal year (start) of each group.
    group_end : optional decimal year each group ends.
    coordinators : optional, for each group, the ids of the members that coordinate it.
    country, org_type, sme, topics : optional per-organisation attributes, aligned with ``ids``.

    Returns
    -------
    CollabIndex

    Examples
    --------
    >>> idx = index_from_groups(["a", "b", "c"], [["a", "b"], ["a", "b", "c"]])
    >>> idx.W.toarray().tolist()
    [[0.0, 2.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 0.0]]
    """
    ids = list(ids)
    pos = {k: i for i, k in enumerate(ids)}
    rows, cols = [], []
    glist = [list(g) for g in groups]
    for j, members in enumerate(glist):
        for m in dict.fromkeys(members):
            if m in pos:
                rows.append(pos[m])
                cols.append(j)
    n, g = len(ids), len(glist)
    B = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, g))
    gt = np.array(group_time if group_time is not None else [np.nan] * g, dtype=float)
    cc, cvocab = _codes(list(country) if country is not None else [None] * n)
    tc, tvocab = _codes(list(org_type) if org_type is not None else [None] * n)
    sm = np.array([-1 if s is None else int(bool(s)) for s in (sme if sme is not None else [None] * n)])
    tp = [list(t) for t in topics] if topics is not None else [[] for _ in range(n)]
    vocab = sorted({x for t in tp for x in t})
    tpos = {x: i for i, x in enumerate(vocab)}
    pr = [(i, tpos[x]) for i, t in enumerate(tp) for x in t]
    P = sp.csr_matrix((np.ones(len(pr)), ([a for a, _ in pr], [b for _, b in pr])), shape=(n, max(len(vocab), 1)))
    P.sum_duplicates()
    norms = np.sqrt(np.asarray(P.multiply(P).sum(axis=1)).ravel())
    P = (sp.diags(np.where(norms > 0, 1.0 / np.maximum(norms, 1e-12), 0.0)) @ P).tocsr()
    ge = np.array(group_end, dtype=float) if group_end is not None else None
    Bc = None
    if coordinators is not None:
        cr = [(pos[m], j) for j, cs in enumerate(coordinators) for m in dict.fromkeys(cs or ()) if m in pos]
        Bc = sp.csr_matrix((np.ones(len(cr)), ([a for a, _ in cr], [b for _, b in cr])), shape=(n, g))
    return CollabIndex(ids, B, list(group_ids) if group_ids is not None else [f"g{j}" for j in range(g)],
                       gt, cc, cvocab, tc, tvocab, sm, P, vocab, ge, Bc)
