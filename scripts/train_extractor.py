"""Rebuild the shipped extraction decision model from all the gold there is: the dev corpus,
the seeds and the project's own gold documents, and for the relation decisions also the read
written pages of tests/data/written (``ingest/data/extract/model.json``); tests/data/unread
stays unseen.

    python scripts/train_extractor.py [--out PATH]

Deterministic: inputs sorted by name, lbfgs, coefficients rounded; running it twice writes the
same file. The figures to quote are the cross-validated ones (scripts/eval_extraction.py).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent     # the repository (the clusternet package)
SHARED = ROOT.parent / "shared"                    # ../shared: corpora, gold and the scorer


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "ingest/data/extract/model.json")
    args = ap.parse_args(argv)
    from clusternet.graph.errors import ClusternetError
    from clusternet.ingest.extract.evaluate import corpora, load_scorer, written_pages
    from clusternet.ingest.extract.learn import fit_model

    try:
        scorer = load_scorer(SHARED / "tools/score_extraction.py")
        dev, seeds, own = corpora(SHARED, ROOT)
        model = fit_model(dev + seeds + own, scorer, relation_extra=written_pages(ROOT)[0])
    except ClusternetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.write_text(json.dumps(model.as_dict(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    info = model.info
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB): {len(info['documents'])} documents "
          f"(+{len(info['relation_documents'])} for the relations), "
          f"{info['entity_rows']} entity rows, {info['pair_rows']} pair rows, "
          f"thresholds entity {info['entity_threshold']} relation {info['relation_threshold']}")
    for cls in model.relation.classes:
        if cls != "none":
            top = ", ".join(f"{n} {w:+.2f}" for n, w in model.relation.top_features(cls, 4))
            print(f"  {cls}: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
