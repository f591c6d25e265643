"""The rows a query returns, shared by the saved queries and the Cypher console.

>>> r = QueryResult(["name", "country"], [["Techtera", "FR"]])
>>> r.records()
[{'name': 'Techtera', 'country': 'FR'}]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["QueryResult"]


@dataclass
class QueryResult:
    """Rows of a query. ``graph_nodes``/``graph_rels`` hold the nodes and relationships
    that appeared in the results (for drawing), as plain dicts."""

    columns: list[str]
    rows: list[list[Any]]
    graph_nodes: list[dict] = field(default_factory=list)
    graph_rels: list[dict] = field(default_factory=list)
    truncated: bool = False

    def records(self) -> list[dict]:
        """The rows as ``{column: value}`` dicts."""
        return [dict(zip(self.columns, row)) for row in self.rows]
