"""Relations of the items of a list that a cue line introduces.

Partner pages, delegations and declarations are written as a line ending with a colon that
says what the items are ("The project brings together the following partners:", "The
delegation included:", "Signed by:"), followed by one item per line (a bullet, a table
row or a short line). Every item takes the relation the cue line names, to the group the
cue line names, or else to the document's main one:

* partners / consortium → PARTNER_IN the partnership;
* participants / delegation / attended → PARTICIPATED_IN the event;
* organised by / organisers → COORDINATES the event;
* signed by / signatories → PARTY_TO the agreement;
* members of a cluster or network → MEMBER_OF it.

The cue words are data (``list_block_cues`` in ingest/data/extract/lexicon.yaml).

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = ("The Blue Bridge partnership was launched in 2024.\\n\\nThe consortium brings together four "
...         "organisations from three countries:\\n- Alpha Marine Cluster (Spain)\\n- Beta Port Authority (France)\\n")
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> sorted((r.source.name, r.type, r.target.name) for r in list_block_relations(ctx, ents))
[('Alpha Marine Cluster', 'PARTNER_IN', 'Blue Bridge'), ('Beta Port Authority', 'PARTNER_IN', 'Blue Bridge')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from clusternet.ingest.extract.cuelists import named_network
from clusternet.ingest.extract.lexicon import country_code, heading_country, load_lexicon
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.mentions import view_memo
from clusternet.ingest.extract.mainref import OWN_KINDS, main_of, membership_type, named_in_title, own_body, title_end
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.extract.view import TABLE_RULE

__all__ = ["list_block_relations", "raw_lines", "cue_text", "country_lead", "cue_type", "cue_patterns", "Mains", "ACTORS", "TARGET_LABELS", "ORDER"]

ACTORS = ("Cluster", "Organisation", "SME")
# the group each relation type points at
TARGET_LABELS = {"PARTNER_IN": ("Partnership",), "PARTICIPATED_IN": ("Event",), "COORDINATES": ("Event",),
                 "PARTY_TO": ("Agreement",), "MEMBER_OF": ("Cluster", "Organisation")}
ORDER = ("COORDINATES", "PARTY_TO", "PARTICIPATED_IN", "MEMBER_OF", "PARTNER_IN")
MAX_ITEMS = 60
_KIND = re.compile(r"(?i)\b(?:the|our)\s+(" + "|".join(OWN_KINDS) + r")\b")     # "joined the network:"
# lower-case words describing an item's name ("the software house", "the Czech company")
_DESCRIPTOR = re.compile(r"(?:[a-z][\w-]*\s+|[A-Z][a-z]+\s+(?=[a-z]|SMEs?\b)|SMEs?\s+){1,4}")    # "the Scottish SME X"
ITEM_WORDS = 25          # a longer line is prose, not a list item
# an item that says it leads the consortium
LEAD_ROLE = re.compile(r"(?i)\b(?:coordinator|lead\s+partner|project\s+leader|coordinateur|coordinatrice|coordinador|coordinadora|coordinatore)\b")


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern]:
    """One regex per relation type, from ``list_block_cues`` in the lexicon."""
    raw = load_lexicon()["list_block_cues"]
    out = {t: gated(re.compile(with_initials(r"(?i)(?<![\w-])(?:" + alternation(sorted(raw[t], key=len, reverse=True), True)
                                             + r")\b")))
           for t in ORDER}
    return out


def _member_column(lines, k: int) -> str | None:
    r"""MEMBER_OF when line ``k`` is a table's header row whose first column lists members
    ("| Member | Country | Member since |"), else None.

    >>> _member_column(raw_lines("| Member | Country |\n|---|---|\n| A | IT |\n"), 0), _member_column(raw_lines("A\n"), 0)
    ('MEMBER_OF', None)
    """
    if _table_head(lines, k) != 2:
        return None
    first = next((c.strip(" *") for c in lines[k].text.split("|") if c.strip()), "")
    return "MEMBER_OF" if re.fullmatch(r"(?i)(?:full\s+)?members?(?:\s+(?:clusters?|organi[sz]ations?))?", first) else None


def cue_type(line: str, colon: bool = True) -> str | None:
    """The relation a cue line gives the items below it (None when it is no cue line); a cue
    line ends with a colon unless ``colon`` is False (then its last 160 characters are read).

    >>> cue_type("The delegation was composed of:"), cue_type("Project partners:"), cue_type("Partners")
    ('PARTICIPATED_IN', 'PARTNER_IN', None)
    """
    s = line.strip().rstrip("*").strip()
    if colon and not s.endswith(":"):
        return None
    s = s[-160:]
    return next((t for t in ORDER if cue_patterns()[t].search(s)), None)


class Mains(dict):
    """The document's main entity per label (see :mod:`.mainref`), each worked out once."""

    def __init__(self, ents, ctx):
        super().__init__()
        self.ents, self.title = ents, title_end(ctx)
        self.heads = [ln for ln in getattr(ctx, "lines", ()) if ln.heading]
        self._sections: dict[str, dict] = {}

    def section(self, label: str, pos: int):
        """The entity of ``label`` the heading over ``pos`` names, when the page's headings name two
        or more of them (a page of several projects, one section each), else None."""
        if label not in self._sections:
            named = {}
            for ln in self.heads:
                inside = [(m.start, e) for e in self.ents if e.label == label for m in e.mentions if ln.start <= m.start < ln.end]
                if inside:
                    named[ln.start] = min(inside, key=lambda x: x[0])[1]
            self._sections[label] = named if len({id(e) for e in named.values()}) >= 2 else {}
        named = self._sections[label]
        over = [ln.start for ln in self.heads if ln.start <= pos] if named else []
        return named.get(over[-1]) if over else None

    def __missing__(self, label: str):
        self[label] = main_of(self.ents, label, self.title)
        return self[label]

    def titled(self, label: str):
        """The main entity of ``label`` when the page's first line names it, else None."""
        e = self[label]
        return e if e is not None and named_in_title(e, self.title) else None

    def consortium(self):
        """The partnership whose partners a page lists: the main one, else the organisation or
        cluster its title names (a page listing partners is about a consortium, whatever its
        name's head noun says; it becomes a Partnership)."""
        if self["Partnership"] is None:
            titled = [e for e in self.ents if e.label in ("Organisation", "Cluster") and named_in_title(e, self.title)
                      and label_of_name(e.name) != "Cluster"]    # "Partners: Alpha Wood Cluster (Spain)": one of them
            if len(titled) == 1:
                titled[0].label = "Partnership"
                self["Partnership"] = titled[0]
        return self["Partnership"]


def list_block_relations(ctx, ents) -> list[RawRel]:
    """The relations of every cue-introduced list of the document (see the module doc)."""
    occ = sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: (x[0], -x[1]))
    starts = [x[0] for x in occ]

    def within(lo, hi, labels):
        return [x for x in occ[bisect_left(starts, lo):bisect_left(starts, hi)] if x[2].label in labels]

    out: list[RawRel] = []
    mains = Mains(ents, ctx)
    lines = raw_lines(ctx.text)
    for li, line in enumerate(lines[:-1]):
        first = _list_start(lines, li)
        nxt = lines[min(first + _table_head(lines, first), len(lines) - 1)]
        k = bisect_left(starts, nxt.start)     # a list starts with a name on the next line (under a table's rule)
        if k == len(occ) or occ[k][0] > nxt.start + 8 + country_lead(ctx.view, nxt.start, nxt.end):
            continue
        cue = cue_text(lines, li)
        typ = None if line.text.count("\t") >= 2 else cue_type(cue, colon=False)     # a table row heads no list
        typ = typ or _member_column(lines, first)
        if typ is None:
            continue
        target = _target(typ, line, within, mains)
        if typ == "MEMBER_OF":    # members of the consortium (the main partnership when none is named)
            # the body the cue line calls by its kind ("joined the network:"), else the cluster the
            # page's title names (a cluster's news: its own members), else the consortium
            kind = _KIND.search(cue)
            target = (target or (own_body(mains.ents, kind.group(1), mains.title) if kind else None)
                      or mains.titled("Cluster") or mains["Partnership"] or mains["Cluster"])
            typ = membership_type(target) if target is not None else typ
        if target is None:
            continue
        if typ == "PARTNER_IN" and target.label != "Partnership":
            typ = membership_type(target)       # a network's listed members
        for ent, item in _items(ctx, lines, li, within):
            if ent is not target:
                out.append(RawRel(ent, typ, target, item.start, item.end, 0.65))
                if typ == "PARTNER_IN" and LEAD_ROLE.search(item.text):    # "A (UK) – Coordinator"
                    out.append(RawRel(ent, "COORDINATES", target, item.start, item.end, 0.65))
    return out


_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class RawLine:
    """A line of the original text (the reading view joins soft-wrapped lines; lists of
    scraped pages often lose their bullets and end without punctuation, and a fact sheet's fields
    are one a line, so they are read here)."""
    start: int
    end: int
    text: str
    after_blank: bool = True    # a blank line (or the start of the text) comes just before it


_RAW: dict = {"view": None, "map": {}}


def cue_text(lines, li: int) -> str:
    r"""Line ``li`` with the line it continues when plain text wraps a sentence before it ("… the
    board approved four new" / "members:"): a lower-case start after a long line with no stop.

    >>> cue_text(raw_lines("On its October meeting the board of the cluster approved four new\nmembers:\n"), 1)
    'On its October meeting the board of the cluster approved four new members:'
    """
    text, prev = lines[li].text, lines[li - 1].text.rstrip() if li else ""
    if text[:1].islower() and len(prev) >= 50 and not prev.endswith((".", ":", ";", "!", "?")) \
            and lines[li].start - lines[li - 1].end <= 1:
        return prev + " " + text
    return text


def raw_lines(text: str) -> list[RawLine]:
    r"""The non-blank lines of ``text`` with their offsets, read once per text (list, page and
    fact-sheet rules all ask). Do not change the list.

    >>> [(x.start, x.text, x.after_blank) for x in raw_lines("A\nB\n\nC d\n")]
    [(0, 'A', True), (2, 'B', False), (5, 'C d', True)]
    """
    seen = view_memo(_RAW, text)
    if "lines" not in seen:
        out, prev_end = [], None
        for m in _LINE.finditer(text):
            out.append(RawLine(m.start(), m.end(), m.group(0),
                               prev_end is None or text.count("\n", prev_end, m.start()) >= 2))
            prev_end = m.end()
        seen["lines"] = out
    return seen["lines"]


def _target(typ, line, within, mains):
    """The group a cue line names, else (not for MEMBER_OF) the document's main one of that kind."""
    named = within(line.start, line.end, TARGET_LABELS[typ])
    if named:
        return named[-1][2]
    networks = [x for x in within(line.start, line.end, ("Organisation",)) if named_network(x[2])] \
        if typ == "PARTNER_IN" else []
    if networks:
        return networks[-1][2]      # "The members of the Nordic Food Alliance are:": its members
    if typ == "MEMBER_OF":
        parts = within(line.start, line.end, ("Partnership",))
        return parts[-1][2] if parts else None
    if typ == "PARTNER_IN":
        return mains.section("Partnership", line.start) or mains.consortium()
    return mains[TARGET_LABELS[typ][0]]


def _table_head(lines, k: int) -> int:
    r"""How many lines a table's head takes from line ``k``: its rule (1), its header row and rule
    ("| Company | Country |" then "|---|---|": 2), else 0.

    >>> _table_head(raw_lines("| Company | Country |\n|---|---|\n| A | B |\n"), 0)
    2
    >>> _table_head(raw_lines("#\tPartner\tCountry\n1\tAlpha Cluster\tCZ\n"), 0)
    1
    """
    if k < len(lines) and TABLE_RULE.fullmatch(lines[k].text):
        return 1
    if k + 1 < len(lines) and "|" in lines[k].text and TABLE_RULE.fullmatch(lines[k + 1].text):
        return 2
    if k + 1 < len(lines) and lines[k].text.count("\t") >= 2 and lines[k + 1].text.count("\t") == lines[k].text.count("\t"):
        return 1        # a tab-separated table's header row ("#\tPartner\tCity\tCountry")
    return 0


def _sub_heading(text: str) -> bool:
    """Whether a line is a short heading inside a list (three words at most, no bullet, no stop).

    >>> _sub_heading("From abroad"), _sub_heading("- Alpha Ltd"), _sub_heading("It was a success.")
    (True, False, False)
    """
    t = text.strip().strip("#* ")
    return 0 < len(t.split()) <= 3 and not text.lstrip().startswith(("-", "*", "•", "|")) and not t.endswith((".", ";", ","))


def _list_start(lines, li: int) -> int:
    r"""The line a cue line's list starts on: past the headings that sort it by country, and past
    one line of prose under a heading cue ("## Nine new members", "With them the cluster counts
    87 members.", then the list).

    >>> _list_start(raw_lines("New members\nWith them we count 87 members in total now.\n- Alpha Ltd\n"), 0)
    2
    """
    k, prose = li + 1, not lines[li].text.rstrip().endswith(":")
    while k < len(lines) - 1:
        t = lines[k].text.strip()
        if _country_heading(t):
            k += 1
        elif prose and t.endswith(".") and len(t.split()) > 6 and lines[k + 1].text.lstrip()[:1] in "-*•|#":
            k, prose = k + 1, False
        else:
            return k
    return k


def _country_heading(text: str) -> bool:
    """Whether a line is a heading that sorts the items below it by country ("### Spain – Alpha
    Cluster and members", "Italy:").

    >>> _country_heading("### Spain – Alpha Cluster and members"), _country_heading("- Alpha Cluster (Spain)")
    (True, False)
    """
    t = text.strip()
    return (t.startswith("#") or t.endswith(":") or len(t.split()) <= 3) and not t.startswith(("-", "*", "•", "|")) \
        and heading_country(t) is not None


_COUNTRY_LEAD = re.compile(r"[\s|\-•»▪●◦*+]*([A-Z][\w .'’-]{1,30}?):\s+")


def country_lead(v: str, start: int, end: int) -> int:
    """How many characters a list line's leading "Country: " label takes (0 when it has none):
    the items after it are the country's ("- Latvia: Vidzeme Cluster; Riga Photonics Cluster").

    >>> country_lead("- Latvia: Vidzeme Cluster", 0, 25), country_lead("- Partners: Alpha", 0, 17)
    (10, 0)
    """
    m = _COUNTRY_LEAD.match(v, start, end)
    return m.end() - start if m and country_code(m.group(1).strip()) else 0


def _items(ctx, lines, li: int, within):
    """(entity, line) of the items under cue line ``li``: each line's first actor, named at its
    start, until a line that is no item (prose, another cue, a line without a name first)."""
    v = ctx.view
    found = []
    first_item = _list_start(lines, li)
    first_item += _table_head(lines, first_item)
    for line in lines[first_item:li + 1 + MAX_ITEMS]:
        words = len(line.text.split())
        if TABLE_RULE.fullmatch(line.text) or (found and country_code(line.text.strip(" -–|*"))) \
                or _country_heading(line.text) or (found and _sub_heading(line.text) and not within(line.start, line.end, ACTORS)):
            continue    # a table's rule line; a country on its own line under the name it places; "### Spain", "From abroad"
        if cue_type(line.text) or words > ITEM_WORDS or (words > 12 and line.text.rstrip().endswith(".")):
            break
        lead = re.match(r"[\s|\-•»▪●◦*+]*(?:\d{1,2}(?:[.)]|\t)\s*)?(?:and\s+)?(?:the\s+)?", v[line.start:line.end], re.I).end()
        by_country = country_lead(v, line.start, line.end)      # "- Latvia: A, Valmiera; B"
        lead += by_country
        first = within(line.start, line.end, ACTORS + ("Partnership",))
        if not first or (first[0][0] > line.start + lead + 1
                         and not _DESCRIPTOR.fullmatch(v, line.start + lead, first[0][0])):
            break       # "the Czech company X;" is an item, a sentence is not
        found.append((first[0][2], line))
        if by_country:
            found += [(x[2], line) for x in first[1:] if re.search(r";\s*(?:the\s+)?$", v[line.start:x[0]])]
    return found if len(found) >= 2 else []
