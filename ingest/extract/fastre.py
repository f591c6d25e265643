"""``re`` whose searches jump to where a match can start: the engine's own character-set skip.

``re`` skips ahead in a tight loop only when a pattern opens with a consuming character class
or literal (and, under ``(?i)``, an uncased one). A pattern that opens with a lookahead
(``(?=[bc])``, see :func:`.literals.with_initials`), a look-behind, ``\\b``, an optional part or
a case-blind letter is entered at every position instead. :func:`compile` here compiles the same
pattern with the set of characters its matches can start with (every case of a case-blind
letter) in the engine's search header: the code that matches is unchanged, only positions where
no match can start are passed over, so every search, ``finditer``, ``sub`` and ``split`` gives the
same result. The rule modules import this module as ``re``; everything else is ``re``'s own.

>>> rx = compile(r"(?i)(?=[bc])(?<![\\w-])(?:co-?funded|backed)\\s+by")
>>> [m.span() for m in rx.finditer("It was Co-funded by A and backed by B.")], rx.pattern[:12]
([(7, 19), (26, 35)], '(?i)(?=[bc])')
>>> skips(rx), skips(compile(r"[ab]c")), skips(compile(r"x?")), skips(compile(r"[#]?[^\\W_]\\w*"))
(True, False, False, True)
"""
from __future__ import annotations

import re as _re
from functools import lru_cache
from re import *  # noqa: F401,F403 - the rule modules read flags, escape, error, Pattern … from here

import _sre
from re import _compiler as _scomp, _constants as _sc, _parser as _sp

__all__ = list(_re.__all__) + ["skips", "REPEATS"]

_WIDER = {_sc.CATEGORY_NOT_WORD: _sc.CATEGORY_WORD, _sc.CATEGORY_NOT_DIGIT: _sc.CATEGORY_DIGIT,
          _sc.CATEGORY_NOT_SPACE: _sc.CATEGORY_SPACE}
# the parser's repeat operators (possessive ones from Python 3.11): gates.py reads the same tree
REPEATS = (_sc.MAX_REPEAT, _sc.MIN_REPEAT, getattr(_sc, "POSSESSIVE_REPEAT", _sc.MAX_REPEAT))


def _first(seq) -> tuple[list | None, bool]:
    """Class items a sequence of parsed ops can start with (None: not known), and whether it may match empty."""
    out: list = []
    for op, av in seq:
        got, empty = _first_op(op, av)
        if got is None:
            return None, False
        out += got
        if not empty:
            return out, False
    return out, True


def _first_op(op, av) -> tuple[list | None, bool]:
    """:func:`_first` for one parsed op (zero-width ones start nothing and may be empty)."""
    if op is _sc.LITERAL:
        return [(op, av)], False
    if op is _sc.IN:
        if av[0][0] is not _sc.NEGATE:
            return list(av), False
        wider = [_WIDER[iav] for iop, iav in av[1:] if iop is _sc.CATEGORY and iav in _WIDER]
        return ([(_sc.CATEGORY, wider[0])] if wider else None), False     # [^\W_] lies within \w
    if op is _sc.SUBPATTERN:
        return _first(av[3]) if not av[1] and not av[2] else (None, False)   # flags changed inside: unknown
    if op is getattr(_sc, "ATOMIC_GROUP", None):
        return _first(av)
    if op is _sc.BRANCH:
        out, empty = [], False
        for alt in av[1]:
            got, e = _first(alt)
            if got is None:
                return None, False
            out, empty = out + got, empty or e
        return out, empty
    if op in REPEATS:
        got, empty = _first(av[2])
        return got, empty or av[0] == 0
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return [], True
    return None, False


@lru_cache(maxsize=1)
def _upper_forms() -> dict[int, list[int]]:
    """Each BMP character's other characters that lower-case to it ("K" and the Kelvin sign to "k");
    none outside the BMP lower-cases into the BMP."""
    out: dict[int, list[int]] = {}
    for x, low in enumerate(map(_sre.unicode_tolower, range(0x10000))):
        if low != x:
            out.setdefault(low, []).append(x)
    return out


_CLASS_OF = {_sc.CATEGORY_DIGIT: r"\d", _sc.CATEGORY_SPACE: r"\s", _sc.CATEGORY_WORD: r"\w"}


@lru_cache(maxsize=None)
def _category_map(category) -> bytes:
    """One byte per BMP character, 1 where the engine's ``\\d``, ``\\s`` or ``\\w`` holds (read by the engine itself)."""
    every = "".join(map(chr, range(0x10000)))
    rx = _CLASS_OF[category]
    return _re.sub(rx, "\x01", _re.sub(rx.upper(), "\x00", every)).encode("latin-1")


def _char_map(items, blind: bool) -> tuple[bytearray, bool] | None:
    """One byte per BMP character, 1 where a match may start, and whether one outside the BMP may
    (None: unsure); ``blind``: under (?i), where every case of a letter matches."""
    fixes = getattr(_scomp, "_EXTRA_CASES", None) if blind else {}
    if fixes is None:
        return None
    low, astral = bytearray(0x10000), False
    for op, av in items:
        if op is _sc.CATEGORY and av in _CLASS_OF:
            both = int.from_bytes(low, "big") | int.from_bytes(_category_map(av), "big")
            low = bytearray(both.to_bytes(0x10000, "big"))
            astral = True
            continue
        codes = [av] if op is _sc.LITERAL else range(av[0], av[1] + 1) if op is _sc.RANGE else None
        if codes is None or max(codes) >= 0x10000:
            return None
        for c in codes:
            c = _sre.unicode_tolower(c) if blind else c
            for k in (c,) + tuple(fixes.get(c, ())):
                low[k] = 1
    if blind:   # every character whose lower case is in the set
        for c, forms in _upper_forms().items():
            if low[c]:
                for x in forms:
                    low[x] = 1
    return low, astral


def _skip_head(items, flags: int) -> list | None:
    """The engine's charset code for the characters ``items`` accept (None: unsure): a bitmap of
    the first 256, and every character beyond when one of those may start a match (rare in text,
    and two tests per character are all a miss costs)."""
    found = _char_map(items, bool(flags & _re.IGNORECASE))
    if found is None:
        return None
    chars, astral = found
    charset = [(_sc.CHARSET, _scomp._mk_bitmap(bytes(chars[:0x100])))]
    if astral or chars.find(1, 0x100) >= 0:
        charset.append((_sc.RANGE, (0x100, 0x10FFFF)))
    head: list = []
    _scomp._compile_charset(charset, flags & ~_re.IGNORECASE, head)
    return head


def _skip_code(parsed, code: list, flags: int) -> list | None:
    """``code`` (``parsed`` compiled) with a search set of its first characters (None: no gain or unknown)."""
    if code[0] != _sc.INFO or code[2] != 0 or code[3] == 0:   # a prefix or set skip already, or may match empty
        return None
    items, empty = _first(parsed.data)
    if not items or empty or flags & (_re.LOCALE | _re.ASCII):
        return None
    head = _skip_head(items, flags)
    if head is None:
        return None
    return [_sc.INFO, 4 + len(head), _sc.SRE_INFO_CHARSET, code[3], code[4], *head, *code[1 + code[1]:]]


@lru_cache(maxsize=512)
def _compiled(pattern, flags: int) -> _re.Pattern:
    """``re.compile(pattern, flags)``, with the search set of :func:`_skip_code` when there is one."""
    if not isinstance(pattern, str) or flags & _re.DEBUG:
        return _re.compile(pattern, flags)
    try:
        return _with_skip(pattern, flags)
    except Exception:  # pragma: no cover - another Python's engine internals (or a bad pattern): re's own
        return _re.compile(pattern, flags)


def _with_skip(pattern: str, flags: int) -> _re.Pattern:
    """The engine's compile of ``pattern`` with :func:`_skip_code`'s search set (the engine
    internals of CPython 3.11 to 3.13; any other raises and :func:`_compiled` uses ``re``'s)."""
    parsed = _sp.parse(pattern, flags)      # what re.compile does, once
    code = _scomp._code(parsed, flags)
    code = _skip_code(parsed, code, parsed.state.flags | flags) or code
    indexgroup = [None] * parsed.state.groups
    for k, i in parsed.state.groupdict.items():
        indexgroup[i] = k
    return _sre.compile(pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, parsed.state.groupdict,
                        tuple(indexgroup))


def skips(rx: _re.Pattern) -> bool:
    """Whether :func:`compile` gave ``rx`` a search set that the engine would not have found itself."""
    try:
        parsed = _sp.parse(rx.pattern, rx.flags)
        return _skip_code(parsed, _scomp._code(parsed, rx.flags), rx.flags) is not None
    except Exception:  # pragma: no cover
        return False


def compile(pattern, flags=0) -> _re.Pattern:  # noqa: A001 - ``re.compile`` for the modules importing this as re
    """``re.compile``, searching with the engine's skip to where a match can start (same matches)."""
    if isinstance(pattern, _re.Pattern):
        return _re.compile(pattern, flags)
    return _compiled(pattern, int(flags))


def search(pattern, string, flags=0):
    """``re.search`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    """``re.match`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """``re.fullmatch`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).fullmatch(string)


def finditer(pattern, string, flags=0):
    """``re.finditer`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).finditer(string)


def findall(pattern, string, flags=0):
    """``re.findall`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).findall(string)


def sub(pattern, repl, string, count=0, flags=0):
    """``re.sub`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """``re.subn`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """``re.split`` with :func:`compile`'s pattern."""
    return compile(pattern, flags).split(string, maxsplit)
