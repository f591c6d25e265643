"""The learned recommender: link scorers fitted on history.

Two models, one per question: *pairs* (should organisation u link with v?) over
:data:`~clusternet.graph.features.PAIR_FEATURES`, and *groups* (should v join this set of
members?) over :data:`~clusternet.graph.features.GROUP_FEATURES`. Both are fitted on an
inner temporal split of the CORDIS train period only
(:func:`~clusternet.graph.analytics.fitting.fit_on_split`) and shipped as
plain arrays (``graph/data/linkmodel.npz``) evaluated with numpy, so no pickles and no
scikit-learn version lock.

The pair scorer is a *listwise* (conditional) logit, :class:`LinearScorer`: for each
organisation it learns to put one of the organisations it later works with at the top of
its candidate list, the very thing the cross-border benchmark measures. Its inputs are the
pair features with the path counts on a log scale, their squares and their products with
the candidate's degree (:func:`linear_terms`); being linear in those, it keeps growing on a
graph larger than the one it was fitted on. The group scorer is gradient-boosted trees
(:class:`~clusternet.graph.analytics.trees.TreeEnsemble`).

Each score can be explained: :meth:`LinkModel.contributions` measures, per feature, how
much the score drops when that feature is set to a neutral reference value (occlusion).

References
----------
.. [1] J. H. Friedman. Greedy function approximation: a gradient boosting machine (2001).
.. [2] M. D. Zeiler, R. Fergus. Visualizing and understanding convolutional networks (2014),
   for occlusion-style attributions.
.. [3] D. McFadden. Conditional logit analysis of qualitative choice behavior (1974).
.. [4] Z. Cao, T. Qin, T.-Y. Liu, M.-F. Tsai, H. Li. Learning to rank: from pairwise approach
   to listwise approach (2007).
"""
from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from clusternet.graph.errors import InputError
from clusternet.graph.analytics.features import GROUP_FEATURES, PAIR_FEATURES
from clusternet.graph.analytics.trees import TreeEnsemble

__all__ = ["TreeEnsemble", "LinearScorer", "LinkModel", "load_model", "save_model", "MODEL_PATH", "PAIR_L2",
           "linear_terms"]

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "linkmodel.npz"
#: L2 strength on the standardised terms of the pair scorer, chosen by ``scripts/tune_pair.py``
#: on train only (fitted on the 2016 inner split, all 4,041 queries of the 2017 links):
#: 0.001 / 0.003 / 0.01 / 0.03 gave MRR 0.321 / 0.322 / 0.324 / 0.321 (Adamic–Adar 0.273).
#: For comparison, on two sets of 2,000 of those queries: the boosted trees + a pointwise
#: logistic regression + 2 x log(1 + Adamic–Adar) that this scorer replaced, 0.314 / 0.314;
#: trees added to this scorer, no better (0.319 / 0.323).
PAIR_L2 = 0.01
_PATH_COUNTS = [PAIR_FEATURES.index(n) for n in ("cn", "aa", "ra", "wcn", "rcn", "rra")]
_DEG_V = PAIR_FEATURES.index("deg_v")
#: the candidate's own features whose squares enter the pair scorer (the source's are the
#: same for its whole list: a listwise model gives them no weight)
_SQUARED = [PAIR_FEATURES.index(n) for n in (
    "deg_v", "nproj_v", "recent_v", "xb_v", "country_prior", "u_nbrs_in_v_country", "v_nbrs_in_u_country",
    "profile_cos", "new_v", "coord_v", "running_v", "runs_until_v", "last_v", "paths3")]


def linear_terms(X: np.ndarray) -> np.ndarray:
    """The inputs of the pair scorer: the pair features with the six path counts (common
    neighbours, Adamic–Adar, resource allocation, weighted, recent, recent RA) on a log
    scale, the squares of those, their products with the candidate's log degree, and the
    squares of the candidate's own features (an unknown value, NaN, stays unknown).

    >>> linear_terms(np.zeros((2, len(PAIR_FEATURES)))).shape == (2, len(PAIR_FEATURES) + 12 + len(_SQUARED))
    True
    """
    Z = np.array(X, dtype=np.float64, copy=True)
    Z[:, _PATH_COUNTS] = np.log1p(np.maximum(Z[:, _PATH_COUNTS], 0.0))
    paths = Z[:, _PATH_COUNTS]
    return np.hstack([Z, paths ** 2, paths * Z[:, [_DEG_V]], Z[:, _SQUARED] ** 2])


def _listwise_loss(w: np.ndarray, Z: np.ndarray, y: np.ndarray, query: np.ndarray, nq: int,
                   l2: float) -> tuple[float, np.ndarray]:
    """Mean over queries of -log P(the softmax over the query's list picks a positive), + L2."""
    s = Z @ w
    top = np.full(nq, -np.inf)
    np.maximum.at(top, query, s)                       # per-query shift: exp never overflows
    e = np.exp(s - top[query])
    total = np.bincount(query, weights=e, minlength=nq)
    pos = np.bincount(query, weights=e * y, minlength=nq)
    loss = float(-(np.log(pos) - np.log(total)).mean() + l2 * w @ w)
    coef = e / total[query] - np.where(y, e / pos[query], 0.0)
    return loss, Z.T @ coef / nq + 2 * l2 * w


@dataclass
class LinearScorer:
    """A conditional (listwise) logit over :func:`linear_terms` (standardised), as plain arrays.

    Fitted on lists of candidates, one list per query (source organisation), each holding
    at least one positive: it maximises the probability that a softmax over the list's
    scores picks a positive, i.e. that one organisation the source later worked with comes
    first. Anything constant within a list (the source's own activity) cannot change an
    order and gets no weight.

    >>> X = np.zeros((4, len(PAIR_FEATURES)))
    >>> X[:, PAIR_FEATURES.index("cn")] = [0, 3, 0, 3]        # the positive has more shared partners
    >>> X[:, PAIR_FEATURES.index("deg_u")] = [1, 1, 5, 5]     # constant within each list
    >>> m = LinearScorer.fit(X, np.array([0, 1, 0, 1]), np.array([0, 0, 1, 1]))
    >>> bool(m.decision(X[1:2])[0] > m.decision(X[:1])[0]), round(float(m.coef[PAIR_FEATURES.index("deg_u")]), 6)
    (True, 0.0)
    """

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray

    @classmethod
    def fit(cls, X: np.ndarray, y: np.ndarray, query: np.ndarray, *, l2: float = PAIR_L2) -> "LinearScorer":
        """Fit on rows ``X`` with labels ``y`` (1 = positive) grouped by ``query`` (int ids);
        lists without a positive carry no information and are dropped.

        With no positive at all there is nothing to learn, and every weight is zero:

        >>> bool(LinearScorer.fit(np.ones((2, len(PAIR_FEATURES))), np.array([0, 0]), np.array([0, 0])).coef.any())
        False
        """
        from scipy.optimize import minimize

        y = np.asarray(y).astype(bool)
        _, query = np.unique(np.asarray(query), return_inverse=True)
        keep = np.bincount(query, weights=y)[query] > 0
        if not keep.all():
            X, y = X[keep], y[keep]
            _, query = np.unique(query[keep], return_inverse=True)
        width = linear_terms(np.zeros((1, len(PAIR_FEATURES)))).shape[1]
        if not len(X):
            return cls(np.zeros(width), np.ones(width), np.zeros(width))
        T = np.empty((len(X), width))
        for a in range(0, len(X), 100_000):            # in slices: the terms' temporaries stay small
            T[a:a + 100_000] = linear_terms(X[a:a + 100_000])
        with warnings.catch_warnings():              # an all-unknown column is fine: mean 0, scale 1
            warnings.simplefilter("ignore", RuntimeWarning)
            # column by column: nanstd of the whole matrix would hold two more copies of it
            mean = np.array([np.nanmean(T[:, j]) for j in range(width)])
            scale = np.array([np.nanstd(T[:, j]) for j in range(width)])
        mean = np.nan_to_num(mean)
        scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)
        Z = cls._standard(T, mean, scale)
        nq = int(query.max()) + 1
        res = minimize(_listwise_loss, np.zeros(Z.shape[1]), args=(Z, y, query, nq, l2), jac=True,
                       method="L-BFGS-B", options={"maxiter": 3000})
        return cls(mean, scale, res.x.astype(np.float64))

    @staticmethod
    def _standard(T: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
        """``T`` standardised *in place* (it is always a fresh matrix of terms: no second
        copy of a design matrix of a million rows)."""
        # a missing value (an unknown date, say) counts as the average one; the trees route
        # missing values themselves, a linear model needs a number
        np.subtract(T, mean, out=T)
        np.divide(T, scale, out=T)
        return np.nan_to_num(T, copy=False, nan=0.0, posinf=0.0, neginf=0.0)

    def decision(self, X: np.ndarray) -> np.ndarray:
        """Score of each row (log-odds up to a constant per list: no intercept).

        Rows are :data:`PAIR_FEATURES` vectors; the score is the dot product of the
        standardised :func:`linear_terms` with ``coef``. A scorer that weighs only the
        log-scaled common neighbours gives log(1 + cn):

        >>> w = np.zeros(len(PAIR_FEATURES) + 12 + len(_SQUARED)); w[PAIR_FEATURES.index("cn")] = 1
        >>> s = LinearScorer(np.zeros(len(w)), np.ones(len(w)), w)
        >>> X = np.zeros((2, len(PAIR_FEATURES))); X[:, PAIR_FEATURES.index("cn")] = [0, np.e - 1]
        >>> s.decision(X).round(6).tolist()
        [0.0, 1.0]
        """
        if not len(X):
            return np.zeros(0)
        return self._standard(linear_terms(X), self.mean, self.scale) @ self.coef

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The scorer as named arrays (``<prefix>_mean``, ``_scale``, ``_coef``) for an ``.npz``.

        >>> sorted(LinearScorer(np.zeros(2), np.ones(2), np.zeros(2)).arrays("pair"))
        ['pair_coef', 'pair_mean', 'pair_scale']
        """
        return {f"{prefix}_mean": self.mean, f"{prefix}_scale": self.scale, f"{prefix}_coef": self.coef}

    @classmethod
    def from_arrays(cls, z, prefix: str) -> "LinearScorer":
        """The scorer stored under ``prefix`` in a mapping of arrays (what :meth:`arrays` wrote).

        >>> s = LinearScorer(np.zeros(2), np.ones(2), np.array([1.0, -2.0]))
        >>> LinearScorer.from_arrays(s.arrays("pair"), "pair").coef.tolist()
        [1.0, -2.0]
        """
        return cls(z[f"{prefix}_mean"], z[f"{prefix}_scale"], z[f"{prefix}_coef"])


@dataclass
class LinkModel:
    """The pair and group scorers (the fitted scikit-learn estimator kept in ``_est``)."""

    pair: LinearScorer
    group: TreeEnsemble
    meta: dict = field(default_factory=dict)
    _est: dict = field(default_factory=dict, repr=False)

    def score_pairs(self, X: np.ndarray) -> np.ndarray:
        """Pair scores of the rows of ``X`` (:data:`PAIR_FEATURES`): higher is a likelier link.

        >>> m = load_model()
        >>> X = np.zeros((2, len(PAIR_FEATURES)))
        >>> m.score_pairs(X).shape
        (2,)
        """
        return self.pair.decision(X)

    def score_group(self, X: np.ndarray) -> np.ndarray:
        """Group scores of the rows of ``X`` (:data:`GROUP_FEATURES`): higher is a likelier new member.

        >>> m = load_model()
        >>> m.score_group(np.zeros((3, len(GROUP_FEATURES)))).shape
        (3,)
        """
        return self.group.decision(X)

    def contributions(self, kind: str, X: np.ndarray, reference: np.ndarray) -> np.ndarray:
        """Per row and feature: score minus the score with that feature set to ``reference``.

        Positive values are features that pushed the suggestion up. ``kind`` is ``"pair"``
        or ``"group"``; ``reference`` holds one neutral value per feature.

        With a pair scorer that weighs only log(1 + cn), only that column contributes:

        >>> w = np.zeros(len(PAIR_FEATURES) + 12 + len(_SQUARED)); w[PAIR_FEATURES.index("cn")] = 1
        >>> pair = LinearScorer(np.zeros(len(w)), np.ones(len(w)), w)
    >>> leaf = TreeEnsemble(np.array([-1]), np.zeros(1), np.zeros(1, int), np.zeros(1, int),
    ...                     np.zeros(1, bool), np.array([0.5]), np.array([0]), 0.25, 0)   # one leaf
        >>> X = np.zeros((1, len(PAIR_FEATURES))); X[0, PAIR_FEATURES.index("cn")] = np.e - 1
        >>> c = LinkModel(pair, leaf).contributions("pair", X, np.zeros(len(PAIR_FEATURES)))
        >>> round(float(c[0, PAIR_FEATURES.index("cn")]), 6), float(np.abs(c).sum().round(6))
        (1.0, 1.0)
        """
        score = self.score_pairs if kind == "pair" else self.score_group
        base = score(X)
        out = np.zeros(X.shape, dtype=np.float64)
        for j in range(X.shape[1]):
            Xj = X.copy()
            Xj[:, j] = reference[j]
            out[:, j] = base - score(Xj)
        return out

def save_model(model: LinkModel, path: str | Path = MODEL_PATH) -> Path:
    """Write the model as a compressed ``.npz`` (arrays + JSON metadata); returns the path.

    Parameters
    ----------
    model : the model to write.
    path : where to write it; by default over the shipped model, :data:`MODEL_PATH`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = save_model(load_model(), Path(d) / "m.npz")
    ...     load_model(p).meta["pair_model"]
    'listwise logit'
    """
    path = Path(path)
    np.savez_compressed(path, **model.pair.arrays("pair"), **model.group.arrays("group"),
                        meta=np.array(json.dumps(model.meta, sort_keys=True)))
    return path


def load_model(path: str | Path | None = None) -> LinkModel:
    """The shipped model (or one saved by :func:`save_model`).

    Parameters
    ----------
    path : a ``.npz`` written by :func:`save_model`; by default :data:`MODEL_PATH`.

    Raises
    ------
    InputError : the file is missing, not a model, or was fitted on other features.

    Examples
    --------
    >>> load_model().meta["pair_features"] == PAIR_FEATURES
    True
    >>> load_model("no/such/model.npz")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.InputError: ...
    """
    p = Path(path) if path else MODEL_PATH
    try:
        with np.load(p, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            model = LinkModel(LinearScorer.from_arrays(z, "pair"), TreeEnsemble.from_arrays(z, "group"), meta)
    except (OSError, KeyError, ValueError) as err:
        raise InputError(p, f"not a clusternet link model (or one saved by an older clusternet): {err}") from None
    if meta.get("pair_features") != PAIR_FEATURES or meta.get("group_features") != GROUP_FEATURES:
        raise InputError(p, "model was fitted on other features; refit with `clusternet evaluate cordis --save-model`")
    return model
