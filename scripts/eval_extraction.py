"""Cross-validated extraction figures: k folds over the documents of ../shared/corpus/dev, the
held-out folds scored by the shared scorer; also the seeds and the project's own documents.

    python scripts/eval_extraction.py [--k 4] [--quick] [--rules-only] [--out docs/extraction.json]

Each fold's decision model is fitted on the other dev folds plus the seeds and the project's
own gold documents (never on the fold it scores). ``--quick``: 2 folds, nothing written unless
``--out`` is given. ``--rules-only``: the hand rules alone (the baseline), for comparison.
Prints per-label and per-relation-type P/R/F1; the last line is the held-out summary.
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpora(shared: Path = SHARED, root: Path = ROOT):
    """(dev, seeds, own) cases: the dev corpus, the seeds, examples/documents + tests/data/press."""
    from clusternet.ingest.extract.evaluate import load_cases

    dev = load_cases(shared / "corpus/dev/docs", shared / "corpus/dev/gold")
    seeds = load_cases(shared / "corpus/seeds", shared / "gold")
    own = (load_cases(root / "examples/documents", root / "tests/data/gold")
           + load_cases(root / "tests/data/press", root / "tests/data/press"))
    return dev, seeds, own


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--quick", action="store_true", help="2 folds (for CI)")
    ap.add_argument("--rules-only", action="store_true", help="score the hand rules alone")
    ap.add_argument("--out", type=Path, default=None, help="report JSON (default docs/extraction.json unless --quick)")
    args = ap.parse_args(argv)
    from clusternet.graph.errors import ClusternetError
    from clusternet.ingest.extract.evaluate import evaluate_all, format_report, load_scorer
    from clusternet.ingest.extract.learn import fit_model

    try:
        scorer = load_scorer(SHARED / "tools/score_extraction.py")
        dev, seeds, own = corpora()
        k = 2 if args.quick else args.k
        fit = None if args.rules_only else partial(fit_model, scorer=scorer)
        report = evaluate_all(scorer, dev, seeds, own, k, fit,
                              model=False if args.rules_only else None)
    except ClusternetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report["setup"] = {"k": k, "dev_documents": len(dev), "seed_documents": len(seeds), "own_documents": len(own),
                       "decisions": "rules only" if args.rules_only else "rules propose, model decides"}
    print(format_report(report))
    out = args.out or (None if args.quick or args.rules_only else ROOT / "docs/extraction.json")
    if out:
        out.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    s = report["dev_cv"]
    print("dev held-out: " + " ".join(f"{key}={s[key]:.3f}" for key in
                                      ("entity_f1", "country_accuracy", "relation_f1", "fact_recall")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
