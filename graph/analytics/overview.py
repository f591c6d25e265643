"""The tables of the app's overview page, as plain functions of a snapshot.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("cluster:a", label="Cluster", labels=("Cluster",), name="A", country="FR")
>>> G.add_node("partnership:p", label="Partnership", labels=("Partnership",), name="P")
>>> G.add_node("country:MA", label="Country", labels=("Country",), name="Morocco", country="MA")
>>> _ = G.add_edge("cluster:a", "partnership:p", key="PARTNER_IN", type="PARTNER_IN")
>>> _ = G.add_edge("partnership:p", "country:MA", key="TARGETS", type="TARGETS")
>>> partnerships(G)[0]["members"], partnerships(G)[0]["targets"]
(1, 'Morocco')
"""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx

from clusternet.graph.reference.countries import country_label
from clusternet.graph.schema import LABEL, group

__all__ = ["counts_by_label", "counts_by_country", "partnerships", "stated_facts", "ingested"]


def counts_by_label(G: nx.MultiDiGraph) -> list[dict]:
    """Nodes per label (an SME also counts as an Organisation), largest first.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("s", label="SME", labels=("Organisation", "SME"))
    >>> G.add_node("o", label="Organisation", labels=("Organisation",))
    >>> counts_by_label(G)
    [{'label': 'Organisation', 'nodes': 2}, {'label': 'SME', 'nodes': 1}]
    """
    c = Counter(lab for _, d in G.nodes(data=True) for lab in (d.get("labels") or (d.get("label"),)) if lab)
    return [{"label": k, "nodes": v} for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


def counts_by_country(G: nx.MultiDiGraph) -> list[dict]:
    """Actors (clusters, organisations, SMEs) per country, largest first, with the
    country's name where a Country node gives one.

    >>> G = nx.MultiDiGraph()
    >>> for n, c in [("a", "FR"), ("b", "MA"), ("c", "MA")]:
    ...     G.add_node(n, label="Cluster", country=c)
    >>> G.add_node("country:MA", label="Country", country="MA", name="Morocco")
    >>> [(r["country"], r["name"], r["actors"]) for r in counts_by_country(G)]
    [('MA', 'Morocco', 2), ('FR', 'FR', 1)]
    """
    c = Counter(d.get("country") for _, d in G.nodes(data=True)
                if d.get("country") and group("organisations") & set(d.get("labels") or (d.get("label"),)))
    names = {d.get("country"): d.get("name") for _, d in G.nodes(data=True) if d.get("label") == LABEL.Country}
    return [{"country": k, "name": names.get(k, k), "actors": v}
            for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


def partnerships(G: nx.MultiDiGraph) -> list[dict]:
    """Each partnership with its number of members, member countries and target countries.

    One row per Partnership node (sorted by id): ``id``, ``name``, ``acronym``, ``members``
    (organisations PARTNER_IN or COORDINATING it), ``member_countries`` and ``targets``
    (names, comma-separated).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("partnership:p", label="Partnership", name="P", acronym="PX")
    >>> for o, c in [("cluster:a", "FR"), ("cluster:b", "MA"), ("cluster:c", "FR")]:
    ...     G.add_node(o, label="Cluster", country=c)
    ...     _ = G.add_edge(o, "partnership:p", key="PARTNER_IN")
    >>> [(r["acronym"], r["members"], r["member_countries"]) for r in partnerships(G)]
    [('PX', 3, 'FR, MA')]
    """
    rows = []
    for p, d in sorted(G.nodes(data=True), key=lambda x: str(x[0])):
        if d.get("label") != LABEL.Partnership:
            continue
        members = sorted({u for u, _, k in G.in_edges(p, keys=True) if k in ("PARTNER_IN", "COORDINATES")})
        countries = sorted({G.nodes[m].get("country") for m in members} - {None})
        targets = sorted(str(G.nodes[t].get("name") or t) for _, t, k in G.out_edges(p, keys=True) if k == "TARGETS")
        rows.append({"id": p, "name": d.get("name") or p, "acronym": d.get("acronym") or "",
                     "members": len(members), "member_countries": ", ".join(countries),
                     "member_country_names": ", ".join(country_label(G, c) for c in countries),
                     "targets": ", ".join(targets)})
    return rows


def stated_facts(G: nx.MultiDiGraph) -> list[dict]:
    """Figures documents state (their ``facts`` JSON strings), one row per figure,
    sorted by subject, measure, country; each row names its document.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("d", label="Document", name="Report 2024",
    ...            facts=['{"subject": "clusters", "measure": "count", "country": "MA", "value": 12}'])
    >>> [(r["subject"], r["country"], r["value"], r["document"]) for r in stated_facts(G)]
    [('clusters', 'MA', 12, 'Report 2024')]
    """
    rows = []
    for doc, d in G.nodes(data=True):
        if d.get("label") != LABEL.Document:
            continue
        for raw in d.get("facts") or ():
            try:
                f = json.loads(raw) if isinstance(raw, str) else dict(raw)
            except (ValueError, TypeError):
                continue
            if not isinstance(f, dict):
                continue
            rows.append({"subject": str(f.get("subject") or ""), "measure": str(f.get("measure") or ""),
                         "country": str(f.get("country") or ""), "value": f.get("value"),
                         "unit": str(f.get("unit") or ""), "document": str(d.get("name") or doc),
                         "document_id": doc, "evidence": f.get("evidence")})
    rows.sort(key=lambda r: (r["subject"], r["measure"], r["country"], r["document_id"], str(r["value"])))
    return rows


def ingested(G: nx.MultiDiGraph) -> list[dict]:
    """Documents by time of first ingest (newest first), with the number of mentions each made.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("d1", label="Document", ingested_at="2026-01-01T10:00:00")
    >>> G.add_node("d2", label="Document", ingested_at="2026-02-01T10:00:00")
    >>> _ = G.add_edge("d1", "cluster:a", key="MENTIONS")
    >>> [(r["id"], r["mentions"]) for r in ingested(G)]
    [('d2', 0), ('d1', 1)]
    """
    rows = [{"ingested_at": str(d.get("ingested_at") or ""), "name": d.get("name") or n, "id": n,
             "media_type": d.get("media_type") or "", "chars": d.get("chars"),
             "mentions": sum(1 for _, _, k in G.out_edges(n, keys=True) if k == "MENTIONS")}
            for n, d in G.nodes(data=True) if d.get("label") == LABEL.Document]
    rows.sort(key=lambda r: (r["ingested_at"], r["id"]), reverse=True)
    return rows
