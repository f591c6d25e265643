#!/usr/bin/env python3
"""Choose the pair scorer's Adamic–Adar blend weight on CORDIS train data only.

Fits the model on the inner split cut at 2016, scores the 2017 links of the split cut at
2017 and prints task-A MRR per weight (graph.evaluation.tune_blend); the chosen weight is
``BLEND_AA`` in graph/recommender.py. Test projects (2018 on) are never read.

Run: python scripts/tune_blend.py [--data PATH] [--weights 0,1,1.5,2,3]
"""
from __future__ import annotations

import argparse

from clusternet.graph.evaluation import default_data_path, load_participations, tune_blend


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(default_data_path()))
    ap.add_argument("--weights", default="0,1,1.5,2,3")
    args = ap.parse_args()
    res = tune_blend(load_participations(args.data), [float(w) for w in args.weights.split(",")])
    best = max(res, key=res.get)
    for w, mrr in res.items():
        print(f"blend weight {w:>4}: MRR {mrr:.4f}{'   <- best' if w == best else ''}")


if __name__ == "__main__":
    main()
