"""A count that is a part of the one before it in its sentence (used by :mod:`.counts`): "230
adhérents, dont 160 PME", "137 organisations, 112 of which are SMEs", "64 B2B meetings in Seoul and 17 in
Busan", "14 SMEs, nine of them coming from Spain", "186 participants … – 112 from companies". The part
takes the counted noun of the whole and says which part it is.

>>> short_measure("B2B meetings in Osaka")
'B2B meetings'
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
import itertools
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, number_value

__all__ = ["part_cue", "part_cues_rx", "part_of_before", "short_measure"]


@lru_cache(maxsize=1)
def part_cues_rx() -> re.Pattern:
    """The cues of ``part_cues_before`` (lexicon) ending a text, a hedge allowed after them ("dont plus de")."""
    cues = "|".join(re.escape(c) for c in sorted(load_lexicon()["part_cues_before"], key=len, reverse=True))
    return re.compile(r"(?:^|\W)(?P<cue>" + cues + r")(?:\s+(?:about|around|some|over|unas|unos|environ|circa|oltre|"
                      r"más\s+de|plus\s+de))?\s*$")


# what follows "60 of them" when no noun does: where they come from, a verb (read by part_of_before)
_NOT_PART_NOUN = frozenset({"from", "in", "at", "are", "were", "is", "was", "came", "come", "based", "with", "had"})


def part_cue(v: str, lo: int, pos: int, after, unit=None) -> tuple[list, list[str]]:
    """The words after a count at ``pos``, read as "of which are …" when the text says the count is a
    part of the one before ("of which 150 are SMEs", "dont 160 PME", "51 de ellas pymes"), and the
    words that say "among" in the text's language.

    >>> t = "230 adhérents, dont 160 PME"; toks = [(0, 0, "PME")]
    >>> [w for *_, w in part_cue(t, 0, t.index("160"), toks)[0]], part_cue(t, 0, t.index("160"), toks)[1]
    (['of', 'which', 'are', 'PME'], ['parmi', 'les'])
    """
    lex = load_lexicon()
    words = [fold(t[2]) for t in after[:3]]
    for cue, among_words in lex["part_cues_after"].items():
        n = len(cue.split())
        if words[:n] == cue.split() and len(after) > n and fold(after[n][2]) not in _NOT_PART_NOUN:
            return [(0, 0, "of"), (0, 0, "which"), (0, 0, "are")] + list(after[n:]), among_words.split()
    cm = part_cues_rx().search(fold(v[max(lo, pos - 30):pos]))
    cue = cm.group("cue") if cm else None
    among_words = lex["part_cues_before"].get(cue, "among the").split()
    if cue is None or len(after) < 2 and words[:1] in (["are"], ["were"]):
        return after, among_words
    if words[0] in ("are", "were"):     # "of which 150 are SMEs"
        return [(0, 0, "of"), (0, 0, "which")] + list(after), among_words
    if unit is not None:
        return after, among_words       # "of which EUR 960,000 comes from …": no part of a count
    rest = list(after[1:]) if words[0] in lex.words("romance_copulas") else list(after)
    return [(0, 0, "of"), (0, 0, "which"), (0, 0, "are")] + rest, among_words


def part_of_before(after, prev_noun):
    """After "112 of which are …", "60 of them from …" or "17 in Busan": (the words that say what the
    part is, the measure when it is the counted noun before and where they are or come from), else None.

    >>> toks = [(0, 0, w) for w in "of them from EU Member States".split()]
    >>> part_of_before(toks, "participants")[1]
    ['participants', 'from', 'EU', 'Member', 'States']
    """
    if len(after) > 1 and prev_noun and (fold(after[0][2]) in ("in", "from") and _capital_after_the(after[1:])
                                         or _from_kind(after)):
        rest = after        # "64 B2B meetings in Seoul and 17 in Busan", "– 112 from companies": the noun said before
    elif len(after) < 3 or fold(after[0][2]) != "of" or fold(after[1][2]) not in ("which", "them", "whom"):
        return None
    else:
        rest = after[2:]
    copula = fold(rest[0][2]) in ("are", "were", "is", "was") and len(rest) > 1
    body = rest[1:] if copula else rest
    where = body[1:] if fold(body[0][2]) in _COMING and len(body) > 2 else body    # "nine of them coming from Spain"
    if fold(where[0][2]) in ("from", "in") and prev_noun and len(where) > 1 and _capital_after_the(where[1:]):
        the = [where[1][2]] if fold(where[1][2]) == "the" else []
        place = [where[0][2], *the] + [t[2] for t in itertools.takewhile(lambda t: t[2][:1].isupper(), where[1 + len(the):])]
        return where, [prev_noun] + place
    if prev_noun and (kind := _from_kind(where)):
        return where, [prev_noun, "from", *kind]     # "21 of them from cluster organisations", "58 came from abroad"
    return (body, []) if copula else None


_COMING = frozenset({"coming", "originating", "all", "came", "come", "comes"})
_KIND_END = frozenset({"and", "or", ",", ".", ";", ":", "(", ")", "–", "—", "were", "are", "was", "is", "who", "which"})


def _from_kind(toks) -> list[str] | None:
    """The kind of body a part comes from, after "from" in small letters ("from companies", "from
    research institutions and public bodies", "from abroad"), up to five words; else None.

    >>> _from_kind([(0, 0, w) for w in "from cluster organisations and 17 from SMEs".split()])
    ['cluster', 'organisations']
    """
    if len(toks) < 2 or fold(toks[0][2]) != "from" or not (toks[1][2].isalpha() and toks[1][2][:1].islower()) \
            or fold(toks[1][2]) in _NOT_KIND:
        return None
    out = []
    for i, t in enumerate(toks[1:6], 1):
        w = t[2]
        if fold(w) in _KIND_END and not (fold(w) == "and" and i + 1 < len(toks) and toks[i + 1][2].isalpha()
                                         and number_value(toks[i + 1][2]) is None):
            break
        if not w.replace("-", "").isalpha():
            break
        out.append(w)
    return out or None


_NOT_KIND = frozenset({"the", "a", "an", "their", "its", "our", "each", "all", "both", "which", "where", "there"})


def _capital_after_the(toks) -> bool:
    """Whether the words open with a capital, or with "the" and a country ("the Netherlands", not
    "the European Regional Development Fund").

    >>> _capital_after_the([(0, 0, "the"), (0, 0, "Czech"), (0, 0, "Republic")]), _capital_after_the([(0, 0, "the"), (0, 0, "European")])
    (True, False)
    """
    if toks and fold(toks[0][2]) == "the" and len(toks) > 1:
        run = " ".join(t[2] for t in itertools.takewhile(lambda t: t[2][:1].isupper(), toks[1:4]))
        return bool(run) and country_code(run) is not None
    return toks[0][2][:1].isupper()


def short_measure(measure: str | None) -> str | None:
    """A measure short enough for a part after it to take ("B2B meetings in Osaka" -> "B2B meetings"),
    without its city or its agent; None when it is longer than three words or qualified.

    >>> short_measure("B2B meetings in Osaka"), short_measure("SMEs (at least)"), short_measure("members represented by X")
    ('B2B meetings', None, 'members')
    >>> short_measure("companies among the members"), short_measure("SMEs from the Czech Republic")
    ('companies', 'SMEs')
    >>> short_measure("countries of the"), short_measure("European delegates from cluster organisations")
    (None, 'European delegates')
    """
    short = measure and re.sub(r"\s(?:in\s[A-Z][\w-]+|from\s(?:the\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2}|\w+ed\s+by\s.*|"
                               r"from\s[a-z][\w-]*(?:\s[a-z][\w-]*){0,4}|(?:among|parmi|entre|tra)\s.*)$", "", measure)
    if short and short.startswith("countries"):
        return None     # "186 participants from 14 countries – 112 from companies": not the countries
    return short if short and len(short.split()) <= 3 and "(" not in short else None
