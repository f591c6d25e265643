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

ROOT = Path(__file__).resolve().parents[1]
SKIP = {"clusternet.app", "clusternet.tests"}


def _modules():
    names = ["clusternet.cli.options", "clusternet.ingest.demo"]
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
