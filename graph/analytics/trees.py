"""Boosted tree ensembles as flat arrays: exported from scikit-learn once, then scored
with numpy (or scikit-learn's compiled predictors when available) and saved to ``.npz``,
so a shipped model needs no pickle and no particular scikit-learn version.

References
----------
.. [1] J. H. Friedman. Greedy function approximation: a gradient boosting machine (2001).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["TreeEnsemble"]


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
        """Export a fitted binary :class:`~sklearn.ensemble.HistGradientBoostingClassifier`.

        The export scores exactly as the estimator does:

        >>> X = np.array([[0.0], [1.0], [2.0], [3.0]] * 20); y = (X[:, 0] > 1.5).astype(int)
        >>> from sklearn.ensemble import HistGradientBoostingClassifier
        >>> est = HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(X, y)
        >>> t = TreeEnsemble.from_sklearn(est)
        >>> bool(np.allclose(t.decision(X), est.decision_function(X)))
        True
        """
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
        """Raw score (log-odds) of each row of ``X``: the baseline plus one leaf value per tree.

        A single tree that is one leaf scores every row alike:

        >>> leaf = TreeEnsemble(np.array([-1]), np.zeros(1), np.zeros(1, int), np.zeros(1, int),
        ...                     np.zeros(1, bool), np.array([0.5]), np.array([0]), 0.25, 0)   # one leaf
        >>> leaf.decision(np.zeros((3, 1))).tolist()
        [0.75, 0.75, 0.75]
        """
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
        """The ensemble as named arrays (``<prefix>_feature``, ..., ``<prefix>_scalars``) for an ``.npz``.

        >>> leaf = TreeEnsemble(np.array([-1]), np.zeros(1), np.zeros(1, int), np.zeros(1, int),
        ...                     np.zeros(1, bool), np.array([0.5]), np.array([0]), 0.25, 0)   # one leaf
        >>> leaf.arrays("group")["group_scalars"].tolist()      # baseline, depth
        [0.25, 0.0]
        """
        return {f"{prefix}_{k}": getattr(self, k) for k in
                ("feature", "threshold", "left", "right", "missing_left", "value", "roots")} | {
            f"{prefix}_scalars": np.array([self.baseline, self.depth], dtype=np.float64)}

    @classmethod
    def from_arrays(cls, z, prefix: str) -> "TreeEnsemble":
        """The ensemble stored under ``prefix`` in a mapping of arrays (what :meth:`arrays` wrote).

        >>> leaf = TreeEnsemble(np.array([-1]), np.zeros(1), np.zeros(1, int), np.zeros(1, int),
        ...                     np.zeros(1, bool), np.array([0.5]), np.array([0]), 0.25, 0)   # one leaf
        >>> TreeEnsemble.from_arrays(leaf.arrays("group"), "group").decision(np.zeros((1, 1))).tolist()
        [0.75]
        """
        base, depth = z[f"{prefix}_scalars"]
        return cls(*(z[f"{prefix}_{k}"] for k in ("feature", "threshold", "left", "right", "missing_left",
                                                  "value", "roots")), float(base), int(depth))
