"""Skipping whole-text regex scans that cannot match: the literal text a pattern requires.

A pattern such as ``\\b[Mm]emorandum of [Uu]nderstanding\\b`` starts with a word boundary and
a character class, so the regex engine tries it at every position of the text. Every match
must contain the plain run "emorandum of " though: when the text lacks it (str ``in``, a fast
substring search) the scan would find nothing and is skipped. Results are unchanged.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["required_literal", "may_match", "initials", "cue_words_rx"]

_QUANT = "?*+{"


def _runs(pat: str):
    """The plain-text runs found at the top level of a pattern (outside groups and classes)."""
    depth, in_class, run, i = 0, False, "", 0
    while i < len(pat):
        c = pat[i]
        if c == "\\":
            yield run
            run, i = "", i + 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            yield run
            run, in_class = "", True
        elif c in "()":
            yield run
            run, depth = "", depth + (1 if c == "(" else -1)
        elif c in _QUANT:
            yield run[:-1]          # the quantifier makes the run's last character optional
            run = ""
        elif depth == 0 and (c.isalpha() or c in " '-"):
            run += c
        else:
            yield run
            run = ""
        i += 1
    yield run


@lru_cache(maxsize=1024)
def required_literal(pat: str) -> str:
    """The longest plain text every match of ``pat`` contains ("" when none is sure).

    >>> required_literal(r"\\b[Mm]emorandum of [Uu]nderstanding\\b"), required_literal(r"a|b"), required_literal(r"(?i)abc")
    ('emorandum of ', '', '')
    """
    if "|" in _top_level(pat) or "(?" in pat and not _only_groups(pat):
        return ""
    return max(_runs(pat), key=len, default="")


def _top_level(pat: str) -> str:
    """The characters of ``pat`` outside groups and classes (escapes dropped).

    >>> _top_level(r"x(a|b)[|]y\\|")
    'xy'
    """
    out, depth, in_class, i = [], 0, False, 0
    while i < len(pat):
        c = pat[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif depth == 0:
            out.append(c)
        i += 1
    return "".join(out)


def _only_groups(pat: str) -> bool:
    """Whether every ``(?`` of a pattern opens a plain non-capturing group (no flags, no look-around).

    >>> _only_groups(r"a(?:b|c)"), _only_groups(r"(?i)a"), _only_groups(r"a(?=b)")
    (True, False, False)
    """
    return all(part.startswith(":") for part in pat.split("(?")[1:])


def may_match(pat: str, text: str) -> bool:
    """False only when ``text`` lacks the literal every match of ``pat`` needs.

    >>> may_match(r"\\b[Ll]etter of [Ii]ntent\\b", "a letter of intent"), may_match(r"\\b[Ll]etter of [Ii]ntent\\b", "a letter")
    (True, False)
    """
    lit = required_literal(pat)
    return not lit or lit in text


def initials(words) -> str:
    """A lookahead for the first characters of ``words``, to put before their alternation: the
    engine then tries the alternatives only where one of them can start (same matches, under the
    pattern's own case rule). Empty when a word is empty (it would match anywhere).

    >>> initials(["visit", "fair", "forum"])
    '(?=[fv])'
    """
    words = list(words)
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def cue_words_rx(words) -> re.Pattern:
    """One case-insensitive regex for a list of cue words, longest first, each at a word's start
    (tried only where one of them can start, see :func:`initials`).

    >>> cue_words_rx(["led by", "led"]).findall("Co-led by A, led by B")
    ['led by']
    """
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"(?i)" + initials(words) + r"(?<![\w-])(?:" + alts + r")")
