"""One entity per real thing across documents: same name, or a shared non-acronym alias.

Acronyms alone never merge two entities (two "CSM"s stay apart). Ids of merged entities
are rewritten in relations and facts; the kept id is the one with the most evidence.
"""
from __future__ import annotations

from collections import defaultdict

from clusternet.ingest.extract.mentions import is_acronym
from clusternet.ingest.extract.resolve import norm
from clusternet.ingest.extract.types import Extraction

__all__ = ["link_across"]


def link_across(ex: Extraction) -> Extraction:
    keys: dict[str, list[str]] = defaultdict(list)
    by_id = {e.id: e for e in ex.entities}
    for e in ex.entities:
        if e.label == "Country":
            continue
        for n in {e.name, *e.aliases}:
            if n and not is_acronym(n) and len(norm(n)) > 3:
                keys[(e.label in ("Region",), norm(n))].append(e.id)
    parent: dict[str, str] = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for ids in keys.values():
        ids = sorted(set(ids), key=lambda i: (-len(by_id[i].evidence), i))
        for other in ids[1:]:
            a, b = find(ids[0]), find(other)
            if a != b:
                parent[b] = a
    if not parent:
        return ex
    remap = {i: find(i) for i in by_id if find(i) != i}
    for old, new in remap.items():
        keep, gone = by_id[new], by_id[old]
        keep.aliases = sorted(({*keep.aliases, gone.name, *gone.aliases}) - {keep.name})
        keep.evidence = sorted(set(keep.evidence) | set(gone.evidence), key=lambda v: (v.document, v.start or 0))
        keep.confidence = max(keep.confidence, gone.confidence)
        keep.country = keep.country or gone.country
    ex.entities = [e for e in ex.entities if e.id not in remap]
    rels = {}
    for r in ex.relations:
        r.source, r.target = remap.get(r.source, r.source), remap.get(r.target, r.target)
        if r.source == r.target:
            continue
        k = (r.source, r.type, r.target)
        if k in rels:
            rels[k].evidence = sorted(set(rels[k].evidence) | set(r.evidence), key=lambda v: (v.document, v.start or 0))
        else:
            rels[k] = r
    ex.relations = sorted(rels.values(), key=lambda r: (r.source, r.type, r.target))
    for f in ex.facts:
        f.subject = remap.get(f.subject, f.subject)
    return ex
