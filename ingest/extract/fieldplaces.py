"""Places a page's layout states (used by :mod:`.geo`, before the rules that read prose): a table
row's country and region cells, a list under a country or region heading, a fact sheet's
"Country:" / "Region:" / "City:" fields for the body it defines, and an event page's "Venue:" field.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, heading_country, heading_region, load_lexicon, town
from clusternet.ingest.extract.mainref import defined_subject, title_end, titled_main
from clusternet.ingest.extract.placing import PLACED, Spans, assign, is_open, region_of
from clusternet.ingest.extract.view import row_text

__all__ = ["table_row_places", "heading_places", "sheet_place", "venue_place", "name_line_places"]


_BRACKETED = re.compile(r"\(([^()]{2,40})\)")


def table_row_places(ctx, sp: Spans) -> None:
    """0. A table row with one country cell places its names: "| Baltic Marine Cluster | Poland | 140 |",
    and a region cell of that country gives their region ("| A | Piedmont | Italy |", "| A | Alcarràs
    (Cataluña) |": with no country cell, the region's country, else a known town's)."""
    lex = load_lexicon()
    for line in ctx.lines:
        raw = ctx.text[line.start:line.end]
        if "\t" not in raw and raw.count("|") < 2:
            raw = row_text(ctx.text, ctx.view, line.start, line.end)      # a space-aligned row's cells tabbed
            if "\t" not in raw:
                continue
        cells = [c.strip() for c in re.split(r"\t|\|", raw)]
        codes = {country_code(c) for c in cells if c and len(c) > 3 and country_code(c)}
        codes = codes or {t[1] for c in cells[1:] if c and (t := town(c))}     # a town cell: "| X S.L. | Tudela | 2 |"
        inner = [b.strip() for c in cells for b in _BRACKETED.findall(c)]      # "| Alcarràs (Cataluña) |"
        inner += [part.strip() for c in cells if "," in c for part in c.split(",")]     # "| Belluno, Veneto |"
        regions = {lex.region(c) for c in cells + inner if c and lex.region(c)}
        codes = codes or {cc for _, cc in regions}      # no country cell: the country of its region cells
        if len(codes) == 1:
            code = codes.pop()
            reg = next((r for r, cc in regions if cc == code), None) if len(regions) == 1 else None
            for _, _, ent in sp.occ_in(line.start, line.end):
                if ent.label in PLACED:     # a region cell also gives a region beside the country a name gave
                    assign(ent, code, reg, "table-row")
                    if reg and ent.country == code:
                        ent.region = reg    # over a region read into the name ("Klaster Energii Dolny Śląsk": "Silesia")


def heading_places(ctx, sp: Spans) -> None:
    """0a. A list grouped under country or region headings ("Estonia", "Piedmont", then its members
    a line each) places each line's first name in the heading's country (and region), up to the
    next heading."""
    code, region = None, None
    for line in ctx.lines:
        if line.heading:
            code, named = heading_country(line.text), heading_region(line.text)
            code, region = (named[1], named[0]) if named and not code else (code, None)
            continue
        first = sp.occ_in(line.start, line.start + 6) if code else ()
        if first and is_open(first[0][2]):
            assign(first[0][2], code, region, "country-heading")


_PLACE_FIELD = re.compile(r"(?im)^[ \t]*(?:region|city|location|country)\s*:[ \t]*(?=\S)")


def sheet_place(ctx, sp: Spans, ents) -> None:
    """0. A fact sheet's "Region: …" / "City: …" / "Country: …" fields place the body its
    "Organisation name:" field defines (the most specific field first), over a place its name
    suggests ("Lower Silesian …" is not in Silesia)."""
    subject = defined_subject(ents, PLACED)
    if subject is None:
        return
    fields = [sp.places_in(m.end(), m.end() + 1) for m in _PLACE_FIELD.finditer(sp.v, 0, min(len(sp.v), 3000))]
    best = _most_specific([f[0] for f in fields if f])
    if best is not None and subject.country in (None, best.country):
        subject.country, subject.region = best.country, region_of(best)    # the sheet's place is the body's own
        subject.props.setdefault("country_from", "sheet")


_VENUE_FIELD = re.compile(r"(?im)^[ \t*_-]*(?:venue|location|place|where)[ \t*_]*:[ \t*_]*(?=\S)")


def venue_place(ctx, sp: Spans, ents) -> None:
    """0a. An event page's "Venue: Novi Sad, Serbia" field places the event its title names (the
    most specific place of the line first)."""
    event = titled_main(ents, "Event", title_end(ctx))
    if event is None or not is_open(event):
        return
    for m in _VENUE_FIELD.finditer(sp.v, 0, min(len(sp.v), 3000)):
        end = sp.v.find("\n", m.end())
        best = _most_specific(sp.places_in(m.end(), end if end >= 0 else len(sp.v)))
        if best is not None and best.country:
            assign(event, best.country, region_of(best), "venue")
            return


def _most_specific(found: list):
    """The first region or city of place mentions, else the first of them, else None."""
    return next((p for p in found if p.label in ("Region", "City")), None) or next(iter(found), None)


def name_line_places(ctx, sp: Spans) -> None:
    """0c. A name alone on its line with its country alone on the next ("Alpha Wood Cluster" /
    "Spain", a partner list written as cards) is placed in that country; a next line of places
    only ("Graz, Styria (AT) · www…") gives the region too."""
    lines = ctx.lines
    for prev, line in zip(lines, lines[1:]):
        code = country_code(line.text.strip(" -–|*")) if len(line.text) <= 40 else None
        region = None
        if not code:
            code, region = _places_line(sp, line)
        if not code or line.start - prev.end > 1:
            continue
        names = sp.occ_in(prev.start, prev.end)
        e = names[0][2] if len(names) == 1 else None
        if e is not None and (is_open(e) or region and e.country == code and not e.region) \
                and not prev.text.replace(sp.v[names[0][0]:names[0][1]], "").strip(" -–|*#"):
            assign(e, code, region, "line-below")


_PLACE_LINE_END = re.compile(r"\s+(?:·|\||•|–\s+www|www\.|https?:)")


def _places_line(sp: Spans, line) -> tuple[str | None, str | None]:
    """(country, region) of a line that is only places up to a separator ("**Graz, Styria (AT)** ·
    www…", "*Pamplona – Spain*"), all of one country; else (None, None)."""
    end = _PLACE_LINE_END.search(sp.v, line.start, line.end)
    hi = end.start() if end else line.end
    places = [p for p in sp.places_in(line.start, hi) if p.end <= hi]
    if not places or len({p.country for p in places}) != 1:
        return None, None
    rest, at = [], line.start
    for p in places:
        rest.append(sp.v[at:p.start])
        at = p.end
    rest.append(sp.v[at:hi])
    if "".join(rest).strip(" *_,()–-\t"):
        return None, None
    specific = [p for p in places if p.label != "Country"]
    return places[0].country, region_of(specific[-1]) if specific else None
