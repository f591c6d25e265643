"""Graph files shaped the way Gephi reads them: GEXF 1.3 and GraphML.

What a Gephi user sees, and why:

* a node's label (the caption Gephi draws) is its name; its type (``Cluster``,
  ``Country``) is the ``type`` column, ready for Appearance > Partition colouring;
* every relationship's type is its edge kind (GEXF ``kind``, the GraphML edge ``label``)
  and its ``type`` column. Gephi keeps parallel edges only when their kinds differ, so
  two relationships between one pair (COORDINATES and PARTNER_IN) both arrive;
* list values (aliases, sectors, sources, evidence) are plain text joined by ``"; "``:
  sources as document titles, evidence as ``quote — document title``;
* by default the picture holds the actors and their links: reference data (countries,
  ecosystems) and source documents are kept only where a relationship touches them;
  ``with_reference=True`` keeps every node, isolated or not.

The files are for looking at, not for reloading: the exact graph travels as JSON
(:func:`clusternet.graph.export.to_json`, which ``clusternet load`` reads back).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("cluster:a", label="Cluster", labels=("Cluster",), name="Alpha", aliases=["A1", "A-one"])
>>> G.add_node("country:ZZ", label="Country", labels=("Country",), name="Nowhere")
>>> sorted(gephi_view(G, reference={"country:ZZ"}).nodes(data="aliases"))
[('cluster:a', 'A1; A-one')]
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Iterable
from xml.etree.ElementTree import Element, SubElement, indent, tostring

import networkx as nx

from clusternet.graph.model import decode_evidence, rel_key

__all__ = ["gephi_view", "isolated_background", "reference_ids", "readable_list", "evidence_text", "to_gexf13", "to_graphml",
           "read_graphml", "read_gexf13", "GEXF_NS",
           "column_types", "xml_safe", "xml_unsafe", "data_date"]

GEXF_NS = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
# XML 1.0 Char production, inverted: what may not appear in a document at all
_XML_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
# snapshot attributes that Gephi gets in its own places (label, type), not as columns
_NOT_COLUMNS = ("label", "labels", "name")
SEP = "; "


# -- text ------------------------------------------------------------------------------
def xml_safe(text: str) -> str:
    """A string XML 1.0 can carry, reversibly (see :func:`xml_unsafe`).

    >>> xml_safe("plain")
    'plain'
    >>> xml_safe("a\\x0cb")
    '"a\\\\fb"'
    >>> xml_unsafe(xml_safe('"quoted"')) == '"quoted"'
    True
    """
    # a parser turns a written CR into LF, so text holding one is quoted too
    if _XML_ILLEGAL.search(text) or "\r" in text or (len(text) >= 2 and text[0] == '"' and text[-1] == '"'):
        return json.dumps(text, ensure_ascii=True)
    return text


def xml_unsafe(text: str) -> str:
    """Undo :func:`xml_safe`."""
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        try:
            value = json.loads(text)
        except ValueError:
            return text
        if isinstance(value, str):
            return value
    return text


def evidence_text(raw: str, titles: dict[str, str]) -> str:
    """One evidence span as a reader would quote it: ``quote — document title``.

    >>> evidence_text('{"d":"doc:1","e":8,"s":0,"t":"Techtera"}', {"doc:1": "Report 2020"})
    'Techtera — Report 2020'
    >>> evidence_text('{"d":"doc:2","e":null,"l":"row 3","s":null,"t":null}', {})
    'doc:2, row 3'
    """
    try:
        ev = decode_evidence(raw)
    except (ValueError, KeyError, TypeError):
        return raw  # not one of ours: shown as it is rather than dropped
    where = titles.get(ev.document, ev.document) + (f", {ev.loc}" if ev.loc else "")
    return f"{ev.text} — {where}" if ev.text else where


def _fact_text(raw: str) -> str:
    """A stated figure (a ``facts`` item) as a short line: ``subject, measure: value unit (country)``."""
    try:
        f = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(f, dict):
        return raw
    head = ", ".join(str(f[k]) for k in ("subject", "measure") if f.get(k))
    value = " ".join(str(f[k]) for k in ("value", "unit") if f.get(k) not in (None, ""))
    country = f" ({f['country']})" if f.get("country") else ""
    return f"{head}: {value}{country}" if head else f"{value}{country}"


def readable_list(key: str, items: Iterable[Any], titles: dict[str, str]) -> str:
    """A list property as one plain-text cell, items joined by ``"; "``.

    >>> readable_list("sources", ["doc:1", "doc:9"], {"doc:1": "Report 2020"})
    'Report 2020; doc:9'
    >>> readable_list("aliases", ("PTC", "Textile Cluster"), {})
    'PTC; Textile Cluster'
    """
    if key == "evidence":
        parts = [evidence_text(str(x), titles) for x in items]
    elif key == "sources":
        parts = [titles.get(str(x), str(x)) for x in items]
    elif key == "facts":
        parts = [_fact_text(str(x)) for x in items]
    else:
        parts = [str(x) for x in items]
    return SEP.join(parts)


# -- the graph Gephi gets ------------------------------------------------------------------
@lru_cache(maxsize=1)
def reference_ids() -> frozenset[str]:
    """Ids of the reference records every store starts with (countries, ecosystems)."""
    from clusternet.graph.reference import reference_records

    nodes, _ = reference_records()
    return frozenset(n.id for n in nodes)


def _titles(G: nx.MultiDiGraph) -> dict[str, str]:
    """Node id -> name: what sources and evidence show in place of a document's id."""
    return {str(n): str(d.get("name") or n) for n, d in G.nodes(data=True)}


def _source_documents(G: nx.MultiDiGraph) -> set[str]:
    """Ids that some node's or relationship's ``sources`` names (the documents facts came from)."""
    out: set[str] = set()
    for _, d in G.nodes(data=True):
        out.update(d.get("sources") or ())
    for *_, d in G.edges(data=True):
        out.update(d.get("sources") or ())
    return out


def isolated_background(G: nx.MultiDiGraph, reference: Iterable[str] | None = None) -> set[str]:
    """Reference nodes (``reference``, by default :func:`reference_ids`) and source
    documents that no relationship touches: what a Gephi export leaves out by default.

    >>> G = nx.MultiDiGraph([("cluster:a", "country:FR")])
    >>> G.add_nodes_from(["country:MA", "cluster:b"])
    >>> sorted(isolated_background(G, reference={"country:FR", "country:MA"}))
    ['country:MA']
    """
    ref = reference_ids() if reference is None else frozenset(reference)
    return {n for n in (ref | _source_documents(G)) if n in G and G.degree(n) == 0}


def _cell(key: str, value: Any, titles: dict[str, str]) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return readable_list(key, items, titles)
    return value


def gephi_view(G: nx.MultiDiGraph, *, with_reference: bool = False,
               reference: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The graph as Gephi should get it (see the module docstring), nodes and edges sorted.

    Left out unless ``with_reference``: reference nodes (``reference``, by default
    :func:`reference_ids`) and source documents (ids some ``sources`` names) that no
    relationship touches; their names still show in the ``sources`` and ``evidence`` columns.
    Node attributes: ``label`` (the name), ``type`` (most specific label), then every
    other property with lists as text. Edge attributes: ``type`` and the properties.
    """
    left_out = set() if with_reference else isolated_background(G, reference)
    titles = _titles(G)
    H = nx.MultiDiGraph()
    for n, d in sorted(G.nodes(data=True), key=lambda x: str(x[0])):
        if n in left_out:
            continue
        name = d.get("name")
        attrs = {"label": str(n if name is None else name), "type": str(d.get("label") or "")}
        for k, v in sorted(d.items()):
            if k not in _NOT_COLUMNS and k != "type" and v is not None:
                attrs[k] = _cell(k, v, titles)
        H.add_node(str(n), **attrs)
    edges = []
    for u, v, k, d in G.edges(keys=True, data=True):
        t = str(d.get("type", k))
        attrs = {a: _cell(a, b, titles) for a, b in sorted(d.items()) if b is not None and a != "type"}
        edges.append((str(u), t, str(v), attrs))
    for u, t, v, attrs in sorted(edges, key=lambda e: e[:3]):
        H.add_edge(u, v, key=t, type=t, **attrs)
    return H


def column_types(rows: Iterable[dict]) -> dict[str, type]:
    """One type per attribute key (GEXF and GraphML declare a column once); mixed is text.

    >>> column_types([{"a": 1, "b": 1}, {"a": 2.5, "b": "x"}])
    {'a': <class 'float'>, 'b': <class 'str'>}
    """
    seen: dict[str, set] = {}
    for d in rows:
        for k, v in d.items():
            seen.setdefault(k, set()).add(type(v))
    out = {}
    for k, types in seen.items():
        if types == {bool}:
            out[k] = bool
        elif types <= {int}:
            out[k] = int
        elif types <= {int, float}:
            out[k] = float
        else:
            out[k] = str
    return out


def data_date(G: nx.MultiDiGraph) -> str:
    """A date that belongs to the data (latest ingest), so a file's meta does not vary by day."""
    dates = sorted(str(d["ingested_at"])[:10] for _, d in G.nodes(data=True) if d.get("ingested_at"))
    return dates[-1] if dates and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[-1]) else "2000-01-01"


def _xml_text(value: Any, typ: type) -> str:
    if typ is bool:
        return "true" if value else "false"
    if typ is float:
        return repr(float(value))
    if typ is int:
        return str(int(value))
    return xml_safe(str(value))


# -- GEXF 1.3 ------------------------------------------------------------------------------
def _declare(graph: Element, cls: str, types: dict[str, type]) -> None:
    block = SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    for key in sorted(types):
        SubElement(block, "attribute", {"id": key, "title": key, "type": _GEXF_TYPES[types[key]]})


def _attvalues(parent: Element, attrs: dict, types: dict[str, type]) -> None:
    if attrs:
        values = SubElement(parent, "attvalues")
        for key in sorted(attrs):
            SubElement(values, "attvalue", {"for": key, "value": _xml_text(attrs[key], types[key])})


def to_gexf13(G: nx.MultiDiGraph, *, with_reference: bool = False) -> bytes:
    """GEXF 1.3 of :func:`gephi_view`: node label the name, edge kind and label the type."""
    H = gephi_view(G, with_reference=with_reference)
    ntypes = column_types({k: v for k, v in d.items() if k != "label"} for _, d in H.nodes(data=True))
    etypes = column_types(d for *_, d in H.edges(data=True))
    root = Element("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": _XSI,
                            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3"})
    meta = SubElement(root, "meta", {"lastmodifieddate": data_date(G)})
    SubElement(meta, "creator").text = "clusternet"
    SubElement(meta, "description").text = "cluster network: node type and edge kind are the graph's labels"
    graph = SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    _declare(graph, "node", ntypes)
    _declare(graph, "edge", etypes)
    nodes = SubElement(graph, "nodes")
    for n, d in H.nodes(data=True):
        node = SubElement(nodes, "node", {"id": xml_safe(n), "label": xml_safe(d["label"])})
        _attvalues(node, {k: v for k, v in d.items() if k != "label"}, ntypes)
    edges = SubElement(graph, "edges")
    for u, v, t, d in H.edges(keys=True, data=True):
        edge = SubElement(edges, "edge", {"id": xml_safe(rel_key(u, t, v)), "source": xml_safe(u),
                                          "target": xml_safe(v), "kind": t, "label": t})
        _attvalues(edge, d, etypes)
    indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


# -- GraphML -------------------------------------------------------------------------------
_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _keys(root: Element, scope: str, types: dict[str, type], prefix: str) -> None:
    for key in sorted(types):
        SubElement(root, "key", {"id": prefix + key, "for": scope, "attr.name": key,
                                 "attr.type": _GRAPHML_TYPES[types[key]]})


def _data(parent: Element, attrs: dict, types: dict[str, type], prefix: str) -> None:
    for key in sorted(attrs):
        SubElement(parent, "data", {"key": prefix + key}).text = _xml_text(attrs[key], types[key])


def to_graphml(G: nx.MultiDiGraph, *, with_reference: bool = False) -> bytes:
    """GraphML of :func:`gephi_view`: node ``label`` the name; the edge element's ``label``
    attribute (where Gephi reads an edge kind) and ``label`` column the type."""
    H = gephi_view(G, with_reference=with_reference)
    ntypes = column_types(d for _, d in H.nodes(data=True))
    etypes = column_types({**d, "label": t} for *_, t, d in H.edges(keys=True, data=True))
    root = Element("graphml", {"xmlns": _GRAPHML_NS, "xmlns:xsi": _XSI, "xsi:schemaLocation":
                               f"{_GRAPHML_NS} {_GRAPHML_NS}/1.0/graphml.xsd"})
    # node and edge keys share one id space in GraphML: edge keys get a prefix
    _keys(root, "node", ntypes, "")
    _keys(root, "edge", etypes, "e_")
    graph = SubElement(root, "graph", {"id": "clusternet", "edgedefault": "directed"})
    for n, d in H.nodes(data=True):
        _data(SubElement(graph, "node", {"id": xml_safe(n)}), d, ntypes, "")
    for u, v, t, d in H.edges(keys=True, data=True):
        edge = SubElement(graph, "edge", {"id": xml_safe(rel_key(u, t, v)), "source": xml_safe(u),
                                          "target": xml_safe(v), "label": t})
        _data(edge, {**d, "label": t}, etypes, "e_")
    indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


# -- reading back (what a Gephi user's table holds) ------------------------------------------
_FROM_TEXT = {"boolean": lambda t: t == "true", "long": int, "integer": int, "double": float, "float": float}


def _snapshot_shape(nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, str, dict]]) -> nx.MultiDiGraph:
    """Back from Gephi's columns to snapshot names: ``label`` -> ``name``, ``type`` -> ``label``."""
    G = nx.MultiDiGraph()
    for n, d in nodes:
        d = {k: xml_unsafe(v) if isinstance(v, str) else v for k, v in d.items()}
        name, typ = d.pop("label", n), d.pop("type", "")
        G.add_node(xml_unsafe(n), **d, name=name, label=typ)
    for u, t, v, d in edges:
        d = {k: xml_unsafe(x) if isinstance(x, str) else x for k, x in d.items() if k != "label"}
        d["type"] = t
        G.add_edge(xml_unsafe(u), xml_unsafe(v), key=t, **d)
    return G


def read_graphml(data: bytes) -> nx.MultiDiGraph:
    """A GraphML export read back as Gephi's tables hold it (lists stay joined text)."""
    import io

    X = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    return _snapshot_shape(X.nodes(data=True), ((u, d.get("label", k), v, d) for u, v, k, d in
                                                X.edges(keys=True, data=True)))


def read_gexf13(data: bytes) -> nx.MultiDiGraph:
    """A GEXF 1.3 export read back as Gephi's tables hold it (lists stay joined text)."""
    from defusedxml.ElementTree import fromstring

    ns = {"g": GEXF_NS}
    graph = fromstring(data).find("g:graph", ns)
    if graph is None:
        raise ValueError("not a GEXF 1.3 file (no graph element in the 1.3 namespace)")
    types = {(block.get("class"), a.get("id")): a.get("type")
             for block in graph.findall("g:attributes", ns) for a in block.findall("g:attribute", ns)}

    def values(el, cls):
        return {av.get("for"): _FROM_TEXT.get(types.get((cls, av.get("for"))), str)(av.get("value"))
                for av in el.findall("g:attvalues/g:attvalue", ns)}

    nodes = [(el.get("id"), {**values(el, "node"), "label": el.get("label")})
             for el in graph.findall("g:nodes/g:node", ns)]
    edges = [(el.get("source"), el.get("kind"), el.get("target"), values(el, "edge"))
             for el in graph.findall("g:edges/g:edge", ns)]
    return _snapshot_shape(nodes, edges)
