"""Benchmark: the CORDIS H2020 participations file (144,726 rows) normalised, resolved and
loaded through examples/mappings/cordis.yaml, into the embedded store and (with --neo4j)
into Neo4j. Prints seconds, rows/s and peak memory; target: < 60 s embedded.

    python bench/bench_ingest.py [--rows N] [--neo4j]
"""
from __future__ import annotations

import argparse
import gzip
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil

from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.ingest.loader import load_files
from clusternet.ingest.mapping import load_mapping

ROOT = Path(__file__).resolve().parents[1]
CORDIS = ROOT.parent / "shared" / "data" / "cordis" / "participations.csv.gz"
MAPPING = ROOT / "examples" / "mappings" / "cordis.yaml"


class PeakRSS:
    """Samples this process's resident memory every 50 ms."""

    def __enter__(self):
        self.proc, self.peak, self.stop = psutil.Process(), 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def _run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(0.05)

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def source(rows: int | None, tmp: Path) -> Path:
    if not rows:
        return CORDIS
    out = tmp / f"cordis_{rows}.csv"
    with gzip.open(CORDIS, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > rows:
                break
            dst.write(line)
    return out


def run(store, path: Path, label: str) -> None:
    mapping = load_mapping(MAPPING)
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        report = load_files(store, [path], mapping=mapping, progress=False)
        secs = time.perf_counter() - t0
    f = report.files[0]
    nodes = sum(f.summary.created.values())
    print(f"{label}: {f.rows:,} rows in {secs:.1f} s = {f.rows / secs:,.0f} rows/s; "
          f"peak RSS {mem.peak / 2**20:,.0f} MiB; {len(f.problems)} problems; created {nodes:,} records; "
          f"{len(f.candidates)} candidate merges; target 60 s -> ratio {secs / 60:.2f}")
    t0 = time.perf_counter()
    again = load_files(store, [path], mapping=mapping, progress=False).files[0].summary
    print(f"{label}: re-ingest {time.perf_counter() - t0:.1f} s, changed {again.changed} records")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=None, help="only the first N rows")
    ap.add_argument("--neo4j", action="store_true", help="also load into a local Neo4j")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = source(args.rows, Path(tmp))
        with EmbeddedStore(os.path.join(tmp, "bench.db")) as store:
            store.ensure_schema()
            run(store, path, "embedded")
        if args.neo4j:
            import sys

            sys.path.insert(0, str(ROOT / "scripts"))
            from neo4j_local import start_neo4j  # the developer launcher (scripts/)

            from clusternet.graph.store.neo4j import Neo4jStore

            uri = os.environ.get("NEO4J_URI")
            stop = None
            if uri:
                user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
            else:
                uri, user, password, stop = start_neo4j()
            try:
                with Neo4jStore(uri, user, password) as store:
                    store.ensure_schema()
                    store.clear()
                    run(store, path, "neo4j")
            finally:
                if stop:
                    stop()


if __name__ == "__main__":
    main()
