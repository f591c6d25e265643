"""Figures of a page's tables: tab-aligned, space-aligned, Markdown, HTML and DOCX rows, and plain-text
lists that lead a label to its figure with dots. A row's subject is the body its first cell names,
else the table's (the page's event when the lines over the table speak of attendance, else the
partnership named just before it, else the page's).

>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("Country\\tEvents\\tMeetings\\nMorocco\\t5\\t7\\nTotal\\t5\\t7\\n")
>>> [(f.measure, f.country, f.value) for f in table_facts(ctx, [], None)][:3]
[('Events', 'MA', 5), ('Meetings', 'MA', 7), ('Events', None, 5)]
"""
from __future__ import annotations

import bisect

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.factsubj import event_cue
from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.mainref import named_in_title, title_end
from clusternet.ingest.extract.measures import ordinals
from clusternet.ingest.extract.raw import RawFact
from clusternet.ingest.extract.tablecells import cell_number, qualified_figure, rated_amount

__all__ = ["table_facts", "part_headers", "Occ"]


_RULE_LINE = re.compile(r"[\s|:\-]+")   # a Markdown table rule line
_SPACED = re.compile(r"\S {3,}\S")      # cells aligned by spaces (a line without "   " has none)
_DIGIT = re.compile(r"\d")


def _line_end(t: str, p: int) -> int:
    """Where the line starting at ``p`` ends (its newline, else the text's end)."""
    end = t.find("\n", p)
    return len(t) if end < 0 else end


def _clean_header(h: str) -> str:
    h = ordinals(re.sub(r"<[^>]+>", "", h))
    h = re.split(r",\s*e\.g\.|\(|:", h)[0]
    return " ".join(h.split()).strip(" -*")


def part_headers(headers: list[str]) -> list[str]:
    """Table headers that make a column part of the one before it ("of which SMEs", "thereof SMEs",
    "dont PME"), read as what they count: "SMEs among the participants".

    >>> part_headers(["Country", "Participants", "of which SMEs"])
    ['Country', 'Participants', 'SMEs among the participants']
    """
    cues = load_lexicon()["part_cues_before"]
    longest_first = sorted(cues, key=len, reverse=True)
    out = list(headers)
    for j in range(1, len(out)):
        cue = next((c for c in longest_first if fold(out[j]).startswith(c + " ")), None)
        prev = out[j - 1]
        if cue and prev and not fold(prev).startswith(tuple(cues)):
            whole = prev[:1].lower() + prev[1:] if prev[1:2].islower() else prev
            out[j] = f"{out[j][len(cue):].strip()} {cues[cue]} {whole}"
    return out


def table_facts(ctx, occ, main, event=None) -> list[RawFact]:
    """Rows of tab-separated blocks: first column a country (or Total), headers as measures, or
    countries across the header and measures down the first column; the rows are the page's
    ``event``'s when the lines above the table speak of its attendance."""
    t, end = ctx.text, title_end(ctx)
    out: list[RawFact] = []
    if event is not None and named_in_title(event, end) and (main is None or not named_in_title(main, end)):
        main = event        # an event's page: its tables are the event's, not a partnership's it mentions
    for block in _table_blocks(t):
        intro = t[max(0, block[0][0] - 200):block[0][0]]
        rows = _rows(block)
        header = _lead_header(intro, rows[0][1])
        for p, cells in rows:
            facts = _row_facts(t, p, cells, header, occ, lambda: _subject_before(occ, p, main, event, intro))
            if facts is not None:
                out.extend(facts)
                continue
            hdr = part_headers([_clean_header(c) for c in cells])
            if header and len([h for h in hdr if h]) <= 2 < len([h for h in header if h]):
                continue
            header = hdr if header is None or len([h for h in hdr if h]) >= 2 else header
    return out


def _table_blocks(t: str) -> list[list[tuple[int, str]]]:
    """The runs of two or more table lines (tabbed, piped or space-aligned) as (offset, line).

    >>> [len(b) for b in _table_blocks("Intro\\nA\\tB\\n1\\t2\\nEnd")]
    [2]
    >>> [len(b) for b in _table_blocks("Entity     Persons\\nAlpha      2\\nBeta       1\\n")]
    [3]
    """
    spans, block, pos, prev = [], [], 0, None
    for ln in t.split("\n"):
        piped = ln.strip().startswith("|") and ln.count("|") >= 3
        if _RULE_LINE.fullmatch(ln) and block:
            pass  # a Markdown rule line inside a table
        elif "\t" in ln or piped or "   " in ln and _SPACED.search(ln) and _DIGIT.search(ln) or _leader(ln):
            if not block and prev and "   " in ln and "   " in prev[1] and _SPACED.search(prev[1]):
                block.append(prev)      # the header of a space-aligned table: "Entity     Town     Persons"
            block.append((pos, ln))
        else:
            if len(block) >= 2:
                spans.append(block)
            block = []
        prev = (pos, ln)
        pos += len(ln) + 1
    if len(block) >= 2:
        spans.append(block)
    return spans


def _rows(block) -> list[tuple[int, list[str]]]:
    """(offset, cells) of each line of a table block (pipe cells, else a dot leader, else tabs or
    wide spaces).

    >>> _rows([(0, "  Germany ........ 9"), (20, "| Spain | 4 |")])
    [(0, ['Germany', '9']), (20, ['Spain', '4'])]
    """
    return [(p, [c.strip() for c in (re.split(r"\s*\|\s*", ln.strip().strip("|")) if ln.strip().startswith("|")
                                     else _leader(ln).groups() if _leader(ln)
                                     else re.split(r"\t| {3,}", ln))]) for p, ln in block]


def _leader(ln: str):
    """The match of a short line of a plain-text list that leads a label to its figure with dots
    ("  France ......... 7"), else None (a long line is no such line and is not searched).

    >>> _leader("  France ......... 7").groups(), _leader("Intro.... and more")
    (('France', '7'), None)
    """
    return _LEADER.match(ln) if len(ln) <= 120 and "...." in ln else None


_LEADER = re.compile(r"\s*([^\W\d][^.\n]*?)\s*\.{4,}\s*(\d[\d.,]*)\s*$")


def _lead_header(intro: str, first: list[str]) -> list[str] | None:
    """The header a headerless list of countries and figures takes from the line over it
    ("European delegation by country" over "Germany ..... 9"), else None.

    >>> _lead_header("\\nEuropean delegation by country\\n\\n", ["Germany", "9"])
    ['Country', 'European delegation']
    """
    above = ([ln.strip(" #*") for ln in intro.split("\n") if ln.strip()] or [""])[-1]
    lead = re.sub(r"(?i)\s+(?:by|per)\s+(?:country|nationality)\b.*|:\s*$", "", above)
    if len(first) != 2 or not country_code(first[0]) or len(lead.split()) > 6 or lead.endswith("."):
        return None
    return ["Country", lead] if re.search(r"[^\W\d]{3}", lead) else None


def _row_facts(t: str, p: int, cells: list[str], header, occ, subject) -> list[RawFact] | None:
    """The facts of one table row under ``header``, or None when the row is no row of figures
    (a header line); ``subject()`` gives the table's subject when the row has none of its own."""
    ccol = _country_column(header)
    if ccol is not None and len(cells) == len(header) and ccol < len(cells) and country_code(cells[ccol]) \
            and cells[0] and not country_code(cells[0]):
        return _partner_row(t, p, cells, header, ccol, occ)
    if header and _numbers(cells) and cells[0] and not country_code(cells[0]) and _PLACE_HEADER.search(fold(header[0])) \
            and not _TOTAL_CELL.fullmatch(cells[0], _MARKS.match(cells[0]).end()):
        return _region_row(t, p, cells, header, occ, subject())    # "| Yugozapaden | 14 |" under "| Region | Clusters |"
    if header and _numbers(cells) and _first_cell_body(t, p, cells, occ) is not None:
        return _indicator_row(t, p, cells, header, occ, subject)    # "| Alpha Cluster | Coordinator | EUR 300,000 |"
    nums = [_figure(c) for c in cells[1:] if c]
    if not header and len(cells) == 2 and cells[0] and nums == [None] and not country_code(cells[0]):
        return _qualified_row(t, p, cells, occ, subject)    # "| Salariés chez nos adhérents | près de 14 300 |"
    if not (cells and cells[0] and nums and all(nums)):
        return None
    if _countries_across(header) and not country_code(cells[0]):
        # "| B2B meetings | 48 | 31 | 79 |" under "| Activity | Canada | Singapore | Total |"
        measure, subj = _clean_header(cells[0]), subject()
        return [RawFact(subj, measure, country_code(header[j]), pn[0], pn[1], p, _line_end(t, p), 0.75)
                for j, pn in _numbers(cells) if j < len(header) and measure]
    if not header:      # a two-column table of labelled figures needs no header ("Total budget | EUR 1.2m")
        return _indicator_row(t, p, cells, [], occ, subject) if len(cells) == 2 and not country_code(cells[0]) else None
    cc = country_code(cells[0])
    if not cc and not _TOTAL_CELL.fullmatch(cells[0]):
        return _indicator_row(t, p, cells, header, occ, subject)
    subj = subject()
    return [RawFact(subj, header[j], cc, pn[0], pn[1], p, _line_end(t, p), 0.75)
            for j, pn in _numbers(cells) if j < len(header) and header[j]]


# headers of a table's one column of figures, that add nothing to a row's label
_PLAIN_HEADERS = frozenset({"value", "values", "amount", "number", "figure", "figures", "total", "result", "results",
                            "achieved", "actual", "count", "#", "no", "no.", "n", "eur", "budget", "key figures"})


_TOTAL_CELL = re.compile(r"(?i)(?:total|sum|all)\W*")     # a table's row of totals ("Total", "Total:")
_MARKS = re.compile(r"\W*")        # the marks before a cell's first word ("**Total**")
# the header of a first column of regions (its rows' figures are the table's subject's, in each region)
_PLACE_HEADER = re.compile(r"\b(?:region|regions|province|provinces|county|counties|state|states|"
                           r"regione|regioni|provincia|provincie|comunidad|departement|voivodeship)\b")


def _region_row(t: str, p: int, cells, header, occ, subj) -> list[RawFact]:
    """A row of figures in one region of the table's subject: "member clusters in Yugozapaden", in
    the region's country, else the subject's."""
    region = _first_cell_body(t, p, cells, occ, ("Region",))
    country = region.country if region is not None else getattr(subj, "country", None)
    return [RawFact(subj, f"{_lowered(_clean_header(header[j]))} in {_clean_header(cells[0])}", country, pn[0], pn[1],
                    p, _line_end(t, p), 0.7) for j, pn in _numbers(cells) if j < len(header) and _clean_header(header[j])]


def _first_cell_body(t: str, p: int, cells, occ, labels=("Cluster", "Organisation", "SME", "Partnership")):
    """The body a row's first cell names (a partner's row), or the entity of one of ``labels``, else None."""
    return next((x[2] for x in _window(occ, p, _line_end(t, p))
                 if x[2].label in labels and x[0] < p + len(cells[0]) + 4), None)


def _indicator_row(t: str, p: int, cells, header, occ, subject) -> list[RawFact]:
    """"| B2B meetings | 200 | 240 |" under "| Indicator | Target | Achieved |", "| Total budget |
    EUR 1,200,000 |": a row of figures labelled by its first cell, about the body it names there,
    else the table's subject; the column's header joins the label unless it says nothing more."""
    line_end = _line_end(t, p)
    named = _first_cell_body(t, p, cells, occ)
    label = _clean_header(cells[0])
    if not label or (named is None and not re.search(r"[a-z]{3}", label)):
        return []
    subj = named if named is not None else subject()
    figures = _numbers(cells)
    out = []
    for j, (value, unit) in figures:
        head = header[j] if j < len(header) else ""
        plain = not head or fold(head) in _PLAIN_HEADERS or len(figures) == 1 and not _sorts_by_kind(header)
        measure = (head if named is not None else label if plain else f"{label} ({_lowered(head)})")
        if unit not in (None, "%") and not measure.endswith(")"):
            measure = f"{measure} ({unit})"
        if measure:
            out.append(RawFact(subj, measure, None, value, unit, p, line_end, 0.65))
    rates = [r[1] for c in cells[1:] if c and cell_number(c) is None and (r := rated_amount(c))]
    return out + [RawFact(subj, f"{label} rate (%)", None, pct, "%", p, line_end, 0.65) for pct in rates[:1] if plain]


def _qualified_row(t: str, p: int, cells, occ, subject) -> list[RawFact] | None:
    """A labelled figure that its cell qualifies ("Équipe permanente | 11 personnes"): the label with
    the qualifier in brackets as its measure; None when the cell holds no such figure."""
    figure, label = qualified_figure(cells[1]), _clean_header(cells[0])
    if figure is None or not re.search(r"[^\W\d_]{3}", label):
        return None
    value, unit, qualifier = figure
    named = _first_cell_body(t, p, cells, occ)
    words = [w for w in (unit if unit not in (None, "%") else None, qualifier) if w]
    measure = f"{label} ({', '.join(words)})" if words else label     # "(EUR, about)", as annotators write it
    return [RawFact(named if named is not None else subject(), measure, None, value, unit, p, _line_end(t, p), 0.6)]


def _lowered(head: str) -> str:
    """A column header as words inside a measure: lower case but for acronyms ("B2B meetings").

    >>> _lowered("Rendez-vous réalisés"), _lowered("B2B meetings")
    ('rendez-vous réalisés', 'B2B meetings')
    """
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in head.split())


def _sorts_by_kind(header) -> bool:
    """Whether a table's first column sorts its rows into kinds (sectors, themes), so that one
    figure column's header still says what each row counts.

    >>> _sorts_by_kind(["Secteur", "Rendez-vous"]), _sorts_by_kind(["Indicator", "Value"])
    (True, False)
    """
    return bool(header) and fold(_clean_header(header[0])) in load_lexicon().words("category_headers")


def _partner_row(t: str, p: int, cells, header, ccol: int, occ) -> list[RawFact]:
    """"| Baltic Marine Cluster | Poland | 140 |": a partner row, its figures are about it."""
    line_end = _line_end(t, p)
    named = [x[2] for x in _window(occ, p, line_end)
             if x[2].label in ("Cluster", "Organisation", "SME", "Partnership", "Event")]
    return [RawFact(named[0], header[j], None, pn[0], pn[1], p, line_end, 0.7)
            for j, pn in _numbers(cells) if j != ccol and named and header[j]]


def _numbers(cells: list[str]) -> list[tuple[int, tuple]]:
    """(column, parsed number) of the cells after the first that hold a number.

    >>> [j for j, _ in _numbers(["Events", "5", "", "x", "7"])]
    [1, 4]
    """
    return [(j, pn) for j, c in enumerate(cells[1:], start=1) if c and (pn := _figure(c)) is not None]


def _figure(cell: str):
    """A cell's number and unit, an amount's also when a rate in brackets follows it ("EUR 1,984,480 (80 %)")."""
    return cell_number(cell) or (rated_amount(cell) or (None,))[0]


def _countries_across(header) -> bool:
    """Whether a table's header names countries across its columns (and perhaps a total).

    >>> _countries_across(["Activity", "Canada", "Singapore", "Total"]), _countries_across(["Country", "Events"])
    (True, False)
    """
    cols = [h for h in (header or [])[1:] if h]
    return bool(cols) and any(country_code(h) for h in cols) and all(
        country_code(h) or re.match(r"(?i)total|sum|all\b", h) for h in cols)


_COUNTRY_HEADERS = {"country", "countries", "pays", "pais", "paese", "land", "location"}


def _country_column(header) -> int | None:
    """Which column of a table heads its countries ("Country", "Pays"), if one does."""
    if not header:
        return None
    return next((j for j, h in enumerate(header) if j and fold(h) in _COUNTRY_HEADERS), None)


def _subject_before(occ, pos, main, event=None, intro: str = ""):
    """The page's event when the heading just above a table speaks of attendance ("Delegation by
    country"), else the partnership named in the 400 characters before it, else ``main``."""
    above = ([ln.strip(" #*") for ln in intro.split("\n") if ln.strip()] or [""])[-1]
    if event is not None and (len(above.split()) <= 8 and not above.endswith(".") or above.endswith(":")) \
            and event_cue(above):
        return event        # a heading: "Delegation by country"; a lead-in: "The delegation's SMEs came from:"
    for s, e, ent in reversed(_window(occ, pos - 400, pos) if hasattr(occ, "keys") else occ):
        if s < pos and ent.label == "Partnership" and pos - s < 400:
            return ent
    return main


def _window(occ, lo, hi):
    keys = [x[0] for x in occ] if not hasattr(occ, "keys") else occ.keys
    return occ[bisect.bisect_left(keys, lo):bisect.bisect_left(keys, hi)]


class Occ(list):
    """Mentions as sorted (start, end, entity) with their starts kept for bisection."""

    def __init__(self, items):
        super().__init__(items)
        self.keys = [x[0] for x in self]
