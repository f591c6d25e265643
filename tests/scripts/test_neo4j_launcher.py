"""scripts/neo4j_local.py: the real local Neo4j starts, answers Bolt, and stops cleanly.

This starts a server of its own through the command line CI uses (``start --port-file`` /
``stop --port-file``), whatever NEO4J_URI says. Needs Java 17 and Maven (or the jars in
~/.m2): without them it is skipped locally and fails in CI.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from prerequisites import missing
from paths import ROOT  # noqa: E402

SCRIPT = ROOT / "scripts" / "neo4j_local.py"

pytestmark = pytest.mark.neo4j


def _need_java():
    absent = [t for t in ("java", "javac", "mvn") if shutil.which(t) is None]
    if absent:
        missing(f"the launcher needs {', '.join(absent)} on PATH")


def _run(*args, env=None, timeout=600):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_start_query_stop(tmp_path):
    _need_java()
    from neo4j import GraphDatabase

    from neo4j_local import port_open  # scripts/ is on pytest's pythonpath
    port_file = tmp_path / "neo4j.uri"
    password = "launcher-test-pw"
    env = dict(os.environ, NEO4J_PASSWORD=password)
    started = _run("start", "--port-file", str(port_file), env=env)
    try:
        assert started.returncode == 0, started.stderr[-3000:]
        uri = port_file.read_text().strip()
        assert uri.startswith("bolt://127.0.0.1:") and started.stdout.strip() == uri
        port = int(uri.rsplit(":", 1)[1])
        with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
            records, _, _ = driver.execute_query("CREATE (n:LauncherCheck {v: $v}) RETURN n.v * 2 AS twice", v=21)
            assert records[0]["twice"] == 42
        state = Path(f"{port_file}.state.json")
        assert state.exists() and password not in state.read_text()  # a given password is not stored
    finally:
        stopped = _run("stop", "--port-file", str(port_file))
    assert stopped.returncode == 0, stopped.stderr[-2000:]
    assert not port_open(port)
    assert not state.exists()


def test_stop_without_a_server_is_harmless(tmp_path):
    result = _run("stop", "--port-file", str(tmp_path / "none"))
    assert result.returncode == 0 and "nothing to stop" in result.stderr


def test_short_password_fails_loudly(tmp_path):
    _need_java()
    result = _run("start", "--port-file", str(tmp_path / "p"), "--password", "short")
    assert result.returncode == 1
    assert "at least 8 characters" in result.stderr and "Traceback" not in result.stderr
