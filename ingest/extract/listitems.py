"""Names that open the items of a cue-introduced list, whatever their words.

Under "The other partners are:", "The new members are:" or "Participants:", each item line
(a bullet or a short line) opens with a name: "Batteria Piemonte, from Italy", "Robotix Gliwice
sp. z o.o., a maker of welding cells;". The name is the capitalised run at the line's start
(with its connectors and a legal form after it), up to a comma, a bracket, a dash or the first
lower-case word. :mod:`.listblocks` then gives each item the relation its cue line names.

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; list_item_names(build_context("The other partners are:\\n* Batteria Piemonte, from Italy\\n"
...                                          "* Robotix Gliwice sp. z o.o., a maker of cells;\\n"), out)
>>> [(m.name, m.rule) for m in out]
[('Batteria Piemonte', 'list-item'), ('Robotix Gliwice sp. z o.o.', 'list-item')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.listblocks import ITEM_WORDS, MAX_ITEMS, cue_text, cue_type, raw_lines
from clusternet.ingest.extract.mentions import Context, Mention
from clusternet.ingest.extract.rules import legal_form
from clusternet.ingest.extract.placewords import is_place

__all__ = ["list_item_names"]

_LEAD = re.compile(r"[\s|\-•»▪●◦*+]*(?:\d{1,2}[.)]\s*)?(?:the\s+|and\s+)*", re.I)
# words that open an item without naming anything ("Several Companies", "Representatives of …")
_NOT_NAMES = frozenset({"several", "many", "some", "various", "other", "others", "representatives", "members",
                        "companies", "participants", "experts", "delegates", "partners", "clusters", "smes"})
_SHOUTED = re.compile(r"[^a-z]*[A-Z]{2,}[^a-z]*\s[^a-z]*[A-Z]{2,}[^a-z]*")     # "EXPECTED RESULTS": a heading
_WORD = re.compile(r"[^\s,;:()\[\]–—]+")
# what follows a name in an item: a comma, a bracket, a dash, a colon or the end of the line
_AFTER_NAME = re.compile(r"\s*(?:[,;:(\[–—]|\s-\s|$)|\s+(?:from|in|based)\s")
# lower-case words that describe the name after them (at most four)
_DESCRIPTOR = re.compile(r"(?:[a-z][\w-]*\s+){0,4}(?=[A-Z])")


def list_item_names(ctx: Context, out: list[Mention]) -> None:
    """A mention for the name opening each item line under a cue line ending with a colon."""
    lines = raw_lines(ctx.text)
    for li, line in enumerate(lines[:-1]):
        if not (line.text.rstrip().rstrip("*").endswith(":") and cue_type(cue_text(lines, li)) is not None
                or _cue_heading(line.text, lines[li + 1].text)):
            continue
        for item in lines[li + 1:li + 1 + MAX_ITEMS]:
            if cue_type(item.text) or len(item.text.split()) > ITEM_WORDS or "\t" in item.text or "|" in item.text \
                    or _SHOUTED.fullmatch(item.text.strip()) or item.text.lstrip().startswith("#"):
                break       # prose, a table row or a heading ("## About X"): the list has ended
            found = _item_name(ctx.view, item.start, item.end)
            if found is None:
                continue        # an item that opens with no name: the list goes on
            out.append(Mention(found[0], found[1], found[2], None, "list-item", 0.65))


_HEADING = re.compile(r"#{1,6}\s+(.+?)\s*$")
_BULLET = re.compile(r"\s*[-•*▪●◦+]\s")


def _cue_heading(line: str, nxt: str) -> bool:
    """Whether ``line`` is a heading that names what the bullet list under it is ("### The Italian
    delegation", "## Project partners"), with no colon.

    >>> _cue_heading("### The Italian delegation", "- Alpha Srl (Turin)"), _cue_heading("### Results", "- 40 SMEs")
    (True, False)
    """
    head = _HEADING.match(line)
    return bool(head) and bool(_BULLET.match(nxt)) and cue_type(head.group(1), colon=False) is not None


def _item_name(v: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the name opening an item line, or None when the line opens with none.

    >>> _item_name("* Vision Systems Sosnowiec;", 0, 27), _item_name("- bilateral meetings", 0, 20)
    ((2, 26, 'Vision Systems Sosnowiec'), None)
    """
    lex = load_lexicon()
    s = _LEAD.match(v, start, end).end()
    d = _DESCRIPTOR.match(v, s, end)
    if d and not set(fold(w) for w in d.group(0).split()) & (lex.words("prepositions") | lex.words("connectors")):
        s = d.end()         # "the software house Krakowiak Data Labs from Kraków;", not "meetings with X"
    conn = load_lexicon().words("connectors")
    words = []
    for m in _WORD.finditer(v, s, end):
        if words and v[words[-1].end():m.start()].strip():
            break       # a comma or a bracket ends the run
        words.append(m)
    k = 0
    while k < len(words) and (words[k].group(0)[:1].isupper() or (k and fold(words[k].group(0)) in conn)):
        k += 1
    while k and fold(words[k - 1].group(0)) in conn:
        k -= 1
    if k == 0 or not words[0].group(0)[:1].isupper():
        return None
    form = _legal_form_after(words, k)
    k += form
    e = words[k - 1].end()
    while not form and v[e - 1] in ".'’":
        e -= 1          # "… Engineering." ends the item, not the name
    name = v[words[0].start():e]
    if not _AFTER_NAME.match(v, e, end) or is_place(name) or fold(name) in lex.words("generic_names") \
            or fold(name.split()[0]) in lex.words("determiners") | _NOT_NAMES:
        return None
    return words[0].start(), e, name


def _legal_form_after(words, k: int) -> int:
    """How many words after the ``k``-th form a legal form ("sp. z o.o.", "s.r.o."): 0 if none."""
    for n in (4, 3, 2, 1):
        if k + n <= len(words) and legal_form(" ".join(w.group(0) for w in words[k:k + n])):
            return n
    return 0
