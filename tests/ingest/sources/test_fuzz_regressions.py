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
from paths import TESTS
from clusternet.ingest.sources.readers import read_document
from clusternet.ingest.sources.tabular import open_table

REGRESSIONS = TESTS / "fuzz" / "regressions"

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
    "pdf-reference-in-content-stream.pdf": "damaged PDF",             # AssertionError: mypy (pypdf read_object)
    "pdf-huge-offset.pdf": "damaged or truncated PDF",                # OverflowError: int too large for a seek
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


_BOMB_READER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from clusternet.graph.errors import InputError
from clusternet.ingest.sources.tabular import open_table
try:
    for _ in open_table(sys.argv[1]).rows:
        pass
except InputError as err:
    print("refused:", err)
"""


@pytest.mark.timeout(120)
def test_gzip_csv_with_a_2_gb_line_is_refused_within_3_gb_of_memory(tmp_path):
    # 3 MB of .csv.gz inflating to a header and a 2 GB line without a break: the reader held
    # the whole line in memory (422 MB of RSS for a 200 MB line) before failing on the field
    # limit or the CRC; it now stops after 20 M characters with its own message. The child's
    # address space is capped so a regression cannot take the machine's memory with it.
    from builders import raw_deflate_repeat

    import zlib

    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = head.compress(b"name,country\n") + head.flush(zlib.Z_FULL_FLUSH)
    body += raw_deflate_repeat(b"a" * 65536, 32768)  # 2 GiB of "a"
    # gzip header, deflate data, then CRC and size (never reached: the reader stops first)
    path = tmp_path / "clusters.csv.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + body + b"\x00" * 8)
    result = subprocess.run([sys.executable, "-c", _BOMB_READER, str(path)], capture_output=True, text=True,
                            timeout=110)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.startswith("refused:") and "without a line break" in result.stdout


def test_interchange_with_a_huge_integer_is_a_clear_error(tmp_path):
    """`clusternet load` of a file holding an integer of 5,000 digits: one error line, exit 1."""
    path = tmp_path / "big.json"
    path.write_text('{"nodes": [{"id": "org:a", "labels": ["Organisation"], "properties": {"name": "A", '
                    f'"employees": {"9" * 5000}}}}}], "relationships": []}}', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "clusternet.cli", "load", str(path), "--store",
                           str(tmp_path / "g.db")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("error:") and "value cannot be read" in proc.stderr
    assert "Traceback" not in proc.stderr
