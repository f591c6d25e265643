"""Which words of a text name a place of the gazetteer (countries, regions, cities, macro-regions),
and where a place name that starts a text ends: the reading the rules share when a place follows
an event noun or a preposition ("… in Castelló de la Plana, Spain").
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon

__all__ = ["is_place", "leading_place", "continues_place"]


@lru_cache(maxsize=100_000)
def is_place(name: str) -> bool:
    """Whether a name is a place of the gazetteer: a country, region, city or macro-region, or a
    two-letter country code.

    >>> is_place("Lyon"), is_place("(ES)"), is_place("Alpha")
    (True, True, False)
    """
    lex = load_lexicon()
    f = fold(name)
    return bool(f in lex.regions or lex.city(name) or f in lex.macro or (len(name) > 3 and country_code(name))
                or re.fullmatch(r"\(?[A-Z]{2}\)?", name) and country_code(name.strip("()")))


def leading_place(words: str) -> str | None:
    """The longest run of a text's first words (four at most) that names a place, else None.

    >>> leading_place("Ho Chi Minh City and Hanoi"), leading_place("Lyon in May"), leading_place("Alpha Beta")
    ('Ho Chi Minh City', 'Lyon', None)
    """
    parts = words.split()[:5]
    return next((" ".join(parts[:k]) for k in range(min(4, len(parts)), 0, -1)
                 if is_place(" ".join(parts[:k])) and not continues_place(parts[k:])), None)


def continues_place(rest: list[str]) -> bool:
    """Whether the words after a place make it part of a longer one the gazetteer lacks ("América"
    + "Latina", "Carolina" + "del Norte").

    >>> leading_place("América Latina y Europa"), leading_place("Chile del Norte"), leading_place("Chile de")
    (None, None, 'Chile')
    >>> leading_place("Santiago de Chile"), leading_place("Valparaíso de Chile")
    ('Santiago de Chile', 'Valparaíso')
    """
    nxt = fold(rest[0]) if rest else ""
    return nxt in ("latina", "latine", "latin", "central", "centrale") or \
        (nxt in ("del", "do", "du", "de", "da") and len(rest) > 1 and rest[1][:1].isupper() and not is_place(rest[1]))
