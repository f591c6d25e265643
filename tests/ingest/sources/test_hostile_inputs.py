"""Hostile inputs (issue 7, item 1): a generated corpus of 200+ files of 17 kinds.

Empty files, truncated/encrypted/image-only PDFs, text named .pdf, PDF flate bombs, zip
bombs in DOCX and XLSX (honest and forged sizes, thousands of members), JSON nested
100,000 deep, YAML alias bombs and Python tags, XML entity expansion, CSV with NUL bytes
and 1 MB fields, binaries named .txt, HTML nested a million deep, wrong and mixed
encodings (see tests/hostile/generators.py). For every file:

* no crash: the readers raise only errors of the project's family, naming the file;
* every file is rejected, or accepted with the problem said (a warning or a row
  problem), or (legitimate encodings) accepted with the text exactly right;
* each file is read within 10 s and 500 MB of peak RSS growth (measured in a worker);
* loading it leaves the store's content hash unchanged, on both stores;
* the CLI answers with exit code 1 and an ``error:`` line, never a traceback.

The figures are printed (``-s``) for bench/bench_reliability.py.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from clusternet.graph.errors import ClusternetError

from generators import REJECT, generate_corpus  # noqa: E402
from probe import STRUCTURED, run_probes, verdict  # noqa: E402

MAX_SECONDS = 10.0
MAX_RSS_MB = 500.0
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate_corpus(tmp_path_factory.mktemp("hostile"), seed=0)


@pytest.fixture(scope="module")
def probes(corpus):
    return run_probes([h.path for h in corpus], per_file_timeout=60)


def test_corpus_is_big_and_varied(corpus):
    kinds = Counter(h.kind for h in corpus)
    print(f"\nhostile corpus: {len(corpus)} files, {len(kinds)} kinds")
    assert len(corpus) >= 200 and len(kinds) >= 12, kinds
    assert len({h.path for h in corpus}) == len(corpus)


def test_readers_never_crash_and_say_why(corpus, probes):
    wrong = []
    outcomes = Counter()
    for h in corpus:
        r = probes[str(h.path)]
        outcomes[r["outcome"] if r["outcome"] != "accepted" or not r.get("warnings") else "accepted-with-warning"] += 1
        why = verdict(h, r["outcome"], r.get("message", ""), r.get("warnings", ()), r.get("text", ""))
        if why:
            wrong.append(f"{h.kind} {h.path.name}: {why}")
    crashes = sum(1 for h in corpus if probes[str(h.path)]["outcome"] == "crash")
    print(f"\nhostile files: {len(corpus)}, crashes {crashes}, outcomes {dict(outcomes)}")
    assert not wrong, "\n".join(wrong)


def test_each_file_is_read_in_bounded_time_and_memory(corpus, probes):
    slow = [(h.path.name, probes[str(h.path)]["seconds"]) for h in corpus
            if probes[str(h.path)]["seconds"] >= MAX_SECONDS]
    fat = [(h.path.name, probes[str(h.path)]["rss_growth_mb"]) for h in corpus
           if (probes[str(h.path)]["rss_growth_mb"] or 0) >= MAX_RSS_MB]
    worst_s = max(r["seconds"] for r in probes.values())
    worst_mb = max((r["rss_growth_mb"] or 0) for r in probes.values())
    print(f"\nhostile worst per file: {worst_s:.2f} s, {worst_mb:.0f} MB peak RSS growth")
    assert not slow, slow
    assert not fat, fat


def test_python_tags_never_run(corpus, probes):
    ran = [h.path.name for h in corpus if h.marker is not None and h.marker.exists()]
    assert any(h.marker for h in corpus) and not ran, ran


def _load(store, path: Path) -> tuple[str, str, list[str]]:
    """Load one file the way ingest does; ``(outcome, message, notes)``."""
    from clusternet.ingest.loader import load_files, load_records

    try:
        if path.suffix.lower() in STRUCTURED:
            report = load_files(store, [path], progress=False)
            f = report.files[0]
            if f.problems and not f.written:
                return "rejected", f"{path}: " + "; ".join(str(p) for p in f.problems[:3]), []
            return "accepted", "", list(f.notes) + [str(p) for p in f.problems]
        from clusternet.ingest.extract import extract_paths, extraction_to_records

        ex = extract_paths([path])
        nodes, rels = extraction_to_records(ex)
        load_records(store, nodes, rels)
        return "accepted", "", [w for d in ex.documents for w in d.warnings]
    except ClusternetError as err:
        return "rejected", str(err), []
    except Exception as err:  # noqa: BLE001 - a crash is what this test looks for
        return "crash", f"{type(err).__name__}: {err}", []


def test_loading_hostile_files_leaves_the_store_unchanged(store, corpus, probes):
    wrong = []
    accepted = 0
    for h in corpus:
        before = store.content_hash()
        outcome, message, notes = _load(store, h.path)
        after = store.content_hash()
        if outcome == "accepted":
            accepted += 1
            why = verdict(h, outcome, message, notes, probes[str(h.path)].get("text", ""))
        else:
            why = verdict(h, outcome, message)
            if not why and after != before:
                why = "rejected, but the store changed"
        if why:
            wrong.append(f"{h.kind} {h.path.name}: {why}")
    print(f"\nhostile loads on {store.kind}: {len(corpus)} files, {len(corpus) - accepted} refused, "
          f"store unchanged by every refused file: {not any('store changed' in w for w in wrong)}")
    assert not wrong, "\n".join(wrong)


def test_cli_says_error_in_one_line_never_a_traceback(corpus, tmp_path):
    sample = [h for h in corpus if h.expect == REJECT][::8][:20]
    env = dict(os.environ, COLUMNS="400", NO_COLOR="1")
    env.pop("CLUSTERNET_DEBUG", None)
    db = tmp_path / "cli.db"

    def run(h):
        cmd = ["ingest", str(h.path), "--store", str(db), "--no-progress"] if h.path.suffix.lower() in STRUCTURED \
            else ["extract", str(h.path)]
        return h, subprocess.run([sys.executable, "-m", "clusternet.cli", *cmd], capture_output=True, text=True,
                                 timeout=120, env=env)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(run, sample))
    wrong = []
    for h, proc in results:
        errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
        if proc.returncode != 1 or "Traceback" in proc.stderr + proc.stdout or len(errors) != 1 \
                or h.path.name not in proc.stderr:
            wrong.append(f"{h.path.name}: exit {proc.returncode}, stderr {proc.stderr[-400:]!r}")
    print(f"\nhostile CLI runs: {len(results)}, clean error exits {len(results) - len(wrong)}")
    assert len(sample) == 20 and not wrong, "\n".join(wrong)
