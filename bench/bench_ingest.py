"""Benchmark: the CORDIS H2020 participations file (144,726 rows) normalised, resolved and
loaded through examples/mappings/cordis.yaml, into the embedded store and (with --neo4j)
into Neo4j; then loaded again (must change nothing). Prints wall seconds, CPU seconds
(user+sys of this process: less sensitive to other work on the machine), rows/s and peak
memory; target: < 60 s embedded.

    python bench/bench_ingest.py [--rows N | --synthetic N] [--neo4j]

``--synthetic N`` writes a CORDIS-like file of N rows, every row a new participation
(e.g. 200000: the issue's "big file" case), and loads that instead.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import os
import random
import tempfile
import sys
import time
from pathlib import Path

import psutil

from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.ingest.loader import load_files
from clusternet.ingest.rows.mapping import load_mapping

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "helpers"))
from peak_rss import PeakRSS  # noqa: E402

CORDIS = ROOT.parent / "shared" / "data" / "cordis" / "participations.csv.gz"
MAPPING = ROOT / "examples" / "mappings" / "cordis.yaml"


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


def synthetic(rows: int, tmp: Path) -> Path:
    """A CORDIS-shaped file: projects of 1-12 organisations drawn from a pool (seeded)."""
    rng = random.Random(7)
    countries = ["DE", "GB", "ES", "IT", "FR", "NL", "BE", "GR", "CH", "SE", "PT", "PL", "AT", "NA"]
    kinds = ["PRC", "HES", "REC", "PUB", "OTH"]
    parts = ["ERC", "MSCA", "LEIT", "SC1", "SC3", "Innovation in SMEs"]
    n_orgs = max(10, rows // 4)
    out = tmp / f"synthetic_{rows}.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["project_id", "project_acronym", "start_date", "end_date", "framework", "programme_or_topic",
                    "funding_scheme", "org_id", "org_name", "org_short_name", "country", "activity_type", "sme",
                    "role"])
        written, project = 0, 100000
        while written < rows:
            project += 1
            year = rng.randint(2014, 2021)
            start, end = f"{year}-0{rng.randint(1, 9)}-01", f"{year + 3}-12-31"
            programme = ";".join(sorted(rng.sample(parts, rng.choice([1, 1, 2]))))
            members = rng.sample(range(n_orgs), min(n_orgs, rng.choice([1, 1, 2, 3, 5, 8, 12])))
            for i, org in enumerate(members[: rows - written]):
                named = org % 5 != 0
                w.writerow([project, "", start, end, "H2020", programme, "", 900000000 + org,
                            f"Organisation {org} Research GmbH" if named else "", f"ORG{org}" if named else "",
                            countries[org % len(countries)], kinds[org % 5], ["true", "false", ""][org % 3],
                            "coordinator" if i == 0 else "participant"])
                written += 1
    return out


def run(store, path: Path, label: str) -> None:
    mapping = load_mapping(MAPPING)
    proc = psutil.Process()
    with PeakRSS(interval=0.05) as mem:
        t0, c0 = time.perf_counter(), sum(proc.cpu_times()[:2])
        report = load_files(store, [path], mapping=mapping, progress=False)
        secs, cpu = time.perf_counter() - t0, sum(proc.cpu_times()[:2]) - c0
    f = report.files[0]
    nodes = sum(f.summary.created.values())
    print(f"{label}: {f.rows:,} rows in {secs:.1f} s wall, {cpu:.1f} s CPU = {f.rows / secs:,.0f} rows/s; "
          f"peak RSS {mem.peak / 2**20:,.0f} MiB; {len(f.problems)} problems; created {nodes:,} records; "
          f"{len(f.candidates)} candidate merges; target 60 s -> ratio {secs / 60:.2f}", flush=True)
    with PeakRSS(interval=0.05) as mem:
        t0, c0 = time.perf_counter(), sum(proc.cpu_times()[:2])
        again = load_files(store, [path], mapping=mapping, progress=False).files[0].summary
        secs, cpu = time.perf_counter() - t0, sum(proc.cpu_times()[:2]) - c0
    print(f"{label}: re-ingest {secs:.1f} s wall, {cpu:.1f} s CPU = {f.rows / secs:,.0f} rows/s; "
          f"peak RSS {mem.peak / 2**20:,.0f} MiB; changed {again.changed} records", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=None, help="only the first N rows")
    ap.add_argument("--synthetic", type=int, default=None, help="a generated CORDIS-like file of N rows")
    ap.add_argument("--neo4j", action="store_true", help="also load into a local Neo4j")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = synthetic(args.synthetic, Path(tmp)) if args.synthetic else source(args.rows, Path(tmp))
        print(f"{path.name}; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"on {os.cpu_count()} CPUs", flush=True)
        with EmbeddedStore(os.path.join(tmp, "bench.db")) as store:
            store.ensure_schema()
            run(store, path, "embedded")
        if args.neo4j:
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
