"""Throughput and peak memory of extraction on the seeds concatenated to about 5 MB.

    python bench/bench_extract.py [--mb 5] [--no-memory] [--rules | --all-decisions]

Prints KB of text per second of CPU time on one core (process time, so other processes do not
count; wall time is printed beside it; on a shared virtual machine the CPU's own speed still
varies, by up to 1.6x between moments on 2026-12-03, so compare runs made side by side), and,
in a second pass, the peak Python heap
(tracemalloc slows Python several-fold, so it is never on during the timed pass) and RSS.
Also the throughput at a fifth of the size: a ratio near 1 means cost grows linearly, and on the
project's test pages (tests/data/written and tests/data/unread: real-sized news, partnership and
MoU pages of about 3 KB each, each extracted as its own document, as ``clusternet extract`` reads
a folder), where what every document costs once (its patterns of names, its pair features)
weighs more than on one long text; ``--no-pages`` skips that pass.
Target: >= 200 KB/s on 5 MB. Before the learned decisions (issue 15) it measured 227 KB/s.
By default it times what ``clusternet extract`` runs (the rules, then the shipped model's relation
decisions); ``--rules`` times the rules alone, ``--all-decisions`` the model deciding the entities
and the facts' subjects too. Figures, not asserts.
"""
from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import psutil

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text, read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = [ROOT / "tests" / "data" / "written", ROOT / "tests" / "data" / "unread"]


def _text(seeds: str, mb: float) -> tuple[str, int]:
    reps = int(mb * 1024 * 1024 // len(seeds)) + 1
    return "\n\n".join([seeds] * reps)[: int(mb * 1024 * 1024)], reps


BEFORE_KBS = 227   # rules alone, before the learned decisions (issue 15)
MODEL = None       # what `clusternet extract` runs; --rules: False; --all-decisions: the model deciding all


def _timed(text: str):
    doc = document_from_text(text, name="bench.txt")
    c0, w0 = time.process_time(), time.perf_counter()
    ex = extract_text(doc, model=MODEL)
    return ex, time.process_time() - c0, time.perf_counter() - w0


def _pages_rate() -> tuple[int, float, float]:
    """(pages, KB, KB/s of CPU time) extracting each test page as its own document."""
    docs = [read_document(f) for d in PAGES if d.is_dir() for f in sorted(d.iterdir()) if f.suffix != ".yaml"]
    for doc in docs[:3]:
        extract_text(doc, model=MODEL)      # warm: lexicons, patterns
    c0 = time.process_time()
    for doc in docs:
        extract_text(doc, model=MODEL)
    cpu = time.process_time() - c0
    kb = sum(len(doc.text.encode("utf-8")) for doc in docs) / 1024
    return len(docs), kb, kb / cpu if cpu else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--no-memory", action="store_true", help="skip the (slow) tracemalloc pass")
    ap.add_argument("--no-pages", action="store_true", help="skip the pass over the test pages")
    how = ap.add_mutually_exclusive_group()
    how.add_argument("--rules", action="store_true", help="time the rules alone")
    how.add_argument("--all-decisions", action="store_true",
                     help="time the shipped model deciding the entities and the facts' subjects too")
    args = ap.parse_args()
    global MODEL
    if args.rules:
        MODEL = False
    elif args.all_decisions:
        from dataclasses import replace

        from clusternet.ingest.extract.decide import load_model

        model = load_model()
        MODEL = replace(model, info={**model.info, "decides": "all"})
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt")))
    extract_text(document_from_text(seeds, name="warm.txt"), model=MODEL)  # load lexicons and regexes once
    small, _ = _text(seeds, args.mb / 5)
    _, cpu_small, _ = _timed(small)
    text, reps = _text(seeds, args.mb)
    ex, cpu, wall = _timed(text)
    kb, kb_small = len(text.encode("utf-8")) / 1024, len(small.encode("utf-8")) / 1024
    rate, rate_small = kb / cpu, kb_small / cpu_small
    print(f"text: {kb:.0f} KB ({reps} copies of the seeds)  cpu: {cpu:.1f} s  wall: {wall:.1f} s")
    print(f"throughput: {rate:.0f} KB/s cpu, {kb / wall:.0f} KB/s wall (target 200 KB/s, ratio {rate / 200:.2f}; "
          f"{BEFORE_KBS} KB/s before the learned decisions)")
    print(f"scaling: {rate_small:.0f} KB/s on {kb_small:.0f} KB -> {rate:.0f} KB/s on {kb:.0f} KB "
          f"(ratio {rate / rate_small:.2f}; 1.00 = linear)")
    print(f"entities: {len(ex.entities)}  relations: {len(ex.relations)}  facts: {len(ex.facts)}")
    if not args.no_pages:
        n, kb_pages, rate_pages = _pages_rate()
        print(f"pages: {n} test pages, {kb_pages:.0f} KB, one document each: {rate_pages:.0f} KB/s cpu "
              f"(ratio {rate_pages / rate:.2f} to the long text)")
    if not args.no_memory:
        del ex
        tracemalloc.start()
        extract_text(document_from_text(text, name="bench.txt"), model=MODEL)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = psutil.Process().memory_info().rss / 1024 / 1024
        print(f"peak heap: {peak / 1024 / 1024:.0f} MB  rss: {rss:.0f} MB")


if __name__ == "__main__":
    main()
