"""Figures a fact sheet states as fields: "Total budget: € 1,358,494.68" on one line, or a run
of labels ("Total budget:" / "ERDF contribution:") followed by as many values, which is how a
two-column fact sheet comes out when a page is copied as text.

A field's label is its measure, in the page's words (with the currency when it is money), and
its subject is the page's own partnership or event. The prose count rules skip the lines a field
takes, so a value is never read a second time under the next line's label.

>>> lines = raw_lines("Total budget:\\nERDF contribution:\\n€ 1.358.494,68\\n€ 1.112.940,82\\n")
>>> [(p.label, p.value, p.unit) for p in field_pairs(lines)]
[('Total budget', 1358494.68, 'EUR'), ('ERDF contribution', 1112940.82, 'EUR')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from dataclasses import dataclass

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.listblocks import raw_lines
from clusternet.ingest.extract.measures import decimal_thousands, with_hedge
from clusternet.ingest.extract.raw import RawFact, parse_number
from clusternet.ingest.extract.tablecells import split_rate

__all__ = ["FieldValue", "field_pairs", "field_facts"]

_FIELD = re.compile(r"^[\s*#>•-]*(?P<label>[^\W\d_][^:\n]{1,90}?)\s*(?:\*+\s*)?:\s*(?:\*+\s*)?(?P<value>[^\n]*)$")
_VALUE = re.compile(r"^(?:(?P<hedge>approx\.|approximately|about|around|over|more\s+than|nearly|almost|ca\.|"
                    r"at\s+least|up\s+to|roughly|circa)\s*)?"
                    r"(?:(?P<cur>€|EUR|USD|GBP|\$|£)\s?)?(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)"
                    r"(?:\s?(?P<mult>million|mio|bn|billion|thousand)\b)?\s?(?P<cur2>€|EUR|euros?|USD|GBP)?\.?$", re.I)
# label words that make a number an identifier, a date or a contact, not a figure
_NOT_FIGURES = {"id", "code", "reference", "ref", "phone", "tel", "telephone", "fax", "year", "date", "dates", "zip",
                "postcode", "vat", "grant", "agreement", "call", "version", "page", "pages", "issue", "no", "nr"}


@dataclass(frozen=True)
class FieldValue:
    """One field of a fact sheet: its label, value and unit, and the lines it spans (first, last)."""
    label: str
    value: float | int
    unit: str | None
    first: int
    last: int
    upto: int = -1      # where on its line the field's own figure ends, when prose goes on after it


def _split(line_text: str, most: int = 6) -> tuple[str, str] | None:
    """A "Label: value" line as (label, value), else None.

    >>> _split("**Total budget:** € 2.5 million"), _split("The project was started by the partners in 2019: a pilot")
    (('Total budget', '€ 2.5 million'), None)
    """
    m = _FIELD.match(line_text)
    if not m or len(m.group("label").split()) > most:
        return None
    return m.group("label").strip(" *"), m.group("value").rstrip().strip(" *")


def _figure(text: str):
    """A field value that is one figure, as (value, unit), else None.

    >>> _figure("€ 1.112.940,82"), _figure("754,677.30€"), _figure("approx. 6 400"), _figure("36 months")
    ((1112940.82, 'EUR', None), (754677.3, 'EUR', None), (6400, None, 'approx.'), None)
    """
    m = _VALUE.match(text.strip())
    if not m:
        return None
    num = re.sub(r"[ \u00a0\u202f]", "", m.group("num"))     # "6 400"
    value = decimal_thousands(num) or (parse_number(num) or (None,))[0]
    if value is None:
        return None
    lex = load_lexicon()
    if m.group("mult"):
        value = value * lex["multipliers"][fold(m.group("mult"))]
    cur = m.group("cur") or m.group("cur2")
    return value, lex["currencies"].get(fold(cur), "EUR") if cur else None, m.group("hedge")


def _countable(label: str, value, unit) -> bool:
    """Whether a label over a figure reads as a measure: money, or a plural count ("Partners").

    >>> _countable("Partners", 12, None), _countable("Project ID", 4512, None), _countable("Budget", 3, "EUR")
    (True, False, True)
    >>> _countable("SMEs supported", 120, None), _countable("Status", 2, None)
    (True, False)
    >>> _countable("SMEs supported in internationalisation", 243, None), _countable("B2B meetings with buyers", 9, None)
    (True, True)
    >>> _countable("SMEs to be supported", 150, None), _countable("Date to be confirmed", 12, None)
    (True, False)
    """
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", label)]
    blocked = {w for w in words if w in _NOT_FIGURES} - ({"grant"} if unit and unit != "%" else set())
    if not words or blocked:
        return False        # "Grant agreement: 101187764"; not "EU grant: EUR 1,000,000"
    if unit:
        return True
    if isinstance(value, int) and 1900 <= value <= 2100:
        return False
    plural = lambda w: w.endswith("s") and not w.endswith(("ss", "us"))
    return words[:2] == ["number", "of"] or words[0] == "total" or plural(words[-1]) \
        or len(words) >= 2 and words[-1].endswith("ed") and plural(words[-2]) \
        or len(words) == 4 and words[1:3] == ["to", "be"] and plural(words[0]) \
        or len(words) >= 3 and (words[1].endswith("ed") or words[1] in ("with", "in")) and plural(words[0]) \
        or len(words) >= 3 and words[2] in ("with", "in") and plural(words[1])  # "SMEs supported in …", "B2B meetings with …"


_ASIDE = re.compile(r"(?P<main>[^()]+?)\s*\([^()]*\)$")
_LEADING = re.compile(r"(?P<main>[^()]+?),?\s+(?:from|in|across|of\s+which|of\s+them|incl\.?|including|dont|de\s+l[oa]s\s+cuales|"
                      r"de\s+ell[oa]s|di\s+cui|tra\s+cui)\s+\d.*$")    # "Members: 42, of which 29 companies (…)"
# a figure and the target it was set against: "**389** (target: 300)", "243 (objectif : 200) – …"
_TARGET = re.compile(r"(?P<main>[^()]+?)\s*\(\s*(?:target|objective|objectif|objetivo|obiettivo|meta)\s*:?\s*"
                     r"(?P<goal>[^()]+?)\s*\)(?:\s*(?:[–—,;]|$).*)?$", re.I)
_COMMENT = re.compile(r"(?P<main>[^,()–—]+?)\s*(?:,|\s[–—])\s+(?-i:[a-z]).*$")     # "**3**, all as planned"


def _inline(lines, i: int) -> list[FieldValue]:
    """Line ``i`` as a one-line field with a figure (and the rate a percentage in brackets after an
    amount gives: "ERDF co-financing: EUR 1,984,480 (80 %)"), else [].

    >>> lines = raw_lines("ERDF co-financing: EUR 1,984,480 (80 %)\\n")
    >>> [(f.label, f.value, f.unit) for f in _inline(lines, 0)]
    [('ERDF co-financing', 1984480, 'EUR'), ('ERDF co-financing rate (%)', 80, '%')]
    >>> [(f.label, f.value) for f in _inline(raw_lines("Members: 71 (incl. 52 SMEs)\\n"), 0)]
    [('Members', 71)]
    >>> [(f.label, f.value) for f in _inline(raw_lines("Partners: 11 from 10 countries\\n"), 0)]
    [('Partners', 11)]
    >>> [(f.label, f.value) for f in _inline(raw_lines("- SMEs supported: **243** (target: 200) – most Dutch\\n"), 0)]
    [('SMEs supported', 243), ('SMEs supported (target)', 200)]
    >>> [(f.label, f.value) for f in _inline(raw_lines("- Business missions: **3**, all as planned\\n"), 0)]
    [('Business missions', 3)]
    >>> [(f.label, f.value) for f in _inline(raw_lines("Partners: 7 partners, 4 observers\\n"), 0)]
    [('partners', 7), ('observers', 4)]
    """
    parts = _split(lines[i].text, 9)
    target = _TARGET.match(parts[1]) if parts and parts[1] else None
    if not parts or not parts[1] or len(parts[0].split()) > 6 and not target:
        return []       # a label of seven words or more only for an indicator with its target
    fig, extra = _figure(parts[1]), []
    rate = split_rate(parts[1]) if fig is None else None
    if rate:        # a figure with a bracket after it: the figure, and the rate when it is an amount's
        fig = _figure(rate[0])
        pct = rate[1] if fig and fig[1] else None
        extra = [FieldValue(f"{parts[0]} rate (%)", pct, "%", i, i)] if pct is not None else []
    upto = -1
    if target and fig is None and (fig := _figure(target.group("main").strip(" *"))):   # "B2B meetings: **389** (target: 300)"
        goal = _figure(target.group("goal"))
        extra = [FieldValue(f"{parts[0]} (target)", goal[0], goal[1], i, i)] if goal else []
        upto = lines[i].text.rfind(parts[1]) + target.end("goal")
    for aside in (_ASIDE.match(parts[1]), _LEADING.match(parts[1]), _COMMENT.match(parts[1])) if fig is None else ():
        fig = _figure(aside.group("main").strip(" *")) if aside else None   # "Members: 71 (incl. 52 SMEs)": the bracket's own count is prose's,
        if fig:         # as are the countries of "Partners: 11 from 10 countries"
            upto = lines[i].text.rfind(parts[1]) + aside.end("main")
            break
    if fig is None and len(counted := _counted_parts(parts[1])) >= 2:
        return [FieldValue(with_hedge(noun, hedge, None), value, None, i, i) for noun, value, hedge in counted]
    if not fig or not _countable(parts[0], *fig[:2]):
        return []
    return [FieldValue(with_hedge(parts[0], fig[2], fig[1]), fig[0], fig[1], i, i, upto)] + extra


_COUNTED_PART = re.compile(r"(?:(?P<hedge>about|around|over|more\s+than|at\s+least|up\s+to)\s+)?(?P<num>\d{1,3}(?:[,.]\d{3})*|\d+)"
                           r"\s+(?P<noun>(?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*s)", re.I)


def _counted_parts(text: str) -> list[tuple[str, int, str | None]]:
    """A field value that counts two things or more, each with its noun ("7 partners, 4 observers"),
    as (noun, value, hedge) each, else [].

    >>> _counted_parts("12 clusters and about 300 SMEs"), _counted_parts("7 partners in 4 countries")
    ([('clusters', 12, None), ('SMEs', 300, 'about')], [])
    >>> _counted_parts("24 months, 3 phases")
    []
    """
    out, lex = [], load_lexicon()
    for part in re.split(r"\s*(?:[,;+]|\band\b|\bet\b|\by\b|\be\b)\s*", text.strip(" *.")):
        m = _COUNTED_PART.fullmatch(part)
        num = parse_number(m.group("num")) if m else None
        if not num or fold(m.group("noun").split()[-1]) in lex.words("not_measures"):
            return []       # "24 months, 3 phases": a duration or a date is read as one
        out.append((m.group("noun"), num[0], m.group("hedge")))
    return out


def _stacked(lines, i: int) -> tuple[list[FieldValue], int]:
    """The fields of a run of bare labels from line ``i`` and the values after them, and the
    line after the run; no fields when labels and figures do not pair up."""
    labels, j = [], i
    while j < len(lines) and (j == i or not lines[j].after_blank):
        parts = _split(lines[j].text)
        if not parts or parts[1]:
            break
        labels.append(parts[0])
        j += 1
    figures = []
    while j < len(lines) and len(figures) < len(labels) and not lines[j].after_blank \
            and (fig := _figure(lines[j].text)):
        figures.append(fig)
        j += 1
    if len(labels) < 2 or len(figures) != len(labels):
        return [], i + 1
    return [FieldValue(with_hedge(lab, h, u), v, u, i + k, j - len(labels) + k)
            for k, (lab, (v, u, h)) in enumerate(zip(labels, figures)) if _countable(lab, v, u)], j


def _of_which(label: str, before: FieldValue | None) -> str:
    """An "of which SMEs" field's measure, said of the field before it ("SMEs among members").

    >>> _of_which("of which SMEs", FieldValue("Number of members", 97, None, 0, 0)), _of_which("Members", None)
    ('SMEs among members', 'Members')
    """
    m = re.match(r"(?i)of\s+which\s+(.+)", label)
    if not m or before is None:
        return label
    whole = re.sub(r"(?i)^(?:number|total\s+number|total)\s+(?:of\s+)?", "", before.label.split(" (")[0])
    return f"{m.group(1)} among {whole[:1].lower() + whole[1:]}"


def field_pairs(lines) -> list[FieldValue]:
    """Every field of the page (its :func:`raw_lines`) that states one figure, in order."""
    out, i = [], 0
    while i < len(lines):
        if ":" not in lines[i].text:
            i += 1          # every field line holds a colon
            continue
        inline = _inline(lines, i)
        if inline:
            one, before = inline[0], (out[-1] if out and out[-1].last == i - 1 else None)
            out += [FieldValue(_of_which(one.label, before), one.value, one.unit, one.first, one.last, one.upto)] + inline[1:]
            i += 1
            continue
        run, i = _stacked(lines, i)
        out.extend(run)
    return out


def field_facts(ctx, subject, named_at=lambda pos: None) -> tuple[list[RawFact], list[tuple[int, int]]]:
    """The facts of the page's fields about ``subject`` (the page's partnership or event), or about the
    body whose name opens the field's block (``named_at``: the entity named at an offset, else None),
    and the spans they take."""
    if ":" not in ctx.text:
        return [], []
    lines = raw_lines(ctx.text)
    facts, taken = [], []
    for f in field_pairs(lines):
        measure = f"{f.label} ({f.unit})" if f.unit and f.unit != "%" else f.label
        start, end = lines[f.first].start, lines[f.last].end if f.upto < 0 else lines[f.first].start + f.upto
        owner = _parent_owner(lines, f.first, named_at) or _block_owner(lines, f.first, named_at) or subject
        if owner is not None:
            facts.append(RawFact(owner, measure, None, f.value, f.unit, start, end, 0.6))
            taken.append((start, end))
    return facts, taken


def _block_owner(lines, i: int, named_at):
    """The body named at the start of the line just above field line ``i`` in its block ("**Cluster
    Eau Sud** – France" over "Members: 96"), or at the start of the short heading over its run of
    fields ("EPEM at a glance" over "Founded: 2015", "Members: 71"), else None."""
    j = i
    while j > 0 and _split(lines[j - 1].text) is not None:
        j -= 1      # up the run of fields to the line over it
    if j == 0 or lines[j].after_blank and (len(lines[j - 1].text.split()) > 8 or lines[j - 1].text.rstrip()[-1:] in ".;,"):
        return None
    head = lines[j - 1]
    lead = len(head.text) - len(head.text.lstrip(" *-•#"))
    return named_at(head.start + lead)


def _indent(text: str) -> int:
    """How far a line is indented.

    >>> _indent("  Participants: 212"), _indent("Last edition: Expo 2024")
    (2, 0)
    """
    return len(text) - len(text.lstrip(" \t"))


def _parent_owner(lines, i: int, named_at):
    """The body or event named at the start of the value of the less indented field line over
    field line ``i`` ("Last edition: Supplier Day 2024, 7 November" over "  Participants: 212"),
    else None; a field at the margin has none, and the parent is looked for 40 lines up at most (a
    long run of fields stays linear)."""
    depth, j = _indent(lines[i].text), i
    while depth and j > max(0, i - 40) and not lines[j].after_blank and _split(lines[j - 1].text) is not None:
        j -= 1
        if _indent(lines[j].text) < depth:
            return named_at(lines[j].start + _FIELD.match(lines[j].text).start("value"))
    return None
