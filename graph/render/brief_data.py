"""The facts of a partnership brief, in words, read from a snapshot: who the members are,
which target markets and sectors they cover, who brokers around them, whom to invite.

Nothing here returns an internal id or a relationship code: every node is named, every
relationship type is said in words (``PARTNER_IN`` -> "partner in").

>>> relation_words("PARTNER_IN")
'partner in'
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("cluster:a", label="Cluster", name="Alpha", country="FR")
>>> humanise("cluster:a PARTNER_IN partnership:zz", G)
'Alpha partner in zz'
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.analytics.explain import node_name
from clusternet.graph.analytics.linkpred import org_topics, sector_words
from clusternet.graph.schema import load_schema

__all__ = ["Candidate", "Member", "TargetCover", "SectorCover", "Broker", "relation_words", "humanise",
           "members_of", "target_cover", "sector_cover", "brokers_around", "default_shortlist", "as_candidates",
           "programmes_of", "place_name", "code_of"]

BROKERS_SHOWN = 5


@dataclass(frozen=True)
class Candidate:
    """One shortlisted organisation: ``score`` 0-100, reasons and evidence in words;
    ``country`` a name (a code given by a caller is turned into its name)."""

    name: str
    country: str | None
    score: float
    reasons: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    country_code: str | None = None   # ISO alpha-2 when known (to mark it on the map)


@dataclass(frozen=True)
class Member:
    """A member of the partnership: name, country name, ``coordinator`` or ``partner``."""

    name: str
    country: str
    role: str


@dataclass(frozen=True)
class TargetCover:
    """A target market and the members and shortlisted candidates located there."""

    country: str
    members: tuple[str, ...]
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class SectorCover:
    """A sector and the members active in it."""

    sector: str
    members: tuple[str, ...]
    declared: bool = True   # a sector the partnership states (else one only its members have)


@dataclass(frozen=True)
class Broker:
    """An organisation bridging the members' neighbourhood (normalised betweenness)."""

    name: str
    country: str
    betweenness: float
    members_linked: int
    is_member: bool = field(default=False)


def relation_words(rel_type: str) -> str:
    """A relationship type as words a reader understands: the schema's ``phrase`` for it
    when the schema has one, else the type in lower case."""
    rel = load_schema().rels.get(str(rel_type))
    phrase = getattr(rel, "phrase", None)
    return str(phrase) if phrase else str(rel_type).lower().replace("_", " ")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    s = load_schema()
    prefixes = sorted({nt.id_prefix for nt in s.nodes.values() if nt.id_prefix}, key=len, reverse=True)
    ids = re.compile(r"\b(?:%s):[^\s,;|()\[\]]+" % "|".join(map(re.escape, prefixes)))
    rels = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(s.rel_types, key=len, reverse=True))))
    return ids, rels


def humanise(text: str, G) -> str:
    """Node ids in ``text`` replaced by names (the bare key if not in ``G``), relationship
    codes by words, ``a|TYPE|b`` keys by a sentence."""
    ids, rels = _patterns()
    out = re.sub(r"(\S+)\|([A-Z_]+)\|(\S+)", lambda m: f"{m[1]} {m[2]} {m[3]}", str(text))
    out = ids.sub(lambda m: node_name(G, m[0]) if m[0] in G else m[0].split(":", 1)[1], out)
    return rels.sub(lambda m: relation_words(m[0]), out)


def place_name(G, code: str | None) -> str:
    """A country's display name from a code (the text itself when it is not a known code)."""
    if not code:
        return "country not known"
    c = str(code).strip()
    node = G.nodes.get(f"country:{c.upper()}") if len(c) == 2 else None
    if node and node.get("name"):
        return str(node["name"])
    try:
        from clusternet.graph.reference.countries import country_name

        return country_name(c) if len(c) == 2 else c
    except NotFound:
        return c


def code_of(G, country: str | None) -> str | None:
    """ISO alpha-2 code of a code or a country name (as the graph or ISO 3166 writes it).

    >>> import networkx as nx
    >>> code_of(nx.MultiDiGraph(), "tn"), code_of(nx.MultiDiGraph(), "Tunisia"), code_of(nx.MultiDiGraph(), "Atlantis")
    ('TN', 'TN', None)
    """
    from clusternet.graph.reference.countries import country_codes, country_name

    c = str(country or "").strip()
    if len(c) == 2 and c.upper() in country_codes():
        return c.upper()
    for n, d in G.nodes(data=True):
        if d.get("label") == "Country" and str(d.get("name") or "").casefold() == c.casefold() and d.get("country"):
            return str(d["country"]).upper()
    return next((k for k in country_codes() if country_name(k).casefold() == c.casefold()), None) if c else None


def programmes_of(G, partnership: str) -> list[str]:
    """Names of the programmes or funders a partnership is funded by, sorted."""
    return sorted(node_name(G, t) for _, t, k in G.out_edges(partnership, keys=True) if k == "FUNDED_BY")


def members_of(G, partnership: str) -> list[Member]:
    """Members with their country and role (coordinator first, then by name)."""
    from clusternet.graph.analytics.suggest import partnership_members

    out = []
    for m in partnership_members(G, partnership):
        roles = {str((G.edges[m, partnership, k] or {}).get("role") or "") for k in ("PARTNER_IN",)
                 if G.has_edge(m, partnership, key=k)}
        coordinator = G.has_edge(m, partnership, key="COORDINATES") or "coordinator" in roles
        out.append(Member(node_name(G, m), place_name(G, G.nodes[m].get("country")),
                          "coordinator" if coordinator else "partner"))
    return sorted(out, key=lambda x: (x.role != "coordinator", x.name.casefold(), x.country))


def _targets(G, partnership: str) -> list[tuple[str, str]]:
    """(iso2, name) of the countries a partnership TARGETS, sorted by name."""
    rows = {(str(G.nodes[t].get("country") or t.split(":", 1)[-1]).upper(), place_name(G, G.nodes[t].get("country")))
            for _, t, k in G.out_edges(partnership, keys=True) if k == "TARGETS"}
    return sorted(rows, key=lambda r: r[1])


def target_cover(G, partnership: str, shortlist: list[Candidate]) -> list[TargetCover]:
    """Each target market with the members and shortlisted candidates located there."""
    from clusternet.graph.analytics.suggest import partnership_members

    ms = [(node_name(G, m), str(G.nodes[m].get("country") or "").upper()) for m in partnership_members(G, partnership)]
    out = []
    for code, name in _targets(G, partnership):
        here = {code, name.casefold()}
        out.append(TargetCover(name, tuple(sorted(n for n, c in ms if c == code)),
                               tuple(c.name for c in shortlist if str(c.country or "").strip().upper() in here
                                     or str(c.country or "").strip().casefold() in here)))
    return out


def _sector_names(G, node: str) -> list[str]:
    named = [str(s) for s in G.nodes[node].get("sectors") or []]
    named += [node_name(G, t) for _, t, k in G.out_edges(node, keys=True) if k == "ACTIVE_IN"]
    seen: dict[str, str] = {}
    for s in named:
        seen.setdefault(s.casefold(), s)
    return sorted(seen.values(), key=str.casefold)


def sector_cover(G, partnership: str) -> list[SectorCover]:
    """The partnership's sectors with the members active in each, then the members' other sectors."""
    from clusternet.graph.analytics.suggest import partnership_members

    members = partnership_members(G, partnership)
    topics = {m: set(org_topics(G, m)) for m in members}
    out = []
    declared = _sector_names(G, partnership)
    for s in declared:
        words = set(sector_words(s))
        out.append(SectorCover(s, tuple(sorted(node_name(G, m) for m in members if words & topics[m]))))
    done = {s.casefold() for s in declared}
    extra: dict[str, list[str]] = {}
    for m in members:
        for s in _sector_names(G, m):
            if s.casefold() not in done:
                extra.setdefault(s, []).append(node_name(G, m))
    out += [SectorCover(s, tuple(sorted(ns)), False) for s, ns in sorted(extra.items(), key=lambda x: x[0].casefold())]
    return out


def brokers_around(G, partnership: str, k: int = BROKERS_SHOWN) -> list[Broker]:
    """Organisations that bridge the members' neighbourhood: betweenness centrality in the
    collaboration network cut to the members and their direct partners."""
    from clusternet.graph.analytics.insights import collaboration_graph
    from clusternet.graph.analytics.suggest import partnership_members, prepare

    members = set(partnership_members(G, partnership))
    H = collaboration_graph(G, prepare(G))
    near = set(members) | {n for m in members if m in H for n in H[m]}
    S = H.subgraph(sorted(near))
    if S.number_of_edges() == 0:
        return []
    bc = nx.betweenness_centrality(S, normalized=True)
    top = [n for n in sorted(bc, key=lambda n: (-bc[n], str(n))) if bc[n] > 0][:k]
    return [Broker(node_name(G, n), place_name(G, G.nodes[n].get("country")), round(bc[n], 3),
                   len(members & set(S[n])), n in members) for n in top]


def as_candidates(items, G) -> list[Candidate]:
    """Caller's shortlist (Candidate objects or dicts) checked, its texts humanised."""
    out = []
    for i, it in enumerate(items):
        d = it if isinstance(it, dict) else getattr(it, "__dict__", {})
        name, score = d.get("name"), d.get("score")
        if not name or not str(name).strip():
            raise InputError("shortlist", f"candidate {i + 1} has no name")
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 100:
            raise InputError("shortlist", f"candidate {name!r}: score must be a number from 0 to 100, got {score!r}")
        reasons = d.get("reasons") or ()
        evidence = d.get("evidence") or ()
        reasons, evidence = ([reasons] if isinstance(reasons, str) else reasons), (
            [evidence] if isinstance(evidence, str) else evidence)
        out.append(Candidate(humanise(str(name), G), place_name(G, d.get("country")), float(score),
                             tuple(humanise(str(r), G) for r in reasons),
                             tuple(humanise(str(e), G) for e in evidence), code_of(G, d.get("country"))))
    return out


def _evidence_words(G, reason) -> list[str]:
    """A reason's relationship evidence as sentences, then its documents by name."""
    said = [humanise(e, G) for e in reason.evidence if e.count("|") == 2]
    docs = [f"source: {node_name(G, s)}" for s in reason.sources]
    return said[:2] + docs[:2]


def default_shortlist(G, partnership: str, k: int = 5) -> list[Candidate]:
    """The top ``k`` of :func:`~clusternet.graph.analytics.suggest.suggest_enlargement` (balanced
    objective) with their 0-100 match strength."""
    from clusternet.graph.analytics.suggest import suggest_enlargement

    out = []
    for s in suggest_enlargement(G, partnership, k=k):
        pct = s.score_100 if s.score_100 is not None else 100.0 / (1.0 + math.exp(-max(min(s.score, 50.0), -50.0)))
        ev = [e for r in s.reasons for e in _evidence_words(G, r)]
        out.append(Candidate(s.name, place_name(G, s.country), round(pct, 1), tuple(humanise(r.text, G) for r in s.reasons),
                             tuple(dict.fromkeys(ev))[:3], code_of(G, s.country)))
    return out
