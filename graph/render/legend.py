"""The legend band drawn under the world map, in words: the shading classes, the arc widths,
and (when a partnership is shown) what the member and target outlines mean.

>>> from clusternet.graph.render.worldmap import map_data_from_counts, bins
>>> d = map_data_from_counts({"FR": 5}, members=["FR"], targets=["MA"])
>>> svg, height = legend_svg(d, bins(5), y=0, width=900, pid="m")
>>> "actors per country" in svg and "member country" in svg and "target market" in svg
True
"""
from __future__ import annotations

from clusternet.graph.render.palette import (EMPTY, LINK_STROKE, MARK_FILL, MEMBER_STROKE, PALETTE,
    TARGET_STROKE, link_width)
from clusternet.graph.render.svgtext import text

__all__ = ["legend_svg", "class_label"]


def class_label(lo: int, hi: int) -> str:
    """'1', '2–3' or '32–100'.

    >>> class_label(1, 1), class_label(2, 3)
    ('1', '2–3')
    """
    return str(lo) if lo == hi else f"{lo}–{hi}"


def _swatches(data, classes, x: float, y: float) -> tuple[list[str], float]:
    out = [f'<text x="{x:.1f}" y="{y + 14:.1f}" font-size="12" font-weight="bold">{text(data.legend)}</text>']
    items = [(EMPTY, "none")] + [(PALETTE[i], class_label(lo, hi)) for i, (lo, hi) in enumerate(classes)]
    for colour, label in items:
        out.append(f'<rect x="{x:.1f}" y="{y + 22:.1f}" width="16" height="12" fill="{colour}" stroke="#999999" '
                   f'stroke-width="0.5"/><text x="{x + 20:.1f}" y="{y + 32:.1f}" font-size="11">{text(label)}</text>')
        x += 30 + 7 * len(label)
    return out, x


def _link_key(data, x: float, y: float) -> tuple[list[str], float]:
    if not data.links:
        return [], x
    top = max(n for _, _, n in data.links)
    out = [f'<text x="{x:.1f}" y="{y + 14:.1f}" font-size="12" font-weight="bold">cross-border links</text>']
    for n in sorted({1, top}):
        out.append(f'<line x1="{x:.1f}" y1="{y + 28:.1f}" x2="{x + 30:.1f}" y2="{y + 28:.1f}" stroke="{LINK_STROKE}" '
                   f'stroke-opacity="0.55" stroke-linecap="round" stroke-width="{link_width(n, top)}"/>'
                   f'<text x="{x + 36:.1f}" y="{y + 32:.1f}" font-size="11">{n} link{"s" if n != 1 else ""}</text>')
        x += 90
    return out, x + 10


def _partnership_key(data, x: float, y: float, pid: str) -> list[str]:
    out = []
    if data.members:
        out.append(f'<rect x="{x:.1f}" y="{y + 4:.1f}" width="16" height="12" fill="none" stroke="{MEMBER_STROKE}" '
                   f'stroke-width="2.2"/><text x="{x + 22:.1f}" y="{y + 14:.1f}" font-size="11">'
                   "member country (red outline)</text>")
    if data.targets:
        out.append(f'<rect x="{x:.1f}" y="{y + 22:.1f}" width="16" height="12" fill="url(#{pid}-hatch)" '
                   f'stroke="{TARGET_STROKE}" stroke-width="1.6" stroke-dasharray="5 3"/>'
                   f'<text x="{x + 22:.1f}" y="{y + 32:.1f}" font-size="11">'
                   "target market (hatched, dashed orange outline)</text>")
    if data.marks and data.mark_label:
        mx = x + 200
        out.append(f'<path d="M{mx + 8:.1f} {y + 3:.1f}l6 6l-6 6l-6 -6Z" fill="{MARK_FILL}"/>'
                   f'<text x="{mx + 22:.1f}" y="{y + 14:.1f}" font-size="11">{text(data.mark_label)}</text>')
    return out


def legend_svg(data, classes, *, y: float, width: float, pid: str) -> tuple[str, float]:
    """The legend band as one SVG group, ``y`` = top of the band; returns it and its height."""
    top = y + 10
    parts, x = _swatches(data, classes, 12.0, top)
    links, x = _link_key(data, x + 24, top)
    parts += links
    fits = x + (430 if data.marks else 260) < width
    parts += _partnership_key(data, x + 14 if fits else 12.0, top if fits else top + 42, pid)
    bottom = top + (42 if fits or not (data.members or data.targets or data.marks) else 84)
    for i, note in enumerate(data.notes[:3]):
        parts.append(f'<text x="12" y="{bottom + 4 + 13 * i:.1f}" font-size="10" fill="#555555">{text(note)}</text>')
    height = bottom - y + 13 * len(data.notes[:3]) + 4
    return f'<g class="legend">{"".join(parts)}</g>', height
