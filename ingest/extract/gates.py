"""Skipping a range's regex scan where the text lacks every word the pattern's matches need.

A cue regex runs once per sentence, and each of its matches holds one of a few plain words
("funded", "financed", "supported" …: :func:`needed_words` reads them off the pattern). Those
words are found once per text, in its lower-case copy (``str.find``: much faster than trying the
pattern at each position); a range where none of them starts holds no match, and its scan is
skipped. Results are unchanged.

>>> rx = gated(re.compile(r"(?i)\\b(?:co-?funded|financed)\\s+by"))
>>> text = "Alpha met Beta. " * 200 + "It is Co-Funded by COSME."
>>> [m.group(0) for m in rx.finditer(text, 0, 16)], rx.finditer(text, len(text) - 25).__next__().group(0)
([], 'Co-Funded by')
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from re import _constants as _sc, _parser as _sp

from clusternet.ingest.extract.fastre import REPEATS

__all__ = ["needed_words", "gated", "Gated"]

MIN_WORD = 3        # a shorter word ("at", "by") is in nearly every sentence: no gate
MIN_TEXT = 2000     # a shorter string is scanned at once
MAX_SPELLINGS = 64  # a run of plain text read as at most this many strings
WARM_CALLS = 32     # scans of one text made directly before its words are indexed


@lru_cache(maxsize=256)
def needed_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    r"""Lower-case words one of which every match of ``pattern`` holds (None: none sure, or one too short).

    >>> sorted(needed_words(r"(?i)(?<![\w-])(?:co-?funded|financ(?:ed|é))\s+by"))
    ['co-funded', 'cofunded', 'financed', 'financé']
    >>> sorted(needed_words(r"\b(?:e(?:x(?:hibition|po)|v(?:e(?:n(?:t(?:s|)))))|organi[sz]ed)\b"))
    ['event', 'exhibition', 'expo', 'organised', 'organized']
    >>> needed_words(r"(?:at|by)\s+\w+"), needed_words(r"(?:alpha|beta)?gamma"), needed_words(r"ab(?:cd|)")
    (None, frozenset({'gamma'}), None)
    """
    try:
        words = _seq_words(_sp.parse(pattern, flags).data)
    except (re.error, TypeError, ValueError):  # pragma: no cover - a pattern the parser reads differently
        return None
    if not words or min(map(len, words)) < MIN_WORD:
        return None
    return frozenset(w for w in words if not any(o != w and o in w for o in words))   # "gamma" covers "betagamma"


def _seq_words(seq) -> frozenset[str] | None:
    """The best word set of a sequence: a run of plain text (its few spellings), or a required element's set."""
    best, run = None, {""}
    for op, av in [*seq, (None, None)]:
        e = _exact(op, av) if op is not None else None
        if e is not None and len(run) * len(e) <= MAX_SPELLINGS:
            run = {a + b for a in run for b in e}
            continue
        best = _better(best, frozenset(run)) if run != {""} else best
        run = set(e) if e is not None else {""}
        if op is not None and e is None:
            best = _better(best, _op_words(op, av))
    return best


def _exact(op, av) -> frozenset[str] | None:
    """The few plain strings (lower case, :func:`_plain` characters) one parsed element matches, else None ("" for a zero-width one)."""
    if op is _sc.LITERAL:
        return frozenset([chr(av).lower()]) if _plain(av) else None
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return frozenset([""])
    if op is _sc.IN:
        if len(av) > 4 or any(iop is not _sc.LITERAL or not _plain(iav) for iop, iav in av):
            return None
        return frozenset(chr(iav).lower() for _, iav in av)
    if op is _sc.SUBPATTERN:
        return _seq_exact(av[3])
    if op is _sc.BRANCH:
        sets = [_seq_exact(alt) for alt in av[1]]
        return None if None in sets or sum(map(len, sets)) > MAX_SPELLINGS else frozenset().union(*sets)
    if op in REPEATS and av[1] == 1:
        inner = _seq_exact(av[2])
        return None if inner is None else inner | {""} if av[0] == 0 else inner
    return None


def _plain(code: int) -> bool:
    """Whether a character is ASCII or a Latin-1 letter ("é", "à"): lower-casing it says what a
    case-blind regex matches (not so for "µ", which also matches "μ")."""
    return code < 0x80 or 0xC0 <= code <= 0xFF and code not in (0xD7, 0xF7)


def _seq_exact(seq) -> frozenset[str] | None:
    """:func:`_exact` of a sequence: every spelling of its elements one after the other."""
    out = {""}
    for op, av in seq:
        e = _exact(op, av)
        if e is None or len(out) * len(e) > MAX_SPELLINGS:
            return None
        out = {a + b for a in out for b in e}
    return frozenset(out)


def _op_words(op, av) -> frozenset[str] | None:
    """The word set of one parsed element that is no plain string (None: nothing sure)."""
    if op is _sc.SUBPATTERN:
        return _seq_words(av[3])
    if op is getattr(_sc, "ATOMIC_GROUP", None):
        return _seq_words(av)
    if op is _sc.BRANCH:
        sets = [_seq_words(alt) for alt in av[1]]
        return None if not sets or None in sets else frozenset().union(*sets)
    if op in REPEATS and av[0] >= 1:
        return _seq_words(av[2])
    return None


def _better(a, b):
    """The more selective of two word sets: the longer shortest word, then fewer words."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


_LOWER: list = [(None, None)]     # the last long text and its lower-case copy (None: unusable)


def _lowered(text: str) -> str | None:
    """``text.lower()``, offset for offset, when a case-blind regex's ASCII and Latin-1 letters
    match there only what lower-casing keeps ("ı" and "ſ" match "i" and "s"; "İ" grows); else None."""
    last = _LOWER[0]
    if last[0] is not text:
        low = text.lower()
        ok = len(low) == len(text) and "ı" not in low and "ſ" not in low
        last = _LOWER[0] = (text, low if ok else None)
    return last[1]


_STARTS: list = [(None, {})]    # the last long text's lower-case copy and where each word searched starts in it


def _word_starts(low: str | None, words) -> list[int] | bool:
    """Where any of ``words`` starts in ``low``, in order (False when ``low`` is None: unusable);
    each word is searched for once per text, whichever patterns need it."""
    if low is None:
        return False
    seen, found = _STARTS[0]
    if seen is not low:
        found = {}
        _STARTS[0] = (low, found)
    out = []
    for w in words:
        hits = found.get(w)
        if hits is None:
            hits, i = [], low.find(w)
            while i >= 0:
                hits.append(i)
                i = low.find(w, i + 1)
            found[w] = hits
        out.extend(hits)
    out.sort()
    return out


class Gated:
    """``rx`` whose ``search``/``match``/``fullmatch``/``finditer`` of a range of a long text are
    skipped when none of ``words`` starts in that range; every other use goes to ``rx``."""

    def __init__(self, rx: re.Pattern, words):
        self.rx = rx
        self.words = frozenset(words)
        self._last = (None, None, 0)      # the text read last, where the words start in it, calls on it

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def _may(self, text, pos: int, endpos: int | None) -> bool:
        """Whether a match may lie in ``text[pos:endpos]`` (False only when it surely cannot)."""
        seen, starts, _ = self._last
        if seen is text and starts:     # the text's index is built (and holds a word): the common case
            i = bisect_left(starts, pos if pos > 0 else 0)
            return i < len(starts) and starts[i] < (len(text) if endpos is None else endpos)
        return self._may_first(text, pos, endpos)

    def _may_first(self, text, pos: int, endpos: int | None) -> bool:
        """:meth:`_may` of a text not indexed yet (or without any of the words)."""
        if type(text) is not str or len(text) < MIN_TEXT:
            return True
        seen, starts, calls = self._last
        if seen is not text:
            starts, calls = None, 0
        if starts is None:
            calls += 1
            if calls <= WARM_CALLS:     # a pattern read a few times per text costs less than its index
                self._last = (text, None, calls)
                return True
            starts = _word_starts(_lowered(text), self.words)
            self._last = (text, starts, calls)
        if starts is False:
            return True
        i = bisect_left(starts, max(pos, 0))    # the first word starting at ``pos`` or after
        return i < len(starts) and starts[i] < (len(text) if endpos is None else endpos)

    def finditer(self, text, pos: int = 0, endpos: int | None = None):
        if not self._may(text, pos, endpos):
            return iter(())
        return self.rx.finditer(text, pos) if endpos is None else self.rx.finditer(text, pos, endpos)

    def search(self, text, pos: int = 0, endpos: int | None = None):
        if not self._may(text, pos, endpos):
            return None
        return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)

    def match(self, text, pos: int = 0, endpos: int | None = None):
        if not self._may(text, pos, endpos):
            return None
        return self.rx.match(text, pos) if endpos is None else self.rx.match(text, pos, endpos)

    def fullmatch(self, text, pos: int = 0, endpos: int | None = None):
        if not self._may(text, pos, endpos):
            return None
        return self.rx.fullmatch(text, pos) if endpos is None else self.rx.fullmatch(text, pos, endpos)


def gated(rx: re.Pattern):
    """``rx`` as a :class:`Gated` when its matches need words of three letters or more, else ``rx`` itself."""
    words = needed_words(rx.pattern, rx.flags)
    return Gated(rx, words) if words else rx
