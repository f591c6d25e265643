"""The saved queries of ``queries/*.cypher``, answered in Python over a store snapshot.

The embedded store has no Cypher engine, so each saved query names (``// embedded:``)
a function here that computes the same columns and rows from the NetworkX snapshot
(:meth:`GraphStore.snapshot`). Each function takes the graph and the query's parameters
(already typed) and returns ``(columns, rows)``, sorted exactly as the Cypher's
``ORDER BY`` sorts them (nulls last when ascending). ``tests/test_queries.py`` checks
that both give the same rows on the same graph. The Cypher semantics they share (null
ordering, ``toLower``, labels, named nodes) are in :mod:`clusternet.graph.query.cypherlike`.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("partnership:p", label="Partnership", labels=("Partnership",), name="P")
>>> G.add_node("cluster:a", label="Cluster", labels=("Cluster",), name="A", country="FR")
>>> G.add_edge("cluster:a", "partnership:p", key="PARTNER_IN", type="PARTNER_IN", role="partner")
'PARTNER_IN'
>>> cols, rows = partnership_partners(G, partnership="p")
>>> rows
[['P', 'cluster:a', 'A', 'Cluster', 'partner', 'FR', None]]
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

import networkx as nx

from clusternet.graph.query.cypherlike import (_asc, _countries_by_iso, _has, _in, _is_actor, _kind, _labels,
    _lower, _named, _nodes, _out, _to_integer)
from clusternet.graph.schema import LABEL, group as label_group

__all__ = ["FUNCTIONS", "partnership_partners", "target_country_candidates", "agreement_parties",
           "events_by_country_year", "brokers_between_groups", "shortest_path",
           "multi_partnership_organisations", "countries_without_sector_partner",
           "partnerships_by_programme", "organisations_by_country_group", "cross_border_pairs",
           "document_mentions", "low_confidence_facts", "sector_coverage"]

Table = tuple[list[str], list[list[Any]]]
FUNCTIONS: dict[str, Callable[..., Table]] = {}


def _register(fn):
    FUNCTIONS[fn.__name__] = fn
    return fn


# -- the saved queries -------------------------------------------------------------------
@_register
def partnership_partners(G, partnership: str) -> Table:
    """Partners of a partnership (by id, name or acronym): role, country, and the country's name.

    One row per partner and name of its country (a partner whose country has no Country
    node gets None), ordered by partnership, country, partner name.
    """
    cols = ["partnership", "partner_id", "partner", "kind", "role", "country", "country_name"]
    by_iso = _countries_by_iso(G)
    rows = []
    for p in _named(G, LABEL.Partnership, partnership, "acronym"):
        pa = G.nodes[p]
        for o in _in(G, p, "PARTNER_IN"):
            oa = G.nodes[o]
            role = G.edges[o, p, "PARTNER_IN"].get("role")
            names = [G.nodes[c].get("name") for c in by_iso.get(oa.get("country"), [])] or [None]
            for cname in names:
                rows.append([pa.get("name"), o, oa.get("name"), _kind(oa), role, oa.get("country"), cname])
    rows.sort(key=lambda r: (_asc(r[0]), _asc(r[5]), _asc(r[2]), _asc(r[1])))
    return cols, rows


@_register
def target_country_candidates(G, partnership: str, include_organisations: bool = False) -> Table:
    """Clusters (and, if asked, organisations) in a partnership's target countries that are not yet its partners.

    A candidate is in a target country by its ``country`` code or a LOCATED_IN link; each
    row lists the sectors it shares with the partnership. Ordered by partnership, country,
    candidate name.
    """
    cols = ["partnership", "country", "country_name", "candidate_id", "candidate", "kind", "shared_sectors"]
    seen, rows = set(), []
    for p in _named(G, LABEL.Partnership, partnership, "acronym"):
        pa = G.nodes[p]
        p_sectors = list(pa.get("sectors") or [])
        partners = set(_in(G, p, "PARTNER_IN"))
        for t in _out(G, p, "TARGETS"):
            ta = G.nodes[t]
            if not _has(ta, LABEL.Country):
                continue
            for c, ca in G.nodes(data=True):
                if not (_has(ca, LABEL.Cluster) or (include_organisations and _has(ca, LABEL.Organisation))):
                    continue
                located = ca.get("country") is not None and ca.get("country") == ta.get("iso2")
                if not (located or t in _out(G, c, "LOCATED_IN")) or c in partners:
                    continue
                shared = [s for s in (ca.get("sectors") or []) if s in p_sectors]
                row = [pa.get("name"), ta.get("iso2"), ta.get("name"), c, ca.get("name"), _kind(ca), shared]
                key = repr(row)
                if key not in seen:
                    seen.add(key)
                    rows.append(row)
    rows.sort(key=lambda r: (_asc(r[0]), _asc(r[1]), _asc(r[4]), _asc(r[3])))
    return cols, rows


@_register
def agreement_parties(G, name_contains: str = "") -> Table:
    """Parties to each agreement whose name contains ``name_contains`` (any case; all if empty)."""
    cols = ["agreement_id", "agreement", "agreement_kind", "signed_date", "party_id", "party",
            "party_kind", "party_country"]
    needle = name_contains.lower()
    rows = []
    for a, aa in _nodes(G, LABEL.Agreement):
        if _lower(aa.get("name")) is None or needle not in aa["name"].lower():
            continue
        for x in _in(G, a, "PARTY_TO"):
            xa = G.nodes[x]
            rows.append([a, aa.get("name"), aa.get("kind"), aa.get("signed_date"), x, xa.get("name"),
                         _kind(xa), xa.get("country")])
    rows.sort(key=lambda r: (_asc(r[1]), _asc(r[0]), _asc(r[5]), _asc(r[4])))
    return cols, rows


@_register
def events_by_country_year(G, country: str = "", from_year: int = 1990, to_year: int = 2100) -> Table:
    """Number of events and distinct participants per country and start year within ``from_year``-``to_year``.

    Events without a readable start year are left out; ``country`` (ISO2, any case) keeps
    one country only.
    """
    cols = ["country", "year", "events", "participants"]
    groups: dict[tuple, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for e, ea in _nodes(G, LABEL.Event):
        start = ea.get("start_date")
        year = _to_integer(start[:4]) if isinstance(start, str) else None
        if year is None or not from_year <= year <= to_year:
            continue
        if country and ea.get("country") != country.upper():
            continue
        events, people = groups[(ea.get("country"), year)]
        events.add(e)
        people.update(_in(G, e, "PARTICIPATED_IN"))
    rows = [[c, y, len(ev), len(pp)] for (c, y), (ev, pp) in groups.items()]
    rows.sort(key=lambda r: (_asc(r[0]), _asc(r[1])))
    return cols, rows


def _co_partners(G) -> dict[str, set[str]]:
    co: dict[str, set[str]] = defaultdict(set)
    for p, _ in _nodes(G, LABEL.Partnership):
        members = set(_in(G, p, "PARTNER_IN"))
        for a in members:
            co[a] |= members - {a}
    return co


@_register
def brokers_between_groups(G, group_a: str = "EU27", group_b: str = "South-Med", min_contacts: int = 1) -> Table:
    """Organisations with at least ``min_contacts`` co-partners in each of two country groups, most contacts first.

    Co-partners are organisations that are PARTNER_IN a same partnership; a contact's group
    comes from the ``groups`` of its country's Country node.
    """
    cols = ["broker_id", "broker", "kind", "country", "contacts_a", "contacts_b", "contacts"]
    groups_of: dict[str, set[str]] = defaultdict(set)
    for iso, nodes in _countries_by_iso(G).items():
        for c in nodes:
            groups_of[iso].update(G.nodes[c].get("groups") or [])
    rows = []
    for a, contacts in _co_partners(G).items():
        ga = [b for b in contacts if group_a in groups_of.get(G.nodes[b].get("country"), ())]
        gb = [b for b in contacts if group_b in groups_of.get(G.nodes[b].get("country"), ())]
        if len(ga) >= min_contacts and len(gb) >= min_contacts:
            aa = G.nodes[a]
            rows.append([a, aa.get("name"), _kind(aa), aa.get("country"), len(ga), len(gb), len(ga) + len(gb)])
    rows.sort(key=lambda r: (-r[6], _asc(r[1]), _asc(r[0])))
    return cols, rows


MAX_HOPS = 8


@_register
def shortest_path(G, source: str, target: str, through_hubs: bool = False, limit: int = 10) -> Table:
    """Shortest paths between two nodes (each given by id, or by name in any case), at most ``limit``.

    Paths never pass through documents, and through countries, regions or sectors only
    with ``through_hubs``; paths longer than :data:`MAX_HOPS` are dropped. Each row gives the
    hops, the names joined by arrows, and the ids.
    """
    cols = ["hops", "path", "path_ids"]
    ends_a = [n for n, a in G.nodes(data=True) if n == source or _lower(a.get("name")) == _lower(source)]
    ends_b = [n for n, a in G.nodes(data=True) if n == target or _lower(a.get("name")) == _lower(target)]
    rows = []
    for a in ends_a:
        for b in ends_b:
            if a == b:
                continue

            def allowed(n, a=a, b=b):
                """Whether node ``n`` may lie on a path: an end, or neither a document nor (unless allowed) a hub."""
                attrs = G.nodes[n]
                return n in (a, b) or (not _has(attrs, LABEL.Document) and
                                       (through_hubs or label_group("hubs").isdisjoint(_labels(attrs))))

            H = nx.subgraph_view(G, filter_node=allowed).to_undirected(as_view=True)
            try:
                paths = list(nx.all_shortest_paths(H, a, b))
            except nx.NetworkXNoPath:
                continue
            for path in paths:
                if len(path) - 1 > MAX_HOPS:
                    continue
                names = [G.nodes[n].get("name") for n in path]
                rows.append([len(path) - 1, " → ".join(names), list(path), "".join(i + "|" for i in path)])
    rows.sort(key=lambda r: (r[1], r[3]))
    return cols, [r[:3] for r in rows[:max(limit, 0)]]


@_register
def multi_partnership_organisations(G, min_partnerships: int = 2) -> Table:
    """Organisations that are PARTNER_IN at least ``min_partnerships`` partnerships, most first."""
    cols = ["id", "name", "kind", "country", "partnerships", "partnership_names"]
    rows = []
    for o, oa in G.nodes(data=True):
        ps = [p for p in _out(G, o, "PARTNER_IN") if _has(G.nodes[p], LABEL.Partnership)]
        if not ps or len(ps) < min_partnerships:
            continue
        ps.sort(key=lambda p: (_asc(G.nodes[p].get("name")), p))
        rows.append([o, oa.get("name"), _kind(oa), oa.get("country"), len(ps),
                     [G.nodes[p].get("name") for p in ps]])
    rows.sort(key=lambda r: (-r[4], _asc(r[1]), _asc(r[0])))
    return cols, rows


@_register
def countries_without_sector_partner(G, sector: str, group: str = "") -> Table:
    """Countries (of ``group`` if given) where no actor of the sector takes part in any partnership.

    Each row counts the sector's actors located in that country; most actors first.
    """
    cols = ["sector", "country", "country_name", "actors_in_sector"]
    rows = []
    for s in _named(G, LABEL.Sector, sector):
        active = [o for o in _in(G, s, "ACTIVE_IN") if _is_actor(G.nodes[o])]
        for c, ca in _nodes(G, LABEL.Country):
            if group and group not in (ca.get("groups") or []):
                continue
            actors = [o for o in active if G.nodes[o].get("country") is not None
                      and G.nodes[o].get("country") == ca.get("iso2")]
            if any(_has(G.nodes[p], LABEL.Partnership) for o in actors for p in _out(G, o, "PARTNER_IN")):
                continue
            rows.append([G.nodes[s].get("name"), ca.get("iso2"), ca.get("name"), len(set(actors))])
    rows.sort(key=lambda r: (-r[3], _asc(r[1])))
    return cols, rows


@_register
def partnerships_by_programme(G, programme: str = "") -> Table:
    """Programmes (one, by id, name or code; or all) with the partnerships they fund and their distinct partners."""
    cols = ["programme_id", "programme", "partnerships", "partnership_names", "organisations"]
    chosen = [g for g, _ in _nodes(G, LABEL.Programme)] if not programme else \
        _named(G, LABEL.Programme, programme, "code")
    rows = []
    for g in chosen:
        ps = [p for p in _in(G, g, "FUNDED_BY") if _has(G.nodes[p], LABEL.Partnership)]
        if not ps:
            continue
        ps.sort(key=lambda p: (_asc(G.nodes[p].get("name")), p))
        orgs = {o for p in ps for o in _in(G, p, "PARTNER_IN")}
        rows.append([g, G.nodes[g].get("name"), len(ps), [G.nodes[p].get("name") for p in ps], len(orgs)])
    rows.sort(key=lambda r: (-r[2], _asc(r[1]), _asc(r[0])))
    return cols, rows


@_register
def organisations_by_country_group(G, group: str = "South-Med", kind: str = "") -> Table:
    """Clusters and organisations located in the countries of ``group`` (optionally only
    those of label ``kind``), with the number of partnerships each is PARTNER_IN."""
    cols = ["country", "country_name", "id", "name", "kind", "partnerships"]
    rows = []
    for c, ca in _nodes(G, LABEL.Country):
        if group not in (ca.get("groups") or []):
            continue
        for o, oa in G.nodes(data=True):
            if oa.get("country") is None or oa.get("country") != ca.get("iso2") or not _is_actor(oa):
                continue
            if kind and not _has(oa, kind):
                continue
            k = sum(1 for p in _out(G, o, "PARTNER_IN") if _has(G.nodes[p], LABEL.Partnership))
            rows.append([ca.get("iso2"), ca.get("name"), o, oa.get("name"), _kind(oa), k])
    rows.sort(key=lambda r: (_asc(r[0]), _asc(r[3]), _asc(r[2])))
    return cols, rows


@_register
def cross_border_pairs(G, partnership: str) -> Table:
    """Pairs of a partnership's partners from two different countries, and whether they are linked directly."""
    cols = ["partnership", "a_id", "org_a", "country_a", "b_id", "org_b", "country_b", "direct_link"]
    rows = []
    for p in _named(G, LABEL.Partnership, partnership, "acronym"):
        members = sorted(set(_in(G, p, "PARTNER_IN")))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ca, cb = G.nodes[a].get("country"), G.nodes[b].get("country")
                if ca is None or cb is None or ca == cb:
                    continue
                linked = G.has_edge(a, b) or G.has_edge(b, a)
                rows.append([G.nodes[p].get("name"), a, G.nodes[a].get("name"), ca, b, G.nodes[b].get("name"),
                             cb, linked])
    rows.sort(key=lambda r: (_asc(r[0]), _asc(r[3]), _asc(r[6]), _asc(r[2]), _asc(r[5]), r[1], r[4]))
    return cols, rows


@_register
def document_mentions(G, document: str = "", label: str = "") -> Table:
    """Entities each document (one by id or name, or all) MENTIONS, optionally of one label."""
    cols = ["document_id", "document", "kind", "entity_id", "entity"]
    docs = [d for d, _ in _nodes(G, LABEL.Document)] if not document else _named(G, LABEL.Document, document)
    rows = []
    for d in docs:
        for e in _out(G, d, "MENTIONS"):
            ea = G.nodes[e]
            if label and not _has(ea, label):
                continue
            rows.append([d, G.nodes[d].get("name"), _kind(ea), e, ea.get("name")])
    rows.sort(key=lambda r: (_asc(r[1]), _asc(r[0]), _asc(r[2]), _asc(r[4]), _asc(r[3])))
    return cols, rows


@_register
def low_confidence_facts(G, threshold: float = 0.6, limit: int = 500) -> Table:
    """Nodes and relationships whose confidence is below ``threshold``, least confident first, at most ``limit``."""
    cols = ["fact", "id", "type", "name", "confidence", "sources"]
    rows = []
    for n, a in G.nodes(data=True):
        if a.get("confidence") is not None and a["confidence"] < threshold:
            rows.append(["node", n, _kind(a), a.get("name"), a["confidence"], list(a.get("sources") or [])])
    for u, v, k, a in G.edges(keys=True, data=True):
        if a.get("confidence") is not None and a["confidence"] < threshold:
            name = f"{G.nodes[u].get('name')} → {G.nodes[v].get('name')}"
            rows.append(["relationship", f"{u}|{k}|{v}", k, name, a["confidence"], list(a.get("sources") or [])])
    rows.sort(key=lambda r: (r[4], r[1]))
    return cols, rows[:max(limit, 0)]


@_register
def sector_coverage(G, partnership: str) -> Table:
    """Per sector, how many of a partnership's partners are ACTIVE_IN it and from how many countries.

    Sectors no partner covers appear only if the partnership itself is ACTIVE_IN them
    (``partnership_sector`` True). Most partners first.
    """
    cols = ["partnership", "sector", "partnership_sector", "partners", "countries"]
    rows = []
    for p in _named(G, LABEL.Partnership, partnership, "acronym"):
        partners = _in(G, p, "PARTNER_IN")
        own = set(_out(G, p, "ACTIVE_IN"))
        for s, sa in _nodes(G, LABEL.Sector):
            covering = {o for o in partners if s in _out(G, o, "ACTIVE_IN")}
            countries = {G.nodes[o].get("country") for o in covering} - {None}
            if covering or s in own:
                rows.append([G.nodes[p].get("name"), sa.get("name"), s in own, len(covering), len(countries)])
    rows.sort(key=lambda r: (_asc(r[0]), -r[3], _asc(r[1])))
    return cols, rows
