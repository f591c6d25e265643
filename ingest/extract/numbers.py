"""Numbers in text, as :mod:`.counts` reads them: digits or number words with what qualifies
them (a hedge, a currency, "million", "%", "m²", "-year"), their value and their unit.

>>> from clusternet.ingest.extract.lexicon import load_lexicon
>>> m = count_rx().search("a budget of 1,35 millones de euros")
>>> unit_and_value(m, count_value(m, load_lexicon()), load_lexicon())
(None, 1350000.0)
>>> m = count_rx().search("over €2.5 million")
>>> m.group("pre"), unit_and_value(m, count_value(m, load_lexicon()), load_lexicon())
('over ', ('EUR', 2500000.0))
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.literals import alternation
from clusternet.ingest.extract.measures import CURRENCIES, HEDGES, decimal_thousands
from clusternet.ingest.extract.raw import parse_number

__all__ = ["NOT_COUNTS", "count_rx", "count_value", "unit_and_value", "is_number_word"]

# number words that never start a count here: "one of the partners", "dozens of"
NOT_COUNTS = {"one", "dozen"}


# "forty-two", "twenty one": a number word of tens and units
_TENS_UNITS = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s]"
               r"(?:one|two|three|four|five|six|seven|eight|nine)"
               r"|(?:two|three|four|five|six|seven|eight|nine)\s+hundred")      # "two hundred"


@lru_cache(maxsize=1)
def count_rx() -> re.Pattern:
    """A number (digits or a word of ``number_words`` in lexicon.yaml) with what qualifies it."""
    words = sorted((w for w in load_lexicon()["number_words"] if w not in NOT_COUNTS), key=len, reverse=True)
    numwords = "(?:" + _TENS_UNITS + "|" + alternation(map(re.escape, words), True) + r")\b"
    # every match starts with one of these: a cheap look at the first character before the alternatives
    first = "".join(sorted({re.escape(w[0]) for w in words} | set(map(re.escape, "omaunsrclfphjqE€$£¥₩₹+")) | {c[0] for c in CURRENCIES}))
    return re.compile(
        r"(?=[\d" + first + r"])(?<![\w.,/-])(?P<pre>(?:" + "|".join(HEDGES) + r")\s+|\+)?"
        r"(?P<cur>€\s?|(?:" + "|".join(CURRENCIES) + r")\s?|\$|£|¥|₩|₹)?(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?|" + numwords + r")(?![\w.,]\d)"
        r"(?P<mult>\s?(?:billions?|millions?|thousand|bn|mio|mln|mill[oó]n(?:es)?|milion[ei]|milliards?|miliard[oi])\b"
        r"|(?(cur)(?:m|k)\b|(?!)))?(?:\s*(?P<pct>%|per cent\b|percent\b))?"
        r"(?P<unit>\s?(?:m²|m2|sqm|km|hectares|ha)\b|\s?m²)?(?P<yr>-years?\b)?", re.I)


def count_value(m, lex):
    """The value of a count's match: a number word, "forty-two", "1,200", "870 000", "406,364.70"."""
    num = m.group("num")
    if fold(num) in lex["number_words"]:
        return lex["number_words"][fold(num)]
    parts = re.split(r"[-\s]", fold(num))
    if len(parts) == 2 and all(p in lex["number_words"] for p in parts):
        a, b = lex["number_words"][parts[0]], lex["number_words"][parts[1]]
        return a * b if b == 100 else a + b        # "forty-two", "two hundred"
    if _SPACED.fullmatch(num):
        return int(re.sub(r"\D", "", num))        # "870 000": thousands set apart by spaces
    if len(num) > 1 and num.startswith("0") and num.isdigit():
        return None         # "616 00 Brno", "05": a postcode's or a date's digits, no count
    pn = parse_number(num)
    return decimal_thousands(num) or (pn[0] if pn else None)       # "406,364.70": thousands and decimals


_SPACED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")


def unit_and_value(m, value, lex):
    """The unit a count's match ``m`` states ("%", a currency, "years", "m²") and its value times
    "million" etc. (the groups of :func:`count_rx`)."""
    unit = "%" if m.group("pct") else None
    if m.group("cur"):
        unit = lex["currencies"].get(fold(m.group("cur").strip()), "EUR")
    if m.group("mult"):
        value = value * lex["multipliers"][fold(m.group("mult").strip())]
    if m.group("yr"):
        unit = "years"
    if m.group("unit"):
        unit = m.group("unit").strip().replace("m2", "m²").replace("sqm", "m²")
    return unit, value


def is_number_word(word: str) -> bool:
    """Whether a folded word is a number written out, hyphenated ones too.

    >>> is_number_word("eleven"), is_number_word("twenty-two"), is_number_word("follow-up")
    (True, True, False)
    """
    numbers = load_lexicon()["number_words"]
    return word in numbers or "-" in word and all(p in numbers for p in word.split("-"))
