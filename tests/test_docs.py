"""Docs cannot drift: every docstring example runs, and README's generated parts are current."""
from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import clusternet
from paths import ROOT  # noqa: E402

SKIP = {"clusternet.app", "clusternet.tests"}


def _modules():
    names = ["clusternet", "clusternet.api", "clusternet.cli.options", "clusternet.ingest.demo"]
    for sub in ("graph", "ingest"):
        pkg = importlib.import_module(f"clusternet.{sub}")
        names += [m.name for m in pkgutil.walk_packages(pkg.__path__, prefix=f"clusternet.{sub}.")]
    return sorted(n for n in names if n not in SKIP)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_readme_generated_parts_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_readme.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_readme_first_screen_has_exactly_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = text.split("\n## ", 1)[0]
    blocks = [b for b in first_screen.split("```")[1::2]]
    commands = [line for b in blocks for line in b.splitlines()
                if line.strip() and not line.lstrip().startswith(("#", "bash", "sh"))]
    assert commands == ["scripts/demo.sh", "scripts/test.sh"], commands


def _readme_block(heading: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    lines = [line.split("  #", 1)[0].strip() for b in section.split("```")[1::2] for line in b.splitlines()]
    return [line for line in lines if line.startswith("clusternet ")]


def _help_examples() -> list[str]:
    """Every `clusternet ...` example line in the commands' help texts."""
    from clusternet.cli.main import app
    import typer.main

    group = typer.main.get_command(app)
    found = []

    def walk(cmd):
        for line in (cmd.help or "").splitlines():
            line = line.strip()
            if line.startswith("Example: "):
                line = line[len("Example: "):]
            if line.startswith("clusternet "):
                found.append(line)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)
    walk(group)
    return found


# examples that need what the sample data cannot give: a server, the CORDIS download, a long-running app
NOT_ON_SAMPLE = ("clusternet serve", "(a number from the list)", "(ids from the list)", "clusternet app", "clusternet demo", "bolt://", "clusternet evaluate", "my-members.xlsx",
                 "clusternet load graph.jsonl", "report.pdf", "--store g.db", "clusternet ingest ../shared")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from clusternet import api

    path = tmp_path_factory.mktemp("docs") / "sample.db"
    with api.open_store(str(path)) as store:
        api.build_demo(store, echo=lambda line: None)
    return path


@pytest.mark.parametrize("command", sorted(set(_readme_block("## Using it") + _help_examples())))
def test_documented_examples_run_on_the_sample_data(command, sample_store, tmp_path):
    """Every example the README's "Using it" and the commands' help give runs as written."""
    import shlex
    import shutil

    if any(marker in command for marker in NOT_ON_SAMPLE):
        pytest.skip("needs more than the sample data (a server, CORDIS, a running app)")
    store = tmp_path / "store.db"
    shutil.copy(sample_store, store)
    env = {**__import__("os").environ, "CLUSTERNET_STORE": str(store), "COLUMNS": "80"}
    args = [a.replace("examples/", str(ROOT / "examples") + "/") for a in shlex.split(command)[1:]
            if not a.startswith(">")]
    if any("*" in a for a in args):
        import glob
        args = [x for a in args for x in (sorted(glob.glob(a)) if "*" in a else [a])]
    proc = subprocess.run([sys.executable, "-m", "clusternet.cli", *args], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=300)
    assert proc.returncode == 0, f"{command}\n{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}"
    assert "Traceback" not in proc.stderr
