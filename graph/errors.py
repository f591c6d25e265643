"""The one error family of clusternet.

Every error a user can meet is a :class:`ClusternetError`; the CLI prints its message on
one line and exits non-zero, the app shows it in an error box. Nothing else should reach
a user.

    ClusternetError
    ├── ConfigError            bad settings, unknown store URI, missing credentials
    ├── SchemaError            a label, type or property the schema does not know
    ├── ValidationError        records that break the schema (carries every Problem)
    ├── InputError             a file that cannot be read as what it claims to be
    │   └── InputTooLarge      over a size, depth or time limit, refused before parsing
    ├── StoreError             the store refused or failed an operation
    │   ├── StoreUnavailable   the database cannot be reached (after retries)
    │   └── IntegrityError     a relationship end that does not exist, a broken merge
    ├── QueryError             a Cypher query failed (syntax, timeout)
    │   └── QueryRefused       a query the read-only console will not run
    └── NotFound               an id or name that is not in the store

>>> try:
...     raise ValidationError([Problem(field="name", reason="required", row=3)])
... except ClusternetError as err:
...     print(err)
1 problem: row 3, name: required
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

__all__ = [
    "ClusternetError", "ConfigError", "SchemaError", "ValidationError", "Problem",
    "InputError", "InputTooLarge", "StoreError", "StoreUnavailable", "IntegrityError",
    "QueryError", "QueryRefused", "NotFound",
]


class ClusternetError(Exception):
    """Base of every error clusternet raises on purpose."""


class ConfigError(ClusternetError):
    """Settings that cannot work (unknown store URI, missing credentials, bad flag)."""


class SchemaError(ClusternetError):
    """A label, relationship type or property that the schema does not define."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record or cell, precise enough to fix it."""

    reason: str
    field: str | None = None
    value: Any = None
    row: int | None = None
    file: str | None = None
    record: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.record and self.row is None:
            where.append(self.record)
        if self.field:
            where.append(self.field)
        head = ", ".join(where)
        val = f" (value {self.value!r})" if self.value not in (None, "") else ""
        return f"{head}: {self.reason}{val}" if head else f"{self.reason}{val}"


class ValidationError(ClusternetError):
    """Records that break the schema. ``problems`` lists every one, not just the first."""

    def __init__(self, problems: Iterable[Problem], context: str | None = None):
        self.problems = list(problems)
        self.context = context
        n = len(self.problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f"; and {n - 5} more" if n > 5 else ""
        prefix = f"{context}: " if context else ""
        super().__init__(f"{prefix}{n} problem{'s' if n != 1 else ''}: {shown}{more}")


class InputError(ClusternetError):
    """A file that cannot be read as what it claims to be. Names the file and the reason."""

    def __init__(self, path: Any, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class InputTooLarge(InputError):
    """A file over a size, nesting or time limit; refused before (or while) parsing."""


class StoreError(ClusternetError):
    """The store refused or failed an operation."""


class StoreUnavailable(StoreError):
    """The database cannot be reached, even after retries."""


class IntegrityError(StoreError):
    """A relationship whose ends do not exist, or a merge that would break the graph."""


class QueryError(ClusternetError):
    """A Cypher query failed: syntax, timeout, or an error the database reported."""


class QueryRefused(QueryError):
    """A query the read-only console refuses to run (writes, admin, side effects)."""


class NotFound(ClusternetError):
    """An id or name that is not in the store."""
