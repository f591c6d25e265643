"""Inputs the coverage-guided fuzzer (scripts/fuzz_readers.py) found crashing a reader.

Each file in tests/fuzz/regressions/ made a reader raise something outside the InputError
family (a traceback for a user) before its fix. Now each must be refused with an
InputError that names the file and says what is wrong with it, and the CLI must print
one ``error:`` line for it, not a traceback.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clusternet.graph.errors import InputError
from clusternet.ingest.readers import read_document
from clusternet.ingest.tabular import open_table

REGRESSIONS = Path(__file__).resolve().parent / "fuzz" / "regressions"

# file -> what the user must be told (the zipfile error each one raised is in the comment)
EXPECTED = {
    "docx-unknown-zip-version.docx": "not a valid DOCX (zip) file",   # NotImplementedError: zip file version 9.3
    "docx-member-name-not-utf8.docx": "not a valid DOCX (zip) file",  # UnicodeDecodeError in a member name
    "xlsx-unknown-zip-version.xlsx": "not a valid XLSX file",         # NotImplementedError: zip file version 25.5
    "xlsx-member-name-not-utf8.xlsx": "not a valid XLSX file",        # UnicodeDecodeError in a member name
    "xlsx-no-sheets.xlsx": "the workbook has no sheets",              # IndexError: names[0] of no sheets
}


def _read(path: Path) -> None:
    if path.suffix == ".docx":
        read_document(path)
        return
    for _ in open_table(path).rows:
        pass


def test_every_regression_file_is_listed():
    assert sorted(p.name for p in REGRESSIONS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fuzz_crash_is_a_clear_input_error(name, tmp_path):
    path = tmp_path / name
    shutil.copy(REGRESSIONS / name, path)
    with pytest.raises(InputError) as err:
        _read(path)
    assert EXPECTED[name] in str(err.value)
    assert name in str(err.value)


@pytest.mark.parametrize("name", ["docx-unknown-zip-version.docx", "xlsx-no-sheets.xlsx"])
def test_fuzz_crash_gives_one_error_line_in_the_cli(name, tmp_path):
    path = tmp_path / name
    shutil.copy(REGRESSIONS / name, path)
    command = ["extract", str(path)] if name.endswith(".docx") else ["ingest", str(path), "--dry-run"]
    # the installed `clusternet` command is clusternet.cli:main (pyproject.toml)
    result = subprocess.run([sys.executable, "-c", "from clusternet.cli import main; main()", *command],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in out
    assert out.strip().splitlines() == [f"error: {path}: " + out.split(f"{path}: ", 1)[1].strip()]
    assert EXPECTED[name] in out
