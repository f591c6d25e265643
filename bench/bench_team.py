"""Benchmark of serving a team: users at once vs Enlargement time, with 1 and 2 app processes.

Each process count runs the real thing: ``clusternet.serve.start_team`` (app processes on
loopback ports behind Debian's nginx), on an embedded store of the sample data
(reference data + ``examples/sample/*.csv``). Each process is warmed by one visit (its
snapshot and indexes built), then N users at once each open a new session on Enlargement
through the proxy (Streamlit's websocket protocol, see ``st_client.py``); the time a user
waits is from sending the page request to the end of the page's script. Target: 20 users at
once, p95 < 5 s with 2 processes. Figures are printed, never asserted; on a busy machine
they are indicative.

    python bench/bench_team.py [--users 1,10,20] [--processes 1,2] [--rounds 2]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from st_client import open_session, percentile, record_block, sample_store  # noqa: E402

from clusternet.cli.serve import TeamPlan, app_env, start_team  # noqa: E402

PAGE, TITLE = "enlargement", "Enlargement"
TARGET_P95 = 5.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def one_user(url: str) -> tuple[float, str]:
    """A new user opening Enlargement: (seconds, problem or "")."""
    t0 = time.perf_counter()
    try:
        session = await open_session(url)
    except Exception as err:  # noqa: BLE001 - a refused connection is an error figure, not a crash
        return time.perf_counter() - t0, f"connect: {type(err).__name__}"
    try:
        visit = await session.visit(PAGE, TITLE)
    finally:
        await session.close()
    return time.perf_counter() - t0, visit.problem


async def users_at_once(url: str, n: int) -> list[tuple[float, str]]:
    return list(await asyncio.gather(*(one_user(url) for _ in range(n))))


def spread(access_log: Path, since: int) -> Counter:
    """Websocket sessions per app process, from the proxy's log lines after line ``since``."""
    lines = access_log.read_text().splitlines()[since:]
    return Counter(m.group(1) for line in lines if "/_stcore/stream" in line
                   for m in [re.search(r"upstream=127\.0\.0\.1:(\d+)", line)] if m)


def run_processes(store: str, processes: int, users: list[int], rounds: int) -> list[dict]:
    plan = TeamPlan(port=free_port(), backend_ports=tuple(free_port() for _ in range(processes)))
    rows = []
    with tempfile.TemporaryDirectory() as work, start_team(plan, app_env(store), work) as team:
        for port in plan.backend_ports:  # warm each process directly: its first visit builds the snapshot
            asyncio.run(users_at_once(f"http://127.0.0.1:{port}", 1))
        log = team.workdir / "access.log"
        for n in users:
            times, problems, used = [], Counter(), Counter()
            for _ in range(rounds):
                time.sleep(1.0)
                mark = len(log.read_text().splitlines())
                for seconds, problem in asyncio.run(users_at_once(team.url, n)):
                    times.append(seconds)
                    if problem:
                        problems[problem] += 1
                time.sleep(0.5)  # nginx logs a websocket when it closes
                used.update(spread(log, mark))
            rows.append({"processes": processes, "users": n, "median": statistics.median(times),
                         "p95": percentile(times, 0.95), "max": max(times), "errors": sum(problems.values()),
                         "problems": problems, "spread": [used[str(p)] for p in plan.backend_ports]})
            r = rows[-1]
            print(f"{processes:>9} {n:>6} {r['median']:>8.2f} {r['p95']:>8.2f} {r['max']:>8.2f} {r['errors']:>6}  "
                  f"{'/'.join(map(str, r['spread']))}", flush=True)
            for problem, count in problems.most_common(3):
                print(f"{'':>17}{count} x {problem}")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", default="1,10,20", help="users at once, comma-separated")
    ap.add_argument("--processes", default="1,2", help="app process counts, comma-separated")
    ap.add_argument("--rounds", type=int, default=2, help="rounds per user count (samples = users x rounds)")
    ap.add_argument("--store", help="an existing embedded store (default: the sample data in a temporary one)")
    ap.add_argument("--record", action="store_true", help="also write the figures to docs/reliability.json")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    users = [int(x) for x in args.users.split(",")]
    counts = [int(x) for x in args.processes.split(",")]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (figures are indicative when busy)")
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or sample_store(os.path.join(tmp, "sample.db"))
        print(f"{'processes':>9} {'users':>6} {'median':>8} {'p95':>8} {'max':>8} {'errors':>6}  sessions per process")
        rows = [r for p in counts for r in run_processes(store, p, users, args.rounds)]
    best = [r for r in rows if r["users"] == max(users) and r["processes"] == max(counts)]
    if best:
        r = best[0]
        print(f"target: {r['users']} users at once, p95 {r['p95']:.2f} s with {r['processes']} processes "
              f"(target < {TARGET_P95:g} s: ratio {r['p95'] / TARGET_P95:.2f})")
    if args.record:
        keep = ("processes", "users", "median", "p95", "max", "errors", "spread")
        record_block("serving", {"command": "python bench/bench_team.py --record " + " ".join(sys.argv[1:]).replace(
            "--record", "").strip(), "load_average": round(load, 1), "page": TITLE,
            "rows": [{k: (round(r[k], 2) if isinstance(r[k], float) else r[k]) for k in keep} for r in rows]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
