"""Fitting the learned recommender (:mod:`clusternet.graph.analytics.recommender`) on history:
the training rows of a split's tasks, the listwise pair scorer (:func:`fit_pair_scorer`) and
both models together (:func:`fit_on_split`), with the training settings and the candidate
lists the pair scorer learns to order (:data:`PAIR_CANDIDATES`).
"""
from __future__ import annotations

import numpy as np

from clusternet.graph.analytics.features import (GROUP_FEATURES, PAIR_FEATURES, group_features, pair_block,
    pair_features)
from clusternet.graph.analytics.linkpred import (cross_border_mask, generate_candidates, group_candidates,
    group_sums)
from clusternet.graph.analytics.recommender import PAIR_L2, LinearScorer, LinkModel
from clusternet.graph.analytics.trees import TreeEnsemble

__all__ = ["fit_on_split", "fit_pair_scorer", "HGB_PARAMS", "PAIR_CANDIDATES"]

HGB_PARAMS = dict(max_iter=120, learning_rate=0.12, max_leaf_nodes=24, min_samples_leaf=50,
                  l2_regularization=1.0, early_stopping=False, random_state=0)
NEG_PER_QUERY = 80
MAX_QUERIES = 4500
#: the candidate lists the pair scorer learns to order, the same ones the benchmark ranks
#: (``graph.evaluation.CANDIDATES_A``). Chosen on train only (fitted on the 2016 inner split,
#: MRR on two sets of 2,000 queries of the 2017 links): lists of 1,250 candidates per query
#: 0.321 / 0.322, these lists of 400 0.320 / 0.327, a uniform sample of 300 of the 1,250
#: with the softmax reweighted for the sampling 0.313 / 0.321 -- the hard negatives at the
#: top of the list are what it must learn from.
PAIR_CANDIDATES = dict(n_two=300, n_three=60, n_popular=40)


def _training_rows_pairs(split) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every generated candidate of every task-A query of ``split``: rows, labels, query ids."""
    idx = split.idx
    queries = split.task_a
    Xs, ys, qs = [], [], []
    for b0 in range(0, len(queries), 128):
        chunk = queries[b0:b0 + 128]
        block = pair_block(idx, [u for u, _ in chunk])
        for i, (u, positives) in enumerate(chunk):
            valid = cross_border_mask(idx, u)
            gen = generate_candidates(idx, block.aa[i], block.p3[i], valid, **PAIR_CANDIDATES)
            y = np.isin(gen, positives)
            if not y.any():                     # nothing to learn from this list
                continue
            Xs.append(pair_features(idx, block, i, gen))
            ys.append(y)
            qs.append(np.full(len(gen), b0 + i))
    if not Xs:
        return np.zeros((0, len(PAIR_FEATURES))), np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.vstack(Xs), np.concatenate(ys).astype(int), np.concatenate(qs)


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


def fit_pair_scorer(split, *, l2: float = PAIR_L2) -> tuple[LinearScorer, np.ndarray, int]:
    """The listwise pair scorer fitted on a split's task A (an inner split of train, never
    test), the median row of its negatives (the neutral reference of explanations) and the
    number of rows it learned from.

    ``split`` needs ``idx`` (a :class:`CollabIndex`) and ``task_a``: (organisation, the
    organisations it later worked with) pairs, as :class:`~clusternet.graph.evaluation.cordis.Split`
    holds them. On the path a-b-c-d-e with five countries, a's list is c, d and e (b is a
    partner already), c the one it later met:

    >>> from types import SimpleNamespace
    >>> from clusternet.graph.analytics.linkpred import index_from_groups
    >>> idx = index_from_groups(list("abcde"), [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"]],
    ...                         country=["FR", "IT", "ES", "MA", "TN"])
    >>> split = SimpleNamespace(idx=idx, task_a=[(0, np.array([2]))], task_b=[(np.array([0, 1]), 2)], counts={})
    >>> scorer, reference, rows = fit_pair_scorer(split)
    >>> rows
    3
    """
    X, y, query = _training_rows_pairs(split)
    reference = np.median(X[y == 0], axis=0) if (y == 0).any() else np.zeros(len(PAIR_FEATURES))
    return LinearScorer.fit(X, y, query, l2=l2), reference, int(len(y))


def fit_on_split(split, *, seed: int = 0) -> LinkModel:
    """Fit both models on a split's tasks (use an inner split of train, never test).

    The pair scorer learns from every generated candidate of each task-A query
    (:func:`fit_pair_scorer`); the group model from all positives of each task-B query and
    a seeded sample of its other generated candidates.

    ``split`` as for :func:`fit_pair_scorer`, plus ``task_b``: (members, left-out member)
    pairs, and ``counts`` (kept in the model's metadata). With the group {a, b} whose
    missing member is c, the group model sees c, d and e:

    >>> from types import SimpleNamespace
    >>> from clusternet.graph.analytics.linkpred import index_from_groups
    >>> idx = index_from_groups(list("abcde"), [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"]],
    ...                         country=["FR", "IT", "ES", "MA", "TN"])
    >>> split = SimpleNamespace(idx=idx, task_a=[(0, np.array([2]))], task_b=[(np.array([0, 1]), 2)], counts={})
    >>> fit_on_split(split).meta["examples"]
    {'pair': 3, 'group': 3}
    """
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    rng = np.random.default_rng(seed)
    Xb, yb = _training_rows_group(split, rng)
    with threadpool_limits(limits=1):   # OpenMP spin-waits badly on a shared, busy machine
        pair, reference, n_pair = fit_pair_scorer(split)
        est_b = HistGradientBoostingClassifier(**HGB_PARAMS).fit(Xb, yb)
    meta = {"pair_features": PAIR_FEATURES, "group_features": GROUP_FEATURES, "fitted_on": split.counts,
            "pair_model": "listwise logit", "pair_l2": PAIR_L2, "pair_candidates": PAIR_CANDIDATES,
            "examples": {"pair": n_pair, "group": int(len(yb))},
            "reference_pair": reference.tolist(),
            "reference_group": np.median(Xb[yb == 0], axis=0).tolist()}
    return LinkModel(pair, TreeEnsemble.from_sklearn(est_b), meta, {"group": est_b})
