"""Faults and concurrency against the real stores (issue: reliability, items 3 and 4).

* A loading process killed (SIGKILL) at random points: the embedded file always opens and
  passes SQLite's integrity check, every batch is wholly present or absent, and re-running
  the load converges to exactly the graph of a clean load.
* 8 loaders in parallel with 50% overlapping keys: no duplicate node on either store.

Trial counts: CLUSTERNET_FAULT_TRIALS (default 50 for the embedded store); the numbers are
printed so the README's reliability figures can quote them.
"""
from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clusternet.graph.store.sqlite import EmbeddedStore

from paths import HELPERS  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402

N_NODES, N_RELS, BATCH = 6_000, 6_000, 500
TRIALS = int(os.environ.get("CLUSTERNET_FAULT_TRIALS", "50"))


def _worker(uri: str, n_nodes=N_NODES, n_rels=N_RELS, seed=7, offset=0, batch=BATCH, env=None):
    return subprocess.Popen([sys.executable, str(HELPERS / "load_worker.py"), uri, str(n_nodes), str(n_rels),
                             str(seed), str(offset), str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def _clean_hash(tmp_path: Path) -> tuple[str, int]:
    store = EmbeddedStore(tmp_path / "clean.db")
    store.ensure_schema()
    nodes, rels = synthetic_graph(N_NODES, N_RELS, 7, 0)
    t0 = time.perf_counter()
    store.upsert(nodes, rels, batch_size=BATCH)
    elapsed = time.perf_counter() - t0
    h = store.content_hash()
    store.close()
    return h, elapsed


def _batches_whole(store: EmbeddedStore) -> bool:
    """Every node batch and every relationship batch is wholly present or wholly absent."""
    nodes, rels = synthetic_graph(N_NODES, N_RELS, 7, 0)
    have_nodes = {n.id for n in store.iter_nodes()}
    have_rels = {r.key for r in store.iter_rels()}
    for i in range(0, len(nodes), BATCH):
        got = sum(n.id in have_nodes for n in nodes[i:i + BATCH])
        if got not in (0, len(nodes[i:i + BATCH])):
            return False
    for i in range(0, len(rels), BATCH):
        got = sum(r.key in have_rels for r in rels[i:i + BATCH])
        if got not in (0, len(rels[i:i + BATCH])):
            return False
    return True


def test_embedded_store_survives_kill_mid_load(tmp_path):
    clean, load_seconds = _clean_hash(tmp_path)
    rnd = random.Random(2026)
    outcomes = {"killed_mid_write": 0, "finished_before_kill": 0, "killed_before_write": 0}
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.db"
        EmbeddedStore(db).ensure_schema()
        proc = _worker(str(db))
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rnd.uniform(0, load_seconds * 1.2))
        proc.kill()
        out, _ = proc.communicate()
        # the file opens and is not corrupt
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        store = EmbeddedStore(db)
        n = sum(1 for _ in store.iter_nodes())
        outcomes["finished_before_kill" if "done" in out else ("killed_mid_write" if n else "killed_before_write")] += 1
        assert _batches_whole(store), f"trial {trial}: a batch is half written"
        # re-running the load converges to the clean graph
        nodes, rels = synthetic_graph(N_NODES, N_RELS, 7, 0)
        store.upsert(nodes, rels, batch_size=BATCH)
        assert store.content_hash() == clean, f"trial {trial}: re-run did not converge"
        store.close()
    print(f"\nembedded kill trials: {TRIALS}, outcomes {outcomes}")
    assert outcomes["killed_mid_write"] >= TRIALS // 4, outcomes  # the kills really landed mid-load


def _concurrent_load(uri: str, env=None) -> None:
    procs = [_worker(uri, n_nodes=2_000, n_rels=1_000, seed=100 + i, offset=i * 1_000, batch=250, env=env)
             for i in range(8)]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]


def _expected_ids() -> set[str]:
    ids = set()
    for i in range(8):
        ids |= {n.id for n in synthetic_graph(2_000, 1_000, 100 + i, i * 1_000)[0]}
    return ids


def test_eight_parallel_loaders_no_duplicates_embedded(tmp_path):
    db = tmp_path / "conc.db"
    EmbeddedStore(db).ensure_schema()
    _concurrent_load(str(db))
    store = EmbeddedStore(db)
    ids = [n.id for n in store.iter_nodes()]
    assert len(ids) == len(set(ids)) == len(_expected_ids())
    assert set(ids) == _expected_ids()
    print(f"\nembedded: 8 loaders, {len(ids)} distinct nodes, 0 duplicates")


@pytest.mark.neo4j
def test_eight_parallel_loaders_no_duplicates_neo4j(neo4j_store, neo4j_server):
    uri, user, password = neo4j_server[:3]
    env = dict(os.environ, NEO4J_USER=user, NEO4J_PASSWORD=password)
    _concurrent_load(uri, env=env)
    ids = [n.id for n in neo4j_store.iter_nodes()]
    assert len(ids) == len(set(ids)) == len(_expected_ids())
    assert set(ids) == _expected_ids()
    print(f"\nneo4j: 8 loaders, {len(ids)} distinct nodes, 0 duplicates")
