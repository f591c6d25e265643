"""`clusternet query` and `clusternet queries`: the analyst's Cypher from the command line.

Saved queries (``queries/*.cypher``) run on both stores; ad-hoc Cypher needs Neo4j and
is read-only (see :mod:`clusternet.graph.query.saved`).
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from clusternet.cli.options import (DatabaseOpt, FormatOpt, PasswordOpt, StoreOpt, UserOpt, err_console,
    print_rows, store_from_options)
from clusternet import api
from clusternet.api import InputError, QueryError

__all__ = ["register"]

ParamOpt = typer.Option(None, "--param", "-p", help="A parameter as name=value (repeatable); "
                        "name:int=5 / name:float= / name:bool= / name:list[str]=a,b type it explicitly.")


def _saved_rows(queries) -> list[dict]:
    rows = []
    for q in queries:
        params = "; ".join(f"{p.name} ({p.type}{', required' if p.required else f', default {p.default!r}'})"
                           for p in q.params)
        rows.append({"name": q.name, "title": q.title, "params": params, "description": q.description})
    return rows


def register(app: typer.Typer) -> None:
    @app.command("queries")
    def queries_cmd(format: str = FormatOpt):
        """List the saved queries, their parameters and what they answer.

        Example: clusternet queries
        """
        print_rows(_saved_rows(api.saved_queries()), format, title="Saved queries (clusternet query --saved NAME)")

    @app.command("query")
    def query_cmd(cypher_or_file: Optional[str] = typer.Argument(
                      None, help="Cypher text, or a .cypher file (its header types the parameters)."),
                  saved: Optional[str] = typer.Option(None, "--saved", help="Run a saved query by name "
                                                      "(see `clusternet queries`)."),
                  param: Optional[List[str]] = ParamOpt,
                  store: str = StoreOpt, user: str = UserOpt, password: str = PasswordOpt,
                  database: str = DatabaseOpt, format: str = FormatOpt,
                  timeout: float = typer.Option(30.0, help="Stop the query after this many seconds."),
                  max_rows: int = typer.Option(5000, "--max-rows", help="Keep at most this many rows.")):
        """Run read-only Cypher (Neo4j), a .cypher file, or a saved query (both stores).

        Values go in as parameters, never into the text. Anything that could write or
        administer is refused. With NEO4J_READONLY_USER / NEO4J_READONLY_PASSWORD set,
        ad-hoc Cypher runs as that read-only user.

        Examples:
          clusternet query --saved partnership_partners -p partnership=MTB
          clusternet query "MATCH (c:Cluster {country: $cc}) RETURN c.name" -p cc=MA -s bolt://localhost:7687
        """
        if bool(saved) == bool(cypher_or_file):
            raise QueryError("give either Cypher (or a .cypher file) or --saved NAME")
        if not saved and cypher_or_file.strip().endswith(".cypher") and not Path(cypher_or_file).is_file():
            raise InputError(cypher_or_file, "no such query file")
        title = None
        with store_from_options(store, user, password, database, read_only=True, must_exist=True) as s:
            if saved or (cypher_or_file.endswith(".cypher") and Path(cypher_or_file).is_file()):
                q = api.saved_query(saved or cypher_or_file)
                title = q.title
                result = api.run_saved_query(s, q, api.parse_params(param, q.params), timeout=timeout,
                                             max_rows=max_rows)
            else:
                result = api.run_cypher(s, cypher_or_file, api.parse_params(param), timeout=timeout,
                                        max_rows=max_rows)
        print_rows(result.records(), format, title=title, columns=result.columns)
        if result.truncated:
            err_console.print(f"[yellow]truncated:[/yellow] only the first {max_rows} rows are shown "
                              "(raise --max-rows or narrow the query)")
