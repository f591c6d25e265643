#!/usr/bin/env python3
"""Choose the pair scorer's L2 strength on CORDIS train data only.

Fits the listwise pair scorer on the inner split cut at 2016, ranks 2,000 queries of the
2017 links of the split cut at 2017 and prints task-A figures per strength beside
Adamic–Adar on the same queries (graph.evaluation.tune_pair_l2); the chosen strength is
``PAIR_L2`` in graph/recommender.py. Test projects (2018 on) are never used.

Run: python scripts/tune_pair.py [--data PATH] [--strengths 0.003,0.01,0.03]
"""
from __future__ import annotations

import argparse

from clusternet.graph.evaluation.cordis import default_data_path, load_participations, tune_pair_l2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(default_data_path()))
    ap.add_argument("--strengths", default="0.003,0.01,0.03")
    args = ap.parse_args()
    res = tune_pair_l2(load_participations(args.data), [float(w) for w in args.strengths.split(",")])
    for name, fig in res.items():
        print(f"{name:>12}: Hits@10 {fig['hits@10']:.4f}  Hits@50 {fig['hits@50']:.4f}  MRR {fig['mrr']:.4f}")


if __name__ == "__main__":
    main()
