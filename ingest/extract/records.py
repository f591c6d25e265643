"""Extraction -> graph records (Document nodes, entity Nodes, Rels, MENTIONS).

Facts (figures) are kept on their Document: each a JSON string in its ``facts`` property
({subject, measure, country, value, unit, evidence}); reader and extractor warnings go in
its ``warnings``. Sectors carry the EU ecosystem their wording maps onto.
"""
from __future__ import annotations

import json
from functools import lru_cache

from clusternet.graph.model import Node, Rel
from clusternet.graph.reference import ecosystems, sector_id
from clusternet.ingest.extract.types import Extraction

__all__ = ["extraction_to_records"]

_ALLOWED = {"Cluster": ("name", "aliases", "country", "region"), "Organisation": ("name", "aliases", "country", "region"),
            "SME": ("name", "aliases", "country", "region"), "Event": ("name", "aliases", "country", "region"),
            "Country": ("name", "aliases", "iso2", "country"), "Region": ("name", "aliases", "country")}


def extraction_to_records(ex: Extraction, with_facts: bool = True) -> tuple[list[Node], list[Rel]]:
    """Nodes and relationships ready for ``validate`` and a store's ``upsert``.

    >>> from clusternet.ingest.sources.readers import document_from_text
    >>> from clusternet.ingest.extract import extract_text
    >>> ex = extract_text(document_from_text("The Olive Cluster (Tunisia) met partners.", name="n.txt"))
    >>> nodes, rels = extraction_to_records(ex)
    >>> sorted(n.label for n in nodes), sorted(r.type for r in rels)
    (['Cluster', 'Country', 'Document', 'Sector'], ['ACTIVE_IN', 'LOCATED_IN', 'MENTIONS', 'MENTIONS', 'MENTIONS'])
    """
    nodes: list[Node] = []
    rels: list[Rel] = []
    facts_by_doc: dict[str, list[str]] = {}
    for f in ex.facts:
        doc = f.evidence[0].document if f.evidence else None
        if doc:
            facts_by_doc.setdefault(doc, []).append(json.dumps(
                {"subject": f.subject, "measure": f.measure, "country": f.country, "value": f.value, "unit": f.unit,
                 "confidence": round(f.confidence, 3),
                 "evidence": [{"document": e.document, "start": e.start, "end": e.end, "text": e.text}
                              for e in f.evidence]}, ensure_ascii=False, sort_keys=True))
    for d in ex.documents:
        props = {"name": d.name, "source": d.source, "sha256": d.sha256, "chars": d.chars, "media_type": d.media_type}
        if d.id in ex.texts:
            props["text"] = ex.texts[d.id]
        if with_facts and facts_by_doc.get(d.id):
            props["facts"] = facts_by_doc[d.id]
        if d.warnings:
            props["warnings"] = list(d.warnings)
        nodes.append(Node(d.id, ("Document",), props, [], 1.0))
    for e in ex.entities:
        keys = _ALLOWED.get(e.label, ("name", "aliases"))
        props = {"name": e.name}
        if e.aliases and "aliases" in keys:
            props["aliases"] = list(e.aliases)
        if e.country and "country" in keys:
            props["country"] = e.country
        if e.label == "Country":
            props["iso2"] = e.country
        if e.region and "region" in keys:
            props["region"] = e.region
        if e.label == "Region" and e.country:
            props["country"] = e.country
        if e.label == "Sector" and e.props.get("ecosystems"):
            props["ecosystem"] = e.props["ecosystems"][0]
        if e.label == "Sector" and e.id in _canonical_sectors():
            # worded like an EU ecosystem ("textile"): the reference node keeps its own name,
            # the document's wording becomes an alias
            name = _canonical_sectors()[e.id]
            props.update(name=name, ecosystem=name)
            wordings = sorted({w for w in (e.name, *e.aliases) if w and w != name})
            if wordings:
                props["aliases"] = wordings
        nodes.append(Node(e.id, (e.label,), props, list(e.evidence), e.confidence))
        for doc in sorted({ev.document for ev in e.evidence}):
            evs = [ev for ev in e.evidence if ev.document == doc][:3]
            rels.append(Rel(doc, "MENTIONS", e.id, {}, evs, e.confidence))
    for r in ex.relations:
        rels.append(Rel(r.source, r.type, r.target, dict(r.props), list(r.evidence), r.confidence))
    return nodes, rels


@lru_cache(maxsize=1)
def _canonical_sectors() -> dict[str, str]:
    """Sector id -> name of the 14 EU ecosystem nodes ``clusternet init`` loads."""
    return {sector_id(e): e for e in ecosystems()}
