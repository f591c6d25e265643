"""A short coverage-guided fuzzing run of every reader (the CI share of issue 18, part 4).

Each reader's atheris harness (scripts/fuzz_readers.py) runs for a few seconds in its own
subprocess, starting from the hand-written seeds; any input that makes a reader raise
outside the InputError family, hang or run away with memory fails the test with the
reader, the place in the code and the message. The committed corpus (seeds and inputs the
long runs found) is also read back through every reader in this process.
The long runs (>= 10 minutes a reader) are in docs/reliability.json, "fuzzing".
"""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fuzz_readers import CORPUS, READERS, fuzz_reader, replay  # noqa: E402
from paths import ROOT  # noqa: E402

SECONDS = 4  # per reader, after its (instrumented) imports; two readers at a time


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_every_reader_survives_a_short_fuzzing_run(tmp_path):
    with ThreadPoolExecutor(2) as pool:
        results = dict(zip(READERS, pool.map(lambda r: fuzz_reader(r, SECONDS, tmp_path, seeds_only=True), READERS)))
    crashes = [f"{reader}: {c['signature']} ({c.get('message')}) input {c.get('input')}"
               for reader, res in results.items() for c in res["crashes"]]
    assert crashes == [], f"readers crashed; inputs kept under {tmp_path}"
    for reader, res in results.items():
        # the harness really ran: inputs were executed and coverage was traced
        assert res["executions"] >= len(list((CORPUS / reader).glob("seed-*"))), (reader, res)
        assert res["cov"] > 50, (reader, res)


def test_committed_corpus_reads_without_a_crash():
    assert replay(list(READERS)) == []


def test_committed_corpus_covers_every_reader_and_stays_small():
    sizes = {r: sum(p.stat().st_size for p in (CORPUS / r).iterdir()) for r in READERS}
    assert all(sizes.values()), sizes
    assert sum(sizes.values()) < 400 * 1024, sizes


def test_fuzz_script_examples_run():
    import doctest

    import fuzz_readers

    import seeds

    for module in (fuzz_readers, seeds):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_committed_seeds_are_what_seeds_py_writes(tmp_path):
    from seeds import write_seeds

    write_seeds(tmp_path)
    written = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(CORPUS): p.read_bytes() for p in CORPUS.rglob("seed-*")}
    assert written == committed
