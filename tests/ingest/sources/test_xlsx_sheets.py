"""XLSX workbooks whose sheet list is unusable get a clear InputError, never a crash."""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from clusternet.graph.errors import InputError
from clusternet.ingest.sources.tabular import open_table


def _workbook(path):
    wb = openpyxl.Workbook()
    wb.active.title = "Clusters"
    wb.active.append(["name", "country"])
    wb.active.append(["Techtera", "FR"])
    wb.save(path)
    return path


def test_workbook_listing_no_sheet_is_refused_by_name(tmp_path):
    good = _workbook(tmp_path / "good.xlsx")
    bad = tmp_path / "no_sheets.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/workbook.xml":   # the damage: an empty sheet list
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
            zout.writestr(info, data)
    with pytest.raises(InputError, match="no sheets") as err:
        open_table(bad)
    assert "no_sheets.xlsx" in str(err.value)


def test_unknown_sheet_names_the_sheets_there_are(tmp_path):
    path = _workbook(tmp_path / "clusters.xlsx")
    with pytest.raises(InputError, match=r"no sheet 'Members'; sheets: Clusters"):
        open_table(path, sheet="Members")
