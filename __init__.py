"""clusternet: a graph-based explorer of cluster networks.

The public surface is :mod:`clusternet.api` (open a store, ingest, extract, suggest, query,
export); its names are available here too, loaded on first use so that importing a small
part of the package stays cheap.

>>> import clusternet
>>> clusternet.find_node is clusternet.api.find_node
True
"""
from __future__ import annotations

import importlib

__all__ = ["api"]


def __getattr__(name: str):
    """``clusternet.X`` is ``clusternet.api.X`` (PEP 562), imported when first asked for."""
    api = importlib.import_module("clusternet.api")
    if name == "api":
        return api
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'clusternet' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(importlib.import_module("clusternet.api").__all__))
