"""Skipping whole-text regex scans that cannot match: the literal text a pattern requires.

A pattern such as ``\\b[Mm]emorandum of [Uu]nderstanding\\b`` starts with a word boundary and
a character class, so the regex engine tries it at every position of the text. Every match
must contain the plain run "emorandum of " though: when the text lacks it (str ``in``, a fast
substring search) the scan would find nothing and is skipped. Results are unchanged.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache
from re import _compiler as _scomp, _constants as _sc, _parser as _sp

__all__ = ["required_literal", "may_match", "initials", "cue_words_rx", "with_initials", "alternation"]

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


def alternation(alts, ignore_case: bool = False) -> str:
    """``"|".join(alts)`` with the first characters that alternatives share drawn out, so the engine
    tries an alternative only where its first character is: ``ab|ac|b`` -> ``a(?:b|c)|b``. Same
    matches: each group keeps its alternatives in their order, and alternatives in different
    groups never match at one position. Left as it is unless every alternative opens with a plain
    character (ASCII when ``ignore_case``, the pattern's case rule) and has no top-level ``|``.

    >>> alternation(["bc", "Ab", "a", "b"], ignore_case=True), alternation(["Ab", "a"])
    ('b(?:c|)|A(?:b|)', 'Ab|a')
    >>> alternation(["ab", "a?c"]), alternation(["a|b", "a"])
    ('ab|a?c', 'a|b|a')
    """
    return _alternation(tuple(alts), ignore_case)


@lru_cache(maxsize=512)
def _alternation(alts: tuple[str, ...], ignore_case: bool) -> str:
    """:func:`alternation`, made once per list of alternatives (the lexicon's lists recur per document)."""
    if any("|" in a and "|" in _top_level(a) for a in alts):
        return "|".join(alts)
    return _factored(list(alts), ignore_case)


def _factored(alts: list[str], ignore_case: bool) -> str:
    """:func:`alternation` of alternatives without a top-level ``|`` (nor have their tails)."""
    heads = [_plain_head(a, ignore_case) for a in alts]
    if len(alts) < 2 or None in heads:
        return "|".join(alts)
    groups: dict[str, tuple[str, list[str]]] = {}
    for atom, key, rest in heads:
        groups.setdefault(key, (atom, []))[1].append(rest)
    return "|".join(atom + rests[0] if len(rests) == 1 else atom + "(?:" + _factored(rests, ignore_case) + ")"
                    for atom, rests in groups.values())


def _plain_head(alt: str, ignore_case: bool):
    """(first character as written, its key, the rest) when ``alt`` opens with one plain character
    that no quantifier follows; None otherwise (a class, group, escape of a kind, or empty)."""
    if alt[:1] == "\\":
        if len(alt) < 2 or alt[1].isalnum() or not alt[1].isascii():
            return None
        atom, ch = alt[:2], alt[1]
    elif not alt or alt[0] in ".^$*+?{}[]|()":
        return None
    else:
        atom, ch = alt[0], alt[0]
    if alt[len(atom):len(atom) + 1] in ("*", "+", "?", "{"):
        return None
    if ignore_case and ch.isalpha():
        if not ch.isascii():
            return None
        ch = ch.lower()
    return atom, ch, alt[len(atom):]


def cue_words_rx(words) -> re.Pattern:
    """One case-insensitive regex for a list of cue words, longest first, each at a word's start
    (tried only where one of them can start, see :func:`initials`).

    >>> cue_words_rx(["led by", "led"]).findall("Co-led by A, led by B")
    ['led by']
    """
    alts = alternation(sorted((re.escape(w) for w in words), key=len, reverse=True), ignore_case=True)
    return re.compile(r"(?i)" + initials(words) + r"(?<![\w-])(?:" + alts + r")")


_CATEGORIES = {_sc.CATEGORY_DIGIT: r"\d", _sc.CATEGORY_NOT_DIGIT: r"\D", _sc.CATEGORY_SPACE: r"\s",
               _sc.CATEGORY_NOT_SPACE: r"\S", _sc.CATEGORY_WORD: r"\w", _sc.CATEGORY_NOT_WORD: r"\W"}
_BROAD = {r"\w", r"\W", r"\s", r"\S", r"\D", re.escape(" "), re.escape("\t"), re.escape("\n")}
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))*")


@lru_cache(maxsize=1024)
def with_initials(pattern: str, flags: int = 0) -> str:
    r"""``pattern`` with a lookahead for the characters its matches can start with, after its
    leading flags (unchanged when that set is unknown, or a match may be empty): the engine then
    skips the other positions at once instead of trying every alternative there; same matches.

    >>> print(with_initials(r"(?i)(?<![\w-])(?:co-?funded|backed)\s+by"))
    (?i)(?=[bc])(?:(?<![\w-])(?:co-?funded|backed)\s+by)
    >>> print(with_initials(r"\b(?:\d+\s+)?events?"), with_initials(r"x?"), with_initials(r"[^a]b"))
    (?=[\de])(?:\b(?:\d+\s+)?events?) x? [^a]b
    >>> print(with_initials(r"\*\*|__|(?<=\s)\*"), with_initials(r"&(?:amp|lt);"))
    (?=[\*_])(?:\*\*|__|(?<=\s)\*) &(?:amp|lt);
    """
    try:
        parsed = _sp.parse(pattern, flags)
        found, empty = _first(parsed.data)
    except (re.error, TypeError, ValueError):  # pragma: no cover - a pattern the parser reads differently
        return pattern
    if found is None or empty or not found or found & _BROAD or parsed.state.flags & re.VERBOSE \
            or _engine_skips(parsed):
        return pattern      # unknown, empty, most characters (a check that only costs) or already skipped to
    head = _LEADING_FLAGS.match(pattern).end()     # the pattern in a group: "a|b" as a whole
    return pattern[:head] + "(?=[" + "".join(sorted(found)) + "])(?:" + pattern[head:] + ")"


def _engine_skips(parsed) -> bool:
    """Whether the regex engine already jumps to where a match can start (a literal or
    character-set prefix, which a leading lookahead would hide from it)."""
    flags = parsed.state.flags
    try:
        if _scomp._get_literal_prefix(parsed, flags)[0]:
            return True
        return _scomp._get_charset_prefix(parsed, flags) is not None
    except Exception:  # pragma: no cover - another Python's internals: leave the pattern alone
        return True


def _first(seq) -> tuple[set[str] | None, bool]:
    """The class items a sequence of parsed ops can start with (None: any), and whether it may match empty."""
    out: set[str] = set()
    for op, av in seq:
        got, empty = _first_op(op, av)
        if got is None:
            return None, False
        out |= got
        if not empty:
            return out, False
    return out, True


def _first_op(op, av) -> tuple[set[str] | None, bool]:
    """:func:`_first` for one parsed op (zero-width ones start nothing and may be empty)."""
    if op is _sc.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _sc.CATEGORY:
        return ({_CATEGORIES[av]}, False) if av in _CATEGORIES else (None, False)
    if op is _sc.IN:
        items = [_class_item(iop, iav) for iop, iav in av]
        return (None, False) if None in items else (set(items), False)
    if op is _sc.SUBPATTERN:
        return _first(av[3]) if not av[1] else (None, False)     # a group that turns a flag on: unknown
    if op is _sc.BRANCH:
        out, empty = set(), False
        for alt in av[1]:
            got, e = _first(alt)
            if got is None:
                return None, False
            out, empty = out | got, empty or e
        return out, empty
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        got, empty = _first(av[2])
        return got, empty or av[0] == 0
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return set(), True
    return None, False


def _class_item(op, av) -> str | None:
    """One member of a character class as class text, None for a negated or unknown one."""
    if op is _sc.LITERAL:
        return re.escape(chr(av))
    if op is _sc.RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    return _CATEGORIES.get(av) if op is _sc.CATEGORY else None
