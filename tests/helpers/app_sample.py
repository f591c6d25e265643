"""A small seeded store for the app, export and browser tests: real records, hostile names.

Hostile names try script injection (they would set ``window.__xss`` or open an alert if
they ever ran) and Markdown/formula tricks; every page must show them as text.
"""
from __future__ import annotations

import json
from pathlib import Path

from clusternet.graph.reference.countries import country_records
from clusternet.graph.model import Evidence, Node, Rel
from clusternet.graph.store.sqlite import EmbeddedStore

XSS_SCRIPT = "<script>window.__xss=1;alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
MARKDOWN_TRICK = "*Bold* $x^2$ [click](javascript:alert(1)) :smile:"
FORMULA = '=HYPERLINK("http://evil.example","x")'

DOC_TEXT = (
    "Annual report of a textile partnership. "
    f"The cluster {XSS_SCRIPT} from Morocco joined the partnership in 2022. "
    "Techtera, the French textile cluster, coordinates the work with partners in Spain and Tunisia. "
    f"An uncertain partner, {XSS_IMG}, was mentioned once. "
    "The partners counted 450 member companies in France.\n\nEnd of report."
)


def _span(text: str, part: str) -> tuple[int, int]:
    s = DOC_TEXT.index(part)
    return s, s + len(part)


def sample_records():
    doc = "doc:0000000000000001"
    ev = lambda part: Evidence(doc, *_span(DOC_TEXT, part), part)  # noqa: E731
    countries = [n for n in country_records() if n.props["iso2"] in {"FR", "MA", "ES", "TN", "DE"}]
    fact = {"subject": "Techtera", "measure": "member companies", "country": "FR", "value": 450, "unit": "companies",
            "evidence": {"d": doc, "s": _span(DOC_TEXT, "450 member companies")[0], "e": _span(DOC_TEXT, "450 member companies")[1]}}
    nodes = countries + [
        Node(doc, ("Document",), {"name": f"Report {XSS_SCRIPT}", "sha256": "ab" * 32, "media_type": "text/plain",
                                  "chars": len(DOC_TEXT), "ingested_at": "2024-05-01T10:00:00+00:00", "text": DOC_TEXT,
                                  "source": "report.txt", "facts": [json.dumps(fact, sort_keys=True)]}),
        Node("sector:textiles", ("Sector",), {"name": "Textiles"}),
        Node("cluster:techtera-fr", ("Cluster",), {"name": "Techtera", "country": "FR", "city": "Lyon",
                                                    "aliases": ["Pôle Techtera"], "sectors": ["Textiles"]},
             [ev("Techtera")], 1.0),
        Node("cluster:xss-ma", ("Cluster",), {"name": XSS_SCRIPT, "country": "MA", "sectors": ["Textiles"]},
             [ev(XSS_SCRIPT)], 0.9),
        Node("org:img-es", ("Organisation", "SME"), {"name": XSS_IMG, "country": "ES"}, [ev(XSS_IMG)], 0.4),
        Node("org:md-de", ("Organisation",), {"name": MARKDOWN_TRICK, "country": "DE"}),
        Node("org:formula-tn", ("Organisation",), {"name": FORMULA, "country": "TN", "description": "-2+3"}),
        Node("partnership:medtex", ("Partnership",), {"name": "Med Textile Partnership", "acronym": "MEDTEX",
                                                      "kind": "ESCP"}),
    ]
    rels = [
        Rel("cluster:techtera-fr", "PARTNER_IN", "partnership:medtex", {"role": "coordinator"}, [ev("Techtera")]),
        Rel("cluster:techtera-fr", "COORDINATES", "partnership:medtex"),
        Rel("cluster:xss-ma", "PARTNER_IN", "partnership:medtex", {}, [ev(XSS_SCRIPT)], 0.5),
        Rel("org:img-es", "PARTNER_IN", "partnership:medtex", {}, [ev(XSS_IMG)], 0.4),
        Rel("org:formula-tn", "PARTNER_IN", "partnership:medtex"),
        Rel("org:md-de", "VISITED", "cluster:techtera-fr"),
        Rel("partnership:medtex", "TARGETS", "country:MA"),
        Rel("partnership:medtex", "TARGETS", "country:TN"),
        Rel("cluster:techtera-fr", "ACTIVE_IN", "sector:textiles"),
        Rel("cluster:xss-ma", "ACTIVE_IN", "sector:textiles"),
        Rel(doc, "MENTIONS", "cluster:techtera-fr"),
        Rel(doc, "MENTIONS", "cluster:xss-ma"),
    ] + [Rel(n.id, "LOCATED_IN", f"country:{n.props['country']}")
         for n in nodes if n.labels[0] in ("Cluster", "Organisation") and n.props.get("country")]
    return nodes, rels


def build_sample_store(path: str | Path) -> str:
    """Write the sample graph to an embedded store at ``path``; returns the path as text."""
    store = EmbeddedStore(path)
    try:
        store.ensure_schema()
        store.upsert(*sample_records())
    finally:
        store.close()
    return str(path)
