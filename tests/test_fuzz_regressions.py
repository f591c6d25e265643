"""Inputs that made a reader crash, found by the coverage-guided fuzzer (scripts/fuzz_readers.py)
or by hand-made probes of the same contract while it ran (tests/fuzz/found.json says which).

Each file in tests/fuzz/regressions/ made a reader raise something outside the InputError
family (a traceback for a user) before its fix. Now each must be refused with an
InputError that names the file and says what is wrong with it, and the CLI must print
one ``error:`` line for it, not a traceback.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.ingest.readers import read_document
from clusternet.ingest.tabular import open_table

REGRESSIONS = Path(__file__).resolve().parent / "fuzz" / "regressions"

# file -> what the user must be told (what each raised before its fix is in the comment)
EXPECTED = {
    "docx-unknown-zip-version.docx": "not a valid DOCX (zip) file",   # NotImplementedError: zip file version 9.3
    "docx-member-name-not-utf8.docx": "not a valid DOCX (zip) file",  # UnicodeDecodeError in a member name
    "xlsx-unknown-zip-version.xlsx": "not a valid XLSX file",         # NotImplementedError: zip file version 25.5
    "xlsx-member-name-not-utf8.xlsx": "not a valid XLSX file",        # UnicodeDecodeError in a member name
    "xlsx-no-sheets.xlsx": "the workbook has no sheets",              # IndexError: names[0] of no sheets
    "xlsx-text-in-number-cell.xlsx": "a damaged cell in the sheet",   # ValueError: int('many') in openpyxl
    "pdf-aes256-encrypted.pdf": "PDF is encrypted",                   # DependencyError: AES needs `cryptography`
    "pdf-unknown-encryption.pdf": "PDF is encrypted",                 # NotImplementedError: Encryption V=9
    "pdf-unknown-filter.pdf": "cannot decode",                        # NotImplementedError: Unsupported filter
    "pdf-jbig2-content.pdf": "cannot decode",                         # DependencyError: no jbig2dec binary
    "pdf-nested-arrays.pdf": "nests too deeply",                      # RecursionError in pypdf's parser
    "json-huge-integer.json": "4300 digits",                          # ValueError from json.loads
    "yaml-huge-integer.yaml": "4300 digits",                          # ValueError from the YAML constructor
    "yaml-impossible-date.yaml": "month must be in 1..12",            # ValueError: 2024-13-45 as a date
}


def _read(path: Path) -> None:
    if path.suffix in (".docx", ".pdf"):
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


def test_every_regression_is_explained():
    found = json.loads((REGRESSIONS.parent / "found.json").read_text(encoding="utf-8"))
    explained = {Path(f["input"]).name for f in found if f.get("input")}
    assert set(EXPECTED) <= explained


def test_nested_pdf_is_refused_as_too_large(tmp_path):
    path = tmp_path / "nested.pdf"
    shutil.copy(REGRESSIONS / "pdf-nested-arrays.pdf", path)
    with pytest.raises(InputTooLarge):
        read_document(path)


@pytest.mark.timeout(60)
def test_quote_heavy_csv_line_does_not_stall_the_delimiter_sniffer(tmp_path):
    # 60 KB of ,"  made csv.Sniffer's quote regex run for minutes (quadratic); the sniffer
    # now sees at most 4 KB. A hang here fails on the timeout.
    path = tmp_path / "quotes.csv"
    path.write_text('name,city\n' + ',"' * 30_000 + "\n", encoding="utf-8")
    table = open_table(path)
    assert table.delimiter == "," and table.columns == ["name", "city"]


@pytest.mark.parametrize("name", ["docx-unknown-zip-version.docx", "pdf-aes256-encrypted.pdf",
                                  "xlsx-text-in-number-cell.xlsx", "yaml-impossible-date.yaml"])
def test_fuzz_crash_gives_one_error_line_in_the_cli(name, tmp_path):
    path = tmp_path / name
    shutil.copy(REGRESSIONS / name, path)
    document = path.suffix in (".docx", ".pdf")
    table = ["ingest", str(path), "--kind", "clusters", "--dry-run", "--no-progress"]
    command = ["extract", str(path)] if document else table
    # the installed `clusternet` command is clusternet.cli:main (pyproject.toml)
    result = subprocess.run([sys.executable, "-c", "from clusternet.cli import main; main()", *command],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in out
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out
    assert name in lines[0] and EXPECTED[name] in lines[0]
