"""The XLSX reader of :mod:`clusternet.ingest.sources.tabular`: openpyxl in read-only mode, values
only. A formula cell that is not plain arithmetic (``=HYPERLINK``, ``=WEBSERVICE``...) is
a :class:`Problem` of its row; a zip that would unpack too large is refused first.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Iterator

from clusternet.graph.errors import InputError, InputTooLarge, Problem
from clusternet.ingest.sources.table import (MAX_XLSX_RATIO, MAX_XLSX_UNZIPPED, FORMULA, Row, Table,
    clean_cell, read_header)

__all__ = ["open_xlsx"]
_PLAIN = re.compile(r"^=\s*(SUM|AVERAGE|ROUND|MIN|MAX|CONCATENATE|TRIM|UPPER|LOWER|PROPER)\s*\(", re.I)


def _guarded(path: Path, pairs: Iterator) -> Iterator:
    """Rows of a sheet; openpyxl parses the sheet while rows are read, so a damaged cell
    (``<v>abc</v>`` in a number cell, broken XML) raises here (found probing the reader)."""
    try:
        yield from pairs
    except Exception as err:  # noqa: BLE001 - openpyxl raises many types for a damaged sheet
        raise InputError(path, f"a damaged cell in the sheet ({type(err).__name__}: {str(err)[:200]})") from None


def open_xlsx(path: Path, table: Table, sheet: str | None) -> None:
    """Fill ``table`` from one sheet of an XLSX workbook (``sheet``, or the first).

    The header is the first non-empty row. Raises :class:`InputError` for a broken zip, an
    unreadable workbook, an unknown sheet or an empty one, :class:`InputTooLarge` for a zip
    that unpacks too large or compresses suspiciously well.
    """
    _check_zip(path)
    wb_f, wb_v, name = _open_workbooks(path, table, sheet)
    ws_f, ws_v = wb_f[name], wb_v[name]
    it = _guarded(path, zip(ws_f.iter_rows(), ws_v.iter_rows(values_only=True)))
    header = None
    for cells_f, values in it:
        if any(v is not None and str(v).strip() for v in values):
            header = values
            break
    if header is None:
        wb_f.close(), wb_v.close()
        raise InputError(path, f"sheet {name!r} is empty (no header row)")
    table.columns = read_header(path, list(header))
    table.format = "xlsx"
    table.rows = _sheet_rows(path, table, name, it, (wb_f, wb_v))


def _check_zip(path: Path) -> None:
    """Refuse a broken zip, a member whose compressed data outgrows its declared size, a
    member that compresses too well, and a workbook that unpacks too large."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            unzipped = sum(i.file_size for i in infos)
    except (zipfile.BadZipFile, OSError, NotImplementedError, UnicodeDecodeError):  # the last two: fuzzing
        raise InputError(path, "not a valid XLSX file (the zip container is broken)") from None
    for info in infos:
        # a member whose compressed data outgrows its declared size lies about that size
        if info.compress_type and info.compress_size > info.file_size * 1.01 + 1024:
            raise InputError(path, f"zip member {info.filename} declares {info.file_size:,} bytes but holds "
                                   f"{info.compress_size:,} compressed bytes (a forged or damaged zip)")
        if info.file_size > 1 << 20 and info.compress_size and info.file_size / info.compress_size > MAX_XLSX_RATIO:
            raise InputTooLarge(path, f"zip member {info.filename} compresses "
                                      f"{info.file_size // info.compress_size:,}:1 (a decompression bomb?); refused")
    if unzipped > MAX_XLSX_UNZIPPED:
        raise InputTooLarge(path, f"unpacks to {unzipped:,} bytes, over the {MAX_XLSX_UNZIPPED:,}-byte limit")


def _open_workbooks(path: Path, table: Table, sheet: str | None):
    """The workbook opened twice, read-only (formulas, then cached values), and the name
    of the sheet to read; notes in ``table`` which sheet was read when there were several."""
    import openpyxl

    try:
        wb_f = openpyxl.load_workbook(path, read_only=True, data_only=False)
        wb_v = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for a damaged file
        raise InputError(path, f"not a readable XLSX workbook ({type(err).__name__}: {err})") from None
    names = wb_f.sheetnames
    if not names:  # a damaged workbook can list no sheet at all
        wb_f.close(), wb_v.close()
        raise InputError(path, "the workbook has no sheets")
    name = sheet or names[0]
    if name not in names:
        wb_f.close(), wb_v.close()
        raise InputError(path, f"no sheet {name!r}; sheets: {', '.join(names)}")
    if sheet is None and len(names) > 1:
        table.notes.append(f"read sheet {name!r} (the first of {len(names)})")
    return wb_f, wb_v, name


def _sheet_rows(path: Path, table: Table, name: str, it, workbooks) -> Iterator[Row]:
    """Rows of the sheet after the header: values, with non-arithmetic formula cells as
    problems; the workbooks are closed once the rows are read (or abandoned)."""
    try:
        for cells_f, values in it:
            if not any(v is not None and str(v).strip() for v in values):
                continue
            line = cells_f[0].row if cells_f and hasattr(cells_f[0], "row") else None
            vals, probs = {}, []
            for col, cf, v in zip(table.columns, cells_f, values):
                raw = getattr(cf, "value", None)
                if getattr(cf, "data_type", None) == "f" or (isinstance(raw, str) and raw.startswith("=")):
                    text = str(raw)
                    if FORMULA.match(text) and not _PLAIN.match(text):
                        probs.append(Problem("a formula cell (only values are read; paste values instead)",
                                             field=col, value=text[:80], row=line, file=str(path)))
                        continue
                    if v is None:
                        probs.append(Problem("a formula cell without a computed value (paste values instead)",
                                             field=col, value=text[:80], row=line, file=str(path)))
                        continue
                vals[col] = clean_cell(v)
            yield Row(line or 0, vals, None, None, f"{name}!{line}", probs)
    finally:
        for wb in workbooks:
            wb.close()
