#!/usr/bin/env python3
"""Reliability and security figures: run the suites, collect what they measure, write
``docs/reliability.json`` and regenerate the README's Reliability section.

The figures come from the real test suites (run with ``pytest -s``; each prints one line
per measurement), plus the Cypher guard run over its corpora in ``tests/data/cypher/``:

* hostile inputs: files tried, kinds, crashes, outcomes, worst time and memory per file,
  the stores left unchanged, CLI exits (tests/test_hostile_inputs.py);
* XSS: payloads x pages, scripts executed in Chromium (tests/test_xss.py);
* Cypher injection: write/admin statements refused, read statements let through;
* faults: kill-mid-load trials and parallel loaders' duplicates
  (tests/test_reliability_stores.py);
* the database going away: the CLI's and the app's answers (tests/test_db_unavailable.py);
* property-based tests passed (tests/test_property_based.py).

Usage: ``python bench/bench_reliability.py [--quick]`` (``--quick`` skips Neo4j and uses
10 kill trials). A suite that fails is reported as failed in the figures, not hidden.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "reliability.json"


def run_suite(test_file: str, *extra: str, env: dict | None = None) -> tuple[str, bool, float]:
    """Run one test file with ``-s``; return (output, passed, seconds)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", f"tests/{test_file}", "-q", "-s", "-p", "no:cacheprovider",
                           *extra], cwd=ROOT, capture_output=True, text=True, env=env)
    out = proc.stdout + proc.stderr
    print(f"  {test_file}: {'passed' if proc.returncode == 0 else 'FAILED'} in {time.perf_counter() - t0:.0f} s",
          flush=True)
    return out, proc.returncode == 0, time.perf_counter() - t0


def summary_line(out: str) -> str:
    lines = [ln for ln in out.splitlines() if re.search(r"\d+ (passed|failed)", ln)]
    return lines[-1].strip("= ") if lines else "no result"


def grab(pattern: str, text: str, default: str = "n/a") -> str:
    m = re.search(pattern, text)
    return m.group(1) if m else default


def hostile(fig: dict, quick: bool) -> None:
    out, ok, _ = run_suite("test_hostile_inputs.py", *(["-m", "not neo4j"] if quick else []))
    files, kinds = grab(r"hostile corpus: (\d+) files", out), grab(r"files, (\d+) kinds", out)
    fig["Hostile input files tried (kinds)"] = f"{files} ({kinds} kinds)"
    fig["Hostile files: crashes / uncaught exceptions"] = grab(r"hostile files: \d+, crashes (\d+)", out)
    outcomes = grab(r"outcomes (\{.*\})", out, "{}")
    fig["Hostile files: outcomes"] = outcomes.replace("'", "")
    fig["Hostile files: worst time / peak RSS growth per file"] = grab(r"hostile worst per file: (.*)", out)
    stores = re.findall(r"hostile loads on (\w+): \d+ files, (\d+) refused, store unchanged by every refused "
                        r"file: (\w+)", out)
    fig["Hostile files: store content hash unchanged"] = ", ".join(
        f"{s} ({n} refused, {'unchanged' if u == 'True' else 'CHANGED'})" for s, n, u in stores) or "n/a"
    fig["Hostile files via the CLI: clean `error:` exit 1"] = grab(r"hostile CLI runs: (\d+, clean error exits \d+)",
                                                                   out).replace(", clean error exits", " runs,") \
        + " clean"
    fig["Hostile input suite"] = summary_line(out) + ("" if ok else " (FAILED)")


def xss(fig: dict) -> None:
    out, ok, _ = run_suite("test_xss.py")
    line = grab(r"(xss: .*)", out)
    fig["XSS payloads x pages (placements shown)"] = grab(r"xss: (\d+ payloads x \d+ pages = \d+) placements", out)
    fig["XSS scripts executed in Chromium"] = grab(r"scripts executed (\d+)", line)
    fig["XSS suite"] = summary_line(out) + ("" if ok else " (FAILED)")


def cypher(fig: dict) -> None:
    from clusternet.graph.query.guard import refusal_reason

    subs = {"{NL}": "\n", "{CR}": "\r", "{LS}": "\u2028", "{ZWSP}": "\u200b", "{ZWJ}": "\u200d", "{BOM}": "\ufeff",
            "{SHY}": "\u00ad"}

    def corpus(name: str) -> list[str]:
        path = ROOT / "tests" / "data" / "cypher" / name
        if not path.exists():
            return []
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                for k, v in subs.items():
                    line = line.replace(k, v)
                out.append(line)
        return out

    bad, good = corpus("write_admin.txt"), corpus("read_ok.txt")
    refused = sum(refusal_reason(q) is not None for q in bad)
    passed = sum(refusal_reason(q) is None for q in good)
    fig["Cypher injection/write statements refused"] = f"{refused} of {len(bad)}"
    fig["Cypher read statements let through"] = f"{passed} of {len(good)}"


def faults(fig: dict, quick: bool) -> None:
    env = dict(os.environ, CLUSTERNET_FAULT_TRIALS="10" if quick else os.environ.get("CLUSTERNET_FAULT_TRIALS", "50"))
    out, ok, _ = run_suite("test_reliability_stores.py", *(["-m", "not neo4j"] if quick else []), env=env)
    trials = re.search(r"embedded kill trials: (\d+), outcomes (\{.*\})", out)
    fig["Kill-mid-load trials (embedded): corrupt files / half batches"] = (
        f"{trials.group(1)} trials, 0 / 0 ({trials.group(2)})".replace("'", "") if trials and ok
        else ("n/a" if not trials else f"{trials.group(1)} trials, FAILED"))
    for store in ("embedded", "neo4j"):
        m = re.search(rf"{store}: 8 loaders, (\d+) distinct nodes, (\d+) duplicates", out)
        if m:
            fig[f"8 parallel loaders ({store}): duplicate nodes"] = f"{m.group(2)} (of {m.group(1)} nodes)"
    fig["Store fault suite"] = summary_line(out) + ("" if ok else " (FAILED)")


def neo4j_faults(fig: dict, quick: bool, full: bool) -> None:
    if quick:
        return
    trials = "20" if full else os.environ.get("CLUSTERNET_NEO4J_FAULT_TRIALS", "3")
    out, ok, _ = run_suite("test_neo4j_faults.py", env=dict(os.environ, CLUSTERNET_NEO4J_FAULT_TRIALS=trials))
    m = re.search(r"neo4j kill trials: (\d+), (\d+) killed mid-load, 0 half batches, all converged", out)
    fig["Neo4j killed mid-load, restarted, re-run: half batches / not converged"] = (
        f"{m.group(1)} trials ({m.group(2)} killed mid-load): 0 / 0" if m and ok else f"{trials} trials, FAILED")


def unavailable(fig: dict, quick: bool) -> None:
    out, ok, _ = run_suite("test_db_unavailable.py", *(["-m", "not neo4j"] if quick else []))
    cli = re.findall(r"cli on a closed port \((\w+)\): exit 1 in ([\d.]+) s", out)
    if cli:
        fig["CLI with Neo4j down: `error: database unavailable`, exit 1"] = ", ".join(f"{c} {s} s" for c, s in cli)
    app = re.search(r"app: 'Database unavailable' ([\d.]+) s after Neo4j stopped; recovered ([\d.]+) s", out)
    if app:
        fig["App with Neo4j stopped: 'Database unavailable' shown after"] = f"{app.group(1)} s (limit 30 s)"
        fig["App after Neo4j restarts: recovered without an app restart"] = f"{app.group(2)} s after restart"
    fig["Database-unavailable suite"] = summary_line(out) + ("" if ok else " (FAILED)")


def properties(fig: dict) -> None:
    out, ok, _ = run_suite("test_property_based.py")
    fig["Property-based tests (readers x 11 formats, exports x 4 formats)"] = summary_line(out) + \
        ("" if ok else " (FAILED)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip Neo4j, 10 kill trials")
    ap.add_argument("--full", action="store_true", help="20 Neo4j kill trials (CI runs 3)")
    ap.add_argument("--no-readme", action="store_true", help="do not regenerate README.md")
    args = ap.parse_args()
    fig: dict[str, str] = {}
    print("running the reliability suites (several minutes)", flush=True)
    hostile(fig, args.quick)
    xss(fig)
    cypher(fig)
    faults(fig, args.quick)
    neo4j_faults(fig, args.quick, args.full)
    unavailable(fig, args.quick)
    properties(fig)
    OUT.parent.mkdir(exist_ok=True)
    command = "python bench/bench_reliability.py" + (" --quick" if args.quick else "") + (" --full" if args.full else "")
    data = {"measured_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "command": command, "figures": fig}
    if OUT.exists():  # blocks other scripts write (scripts/fuzz_readers.py: "fuzzing") are kept
        data = {**json.loads(OUT.read_text(encoding="utf-8")), **data}
    OUT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for k, v in fig.items():
        print(f"{k}: {v}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    if not args.no_readme:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_readme.py")], cwd=ROOT, check=True)
        print("README.md regenerated")
    return 0 if all("FAILED" not in v for v in fig.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
