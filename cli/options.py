"""What every `clusternet` command shares: the store options, output formats, progress.

Commands stay thin: gather arguments, call one library function, print its result.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from typing import Any, Iterable, Sequence

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from clusternet import api
from clusternet.api import GraphStore

__all__ = ["console", "err_console", "StoreOpt", "UserOpt", "PasswordOpt", "DatabaseOpt", "FormatOpt",
           "store_from_options", "print_rows", "progress_bar", "load_progress"]

console = Console()
err_console = Console(stderr=True)

StoreOpt = typer.Option(None, "--store", "-s", envvar="CLUSTERNET_STORE", show_envvar=True,
                        help="Embedded store file, or a neo4j:// / bolt:// URI. Default: ./clusternet.db")
UserOpt = typer.Option(None, "--user", envvar="NEO4J_USER", show_envvar=True, help="Neo4j user (default neo4j).")
PasswordOpt = typer.Option(None, "--password", envvar="NEO4J_PASSWORD", show_envvar=True,
                           help="Neo4j password.", show_default=False)
DatabaseOpt = typer.Option(None, "--database", envvar="NEO4J_DATABASE", show_envvar=True,
                           help="Neo4j database (default: the server's default).")
FormatOpt = typer.Option("table", "--format", "-f", help="Output format: table, json or csv.")


def store_from_options(store: str | None, user: str | None = None, password: str | None = None,
                       database: str | None = None, *, ensure_schema: bool = True,
                       read_only: bool = False, must_exist: bool = False) -> GraphStore:
    """Open the store the options name (raises ConfigError / StoreUnavailable / NotFound clearly)."""
    return api.open_store(store, user=user, password=password, database=database,
                          ensure_schema=ensure_schema, read_only=read_only, must_exist=must_exist)


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def print_rows(rows: Sequence[dict], fmt: str = "table", *, title: str | None = None,
               columns: Sequence[str] | None = None) -> None:
    """Print rows as a rich table, JSON (a list of objects) or CSV (formula-safe)."""
    fmt = fmt.lower()
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow([api.neutralise_cell(_cell(r.get(c))) for c in cols])
        sys.stdout.write(buf.getvalue())
    elif fmt == "table":
        _print_table(rows, _shown_columns(rows, cols), title)
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}: use table, json or csv", param_hint="--format")


_ID_COLUMNS = ("id", "ids")
_NAME_COLUMNS = ("name", "partner", "title", "partnership", "path")


def _shown_columns(rows: Sequence[dict], cols: list[str]) -> list[str]:
    """Columns a person reads in a table: ids are left to --format json/csv when names are there.

    >>> _shown_columns([], ["partner_id", "partner", "country"])
    ['partner', 'country']
    >>> _shown_columns([], ["id", "kind"])
    ['id', 'kind']
    """
    def is_id(c: str) -> bool:
        return c in _ID_COLUMNS or c.endswith(("_id", "_ids"))

    has_name = any(c in _NAME_COLUMNS or c.endswith("_name") for c in cols)
    return [c for c in cols if not (has_name and is_id(c))] or cols


def _longest(rows: Sequence[dict], col: str) -> int:
    return max([len(_cell(r.get(col))) for r in rows] + [0])


def _print_table(rows: Sequence[dict], cols: list[str], title: str | None) -> None:
    """A table when the columns fit the terminal without breaking words; else one block per row."""
    headers = {c: str(c).replace("_", " ") for c in cols}
    # a column needs its longest word (up to 40 characters) so that nothing wraps letter by letter
    need = {c: max(len(headers[c]), min(40, max([len(w) for r in rows for w in _cell(r.get(c)).split()] + [1])))
            for c in cols}
    if sum(need.values()) + 3 * len(cols) + 1 > console.width:
        _print_blocks(rows, cols, headers, title)
        return
    table = Table(title=title, show_lines=False)
    for c in cols:
        short = _longest(rows, c) <= need[c]
        table.add_column(headers[c], overflow="fold", min_width=need[c], no_wrap=short,
                         ratio=None if short else 1)
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in cols])
    console.print(table)


def _print_blocks(rows: Sequence[dict], cols: list[str], headers: dict, title: str | None) -> None:
    """One block per row (``header  value``, values wrapped in their own column), for tables too
    wide for the terminal."""
    from rich.text import Text

    if title:
        console.print(Text(title, style="bold"))
    for i, r in enumerate(rows, 1):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(ratio=1, overflow="fold")
        for c in cols:
            value = _cell(r.get(c))
            if value:
                grid.add_row(headers[c], Text(value))
        console.print(Text(f"{i}.", style="bold"))
        console.print(grid)


@contextmanager
def progress_bar(description: str, total: int | None, *, enabled: bool = True):
    """A rich progress bar on stderr; yields ``advance(n)``."""
    if not enabled:
        yield lambda n=1: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=False) as prog:
        task = prog.add_task(description, total=total)
        yield lambda n=1: prog.advance(task, n)


def load_progress(enabled: bool = True):
    """The loader's ``progress(stage, done, total)`` callback as rich bars on stderr, one
    per stage (a stage's bar closes when ``total`` arrives); None when not ``enabled``."""
    if not enabled:
        return None
    bars: dict[str, tuple[Progress, Any]] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        if stage not in bars:
            prog = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err_console, transient=False)
            prog.start()
            bars[stage] = prog, prog.add_task(stage, total=None)
        prog, task = bars[stage]
        prog.update(task, completed=done, total=total)
        if total is not None:
            prog.stop()
            del bars[stage]

    return report


def summary_rows(summary, rejected: dict[str, int] | None = None) -> list[dict]:
    """Rows of a WriteSummary (per label/type: created, updated, unchanged, rejected)."""
    rows = summary.rows()
    rejected = dict(rejected or {})
    for r in rows:
        r["rejected"] = rejected.pop(r["key"], 0)
    rows += [{"key": k, "created": 0, "updated": 0, "unchanged": 0, "rejected": v} for k, v in sorted(rejected.items())]
    return rows


def iter_lines(path: str) -> Iterable[str]:
    with open(path, encoding="utf-8") as fh:
        yield from fh
