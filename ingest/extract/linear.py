"""A multinomial logistic model over sparse named features, stored as plain JSON numbers
(no pickle: loading it runs no code). Fitted by :mod:`.learn`; applied here with numpy.

>>> m = LinearModel(["none", "yes"], {"cue": 0}, [[0.0], [2.0]], [0.0, -1.0])
>>> round(m.proba({"cue": 1.0})["yes"], 3)
0.731
>>> m.best({})
('none', 0.731)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

__all__ = ["LinearModel"]


@dataclass
class LinearModel:
    classes: list[str]
    features: dict[str, int]          # feature name -> column
    coef: list[list[float]]           # one row per class, one column per feature
    intercept: list[float]

    def proba_many(self, many: list[dict[str, float]]) -> list[dict[str, float]]:
        """:meth:`proba` of each feature dict, computed in one pass over all of them.

        >>> m = LinearModel(["none", "yes"], {"cue": 0}, [[0.0], [2.0]], [0.0, -1.0])
        >>> [round(p["yes"], 3) for p in m.proba_many([{"cue": 1.0}, {}])]
        [0.731, 0.269]
        """
        get = self.features.get
        uses = [(j, v, i) for i, feats in enumerate(many) for f, v in feats.items() if (j := get(f)) is not None]
        wt, b = self._arrays
        s = np.tile(b[:, None], (1, len(many)))
        if uses:
            cols, vals, owner = zip(*uses)      # each known feature of each row, rows in order
            contrib = (wt[list(cols)] * np.asarray(vals, dtype=float)[:, None]).T    # classes x (feature uses)
            rows = np.asarray(owner)
            for k in range(len(self.classes)):      # summed per row in the order given, as np.add.at does
                s[k] += np.bincount(rows, weights=contrib[k], minlength=len(many))
        ex = np.exp(s - s.max(axis=0))
        probs = (ex / ex.sum(axis=0)).T.tolist()
        return [dict(zip(self.classes, row)) for row in probs]

    @cached_property
    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The coefficients as one (features x classes) array, a feature's row at hand, and the
        intercepts (built once)."""
        w = np.asarray(self.coef, dtype=float).reshape(len(self.classes), -1)
        return np.ascontiguousarray(w.T), np.asarray(self.intercept, dtype=float)

    def proba(self, feats: dict[str, float]) -> dict[str, float]:
        """Class -> probability (softmax of the linear scores; unknown features count for nothing)."""
        return self.proba_many([feats])[0]

    def best(self, feats: dict[str, float]) -> tuple[str, float]:
        """The most probable class and its probability (ties: the first class)."""
        p = self.proba(feats)
        c = max(self.classes, key=lambda k: p[k])
        return c, round(p[c], 3)

    def as_dict(self) -> dict:
        """JSON-ready form; coefficients rounded so the file is small and diffs stay readable."""
        return {"classes": self.classes, "features": sorted(self.features, key=self.features.get),
                "coef": [[round(x, 5) for x in row] for row in self.coef],
                "intercept": [round(x, 5) for x in self.intercept]}

    @classmethod
    def from_dict(cls, d: dict) -> "LinearModel":
        """The model back from :meth:`as_dict`'s form."""
        return cls(list(d["classes"]), {f: i for i, f in enumerate(d["features"])},
                   [list(map(float, r)) for r in d["coef"]], [float(x) for x in d["intercept"]])

    def top_features(self, cls_name: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` features that most raise ``cls_name`` (to read what the model learned)."""
        row = self.coef[self.classes.index(cls_name)]
        names = sorted(self.features, key=self.features.get)
        return sorted(zip(names, row), key=lambda x: -x[1])[:n]
