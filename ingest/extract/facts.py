"""Figures as data: table rows (tab-aligned, Markdown, HTML, DOCX) and counts stated in sentences.

>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("Country\\tEvents\\tMeetings\\nMorocco\\t5\\t7\\nTotal\\t5\\t7\\n")
>>> [(f.measure, f.country, f.value) for f in table_facts(ctx, [], None)][:3]
[('Events', 'MA', 5), ('Meetings', 'MA', 7), ('Events', None, 5)]
"""
from __future__ import annotations

import re

from clusternet.ingest.extract.counts import count_facts as prose_facts, ordinals
from clusternet.ingest.extract.factsubj import main_event
from clusternet.ingest.extract.fieldfacts import field_facts
from clusternet.ingest.extract.lexicon import country_code, load_lexicon, fold
from clusternet.ingest.extract.raw import RawFact, parse_number

__all__ = ["RawFact", "find_facts", "table_facts", "count_facts", "parse_number"]


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


def table_facts(ctx, occ, main) -> list[RawFact]:
    """Rows of tab-separated blocks: first column a country (or Total), headers as measures."""
    t = ctx.text
    out = []
    lines = t.split("\n")
    pos, block = 0, []
    spans = []
    for ln in lines:
        piped = ln.strip().startswith("|") and ln.count("|") >= 3
        if _RULE_LINE.fullmatch(ln) and block:
            pass  # a Markdown rule line inside a table
        elif "\t" in ln or piped or "   " in ln and _SPACED.search(ln) and _DIGIT.search(ln):
            block.append((pos, ln))
        else:
            if len(block) >= 2:
                spans.append(block)
            block = []
        pos += len(ln) + 1
    if len(block) >= 2:
        spans.append(block)
    for block in spans:
        rows = [(p, [c.strip() for c in (re.split(r"\s*\|\s*", ln.strip().strip("|")) if ln.strip().startswith("|")
                                          else re.split(r"\t| {3,}", ln))]) for p, ln in block]
        header = None
        for p, cells in rows:
            ccol = _country_column(header)
            if ccol is not None and len(cells) == len(header) and ccol < len(cells) and country_code(cells[ccol]) \
                    and cells[0] and not country_code(cells[0]):
                # "| Baltic Marine Cluster | Poland | 140 |": a partner row, its figures are about it
                line_end = _line_end(t, p)
                named = [x[2] for x in _window(occ, p, line_end)
                         if x[2].label in ("Cluster", "Organisation", "SME", "Partnership", "Event")]
                for j, c in enumerate(cells[1:], start=1):
                    pn = parse_number(c) if c and j != ccol else None
                    if pn is not None and named and header[j]:
                        out.append(RawFact(named[0], header[j], None, pn[0], pn[1], p, line_end, 0.7))
                continue
            nums = [parse_number(c) for c in cells[1:] if c]
            if cells and cells[0] and nums and all(nums) and header:
                label = cells[0]
                cc = country_code(label)
                if not cc and not re.match(r"(?i)total|sum|all", label):
                    continue
                subj = _subject_before(occ, p, main)
                for j, c in enumerate(cells[1:], start=1):
                    pn = parse_number(c) if c else None
                    if pn is None or j >= len(header) or not header[j]:
                        continue
                    out.append(RawFact(subj, header[j], cc, pn[0], pn[1], p, _line_end(t, p), 0.75))
            else:
                hdr = [_clean_header(c) for c in cells]
                if header and len([h for h in hdr if h]) <= 2 < len([h for h in header if h]):
                    continue
                header = hdr if header is None or len([h for h in hdr if h]) >= 2 else header
    return out


_COUNTRY_HEADERS = {"country", "countries", "pays", "pais", "paese", "land", "location"}


def _country_column(header) -> int | None:
    """Which column of a table heads its countries ("Country", "Pays"), if one does."""
    if not header:
        return None
    return next((j for j, h in enumerate(header) if j and fold(h) in _COUNTRY_HEADERS), None)


def _subject_before(occ, pos, main):
    for s, e, ent in reversed(_window(occ, pos - 400, pos) if hasattr(occ, "keys") else occ):
        if s < pos and ent.label == "Partnership" and pos - s < 400:
            return ent
    return main


_COUNT = re.compile(
    r"(?<![\w.,/-])(?P<pre>over|more than|around|approximately|about|up to|almost|nearly|at least|\+)?\s*"
    r"(?P<cur>€|EUR\s?|\$)?(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\b)"
    r"(?P<mult>\s?(?:billion|million|thousand|bn|mio)\b)?(?:\s*(?P<pct>%|per cent))?"
    r"(?:-year\b)?(?P<rest>(?:\s+(?:of\s+)?[\w&'’/-]+){0,7})", re.I)
_STOP = {"is", "are", "was", "were", "has", "have", "will", "to", "in", "that", "which", "who", "with", "for", "on",
         "at", "from", "by", "and", "the", "a", "an", "as", "such", "into", "within", "ready", "expressed", "been"}


def count_facts(ctx, occ, main) -> list[RawFact]:
    """Counts stated in sentences, the earlier rule set: a number, the words after it as its
    measure, the first name of its sentence as its subject (``occ``: sorted mentions)."""
    lex = load_lexicon()
    v = ctx.view
    out = []
    for si, sent in enumerate(ctx.sents):
        if "\t" in ctx.text[sent.start:sent.end]:
            continue
        for m in _COUNT.finditer(v, sent.start, sent.end):
            fact = _count_fact(ctx, occ, si, m, main, lex)
            if fact is not None:
                out.append(fact)
    return out


def _count_fact(ctx, occ, si, m, main, lex) -> RawFact | None:
    """The fact one number of a sentence states, or None when it is no count."""
    v, sent = ctx.view, ctx.sents[si]
    mult = lex["multipliers"]
    value = _count_value(m, lex)
    if value is None:
        return None
    rest = (m.group("rest") or "").split()
    if rest and fold(rest[0]) in ("of",) and not m.group("pct"):
        rest = rest[1:]
    if _no_count(v, m, value, rest, lex):
        return None
    unit = None
    if m.group("mult"):
        value = value * mult[fold(m.group("mult").strip())]
    if m.group("pct"):
        unit = "%"
    measure_words, unit, value = _measure_after(rest, unit, value, mult)
    if (m.group("cur") or "").strip() in ("€", "EUR"):
        unit = "EUR"
    measure = _measure_text(measure_words, unit)
    if measure is None:
        return None
    subj = _subject(ctx, occ, si, m.start(), main)
    return RawFact(subj, measure, _sentence_country(v, sent, m), value, unit, sent.start, sent.end, 0.55)


def _count_value(m, lex):
    """The value of a number (digits or a number word followed by a lower-case word), else None."""
    words = lex["number_words"]
    num = m.group("num")
    if fold(num) in words:
        if fold(num) != "a dozen" and not re.match(r"\s+(?:[A-Z]?[a-z]+\s+)?[a-z]", m.group("rest") or ""):
            return None
        return words[fold(num)]
    pn = parse_number(num)
    return None if pn is None else pn[0]


def _no_count(v: str, m, value, rest, lex) -> bool:
    """Whether a number is a year, a date, a time or a reference ("N° 5"), not a count."""
    if not m.group("pct") and not m.group("cur") and isinstance(value, int) and 1900 <= value <= 2100:
        return True
    if rest and (fold(rest[0]) in lex.words("months") or fold(rest[0]) in lex.words("not_measures")):
        return True
    return bool(re.match(r"[:/°]|\.\d|-\d", v[m.end("num"):m.end("num") + 2] or "x")
                or v[max(0, m.start("num") - 3):m.start("num")].strip() in ("N°", "N", "°", "ISO"))


def _measure_after(rest, unit, value, mult):
    """The measure words after a number up to a stop word, with the unit and value a currency word
    among them states: (words, unit, value)."""
    measure_words = []
    for w in rest:
        wf = fold(w.strip(".,;:"))
        if re.match(r"\d", wf) or wf in ("around", "over", "approximately", "about", "nearly", "almost"):
            break
        if wf in ("euros", "euro", "eur", "million", "billion"):
            unit = "EUR"
            if wf in ("million", "billion"):
                value = value * mult[wf]
            continue
        if wf in _STOP and measure_words:
            if wf in ("and", "of", "or", "from") and len(measure_words) < 4:
                measure_words.append(w)
                continue
            break
        measure_words.append(w)
        if re.search(r"[.,;:]$", w):
            break
    return measure_words, unit, value


def _measure_text(measure_words, unit) -> str | None:
    """The measure the words make ("share" or "budget" for none), or None when it is no measure."""
    while measure_words and fold(measure_words[-1].strip(".,;:")) in _STOP | {"of", "and", "or"}:
        measure_words.pop()
    measure = " ".join(w.strip(".,;:()") for w in measure_words)
    if len(re.findall(r"\d+", measure)) >= 2:
        return None
    if not measure:
        if unit == "%" or unit == "EUR":
            measure = "share" if unit == "%" else "budget"
        else:
            return None
    if re.match(r"(?i)(st|nd|rd|th)\b", measure):
        return None
    return measure


def _sentence_country(v: str, sent, m) -> str | None:
    """The country of the first nationality word ("Moroccan", "Spanish") up to just after the number."""
    for w in re.findall(r"\b[A-Z][a-z]+\b", v[sent.start:m.end() + 40]):
        c = country_code(w) if len(w) > 3 else None
        if c and w.endswith(("an", "sh", "ch", "ese", "ian")):
            return c
    return None


def _window(occ, lo, hi):
    import bisect
    keys = [x[0] for x in occ] if not hasattr(occ, "keys") else occ.keys
    return occ[bisect.bisect_left(keys, lo):bisect.bisect_left(keys, hi)]


class _Occ(list):
    def __init__(self, items):
        super().__init__(items)
        self.keys = [x[0] for x in self]


def _subject(ctx, occ, si, pos, main):
    sent = ctx.sents[si]
    ok = ("Cluster", "Organisation", "Partnership", "Event", "SME", "Programme")
    here = [x for x in _window(occ, sent.start, pos) if x[2].label in ok
            and x[2].name not in ("European Union", "European Commission")]
    if here:
        return here[0][2]
    after = [x for x in _window(occ, pos, sent.end) if x[2].label in ok]
    if re.match(r"\s*(?:It|Its|The|This|They)\b", ctx.view[sent.start:sent.start + 6]) or not after:
        for j in range(si - 1, max(-1, si - 3), -1):
            prev = [x for x in _window(occ, ctx.sents[j].start, ctx.sents[j].end) if x[2].label in ok]
            if prev:
                return prev[0][2]
    if after:
        return after[0][2]
    return main


def find_facts(ctx, ents, mentions, tables, sectors=(), places=None) -> list[RawFact]:
    """Table rows and prose figures of one document part, each with a subject entity
    (``places``: the part's Country entities by key, subjects of counts about one country)."""
    occ = _Occ(sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: x[0]))
    parts = [e for e in ents if e.label == "Partnership"]
    main = max(parts, key=lambda e: (len(e.mentions), -e.mentions[0].start), default=None)
    fields, taken = field_facts(ctx, main or main_event(ents, ctx))
    prose = prose_facts(ctx, ents, main, sectors, places, skip=taken)
    return [f for f in table_facts(ctx, occ, main) + fields + prose if f.subject is not None]
