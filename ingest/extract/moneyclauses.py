"""The money noun a clause around an amount names when no noun stands right before it (used by
:mod:`.counts` for an amount whose measure would otherwise be "amount"): the subject of a copula
that ends right before it ("Budget for the years 2025–2027 is EUR 980,000"), what the amount is
"of", "in" or "as" right after it ("EUR 1.48 million of financial support") and what it is "worth".

>>> t = "El presupuesto total de OLEOBRIDGE asciende a 1.080.000 EUR."
>>> money_clause(t, 0, t.index("1.080"), t.index(" EUR") + 4, len(t), {"presupuesto"})
['presupuesto', 'total']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
import itertools

from clusternet.ingest.extract.lexicon import fold
from clusternet.ingest.extract.measures import money_modifiers, money_qualifiers

__all__ = ["money_clause"]

# a copula or "amounts to" ending the clause before an amount, a hedge and a currency allowed after it
_COPULA_END = re.compile(
    r"\s(?:is|was|are|were|will\s+be|amounts?\s+to|amounted\s+to|totals|totalled|totaled|reaches|reached|"
    r"asciende\s+a|ascendía\s+a|ascendió\s+a|es\s+de|fue\s+de|será\s+de|s['’]élève\s+à|s['’]élevait\s+à|est\s+de|"
    r"ammonta\s+a|ammontava\s+a|è\s+di|è\s+pari\s+a)"
    r"(?:\s+(?:about|around|some|over|almost|nearly|approximately|more\s+than|a\s+total\s+of|unos|unas|más\s+de|"
    r"environ|plus\s+de|circa|oltre))?[\s*]*(?:€|EUR|euros?|\$|£)?[\s*]*$")
# "worth (an estimated) EUR …": the amount is the value of what the clause names
_WORTH = re.compile(r"\bworth\s+(?:(?:an?|about|around|some|over|almost|nearly|approximately)\s+)?(estimated\s+)?"
                    r"[\s*]*(?:€|EUR|\$|£)?[\s*]*$")
# "… EUR 1,480,000 of financial support", "EUR 1.62 million in vouchers", "… as financial support to third parties"
_AS_AFTER = re.compile(r"[\s*]*(?:(?:million|m|bn|billion|thousand|millones|milioni|millions)\s+)?[\s*]*(?:in\s+total\s+)?"
                       r"(?:of|in|as|en\s+forma\s+de|sous\s+forme\s+de|in\s+forma\s+di)\s+((?:[\w'’-]+\s+){0,5}[\w'’-]+)")
_SUPPORT_WORDS = ("support", "aid", "apoyo", "ayuda", "ayudas", "aide", "aides", "sostegno", "funds", "fondos", "fonds",
                  "fondi", "bonos", "vouchers", "voucher", "grants", "subvenciones", "subventions")
_ARTICLES = frozenset({"the", "a", "an", "this"})    # end a money noun's modifiers, as "of" and "its" do
_PHRASE_END = ("through", "for", "with", "from", "by", "and", "which", "that", "para", "por", "pour", "per", "con", "avec")


def money_clause(v: str, lo: int, pos: int, end: int, hi: int, nouns) -> list[str] | None:
    """The measure words a clause gives an amount ``v[pos:end]`` of the sentence ``v[lo:hi]``
    when no money noun stands right before it; ``nouns``: the money nouns (folded); else None.

    >>> t = "Budget for the years 2025–2027 is EUR 980,000."
    >>> money_clause(t, 0, t.index("EUR"), t.index("."), len(t), {"budget"})
    ['Budget', 'for', 'the', 'years', '2025–2027']
    >>> t = "the 148 SMEs received in total EUR 1,480,000 of financial support."
    >>> money_clause(t, 0, t.index("EUR"), t.index(" of"), len(t), {"budget"})
    ['financial', 'support']
    """
    return _copula_subject(v, lo, pos, nouns) or _worth(v, lo, pos) or _as_after(v, end, hi, nouns)


def _clause(v: str, lo: int, pos: int) -> str:
    """The text from the last clause mark before ``pos`` to it."""
    return re.split(r"[,;:()\[\]]|(?<=\w)\.\s|\s[–—-]\s", v[lo:pos])[-1]


def _copula_subject(v: str, lo: int, pos: int, nouns) -> list[str] | None:
    """The money noun (with its qualifiers and years) subject of a copula ending right before ``pos``.

    >>> t = "The total budget of the mission was EUR 96,000"
    >>> _copula_subject(t, 0, t.index("EUR"), {"budget"})
    ['total', 'budget']
    """
    clause = _clause(v, lo, pos)
    cm = _COPULA_END.search(clause)
    if not cm:
        return None
    words = re.findall(r"[\w'’/–-]+", clause[:cm.start()])[-8:]
    at = next((k for k in range(len(words) - 1, -1, -1) if fold(words[k]) in nouns), None)
    if at is None:
        return None
    rest = words[at + 1:]
    years = rest[:4] if rest and fold(rest[0]) == "for" and re.fullmatch(r"(?:19|20)\d\d[–/-](?:19|20)?\d\d", rest[-1]) \
        else []
    return money_modifiers(words[:at + 1], words[at], _ARTICLES) + [words[at]] + money_qualifiers(words, words[at]) + years


def _worth(v: str, lo: int, pos: int) -> list[str] | None:
    """'value' (or 'estimated value') for an amount something is worth.

    >>> t = "a supply agreement, worth an estimated EUR 1.4 million"
    >>> _worth(t, 0, t.index("EUR"))
    ['estimated', 'value']
    """
    wm = _WORTH.search(_clause(v, lo, pos) if lo < pos else "")
    return None if not wm else (["estimated", "value"] if wm.group(1) else ["value"])


def _as_after(v: str, end: int, hi: int, nouns) -> list[str] | None:
    """The money phrase an amount is 'of', 'in' or 'as' right after it, up to the clause's end.

    >>> t = "Together they will share EUR 1.62 million in vouchers."
    >>> _as_after(t, t.index(" million"), len(t), {"vouchers"})
    ['vouchers']
    """
    am = _AS_AFTER.match(v, end, hi)
    if not am:
        return None
    words = list(itertools.takewhile(lambda w: fold(w) not in _PHRASE_END, am.group(1).split()))
    if not any(fold(w) in nouns or fold(w) in _SUPPORT_WORDS for w in words):
        return None
    return words
