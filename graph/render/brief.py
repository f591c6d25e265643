"""A one-page partnership brief for strategy teams: HTML that prints on A4, and a PDF.

It shows the partnership's name and programme, its members on a map, which target markets
and sectors the members cover, the brokers around them and a shortlist of organisations to
invite, each with reasons and evidence. Internal ids and relationship codes never appear.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("partnership:p", label="Partnership", name="Blue Med")
>>> G.add_node("country:MA", label="Country", name="Morocco", country="MA")
>>> G.add_node("cluster:a", label="Cluster", name="Alpha", country="FR")
>>> _ = G.add_edge("cluster:a", "partnership:p", key="PARTNER_IN", type="PARTNER_IN")
>>> _ = G.add_edge("partnership:p", "country:MA", key="TARGETS", type="TARGETS")
>>> b = partnership_brief(G, "partnership:p", shortlist=[])
>>> "Blue Med" in b.html and "Alpha" in b.html and "Morocco" in b.html
True
>>> b.pdf_bytes()[:5]
b'%PDF-'
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from clusternet.graph.analytics.explain import node_name
from clusternet.graph.render.brief_data import (Broker, Candidate, Member, SectorCover, TargetCover,
    as_candidates, brokers_around, default_shortlist, humanise, members_of, programmes_of, sector_cover,
    target_cover)
from clusternet.graph.render.palette import BRIEF_MAP_ASPECT as MAP_ASPECT, BRIEF_MAP_WIDTH as MAP_WIDTH
from clusternet.graph.render.worldmap import MapData, map_data_from_counts, placeable, render_svg

__all__ = ["Brief", "partnership_brief", "brief_map"]


@dataclass(frozen=True)
class Brief:
    """A rendered brief: the facts, the map (inline SVG) and the page (``html``)."""

    name: str
    subtitle: str
    members: tuple[Member, ...]
    targets: tuple[TargetCover, ...]
    sectors: tuple[SectorCover, ...]
    brokers: tuple[Broker, ...]
    shortlist: tuple[Candidate, ...]
    map: MapData
    map_svg: str
    html: str

    def pdf_bytes(self) -> bytes:
        """The brief as an A4 PDF (fpdf2; the map drawn as vectors)."""
        from clusternet.graph.render.brief_pdf import brief_pdf

        return brief_pdf(self)


def brief_map(G, partnership: str, shortlist: list[Candidate] = ()) -> MapData:
    """Members per country, member countries outlined, target markets hatched, the
    shortlisted candidates' countries marked."""
    from clusternet.graph.analytics.suggest import partnership_members

    counts: dict[str, int] = {}
    nowhere = 0
    for m in partnership_members(G, partnership):
        c = str(G.nodes[m].get("country") or "").upper()
        if c:
            counts[c] = counts.get(c, 0) + 1
        else:
            nowhere += 1
    targets = {str(G.nodes[t].get("country") or t.split(":", 1)[-1]).upper()
               for _, t, k in G.out_edges(partnership, keys=True) if k == "TARGETS"}
    names = {str(d.get("country")): str(d["name"]) for _, d in G.nodes(data=True)
             if d.get("label") == "Country" and d.get("country") and d.get("name")}
    lost = sorted(c for c in set(counts) | targets if not placeable(c))
    counts = {c: n for c, n in counts.items() if placeable(c)}
    picked: dict[str, list[str]] = {}
    for c in shortlist:
        if c.country_code and placeable(c.country_code):
            picked.setdefault(c.country_code, []).append(c.name)
    d = map_data_from_counts(counts, (), counts, [c for c in targets if placeable(c)],
                             legend="members per country", unit="member", names=names,
                             marks=[(c, "shortlisted: " + ", ".join(ns)) for c, ns in picked.items()],
                             mark_label="shortlisted candidate")
    notes = (f"not on the map (no known country shape): {', '.join(lost)}",) if lost else ()
    if nowhere:
        notes += (f"{nowhere} member{'s' if nowhere != 1 else ''} with no country recorded: not on the map",)
    return replace(d, notes=notes)


def _subtitle(G, partnership: str) -> str:
    d = G.nodes[partnership]
    bits = [str(d["kind"])] if d.get("kind") else []
    progs = programmes_of(G, partnership)
    bits += [f"programme: {', '.join(progs)}"] if progs else ["programme: not recorded"]
    if d.get("start_date") or d.get("end_date"):
        bits.append(f"{d.get('start_date') or '?'} to {d.get('end_date') or '?'}")
    return " · ".join(humanise(b, G) for b in bits)


def partnership_brief(G, partnership_id: str, shortlist=None) -> Brief:
    """The brief of one partnership.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A store snapshot.
    partnership_id : str
        Id of a Partnership node.
    shortlist : list of Candidate or dict, optional
        Candidates (name, country, score 0-100, reasons, evidence) chosen by the caller;
        by default the top five of :func:`~clusternet.graph.suggest.suggest_enlargement`.

    Raises
    ------
    NotFound, InputError
        Unknown id, a node that is not a Partnership, or a malformed shortlist.
    """
    from clusternet.graph.render.brief_html import brief_html

    members = members_of(G, partnership_id)         # checks the id first
    picks = default_shortlist(G, partnership_id) if shortlist is None else as_candidates(shortlist, G)
    name = node_name(G, partnership_id)
    acronym = G.nodes[partnership_id].get("acronym")
    title = humanise(f"{name} ({acronym})" if acronym and acronym != name else name, G)
    data = brief_map(G, partnership_id, picks)
    svg = render_svg(data, width=MAP_WIDTH, aspect=MAP_ASPECT, standalone=False, id_prefix="briefmap",
                     title=f"Where the members of {title} are")
    parts = dict(name=title, subtitle=_subtitle(G, partnership_id), members=tuple(members),
                 targets=tuple(target_cover(G, partnership_id, picks)), sectors=tuple(sector_cover(G, partnership_id)),
                 brokers=tuple(brokers_around(G, partnership_id)), shortlist=tuple(picks), map=data, map_svg=svg)
    return Brief(**parts, html=brief_html(parts))

