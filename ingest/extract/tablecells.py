"""What a table cell holds: a figure with its unit ("EUR 1,200,000", "85 %", "€2.5 million"), and
a figure a two-column table qualifies ("près de 14 300", "11 personnes", "20 (companies and cluster
staff)"), the qualifier going into the row's measure in brackets as annotators write it.

>>> qualified_figure("près de 14 300"), qualified_figure("20 (companies and cluster staff)")
((14300, None, 'près de'), (20, None, 'companies and cluster staff'))
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.measures import HEDGES
from clusternet.ingest.extract.raw import parse_number

__all__ = ["cell_number", "qualified_figure", "rated_amount", "split_rate"]

_MONEY_CELL = re.compile(r"^(?:([A-Z]{3}|€|\$|£)\s*)?([\d.,]+)\s*(million|mio|m|k)?\s*([A-Z]{3}|€|\$|£)?$")


def split_rate(text: str) -> tuple[str, float | None] | None:
    """A figure with a percentage in brackets after it: (the text before the bracket, the
    percentage), else None; the bracket must end the text.

    >>> split_rate("EUR 1,984,480 (80 %)"), split_rate("EUR 1,984,480")
    (('EUR 1,984,480', 80), None)
    """
    m = _RATED.match(text)
    return (m.group("main"), (parse_number(m.group("pct").replace(",", ".")) or (None,))[0]) if m else None


def rated_amount(cell: str):
    """An amount with the rate it makes in brackets ("EUR 1,984,480 (80 %)"): ((amount, currency),
    rate), else None.

    >>> rated_amount("EUR 1,984,480 (80 %)"), rated_amount("120 (80 %)")
    (((1984480, 'EUR'), 80), None)
    """
    main, pct = split_rate(cell.strip()) or (None, None)
    amount = cell_number(main) if main is not None else None
    if amount is None or amount[1] in (None, "%"):
        return None
    return (amount, pct) if pct is not None else None


_RATED = re.compile(r"(?P<main>.+?)\s*\(\s*(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*%\s*\)$")


def cell_number(cell: str):
    """A table cell's number and unit: "85 %" -> (85, '%'), "EUR 1,200,000" -> (1200000, 'EUR'),
    "€2.5 million" -> (2500000.0, 'EUR'); None for a cell that is no figure.

    >>> cell_number("EUR 1,200,000"), cell_number("€2.5 million"), cell_number("Spain")
    ((1200000, 'EUR'), (2500000.0, 'EUR'), None)
    """
    pn = parse_number(cell)
    if pn is not None:
        return pn
    m = _MONEY_CELL.match(cell.strip())
    cur = m and (m.group(1) or m.group(4))
    lex = load_lexicon()
    amount = parse_number(m.group(2)) if cur and fold(cur) in lex["currencies"] else None
    if amount is None:
        return None
    value = amount[0]
    if m.group(3):
        value = value * lex["multipliers"][fold(m.group(3))]
    return value, lex["currencies"].get(fold(cur), "EUR")


_HEDGE_LEAD = re.compile(r"(?i)^(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
                         + r"|ca\.|approx\.|~|>)\s*")
_SPACED_THOUSANDS = re.compile(r"^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?=\s|$)")
_REST = re.compile(r"^(?:\(([^()\d]{2,60})\)|([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}))$")


def qualified_figure(cell: str):
    """(value, unit, qualifier) of a cell holding one figure with a hedge before it or a few words
    or a bracket after it; qualifier None for a plain figure; None for a cell that is no such figure
    (a date, a name, a phone number).

    >>> qualified_figure("11 personnes"), qualified_figure("12 May 2025"), qualified_figure("Hall 5")
    ((11, None, 'personnes'), None, None)
    """
    plain = cell_number(cell)
    if plain is not None:
        return plain[0], plain[1], None
    text, hedge = cell.strip(), None
    if hm := _HEDGE_LEAD.match(text):
        text, hedge = text[hm.end():], fold(hm.group(1)) if hm.group(1)[:1].isalpha() else None
    sm = _SPACED_THOUSANDS.match(text)
    nm = sm or re.match(r"^\d[\d.,]*(?=\s|$)", text)
    number = (int(re.sub(r"\D", "", sm.group(1))), None) if sm else parse_number(nm.group(0)) if nm else None
    rest = text[nm.end():].strip() if nm else ""
    if number is not None and (money := _money_words(rest)):
        return number[0] * money[0], money[1], hedge and hm.group(1).lower()    # "2,1 milliards d'euros"
    rm = _REST.match(rest) if rest else None
    if number is None or rest and (rm is None or set(fold(rest).split()) & load_lexicon().words("months")):
        return None
    if hedge is None and rm is None:
        return number[0], number[1], None
    words = [w for w in (hedge and hm.group(1).lower(), rm and (rm.group(1) or rm.group(2))) if w]
    return number[0], number[1], ", ".join(words)


def _money_words(rest: str) -> tuple[int, str] | None:
    """(multiplier, currency) of the words after a figure that make it an amount ("milliards
    d'euros", "million EUR", "euros"), else None.

    >>> _money_words("milliards d'euros"), _money_words("million EUR"), _money_words("personnes")
    ((1000000000, 'EUR'), (1000000, 'EUR'), None)
    """
    lex = load_lexicon()
    words = re.findall(r"[^\W\d_]+|[€$£]", fold(rest).replace("'", " ").replace("’", " "))
    mult = lex["multipliers"].get(words[0]) if words else None
    words = [w for w in words[1 if mult else 0:] if w not in ("d", "de", "di", "of")]
    cur = lex["currencies"].get(words[0]) if len(words) == 1 else None
    return (mult or 1, cur) if cur else None
