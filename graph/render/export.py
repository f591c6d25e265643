"""Exports of a graph snapshot: GraphML, GEXF, CSV, JSON node-link, HTML map, PNG/SVG map.

Every export is deterministic (nodes sorted by id, edges by ``(source, type, target)``,
attribute keys sorted, layouts seeded), so exporting twice gives identical bytes, and
keeps provenance: the ``sources`` and ``evidence`` properties travel with each node and
relationship.

* GraphML and GEXF 1.3 are shaped for Gephi (:mod:`clusternet.graph.render.gephi`): names as
  labels, relationship types as edge kinds, lists as ``"; "``-joined text, reference data
  only where something links to it unless ``with_reference``. They are for looking at;
  the exact graph travels as JSON. XML 1.0 cannot carry some characters (NUL and most
  control characters, U+FFFE/U+FFFF, lone surrogates); a string holding one is written as
  a JSON string literal (ASCII escapes), and so is a string that itself starts and ends
  with ``"``, so :func:`read_graphml` and :func:`read_gexf` give such text back exactly.
* CSV (``nodes.csv`` and ``edges.csv``, in a folder or a zip) neutralises cells a
  spreadsheet would run as a formula: a text cell starting with ``= + - @``, a tab, a
  carriage return or ``'`` gets a leading ``'``. Text that cannot be UTF-8 (a lone
  surrogate) is refused with a :class:`ValidationError`.
* JSON is networkx node-link data (``edges`` key), lone surrogates as ``\\udXXX`` escapes:
  the whole graph, which ``clusternet load`` reads back into an equal graph.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("org:a", label="Organisation", labels=("Organisation",), name="=HYPERLINK()", confidence=1.0)
>>> print(export_bytes(G, "csv-nodes").decode().splitlines()[1])
org:a,Organisation,"[""Organisation""]",'=HYPERLINK(),,1.0
>>> export_bytes(G, "graphml") == export_bytes(G, "graphml")
True
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx

from clusternet.graph.render import gephi
from clusternet.graph.errors import ConfigError, Problem, ValidationError
from clusternet.graph.render.gephi import xml_safe, xml_unsafe
from clusternet.graph.model import rel_key

__all__ = ["FORMATS", "export_bytes", "write_export", "to_graphml", "to_gexf", "to_json",
           "nodes_csv", "edges_csv", "csv_zip", "rows_csv", "neutralise_cell", "read_graphml",
           "read_gexf", "xml_safe", "xml_unsafe", "suffix_of"]

FORMATS = ("graphml", "gexf", "csv", "json", "html", "png", "svg")
_SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "csv": ".zip", "json": ".json", "html": ".html",
           "png": ".png", "svg": ".svg", "csv-nodes": ".csv", "csv-edges": ".csv"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_FIRST_NODE_COLS = ("id", "label", "labels", "name", "country", "confidence")
_FIRST_EDGE_COLS = ("source", "type", "target", "confidence")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def suffix_of(fmt: str) -> str:
    """The file suffix of an export format (``csv`` is a zip of two CSV files)."""
    return _SUFFIX[fmt]


# -- values ------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """Tuples and sets as sorted-or-ordered lists, everything else as it is."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _sorted_items(G: nx.MultiDiGraph):
    nodes = [(n, {k: _plain(v) for k, v in sorted(d.items()) if v is not None})
             for n, d in sorted(G.nodes(data=True), key=lambda x: str(x[0]))]
    edges = []
    for u, v, k, d in G.edges(keys=True, data=True):
        t = d.get("type", k)
        attrs = {a: _plain(b) for a, b in sorted(d.items()) if b is not None}
        attrs["type"] = t
        edges.append((str(u), str(t), str(v), attrs))
    edges.sort(key=lambda e: (e[0], e[1], e[2]))
    return nodes, edges


def _check_encodable(G: nx.MultiDiGraph, fmt: str) -> None:
    """Refuse text UTF-8 cannot hold (lone surrogates), naming where it is."""
    problems = []

    def check(value, field, record):
        """Note a problem for each string in ``value`` that holds a lone surrogate."""
        texts = value if isinstance(value, (list, tuple)) else [value]
        for t in texts:
            if isinstance(t, str) and _SURROGATE.search(t):
                problems.append(Problem(f"text holds a lone surrogate, which {fmt} cannot store",
                                        field=field, record=record))
                return

    for n, d in G.nodes(data=True):
        check(n, "id", str(n))
        for k, v in d.items():
            check(v, k, str(n))
    for u, v, k, d in G.edges(keys=True, data=True):
        for a, b in d.items():
            check(b, a, rel_key(str(u), str(d.get("type", k)), str(v)))
    if problems:
        raise ValidationError(problems, context=f"cannot export as {fmt}")


# -- formats -----------------------------------------------------------------------------
def to_graphml(G: nx.MultiDiGraph, *, with_reference: bool = False) -> bytes:
    """GraphML as Gephi reads it (see :mod:`clusternet.graph.render.gephi`)."""
    return gephi.to_graphml(G, with_reference=with_reference)


def to_gexf(G: nx.MultiDiGraph, *, with_reference: bool = False) -> bytes:
    """GEXF 1.3 as Gephi reads it (see :mod:`clusternet.graph.render.gephi`)."""
    return gephi.to_gexf13(G, with_reference=with_reference)


def read_graphml(path_or_bytes) -> nx.MultiDiGraph:
    """A GraphML export read back as a Gephi user's tables hold it."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    return gephi.read_graphml(data)


def read_gexf(path_or_bytes) -> nx.MultiDiGraph:
    """A GEXF export read back as a Gephi user's tables hold it."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    return gephi.read_gexf13(data)


def to_json(G: nx.MultiDiGraph) -> bytes:
    """networkx node-link JSON (``nodes``, ``edges``), keys sorted, UTF-8."""
    nodes, edges = _sorted_items(G)
    data = {"directed": True, "multigraph": True, "graph": {},
            "nodes": [{"id": n, **d} for n, d in nodes],
            "edges": [{**d, "source": u, "target": v, "key": t} for u, t, v, d in edges]}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, default=str)
    # inside JSON strings a lone surrogate may stand as a \udXXX escape, which JSON reads back
    return text.encode("utf-8", "backslashreplace") + b"\n"


def neutralise_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula.

    >>> neutralise_cell("=1+1"), neutralise_cell("-x"), neutralise_cell("ok"), neutralise_cell(-3)
    ("'=1+1", "'-x", 'ok', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return neutralise_cell(value)


def rows_csv(rows: list[dict], columns: list[str] | None = None) -> bytes:
    """Any list of dicts as safe CSV (lists as JSON, formula cells neutralised)."""
    cols = list(columns or sorted({k for r in rows for k in r}))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # CRLF: the writer quotes a lone \r only then
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else _cell(r.get(c)) for c in cols])
    try:
        return buf.getvalue().encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError([Problem("text holds a lone surrogate, which CSV cannot store")],
                              context="cannot export as csv") from None


def nodes_csv(G: nx.MultiDiGraph) -> bytes:
    """One row per node; fixed first columns, then every other property, sorted."""
    _check_encodable(G, "csv")
    nodes, _ = _sorted_items(G)
    rest = sorted({k for _, d in nodes for k in d} - set(_FIRST_NODE_COLS))
    return rows_csv([{"id": n, **d} for n, d in nodes], list(_FIRST_NODE_COLS) + rest)


def edges_csv(G: nx.MultiDiGraph) -> bytes:
    """One row per relationship; fixed first columns, then every other property, sorted."""
    _check_encodable(G, "csv")
    _, edges = _sorted_items(G)
    rest = sorted({k for *_, d in edges for k in d} - set(_FIRST_EDGE_COLS))
    return rows_csv([{**d, "source": u, "type": t, "target": v} for u, t, v, d in edges],
                    list(_FIRST_EDGE_COLS) + rest)


def csv_zip(G: nx.MultiDiGraph) -> bytes:
    """``nodes.csv`` and ``edges.csv`` in one zip with fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("nodes.csv", nodes_csv(G)), ("edges.csv", edges_csv(G))):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def export_bytes(G: nx.MultiDiGraph, fmt: str, *, seed: int = 0, title: str = "clusternet network",
                 max_nodes: int | None = None, with_reference: bool = False) -> bytes:
    """The export of ``G`` in ``fmt`` (one of :data:`FORMATS`, or ``csv-nodes``/``csv-edges``).

    ``with_reference`` (GraphML, GEXF): also the reference data and source documents that
    no relationship touches; other formats always hold every node.
    """
    if fmt == "graphml":
        return to_graphml(G, with_reference=with_reference)
    if fmt == "gexf":
        return to_gexf(G, with_reference=with_reference)
    if fmt == "json":
        return to_json(G)
    if fmt == "csv":
        return csv_zip(G)
    if fmt == "csv-nodes":
        return nodes_csv(G)
    if fmt == "csv-edges":
        return edges_csv(G)
    if fmt == "html":
        from clusternet.graph.render.viz import DEFAULT_CAP, network_html

        return network_html(G, title=title, seed=seed, max_nodes=max_nodes or DEFAULT_CAP).encode("utf-8")
    if fmt in ("png", "svg"):
        from clusternet.graph.render.staticmap import draw_map

        return draw_map(G, fmt, seed=seed, title=title, max_nodes=max_nodes)
    raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_export(G: nx.MultiDiGraph, fmt: str, path: str | Path, **kw) -> list[Path]:
    """Write an export to ``path``. For ``csv``, a ``.zip`` path gets a zip, any other path
    is a folder receiving ``nodes.csv`` and ``edges.csv``. Returns the files written."""
    path = Path(path)
    if fmt == "csv" and path.suffix.lower() != ".zip":
        if path.exists() and not path.is_dir():
            raise ConfigError(f"{path}: exists and is not a folder (csv export writes nodes.csv and edges.csv)")
        nodes, edges = nodes_csv(G), edges_csv(G)
        path.mkdir(parents=True, exist_ok=True)
        (path / "nodes.csv").write_bytes(nodes)
        (path / "edges.csv").write_bytes(edges)
        return [path / "nodes.csv", path / "edges.csv"]
    data = export_bytes(G, fmt, **kw)
    if not path.parent.exists():
        raise ConfigError(f"folder {path.parent} does not exist")
    path.write_bytes(data)
    return [path]
