"""Document -> entities, relations and facts with evidence; documents -> one merged extraction.

>>> from clusternet.ingest.sources.readers import document_from_text
>>> doc = document_from_text("The Olive Cluster (Tunisia) joined the partners.", name="n.txt")
>>> ex = extract_text(doc)
>>> [(e.id, e.country) for e in ex.entities]
[('cluster:olive-cluster-tn', 'TN'), ('sector:olive', None), ('country:TN', 'TN')]
>>> ex.entities[0].evidence[0].text == doc.text[ex.entities[0].evidence[0].start:ex.entities[0].evidence[0].end]
True
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from clusternet.graph.ids import country_id, make_id
from clusternet.graph.model import Evidence
from clusternet.graph.store.gcpause import no_cycle_gc
from clusternet.ingest.sources.readers import DocumentText, Limits, read_document
from clusternet.ingest.resolve.normalise import sector_ecosystems
from clusternet.ingest.extract.candidates import Proposal, propose
from clusternet.ingest.extract.decide import decide, load_model
from clusternet.ingest.extract.lexicon import country_name
from clusternet.ingest.extract.types import DocInfo, Entity, Extraction, Fact, Relation

__all__ = ["extract_text", "extract_documents", "extract_paths", "merge_extractions", "CHUNK_CHARS"]

CHUNK_CHARS = 200_000   # long texts are read in paragraph-aligned chunks of about this size
MAX_EVIDENCE = 12       # spans kept per entity and document


def _chunks(text: str):
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n\n", pos + CHUNK_CHARS // 2, end)
            end = cut + 2 if cut > 0 else end
        yield pos, text[pos:end]
        pos = end


def _ev(doc: DocumentText, s: int, e: int) -> Evidence:
    return Evidence(doc.id, s, e, doc.text[s:e])


# The learned decisions (decide.py, model.json) decide by default: what the shipped model's
# info["decides"] names, the relation types among the rules' entities (2026-12-06: 118 unread
# written pages, relation F1 0.544 with the rules alone; see docs/extraction.md for the figures).
LEARNED_BY_DEFAULT = True


def extract_text(doc: DocumentText, model=None) -> Extraction:
    """Entities, relations and facts of one document (ids stable, evidence into ``doc.text``).

    ``model``: the decision model (:mod:`.decide`, e.g. ``decide.load_model()``); ``False``
    lets the rules alone decide; ``None`` is the default (:data:`LEARNED_BY_DEFAULT`).
    """
    with no_cycle_gc():     # extraction's many small objects hold no cycles: collector sweeps only cost time
        return _extract_text(doc, model)


def _extract_text(doc: DocumentText, model=None) -> Extraction:
    if model is None:
        model = load_model() if LEARNED_BY_DEFAULT else False
    ex = Extraction(documents=[DocInfo(doc.id, doc.name, doc.sha256, doc.chars, doc.source, doc.media_type,
                                       list(doc.warnings), doc.language)], texts={doc.id: doc.text})
    folded: dict[tuple, list] = {}     # each relation emitted so far: [record, its evidence strictly ordered]
    for offset, part in _chunks(doc.text):
        whole = offset == 0 and len(part) == len(doc.text)
        p = decide(propose(part, doc.tables if whole else ()), model or None)
        _emit(doc, offset, p, ex, folded)
    _ensure_countries(doc, ex)
    return merge_extractions([ex])


def _emit(doc: DocumentText, offset: int, p: Proposal, ex: Extraction, folded: dict) -> None:
    """The decided entities, relations and facts of one part, as contract records; a relation
    already emitted is folded into its first record as :func:`merge_extractions` folds it."""
    places = dict(p.places)
    for sec in p.sectors:
        places[sec.key] = sec
    idmap = _to_entities(doc, offset, p.ents, places, ex)
    for r in p.rels + p.sector_rels:
        src = idmap.get(id(r.source))
        dst = r.target if isinstance(r.target, str) else idmap.get(id(r.target))
        if src and dst and src != dst:
            _fold_relation(doc, offset, r, (src, r.type, dst), ex, folded)
    for f in p.facts:
        subj = idmap.get(id(f.subject)) if f.subject is not None else None
        if subj:
            ex.facts.append(Fact(subj, f.measure, f.country, f.value, f.unit, f.conf,
                                 [_ev(doc, offset + f.start, offset + f.end)]))


def _fold_relation(doc: DocumentText, offset: int, r, key: tuple, ex: Extraction, folded: dict) -> None:
    """Emit relation ``r`` or fold it into the record of ``key`` as :func:`_merge_relation` would:
    a span that sorts after an ordered evidence list is appended while there is room, else cut
    (no record is built for it); any other goes through the merge."""
    start = offset + r.start
    cur = folded.get(key)
    if cur is None:
        rel = Relation(key[0], key[1], key[2], dict(r.props), r.conf, [_ev(doc, start, offset + r.end)])
        ex.relations.append(rel)
        folded[key] = [rel, True]
        return
    rel, ordered = cur
    end = offset + r.end
    after = ordered and (doc.id, start or 0) > _ev_key(rel.evidence[-1])
    if after or ordered and any(v.start == start and v.end == end for v in rel.evidence):
        rel.confidence = max(rel.confidence, r.conf)     # (a span kept already: the union is the same list)
        if after and len(rel.evidence) < MAX_EVIDENCE:
            rel.evidence.append(_ev(doc, start, end))
        return
    cur[1] = _merge_relation(rel, Relation(key[0], key[1], key[2], {}, r.conf, [_ev(doc, start, end)]), ordered)


def _to_entities(doc, offset, ents, places, ex) -> dict[int, str]:
    idmap: dict[int, str] = {}
    for e in list(ents) + list(places.values()):
        if e.label == "Country":
            eid = country_id(e.country)
        else:
            eid = make_id(e.label, e.name, e.country if e.label != "Region" else None)
        idmap[id(e)] = eid
        spans = sorted({(m.start, m.end) for m in e.mentions})[:MAX_EVIDENCE]
        ev = [_ev(doc, offset + s, offset + t) for s, t in spans]
        props = {k: v for k, v in e.props.items() if k in ("date", "place")}
        if e.label == "Sector":
            props["ecosystems"] = sector_ecosystems(e.name)
        ex.entities.append(Entity(eid, e.label, e.name, sorted(e.aliases), e.country,
                                  e.region if e.label not in ("Region", "Country") else None, props,
                                  e.confidence, ev))
    return idmap


def _ensure_countries(doc: DocumentText, ex: Extraction) -> None:
    """A country that an entity or relation points at is an entity too (with that evidence)."""
    have = {e.id for e in ex.entities}
    need: dict[str, Evidence] = {}
    for r in ex.relations:
        if r.target.startswith("country:") and r.target not in have:
            need.setdefault(r.target, r.evidence[0])
    for e in ex.entities:
        if e.country and e.label != "Country" and country_id(e.country) not in have and e.evidence:
            need.setdefault(country_id(e.country), e.evidence[0])
    for cid, ev in sorted(need.items()):
        code = cid.split(":")[1]
        ex.entities.append(Entity(cid, "Country", country_name(code), [], code, None, {}, 0.6, [ev]))


def _merge_evidence(a: list[Evidence], b: list[Evidence]) -> list[Evidence]:
    """Both lists' spans, sorted, at most MAX_EVIDENCE per document (long texts repeat names a lot)."""
    per_doc: dict[str, int] = {}
    out = []
    for ev in sorted(set(a) | set(b), key=_ev_key):
        n = per_doc.get(ev.document, 0)
        if n < MAX_EVIDENCE:
            per_doc[ev.document] = n + 1
            out.append(ev)
    return out


def _ev_key(v: Evidence) -> tuple:
    """How evidence spans are ordered: by document, then start, then end, place and text, so that
    two spans at one start (a table cell and its row) keep one order whatever the set's.

    >>> _ev_key(Evidence("d", 5, 9, "Alfa")) < _ev_key(Evidence("d", 5, 12, "Alfa Oy"))
    True
    """
    return (v.document, v.start or 0, v.end or 0, str(getattr(v, "loc", None) or ""), v.text or "")


def _ordered(kept: list[Evidence]) -> bool:
    """Whether ``kept``'s spans are in strictly increasing order (no ties to re-sort)."""
    keys = [_ev_key(v) for v in kept]
    return all(a < b for a, b in zip(keys, keys[1:]))


def _merge_relation(cur: Relation, r: Relation, ordered: bool) -> bool:
    """Fold a repeated relation into the kept one: evidence (at most MAX_EVIDENCE) and confidence.

    ``ordered``: the kept evidence is known strictly ordered, so spans that all sort after it, in
    order, are appended (what sorting the union would give) and, once it is full, cut away.
    Returns that state for the evidence kept now."""
    cur.confidence = max(cur.confidence, r.confidence)
    if ordered and cur.evidence and r.evidence and _ordered(r.evidence) \
            and _ev_key(r.evidence[0]) > _ev_key(cur.evidence[-1]):
        if len(cur.evidence) < MAX_EVIDENCE:
            cur.evidence = (cur.evidence + r.evidence)[:MAX_EVIDENCE]
        return True
    cur.evidence = sorted(set(cur.evidence) | set(r.evidence), key=_ev_key)[:MAX_EVIDENCE]
    return _ordered(cur.evidence)


def merge_extractions(parts: Iterable[Extraction]) -> Extraction:
    """One extraction: same id -> one entity (aliases, evidence and confidence combined)."""
    out = Extraction()
    ents: dict[str, Entity] = {}
    rels: dict[tuple, Relation] = {}
    doc_ids: set[str] = set()
    seen: set[tuple] = set()    # the facts kept so far, by subject, measure, country, value and start
    ordered: set[tuple] = set()     # relations whose kept evidence is strictly ordered
    for ex in parts:
        for d in ex.documents:
            if d.id not in doc_ids:
                out.documents.append(d)
                doc_ids.add(d.id)
        out.texts.update(ex.texts)
        for e in ex.entities:
            cur = ents.get(e.id)
            if cur is None:
                ents[e.id] = Entity(e.id, e.label, e.name, list(e.aliases), e.country, e.region, dict(e.props),
                                    e.confidence, list(e.evidence))
                continue
            cur.aliases = sorted(set(cur.aliases) | set(e.aliases) - {cur.name})
            cur.evidence = _merge_evidence(cur.evidence, e.evidence)
            cur.confidence = max(cur.confidence, e.confidence)
            cur.region = cur.region or e.region
            for k, v in e.props.items():
                cur.props.setdefault(k, v)
        for r in ex.relations:
            key = (r.source, r.type, r.target)
            cur = rels.get(key)
            if cur is None:
                rels[key] = Relation(r.source, r.type, r.target, dict(r.props), r.confidence, list(r.evidence))
                if r.evidence and _ordered(r.evidence):
                    ordered.add(key)
            elif _merge_relation(cur, r, key in ordered):
                ordered.add(key)
            else:
                ordered.discard(key)
        for f in ex.facts:
            k = (f.subject, f.measure, f.country, f.value, f.evidence[0].start if f.evidence else None)
            if k not in seen:
                out.facts.append(f)
                seen.add(k)
    out.entities = sorted(ents.values(), key=lambda e: (e.label == "Country", e.id))
    out.relations = sorted(rels.values(), key=lambda r: (r.source, r.type, r.target))
    return out


def extract_paths(paths: Iterable[str | Path], limits: Limits | None = None, progress=None) -> Extraction:
    """Read and extract each file, then merge entities across documents (typed result)."""
    from clusternet.ingest.extract.crossdoc import link_across

    parts = []
    for p in paths:
        parts.append(extract_text(read_document(p, limits)))
        if progress:
            progress(p)
    return link_across(merge_extractions(parts))


def extract_documents(paths: Iterable[str | Path], limits: Limits | None = None) -> dict:
    """The extraction contract (``documents``, ``entities``, ``relations``, ``facts``) for files."""
    return extract_paths(paths, limits).as_dict()
