"""A multinomial logistic model over sparse named features, stored as plain JSON numbers
(no pickle: loading it runs no code). Fitted by :mod:`.learn`; applied here in pure Python.

>>> m = LinearModel(["none", "yes"], {"cue": 0}, [[0.0], [2.0]], [0.0, -1.0])
>>> round(m.proba({"cue": 1.0})["yes"], 3)
0.731
>>> m.best({})
('none', 0.731)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["LinearModel"]


@dataclass
class LinearModel:
    classes: list[str]
    features: dict[str, int]          # feature name -> column
    coef: list[list[float]]           # one row per class, one column per feature
    intercept: list[float]

    def scores(self, feats: dict[str, float]) -> list[float]:
        """Each class's linear score for the features (unknown features count for nothing)."""
        out = list(self.intercept)
        cols = [(self.features[f], v) for f, v in feats.items() if f in self.features]
        for k, row in enumerate(self.coef):
            out[k] += sum(row[j] * v for j, v in cols)
        return out

    def proba(self, feats: dict[str, float]) -> dict[str, float]:
        """Class -> probability (softmax of the scores)."""
        s = self.scores(feats)
        top = max(s)
        ex = [math.exp(x - top) for x in s]
        z = sum(ex)
        return {c: e / z for c, e in zip(self.classes, ex)}

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
