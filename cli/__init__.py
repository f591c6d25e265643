"""The `clusternet` command (Typer): one module per command group, each command one api call.

``clusternet.cli.main`` builds the app; this package only exposes it.
"""
from clusternet.cli.main import app, main

__all__ = ["app", "main"]
