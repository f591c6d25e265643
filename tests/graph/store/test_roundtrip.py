"""Export -> load round trip (issue 17, A), on both real stores, through the CLI as a user runs it.

`clusternet load` says it reads what `clusternet export --format json` writes: the demo
graph exported as JSON and loaded into a new store must be the same graph (content hash),
and `load` keeps reading the records form (JSON lines, {nodes, relationships}).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusternet.cli import app
from clusternet.graph.store import open_store

runner = CliRunner()
pytestmark = pytest.mark.timeout(900)


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _new_store(store_uri: str, tmp_path: Path) -> str:
    """An empty store of the same kind: another file, or the Neo4j database emptied."""
    if "://" not in store_uri:
        return str(tmp_path / "new.db")
    with open_store(store_uri) as s:
        s.clear()
    return store_uri


def _hash_and_counts(uri: str) -> tuple[str, dict]:
    with open_store(uri) as s:
        return s.content_hash(), s.counts()


def test_json_export_loads_back_into_the_same_graph(store_uri, tmp_path):
    _ok("demo", "--store", store_uri, "--no-app")
    exported = tmp_path / "graph.json"
    _ok("export", "--format", "json", "-o", str(exported), "--store", store_uri)
    before, counts = _hash_and_counts(store_uri)
    assert sum(counts["relationships"].values()) > 250  # the demo graph, not an empty one
    target = _new_store(store_uri, tmp_path)
    _ok("load", str(exported), "--store", target)
    after, counts_after = _hash_and_counts(target)
    assert counts_after == counts
    assert after == before
    # loading it again changes nothing
    _ok("load", str(exported), "--store", target)
    assert _hash_and_counts(target)[0] == before


def test_records_form_still_loads_into_the_same_graph(store_uri, tmp_path):
    _ok("demo", "--store", store_uri, "--no-app")
    with open_store(store_uri) as s:
        nodes, rels = list(s.iter_nodes()), list(s.iter_rels())
        before = s.content_hash()
    records = tmp_path / "graph.jsonl"
    records.write_text("".join(json.dumps(r.as_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                               for r in [*nodes, *rels]), encoding="utf-8")
    target = _new_store(store_uri, tmp_path)
    _ok("load", str(records), "--store", target)
    assert _hash_and_counts(target)[0] == before


def test_a_damaged_export_is_refused_whole_with_the_reason(tmp_path):
    store = str(tmp_path / "s.db")
    _ok("demo", "--store", store, "--no-app")
    exported = tmp_path / "graph.json"
    _ok("export", "--format", "json", "-o", str(exported), "--store", store)
    data = json.loads(exported.read_text(encoding="utf-8"))
    cluster = next(n for n in data["nodes"] if n["label"] == "Cluster")
    del cluster["name"]
    data["edges"].append({"source": cluster["id"], "type": "LOCATED_IN", "key": "LOCATED_IN",
                          "target": "country:NOWHERE"})
    exported.write_text(json.dumps(data), encoding="utf-8")
    target = str(tmp_path / "new.db")
    result = runner.invoke(app, ["load", str(exported), "--store", target])
    assert result.exit_code == 1
    problems = [str(p) for p in result.exception.problems]  # every one is listed, not just the first
    assert f"{cluster['id']}, name: required property missing" in problems
    assert any("country:NOWHERE" in p and "no node with this id" in p for p in problems)
    with open_store(target) as s:
        assert sum(s.counts()["nodes"].values()) == 0  # nothing half-loaded
