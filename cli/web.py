"""`clusternet export` and `clusternet app`, and :func:`launch_app` (used by `clusternet demo`)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer

from clusternet.cli.options import DatabaseOpt, PasswordOpt, StoreOpt, UserOpt, console, store_from_options
from clusternet import api
from clusternet.cli.serve import APP_PATH, PACKAGE_DIR, app_env
from clusternet.api import EXPORT_FORMATS as FORMATS, MAP_CAP as DEFAULT_CAP, ConfigError, StoreConfig

__all__ = ["register", "launch_app", "APP_PATH"]



def launch_app(store_uri: str, port: int | None = None, *, user: str | None = None, password: str | None = None,
               database: str | None = None, address: str = "127.0.0.1") -> int:
    """Run the Streamlit app on ``store_uri`` until interrupted; returns Streamlit's exit code.

    Streamlit runs from the package folder so its ``.streamlit/config.toml`` (production
    settings) applies; the store and credentials reach it through the environment, never
    the command line.
    """
    if not APP_PATH.exists():
        raise ConfigError(f"the app is missing from the installed package ({APP_PATH})")
    cfg = StoreConfig.resolve(store_uri, user=user, password=password, database=database)
    env = app_env(store_uri, user=user, password=password, database=database)
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP_PATH), "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.address", address]
    if port:
        cmd += ["--server.port", str(int(port))]
    console.print(f"clusternet app on [bold]http://{address}:{port or 8501}[/bold] "
                  f"(store: {cfg.safe_uri}); press Ctrl+C to stop")
    proc = subprocess.Popen(cmd, cwd=PACKAGE_DIR, env=env)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()


def export(fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
           output: Path = typer.Option(..., "--output", "-o",
                                       help="File to write; for csv a folder (nodes.csv, edges.csv) or a .zip."),
           store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt, database: str = DatabaseOpt,
           seed: int = typer.Option(0, help="Seed of the map layouts (html, png, svg)."),
           max_nodes: int = typer.Option(DEFAULT_CAP, help="Most nodes drawn on a map (html, png, svg)."),
           with_reference: bool = typer.Option(False, "--with-reference",
                                               help="graphml, gexf: also the countries, sectors and source "
                                                    "documents that nothing links to (left out by default).")):
    """Export the whole graph, with sources and evidence; the same graph always gives the same file.

    graphml and gexf (GEXF 1.3) are for Gephi: names as labels, relationship types as
    edge kinds, the actors and their links (--with-reference adds the rest); json holds
    everything, and `clusternet load` reads it back into an equal graph.

    Example: clusternet export --format gexf -o network.gexf
    """
    fmt = fmt.lower().strip()
    with store_from_options(store, user, password, database, read_only=True, must_exist=True) as s:
        with console.status(f"reading {s.describe()}"):
            G = s.snapshot()
    kw = {"seed": seed, "max_nodes": max_nodes} if fmt in ("html", "png", "svg") else {}
    if fmt in ("graphml", "gexf"):
        kw["with_reference"] = with_reference
    with console.status(f"writing {fmt}"):
        files = api.export(G, fmt, output, **kw)
    left_out = api.export_left_out(G) if fmt in ("graphml", "gexf") and not with_reference else 0
    for f in files:
        console.print(f"wrote {f} ({f.stat().st_size:,} bytes): {G.number_of_nodes() - left_out:,} nodes, "
                      f"{G.number_of_edges():,} relationships")
    if left_out:
        console.print(f"left out {left_out:,} countries, sectors and source documents that nothing links to "
                      "(--with-reference keeps them)")


def app_command(store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt,
                database: str = DatabaseOpt, port: int = typer.Option(8501, help="Port to serve on."),
                address: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for all).")):
    """Start the web app (Streamlit) on a store.

    Example: clusternet app --store data/clusternet-demo.db --port 8501
    """
    code = launch_app(store or os.environ.get("CLUSTERNET_STORE") or "clusternet.db", port,
                      user=user, password=password, database=database, address=address)
    if code:
        raise typer.Exit(code)


def serve_command(store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt,
                  database: str = DatabaseOpt, processes: int = typer.Option(2, help="App processes (one core each)."),
                  port: int = typer.Option(8501, help="Port of the proxy (users open this one)."),
                  address: str = typer.Option("127.0.0.1", help="Address of the proxy (0.0.0.0 for all).")):
    """Serve the app to a team: several app processes behind nginx, each user kept on one.

    Example: clusternet serve --store clusternet.db --processes 2 --port 8501
    """
    from clusternet.cli.serve import TeamPlan, app_env, serve_team

    env = app_env(store, user=user, password=password, database=database)
    code = serve_team(env, TeamPlan.for_processes(processes, port, address), announce=console.print)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Add `export` and `app` to the clusternet command."""
    app.command()(export)
    app.command(name="app")(app_command)
    app.command(name="serve")(serve_command)
