"""What a count's measure takes after the counted noun: an unnamed place ("45 start-ups in its
incubator"), a city ("B2B meetings in Osaka"), whom meetings were with or trainings for ("B2B meetings
with Japanese buyers", "webinars for member companies") and the participle of a passive ("148 SMEs
were selected" -> "SMEs selected"). Token lists are (start, end, word) as :mod:`.counts` reads them.

>>> toks = [(0, 0, w) for w in "SMEs were selected".split()]
>>> passive_participle(toks, ["SMEs"])
['SMEs', 'selected']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon

__all__ = ["inner_place", "met_with", "passive_participle", "past_verb"]


def inner_place(toks, i: int, stop) -> int:
    """How many tokens from ``i`` make "in <a city>" or "in its/the <lowercase words>", ending where a
    ``stop`` word or a mark follows; 0 when none (a region, "in the laser and optics …").

    >>> toks = [(0, 0, w) for w in "start-ups in its incubator .".split()]
    >>> inner_place(toks, 1, {"in"}), inner_place(toks[:3] + [(0, 0, "Lyon")], 1, {"in"}), inner_place(toks[:2] + [(0, 0, "Lyon")], 1, {"in"})
    (3, 0, 2)
    """
    city = i + 1 < len(toks) and toks[i + 1][2][:1].isupper() and load_lexicon().city(toks[i + 1][2])
    if city and toks[i - 1][2].endswith("s") and (
            i + 2 == len(toks) or not toks[i + 2][2][:1].isalnum() or toks[i + 2][2] in stop):
        return 2        # "64 B2B meetings in Tokyo", not "60 clusters meet in Lyon for …"
    if i + 2 >= len(toks) or fold(toks[i + 1][2]) not in ("its", "the", "their"):
        return 0
    k = i + 2
    while k < len(toks) and k - i < 5 and re.fullmatch(r"[a-z][a-z-]+", toks[k][2]) and toks[k][2] not in stop:
        k += 1
    if k == i + 2 or (k < len(toks) and (toks[k][2][:1].isalnum() and toks[k][2] not in stop
                                          or fold(toks[k][2]) in ("and", "or", "of"))):
        return 0
    return k - i


_MEETINGS = frozenset({"meetings", "talks", "sessions", "b2bs", "appointments", "conversations"})
# activities a count says whom they were for: "12 webinars for member companies"
_FOR_WHOM = frozenset({"trainings", "webinars", "workshops", "courses", "seminars", "sessions", "events", "vouchers"})


def met_with(toks, i: int, stop) -> int:
    """How many tokens from ``i`` say whom meetings were with ("B2B meetings with Japanese buyers and
    distributors") or whom trainings were for, up to a ``stop`` word other than "and" or a mark; 0 when none.

    >>> toks = [(0, 0, w) for w in "B2B meetings with Japanese buyers and distributors were held".split()]
    >>> met_with(toks, 2, {"with", "and", "were"})
    5
    """
    held = i > 1 and fold(toks[i - 1][2]).endswith("ed")      # "B2B meetings arranged with Korean buyers"
    noun, prep = (fold(toks[i - 1 - held][2]), fold(toks[i][2])) if i else ("", "")
    if not (noun in _MEETINGS and prep in ("with", "between") or noun in _FOR_WHOM and prep == "for" and not held):
        return 0
    k = i + 1
    while k < len(toks) and k - i < 8 and toks[k][2][:1].isalnum() and (fold(toks[k][2]) == "and" or toks[k][2] not in stop):
        if toks[k][2][:1].isdigit() or fold(toks[k][2]) in load_lexicon()["number_words"]:
            return 0        # "87 meetings with 42 importers": a second count, its own measure
        k += 1
    while k > i + 1 and fold(toks[k - 1][2]) == "and":
        k -= 1
    return k - i if k > i + 1 else 0


_BE = frozenset({"were", "was", "are", "is", "have", "has", "had", "been"})
def past_verb(word: str) -> bool:
    """Whether a word reads as a past verb or participle ("selected", "held").

    >>> past_verb("held"), past_verb("arranged"), past_verb("clusters")
    (True, True, False)
    """
    w = fold(word)
    return w.endswith("ed") and len(w) > 4 or w in _IRREGULAR


_IRREGULAR = frozenset({"held", "met", "made", "done", "given", "won", "taken", "sold", "seen", "run", "sent",
                        "brought", "set", "built", "kept"})


def passive_participle(toks, words: list[str]) -> list[str]:
    """A measure's ``words`` (read from ``toks``) with the participle of a passive right after them
    ("148 SMEs were selected" -> SMEs selected), put before whom or what for ("B2B meetings
    pre-arranged with X"); the words as they are when none follows.

    >>> toks = [(0, 0, w) for w in "meetings with buyers were pre-arranged".split()]
    >>> passive_participle(toks, ["meetings", "with", "buyers"]), passive_participle(toks[:1], ["meetings"])
    (['meetings', 'pre-arranged', 'with', 'buyers'], ['meetings'])
    """
    j = k = len(words)
    while j < len(toks) and j - k < 3 and fold(toks[j][2]) in _BE:
        j += 1
    w = fold(toks[j][2]) if k and k < j < len(toks) else ""
    if not past_verb(w):
        return words
    cut = next((i for i, x in enumerate(words) if fold(x) in ("with", "between", "for")), k)
    return words[:cut] + [toks[j][2]] + words[cut:]
