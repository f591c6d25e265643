"""Candidate names in one document's reading view, with the context that vouches for them.

A capitalised run of words ("chunk") becomes a mention when something supports it: a head
noun (Cluster, Agency, Fair …), a structured context (a list item with a "(Country)"
suffix, "Name (ACR)", "ACR – Name", a "such as …" list, "organised by X", "X is a …"),
or repetition. Everything else is dropped: precision first. The rules that find them live in
:mod:`.rules`, :mod:`.contexts` and :mod:`.events`; :func:`.finders.find_mentions` runs them all.

>>> is_acronym("CLUNET"), is_acronym("Cluster")
(True, False)
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from clusternet.ingest.extract.lexicon import country_code, load_lexicon, fold
from clusternet.ingest.extract.view import lines_of, make_view, sentences_of

__all__ = ["Mention", "Context", "build_context", "is_acronym", "is_strand_name", "is_cap", "view_memo", "eu_as_adjective"]

# "14 EU Member States", "EU clusters", "EU level", "the EU cluster policy": the Union as an adjective
_EU_ADJECTIVE = re.compile(r"\s+(?:[Mm]ember\s+[Ss]tates?|level|(?:cluster|policy|market|funding|single\s+market|"
                           r"internationalisation|internationalization)\b(?:\s+[a-z]+)?|clusters|countries|companies|"
                           r"SMEs|citizens|funds|programmes|institutions|regions|partners|delegations|policies|"
                           r"markets|industries|businesses|firms|organisations|organizations)\b")


def eu_as_adjective(view: str, end: int) -> bool:
    """Whether the "EU" ending at ``end`` qualifies the noun after it rather than naming the Union.

    >>> eu_as_adjective("14 EU Member States", 5), eu_as_adjective("funded by the EU.", 16)
    (True, False)
    >>> eu_as_adjective("The EU has agreed", 6), eu_as_adjective("the EU cluster policy", 6)
    (False, True)
    """
    return _EU_ADJECTIVE.match(view, end) is not None

WORD = re.compile(r"[#]?[^\W_][\w'’.&@+\-–/]*[\w+]|[^\W_]")
# "EIT", "CLUSTERS4BLUE", "BioM", and a coined name with a strand's suffix ("SOILDATA-4i")
_ACR = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z0-9][A-Z0-9&.\-ÀÓÉÍÚ]*[A-Z0-9ÀÓÉÍÚ](?:-\d[a-z])?$|^[A-Z][a-z]*[A-Z][A-Za-z0-9]*$")
_ORD = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")


@dataclass
class Mention:
    start: int
    end: int
    name: str
    label: str | None
    rule: str
    conf: float = 0.7
    country: str | None = None
    region: str | None = None
    aliases: list[str] = field(default_factory=list)
    sent: int = -1
    props: dict = field(default_factory=dict)
    group: int | None = None        # list id: items of one list share it
    list_cue: str | None = None     # the words introducing the list


@dataclass
class Context:
    text: str
    view: str
    lines: list
    sents: list

    def sent_at(self, pos: int) -> int:
        """The sentence holding ``pos``, else the next one (clamped to the last; 0 when none)."""
        sents = self.sents
        index = self.__dict__.get("_sent_index")
        if index is None or index[0] is not sents or len(index[1]) != len(sents):
            index = self.__dict__["_sent_index"] = (sents, [s.start for s in sents], [s.end for s in sents])
        i = bisect_right(index[1], pos) - 1      # sentences are in order and do not overlap
        if i >= 0 and pos < index[2][i]:
            return i
        return max(0, min(i + 1, len(sents) - 1))


def build_context(text: str) -> Context:
    view = make_view(text)
    lines = lines_of(view, text)
    return Context(text, view, lines, sentences_of(lines))


@lru_cache(maxsize=200_000)
def is_cap(w: str) -> bool:
    if w[0].isupper() or w[0] == "#":
        return True
    if w[0].isdigit():
        return any(c.isalpha() for c in w) and (any(c.isupper() for c in w) or bool(_ORD.match(w)))
    return bool(re.match(r"^[dl]['’][A-ZÀ-Ý]", w)) or any(c.isupper() for c in w[1:])


_STRAND = re.compile(r"[A-Z]-4[ix]$")     # an ESCP's coined name carries its strand: "SOILDATA-4i"


def is_strand_name(w: str) -> bool:
    """Whether a word is a coined partnership name with its ESCP strand ("SOILDATA-4i", "BLUE-4x").

    >>> is_strand_name("SOILDATA-4i"), is_strand_name("CLUNET")
    (True, False)
    """
    return _STRAND.search(w) is not None


@lru_cache(maxsize=100_000)
def is_acronym(w: str) -> bool:
    return bool(_ACR.match(w)) and len(w) <= 14 + 3 * w[-1:].islower()


_TOK: dict = {"view": None, "toks": [], "starts": [], "ends": []}


_WORD_SPLIT = re.compile("(" + WORD.pattern + ")")


def _all_tokens(view: str):
    if _TOK["view"] is not view:
        # split gives [gap, word, gap, word, …, gap] (the same matches as WORD.finditer): a word's
        # start and end are the running lengths before and after it
        parts = _WORD_SPLIT.split(view)
        at = [0, *accumulate(map(len, parts))]
        starts, ends = at[1:-1:2], at[2::2]
        _TOK.update(view=view, toks=list(zip(starts, ends, parts[1::2])), starts=starts, ends=ends)
    return _TOK["toks"], _TOK["starts"], _TOK["ends"]


def tokens(view: str, start: int, end: int):
    """The WORD tokens of ``view[start:end]`` (exactly as ``WORD.finditer(view, start, end)``).

    The whole view is tokenised once; a range takes its inner tokens from that list and
    re-reads only a word cut by either edge, so cost follows the range, not the document.
    """
    toks, starts, ends = _all_tokens(view)
    i = bisect_left(starts, start)
    j = bisect_right(ends, end, lo=i)
    if i > 0 and ends[i - 1] > start:  # a word cut by the start: read its tail alone
        out = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(view, start, min(ends[i - 1], end))]
        out.extend(toks[i:j])
    else:
        out = toks[i:j]
    if j < len(toks) and starts[j] < end:  # a word cut by the end
        out.extend((m.start(), m.end(), m.group(0)) for m in WORD.finditer(view, starts[j], end))
    return out


def view_memo(memo: dict, view: str) -> dict:
    """``memo``'s table of answers about ``view`` (keyed by offsets), emptied when another view is
    read: one document's answers are kept, never a second document's.

    >>> m = {"view": None, "map": {}}; view_memo(m, "a")[1] = "x"; view_memo(m, "a"), view_memo(m, "b")
    ({1: 'x'}, {})
    """
    if memo["view"] is not view:
        memo["view"], memo["map"] = view, {}
    return memo["map"]


_CACHE: dict = {"view": None, "map": {}}
_POSS = re.compile(r"['’]s$")


def chunks(view: str, start: int, end: int):
    """Capitalised runs (with inner connectors) as lists of (start, end, word) tokens."""
    seen = view_memo(_CACHE, view)
    key = (start, end)
    hit = seen.get(key)
    if hit is None:
        hit = seen[key] = _chunks(view, start, end)
    return list(map(list, hit))


def sentence_chunks(view: str, line, sent):
    """``chunks(view, sent.start, sent.end)`` for a sentence of ``line``, taken from the line's runs.

    A sentence break (".", "!", "?" or ";" before a space) is never inside a word and always ends
    a run, so the sentence's runs are exactly the line's runs that lie within it.
    """
    return [c for c in chunks(view, line.start, line.end) if c[0][0] >= sent.start and c[-1][1] <= sent.end]


def last_chunk(view: str, start: int, end: int):
    """``chunks(view, start, end)[-1]`` (None when there is none), read from the last word that ends
    every run (neither capitalised nor a connector) instead of from ``start``: from such a word on,
    the runs are the same whatever came before it."""
    conn = load_lexicon().words("connectors")
    toks = tokens(view, start, end)
    k = len(toks) - 1
    while k >= 0 and (_word_kind(toks[k][2], conn)[1] or _word_kind(toks[k][2], conn)[2]):
        k -= 1
    if k >= 0 and _whole_token(view, toks[k]):
        tail = chunks(view, toks[k][1], end)
        if tail:
            return tail[-1]
    ch = chunks(view, start, end)
    return ch[-1] if ch else None


def _whole_token(view: str, tok) -> bool:
    """Whether ``tok`` is a word of the whole view's tokens (not a piece of one cut by a range)."""
    _, starts, ends = _all_tokens(view)
    i = bisect_left(starts, tok[0])
    return i < len(starts) and starts[i] == tok[0] and ends[i] == tok[1]


_KINDS: dict = {"conn": None, "map": {}}


def _word_kind(w: str, conn: frozenset) -> tuple[str, bool, bool, bool]:
    """How a token reads in a run: (word without "'s", capitalised?, connector?, "the"?), once per word.

    >>> _word_kind("Europe's", frozenset({"of"})), _word_kind("of", frozenset({"of"}))
    (('Europe', True, False, False), ('of', False, True, False))
    """
    if _KINDS["conn"] is not conn or len(_KINDS["map"]) > 300_000:
        _KINDS["conn"], _KINDS["map"] = conn, {}
    kind = _KINDS["map"].get(w)
    if kind is None:
        w2 = _POSS.sub("", w) if w.endswith(("s",)) else w
        f = fold(w)
        kind = _KINDS["map"][w] = (w2, is_cap(w2), f in conn, f == "the")
    return kind


_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])+")


def _is_place_word(word: str) -> bool:
    """Whether a word names a country or a region of the gazetteer ("Brazil", "Catalonia")."""
    lex = load_lexicon()
    return bool(country_code(word) or lex.region(word))


def _chunks(view: str, start: int, end: int):
    lex = load_lexicon()
    conn = lex.words("connectors")
    preps = lex.words("prepositions")
    toks = tokens(view, start, end)
    out, cur = [], []
    prev_end = None
    _word_kind("the", conn)     # the kinds cache now belongs to ``conn``
    kinds = _KINDS["map"]
    for tok in toks:
        s, e, w = tok
        if cur and prev_end is not None and s > prev_end and (s > prev_end + 1 or view[prev_end] != " ") \
                and (view[prev_end:s].strip() not in ("", "&") or "\t" in view[prev_end:s]) \
                and not (view[prev_end:s] == ". " and _DOTTED.fullmatch(cur[-1][2])):     # "U.S. Department of …"
            out.append(cur)
            cur = []
        prev_end = e
        kind = kinds.get(w)
        w2, cap, is_conn, is_the = kind if kind is not None else _word_kind(w, conn)
        if cap:
            if len(w2) < len(w):    # "Europe's": the run ends with "Europe"
                cur.append((s, s + len(w2), w2))
                out.append(cur)
                cur = []
            else:
                cur.append(tok)
        elif cur and is_conn and w in preps and cur[-1][2] == "and" and len(cur) > 1 and _is_place_word(cur[-2][2]):
            out.append(cur[:-1])     # "… in Brazil and of the São Paulo Agency": two names, no "and of" inside one
            cur = []
        elif cur and is_conn and not (is_the and fold(cur[-1][2]) not in preps):
            cur.append(tok)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    res = []
    for c in out:
        c = _cut_date(c) if len(c) > 2 else c     # a date needs "on" inside the run
        while c and fold(c[-1][2]) in conn and not is_cap(c[-1][2]):
            c = c[:-1]
        if c:
            res.append(c)
    return res


def _cut_date(c: list) -> list:
    """A run cut before "on (the) <ordinal / day / month>": "X Association on the 16th of May" is X.

    >>> [w[2] for w in _cut_date([(0, 1, "Alfa"), (2, 3, "on"), (4, 5, "the"), (6, 7, "16th"), (8, 9, "of"), (9, 10, "May")])]
    ['Alfa']
    """
    months = None
    for k in range(1, len(c) - 1):
        if c[k][2] != "on":
            continue
        months = months or load_lexicon().words("months")
        nxt = c[k + 2] if fold(c[k + 1][2]) == "the" and k + 2 < len(c) else c[k + 1]
        if nxt[2][:1].isdigit() or fold(nxt[2]) in months:
            return c[:k]
    return c


def initials_match(acr: str, words: list[str]) -> bool:
    """Whether an acronym's letters appear, in order, as initials/letters of the words."""
    letters = [c for c in fold(acr) if c.isalnum()]
    text = [fold(w) for w in words if fold(w) not in ("of", "for", "and", "the", "de", "du", "des", "la", "y", "&")]
    if not letters or not text or letters[0] != text[0][:1]:
        return False
    i = 0
    for w in text:
        for j, c in enumerate(w):
            if i < len(letters) and c == letters[i] and (j == 0 or i > 0):
                i += 1
                if j == 0:
                    continue
    return i == len(letters)


def sh_expand(acr: str, words: list[tuple[int, int, str]], backwards: bool):
    """Schwartz-Hearst style: the fewest words whose initials spell the acronym."""
    letters = [c for c in fold(acr) if c.isalpha()]
    n = len(letters)
    seq = list(reversed(words)) if backwards else words
    for k in range(n, min(len(seq), n + 4) + 1):
        cand = seq[:k] if not backwards else list(reversed(seq[:k]))
        heads = [fold(w[2])[0] for w in cand if fold(w[2]) not in ("du", "de", "des", "of", "for", "and", "la", "the", "et", "y")]
        if "".join(heads) == "".join(letters) and (cand[0][2][0].isupper()):
            return cand
    return None
