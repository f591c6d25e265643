"""The `clusternet` command as a user runs it (in-process through Typer's runner, real stores)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from clusternet.cli import app

runner = CliRunner()


def test_init_then_status_shows_reference_data(store_uri):
    result = runner.invoke(app, ["init", "--store", store_uri])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["status", "--store", store_uri, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"]["Country"] >= 249 and data["nodes"]["Sector"] == 14
    again = runner.invoke(app, ["init", "--store", store_uri])
    assert "0 reference records created" in " ".join(again.output.split())


def test_load_interchange_file_and_reject_bad_one(store_uri, tmp_path):
    runner.invoke(app, ["init", "--store", store_uri])
    good = tmp_path / "g.jsonl"
    good.write_text("\n".join(json.dumps(r) for r in [
        {"kind": "node", "id": "cluster:c1-ma", "labels": ["Cluster"], "props": {"name": "C1", "country": "MA"}},
        {"kind": "rel", "source": "cluster:c1-ma", "type": "LOCATED_IN", "target": "country:MA"},
    ]), encoding="utf-8")
    result = runner.invoke(app, ["load", str(good), "--store", store_uri, "--format", "json"])
    assert result.exit_code == 0, result.output
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps({"nodes": [{"id": "cluster:c2", "labels": ["Cluster"], "props": {"members": "x"}}],
                               "relationships": [{"source": "cluster:c2", "type": "LOCATED_IN", "target": "country:ZZ"}]}))
    result = runner.invoke(app, ["status", "--store", store_uri, "--format", "json"])
    before = json.loads(result.output)
    result = runner.invoke(app, ["load", str(bad), "--store", store_uri])
    assert result.exit_code == 1
    after = json.loads(runner.invoke(app, ["status", "--store", store_uri, "--format", "json"]).output)
    assert after == before


def test_errors_are_one_line_without_traceback(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "nested.json"
    bad.write_text("[" * 100_000 + "]" * 100_000)
    for args in (["status", "--store", "foo://nowhere"],
                 ["load", str(bad), "--store", str(tmp_path / "s.db")],
                 ["status", "--store", str(tmp_path / "missing-dir" / "s.db")]):
        proc = subprocess.run([sys.executable, "-m", "clusternet.cli", *args], capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("error:"), proc.stderr


def test_every_command_has_help_with_an_example():
    from clusternet.cli import app as cli_app
    import typer.main

    group = typer.main.get_group(cli_app)
    missing = []
    for name, cmd in sorted(group.commands.items()):
        sub = getattr(cmd, "commands", None)
        for c in (sub.values() if sub else [cmd]):
            if "Example" not in (c.help or ""):
                missing.append(f"{name} {c.name}" if sub else name)
    assert not missing, f"commands without an example in their help: {missing}"


def _run_cli(*args, cwd=None, columns="80"):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "clusternet.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd, env={**os.environ, "COLUMNS": columns})


def test_status_where_no_store_is_says_so_and_creates_nothing(tmp_path):
    proc = _run_cli("status", "--store", str(tmp_path / "nothing-here.db"))
    assert proc.returncode == 1 and "no store at" in proc.stderr and "clusternet init" in proc.stderr
    assert list(tmp_path.iterdir()) == []     # no empty store made on the way


def test_demo_keeps_its_store_in_data_and_reads_leave_no_wal_files(tmp_path):
    proc = _run_cli("demo", "--no-app", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["clusternet-demo.db"]
    proc = _run_cli("suggest", "enlargement", "MTB", "-k", "3", "--store", "data/clusternet-demo.db", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # an acronym and a part of the name find the partnership (one name policy everywhere)
    assert "Enlargement of Mediterranean Textile Bridge" in proc.stdout
    proc = _run_cli("suggest", "enlargement", "Mediterranean Textile", "-k", "3", "--store",
                    "data/clusternet-demo.db", cwd=tmp_path)
    assert proc.returncode == 0 and "Enlargement of Mediterranean Textile Bridge" in proc.stdout
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["clusternet-demo.db"]
    # at 80 columns no table breaks a word letter by letter (ids are left to json/csv)
    for args in (["queries"], ["query", "--saved", "partnership_partners", "-p", "partnership=MTB"],
                 ["insights", "brokers", "--k", "5"]):
        proc = _run_cli(*args, "--store", "data/clusternet-demo.db", cwd=tmp_path) if args[0] != "queries" \
            else _run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 0, (args, proc.stderr)
        assert max(len(line) for line in proc.stdout.splitlines()) <= 80
        cells = [c.strip() for line in proc.stdout.splitlines() if "│" in line for c in line.split("│")[1:-1]]
        assert not [c for c in cells if len(c) == 1 and c.isalpha()], (args, proc.stdout[:2000])
        assert "cluster:" not in proc.stdout and "org:" not in proc.stdout
    # suggestion blocks wrap inside 80 columns with hanging indents; a basis every candidate
    # shares (a partnership with no links yet) is said once, and each line is tagged with it
    proc = _run_cli("suggest", "enlargement", "BLUEPORT", "-k", "6", "--store", "data/clusternet-demo.db",
                    cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and max(len(line) for line in lines) <= 80, proc.stdout
    assert proc.stdout.count("profile match only") == 1 and sum("profile match" in x for x in lines) == 7
    assert all(x.startswith(("  ", "Enlargement")) and x == x.rstrip() for x in lines), proc.stdout


def test_extract_table_reads_as_names_and_plain_relations_not_ids():
    result = runner.invoke(app, ["extract", "examples/documents/mou_press_release.html", "--format", "table"],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Monastir Textile Pole" in text and "located in" in text and "Tunisia" in text
    assert "cluster:" not in text and "LOCATED_IN" not in text and "country:" not in text
