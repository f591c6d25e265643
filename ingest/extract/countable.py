"""Whether a number a text states is a count of something (used by :mod:`.counts`): not an
ordinal, a day, a year, a time or a code, not a number word that counts names just given, and
not on a contact line (an e-mail, a telephone number: :func:`contact_line`).

>>> import re
>>> m = re.match(r"(?P<num>\\d+)(?P<cur>)(?P<pct>)(?P<mult>)", "3 May")
>>> not_a_count("3 May", m, 3, [(2, 5, "May")], False)
True
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon, town
from clusternet.ingest.extract.measures import ORDINAL_DIGIT
from clusternet.ingest.extract.staffsize import size_compound_at

__all__ = ["not_a_count", "contact_line"]

_GROUPED = re.compile(r"\d[,.\u202f\u00a0 ]\d{3}")
_POSTCODE = re.compile(r"\d{4,5}")       # a postcode is written ungrouped
_DAY_RANGE = re.compile(r"\s*(?:to|until|and|au|et|al|a|y|e|-|–)\s*\d{1,2}(?:st|nd|rd|th|er)?\s+(?:de\s+|di\s+)?([^\W\d_]+)")


def not_a_count(v: str, m, value, after, word_num: bool) -> bool:
    """Whether a number is an ordinal, a year, one of a series ("Open Call 1", "Phase 2"), part of a
    time, date or code ("10:30", "N° 5", the postcode of "33100 Udine"), or a number word ending its
    sentence."""
    nxt = fold(after[0][2]) if after else ""
    if re.fullmatch(r"(?:st|nd|rd|th)", nxt) or ORDINAL_DIGIT.match(v[m.start("num"):m.end() + 3]):
        return True  # an ordinal ("3rd markets"), not a count
    months = load_lexicon().words("months")
    prev = re.search(r"([^\W\d_]+)\.?\s+$", v[max(0, m.start() - 12):m.start()])
    if not m.group("cur") and value <= 31 and (nxt in months or prev and fold(prev.group(1)) in months):
        return True  # a day of a month ("on 3 May", "May 27"), not a count
    if prev and prev.group(1)[:1].isupper() and not (m.group("pre") or m.group("cur")) and value < 100 \
            and fold(prev.group(1)) in load_lexicon().words("sequence_nouns"):
        return True  # one of a series ("Open Call 1", "Phase 2", "Day 3"), not how many
    rng = _DAY_RANGE.match(v, m.end()) if not m.group("cur") and value <= 31 else None
    if rng and fold(rng.group(1)) in months:
        return True  # the first day of a range ("from 5 to 7 May", "du 10 au 12 juin", "del 3 al 5 de mayo")
    if not (m.group("pct") or m.group("cur") or m.group("mult")) and isinstance(value, int) \
            and 1900 <= value <= 2100 and not _GROUPED.search(m.group("num")):
        return True  # a year ("2,000 companies" is grouped like a count, never a year)
    if size_compound_at(v, m.end("num")):
        return True  # a company's size ("a 35-employee SME"): :mod:`.staffsize` reads it as its employees
    if re.match(r"[:/°]|\.\d|-\d", v[m.end("num"):m.end("num") + 2] or "x") \
            or re.match(r"\d[:.h]$", v[max(0, m.start("num") - 2):m.start("num")]) \
            or v[max(0, m.start("num") - 3):m.start("num")].strip() in ("N°", "N", "°", "ISO", "No"):
        return True
    if _POSTCODE.fullmatch(m.group("num")) and after and after[0][2][:1].isupper() \
            and (town(after[0][2]) or load_lexicon().city(after[0][2])):
        return True  # a postcode before its town ("33100 Udine"), not 33,100 of anything
    if word_num and nxt == "of" and v[max(0, m.start() - 3):m.start()].rstrip().endswith(",") \
            and not (len(after) > 1 and after[1][2].lower() in ("them", "which", "whom")):
        return True  # "A and B, two of the cluster's members": the names before it, counted again ("nine of them": a part)
    return word_num and not after


_CONTACT = re.compile(r"[\w.-]+@[\w-]+\.\w|\w\s*\[at\]\s*\w|\+\d{2,3}[\s\d]{6,}|(?i:\b(?:press\s+)?contacts?\s*:)")


def contact_line(v: str, lo: int, hi: int) -> bool:
    """Whether ``v[lo:hi]`` holds an e-mail, a telephone number or "Contact:" (read where it may).

    >>> contact_line("Call +32 2 555 01 23 today", 0, 26), contact_line("Four contacts were made", 0, 23)
    (True, False)
    """
    return ("@" in (s := v[lo:hi]) or "[" in s or "+" in s or "contact" in s.lower()) and _CONTACT.search(v, lo, hi) is not None
