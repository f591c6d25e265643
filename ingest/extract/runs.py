"""The shaping of a capitalised run before it is read as a name: determiners, a person's role and
trailing role words cut off ("the CEO of Nova GmbH" -> "Nova GmbH"), two names joined by "and" split
("Danish Robotics Cluster and Robotics Valley Estonia"), a place before a dash taken in ("EU – India
Matchmaking Event"). Used by :mod:`.cueheads`.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.generic import field_join
from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, named_place
from clusternet.ingest.resolve.normalise import is_legal_form

__all__ = ["trim_span", "without_determiners", "split_at_and", "with_dashed_partner", "place_word"]


def without_determiners(span):
    """A run without its leading determiners and "the".

    >>> [w[2] for w in without_determiners([(0, 3, "The"), (4, 10, "Polish"), (11, 15, "SMEs")])]
    ['Polish', 'SMEs']
    """
    dets_the = _trim_words()[0]
    k = 0
    while k < len(span) and fold(span[k][2]) in dets_the:
        k += 1
    return span[k:] if k else span


def _after_place(lex, span):
    """A run opened by places and "for the"/"at the" is the name after them: places never open a
    name that way ("travelled to Aragon for the Hydrogen Valley Mission", "… to Ho Chi Minh City and
    Hanoi for the …").

    >>> [w[2] for w in _after_place(load_lexicon(), [(0, 5, "Spain"), (6, 9, "for"), (10, 13, "the"),
    ...     (14, 19, "Solar"), (20, 27, "Mission")])]
    ['Solar', 'Mission']
    """
    for k in range(1, min(len(span) - 3, 9)):
        if fold(span[k][2]) in ("for", "at", "to") and fold(span[k + 1][2]) == "the":
            return span[k + 2:] if _places_only(span[:k]) else span
    return span


def _places_only(words) -> bool:
    """Whether words are place names joined by "and": "Ho Chi Minh City and Hanoi".

    >>> _places_only([(0, 5, "Hanoi"), (6, 9, "and"), (10, 15, "Osaka")]), _places_only([(0, 5, "Alpha")])
    (True, False)
    """
    parts, cur = [], []
    for w in words:
        if w[2] == "and":
            parts.append(cur)
            cur = []
        else:
            cur.append(w[2])
    parts.append(cur)
    return all(p and named_place(" ".join(p)) for p in parts)


def _after_person(lex, span):
    """A run that is a person "of the" a body is the body: "Andrea Rossi of the University of
    Messina" (no head noun before "of the", one after it).

    >>> [w[2] for w in _after_person(load_lexicon(), [(0, 6, "Andrea"), (7, 12, "Rossi"), (13, 15, "of"),
    ...     (16, 19, "the"), (20, 30, "University"), (31, 33, "of"), (34, 41, "Messina")])]
    ['University', 'of', 'Messina']
    """
    for k in range(1, min(4, len(span) - 2)):
        if span[k][2] == "of" and span[k + 1][2] == "the":
            before, after = span[:k], span[k + 2:]
            if all(w[2][:1].isupper() and not lex.label_of_head(w[2]) for w in before) \
                    and any(lex.label_of_head(w[2]) for w in after):
                return after
            break
    return span


_ROMANCE_ARTICLES = ("la", "le", "les", "el", "los", "las", "il", "lo", "gli")


def split_at_and(lex, v: str, span) -> list:
    """A run that is two names joined by "and" as two runs: "Danish Robotics Cluster and Robotics
    Valley Estonia" (the first ends with its head noun); one run otherwise ("Science and Technology Park").

    >>> v = "Alfa Wood Cluster and Beta Valley"
    >>> [[w[2] for w in p] for p in split_at_and(load_lexicon(), v, [(0, 4, "Alfa"), (5, 9, "Wood"), (10, 17, "Cluster"),
    ...     (18, 21, "and"), (22, 26, "Beta"), (27, 33, "Valley")])]
    [['Alfa', 'Wood', 'Cluster'], ['Beta', 'Valley']]
    """
    for k, w in enumerate(span):
        if 0 < k < len(span) - 2 and w[2] in ("y", "et", "e") and span[k + 1][2] in _ROMANCE_ARTICLES \
                and span[k + 2][2][:1].isupper():       # "la Unión Europea y la Comisión Europea": two names
            return [span[:k]] + split_at_and(lex, v, span[k + 2:])
        if 0 < k < len(span) - 1 and w[2] == "and" and span[k + 1][2][:1].isupper() and not field_join(v, w[0] - 1) \
                and (k > 1 and lex.label_of_head(span[k - 1][2])     # "… Robotics Cluster and Robotics Valley"
                     or place_word(lex, span[k - 1][2]) and not country_code(v[span[0][0]:span[-1][1]])
                     or k > 1 and len(span) - k > 3 and is_legal_form(span[-1][2])     # "… Lab and Kappa Motors Oy"
                     or len(span) == 3 and _acronym(span[0][2]) and _acronym(span[2][2])):     # "ERDF and IPA"
            return [span[:k]] + split_at_and(lex, v, span[k + 1:])
    return [span] if span else []


def and_in_name(lex, left: str, right: str) -> bool:
    """Whether "<left> and <right>" is one name, not two: a field pair before a cluster's head noun
    ("Bajio Leather" and "Footwear Cluster": the "Bajio Leather and Footwear Cluster"), where the
    left part has no head noun of its own.

    >>> and_in_name(load_lexicon(), "the Bajio Leather", "Footwear Cluster"), and_in_name(load_lexicon(), "Alpha Cluster", "Beta Cluster")
    (True, False)
    """
    lw, rw = left.split(), right.split()
    return len(rw) == 2 and rw[0][:1].isupper() and lex.label_of_head(rw[1]) == "Cluster" \
        and bool(lw) and lw[-1][:1].isupper() and not any(lex.label_of_head(w) for w in lw)


def _acronym(word: str) -> bool:
    """Whether a word is written as an acronym: two to six capitals ("ERDF", "IPA").

    >>> _acronym("ERDF"), _acronym("Cluster")
    (True, False)
    """
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


_DASHED = re.compile(r"([A-Z][\w.]*)(?:\s[–-]\s|[–—])$")


def with_dashed_partner(lex, v: str, span):
    """A run that opens with a place, after "<place> – ", takes that place in: "EU – India Matchmaking Event".

    >>> v = "the EU – India Matchmaking Event"
    >>> [w[2] for w in with_dashed_partner(load_lexicon(), v, [(9, 14, "India"), (15, 26, "Matchmaking"), (27, 32, "Event")])]
    ['EU', 'India', 'Matchmaking', 'Event']
    """
    if not span:
        return span
    tail = v[max(0, span[0][0] - 4):span[0][0]]
    if "-" not in tail and "–" not in tail and "—" not in tail:
        return span     # what _DASHED needs: a dash right before the span (or before a line break there)
    d = _DASHED.search(v, max(0, span[0][0] - 30), span[0][0])
    if d and place_word(lex, d.group(1)) and place_word(lex, span[0][2]):
        return [(d.start(1), d.end(1), d.group(1))] + list(span)
    return span


def place_word(lex, w: str) -> bool:
    """A country (name, adjective or code) or a macro-region ("EU", "Europe", "European")."""
    f = fold(w)
    return bool(country_code(w) or f in lex.macro or f in ("eu", "euro") or f.endswith("an") and f[:-2] in lex.macro
                or f.endswith("ean") and f[:-3] + "e" in lex.macro)


@lru_cache(maxsize=1)
def _trim_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The words a chunk loses: leading determiners (and "the"), trailing role words, connectors and a
    person's title after "and"."""
    lex = load_lexicon()
    return lex.words("determiners") | {"the"}, lex.words("role_words"), lex.words("connectors"), lex.words("person_titles")


def trim_span(lex, span):
    """The chunk without leading determiners and trailing role words and connectors."""
    _, roles, conn, titles = _trim_words()
    span = _after_person(lex, _after_place(lex, without_determiners(span)))
    while len(span) > 2 and fold(span[0][2]) in roles and fold(span[1][2]) == "of":
        span = without_determiners(span[2:])    # "CEO of Nova GmbH": a person's role, then the body's name
    while span:
        if len(span) > 2 and fold(span[-1][2]) in titles and span[-2][2] == "and":
            span = span[:-2]        # "… and Mr"
        elif fold(span[-1][2]) in roles:
            span = span[:-1]
        else:
            break
    while span and fold(span[-1][2]) in conn:
        span = span[:-1]
    return _without_trailing_place(span)


_PLACE_PREPOSITIONS = frozenset({"a", "à", "al", "en", "au", "aux", "in", "nel", "nella"})


def _without_trailing_place(span):
    """A run that ends with a preposition and a place ends before them: "Beta Maritime Cluster à
    Tanger", "Gamma Cluster en Monterrey" (the place is where it is, not its name).

    >>> [w[2] for w in _without_trailing_place([(0, 4, "Beta"), (5, 12, "Cluster"), (13, 15, "en"), (16, 25, "Monterrey")])]
    ['Beta', 'Cluster']
    """
    for k in range(len(span) - 2, 1, -1):
        prep, the = fold(span[k][2]), fold(span[k + 1][2]) == "the"
        if (prep in _PLACE_PREPOSITIONS or the and prep in ("on", "at")) \
                and named_place(" ".join(w[2] for w in span[k + 1 + the:])):
            return span[:k]         # "… Brokerage Days on the Aveiro (waterfront)"
    return span
