"""The `clusternet` command: a thin shell over the library. Its help text is its documentation.

Every command takes ``--store`` (an embedded store file or a ``neo4j://``/``bolt://`` URI);
errors are one clear line and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer
from rich.markup import escape

from clusternet.cli.options import (DatabaseOpt, FormatOpt, PasswordOpt, StoreOpt, UserOpt, console,
    err_console, load_progress, print_rows, progress_bar, store_from_options, summary_rows)
from clusternet import api
from clusternet.api import ClusternetError, StoreUnavailable
import clusternet.cli.extract as cli_extract
import clusternet.cli.ingest as cli_ingest
import clusternet.cli.query as cli_query
import clusternet.cli.suggest as cli_suggest
import clusternet.cli.web as cli_web

app = typer.Typer(
    name="clusternet",
    help="Graph-based explorer of cluster networks: ingest reports and spreadsheets, explore the "
         "network, get partner suggestions with reasons.\n\nExample: clusternet demo",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)



@app.command()
def init(store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt):
    """Create the schema (constraints, tables, indexes) and load the reference data
    (every ISO 3166 country with its groupings, the 14 EU industrial ecosystems).

    Examples:
      clusternet init
      clusternet init --store bolt://localhost:7687   (a Neo4j server)
    """
    with store_from_options(store, user, password, database) as s:
        summary = api.init_store(s)
        console.print(f"[green]initialised[/green] {s.describe()}: "
                      f"{sum(summary.created.values())} reference records created, "
                      f"{sum(summary.unchanged.values())} already there")


@app.command()
def status(store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
           format: str = FormatOpt):
    """Show the store and its counts by label and relationship type.

    Example: clusternet status --format json
    """
    with store_from_options(store, user, password, database, ensure_schema=False, must_exist=True) as s:
        counts = api.store_counts(s)
        if format == "json":
            sys.stdout.write(json.dumps({"store": s.describe(), "kind": s.kind, **counts}, indent=2,
                                        sort_keys=True) + "\n")
            return
        console.print(f"[bold]{s.describe()}[/bold]")
        print_rows([{"label": k, "nodes": v} for k, v in counts["nodes"].items()], format, title="Nodes")
        print_rows([{"type": k, "relationships": v} for k, v in counts["relationships"].items()], format,
                   title="Relationships")


@app.command()
def load(path: Path = typer.Argument(..., help="A .json or .jsonl file of nodes and relationships."),
         store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
         batch_size: int = typer.Option(5000, help="Records per transaction."),
         format: str = FormatOpt):
    """Load records in the interchange format (what `export --format json` writes):
    validated against the schema first; a file with any problem changes nothing.

    Example: clusternet load graph.jsonl
    """
    total = api.record_count(path)
    with store_from_options(store, user, password, database) as s:
        with progress_bar(f"loading {path.name}", total) as advance:
            summary = api.load_records(s, path, batch_size=batch_size, progress=advance)
        print_rows(summary_rows(summary), format, title=f"Loaded {path.name} into {s.describe()}")


@app.command()
def demo(store: str = typer.Option(api.DEMO_STORE, "--store", "-s",
                                   help="Where to build the demo store (embedded file or Neo4j URI)."),
         user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
         no_app: bool = typer.Option(False, "--no-app", help="Build the demo store, do not start the app."),
         port: int = typer.Option(8501, help="Port for the app.")):
    """Build a demo store from the sample data in examples/ and open the app on it.

    Example: clusternet demo
    """
    if "://" not in store:
        Path(store).parent.mkdir(parents=True, exist_ok=True)
    with store_from_options(store, user, password, database) as s:
        api.build_demo(s, echo=console.print, progress=load_progress())
        target = store if store and "://" in store else str(Path(store).resolve())
    if no_app:
        console.print(f"demo store ready: {target}")
        return
    from clusternet.cli.web import launch_app

    launch_app(target, port=port)


def _register_commands() -> None:
    """Add every command group's commands to the one Typer app."""
    for module in (cli_ingest, cli_extract, cli_suggest, cli_query, cli_web):
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point: run the app; turn clusternet errors into one line and exit code 1."""
    try:
        app(standalone_mode=True)
    except ClusternetError as err:
        text = " ".join(str(err).split())  # one line, whatever the driver or parser wrote
        if isinstance(err, StoreUnavailable) and "unavailable" not in text.lower():
            text = f"database unavailable: {text}"
        err_console.print(f"[red]error:[/red] {escape(text)}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
    except Exception as err:  # a bug: still no traceback for the user, unless asked
        if os.environ.get("CLUSTERNET_DEBUG"):
            raise
        err_console.print(f"[red]internal error:[/red] {type(err).__name__}: {escape(str(err))} "
                          "(set CLUSTERNET_DEBUG=1 for the traceback, and please report it)", highlight=False)
        sys.exit(2)


