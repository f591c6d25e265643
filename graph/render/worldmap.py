"""A map of the network with country outlines: actors per country shaded, cross-border links
as arcs between country centres, and a chosen partnership's member countries outlined and
its target markets hatched. Self-contained SVG (no fonts, scripts or images fetched), the
same bytes for the same input.

Input is a graph snapshot (:func:`map_data`) or plain per-country figures
(:func:`map_data_from_counts`); :func:`render_svg` draws either.

>>> svg = render_svg(map_data_from_counts({"FR": 3, "MA": 1}, links=[("FR", "MA", 2)]))
>>> svg.startswith("<svg") and svg.count('class="link"') == 1
True
>>> 'data-iso="FR"' in svg and "<title>France: 3 actors</title>" in svg
True
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from clusternet.graph.errors import InputError, NotFound
from clusternet.graph.reference.geo import centroid, cross_border_links
from clusternet.graph.schema import group
from clusternet.graph.analytics.overview import counts_by_country
from clusternet.graph.render.legend import legend_svg
from clusternet.graph.render.palette import (BORDER, EMPTY, LINK_STROKE, MARK_FILL, MEMBER_STROKE, PALETTE,
    SEA, TARGET_STROKE, link_width)
from clusternet.graph.render.projection import Frame, frame_for, path_data, ring_bounds
from clusternet.graph.render.svgtext import attr, text
from clusternet.graph.render.topo import outline_names, outlines

__all__ = ["MapData", "map_data", "map_data_from_counts", "render_svg", "world_map_svg", "map_html", "placeable", "crop",
           "bins"]



@dataclass(frozen=True)
class MapData:
    """What the map shows, in ISO alpha-2 codes (already checked)."""

    counts: dict[str, int]
    links: tuple[tuple[str, str, int], ...] = ()
    members: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)
    legend: str = "actors per country"
    unit: str = "actor"
    notes: tuple[str, ...] = ()
    marks: tuple[tuple[str, str], ...] = ()   # (iso2, what the mark stands for), e.g. candidates
    mark_label: str = ""


def _country_label(code: str, names: dict[str, str]) -> str:
    if code in names:
        return names[code]
    try:
        from clusternet.graph.reference.countries import country_name

        return country_name(code)
    except NotFound:
        return outline_names().get(code, code)


def placeable(code: object) -> bool:
    """Whether the map can draw a country code (a shape or at least a centre).

    >>> placeable("fr"), placeable("MT"), placeable("ZZ")
    (True, True, False)
    """
    c = str(code or "").strip().upper()
    return c in outlines() or centroid(c) is not None


def _check_code(code: object, what: str) -> str:
    """An ISO alpha-2 code the map can place, upper case; :class:`InputError` otherwise."""
    c = str(code or "").strip().upper()
    if not placeable(c):
        raise InputError(what, f"{code!r} is not a country code the map knows (ISO 3166-1 alpha-2)")
    return c


def map_data_from_counts(counts: dict[str, int], links=(), members=(), targets=(), *,
                         legend: str = "actors per country", unit: str = "actor",
                         names: dict[str, str] | None = None, marks=(), mark_label: str = "") -> MapData:
    """Map data from plain figures: ``counts`` iso2 -> number, ``links`` (iso2, iso2, number),
    ``marks`` (iso2, text) drawn as diamonds and named ``mark_label`` in the legend.

    >>> map_data_from_counts({"fr": 2}).counts
    {'FR': 2}
    >>> try:
    ...     map_data_from_counts({"ZZ": 1})
    ... except InputError as err:
    ...     print(err)
    counts: 'ZZ' is not a country code the map knows (ISO 3166-1 alpha-2)
    """
    clean: dict[str, int] = {}
    for code, n in counts.items():
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InputError("counts", f"{code!r}: expected a whole number of {unit}s, got {n!r}")
        c = _check_code(code, "counts")
        clean[c] = clean.get(c, 0) + n
    edges = []
    for row in links:
        if len(row) != 3 or isinstance(row[2], bool) or not isinstance(row[2], int) or row[2] < 1:
            raise InputError("links", f"expected (country, country, number of links), got {row!r}")
        a, b = sorted((_check_code(row[0], "links"), _check_code(row[1], "links")))
        edges.append((a, b, row[2]))
    return MapData(dict(sorted(clean.items())), tuple(sorted(edges)),
                   frozenset(_check_code(c, "members") for c in members),
                   frozenset(_check_code(c, "targets") for c in targets), dict(names or {}), legend, unit,
                   marks=tuple(sorted((_check_code(c, "marks"), str(t)) for c, t in marks)), mark_label=mark_label)


def _partnership_countries(G, partnership: str) -> tuple[set[str], set[str]]:
    from clusternet.graph.analytics.suggest import partnership_members

    members = {G.nodes[m].get("country") for m in partnership_members(G, partnership)} - {None, ""}
    targets = {G.nodes[t].get("country") or t.split(":", 1)[-1]
               for _, t, k in G.out_edges(partnership, keys=True) if k == "TARGETS"}
    return members, targets


def _n(count: int, unit: str) -> str:
    """'1 actor', '3 actors'."""
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _unplaced_notes(G, rows: list[dict], members: set[str], targets: set[str]) -> list[str]:
    """What the map leaves out, said under it: nothing is dropped without a word."""
    notes = []
    lost = [r for r in rows if not placeable(r["country"])]
    if lost:
        codes = ", ".join(sorted(r["country"] for r in lost)[:5])
        notes.append(f"{_n(sum(r['actors'] for r in lost), 'actor')} in places the map cannot draw ({codes}): not shown")
    nowhere = sum(1 for _, d in G.nodes(data=True)
                  if not d.get("country") and group("organisations") & set(d.get("labels") or (d.get("label"),)))
    if nowhere:
        notes.append(f"{_n(nowhere, 'actor')} with no country recorded: not on the map")
    odd = sorted(c for c in members | targets if not placeable(c))
    if odd:
        notes.append(f"member or target places the map cannot draw: {', '.join(odd)}")
    return notes


def map_data(G, partnership: str | None = None) -> MapData:
    """Map data from a snapshot: actors per country, cross-border links and, when a
    partnership id is given, its member countries and target markets.

    What cannot be placed (unknown codes, actors with no country) is said in notes under the map.
    """
    rows = counts_by_country(G)
    names = {str(d.get("country")): str(d["name"]) for _, d in G.nodes(data=True)
             if d.get("label") == "Country" and d.get("country") and d.get("name")}
    members, targets = _partnership_countries(G, partnership) if partnership else (set(), set())
    links = [(r["source"], r["target"], int(r["links"])) for r in cross_border_links(G)
             if placeable(r["source"]) and placeable(r["target"])]
    data = map_data_from_counts({r["country"]: r["actors"] for r in rows if placeable(r["country"])}, links,
                                [c for c in members if placeable(c)], [c for c in targets if placeable(c)],
                                names=names)
    notes = _unplaced_notes(G, rows, members, targets)
    return MapData(data.counts, data.links, data.members, data.targets, names, notes=tuple(notes))


def bins(top: int) -> list[tuple[int, int]]:
    """Classes of counts up to ``top``: 1, 2-3, 4-7, ... doubling, at most len(PALETTE).

    >>> bins(1), bins(5), bins(100)
    ([(1, 1)], [(1, 1), (2, 3), (4, 7)], [(1, 1), (2, 3), (4, 7), (8, 15), (16, 31), (32, 100)])
    """
    out, lo = [], 1
    while lo <= top and len(out) < len(PALETTE):
        hi = top if len(out) == len(PALETTE) - 1 else 2 * lo - 1
        out.append((lo, hi))
        lo = hi + 1
    return out


def _fill(n: int, classes: list[tuple[int, int]]) -> str:
    for i, (lo, hi) in enumerate(classes):
        if lo <= n <= hi:
            return PALETTE[i]
    return EMPTY


def _frame(data: MapData, width: float, aspect: float | None) -> Frame:
    codes = set(data.counts) | data.members | data.targets | {c for a, b, _ in data.links for c in (a, b)}
    codes |= {c for c, _ in data.marks}
    return frame_for(sorted(p for p in (centroid(c) or _outline_centre(c) for c in codes) if p), width, aspect)


def crop(data: MapData, bounds: tuple[float, float, float, float]) -> MapData:
    """``data`` cut to a (lon0, lon1, lat0, lat1) window: links leaving it are dropped and the
    countries left outside are named in a note.

    >>> d = crop(map_data_from_counts({"FR": 2, "CA": 1}, links=[("CA", "FR", 1)]), (-25, 45, 27, 71))
    >>> d.links, d.notes
    ((), ('outside this view: Canada (1 actor)',))
    """
    lon0, lon1, lat0, lat1 = bounds

    def inside(c):
        lat, lon = _where(c)
        return lon0 <= lon <= lon1 and lat0 <= lat <= lat1

    out = sorted(c for c in set(data.counts) | data.members | data.targets if not inside(c))
    said = [f"{_country_label(c, data.names)} ({data.counts.get(c, 0)} {data.unit}"
            f"{'s' if data.counts.get(c, 0) != 1 else ''})" for c in out]
    notes = data.notes + ((f"outside this view: {', '.join(said)}",) if said else ())
    return replace(data, links=tuple(r for r in data.links if inside(r[0]) and inside(r[1])), notes=notes,
                   marks=tuple(m for m in data.marks if inside(m[0])))


def _outline_centre(code: str) -> tuple[float, float] | None:
    """(lat, lon) of the middle of a country's largest ring, for codes with no centroid row."""
    polys = outlines().get(code)
    if not polys:
        return None
    b = ring_bounds(max((p[0] for p in polys), key=len))
    return ((b[2] + b[3]) / 2, (b[0] + b[1]) / 2)


def _where(code: str) -> tuple[float, float] | None:
    return centroid(code) or _outline_centre(code)


def _title(code: str, data: MapData) -> str:
    n = data.counts.get(code, 0)
    bits = [f"{_country_label(code, data.names)}: {n} {data.unit}{'s' if n != 1 else ''}"]
    bits += ["member country"] if code in data.members else []
    bits += ["target market"] if code in data.targets else []
    return "; ".join(bits)


def fill_of_hatch(pid: str) -> str:
    """The hatch pattern of ``pid``'s map, or no fill when the writer has no patterns."""
    return f"url(#{pid}-hatch)" if pid else "none"


def _overlay(code: str, d: str, data: MapData, pid: str) -> tuple[list[str], list[str]]:
    """Target hatching and member outlines, drawn over every fill (so a neighbour cannot
    paint over them), member outlines last (a member in a target market keeps its red line)."""
    tip = f"<title>{text(_title(code, data))}</title>"
    member = [f'<path class="member" data-iso="{attr(code)}" d="{d}" fill="none" stroke="{MEMBER_STROKE}" '
              f'stroke-width="2.2">{tip}</path>'] if code in data.members else []
    target = [f'<path class="target" data-iso="{attr(code)}" d="{d}" fill="{fill_of_hatch(pid)}" '
              f'stroke="{TARGET_STROKE}" stroke-width="1.6" stroke-dasharray="5 3">{tip}</path>'] \
        if code in data.targets else []
    return target, member


def _dot(frame: Frame, code: str, data: MapData, classes) -> str:
    """A country too small for the outline file (Malta, Andorra, ...): a dot at its centre."""
    lat, lon = _where(code)
    x, y = frame.project(lon, lat)
    ring = ' stroke="#555555"'
    if code in data.members:
        ring = f' stroke="{MEMBER_STROKE}" stroke-width="1.8"'
    elif code in data.targets:
        ring = f' stroke="{TARGET_STROKE}" stroke-width="1.8" stroke-dasharray="2 1"'
    return (f'<circle class="country small" data-iso="{attr(code)}" cx="{x:.1f}" cy="{y:.1f}" r="4.5" '
            f'fill="{_fill(data.counts.get(code, 0), classes)}"{ring}><title>{text(_title(code, data))}</title></circle>')


def diamond(x: float, y: float, r: float = 6.0) -> str:
    """Path data of a diamond centred on (x, y).

    >>> diamond(10, 10, 2)
    'M10.0 8.0L12.0 10.0L10.0 12.0L8.0 10.0Z'
    """
    return f"M{x:.1f} {y - r:.1f}L{x + r:.1f} {y:.1f}L{x:.1f} {y + r:.1f}L{x - r:.1f} {y:.1f}Z"


def _marks(frame: Frame, data: MapData) -> list[str]:
    """A diamond a little south-east of each marked country's centre, its meaning as tooltip."""
    out = []
    for code, what in sorted(data.marks):
        where = _where(code)
        if not where:
            continue
        x, y = frame.project(where[1], where[0])
        out.append(f'<path class="mark" data-iso="{attr(code)}" d="{diamond(x + 9, y + 9)}" fill="{MARK_FILL}" '
                   f'stroke="#ffffff" stroke-width="1.2"><title>{text(_country_label(code, data.names))}: '
                   f"{text(what)}</title></path>")
    return out


def _countries(frame: Frame, data: MapData, classes, pid: str) -> list[str]:
    """One path per country with a shape in the frame, then the outlines, then the dots."""
    out, targets, members = [], [], []
    for code, polys in outlines().items():
        rings = [r for poly in polys if frame.overlaps(ring_bounds(poly[0])) for r in poly]
        if not rings:
            continue
        d = path_data(frame, rings)
        if not d:
            continue        # its box touched the frame, its shape does not
        out.append(f'<path class="country" data-iso="{attr(code)}" d="{d}" fill="{_fill(data.counts.get(code, 0), classes)}">'
                   f"<title>{text(_title(code, data))}</title></path>")
        target, member = _overlay(code, d, data, pid)
        targets += target
        members += member
    dots = [_dot(frame, code, data, classes)
            for code in sorted((set(data.counts) | data.members | data.targets) - set(outlines()))]
    return out + targets + members + dots


def _arcs(frame: Frame, data: MapData) -> list[str]:
    """Cross-border links as curved arcs between centres, bowed to the left of a -> b."""
    top = max((n for _, _, n in data.links), default=1)
    out = []
    for a, b, n in data.links:
        pa, pb = _where(a), _where(b)
        if not pa or not pb:
            continue
        (x1, y1), (x2, y2) = frame.project(pa[1], pa[0]), frame.project(pb[1], pb[0])
        cx, cy = (x1 + x2) / 2 - (y2 - y1) * 0.18, (y1 + y2) / 2 + (x2 - x1) * 0.18
        label = f"{_country_label(a, data.names)} – {_country_label(b, data.names)}: {n} link{'s' if n != 1 else ''}"
        out.append(f'<path class="link" d="M{x1:.1f} {y1:.1f}Q{cx:.1f} {cy:.1f} {x2:.1f} {y2:.1f}" fill="none" '
                   f'stroke="{LINK_STROKE}" stroke-opacity="0.55" stroke-linecap="round" '
                   f'stroke-width="{link_width(n, top)}"><title>{text(label)}</title></path>')
    return out


def render_svg(data: MapData, *, width: float = 960.0, standalone: bool = True, id_prefix: str = "cnmap",
               title: str = "", legend: bool = True, hatch: bool = True, aspect: float | None = None,
               bounds: tuple[float, float, float, float] | None = None) -> str:
    """The map as SVG text.

    ``standalone=False`` leaves out the XML namespace (for inline HTML); ``legend=False``
    draws the map alone and ``hatch=False`` marks target markets by their dashed outline
    only (for PDF writers that know no SVG patterns and draw their own legend); ``aspect``
    widens the frame to that height / width; ``bounds`` (lon0, lon1, lat0, lat1) fixes the
    window instead of fitting it (e.g. :data:`~.projection.DEFAULT_BOUNDS`, Europe and the
    Mediterranean), and what falls outside is named under the map.
    """
    if bounds:
        data = crop(data, bounds)
        frame = Frame(*bounds, width=width)
    else:
        frame = _frame(data, width, aspect)
    classes = bins(max(data.counts.values(), default=0))
    pid = "".join(ch for ch in id_prefix if ch.isalnum() or ch in "-_") or "cnmap"
    w, h = frame.width, frame.height
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    key, band = legend_svg(data, classes, y=h, width=w, pid=pid) if legend else ("", 0.0)
    head = (f'<svg{ns} class="clusternet-map" viewBox="0 0 {w:.0f} {h + band:.0f}" '
            f'width="{w:.0f}" height="{h + band:.0f}" font-family="Helvetica, Arial, sans-serif" role="img">')
    pattern = (f'<pattern id="{pid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
               f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="{TARGET_STROKE}" '
               'stroke-width="2"/></pattern>') if hatch else ""
    defs = f'<defs><clipPath id="{pid}-clip"><rect width="{w:.1f}" height="{h:.1f}"/></clipPath>{pattern}</defs>'
    parts = [head, f"<title>{text(title or 'clusternet map: ' + data.legend)}</title>", defs,
             f'<rect width="{w:.1f}" height="{h:.1f}" fill="{SEA}"/>',
             f'<g clip-path="url(#{pid}-clip)" stroke="{BORDER}" stroke-width="0.6" stroke-linejoin="round">',
             *_countries(frame, data, classes, pid if hatch else ""), "</g>",
             f'<g clip-path="url(#{pid}-clip)">', *_arcs(frame, data), *_marks(frame, data), "</g>", key, "</svg>"]
    return "".join(parts)


def world_map_svg(G, partnership: str | None = None, *, marks=(), mark_label: str = "", **kwargs) -> str:
    """:func:`render_svg` of :func:`map_data` of a snapshot (``partnership``: its id), with
    ``marks`` (ISO codes) drawn as diamonds named ``mark_label`` in the legend."""
    data = map_data(G, partnership)
    codes = sorted({str(c).upper() for c in marks if placeable(c)})
    if codes:
        data = replace(data, marks=tuple((c, mark_label) for c in codes), mark_label=mark_label)
    return render_svg(data, **kwargs)


def map_html(svg: str, title: str = "clusternet map") -> str:
    """A one-file HTML page around an inline SVG map (nothing fetched from anywhere)."""
    body = svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{text(title)}</title><style>body{{margin:16px;font-family:Helvetica,Arial,sans-serif}}"
            "svg{max-width:100%;height:auto}</style></head>"
            f"<body><h1 style=\"font-size:18px\">{text(title)}</h1>{body}</body></html>\n")
