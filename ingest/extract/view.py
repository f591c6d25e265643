"""A same-length "reading view" of a document and its sentences, lines and headings.

Markup (``**``, ``<b>``, ``#``, link targets, URLs, e-mails) and page furniture (a breadcrumb,
a row of links such as "Read more | Share", a PDF's running header with its page number) are blanked out and soft line wraps become spaces
(not after a short heading on a web page, nor between short indented items), always character
for character, so an offset into the view is an offset into the original text and every
span's text can be cut from the original.

>>> v = make_view("**Partners:**\\n- Alpha Cluster (ES)\\n<b>Beta</b> is a\\nnew pole.")
>>> len(v) == len("**Partners:**\\n- Alpha Cluster (ES)\\n<b>Beta</b> is a\\nnew pole.")
True
>>> [ln.strip() for ln in v.splitlines()]
['Partners:', 'Alpha Cluster (ES)', 'Beta     is a new pole.']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from dataclasses import dataclass

from clusternet.ingest.extract.lexicon import country_code
from clusternet.ingest.extract.literals import with_initials

__all__ = ["make_view", "row_text", "Line", "Sentence", "lines_of", "sentences_of", "TABLE_RULE"]

# the page number of a PDF's running header or footer ("Open Call 1 results      page 2 / 4",
# "Page 3 of 12"), with the gap or dash before it
_PAGE_NUMBER = re.compile(r"(?im)(?:[ \t]{3,}|[ \t][|–-][ \t]|^[ \t]*)(?:page|pagina|página|seite|strana)"
                          r"[ \t]+\d{1,3}(?:[ \t]*(?:/|of|de|sur|di|von|z)[ \t]*\d{1,3})?[ \t]*$")
_BLANKS = [
    re.compile(r"<[A-Za-z/!][^<>]{0,300}?>"),                 # HTML tags
    re.compile(r"\]\([^)\s]{0,500}\)"),                       # markdown link targets
    re.compile(r"\b(?:https?://|www\.)[^\s)<>\]]+"),          # URLs
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),              # e-mail addresses
    re.compile(r"(?<![\w@])@\w+"),                            # handles
    re.compile(r"\*\*|__|(?<=\s)\*(?=\w)|(?<=\w)\*(?=[\s.,:;)])|^\*(?=\w)", re.M),  # emphasis
    re.compile(r"^[ \t]*#{1,6}(?=\s)", re.M),                 # markdown headings
    re.compile(r"^[ \t]*(?:[-•»▪●◦*+]|\d{1,2}[.)])(?=\s)", re.M),  # bullets
    re.compile(r"&(?:nbsp|amp|quot|lt|gt);"),
    re.compile(r"\[(?=[^\]\n]{1,200}\])|(?<=[^\[\n])\]"),      # link brackets
    re.compile(r"(?<=[a-z]\.)n(?=[A-Z][a-z])"),                 # a "\n" that lost its backslash: "Mulhouse.nThe"
    # page furniture: a breadcrumb ("Home > News > Events"), a menu row ("[Home](/) · [News](/news)")
    # and a line of link words ("Read more | Share")
    re.compile(r"^[ \t]*[^\n>»›]{1,40}(?:[ \t][>»›][ \t][^\n>»›]{1,40}){2,}[ \t]*$|"
               r"^[ \t]*\[?(?:Home|Accueil|Inicio|Startseite)[ \t]+[>»›/·|•][^\n]{0,120}$", re.M),
    re.compile(r"(?i)^(?=[^\n]*\b(?:read more|back to|share this|print this|tweet)\b)[ \t]*"
               r"(?>[^|\n]{1,25}\|[ \t]*)+[^|\n]{0,25}$", re.M),     # atomic: no backtracking over cells
    _PAGE_NUMBER,
]
_BLANKS = [re.compile(with_initials(rx.pattern, rx.flags), rx.flags) for rx in _BLANKS]   # same matches, fewer tries
_NOT_NL = re.compile(r"[^\n]")
_ENTITY_CHARS = {"&amp;": "&    ", "&nbsp;": "      "}


def _blank(m: re.Match) -> str:
    s = m.group(0)
    if s in _ENTITY_CHARS:
        return _ENTITY_CHARS[s]
    return _NOT_NL.sub(" ", s)


TABLE_RULE = re.compile(r"\s*\|?[\s:|-]*-{3,}[\s:|-]*")      # "|---|---|" under a Markdown table's header (fullmatch)
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_BULLET = re.compile(r"(?:[-•»▪●◦*+]|\d{1,2}[.)])(?:\s|$)")


def _is_heading(line: str) -> bool:
    s = line.strip()
    if len(s) >= 90:
        return False
    n = sum(map(str.isalpha, s))
    # upper-case characters are letters: counting them over the whole line is the same count
    return n > 0 and sum(map(str.isupper, s)) / n > 0.8


# Blanking patterns whose matches stay inside one line, contain one of these strings, and read a
# line's edges as they read "\n" (no look-behind or look-ahead that a "\n" satisfies): they are
# run only on the lines that hold such a string, with the same result as over the whole text.
_LINE_LOCAL = {2: ("http", "www."), 3: ("@",), 4: ("@",), 9: ("[", "]"), 10: (".n",), 11: (">", "»", "›", "/", "·", "|", "•"), 12: ("|",),
               13: ("page", "Page", "PAGE", "pagin", "Pagin", "PAGIN", "págin", "Págin", "PÁGIN", "eite", "EITE", "trana", "TRANA")}


def _line_spans(v: str, needles) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``v`` that contains one of ``needles``, in order.

    >>> _line_spans("a@b\\nno\\nc@d e@f\\n", ("@",))
    [(0, 3), (7, 14)]
    """
    spans = set()
    for n in needles:
        i = v.find(n)
        while i >= 0:
            ls = v.rfind("\n", 0, i) + 1
            le = v.find("\n", i)
            le = len(v) if le < 0 else le
            spans.add((ls, le))
            i = v.find(n, le)
    return sorted(spans)


def _sub_lines(rx: re.Pattern, v: str, needles) -> str:
    """``rx.sub(_blank, v)`` for a line-local pattern, read only on the lines that may match."""
    out, pos = [], 0
    for ls, le in _line_spans(v, needles):
        out.append(v[pos:ls])
        out.append(rx.sub(_blank, v[ls:le]))
        pos = le
    out.append(v[pos:])
    return "".join(out)


# a fact sheet's "Label: value" line: one field a line, never a wrapped sentence
_FIELD_LINE = re.compile(r"[\s*#>•-]*[^\W\d_][\w &/()'’.-]{0,40}:(?:\s|$)")
_OPENER = re.compile(r"(?:The|This|These|In|On|At|During|After|Last|Next)\s")


def _new_start(line: str, nxt: str, first: bool) -> bool:
    """Whether ``nxt`` starts anew rather than continuing ``line``: after a page's first line
    (its title), or a sentence opener after a line that ends in a capitalised word (a heading
    without punctuation: "… - Clusters" / "The Commission will …").

    >>> _new_start("Call for Interest - Clusters", "The Commission will", False), _new_start("the", "The", False)
    (True, False)
    """
    last = line.split()[-1] if line.split() else ""
    return first or (_OPENER.match(nxt) is not None and last[:1].isupper())


def _short_heading(prev: str, line: str, nxt: str) -> bool:
    """Whether ``line`` is a heading of its own: short, after a blank line, before a capitalised
    line ("About FoodTech Jutland" / "FoodTech Jutland is …"), so no wrapped sentence.

    >>> _short_heading("", "About Blue Cluster", "Blue Cluster is"), _short_heading("The cluster", "and its", "Members")
    (True, False)
    """
    words = line.split()
    return (not prev.strip() and len(line) <= 50 and nxt[:1].isupper() and bool(words)
            and all(w[:1].isupper() or len(w) < 4 for w in words) and words[-1].lower() not in _OPEN_ENDS)


_OPEN_ENDS = frozenset({"for", "of", "and", "the", "in", "to", "with", "on", "at", "a", "an", "de", "du", "des", "la", "le", "del"})
# words no sentence ends on: a line ending in one was cut (by a page break: :func:`_page_joins`)
_CUT_ENDS = _OPEN_ENDS | {"from", "by", "than", "into", "its", "their", "our", "or", "et", "y", "e", "en", "di", "da"}


def _wide(lines: list[str]) -> bool:
    """Whether the text is set in long lines (a web page), not in a narrow column (a PDF's layout)."""
    lengths = sorted(len(x) for x in lines if x.strip())
    return bool(lengths) and lengths[len(lengths) // 2] > 45


def _lone_country(line: str) -> bool:
    """Whether a stripped line is a country's name alone (a field under a name, not a wrapped
    sentence's end).

    >>> _lone_country("Spain"), _lone_country("Spain and Portugal met."), _lone_country("Alpha")
    (True, False, False)
    """
    return len(line) <= 40 and line[:1].isupper() and len(line.split()) <= 4 and country_code(line) is not None


_GAP = re.compile(r"(?<=[^\s:]) {3,}(?=\S)")     # not after a field's colon ("Venue:     Lyon")


def _tabbed_gaps(text: str, v: str) -> str:
    """The view with a tab opening each run of three spaces or more that the text itself has between
    two words, on short lines in a row whose next cells start in one column (a space-aligned table), so
    that no name runs from one cell into the next; markup blanked in the view leaves no such run.

    >>> t = "Entity            Town\\nAlpha Cluster     Pamplona\\n"
    >>> _tabbed_gaps(t, t).split("\\n")[1]
    'Alpha Cluster\\t    Pamplona'
    >>> t = "Alpha   met Beta\\nin Lyon,     then Gamma\\n"
    >>> _tabbed_gaps(t, t) == t
    True
    """
    if "   " not in text:
        return v
    lines, pos = [], 0
    for ln in text.split("\n"):
        gaps = list(_GAP.finditer(ln)) if "   " in ln and len(ln) <= 150 else []
        lines.append((pos, gaps, {m.end() for m in gaps}))
        pos += len(ln) + 1
    chars = None
    for k, (pos, gaps, cols) in enumerate(lines):
        near = (lines[k - 1][2] if k else set()) | (lines[k + 1][2] if k + 1 < len(lines) else set())
        if not cols & near:
            continue        # a wide gap whose next cell starts where no neighbour's does is prose, not a table
        for m in gaps:
            if v[pos + m.start():pos + m.end()] == m.group(0):
                chars = chars or list(v)
                chars[pos + m.start()] = "\t"
    return "".join(chars) if chars else v


def row_text(text: str, v: str, lo: int, hi: int) -> str:
    """A table row's text with its cells split by tabs: the text's own, else the view's, where
    :func:`_tabbed_gaps` split a space-aligned row.

    >>> t = "Entity            Town\\nAlpha Cluster     Pamplona\\n"
    >>> row_text(t, make_view(t), 23, 49)
    'Alpha Cluster\\t    Pamplona'
    """
    raw = text[lo:hi]
    return raw if "\t" in raw or "\t" not in v[lo:hi] else v[lo:hi]


def _running_heads(raw: list[str], lines: list[str]) -> list[int]:
    """The lines that are a PDF's page furniture: a page number (blanked in ``lines``) alone or after
    a running header the text has given before (the first page's title stays).

    >>> _running_heads(["Report", "text", "Report      page 2", "page 3"], ["Report", "text", "Report", ""])
    [2, 3]
    """
    seen: set[str] = set()
    out = []
    for k, (line, kept) in enumerate(zip(raw, lines)):
        head = kept.strip()
        # a page number at a line's end is blanked in the view, so the view's line is shorter: only
        # such lines are searched (a line of every document would be otherwise)
        if len(kept.rstrip()) < len(line.rstrip()) and _PAGE_NUMBER.search(line) and (not head or head in seen):
            out.append(k)
        seen.add(head)
    return out


def _page_joins(heads: list[int], lines: list[str], is_heading) -> set[int]:
    """The lines whose line break is a space because a PDF's page furniture (the lines ``heads``,
    blank in ``lines``) cut their sentence: from a line that ends in no stop to the next line that
    has text, when one of the two is in lower case ("… and 3 from" / "page 2 / 4" / "Croatia. The …").

    >>> sorted(_page_joins([2], ["3 from", "", " " * 23, "", "Croatia."], lambda k: False))
    [0, 1, 2, 3]
    """
    out: set[int] = set()
    for k in heads:
        p = k - 1
        while p >= 0 and not lines[p].strip():
            p -= 1
        q = k + 1
        while q < len(lines) and not lines[q].strip():
            q += 1
        if p < 0 or q >= len(lines) or is_heading(p) or is_heading(q):
            continue
        before, after = lines[p].rstrip(), lines[q].strip()
        if after[:1].islower() or before.endswith(",") or before.split()[-1].lower() in _CUT_ENDS:
            out.update(range(p, q))
    return out


def make_view(text: str) -> str:
    v = text
    for i, rx in enumerate(_BLANKS):
        v = _sub_lines(rx, v, _LINE_LOCAL[i]) if i in _LINE_LOCAL else rx.sub(_blank, v)
    v = _tabbed_gaps(text, v)
    # soft wraps: join a line to the next when it does not end a sentence or a list item
    lines = v.split("\n")
    wide = _wide(lines)
    raw = text.split("\n")
    bullet = [_BULLET.match(o.lstrip()) is not None for o in raw]
    marked = [_MD_HEADING.match(o) is not None for o in raw]     # "### Alpha Cluster, Spain (coordinator)"
    heading: dict[int, bool] = {}   # each line read once as a heading, whether first or second of a pair

    def is_heading(k: int) -> bool:
        if k not in heading:
            heading[k] = _is_heading(lines[k])
        return heading[k]
    heads = _running_heads(raw, lines) if "age" in text or "AGE" in text else []
    for k in heads:
        lines[k] = " " * len(lines[k])
    joins = _page_joins(heads, lines, is_heading)
    out = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        s, n = line.rstrip(), nxt.strip()
        soft = i in joins or (s and n and "\t" not in line and "\t" not in nxt and "|" not in s
                and not bullet[i + 1] and not marked[i]
                and (not bullet[i] or n[:1].islower())
                and not is_heading(i) and not is_heading(i + 1)
                and not s.endswith((":", ".", "!", "?"))
                and not _new_start(s, n, first=i == 0)
                and not (wide and _short_heading(lines[i - 1] if i else "", s, n))
                and not (_FIELD_LINE.match(s) and _FIELD_LINE.match(n))
                and not (line[:2] == nxt[:2] == "  " and len(s) < 60 and len(n) < 60)    # indented items
                and not _lone_country(n))       # "Alpha Wood Cluster" / "Spain": a name and its country
        out.append(line + (" " if soft else "\n"))
    out.append(lines[-1])
    return "".join(out)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    heading: bool
    bullet: bool


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    line: int  # index of the line it is on


_BULLET_SPACED = re.compile(r"(?:[-•»▪●◦*+]|\d{1,2}[.)])\s")   # a bullet followed by a space (lines_of)


def lines_of(view: str, original: str) -> list[Line]:
    out, pos = [], 0
    for raw in view.split("\n"):
        s = pos
        pos += len(raw) + 1
        if not raw.strip():
            continue
        orig = original[s:s + len(raw)].lstrip()
        bullet = bool(_BULLET_SPACED.match(orig))
        blank_around = view[pos - 1:pos + 1] == "\n\n" or (s >= 2 and view[s - 2:s] == "\n\n") or s == 0
        short = len(raw.split()) <= 8 and not raw.rstrip().endswith((".", ",", ";", "!", "?")) and "|" not in raw
        head = _is_heading(raw) or orig.startswith(("#", "**")) and orig.rstrip().endswith(("**", ":**", "**:")) \
            or (raw.strip().endswith(":") and len(raw.strip()) < 80) or (short and blank_around and not orig[:1] in "-•»*")
        out.append(Line(s, s + len(raw), raw, bool(head), bullet))
    return out


_ABBREV = re.compile(r"(?:\b(?:St|Mr|Mrs|Ms|Dr|Prof|No|Nr|e\.g|i\.e|etc|vs|Inc|Ltd|Co|approx|incl|Jr|Sr|Av|Ave|Inst|Univ|Dept|Assoc|Corp|Intl|Soc|Coop|Gov|Mt|Ft|Pte|Pty|Sdn|Cia|Ing|Dipl)|\b[A-Z])\.$")
_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9À-Ý])|;\s+")


def sentences_of(lines: list[Line]) -> list[Sentence]:
    out = []
    for li, line in enumerate(lines):
        start = 0
        for m in _SPLIT.finditer(line.text):
            if _ABBREV.search(line.text[:m.start()].rstrip("\"”’)")):
                continue
            seg = line.text[start:m.start()]
            if seg.strip():
                out.append(Sentence(line.start + start, line.start + m.start(), seg, li))
            start = m.end()
        seg = line.text[start:]
        if seg.strip():
            out.append(Sentence(line.start + start, line.end, seg, li))
    return out
