"""The partnership brief as one HTML page: inline CSS with print rules for A4, the map as
inline SVG, every text escaped, nothing fetched from anywhere.

>>> "@page" in PAGE_CSS and "A4" in PAGE_CSS
True
>>> _list(["<b>", "c"])
'&lt;b&gt;, c'
"""
from __future__ import annotations

from clusternet.graph.render.svgtext import text

__all__ = ["brief_html", "PAGE_CSS", "REASONS_SHOWN", "FOOTNOTE"]

REASONS_SHOWN = 3   # the strongest reasons of each candidate (the app shows them all)
FOOTNOTE = ("Made with clusternet from the facts in the graph; each candidate's evidence names its sources. "
            "Fit: 0–100 match strength for the partnership's objective (a point is a hundredth of what it asks "
            "for). Betweenness is measured among the members and their direct partners.")

PAGE_CSS = """
@page { size: A4 portrait; margin: 9mm 12mm; }
* { box-sizing: border-box; }
body { font: 8.8pt/1.3 Helvetica, Arial, sans-serif; color: #1d1d1d; margin: 0 auto; max-width: 186mm;
       padding: 6mm 0; background: #ffffff; }
h1 { font-size: 16pt; margin: 0 0 0.5mm; }
h2 { font-size: 10pt; margin: 2.5mm 0 1mm; border-bottom: 1.5px solid #3182bd; padding-bottom: 0.5mm; }
p.sub { margin: 0 0 2mm; color: #505050; }
.map svg { width: 100%; height: auto; display: block; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 7mm; }
section { break-inside: avoid; page-break-inside: avoid; }
section.long { break-inside: auto; page-break-inside: auto; }
tr { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
th, td { text-align: left; vertical-align: top; padding: 0.5mm 1.2mm; border-bottom: 0.5px solid #d0d0d0; }
th { font-weight: bold; color: #404040; }
td.num { text-align: right; white-space: nowrap; }
.gap { color: #b2182b; font-weight: bold; }
.muted { color: #6a6a6a; }
div.ev { margin-top: 0.3mm; color: #5a5a5a; font-size: 7.5pt; }
footer { margin-top: 2mm; color: #6a6a6a; font-size: 7.5pt; }
@media print { body { padding: 0; font-size: 8.2pt; } table { font-size: 7.6pt; } div.ev { font-size: 7pt; } a { color: inherit; text-decoration: none; } }
"""


def _list(names) -> str:
    return ", ".join(text(n) for n in names)


def _table(head: list[str], rows: list[list[str]], empty: str) -> str:
    """A table whose cells are already HTML; ``empty`` said when there are no rows."""
    if not rows:
        return f'<p class="muted">{text(empty)}</p>'
    th = "".join(f"<th>{text(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _members(parts) -> str:
    rows = [[f"<td>{text(m.name)}</td>", f"<td>{text(m.country)}</td>", f"<td>{text(m.role)}</td>"]
            for m in parts["members"]]
    return _table(["member", "country", "role"], rows, "No members recorded.")


def _targets(parts) -> str:
    rows = []
    for t in parts["targets"]:
        if t.members:
            cover = f"member: {_list(t.members)}"
        elif t.candidates:
            cover = f"candidate: {_list(t.candidates)}"
        else:
            cover = '<span class="gap">no member, no candidate</span>'
        rows.append([f"<td>{text(t.country)}</td>", f"<td>{cover}</td>"])
    return _table(["target market", "covered by"], rows, "No target markets recorded.")


def _sectors(parts) -> str:
    rows = []
    for s in parts["sectors"]:
        who = _list(s.members) if s.members else '<span class="gap">no member</span>'
        kind = "" if s.declared else ' <span class="muted">(members only)</span>'
        rows.append([f"<td>{text(s.sector)}{kind}</td>", f"<td>{who}</td>"])
    return _table(["sector", "members active in it"], rows, "No sectors recorded.")


def _brokers(parts) -> str:
    rows = [[f"<td>{text(b.name)}{' <span class=muted>(member)</span>' if b.is_member else ''}</td>",
             f"<td>{text(b.country)}</td>", f'<td class="num">{b.betweenness:.2f}</td>',
             f'<td class="num">{b.members_linked}</td>'] for b in parts["brokers"]]
    return _table(["broker", "country", "betweenness", "members linked"], rows,
                  "No one bridges the members' partners: the members have no recorded partners in common.")


def _shortlist(parts) -> str:
    rows = []
    for c in parts["shortlist"]:
        why = text("; ".join(c.reasons[:REASONS_SHOWN])) or '<span class="muted">no reason given</span>'
        ev = f'<div class="ev">evidence: {text("; ".join(c.evidence))}</div>' if c.evidence else ""
        rows.append([f"<td>{text(c.name)}</td>", f"<td>{text(c.country or 'not known')}</td>",
                     f'<td class="num">{c.score:.0f}</td>', f"<td>{why}{ev}</td>"])
    return _table(["candidate", "country", "fit (0–100)", "why, and the evidence"], rows,
                  "No candidates on the shortlist.")


def brief_html(parts: dict) -> str:
    """The page from the brief's parts (see :class:`~clusternet.graph.render.brief.Brief`)."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{text('Partnership brief: ' + parts['name'])}</title><style>{PAGE_CSS}</style></head><body>"
            f"<h1>{text(parts['name'])}</h1><p class=\"sub\">{text(parts['subtitle'])}</p>"
            f"<section class=\"map\">{parts['map_svg']}</section>"
            f"<div class=\"cols\"><div><section><h2>Members</h2>{_members(parts)}</section>"
            f"<section><h2>Brokers around the partnership</h2>{_brokers(parts)}</section></div>"
            f"<div><section><h2>Target markets</h2>{_targets(parts)}</section>"
            f"<section><h2>Sectors</h2>{_sectors(parts)}</section></div></div>"
            f"<section class=\"long\"><h2>Shortlist: whom to invite</h2>{_shortlist(parts)}</section>"
            f"<footer>{text(FOOTNOTE)}</footer>"
            "</body></html>\n")
