"""``clusternet extract PATH... --format json|table``: document extraction from the command line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(paths: List[Path] = typer.Argument(..., help="documents to read (.txt .md .html .pdf .docx)"),
                format: str = typer.Option("json", "--format", "-f", help="json (the extraction contract) or table"),
                max_mb: int = typer.Option(25, "--max-mb", help="refuse files larger than this (MB)")) -> None:
        """Extract organisations, clusters, partnerships, places, events, relations and figures."""
        from rich.console import Console
        from rich.progress import Progress
        from rich.table import Table

        from clusternet.graph.errors import ConfigError
        from clusternet.ingest.extract import extract_paths
        from clusternet.ingest.readers import Limits

        if format not in ("json", "table"):
            raise ConfigError(f"--format must be json or table, not {format!r}")
        limits = Limits(max_bytes=max_mb * 1024 * 1024)
        err = Console(stderr=True)
        with Progress(console=err, transient=True, disable=len(paths) < 2) as progress:
            task = progress.add_task("extracting", total=len(paths))
            ex = extract_paths(paths, limits, progress=lambda p: progress.advance(task))
        for d in ex.documents:
            for w in d.warnings:
                err.print(f"[yellow]warning[/]: {d.name}: {w}", highlight=False)
        if format == "json":
            typer.echo(json.dumps(ex.as_dict(), ensure_ascii=False, indent=2))
            return
        out = Console()
        t = Table(title=f"{len(ex.entities)} entities")
        for col in ("label", "name", "country", "conf", "evidence"):
            t.add_column(col)
        for e in ex.entities:
            t.add_row(e.label, e.name, e.country or "", f"{e.confidence:.2f}", str(len(e.evidence)))
        out.print(t)
        r = Table(title=f"{len(ex.relations)} relations")
        for col in ("source", "type", "target", "conf"):
            r.add_column(col)
        for x in ex.relations:
            r.add_row(x.source, x.type, x.target, f"{x.confidence:.2f}")
        out.print(r)
        f = Table(title=f"{len(ex.facts)} facts")
        for col in ("subject", "measure", "country", "value", "unit"):
            f.add_column(col)
        for x in ex.facts:
            f.add_row(x.subject, x.measure, x.country or "", str(x.value), x.unit or "")
        out.print(f)
