"""Plain tables and words for the app's pages: what a strategy team reads, no ids or codes.

Every function is pure (a snapshot in, rows of names and numbers out); the pages reach them
through :mod:`clusternet.api`.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("org:a", label="SME", labels=("Organisation", "SME"), name="Acme", country="FR")
>>> G.add_node("country:FR", label="Country", labels=("Country",), name="France", country="FR")
>>> _ = G.add_edge("org:a", "country:FR", key="LOCATED_IN")
>>> actor_counts(G)
[{'kind': 'SME', 'count': 1}]
>>> relation_rows(G, "org:a")[0]["relationship"]
'located in France'
"""
from __future__ import annotations

import io
import math
from collections import Counter
from functools import lru_cache

import networkx as nx

from clusternet.graph.analytics.overview import stated_facts
from clusternet.graph.render.brief_data import humanise, place_name
from clusternet.graph.render.viz import DEFAULT_CAP
from clusternet.graph.schema import load_schema

__all__ = ["reference_labels", "actor_counts", "user_labels", "figure_tables", "relation_rows",
           "mode_words", "what_if_rows", "is_actor", "csv_bytes", "overview_tables", "network_map",
           "export_suffix", "shortlist_rows", "xlsx_bytes", "readable_score", "is_sentence",
           "brief_candidates", "relation_words"]

MAX_MEASURE_WORDS = 6  # a longer "measure" is a sentence the extractor caught, not a column heading
MODE_WORDS = {"network": "from shared partners and events",
              "content": "from profile only: sector, country, programme"}


@lru_cache(maxsize=1)
def reference_labels() -> frozenset[str]:
    """Labels of the reference data every store starts with (``clusternet init``), asked of
    the reference records themselves.

    >>> sorted(reference_labels())
    ['Country', 'Sector']
    """
    from clusternet.graph.reference import reference_records

    nodes, _ = reference_records()
    return frozenset(n.labels[-1] for n in nodes)


def user_labels() -> list[str]:
    """The schema's labels that are not reference data, in schema order (what a team adds).

    >>> "Cluster" in user_labels() and "Country" not in user_labels()
    True
    """
    return [lab for lab in load_schema().labels if lab not in reference_labels()]


def actor_counts(G: nx.MultiDiGraph) -> list[dict]:
    """Nodes a team made, each counted once by its own label (an SME is an SME, not also an
    Organisation), reference data left out; schema order, then any other label."""
    c = Counter(d.get("label") for _, d in G.nodes(data=True) if d.get("label"))
    order = [lab for lab in user_labels() if c.get(lab)]
    order += sorted(lab for lab in c if lab not in order and lab not in reference_labels())
    return [{"kind": lab, "count": c[lab]} for lab in order]


def is_sentence(value) -> bool:
    """Whether a stated "figure" is really words (a sentence), not a number.

    >>> is_sentence(450), is_sentence("1,200"), is_sentence("12 %"), is_sentence("the partners met in Tunis")
    (False, False, False, True)
    """
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return isinstance(value, float) and math.isnan(value)
    text = str(value or "").strip()
    if not text:
        return True
    letters = sum(ch.isalpha() for ch in text)
    return letters > 3 or not any(ch.isdigit() for ch in text)


def _subject_name(G, subject: str) -> str:
    return humanise(str(G.nodes[subject].get("name") or subject) if subject in G else subject, G)


def figure_tables(G: nx.MultiDiGraph) -> list[dict]:
    """The figures each document states, as one table per document under its title: a row
    per subject (and country), a column per measure. Figures that are sentences (as value or
    as measure) are left out (``skipped`` says how many).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:1", label="Document", name="Report", facts=[
    ...     '{"subject": "A", "measure": "members", "value": 80}',
    ...     '{"subject": "A", "measure": "outlook", "value": "growth is expected"}',
    ...     '{"subject": "A", "measure": "we prepared a strategy and met twice a year", "value": 2}'])
    >>> t = figure_tables(G)[0]
    >>> t["document"], t["rows"], t["skipped"]
    ('Report', [{'about': 'A', 'country': '', 'members': 80}], 2)
    """
    by_doc: dict[str, dict] = {}
    for f in stated_facts(G):
        doc = by_doc.setdefault(f["document_id"], {"document": humanise(f["document"], G), "rows": {}, "skipped": 0,
                                                   "measures": []})
        measure = f["measure"] or "figure"
        if is_sentence(f["value"]) or len(measure.split()) > MAX_MEASURE_WORDS:  # words, not a figure
            doc["skipped"] += 1
            continue
        if measure not in doc["measures"]:
            doc["measures"].append(measure)
        where = place_name(G, f["country"]) if f["country"] else ""
        key = (_subject_name(G, f["subject"]) or "–", where)
        value = f["value"] if not f["unit"] else f"{f['value']} {f['unit']}"
        doc["rows"].setdefault(key, {})[measure] = value
    out = []
    for doc_id, doc in sorted(by_doc.items(), key=lambda x: (x[1]["document"].casefold(), x[0])):
        rows = [{"about": s, "country": c, **{m: vals.get(m, "") for m in doc["measures"]}}
                for (s, c), vals in sorted(doc["rows"].items())]
        out.append({"document": doc["document"], "document_id": doc_id, "columns": ["about", "country", *doc["measures"]],
                    "rows": rows, "skipped": doc["skipped"]})
    return out


def relation_words(type_: str) -> str:
    """A relationship type in plain words, from the schema's phrase.

    >>> relation_words("LOCATED_IN")
    'located in'
    """
    schema = load_schema()
    return schema.rel(type_).words if type_ in schema.rel_types else type_.replace("_", " ").lower()


def relation_rows(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """A node's relationships as plain phrases ("partner in BLUEPORT", "Techtera partner in
    this"), with the other end's id kept aside for a details view and navigation."""
    def name(n):
        return str(G.nodes[n].get("name") or n)

    rows = [{"relationship": f"{relation_words(k)} {name(v)}", "other": name(v), "other_id": v, "type": k,
             "evidence": len(e.get("evidence") or ()), "confidence": e.get("confidence")}
            for _, v, k, e in G.out_edges(node, keys=True, data=True)]
    rows += [{"relationship": f"{name(u)} {relation_words(k)} this", "other": name(u), "other_id": u, "type": k,
              "evidence": len(e.get("evidence") or ()), "confidence": e.get("confidence")}
             for u, _, k, e in G.in_edges(node, keys=True, data=True)]
    rows.sort(key=lambda r: (r["type"], r["relationship"].casefold()))
    return rows


def mode_words(mode: str | None) -> str:
    """How a suggestion was found, in words.

    >>> mode_words("network")
    'from shared partners and events'
    """
    return MODE_WORDS.get(str(mode), "from what the graph holds")


def what_if_rows(G: nx.MultiDiGraph, result: dict) -> list[dict]:
    """A what-if result (:func:`~clusternet.graph.analytics.insights.what_if`) as before/after
    figures: countries, target markets covered, sectors, reach, countries reached."""
    b, a = result["before"], result["after"]
    covered = lambda r: len(r["targets"]) - len(r["targets_uncovered"])  # noqa: E731
    rows = [("members", b["members"], a["members"]),
            ("countries", len(b["countries"]), len(a["countries"])),
            (f"target markets covered (of {len(b['targets'])})", covered(b), covered(a)),
            ("sectors", len(b["sectors"]), len(a["sectors"])),
            ("organisations within one step (reach)", b["reach"], a["reach"]),
            ("countries reached through them", b["countries_reached"], a["countries_reached"])]
    return [{"figure": f, "now": int(x), "if they joined": int(y), "change": f"{int(y) - int(x):+d}"}
            for f, x, y in rows]


def readable_score(s) -> float | None:
    """A suggestion's 0-100 score when the scorer gives one (``score_100``, ``percent`` or
    ``points``), else None: a raw log-odds score is not shown to people.

    >>> class S: score = -3.2
    >>> readable_score(S()) is None
    True
    """
    for attr in ("score_100", "percent", "points"):
        v = getattr(s, attr, None)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 100:
            return float(v)
    return None


def _doc_title(G, doc: str) -> str:
    return humanise(str(G.nodes[doc].get("name") or "a document"), G) if doc in G else "a document"


def _evidence_text(G, reason) -> list[str]:
    """A reason's evidence in words: relationship sentences, quoted spans with their document."""
    from clusternet.graph.curation import decode_all

    out = [humanise(e, G) for e in reason.evidence or () if str(e).count("|") == 2]
    spans = decode_all([e for e in reason.evidence or () if str(e).startswith("{")])
    out += [f"\u201c{ev.text}\u201d ({_doc_title(G, ev.document)})" for ev in spans if ev.text]
    out += [f"source: {_doc_title(G, s)}" for s in reason.sources or () if s in G]
    return list(dict.fromkeys(out))


def shortlist_rows(G: nx.MultiDiGraph, suggestions) -> list[dict]:
    """Suggestions as rows a spreadsheet shows: rank, name, kind, country, how found, reasons
    and evidence in words (no ids)."""
    rows = []
    for i, s in enumerate(suggestions, 1):
        evidence = [t for r in s.reasons for t in _evidence_text(G, r)]
        row = {"rank": i, "name": humanise(str(s.name), G), "kind": s.label or "",
               "country": place_name(G, s.country) if s.country else "", "how found": s.basis or mode_words(s.mode),
               "reasons": "; ".join(humanise(r.text, G) for r in s.reasons),
               "evidence": "; ".join(list(dict.fromkeys(evidence))[:6])}
        score = readable_score(s)
        if score is not None:
            row["score"] = round(score, 1)
        rows.append(row)
    return rows


def xlsx_bytes(rows: list[dict], columns: list[str], sheet: str = "shortlist") -> bytes:
    """Rows as an XLSX workbook (one sheet, a bold header, formula-like cells kept as text).

    >>> from openpyxl import load_workbook
    >>> wb = load_workbook(io.BytesIO(xlsx_bytes([{"name": "=cmd", "n": 1}], ["name", "n"])))
    >>> [c.value for c in wb.active[2]]
    ["'=cmd", 1]
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([_xlsx_cell(r.get(c)) for c in columns])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_cell(v):
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    text = "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def brief_candidates(G: nx.MultiDiGraph, suggestions) -> list[dict]:
    """Picked suggestions as the brief's shortlist: name, country, score 0-100 (the scorer's
    readable score, else 100 * logistic of its score, as the brief's default shortlist does),
    reasons and evidence in words."""
    out = []
    for s in suggestions:
        score = readable_score(s)
        if score is None:
            score = 100.0 / (1.0 + math.exp(-max(min(float(s.score or 0.0), 50.0), -50.0)))
        evidence = [t for r in s.reasons for t in _evidence_text(G, r)]
        out.append({"name": s.name, "country": s.country, "score": round(score, 1),
                    "reasons": [r.text for r in s.reasons], "evidence": list(dict.fromkeys(evidence))[:3]})
    return out


# --- what the pages show, computed for them (reached through clusternet.api) ------------------

def _actor_labels() -> frozenset[str]:
    from clusternet.graph.schema import group

    return group("organisations")


def is_actor(data: Mapping[str, Any]) -> bool:
    """Whether a node's attributes are those of an actor (cluster, organisation, SME): what a
    strategy team counts, as opposed to reference data and documents.

    >>> is_actor({"label": "SME", "labels": ["Organisation", "SME"]}), is_actor({"label": "Country"})
    (True, False)
    """
    labels = set(data.get("labels") or ()) | {data.get("label")}
    return bool(labels & set(_actor_labels()))


def csv_bytes(rows: list[dict], columns: list[str] | None = None) -> bytes:
    """Rows as CSV a spreadsheet opens safely (lists joined, formula-like cells neutralised).

    >>> csv_bytes([{"name": "=cmd", "n": 1}], ["name", "n"]).decode().splitlines()
    ['name,n', "'=cmd,1"]
    """
    from clusternet.graph.render.export import rows_csv

    return rows_csv(rows, columns)


def overview_tables(G) -> dict:
    """Everything the overview shows, as small tables: counts by label and country, countries on
    the map, cross-border links, partnerships, the figures documents state, the documents read."""
    from clusternet.graph.analytics import overview
    from clusternet.graph.reference import geo

    return {"nodes": G.number_of_nodes(), "rels": G.number_of_edges(),
            "by_label": overview.counts_by_label(G), "by_country": overview.counts_by_country(G),
            "points": geo.country_points(G), "links": geo.cross_border_links(G),
            "partnerships": overview.partnerships(G), "facts": overview.stated_facts(G),
            "docs": overview.ingested(G)}


def network_map(G, *, labels=(), countries=(), groups=(), sectors=(), partnership=None, center=None,
                depth: int = 1, size_by: str = "degree", colour_by: str = "label", cap_mode: str = "top",
                max_nodes: int = DEFAULT_CAP, height: int = 640) -> tuple[str, str | None, list[str]]:
    """The interactive network map for these filters: (page HTML, a note on capping or None, the
    ids shown). Seeded layout: the same filters give the same page."""
    from clusternet.graph.render.viz import cap_graph, filter_graph, network_html

    H = filter_graph(G, labels=labels, countries=countries, groups=groups, sectors=sectors,
                     partnership=partnership, center=center, depth=depth)
    keep = [x for x in (center, partnership) if x]
    shown, message = cap_graph(H, max_nodes, mode=cap_mode, keep=keep)
    page = network_html(H, title="clusternet network", size_by=size_by, colour_by=colour_by,
                        max_nodes=max_nodes, cap_mode=cap_mode, keep=keep, height=height, heading=False,
                        profile_link="profile?id=")
    return page, message, [n for n in sorted(shown, key=str) if n in G]


def export_suffix(fmt: str) -> str:
    """The file suffix of an export format (``csv`` is a zip of nodes.csv and edges.csv).

    >>> export_suffix("csv"), export_suffix("gexf")
    ('.zip', '.gexf')
    """
    from clusternet.graph.render.export import suffix_of

    return suffix_of(fmt)
