"""The CORDIS recommendation benchmark, implemented exactly as
``design/recommendation-benchmark.md`` fixes it.

:func:`load_participations` reads the file, :func:`build_split` builds the train graph and
the two tasks (A: cross-border links, B: consortium completion) for a temporal cut, and
:func:`evaluate_cordis` ranks every query with clusternet's learned recommender and with
every baseline in the same run and returns Hits@10, Hits@50 and MRR per task and method.

The learned model is fitted on train data only: an inner split of train (projects before
2017 -> new links in 2017) gives the examples; the features for the test queries are then
computed on the full train graph.

>>> r = np.array([1, 3, 60])
>>> summarise(r) == {"hits@10": 0.6667, "hits@50": 0.6667, "mrr": round((1 + 1 / 3 + 1 / 60) / 3, 4)}
True

References
----------
.. [1] CORDIS – EU research projects under Horizon 2020 (2014-2020), © European Union, CC BY 4.0.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from clusternet.graph.errors import InputError
from clusternet.graph.analytics.features import group_features, pair_block, pair_features
from clusternet.graph.analytics.linkpred import (CollabIndex, cross_border_mask, generate_candidates,
    group_candidates, group_sums, index_from_groups, protocol_rank)
from clusternet.graph.analytics.fitting import PAIR_CANDIDATES

__all__ = ["load_participations", "build_split", "Split", "evaluate_cordis", "summarise",
           "EXPECTED", "default_data_path", "METHODS_A", "METHODS_B", "rank_task_a", "rank_task_b",
           "tune_pair_l2"]

COLUMNS = ["project_id", "start_date", "programme_or_topic", "org_id", "country", "activity_type", "sme"]
OPTIONAL = ["end_date", "role"]       # used when present: a project's planned end, who coordinates it
EXPECTED = {"organisations": 19934, "edges": 346594, "projects": 6194, "task_a_pairs": 121069,
            "task_a_queries": 7628, "task_b_projects": 858, "task_b_queries": 7390}
METHODS_A = ["clusternet", "random", "preferential attachment", "common neighbours", "Adamic–Adar",
             "resource allocation"]
METHODS_B = ["clusternet", "random", "popularity (degree)", "sum of common neighbours with members",
             "sum of Adamic–Adar with members", "sum of resource allocation with members"]
SEED = 20240601
BATCH = 128
# candidate generation when ranking the benchmark: narrower than the product's defaults to
# keep the run short; on the inner 2017 split this leaves task A's MRR unchanged (positives
# beyond these are ranked ~300th or lower anyway) and costs task B about 0.01. Task A ranks
# the lists the pair scorer learned to order.
CANDIDATES_A = PAIR_CANDIDATES
CANDIDATES_B = dict(n_two=500, n_three=100, n_popular=50)


def default_data_path() -> Path:
    """``../shared/data/cordis/participations.csv.gz`` beside the repository."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cordis" / "participations.csv.gz"


def load_participations(path: str | Path) -> pd.DataFrame:
    """Read the participations file the way the protocol says (``NA`` is Namibia).

    Raises
    ------
    InputError
        If the file is missing, unreadable or lacks a needed column.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(p, "no such file (expected the CORDIS participations.csv.gz)")
    try:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, ValueError, UnicodeDecodeError, EOFError) as err:
        raise InputError(p, f"cannot be read as CSV: {err}") from None
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise InputError(p, f"missing column(s): {', '.join(missing)}")
    for c in OPTIONAL:
        if c not in df.columns:
            df[c] = np.nan
    return df[COLUMNS + OPTIONAL]


def _decimal_year(dates: pd.Series) -> np.ndarray:
    d = pd.to_datetime(dates, errors="coerce")
    return (d.dt.year + (d.dt.dayofyear - 1) / 365.25).to_numpy(dtype=float)


@dataclass
class Split:
    """A train graph and the two tasks built from the projects after the cut."""

    idx: CollabIndex
    task_a: list[tuple[int, np.ndarray]]             # (query org, positive orgs)
    task_b: list[tuple[np.ndarray, int]]             # (other members, left-out member)
    counts: dict = field(default_factory=dict)


def _filtered(df: pd.DataFrame) -> pd.DataFrame:
    df = df[df["start_date"].notna()]
    size = df.groupby("project_id")["org_id"].nunique()
    keep = size[(size >= 2) & (size <= 40)].index
    return df[df["project_id"].isin(keep)]


def build_split(df: pd.DataFrame, cut: str = "2018-01-01", end: str = "2021-01-01",
                start: str | None = None) -> Split:
    """Train graph (projects starting before ``cut``) and tasks A and B (projects starting
    in ``[cut, end)``), after the protocol's filters (start date present, 2-40 orgs).

    ``start`` optionally drops earlier projects from both (unused by the protocol).
    """
    df = _filtered(df)
    if start:
        df = df[df["start_date"] >= start]
    tr = df[df["start_date"] < cut]
    te = df[(df["start_date"] >= cut) & (df["start_date"] < end)]
    orgs = tr.drop_duplicates("org_id").sort_values("org_id")
    ids = orgs["org_id"].tolist()
    pos = {o: i for i, o in enumerate(ids)}
    projects = tr.groupby("project_id", sort=True)
    pids = list(projects.groups)
    members = [g["org_id"].tolist() for _, g in projects]
    ptime = _decimal_year(projects["start_date"].first())
    pend = _decimal_year(projects["end_date"].max())
    leads = tr[tr["role"] == "coordinator"].groupby("project_id")["org_id"].agg(list)
    coordinators = [leads.get(p, []) for p in pids]
    topics: dict[str, list[str]] = {o: [] for o in ids}
    for o, prog in zip(tr["org_id"], tr["programme_or_topic"].fillna("")):
        topics[o].extend(p for p in prog.split(";") if p)
    idx = index_from_groups(ids, members, group_ids=pids, group_time=ptime,
                            country=orgs["country"].tolist(), org_type=orgs["activity_type"].tolist(),
                            sme=[None if s not in ("true", "false") else s == "true" for s in orgs["sme"]],
                            topics=[topics[o] for o in ids], group_end=pend, coordinators=coordinators)
    # task A: cross-border pairs, not adjacent in train, sharing a test project
    A = idx.A
    pos_pairs: dict[int, set[int]] = {}
    te_in = te[te["org_id"].isin(pos)]
    for _, g in te_in.groupby("project_id", sort=True):
        m = sorted({pos[o] for o in g["org_id"]})
        for i, u in enumerate(m):
            for v in m[i + 1:]:
                if idx.country[u] != idx.country[v] and A[u, v] == 0:
                    pos_pairs.setdefault(u, set()).add(v)
                    pos_pairs.setdefault(v, set()).add(u)
    task_a = [(u, np.array(sorted(vs))) for u, vs in sorted(pos_pairs.items())]
    # task B: test projects with >= 4 organisations, all in train; leave each out in turn
    task_b = []
    nb = 0
    for _, g in te.groupby("project_id", sort=True):
        m = sorted(set(g["org_id"]))
        if len(m) >= 4 and all(o in pos for o in m):
            nb += 1
            mi = np.array([pos[o] for o in m])
            for j in range(len(mi)):
                task_b.append((np.delete(mi, j), int(mi[j])))
    counts = {"organisations": idx.n, "edges": int(A.nnz // 2), "projects": len(pids),
              "task_a_pairs": sum(len(v) for v in pos_pairs.values()) // 2, "task_a_queries": len(task_a),
              "task_b_projects": nb, "task_b_queries": len(task_b)}
    return Split(idx, task_a, task_b, counts)


def summarise(ranks) -> dict[str, float]:
    """Hits@10, Hits@50 and MRR of a list of ranks, rounded to 4 places."""
    r = np.asarray(ranks, dtype=float)
    if not len(r):
        return {"hits@10": 0.0, "hits@50": 0.0, "mrr": 0.0}
    return {"hits@10": round(float((r <= 10).mean()), 4), "hits@50": round(float((r <= 50).mean()), 4),
            "mrr": round(float((1.0 / r).mean()), 4)}


def _model_scores(n: int, cands: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Scores over all organisations: generated candidates keep theirs, the rest rank below."""
    out = np.full(n, -np.inf)
    out[cands] = scores
    return out


def rank_task_a(split: Split, model=None, *, progress: Callable[[int], None] | None = None,
                scorers: dict | None = None) -> dict[str, list[int]]:
    """Rank of each task-A query under every method (model optional).

    ``scorers`` adds one method per entry, name -> a function scoring rows of pair
    features (for :func:`tune_pair_l2`).
    """
    idx = split.idx
    rng = np.random.default_rng(SEED)
    extra = dict(scorers or {})
    ranks: dict[str, list[int]] = {m: [] for m in METHODS_A if model is not None or m != "clusternet"}
    ranks.update({name: [] for name in extra})
    for b0 in range(0, len(split.task_a), BATCH):
        chunk = split.task_a[b0:b0 + BATCH]
        block = pair_block(idx, [u for u, _ in chunk])
        for i, (u, positives) in enumerate(chunk):
            valid = cross_border_mask(idx, u)
            cand = np.flatnonzero(valid)
            where = np.searchsorted(cand, positives)          # positives are valid by construction
            per = {"random": rng.random(len(cand)),
                   "preferential attachment": idx.deg[u] * idx.deg[cand],
                   "common neighbours": block.cn[i, cand], "Adamic–Adar": block.aa[i, cand],
                   "resource allocation": block.ra[i, cand]}
            if model is not None or extra:
                gen = generate_candidates(idx, block.aa[i], block.p3[i], valid, **CANDIDATES_A)
                X = pair_features(idx, block, i, gen)
                if model is not None:
                    per["clusternet"] = _model_scores(idx.n, gen, model.score_pairs(X))[cand]
                for name, score in extra.items():
                    per[name] = _model_scores(idx.n, gen, score(X))[cand]
            for m, s in per.items():
                ranks[m].append(protocol_rank(s, where))
        if progress:
            progress(len(chunk))
    return ranks


def rank_task_b(split: Split, model=None, *, progress: Callable[[int], None] | None = None) -> dict[str, list[int]]:
    """Rank of each task-B query under every method (model optional)."""
    idx = split.idx
    rng = np.random.default_rng(SEED + 1)
    ranks: dict[str, list[int]] = {m: [] for m in METHODS_B if model is not None or m != "clusternet"}
    for q, (members, left_out) in enumerate(split.task_b):
        valid = np.ones(idx.n, dtype=bool)
        valid[members] = False
        cand = np.flatnonzero(valid)
        where = [int(np.searchsorted(cand, left_out))]
        a, Y = group_sums(idx, members)
        per = {"random": rng.random(len(cand)), "popularity (degree)": idx.deg[cand],
               "sum of common neighbours with members": Y[cand, 0],
               "sum of Adamic–Adar with members": Y[cand, 1],
               "sum of resource allocation with members": Y[cand, 2]}
        if model is not None:
            gen = group_candidates(idx, members, valid, sums=(a, Y), **CANDIDATES_B)
            s = model.score_group(group_features(idx, members, gen, sums=(a, Y)))
            per["clusternet"] = _model_scores(idx.n, gen, s)[cand]
        for m, s in per.items():
            ranks[m].append(protocol_rank(s, where))
        if progress and (q + 1) % BATCH == 0:
            progress(BATCH)
    return ranks


def evaluate_cordis(path: str | Path | None = None, *, model=None, fit: bool = True,
                    progress: Callable[[str, int, int], None] | None = None,
                    save_model_path: str | Path | None = None) -> dict:
    """Run the whole benchmark: ``{"counts", "timings", "results": {task: {method: figures}}}``.

    With ``fit=True`` (default) and no ``model``, the recommender is fitted on the inner
    split of train (see :func:`clusternet.graph.analytics.fitting.fit_on_split`).
    """
    from clusternet.graph.analytics.fitting import fit_on_split
    from clusternet.graph.analytics.recommender import save_model

    t0 = time.perf_counter()
    df = load_participations(path or default_data_path())
    split = build_split(df)
    timings = {"load_and_build": round(time.perf_counter() - t0, 1)}
    if model is None and fit:
        t = time.perf_counter()
        inner = build_split(df[df["start_date"] < "2018-01-01"], cut="2017-01-01", end="2018-01-01")
        model = fit_on_split(inner)
        timings["fit_inner_split"] = round(time.perf_counter() - t, 1)
        if save_model_path:
            save_model(model, save_model_path)
    step = (lambda task, total: (lambda k: progress(task, k, total))) if progress else (lambda *_: None)
    t = time.perf_counter()
    ra = rank_task_a(split, model, progress=step("A", len(split.task_a)))
    timings["task_a"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    rb = rank_task_b(split, model, progress=step("B", len(split.task_b)))
    timings["task_b"] = round(time.perf_counter() - t, 1)
    timings["total"] = round(time.perf_counter() - t0, 1)
    return {"counts": split.counts, "timings": timings,
            "results": {"A": {m: summarise(r) for m, r in ra.items()},
                        "B": {m: summarise(r) for m, r in rb.items()}}}


def tune_pair_l2(df: pd.DataFrame, strengths=(0.003, 0.01, 0.03), *, n_queries: int = 2000,
                 seed: int = 1) -> dict[str, dict[str, float]]:
    """Task-A figures of the pair scorer per L2 strength, and of Adamic–Adar, on train only.

    The scorer is fitted on the inner split cut at 2016 (links of 2016) and ranks a seeded
    sample of the queries of the split cut at 2017 (links of 2017): as in the benchmark, a
    model fitted a year earlier scores a larger graph. Used to choose
    :data:`~clusternet.graph.recommender.PAIR_L2` (``scripts/tune_pair.py``).
    """
    from clusternet.graph.analytics.fitting import fit_pair_scorer

    train = df[df["start_date"] < "2018-01-01"]
    earlier = build_split(train, cut="2016-01-01", end="2017-01-01")
    later = build_split(train, cut="2017-01-01", end="2018-01-01")
    pick = np.sort(np.random.default_rng(seed).permutation(len(later.task_a))[:n_queries])
    later.task_a = [later.task_a[i] for i in pick]
    scorers = {f"l2 {l2:g}": fit_pair_scorer(earlier, l2=l2)[0].decision for l2 in strengths}
    ranks = rank_task_a(later, scorers=scorers)
    return {name: summarise(ranks[name]) for name in [*scorers, "Adamic–Adar"]}
