"""Throughput and peak memory of extraction on the seeds concatenated to about 5 MB.

    python bench/bench_extract.py [--mb 5]

Prints KB of text per second (one core) and the peak Python heap (tracemalloc) and RSS.
Target: >= 200 KB/s. Figures, not asserts.
"""
from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import psutil

from clusternet.ingest.extract import extract_text
from clusternet.ingest.readers import document_from_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt")))
    reps = int(args.mb * 1024 * 1024 // len(seeds)) + 1
    text = "\n\n".join([seeds] * reps)[: int(args.mb * 1024 * 1024)]
    doc = document_from_text(text, name="bench.txt")
    extract_text(document_from_text(seeds, name="warm.txt"))  # load lexicons and regexes once
    tracemalloc.start()
    t0 = time.perf_counter()
    ex = extract_text(doc)
    dt = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    kb = len(text.encode("utf-8")) / 1024
    rss = psutil.Process().memory_info().rss / 1024 / 1024
    print(f"text: {kb:.0f} KB ({reps} copies of the seeds)  time: {dt:.1f} s")
    print(f"throughput: {kb / dt:.0f} KB/s (target 200 KB/s, ratio {kb / dt / 200:.2f})")
    print(f"peak heap: {peak / 1024 / 1024:.0f} MB  rss: {rss:.0f} MB")
    print(f"entities: {len(ex.entities)}  relations: {len(ex.relations)}  facts: {len(ex.facts)}")


if __name__ == "__main__":
    main()
