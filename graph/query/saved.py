"""Saved analyst queries and the read-only Cypher console.

Saved queries are the ``queries/*.cypher`` files; each starts with a header in comments::

    // title: Partners of a partnership
    // description: Every cluster and organisation that is PARTNER_IN a partnership, ...
    // param: partnership (str) - the partnership's id, name or acronym
    // param: limit (int, 10) - at most this many rows
    // embedded: partnership_partners

A parameter without a default is required. Parameter types are ``str``, ``int``,
``float``, ``bool`` and ``list[str]``; values given as text (CLI flags, form fields) are
coerced to them. Values only ever reach Cypher as ``$parameters``.

On Neo4j a query runs through three read-only layers: the static check of
:mod:`~clusternet.graph.query.guard`, Neo4j's own ``EXPLAIN`` (the plan's query type
must be ``r``), and a READ access-mode transaction with a timeout; when
``NEO4J_READONLY_USER``/``NEO4J_READONLY_PASSWORD`` are set, the console connects as that
(read-only) user instead of the store's user. At most ``max_rows`` rows are kept
(``QueryResult.truncated`` says when more were there).

On the embedded store, saved queries are answered by :mod:`~clusternet.graph.query.embedded`
over the store's snapshot, with the same columns and rows; ad-hoc Cypher needs Neo4j.

>>> q = get_saved("partnership_partners")
>>> q.title, [p.name for p in q.params], q.embedded
('Partners of a partnership', ['partnership'], 'partnership_partners')
>>> coerce_params(get_saved("low_confidence_facts").params, {"threshold": "0.5"})
{'threshold': 0.5, 'limit': 500}
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from clusternet.graph.query.guard import check_read_only
from clusternet.graph.query.result import QueryResult
from clusternet.graph.errors import ConfigError, NotFound, QueryError

__all__ = ["Param", "SavedQuery", "QueryResult", "QUERIES_DIR", "parse_saved", "list_saved", "get_saved",
           "load_query_file", "coerce_value", "coerce_params", "parse_param_args", "run_saved", "run_query",
           "run_console", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS", "EMBEDDED_CONSOLE_MESSAGE"]

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 5_000
PARAM_TYPES = ("str", "int", "float", "bool", "list[str]")
EMBEDDED_CONSOLE_MESSAGE = ("ad-hoc Cypher needs a Neo4j store; saved queries work here "
                            "(list them with `clusternet queries`)")

_HEADER = re.compile(r"^\s*//\s*(title|description|param|embedded)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<type>list\[str\]|str|int|float|bool)"
                    r"\s*(?:,\s*(?P<default>.*?))?\s*\)\s*(?:-\s*(?P<desc>.*))?$")


@dataclass(frozen=True)
class Param:
    """A parameter of a saved query; it becomes a form field in the app."""

    name: str
    type: str
    default: Any = None
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: list[Param]
    cypher: str
    embedded: str | None = None
    path: str | None = None


# -- parameters --------------------------------------------------------------------------
def coerce_value(type_: str, value: Any, name: str = "value") -> Any:
    """Coerce ``value`` (often text from a form or a flag) to a parameter type.

    >>> coerce_value("list[str]", "MA, TN,EG")
    ['MA', 'TN', 'EG']
    >>> coerce_value("bool", "yes"), coerce_value("int", "12"), coerce_value("float", "0.5")
    (True, 12, 0.5)
    """
    def bad(expected: str) -> QueryError:
        """The error to raise: the parameter, the kind of value expected and the value given."""
        return QueryError(f"parameter {name}: expected {expected}, got {value!r}")

    if type_ == "str":
        if isinstance(value, (dict, list, tuple, set)):
            raise bad("text")
        return "" if value is None else str(value)
    if type_ == "int":
        if isinstance(value, bool):
            raise bad("a whole number")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)
        raise bad("a whole number")
    if type_ == "float":
        if isinstance(value, bool):
            raise bad("a number")
        try:
            f = float(value)
        except (TypeError, ValueError):
            raise bad("a number") from None
        if f != f or f in (float("inf"), float("-inf")):
            raise bad("a finite number")
        return f
    if type_ == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "yes", "1", "y", "on"):
            return True
        if text in ("false", "no", "0", "n", "off", ""):
            return False
        raise bad("true or false")
    if type_ == "list[str]":
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    value = json.loads(text)
                except json.JSONDecodeError:
                    raise bad("a JSON list or comma-separated texts") from None
            else:
                value = [v.strip() for v in text.split(",")] if text else []
        if not isinstance(value, (list, tuple)) or any(isinstance(v, (dict, list, tuple)) for v in value):
            raise bad("a list of texts")
        return [str(v) for v in value if v is not None and str(v) != ""]
    raise QueryError(f"parameter {name}: unknown type {type_!r}; use one of {', '.join(PARAM_TYPES)}")


def coerce_params(spec: list[Param], given: Mapping[str, Any] | None) -> dict[str, Any]:
    """Typed values for every parameter of a saved query: given ones coerced, the rest
    defaulted; unknown or missing required ones raise :class:`QueryError`."""
    given = dict(given or {})
    known = {p.name for p in spec}
    unknown = sorted(set(given) - known)
    if unknown:
        raise QueryError(f"unknown parameter {unknown[0]!r}; this query takes: "
                         + (", ".join(p.name for p in spec) or "no parameters"))
    out = {}
    for p in spec:
        if p.name in given and given[p.name] is not None:
            out[p.name] = coerce_value(p.type, given[p.name], p.name)
        elif p.required:
            raise QueryError(f"parameter {p.name} ({p.type}) is required: {p.description}")
        else:
            out[p.name] = p.default
    return out


def _infer(text: str) -> Any:
    """A console parameter's value from text: number, true/false, null, JSON, else text."""
    t = text.strip()
    if re.fullmatch(r"[+-]?\d+", t):
        return int(t)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?", t):
        return float(t)
    if t.lower() in ("true", "false"):
        return t.lower() == "true"
    if t.lower() == "null":
        return None
    if t[:1] in "[{\"":
        try:
            return json.loads(t)
        except json.JSONDecodeError:
            pass
    return text


def parse_param_args(args: list[str] | None, spec: list[Param] | None = None) -> dict[str, Any]:
    """``["k=v", "n:int=3"]`` → ``{"k": "v", "n": 3}``. With a ``spec`` values stay text
    (coerce_params types them); without, ``name:type=value`` types a value and plain
    values are inferred (numbers, true/false, JSON lists).

    >>> parse_param_args(["country=MA", "year:int=2019", "groups=[\\"EU27\\"]", "flag=true"])
    {'country': 'MA', 'year': 2019, 'groups': ['EU27'], 'flag': True}
    """
    out: dict[str, Any] = {}
    for arg in args or []:
        if "=" not in arg:
            raise QueryError(f"--param {arg!r}: write it as name=value")
        key, value = arg.split("=", 1)
        key = key.strip()
        type_ = None
        if ":" in key:
            key, type_ = (s.strip() for s in key.split(":", 1))
        if not re.fullmatch(r"[A-Za-z_]\w*", key):
            raise QueryError(f"--param {arg!r}: {key!r} is not a valid parameter name")
        if type_:
            out[key] = coerce_value(type_, value, key)
        else:
            out[key] = value if spec is not None else _infer(value)
    return out


# -- saved queries -----------------------------------------------------------------------
def _parse_default(type_: str, raw: str, where: str) -> Any:
    raw = raw.strip()
    if raw.lower() in ("null", "none"):
        return None
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw = raw[1:-1]
    try:
        return coerce_value(type_, raw)
    except QueryError as err:
        raise QueryError(f"{where}: bad default: {err}") from None


def parse_saved(text: str, name: str, path: str | None = None) -> SavedQuery:
    """A :class:`SavedQuery` from a ``.cypher`` file's text (header + query)."""
    where = path or name
    meta: dict[str, Any] = {"title": name, "description": "", "embedded": None}
    params: list[Param] = []
    body: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m and not any(b.strip() for b in body):
            key, value = m.groups()
            if key != "param":
                meta[key] = value
                continue
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{where}, line {lineno}: bad param line; write "
                                 "'// param: name (type, default) - description'")
            default = pm.group("default")
            params.append(Param(pm.group("name"), pm.group("type"),
                                None if default is None else _parse_default(pm.group("type"), default, where),
                                (pm.group("desc") or "").strip(), default is None))
            continue
        body.append(line)
    cypher = "\n".join(body).strip()
    if not cypher:
        raise QueryError(f"{where}: no query after the header")
    return SavedQuery(name, meta["title"], meta["description"], params, cypher, meta["embedded"], path)


def load_query_file(path: str | Path) -> SavedQuery:
    """The saved query in a ``.cypher`` file (its name is the file's stem).

    Raises :class:`InputError` if the file cannot be read as UTF-8, :class:`QueryError`
    if its header or body is malformed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        from clusternet.graph.errors import InputError
        raise InputError(path, f"cannot read the query file: {err}") from None
    return parse_saved(text, path.stem, str(path))


@lru_cache(maxsize=4)
def _saved_in(directory: str) -> tuple[SavedQuery, ...]:
    return tuple(load_query_file(p) for p in sorted(Path(directory).glob("*.cypher")))


def list_saved(directory: str | Path | None = None) -> list[SavedQuery]:
    """Every saved query, by name."""
    return list(_saved_in(str(directory or QUERIES_DIR)))


def get_saved(name: str, directory: str | Path | None = None) -> SavedQuery:
    """The saved query called ``name``; raises :class:`NotFound` (listing the names) if there is none."""
    for q in list_saved(directory):
        if q.name == name:
            return q
    names = ", ".join(q.name for q in list_saved(directory))
    raise NotFound(f"no saved query {name!r}; saved queries: {names}")


# -- running -----------------------------------------------------------------------------
def _is_neo4j(store) -> bool:
    return getattr(store, "kind", "") == "neo4j"


def run_saved(store, name: str, params: Mapping[str, Any] | None = None, *, timeout: float = DEFAULT_TIMEOUT,
              max_rows: int = DEFAULT_MAX_ROWS, snapshot=None, directory: str | Path | None = None) -> QueryResult:
    """Run the saved query ``name``: as Cypher on Neo4j, through its pyqueries function
    on the embedded store (``snapshot``, a graph from ``store.snapshot()``, saves taking
    a new one)."""
    return run_query(store, get_saved(name, directory), params, timeout=timeout, max_rows=max_rows,
                     snapshot=snapshot)


def run_query(store, query: SavedQuery, params: Mapping[str, Any] | None = None, *,
              timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS, snapshot=None) -> QueryResult:
    """Run a :class:`SavedQuery` (a saved one, or a ``.cypher`` file read with
    :func:`load_query_file`) with its parameters coerced to their declared types."""
    _check_limits(timeout, max_rows)
    values = coerce_params(query.params, params)
    if _is_neo4j(store):
        from clusternet.graph.query.console import run_read_query

        return run_read_query(store, query.cypher, values, timeout=timeout, max_rows=max_rows)
    from clusternet.graph.query.embedded import FUNCTIONS

    fn = FUNCTIONS.get(query.embedded or "")
    if fn is None:
        raise QueryError(f"{query.path or query.name} has no embedded equivalent (no '// embedded:' "
                         f"function); {EMBEDDED_CONSOLE_MESSAGE}")
    G = snapshot if snapshot is not None else store.snapshot()
    columns, rows = fn(G, **values)
    return QueryResult(list(columns), [list(r) for r in rows[:max_rows]], truncated=len(rows) > max_rows)


def run_console(store, cypher: str, params: Mapping[str, Any] | None = None, *, timeout: float = DEFAULT_TIMEOUT,
                max_rows: int = DEFAULT_MAX_ROWS, env: Mapping[str, str] | None = None) -> QueryResult:
    """Run an analyst's ad-hoc Cypher, read-only, on a Neo4j store.

    Raises :class:`QueryRefused` for anything that could write or administer,
    :class:`QueryError` for syntax errors and timeouts, and on the embedded store.
    """
    _check_limits(timeout, max_rows)
    check_read_only(cypher)
    if not _is_neo4j(store):
        raise QueryError(EMBEDDED_CONSOLE_MESSAGE)
    from clusternet.graph.query.console import run_read_query

    return run_read_query(store, cypher, dict(params or {}), timeout=timeout, max_rows=max_rows, env=env)


def _check_limits(timeout: float, max_rows: int) -> None:
    if timeout <= 0 or max_rows <= 0:
        raise ConfigError("timeout and max_rows must be positive")
