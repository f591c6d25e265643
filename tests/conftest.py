"""Shared fixtures: the two real stores.

* ``neo4j_server`` (session): ``(uri, user, password, stop)`` of a real Neo4j 5. Uses
  ``NEO4J_URI`` (+ ``NEO4J_USER`` / ``NEO4J_PASSWORD``) when set, else starts one with
  ``scripts/neo4j_local.py``. If none can be had the Neo4j tests are skipped, except in CI
  (``CI`` set), where they fail: Neo4j tests never skip in CI.
* ``store``: parametrised over ``embedded`` and ``neo4j``; empty, schema ensured.
* ``embedded_store``, ``neo4j_store``: one of each.

Tests that use Neo4j get the ``neo4j`` marker automatically (``-m "not neo4j"`` skips them).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

from prerequisites import missing  # noqa: E402

_NEO4J_FIXTURES = {"neo4j_server", "neo4j_store"}


def _start_local():
    import neo4j_local  # scripts/ is on the path (pyproject's pytest pythonpath)
    return neo4j_local.start_neo4j()


@pytest.fixture(scope="session")
def neo4j_server():
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""), None
        return
    try:
        uri, user, password, stop = _start_local()
    except Exception as err:  # noqa: BLE001 - any failure to start is reported the same way
        reason = f"no Neo4j: NEO4J_URI is not set and scripts/neo4j_local.py could not start one: {err}"
        missing(reason)
    try:
        yield uri, user, password, stop
    finally:
        stop()


@pytest.fixture()
def neo4j_store(neo4j_server):
    from clusternet.graph.store.neo4j import Neo4jStore

    uri, user, password, _ = neo4j_server
    store = Neo4jStore(uri, user, password, os.environ.get("NEO4J_DATABASE") or None)
    store.clear()
    store.ensure_schema()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture()
def embedded_store(tmp_path):
    from clusternet.graph.store.sqlite import EmbeddedStore

    store = EmbeddedStore(tmp_path / "t.db")
    store.ensure_schema()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request):
    """Each test using it runs once per store."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(params=["embedded", "neo4j"])
def store_uri(request, tmp_path, monkeypatch):
    """What a user passes as ``--store``: an embedded file path, or the Neo4j URI with its
    credentials in the environment (the store is emptied first)."""
    if request.param == "embedded":
        return str(tmp_path / "cli.db")
    request.getfixturevalue("neo4j_store")  # empties the database
    uri, user, password, _ = request.getfixturevalue("neo4j_server")
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    return uri


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        on_neo4j = bool(names & _NEO4J_FIXTURES) or (
            callspec is not None and "neo4j" in (callspec.params.get("store"), callspec.params.get("store_uri"),
                                              callspec.params.get("store_path")))
        if on_neo4j and item.get_closest_marker("neo4j") is None:
            item.add_marker(pytest.mark.neo4j)
