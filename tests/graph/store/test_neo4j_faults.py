"""Neo4j killed (SIGKILL) at random points of a load, restarted on the same data folder:
every batch is wholly present or absent, and re-running the load converges to exactly the
graph of a clean load (counts and content hash).

Each trial restarts a real Neo4j, so the count is CLUSTERNET_NEO4J_FAULT_TRIALS (default 3,
the CI figure); `bench/bench_reliability.py --full` runs 20.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clusternet.graph.store.sqlite import EmbeddedStore

from synthetic import synthetic_graph  # noqa: E402
from prerequisites import missing
from paths import HELPERS, ROOT  # noqa: E402

N_NODES, N_RELS, BATCH = 6_000, 6_000, 500
TRIALS = int(os.environ.get("CLUSTERNET_NEO4J_FAULT_TRIALS", "3"))
PASSWORD = "fault-trials-pw"

pytestmark = pytest.mark.neo4j


def _launcher():
    import neo4j_local  # scripts/ is on pytest's pythonpath
    return neo4j_local


def _whole_batches(store) -> tuple[bool, int]:
    nodes, rels = synthetic_graph(N_NODES, N_RELS, 7, 0)
    have_nodes = {n.id for n in store.iter_nodes()}
    have_rels = {r.key for r in store.iter_rels()}
    whole, present = True, 0
    for items, have, key in ((nodes, have_nodes, lambda n: n.id), (rels, have_rels, lambda r: r.key)):
        for i in range(0, len(items), BATCH):
            got = sum(key(x) in have for x in items[i:i + BATCH])
            whole &= got in (0, len(items[i:i + BATCH]))
            present += got == len(items[i:i + BATCH])
    return whole, present


def test_neo4j_killed_mid_load_converges(tmp_path):
    from clusternet.graph.store.neo4j import Neo4jStore

    launcher = _launcher()
    clean = EmbeddedStore(tmp_path / "clean.db")
    clean.ensure_schema()
    clean.upsert(*synthetic_graph(N_NODES, N_RELS, 7, 0), batch_size=BATCH)
    clean_hash, clean_counts = clean.content_hash(), clean.counts()
    clean.close()

    data = tmp_path / "neo4j-data"
    port = launcher.free_port()
    try:
        uri, user, password, stop = launcher.start_neo4j(port, password=PASSWORD, data_dir=data)
    except Exception as err:  # noqa: BLE001
        missing(f"Neo4j could not be started: {err}")
    env = dict(os.environ, NEO4J_USER=user, NEO4J_PASSWORD=password)
    rnd = random.Random(20)
    partial = 0
    try:
        for trial in range(TRIALS):
            store = Neo4jStore(uri, user, password)
            store.clear()
            store.ensure_schema()
            store.close()
            worker = subprocess.Popen([sys.executable, str(HELPERS / "load_worker.py"), uri, str(N_NODES),
                                       str(N_RELS), "7", "0", str(BATCH)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=env)
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()[-2000:]
            time.sleep(rnd.uniform(0.5, 6.0))
            pid = launcher.jvm_pid_of(uri)
            assert pid, "cannot find the Neo4j process to kill"
            os.kill(pid, signal.SIGKILL)
            worker.kill()
            worker.communicate()
            stop()  # reaps the dead JVM; the data folder is ours and stays
            uri, user, password, stop = launcher.start_neo4j(port, password=PASSWORD, data_dir=data)
            store = Neo4jStore(uri, user, password)
            whole, present = _whole_batches(store)
            assert whole, f"trial {trial}: a batch is half written after the crash"
            partial += 0 < present
            store.upsert(*synthetic_graph(N_NODES, N_RELS, 7, 0), batch_size=BATCH)
            assert store.counts() == clean_counts
            assert store.content_hash() == clean_hash, f"trial {trial}: re-run did not converge"
            store.close()
    finally:
        stop()
    print(f"\nneo4j kill trials: {TRIALS}, {partial} killed mid-load, 0 half batches, all converged")
