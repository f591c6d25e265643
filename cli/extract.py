"""``clusternet extract PATH... --format json|table``: document extraction from the command line;
``clusternet review``: low-confidence nodes and relationships, and the analyst's decisions on them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from clusternet import api
from clusternet.cli.options import DatabaseOpt, PasswordOpt, StoreOpt, UserOpt, store_from_options

__all__ = ["register"]


def extract(paths: List[Path] = typer.Argument(..., help="documents to read (.txt .md .html .pdf .docx)"),
            format: str = typer.Option("json", "--format", "-f", help="json (the extraction contract) or table"),
            max_mb: int = typer.Option(25, "--max-mb", help="refuse files larger than this (MB)")) -> None:
    """Extract organisations, clusters, partnerships, places, events, relations and figures
    from documents (text, Markdown, HTML, PDF, DOCX), each with its evidence span. Reads only;
    `clusternet ingest` loads them.

    Examples:
      clusternet extract examples/documents/blueport_newsletter.md --format table
      clusternet extract examples/documents/mou_press_release.html --format json
    """
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    if format not in ("json", "table"):
        raise api.ConfigError(f"--format must be json or table, not {format!r}")
    err = Console(stderr=True)
    with Progress(console=err, transient=True, disable=len(paths) < 2) as progress:
        task = progress.add_task("extracting", total=len(paths))
        ex = api.extract(paths, max_mb=max_mb, progress=lambda p: progress.advance(task))
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
    names = {e.id: e.name for e in ex.entities}     # the table reads as names; the JSON keeps the ids
    r = Table(title=f"{len(ex.relations)} relations")
    for col in ("from", "relation", "to", "conf"):
        r.add_column(col)
    for x in ex.relations:
        r.add_row(names.get(x.source, x.source), api.relation_words(x.type), names.get(x.target, x.target),
                  f"{x.confidence:.2f}")
    out.print(r)
    f = Table(title=f"{len(ex.facts)} facts")
    for col in ("about", "measure", "country", "value", "unit"):
        f.add_column(col)
    for x in ex.facts:
        f.add_row(names.get(x.subject, x.subject or ""), x.measure, x.country or "", str(x.value), x.unit or "")
    out.print(f)


def review(store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
           threshold: float = typer.Option(0.6, "--threshold", "-t", help="list items below this confidence"),
           accept: Optional[str] = typer.Option(None, "--accept", help="node id or source|TYPE|target"),
           reject: Optional[str] = typer.Option(None, "--reject", help="node id or source|TYPE|target"),
           fix: Optional[str] = typer.Option(None, "--fix", help="node id or source|TYPE|target"),
           set_: List[str] = typer.Option([], "--set", help="prop=value for --fix (repeatable)"),
           note: str = typer.Option("", "--note", help="why (kept with the decision)"),
           show_decisions: bool = typer.Option(False, "--decisions", help="list the decisions taken"),
           limit: int = typer.Option(50, "--limit", help="rows to show")) -> None:
    """Review low-confidence nodes and relationships with their evidence; accept, reject or fix them.

    Examples:
      clusternet review --threshold 0.8
      clusternet review --decisions
      clusternet review --reject "NODE_ID|LOCATED_IN|country:FR"   (ids from the list)
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    ConfigError = api.ConfigError
    chosen = [(d, i) for d, i in (("accept", accept), ("reject", reject), ("fix", fix)) if i]
    if len(chosen) > 1:
        raise ConfigError("give one of --accept, --reject, --fix at a time")
    if set_ and not fix:
        raise ConfigError("--set goes with --fix")
    out = Console()
    with store_from_options(store, user, password, database, ensure_schema=False) as s:
        if chosen:
            decision, item = chosen[0]
            changes = api.parse_assignments(set_) if decision == "fix" else None
            if decision == "fix" and not changes:
                raise ConfigError("--fix needs at least one --set prop=value")
            api.apply_decision(s, item, decision, fix=changes, note=note, by="cli")
            out.print(f"{decision}: {item}", highlight=False, markup=False)
            return
        if show_decisions:
            t = Table(title="review decisions")
            for col in ("item", "decision", "fix", "note", "at"):
                t.add_column(col)
            for item, d in sorted(api.review_decisions(s).items()):
                t.add_row(*(escape(x) for x in (item, str(d.get("decision")), json.dumps(
                    d.get("fix") or {}, ensure_ascii=False), str(d.get("note") or ""), str(d.get("at") or ""))))
            out.print(t)
            return
        rows = api.pending_reviews(api.snapshot(s), s, threshold=threshold)
        t = Table(title=f"{len(rows)} items under confidence {threshold} awaiting review")
        for col in ("id", "kind", "type", "name", "conf", "evidence"):
            t.add_column(col, overflow="fold")
        for r in rows[:limit]:
            ev = "; ".join(" ".join((e.text or "").split())[:120] for e in r["evidence"][:2])
            t.add_row(*(escape(x) for x in (r["id"], r["kind"], str(r["type"]), str(r["name"]),
                                             f"{r['confidence']:.2f}", ev)))
        out.print(t)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the clusternet command."""
    app.command("extract")(extract)
    app.command("review")(review)
