"""Entity resolution: one node per real thing, across files and with what the store holds.

Rules, strongest first (see docs/ingest.md):

1. the same id, or an id a past merge recorded as an alias, is the same node;
2. the same external key (``pic``, ``project_ref``) is the same node; two different keys
   are never merged automatically;
3. the same folded name or alias (case, accents, legal form ignored) of the same kind of
   thing is the same node unless both sides give different countries;
4. an acronym matches a long name (its initials, or a listed alias) only when both sides
   give the same country: two different organisations sharing an acronym stay two;
5. similar names (rapidfuzz, compared only within blocks of country + the first four letters) in
   the same country above ``AUTO`` merge; between ``CANDIDATE`` and ``AUTO`` they become
   candidate merges for ``clusternet dedupe``.

>>> from clusternet.graph.model import Node
>>> a = Node("org:european-foundation-for-cluster-excellence-be", ("Organisation",),
...          {"name": "European Foundation for Cluster Excellence", "country": "BE"})
>>> b = Node("org:efce-be", ("Organisation",), {"name": "EFCE", "country": "BE"})
>>> c = Node("org:efce-fr", ("Organisation",), {"name": "EFCE", "country": "FR"})
>>> r = resolve([a, b, c], [])
>>> sorted(n.id for n in r.nodes)
['org:efce-fr', 'org:european-foundation-for-cluster-excellence-be']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from rapidfuzz import fuzz

from clusternet.graph.errors import Problem
from clusternet.graph.ids import make_id
from clusternet.graph.model import Node, Rel
from clusternet.graph.store.base import merge_props, list_props
from clusternet.graph.schema import LABEL, group, load_schema
from clusternet.ingest.resolve.nameindex import STRONG_KEYS, NameIndex, _View, family
from clusternet.ingest.resolve.normalise import initials, is_acronym, name_key

__all__ = ["Candidate", "Resolution", "NameIndex", "resolve", "candidate_key", "AUTO", "CANDIDATE"]

AUTO = 95.0
CANDIDATE = 86.0


def _matchable(label: str) -> bool:
    """Whether nodes of ``label`` are matched by name (not Country, Sector, Document)."""
    nt = load_schema().nodes.get(label)
    return nt is None or nt.matchable


def _actor_families() -> tuple[str, ...]:
    """The families of the organisation-like labels: a reference to one of them may be
    any of them (a 'partner' named in a list may be a cluster or an organisation)."""
    return tuple(sorted({family(lab) for lab in group("organisations")}))


def candidate_key(a: str, b: str) -> str:
    """The meta key of a candidate merge (ids sorted).

    >>> candidate_key("org:b", "org:a")
    'dedupe:org:a|org:b'
    """
    x, y = sorted((a, b))
    return f"dedupe:{x}|{y}"


@dataclass
class Candidate:
    """Two nodes that may be one, with the evidence for it."""

    a: str
    b: str
    score: float
    evidence: list[str]

    @property
    def key(self) -> str:
        """The meta key under which this candidate merge is recorded (see :func:`candidate_key`)."""
        return candidate_key(self.a, self.b)

    def as_dict(self) -> dict:
        """The candidate as stored for review: ids, score (one decimal), evidence, status ``open``."""
        return {"a": self.a, "b": self.b, "score": round(self.score, 1), "evidence": self.evidence,
                "status": "open"}


@dataclass
class Resolution:
    nodes: list[Node]
    rels: list[Rel]
    candidates: list[Candidate] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _countries_agree(a: str | None, b: str | None, strict: bool) -> bool:
    if a and b:
        return a == b
    return not strict


def _match(idx: NameIndex, fam: str, props: dict, own_id: str | None, cands: list[Candidate],
           families: tuple[str, ...] | None = None) -> tuple[str | None, list[str]]:
    """The id ``props`` resolves to (or None) and ambiguous alternatives.

    Tried in turn: an external key, the exact name keys, acronyms and initials, then a
    fuzzy name within the same block; near misses become candidate merges in ``cands``.
    """
    fams = families or (fam,)
    strong = {k: str(props[k]) for k in STRONG_KEYS if props.get(k)}
    for k, v in strong.items():
        for f in fams:
            hit = idx.by_strong.get((f, k, v))
            if hit:
                return hit, []
    view = idx.views[bool(strong)]
    if not strong:
        idx.ensure(fams)
    if not view.families & set(fams):
        return None, []  # nothing this record could match by name
    country = props.get("country")
    names = [props["name"]] + [a for a in props.get("aliases", []) if a and ":" not in a]
    keys = [name_key(n) for n in names]

    def ok(eid: str) -> bool:
        """Whether entry ``eid`` may be matched: not the record itself, and no conflicting external key."""
        e = idx.by_id[eid]
        if eid == own_id:
            return False
        if strong and e.strong and any(e.strong.get(k) not in (None, v) for k, v in strong.items()):
            return False  # two different registrations are two organisations
        return True
    found = _match_name_keys(idx, view, fams, keys, country, ok)
    if found is not None:
        return found
    found = _match_acronyms(idx, view, fams, names, country, own_id, ok, cands)
    if found is not None:
        return found
    return _fuzzy_match(idx, view, fams, props, keys, country, own_id, bool(strong), ok, cands)


def _match_name_keys(idx: NameIndex, view: _View, fams, keys: list[str], country: str | None,
                     ok: Callable[[str], bool]) -> tuple[str | None, list[str]] | None:
    """Entries with one of the name ``keys`` and no conflicting country: the single hit,
    the single hit in ``country``, or (None, the hits) if ambiguous; None if no hit."""
    hits: set[str] = set()
    for f in fams:
        for k in keys:
            hits |= {e for e in view.by_key.get((f, k), ()) if ok(e)
                     and _countries_agree(country, idx.by_id[e].country, strict=False)}
    if len(hits) == 1:
        return hits.pop(), []
    if len(hits) > 1:
        same = [h for h in hits if idx.by_id[h].country == country] if country else []
        return (same[0], []) if len(same) == 1 else (None, sorted(hits))
    return None


def _match_acronyms(idx: NameIndex, view: _View, fams, names: list[str], country: str | None,
                    own_id: str | None, ok: Callable[[str], bool],
                    cands: list[Candidate]) -> tuple[str, list[str]] | None:
    """The one entry an acronym (or a long name's initials) points to in an agreeing
    country; other such entries become candidate merges of ``own_id``. None if no match."""
    acr_hits: set[str] = set()
    for f in fams:
        for n in names:
            if is_acronym(n):  # an acronym: other acronyms, and long names with these initials
                acr_hits |= view.by_acronym.get((f, n.upper()), set()) | view.by_initials.get((f, n.upper()), set())
            elif " " in name_key(n):  # a long name: entries whose name is its acronym
                acr_hits |= view.by_acronym.get((f, initials(n)), set())
    acr_hits = {e for e in acr_hits if ok(e)} if len(acr_hits) <= 20 else set()
    if acr_hits:
        agree = [e for e in acr_hits if _countries_agree(country, idx.by_id[e].country, strict=True)]
        if len(agree) == 1 and len(acr_hits) == 1:
            return agree[0], []
        for e in sorted(acr_hits):
            # an acronym shared across two given countries is two things: no candidate
            if own_id and e != own_id and _countries_agree(country, idx.by_id[e].country, strict=False):
                cands.append(Candidate(own_id, e, 80.0, [f"acronym {names[0]!r} ~ {idx.by_id[e].name!r}",
                                                         f"countries {country or '?'} / {idx.by_id[e].country or '?'}"]))
    return None


def _fuzzy_match(idx: NameIndex, view: _View, fams, props: dict, keys: list[str], country: str | None,
                 own_id: str | None, keyed: bool, ok: Callable[[str], bool],
                 cands: list[Candidate]) -> tuple[str | None, list[str]]:
    """The closest name in the record's block (same family, country and name start):
    a match at :data:`AUTO` or above when the country is known, a candidate merge at
    :data:`CANDIDATE` or above, else no match."""
    best, best_score = None, 0.0
    for f in fams:
        for k in keys:
            for eid in view.blocks.get((f, country, k.split(" ")[0][:4]), ()):
                e = idx.by_id[eid]
                if not ok(eid) or (keyed and e.strong):
                    continue
                score = max(fuzz.token_sort_ratio(k, ek) for ek in e.keys)
                if score > best_score:
                    best, best_score = eid, score
    if best and best_score >= AUTO and country:
        return best, []
    if best and best_score >= CANDIDATE and own_id:
        cands.append(Candidate(own_id, best, best_score, [f"names {props['name']!r} ~ {idx.by_id[best].name!r} "
                                                          f"({best_score:.0f}/100)", f"country {country or '?'}"]))
    return None, []


def resolve(nodes: Iterable[Node], rels: Iterable[Rel], store=None, *, refs: Iterable = (),
            index: NameIndex | None = None) -> Resolution:
    """Rewrite ids so each real thing is one node; references (``Ref``) become nodes or
    point at existing ones. Returns the records, candidate merges and problems
    (relationships with nothing to rewrite are returned as given, not copied)."""
    schema = load_schema()
    nodes, refs = list(nodes), list(refs)
    labels = {n.label for n in nodes} | {lab for r in refs for lab in r.labels}
    resolvable = [lab for lab in labels if _matchable(lab) and family(lab) == lab]
    idx = index or NameIndex.from_store(store, resolvable)
    lists = list_props(schema)
    renamed: dict[str, str] = {}
    out: dict[str, Node] = {}
    cands: list[Candidate] = []
    problems: list[Problem] = []
    for n in nodes:
        _resolve_node(idx, n, out, renamed, cands, lists)
    for ref in refs:
        _resolve_ref(idx, schema, ref, out, renamed, cands, problems)
    new_rels = _rewrite_rels(rels, renamed, idx.alias_id)
    uniq = {}
    for c in cands:
        a, b = renamed.get(c.a, c.a), renamed.get(c.b, c.b)
        if a != b:
            uniq.setdefault(candidate_key(a, b), Candidate(*sorted((a, b)), c.score, c.evidence))
    return Resolution(list(out.values()), new_rels, [uniq[k] for k in sorted(uniq)], renamed, problems)


def _resolve_node(idx: NameIndex, n: Node, out: dict[str, Node], renamed: dict[str, str],
                  cands: list[Candidate], lists: frozenset[str]) -> None:
    """Put node ``n`` into ``out`` under the id it resolves to, merging it with a record
    already there; a stored node keeps its name and this spelling becomes an alias."""
    target = idx.alias_id.get(n.id) or (n.id if n.id in idx.known else None)
    if target is None and n.props.get("name") and _matchable(n.label):
        target, _ = _match(idx, family(n.label), n.props, n.id, cands)
    nid = target or n.id
    if nid != n.id:
        renamed[n.id] = nid
    if nid in out:
        old = out[nid]
        props = merge_props(old.props, {k: v for k, v in n.props.items() if k != "name"}, lists)
        if n.props.get("name") and n.props["name"] != old.props.get("name"):
            props["aliases"] = list(dict.fromkeys(props.get("aliases", []) + [n.props["name"]]))
        out[nid] = Node(nid, tuple(dict.fromkeys(old.labels + n.labels)), props,
                        old.evidence + n.evidence[: max(0, 10 - len(old.evidence))],
                        max(old.confidence, n.confidence))
        return
    props = dict(n.props)
    if nid != n.id and nid in idx.known:
        # matched a stored node: its name stays, this spelling becomes an alias
        name, props["name"] = props.get("name"), idx.known[nid]
        if name and name != props["name"]:
            props["aliases"] = list(dict.fromkeys(props.get("aliases", []) + [name]))
    out[nid] = Node(nid, n.labels, props, list(n.evidence), n.confidence)
    if nid not in idx.known:
        idx.add(out[nid])


def _resolve_ref(idx: NameIndex, schema, ref, out: dict[str, Node], renamed: dict[str, str],
                 cands: list[Candidate], problems: list[Problem]) -> None:
    """Point reference ``ref`` at the node its name matches, or at a new node made from
    it; an ambiguous name becomes a problem and is left unresolved."""
    fams = tuple(dict.fromkeys(family(lab) for lab in ref.labels if lab != LABEL.Country))
    actors = _actor_families()
    if any(f in actors for f in fams):
        fams = tuple(dict.fromkeys(fams + actors))
    props = {"name": ref.name, **({"country": ref.country} if ref.country else {})}
    hit, ambiguous = _match(idx, fams[0], props, None, cands, fams)
    if ambiguous:
        problems.append(Problem(f"{ref.name!r} could mean {' or '.join(ambiguous[:3])}; "
                                "add a country or label, e.g. 'Name (FR)'", value=ref.name,
                                record=ref.id))
        return
    if hit is None:
        label = ref.labels[0]
        hit = make_id(label, ref.name, ref.country)
        if hit not in out:
            out[hit] = Node(hit, schema.node(label).all_labels, props, list(ref.evidence), 1.0)
            if hit not in idx.known:
                idx.add(out[hit])
    renamed[ref.id] = hit


def _rewrite_rels(rels: Iterable[Rel], renamed: dict[str, str], aliases: dict[str, str]) -> list[Rel]:
    """Relationships with their ends renamed (self-loops dropped); those with nothing to
    rewrite are kept as they are, not copied."""
    new_rels = []
    for r in rels:
        s, t = renamed.get(r.source, r.source), renamed.get(r.target, r.target)
        if aliases:
            s, t = aliases.get(s, s), aliases.get(t, t)
        if s == t:
            continue
        if s == r.source and t == r.target:
            new_rels.append(r)  # nothing to rewrite: no copy (a big file has hundreds of thousands)
        else:
            new_rels.append(Rel(s, r.type, t, dict(r.props), list(r.evidence), r.confidence))
    return new_rels
