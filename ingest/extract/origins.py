"""Whose countries a count of countries counts, in the text's language: "186 participants from 14
countries" -> countries of the participants, "340 participants venus de 19 pays" -> pays des
participants (used by :mod:`.counts`). The country nouns and the words that link them to their
owner are lexicon data (``country_count_links``, ``origin_links``).
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.measures import romance_predicate_words
from clusternet.ingest.extract.numbers import is_number_word

__all__ = ["countries_of", "nationality_part"]

# the verbs a plural noun before "from" may be ("members come from"), not the counted
_NOT_OWNERS = ("comes", "goes", "arrives", "originates", "stems", "ranges", "varies")
_ORIGIN_HEDGE = r"(?:(?:over|more\s+than|some|about|around|nearly|almost|plus\s+de|m[aá]s\s+de|oltre|pi[uù]\s+di)\s+)?"


@lru_cache(maxsize=1)
def _origin_rx() -> re.Pattern:
    """The counted noun before the words that link it to a number of countries ("participants
    from", "Participants: 212 from", "entreprises venues de"), ending where the number starts."""
    links = sorted(load_lexicon().words("origin_links"), key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in links)
    return re.compile(r"(?i)\b(?!(?:" + "|".join(_NOT_OWNERS) + r")\b)([^\W\d_][\w-]*[sxie])"
                      r"(?:\s*:\s*\d[\d.,]*,?)?\s+(?:" + alts + r")\s+" + _ORIGIN_HEDGE + "$")


def countries_of(v: str, lo: int, pos: int, measure_words: list[str]) -> list[str] | None:
    """The measure of a count of countries that says whose countries they are, in the text's
    language ("186 participants from 14 countries" -> countries of the participants); None for
    other counts.

    >>> countries_of("186 participants from 14 countries held", 0, 22, ["different", "countries", "held"])
    ['countries', 'of', 'the', 'participants']
    >>> countries_of("Participants: 212 from 9 countries", 0, 23, ["countries"])
    ['countries', 'of', 'the', 'participants']
    >>> countries_of("340 participants venus de 19 pays", 0, 26, ["pays"])
    ['pays', 'des', 'participants']
    >>> countries_of("members in 14 countries", 0, 11, ["countries"]) is None
    True
    >>> countries_of("Its members come from 9 countries", 0, 22, ["countries"]) is None
    True
    """
    links = load_lexicon()["country_count_links"]
    words = [fold(w) for w in measure_words[:3]]
    at = next((k for k, w in enumerate(words) if w in links or " ".join(words[k:k + 2]) in links), None)
    if at is None or at > 1:
        return None
    noun = words[at] if words[at] in links else " ".join(words[at:at + 2])
    bm = _origin_rx().search(v, max(lo, pos - 60), pos)
    if not bm or not bm.group(1).lower().endswith(("i", "e") if noun == "paesi" else ("s", "x")):
        return None
    owner = bm.group(1)
    owner = owner.lower() if owner[1:].islower() else owner
    return measure_words[at:at + len(noun.split())] + links[noun].split() + [owner]


_LIST_GLUE = frozenset({",", "and", "y", "e", "et", "or", "o", "ou", "–", "—"})


def nationality_part(words: list[str], after, last: str | None, noun: str | None = None) -> list[str] | None:
    """The whole measure of a count whose measure is a nationality alone, its noun said once for
    the list: "nine Slovak, four Czech and two Hungarian firms" -> "Slovak firms" (the noun after the
    list's last nationality); "ocho empresas españolas, cinco portuguesas" -> "empresas portuguesas"
    (the noun of ``last``, the count before it, in its order); "12 companies: seven Finnish" ->
    "Finnish companies"; "14 aziende - nove italiane" -> "aziende italiane" (``noun``, the sentence's
    first counted noun, before a Romance nationality); "five Portuguese ones" -> "Portuguese
    companies". None when ``words`` is no lone nationality or no noun is found.

    >>> toks = [(0, 0, w) for w in "Slovak , four Czech and two Hungarian firms".split()]
    >>> nationality_part(["Slovak"], toks, None), nationality_part(["portuguesas"], [], "empresas españolas")
    (['Slovak', 'firms'], ['empresas', 'portuguesas'])
    >>> nationality_part(["Finnish"], [], "companies counted"), nationality_part(["members"], [], "companies")
    (['Finnish', 'companies'], None)
    >>> nationality_part(["italiane", "ha"], [], None, "aziende"), nationality_part(["Spanish"], [], "Italian", "companies")
    (['aziende', 'italiane'], ['Spanish', 'companies'])
    >>> nationality_part(["Danish", "ones"], [], "French", "Spanish companies")
    ['Danish', 'companies']
    """
    if not words or not country_code(words[0]) or len(words) > 2 \
            or len(words) == 2 and fold(words[1]) not in _ELIDED and fold(words[1]) not in romance_predicate_words():
        return None
    words = words[:1]
    toks = [t[2] for t in after]
    for i in range(1, len(toks)):
        w = toks[i]
        if fold(w) in _LIST_GLUE or is_number_word(fold(w)) or w[:1].isdigit() or country_code(w):
            continue
        if w[:1].islower() and w.isalpha() and country_code(toks[i - 1]) and fold(w) not in _ELIDED:
            return [words[0], w]        # "two Hungarian firms"
        break
    prior = (last or "").split()[:2]
    if len(prior) == 2 and country_code(prior[1]) and not country_code(prior[0]):
        return [prior[0], words[0]]     # "empresas españolas, cinco portuguesas"
    if len(prior) == 2 and country_code(prior[0]) and prior[1].isalpha() and prior[1][:1].islower() \
            and fold(prior[1]) not in _ELIDED:
        return [words[0], prior[1]]     # "seven Finnish companies and five Swedish"
    if prior and prior[0].isalpha() and prior[0][:1].islower() and not country_code(prior[0]):
        return _in_order(words[0], prior[0])    # "12 companies: seven Finnish"
    nouns = [w for w in (noun or "").split() if w.isalpha() and w[:1].islower() and not country_code(w)]
    if nouns:
        return _in_order(words[0], nouns[0])    # "14 companies - nine Italian and five Spanish"
    return None


_ELIDED = frozenset({"ones"})       # "five Portuguese ones": the noun said before


def _in_order(nationality: str, noun: str) -> list[str]:
    """A nationality and its noun in the language's order: "Finnish companies", "aziende italiane"
    (a Romance nationality is written in lower case)."""
    return [noun, nationality] if nationality[:1].islower() else [nationality, noun]

