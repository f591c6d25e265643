"""An extraction read by names, for tests that assert what a reader of the output would see.

>>> ents, rels, facts = text_by_name("Alpha Cluster (Spain) has 40 members.")
>>> ("Alpha Cluster", "members", 40) in facts
True

>>> from clusternet.ingest.extract import extract_text
>>> from clusternet.ingest.sources.readers import document_from_text
>>> ents, rels, facts = by_name(extract_text(document_from_text("Alpha Cluster (Spain) has 40 members.", name="a.txt")))
>>> ents["Alpha Cluster"].country, ("Alpha Cluster", "LOCATED_IN", "Spain") in rels
('ES', True)
"""
from __future__ import annotations


def by_name(ex):
    """(entities by name, relations as (source, type, target) names, facts as (subject, measure, value))."""
    names = {e.id: e.name for e in ex.entities}
    rels = {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}
    facts = {(names.get(f.subject), f.measure, f.value) for f in ex.facts}
    return {e.name: e for e in ex.entities}, rels, facts


def text_by_name(text: str, name: str = "page.txt"):
    """:func:`by_name` of a text extracted as a document called ``name``: a web page (".html") is
    read by the HTML reader from a file of that name, any other text as it is."""
    import tempfile
    from pathlib import Path

    from clusternet.ingest.extract import extract_text
    from clusternet.ingest.sources.readers import document_from_text, read_document

    if name.endswith((".html", ".htm")):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / name
            path.write_text(text, encoding="utf-8")
            return by_name(extract_text(read_document(path)))
    return by_name(extract_text(document_from_text(text, name=name)))
