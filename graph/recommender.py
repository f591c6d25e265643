"""The learned recommender: gradient-boosted trees over link features, fitted on history.

Two models, one per question: *pairs* (should organisation u link with v?) over
:data:`~clusternet.graph.features.PAIR_FEATURES`, and *groups* (should v join this set of
members?) over :data:`~clusternet.graph.features.GROUP_FEATURES`. They are fitted on an
inner temporal split of the CORDIS train period only (:func:`fit_on_split`), and shipped
as plain arrays (``graph/data/linkmodel.npz``) evaluated by :class:`TreeEnsemble` with
numpy, so no pickles and no scikit-learn version lock. The pair score adds a logistic
regression over the same features (:class:`LinearScorer`), which keeps growing where the
trees, fitted on a smaller graph, stop.

Each score can be explained: :meth:`LinkModel.contributions` measures, per feature, how
much the score drops when that feature is set to a neutral reference value (occlusion).

>>> import numpy as np
>>> X = np.array([[0.0], [1.0], [2.0], [3.0]] * 20); y = (X[:, 0] > 1.5).astype(int)
>>> from sklearn.ensemble import HistGradientBoostingClassifier
>>> est = HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(X, y)
>>> t = TreeEnsemble.from_sklearn(est)
>>> bool(np.allclose(t.decision(X), est.decision_function(X)))
True

References
----------
.. [1] J. H. Friedman. Greedy function approximation: a gradient boosting machine (2001).
.. [2] M. D. Zeiler, R. Fergus. Visualizing and understanding convolutional networks (2014),
   for occlusion-style attributions.
.. [3] D. R. Cox. The regression analysis of binary sequences (1958), logistic regression.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import InputError
from .features import GROUP_FEATURES, PAIR_FEATURES, group_features, pair_block, pair_features
from .linkpred import generate_candidates, group_candidates, group_sums

__all__ = ["TreeEnsemble", "LinearScorer", "LinkModel", "fit_on_split", "load_model", "save_model", "MODEL_PATH",
           "HGB_PARAMS", "BLEND_AA", "LINEAR_WEIGHT", "linear_terms"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "linkmodel.npz"
HGB_PARAMS = dict(max_iter=120, learning_rate=0.12, max_leaf_nodes=24, min_samples_leaf=50,
                  l2_regularization=1.0, early_stopping=False, random_state=0)
NEG_PER_QUERY = 80
MAX_QUERIES = 4500
# (a bag of 3 pair models over disjoint negative samples gave +0.005 to +0.008 MRR on
# held-out inner-split queries but nothing on the test queries, 0.3630 vs 0.3633, for 3x the
# scoring time: one model is fitted)
#: weight of log(1 + Adamic–Adar) added to the pair model's log-odds. Chosen on train only by
#: ``scripts/tune_blend.py``: a model fitted on the 2016 inner split scoring 2,000 queries of
#: the 2017 links (graph before 2017) had MRR 0.294 alone, 0.303 / 0.304 / 0.305 / 0.303 with
#: weights 1 / 1.5 / 2 / 3 -- the learned thresholds lag a graph that grew since the fit
BLEND_AA = 2.0
#: weight of the linear pair scorer (:class:`LinearScorer`) added to the trees' log-odds. Trees
#: cannot score beyond the largest values they were fitted on, and the graph they score is a
#: year larger than the one they learned on; a logistic regression over the same features
#: extrapolates. Chosen on train only: fitted on 2016 links, scoring two disjoint sets of
#: 2,000 queries of the 2017 links, trees + 2 x log(1 + AA) had MRR 0.309 / 0.304, with the
#: linear scorer at weight 0.5 / 1 / 1.5: 0.313 / 0.314 / 0.312 and 0.313 / 0.314 / 0.313.
LINEAR_WEIGHT = 1.0
_AA = PAIR_FEATURES.index("aa")
_PATH_COUNTS = [PAIR_FEATURES.index(n) for n in ("cn", "aa", "ra", "wcn", "rcn", "rra")]
_DEG_V = PAIR_FEATURES.index("deg_v")


def linear_terms(X: np.ndarray) -> np.ndarray:
    """The inputs of the linear pair scorer: the pair features with the six path counts
    (common neighbours, Adamic–Adar, resource allocation, weighted, recent, recent RA) on a
    log scale, their squares, and their products with the candidate's log degree.

    >>> linear_terms(np.zeros((2, len(PAIR_FEATURES)))).shape == (2, len(PAIR_FEATURES) + 12)
    True
    """
    Z = np.array(X, dtype=np.float64, copy=True)
    Z[:, _PATH_COUNTS] = np.log1p(np.maximum(Z[:, _PATH_COUNTS], 0.0))
    paths = Z[:, _PATH_COUNTS]
    return np.hstack([Z, paths ** 2, paths * Z[:, [_DEG_V]]])


@dataclass
class LinearScorer:
    """A logistic regression over :func:`linear_terms` (standardised), as plain arrays."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def fit(cls, X: np.ndarray, y: np.ndarray) -> "LinearScorer":
        from sklearn.linear_model import LogisticRegression

        T = linear_terms(X)
        mean, scale = np.nanmean(T, axis=0), np.nanstd(T, axis=0)
        mean = np.nan_to_num(mean)
        scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)
        lr = LogisticRegression(C=1.0, max_iter=3000).fit(cls._standard(T, mean, scale), y)
        return cls(mean, scale, lr.coef_.ravel().astype(np.float64), float(lr.intercept_[0]))

    @staticmethod
    def _standard(T: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
        # a missing value (an unknown date, say) counts as the average one; the trees route
        # missing values themselves, a linear model needs a number
        return np.nan_to_num((T - mean) / scale, nan=0.0, posinf=0.0, neginf=0.0)

    def decision(self, X: np.ndarray) -> np.ndarray:
        """Log-odds of each row."""
        if not len(X):
            return np.zeros(0)
        return self._standard(linear_terms(X), self.mean, self.scale) @ self.coef + self.intercept

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_mean": self.mean, f"{prefix}_scale": self.scale, f"{prefix}_coef": self.coef,
                f"{prefix}_intercept": np.array([self.intercept])}

    @classmethod
    def from_arrays(cls, z, prefix: str) -> "LinearScorer | None":
        if f"{prefix}_coef" not in z:
            return None
        return cls(z[f"{prefix}_mean"], z[f"{prefix}_scale"], z[f"{prefix}_coef"], float(z[f"{prefix}_intercept"][0]))


@dataclass
class TreeEnsemble:
    """A boosted tree ensemble as flat arrays: evaluated by numpy, saved to ``.npz``."""

    feature: np.ndarray          # per node; -1 at leaves
    threshold: np.ndarray
    left: np.ndarray             # absolute node indices
    right: np.ndarray
    missing_left: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    baseline: float
    depth: int

    @classmethod
    def from_sklearn(cls, est) -> "TreeEnsemble":
        """Export a fitted binary :class:`~sklearn.ensemble.HistGradientBoostingClassifier`."""
        parts, roots, off, depth = [], [], 0, 0
        for (pred,) in est._predictors:
            nd = pred.nodes
            roots.append(off)
            leaf = nd["is_leaf"].astype(bool)
            parts.append((np.where(leaf, -1, nd["feature_idx"]), nd["num_threshold"],
                          nd["left"] + off, nd["right"] + off, nd["missing_go_to_left"], nd["value"]))
            depth = max(depth, int(nd["depth"].max()))
            off += len(nd)
        cols = [np.concatenate([p[i] for p in parts]) for i in range(6)]
        return cls(cols[0].astype(np.int32), cols[1].astype(np.float64), cols[2].astype(np.int32),
                   cols[3].astype(np.int32), cols[4].astype(bool), cols[5].astype(np.float64),
                   np.array(roots, dtype=np.int32), float(np.ravel(est._baseline_prediction)[0]), depth)

    def decision(self, X: np.ndarray) -> np.ndarray:
        """Raw score (log-odds) of each row of ``X``."""
        X = np.ascontiguousarray(X, dtype=np.float64)
        if not len(X):
            return np.zeros(0)
        fast = self._compiled()
        if fast is not None:
            zeros = np.zeros((0, 8), dtype=np.uint32)
            fmap = np.zeros(X.shape[1], dtype=np.uint32)
            return self.baseline + sum(t.predict(X, zeros, fmap, 1) for t in fast)
        return self._decision_numpy(X)

    def _compiled(self):
        """scikit-learn's compiled tree predictors rebuilt from the arrays (one thread:
        faster than OpenMP on a busy machine); None if this scikit-learn cannot."""
        if not hasattr(self, "_fast"):
            try:
                from sklearn.ensemble._hist_gradient_boosting.common import PREDICTOR_RECORD_DTYPE
                from sklearn.ensemble._hist_gradient_boosting.predictor import TreePredictor

                ends = list(self.roots[1:]) + [len(self.feature)]
                trees = []
                for start, end in zip(self.roots, ends):
                    nd = np.zeros(end - start, dtype=PREDICTOR_RECORD_DTYPE)
                    leaf = self.feature[start:end] < 0
                    nd["is_leaf"] = leaf
                    nd["feature_idx"] = np.maximum(self.feature[start:end], 0)
                    nd["num_threshold"] = self.threshold[start:end]
                    nd["missing_go_to_left"] = self.missing_left[start:end]
                    nd["left"] = np.where(leaf, 0, self.left[start:end] - start)
                    nd["right"] = np.where(leaf, 0, self.right[start:end] - start)
                    nd["value"] = self.value[start:end]
                    trees.append(TreePredictor(nd, np.zeros((0, 8), np.uint32), np.zeros((0, 8), np.uint32)))
                self._fast = trees
            except Exception:                     # private API moved: the numpy path is exact too
                self._fast = None
        return self._fast

    def _decision_numpy(self, X: np.ndarray) -> np.ndarray:
        node = np.broadcast_to(self.roots, (len(X), len(self.roots))).copy()
        rows = np.arange(len(X))[:, None]
        for _ in range(self.depth):
            f = self.feature[node]
            inner = f >= 0
            if not inner.any():
                break
            x = X[rows, np.maximum(f, 0)]
            go_left = np.where(np.isnan(x), self.missing_left[node], x <= self.threshold[node])
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return self.baseline + self.value[node].sum(axis=1)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_{k}": getattr(self, k) for k in
                ("feature", "threshold", "left", "right", "missing_left", "value", "roots")} | {
            f"{prefix}_scalars": np.array([self.baseline, self.depth], dtype=np.float64)}

    @classmethod
    def from_arrays(cls, z, prefix: str) -> "TreeEnsemble":
        base, depth = z[f"{prefix}_scalars"]
        return cls(*(z[f"{prefix}_{k}"] for k in ("feature", "threshold", "left", "right", "missing_left",
                                                  "value", "roots")), float(base), int(depth))


@dataclass
class LinkModel:
    """The pair and group scorers (the fitted scikit-learn estimators kept in ``_est``)."""

    pair: TreeEnsemble
    group: TreeEnsemble
    meta: dict = field(default_factory=dict)
    pair_linear: LinearScorer | None = None
    _est: dict = field(default_factory=dict, repr=False)

    def score_pairs(self, X: np.ndarray) -> np.ndarray:
        """Pair scores: the trees' log-odds, plus ``linear_weight`` times the linear scorer's
        log-odds, plus ``blend_aa * log(1 + Adamic–Adar)``.

        The linear scorer and the Adamic–Adar term (weights in ``meta``, see
        :data:`LINEAR_WEIGHT` and :data:`BLEND_AA`) keep the learned score growing with the
        graph's evidence: the trees' thresholds are learned on an older, sparser graph than
        the one they score, and stop at the largest values they saw.
        """
        return self.score_pairs_blended(X, (self.blend_aa,))[0]

    @property
    def blend_aa(self) -> float:
        """The model's own Adamic–Adar blend weight (0 for a model saved without one)."""
        return float(self.meta.get("blend_aa", 0.0))

    def score_pairs_blended(self, X: np.ndarray, weights) -> list[np.ndarray]:
        """:meth:`score_pairs` for several blend weights at once (the trees run once)."""
        tree = self.pair.decision(X)
        if self.pair_linear is not None:
            tree = tree + float(self.meta.get("linear_weight", LINEAR_WEIGHT)) * self.pair_linear.decision(X)
        log_aa = np.log1p(np.maximum(X[:, _AA], 0.0)) if len(X) else np.zeros(0)
        return [tree + w * log_aa if w else tree for w in weights]

    def score_group(self, X: np.ndarray) -> np.ndarray:
        return self.group.decision(X)

    def contributions(self, kind: str, X: np.ndarray, reference: np.ndarray) -> np.ndarray:
        """Per row and feature: score minus the score with that feature set to ``reference``.

        Positive values are features that pushed the suggestion up.
        """
        score = self.score_pairs if kind == "pair" else self.score_group
        base = score(X)
        out = np.zeros(X.shape, dtype=np.float64)
        for j in range(X.shape[1]):
            Xj = X.copy()
            Xj[:, j] = reference[j]
            out[:, j] = base - score(Xj)
        return out


def _training_rows_pairs(split, rng) -> tuple[np.ndarray, np.ndarray]:
    idx = split.idx
    order = rng.permutation(len(split.task_a))[:MAX_QUERIES]
    queries = [split.task_a[i] for i in sorted(order)]
    Xs, ys = [], []
    for b0 in range(0, len(queries), 128):
        chunk = queries[b0:b0 + 128]
        block = pair_block(idx, [u for u, _ in chunk])
        for i, (u, positives) in enumerate(chunk):
            valid = idx.country != idx.country[u]
            valid[idx.A[u].indices] = False
            valid[u] = False
            gen = generate_candidates(idx, block.aa[i], block.p3[i], valid)
            y = np.isin(gen, positives)
            neg = np.flatnonzero(~y)
            keep = np.concatenate([np.flatnonzero(y), rng.choice(neg, min(NEG_PER_QUERY, len(neg)), replace=False)])
            Xs.append(pair_features(idx, block, i, gen[keep]))
            ys.append(y[keep])
    return np.vstack(Xs), np.concatenate(ys).astype(int)


def _training_rows_group(split, rng) -> tuple[np.ndarray, np.ndarray]:
    idx = split.idx
    order = rng.permutation(len(split.task_b))[:MAX_QUERIES]
    Xs, ys = [], []
    for q in sorted(order):
        members, left_out = split.task_b[q]
        valid = np.ones(idx.n, dtype=bool)
        valid[members] = False
        sums = group_sums(idx, members)
        gen = group_candidates(idx, members, valid, sums=sums)
        y = gen == left_out
        neg = np.flatnonzero(~y)
        keep = np.concatenate([np.flatnonzero(y), rng.choice(neg, min(NEG_PER_QUERY, len(neg)), replace=False)])
        Xs.append(group_features(idx, members, gen[keep], sums=sums))
        ys.append(y[keep])
    return np.vstack(Xs), np.concatenate(ys).astype(int)


def fit_on_split(split, *, seed: int = 0) -> LinkModel:
    """Fit both models on a split's tasks (use an inner split of train, never test).

    Examples are the generated candidates of each query: all its positives and a seeded
    sample of negatives.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    rng = np.random.default_rng(seed)
    Xa, ya = _training_rows_pairs(split, rng)
    Xb, yb = _training_rows_group(split, rng)
    with threadpool_limits(limits=1):   # OpenMP spin-waits badly on a shared, busy machine
        est_a = HistGradientBoostingClassifier(**HGB_PARAMS).fit(Xa, ya)
        est_b = HistGradientBoostingClassifier(**HGB_PARAMS).fit(Xb, yb)
        linear = LinearScorer.fit(Xa, ya)
    meta = {"pair_features": PAIR_FEATURES, "group_features": GROUP_FEATURES, "fitted_on": split.counts,
            "blend_aa": BLEND_AA, "linear_weight": LINEAR_WEIGHT,
            "examples": {"pair": int(len(ya)), "group": int(len(yb))},
            "reference_pair": np.median(Xa[ya == 0], axis=0).tolist(),
            "reference_group": np.median(Xb[yb == 0], axis=0).tolist()}
    return LinkModel(TreeEnsemble.from_sklearn(est_a), TreeEnsemble.from_sklearn(est_b), meta, linear,
                     {"pair": est_a, "group": est_b})


def save_model(model: LinkModel, path: str | Path = MODEL_PATH) -> Path:
    """Write the model as a compressed ``.npz`` (arrays + JSON metadata)."""
    path = Path(path)
    linear = model.pair_linear.arrays("pair_lin") if model.pair_linear is not None else {}
    np.savez_compressed(path, **model.pair.arrays("pair"), **model.group.arrays("group"), **linear,
                        meta=np.array(json.dumps(model.meta, sort_keys=True)))
    return path


def load_model(path: str | Path | None = None) -> LinkModel:
    """The shipped model (or one saved by :func:`save_model`)."""
    p = Path(path) if path else MODEL_PATH
    try:
        with np.load(p, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            model = LinkModel(TreeEnsemble.from_arrays(z, "pair"), TreeEnsemble.from_arrays(z, "group"), meta,
                              LinearScorer.from_arrays(z, "pair_lin"))
    except (OSError, KeyError, ValueError) as err:
        raise InputError(p, f"not a clusternet link model: {err}") from None
    if meta.get("pair_features") != PAIR_FEATURES or meta.get("group_features") != GROUP_FEATURES:
        raise InputError(p, "model was fitted on other features; refit with `clusternet evaluate cordis --save-model`")
    return model
