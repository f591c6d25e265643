"""The partnership brief as an A4 PDF, written with fpdf2 (pure Python).

The map goes in as vectors (fpdf2 draws the SVG; it knows no SVG patterns, so target
markets keep their dashed outline and the legend here says so). Text is set in DejaVu Sans,
the font matplotlib ships, so names in any European script print; the file carries a fixed
creation date, so the same brief gives the same bytes.

>>> _pdf_text("a\\x00b")
'ab'
"""
from __future__ import annotations

import io
import logging
import re
from datetime import datetime, timezone
from pathlib import Path

from clusternet.graph.render.palette import (BRIEF_MAP_ASPECT, BRIEF_MAP_WIDTH, EMPTY, LINK_STROKE,
    MARK_FILL, MEMBER_STROKE, PALETTE, TARGET_STROKE)
from clusternet.graph.render.brief_html import FOOTNOTE, REASONS_SHOWN
from clusternet.graph.render.svgtext import clean
from clusternet.graph.render.worldmap import bins, render_svg

__all__ = ["brief_pdf"]

_FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)
_PAGE_W, _MARGIN = 210.0, 12.0
_MAP_MAX_H = 92.0
_GREY = (90, 90, 90)


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _pdf_text(value: object) -> str:
    return clean(value)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _new_pdf(title: str):
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    pdf.set_title(_pdf_text(title))
    pdf.set_creator("clusternet")
    pdf.set_producer("clusternet")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    fonts = _font_dir()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    return pdf


def _map(pdf, brief) -> None:
    """The map (vectors) and its legend in words."""
    svg = render_svg(brief.map, width=BRIEF_MAP_WIDTH, aspect=BRIEF_MAP_ASPECT, legend=False, hatch=False, id_prefix="pdfmap")
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)   # tooltips mean nothing on paper
    w = _PAGE_W - 2 * _MARGIN
    vb = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    h = w * float(vb[2]) / float(vb[1])
    if h > _MAP_MAX_H:
        w, h = w * _MAP_MAX_H / h, _MAP_MAX_H
    fpdf_log = logging.getLogger("fpdf.svg")
    level = fpdf_log.level
    fpdf_log.setLevel(logging.ERROR)      # it notes each SVG tag it skips; none matter here
    try:
        pdf.image(io.BytesIO(svg.encode("utf-8")), x=(_PAGE_W - w) / 2, y=pdf.get_y(), w=w, h=h)
    finally:
        fpdf_log.setLevel(level)
    pdf.set_y(pdf.get_y() + h + 1.5)
    _legend(pdf, brief)


def _room(pdf, x: float, label: str) -> float:
    """``x`` if a key with ``label`` fits on the legend line, else the start of a new line."""
    if x + 6 + pdf.get_string_width(_pdf_text(label)) <= _PAGE_W - _MARGIN:
        return x
    pdf.ln(4.5)
    return _MARGIN


def _swatch(pdf, x: float, fill: str | None, stroke: str, label: str, dashed: bool = False) -> float:
    x = _room(pdf, x, label)
    y = pdf.get_y()
    if fill:
        pdf.set_fill_color(*_rgb(fill))
    pdf.set_draw_color(*_rgb(stroke))
    pdf.set_line_width(0.5 if not fill else 0.1)
    if dashed:
        pdf.set_dash_pattern(dash=1.2, gap=0.6)
    pdf.rect(x, y + 0.6, 4.5, 3.0, style="DF" if fill else "D")
    pdf.set_dash_pattern()
    pdf.set_xy(x + 5.5, y)
    pdf.cell(text=_pdf_text(label))
    end = pdf.get_x() + 3
    pdf.set_xy(end, y)
    return end


def _diamond_key(pdf, x: float, label: str) -> float:
    """A green diamond and its meaning in the legend line; returns where the line goes on."""
    x = _room(pdf, x, label)
    y = pdf.get_y()
    pdf.set_fill_color(*_rgb(MARK_FILL))
    pdf.polygon([(x + 2, y + 0.3), (x + 3.8, y + 2.1), (x + 2, y + 3.9), (x + 0.2, y + 2.1)], style="F")
    pdf.set_xy(x + 5.5, y)
    pdf.cell(text=_pdf_text(label))
    end = pdf.get_x() + 3
    pdf.set_xy(end, y)
    return end


def _legend(pdf, brief) -> None:
    data = brief.map
    pdf.set_font("DejaVu", "B", 7.5)
    pdf.cell(text=_pdf_text(data.legend) + ":  ")
    pdf.set_font("DejaVu", "", 7.5)
    x = pdf.get_x()
    classes = bins(max(data.counts.values(), default=0))
    for i, (lo, hi) in enumerate([(0, 0)] + classes):
        label = "none" if hi == 0 else (str(lo) if lo == hi else f"{lo}–{hi}")
        x = _swatch(pdf, x, EMPTY if hi == 0 else PALETTE[i - 1], "#999999", label)
    if data.members:
        x = _swatch(pdf, x + 3, None, MEMBER_STROKE, "member country (red outline)")
    if data.targets:
        x = _swatch(pdf, x, None, TARGET_STROKE, "target market (dashed orange outline)", dashed=True)
    if data.marks and data.mark_label:
        x = _diamond_key(pdf, x, data.mark_label)
    if data.links:
        pdf.set_draw_color(*_rgb(LINK_STROKE))
        x = _swatch(pdf, x, None, LINK_STROKE, "cross-border links (arcs)")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)
    pdf.ln(4.5)
    for note in data.notes:
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(0, 3.5, _pdf_text(note))
        pdf.set_text_color(0, 0, 0)


def _heading(pdf, title: str, width: float | None = None) -> None:
    pdf.ln(1.5)
    pdf.set_font("DejaVu", "B", 9.5)
    x = pdf.l_margin
    pdf.cell(width or 0, 5, _pdf_text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_rgb(PALETTE[4]))
    pdf.set_line_width(0.4)
    pdf.line(x, pdf.get_y(), x + (width or _PAGE_W - _MARGIN - x), pdf.get_y())
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 7.5)


def _table(pdf, head: list[str], rows: list[list[str]], widths: tuple[float, ...], empty: str,
           width: float | None = None) -> None:
    """A table (first row bold) at the left margin, ``width`` mm wide (default: full)."""
    if not rows:
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(width or 0, 4, _pdf_text(empty), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        return
    pdf.set_draw_color(208, 208, 208)
    pdf.set_line_width(0.1)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=3.3, first_row_as_headings=True,
                   borders_layout="HORIZONTAL_LINES", padding=0.4, width=width, align="LEFT",
                   headings_style=_headings_style()) as table:
        for cells in [head] + rows:
            row = table.row()
            for c in cells:
                row.cell(_pdf_text(c))


def _headings_style():
    from fpdf.fonts import FontFace

    return FontFace(family="DejaVu", emphasis="BOLD", color=(64, 64, 64))


def _left_column(pdf, brief, width: float) -> None:
    _heading(pdf, "Members", width)
    _table(pdf, ["member", "country", "role"], [[m.name, m.country, m.role] for m in brief.members],
           (3, 1.6, 1.4), "No members recorded.", width)
    _heading(pdf, "Brokers around the partnership", width)
    rows = [[b.name + (" (member)" if b.is_member else ""), b.country, f"{b.betweenness:.2f}", str(b.members_linked)]
            for b in brief.brokers]
    _table(pdf, ["broker", "country", "betweenness", "members linked"], rows, (2.4, 1.3, 1.8, 1.5),
           "No one bridges the members' partners: the members have no recorded partners in common.", width)


def _right_column(pdf, brief, width: float) -> None:
    _heading(pdf, "Target markets", width)
    rows = [[t.country, f"member: {', '.join(t.members)}" if t.members else
             f"candidate: {', '.join(t.candidates)}" if t.candidates else "NOT COVERED: no member, no candidate"]
            for t in brief.targets]
    _table(pdf, ["target market", "covered by"], rows, (1, 2.4), "No target markets recorded.", width)
    _heading(pdf, "Sectors", width)
    rows = [[s.sector + ("" if s.declared else " (members only)"), ", ".join(s.members) or "NOT COVERED: no member"]
            for s in brief.sectors]
    _table(pdf, ["sector", "members active in it"], rows, (1.2, 2.4), "No sectors recorded.", width)


def _columns(pdf, brief) -> None:
    """Members and brokers on the left, target markets and sectors on the right."""
    gap = 6.0
    col = (_PAGE_W - 2 * _MARGIN - gap) / 2
    top, page = pdf.get_y(), pdf.page
    _left_column(pdf, brief, col)
    left_end, left_page = pdf.get_y(), pdf.page
    pdf.page = page
    pdf.set_left_margin(_MARGIN + col + gap)
    pdf.set_xy(_MARGIN + col + gap, top)
    _right_column(pdf, brief, col)
    right_end, right_page = pdf.get_y(), pdf.page
    pdf.set_left_margin(_MARGIN)
    pdf.page = max(left_page, right_page)
    ends = [e for e, p in ((left_end, left_page), (right_end, right_page)) if p == pdf.page]
    pdf.set_xy(_MARGIN, max(ends))


def _sections(pdf, brief) -> None:
    _columns(pdf, brief)
    _heading(pdf, "Shortlist: whom to invite")
    rows = [[c.name, c.country or "not known", f"{c.score:.0f}",
             "; ".join(c.reasons[:REASONS_SHOWN]) + (f"\nevidence: {'; '.join(c.evidence)}" if c.evidence else "")]
            for c in brief.shortlist]
    _table(pdf, ["candidate", "country", "fit (0–100)", "why, and the evidence"], rows, (2.2, 1.3, 0.9, 5.6),
           "No candidates on the shortlist.")


def brief_pdf(brief) -> bytes:
    """The PDF bytes of a :class:`~clusternet.graph.render.brief.Brief`."""
    pdf = _new_pdf(f"Partnership brief: {brief.name}")
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 7.5, _pdf_text(brief.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_text_color(*_GREY)
    pdf.multi_cell(0, 4.5, _pdf_text(brief.subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)
    _map(pdf, brief)
    _sections(pdf, brief)
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 6.5)
    pdf.set_text_color(*_GREY)
    pdf.multi_cell(0, 3, FOOTNOTE, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
