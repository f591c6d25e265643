"""`clusternet ingest` (structured files) and `clusternet dedupe` (candidate merges)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from clusternet.cli.options import (DatabaseOpt, FormatOpt, PasswordOpt, StoreOpt, UserOpt, console,
    err_console, load_progress, print_rows, store_from_options, summary_rows)
from clusternet import api
from clusternet.api import ValidationError

__all__ = ["register", "ingest", "dedupe"]


def ingest(files: List[Path] = typer.Argument(..., help="CSV/TSV/XLSX/JSON/JSONL/YAML files (.gz too)."),
           map: Optional[Path] = typer.Option(None, "--map", "-m", help="A mapping YAML (your column names, or "
                                              "rows that yield several records); see examples/mappings/."),
           kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Record kind, when the file name and "
                                              "headers do not tell: clusters, organisations, smes, partnerships, "
                                              "programmes, agreements, events, memberships, relationships."),
           dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be created/updated; write nothing."),
           skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Load the good rows; write the rest "
                                             "to <file>.rejected.csv."),
           strict: bool = typer.Option(False, "--strict", help="Unknown columns are errors, not warnings."),
           no_progress: bool = typer.Option(False, "--no-progress", help="No progress bars."),
           store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
           format: str = FormatOpt):
    """Load structured files: one kind of record per file (detected from the file name and
    headers), or any layout through --map. Each file loads completely or not at all.

    Example: clusternet ingest examples/sample/*.csv --dry-run
    """
    with store_from_options(store, user, password, database) as s:
        report = api.ingest(s, files, mapping=map, kind=kind, dry_run=dry_run, skip_invalid=skip_invalid,
                            strict=strict, progress=load_progress(not no_progress))
    failed = []
    for f in report.files:
        head = f"[bold]{escape(f.path)}[/bold]: {escape(f.kind)} ({escape(f.detected)}), {f.rows:,} rows"
        err_console.print(head)
        for note in f.notes:
            err_console.print(f"  [yellow]note[/yellow] {escape(note)}")
        if f.problems:
            err_console.print(f"  [red]{len(f.problems)} problem{'s' if len(f.problems) != 1 else ''}[/red]"
                              + ("" if f.rejected_rows else ", nothing written from this file"))
            for p in f.problems[:50]:
                err_console.print(f"  - {escape(str(p))}")
            if len(f.problems) > 50:
                err_console.print(f"  ... and {len(f.problems) - 50} more")
            if not f.rejected_rows:
                failed.append(f.path)
        if f.report_path:
            err_console.print(f"  rejected rows written to {escape(f.report_path)}")
        if f.candidates:
            err_console.print(f"  {len(f.candidates)} candidate merge(s): see `clusternet dedupe`")
    title = "Would change (dry run)" if dry_run else "Summary"
    print_rows(summary_rows(report.summary, dict(report.rejected)), format, title=title,
               columns=["key", "created", "updated", "unchanged", "rejected"])
    if failed:
        raise ValidationError([p for f in report.files for p in f.problems],
                              f"{len(failed)} file(s) not loaded")


def dedupe(apply: Optional[str] = typer.Option(None, "--apply", help="Merge this candidate (its number or key)."),
           reject: Optional[str] = typer.Option(None, "--reject", help="Mark this candidate as not a duplicate."),
           undo: Optional[str] = typer.Option(None, "--undo", help="Undo a merge (its merge id)."),
           all: bool = typer.Option(False, "--all", help="List decided candidates too."),
           store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
           format: str = FormatOpt):
    """List candidate merges (nodes that may be one real thing) with their evidence and
    score; record a decision with --apply / --reject; --undo a merge.

    Examples:
      clusternet dedupe --all
      clusternet dedupe --apply 1     (a number from the list)
    """
    with store_from_options(store, user, password, database) as s:
        if undo:
            api.undo_merge(s, undo)
            console.print(f"undone {escape(undo)}")
            return
        if apply:
            merge_id = api.apply_merge(s, apply)
            console.print(f"merged; undo with: clusternet dedupe --undo {merge_id}")
            return
        if reject:
            api.reject_merge(s, reject)
            console.print("recorded: not a duplicate")
            return
        rows = api.merge_candidates(s, include_decided=all)
        if not rows and format == "table":
            console.print("no candidate merges")
            return
        print_rows(rows, format, title="Candidate merges",
                   columns=["n", "a", "b", "score", "status", "evidence", "key"])


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("dedupe")(dedupe)
