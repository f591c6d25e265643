"""Names a type noun introduces: "the cluster's ESCP, BATT-LINK, is …", "the project NOVA-TEX",
"our partnership BlueBridge". The name right after the noun (bare, or between commas) is a
partnership of that type; the noun after a name ("the NOVA project") is read by
:mod:`.cueheads`. A name a partnership noun describes (":func:`typed_after`": "VOLTA Bridge, the
European Strategic Cluster Partnership for …", "H2 Valleys Connect – European Strategic Cluster
Partnership", "X is a cluster partnership") is a partnership too, whatever its words.

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; typed_before(build_context("Its ESCP, BATT-LINK, is funded by COSME."), out)
>>> [(m.name, m.label, m.rule, m.props) for m in out]
[('BATT-LINK', 'Partnership', 'typed', {'typed': 'escp'})]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon, named_place, place_country
from clusternet.ingest.extract.contexts import NAME_RUN as _COMPANY_NAME
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.mentions import Context, Mention, chunks, is_acronym
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.extract.placewords import is_place, leading_place

__all__ = ["gathering_names", "kind_before_name", "based_names", "typed_before", "typed_after", "drop_descriptions"]

_BEFORE = re.compile(r"(?i)\b(ESCP(?:-4i|-EU|-4x)?|projects?|partnerships?|consortium)(?:\s+for\s+going\s+international)?"
                     r"(,\s+|\s+)(?-i:(?=[A-Z0-9\"“«]))")
_AND = re.compile(r"\s*(?:,|\band\b)\s*")
_QUOTED_NAME = re.compile(r"[\"“«]([A-Z0-9][^\"”»\n]{1,80}?)[\"”»]")


def typed_before(ctx: Context, out: list[Mention]) -> None:
    """A partnership named right after its type noun (between commas, or an acronym straight after it)."""
    v = ctx.view
    for sent in ctx.sents:
        low = sent.text.lower()
        if "escp" not in low and "project" not in low and "partnership" not in low and "consortium" not in low:
            continue
        for m in _BEFORE.finditer(v, sent.start, sent.end):
            if "\n" in ctx.text[m.start():m.end()] and not _wrapped(ctx.text, ctx.text.find("\n", m.start())):
                continue        # "… partnerships" ending one line, "Implementation period" the next
            escp = v[max(0, m.start() - 20):m.start()].lower().endswith("strategic cluster ")
            noun = fold(m.group(1)).split("-")[0]
            variant = noun != fold(m.group(1))      # "ESCP-4i": a strand's partnerships, often a pair of them
            name = _name_at(v, m.end(), sent.end, comma=m.group(2).startswith(","),
                            bare=m.group(1).islower() or escp or variant)
            for s, e, text in _each_named(name, variant or noun.endswith("s")):
                out.append(Mention(s, e, text, "Partnership", "typed", 0.7, props={"typed": noun.rstrip("s")}))


def _wrapped(text: str, nl: int) -> bool:
    """Whether the line break at ``nl`` wraps a paragraph at a fixed width: a long line before it, and
    a line of prose after it ("the new Erasmus+ project" / "ADRIA-X, which has a budget of …").

    >>> t = "With the kick-off meeting in Bari started the new Erasmus+ project\\nALPHA-X, which has a budget."
    >>> _wrapped(t, t.index("\\n")), _wrapped("Cluster excellence and partnerships\\nImplementation period", 35)
    (True, False)
    """
    end = text.find("\n", nl + 1)
    after = text[nl + 1:end if end >= 0 else len(text)]
    return nl - text.rfind("\n", 0, nl) > 60 and re.search(r"\w[,.;]\s", after) is not None


def _each_named(name, plural: bool) -> list:
    """The names a typed run holds: itself, or after a plural noun or an ESCP-4i, each of "A and B".

    >>> _each_named((10, 24, "AdPack and EnW"), True)
    [(10, 16, 'AdPack'), (21, 24, 'EnW')]
    """
    if name is None:
        return []
    s, e, text = name
    parts = _AND.split(text) if plural and " and " in text else [text]
    if len(parts) == 1 or any(len(x.split()) > 2 for x in parts):
        return [name]
    out, at = [], 0
    for x in parts:
        at = text.index(x, at)
        out.append((s + at, s + at + len(x), x))
        at += len(x)
    return out


def _name_at(v: str, pos: int, end: int, comma: bool, bare: bool = False):
    """The name starting at ``pos``: a quoted name ("the ESCP “Nordic Sensor Bridge”"), one
    capitalised run closed by a comma (after ", ") or an acronym ("the project NOVA-TEX"), or after
    a lower-case noun a short run a comma, a full stop or its acronym in brackets closes ("the project
    BlueLink Atlantic, in which …", "the project Circular Outdoor Gear (OUTLOOP)"); None otherwise."""
    q = _QUOTED_NAME.match(v, pos, end)
    if q:
        return q.start(1), q.end(1), " ".join(q.group(1).split())
    ch = chunks(v, pos, min(end, pos + 80))
    if not ch or ch[0][0][0] != pos:
        return None
    s, e = ch[0][0][0], ch[0][-1][1]
    text = v[s:e]
    if fold(text) in load_lexicon().words("generic_names"):
        return None
    if comma and v[e:e + 1] == ",":
        return s, e, text
    if bare and (v[e:e + 1] in (",", ".", ")", ";") or re.match(r" [a-z]| \([A-Z]", v[e:e + 3])) and len(ch[0]) <= 4 \
            and label_of_name(text) is None and fold(text.split()[0]) not in load_lexicon().words("role_words"):
        return s, e, text       # "through the project BlueLink Atlantic, in which …"
    return (s, e, text) if len(ch[0]) == 1 and is_acronym(text.replace("-", "")) else None


_KIND_WORD = gated(re.compile(r"(?i)partnership|project|consortium|alliance"))
_LEAD = frozenset({"under", "through", "with", "within", "by", "it", "its", "our", "their", "this", "today", "now"})
# a capitalised name (words may be all capitals or hold digits: "H2 Valleys Connect", "VOLTA Bridge")
_NAME = r"(?P<name>(?:[A-Z0-9][\w&'’-]*)(?:\s+(?:[A-Z0-9][\w&'’-]*|for|of|and|&)){0,5})"
_KIND = (r"(?:[A-Z][\w-]*\s+|[a-z][\w-]*\s+|\d[\w-]*\s+){0,4}?(?:[Pp]artnership|[Pp]roject|[Cc]onsortium|[Aa]lliance)\b")
_DESCRIBED = re.compile(r"(?<![\w-])" + _NAME + r"(?:\s+\((?P<acr>[A-Z][\w-]{1,12})\))?"
                        r"(?:\s*,\s+(?:the|a|an|our)\s+|\s+(?:is|was|has\s+been)\s+(?:the|a|an)\s+"
                        r"|\s+[–—-]\s+(?=[A-Z][^\n]{0,60}$))" + _KIND, re.M)


def typed_after(ctx: Context, out: list[Mention]) -> None:
    """A partnership named by the partnership noun that describes it, in apposition, after "is a",
    or after a dash in a title.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; typed_after(build_context("Under VOLTA Bridge, the European Strategic Cluster Partnership on batteries, "
    ...                                     "clusters travelled."), out)
    >>> [(m.name, m.label) for m in out]
    [('VOLTA Bridge', 'Partnership')]
    """
    v = ctx.view
    if not _KIND_WORD.search(v):
        return
    generic = load_lexicon().words("generic_names")
    for sent in ctx.sents:
        if not _KIND_WORD.search(v, sent.start, sent.end):
            continue
        for m in _DESCRIBED.finditer(v, sent.start, sent.end):
            s, name = _drop_lead(m.start("name"), m.group("name"))
            if (lead := _DASHED_LEAD.match(v, sent.start, m.start("name"))) and is_place_word(name):
                s, name = lead.start(1), lead.group(1)   # "SOLEAGRI-MED – Solar Energy for … the Mediterranean is a project"
            elif titled := _DASHED_TITLE.search(v, max(sent.start, s - 160), s):
                s, name = titled.start(1), titled.group(1)   # "SIDESTREAM CE – Valorising … in Central European SMEs, a project"
            if is_place_word(name):
                continue
            if not _name_like(name, s == sent.start) or fold(name) in generic \
                    or label_of_name(name) not in (None, "Partnership"):
                continue        # "the European Strategic Cluster …" is what it is, not its name
            out.append(Mention(s, m.end("name"), name, "Partnership", "typed-after", 0.7,
                               aliases=[m.group("acr")] if m.group("acr") else [],
                               props={"described_by": (m.end("name"), m.end())}))


# a name in capitals, a dash and the long title that runs up to the described name: the name is the first
_DASHED_TITLE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9-]+[A-Z0-9](?:\s[A-Z0-9][A-Z0-9-]*)?)\*{0,2}\s+[–—]\s+[^–—,;.\n]*[a-z][^–—,;.\n]*$")
# a name and the dash before its long title, opening a sentence: "SOLEAGRI-MED – Solar Energy for …"
_DASHED_LEAD = re.compile(r"\W*([A-Z][\w-]*[A-Z0-9][\w-]*)\s+[–—-]\s+")


def is_place_word(name: str) -> bool:
    """Whether a name is a place (a country, region, city or macro-region such as "Mediterranean").

    >>> is_place_word("Mediterranean"), is_place_word("VOLTA Bridge")
    (True, False)
    """
    return named_place(name) or fold(name) in load_lexicon().macro


def drop_descriptions(out: list[Mention]) -> None:
    """Drop the partnership mentions inside a description :func:`typed_after` read ("VOLTA Bridge,
    the European Strategic Cluster Partnership …"): what the partnership is, not a second one; a
    programme named there stays (in place)."""
    spans = [m.props["described_by"] for m in out if "described_by" in m.props]
    if spans:
        out[:] = [x for x in out if x.label != "Partnership" or "described_by" in x.props
                  or not any(a <= x.start and x.end <= b + 40 and x.start < b for a, b in spans)]


def _name_like(name: str, opens_sentence: bool) -> bool:
    """Whether a run can be a partnership's name: no date ("2024", "12 May", "June") and not one
    capitalised word opening its sentence ("Meanwhile, the partnership …").

    >>> _name_like("VOLTA Bridge", True), _name_like("12 May", False), _name_like("Meanwhile", True)
    (True, False, False)
    """
    words = name.split()
    months = load_lexicon().words("months")
    return bool(words) and name[:1].isalpha() and not any(fold(w) in months for w in words) \
        and not (opens_sentence and len(words) == 1 and not is_acronym(name))


def _drop_lead(s: int, name: str) -> tuple[int, str]:
    """The name without the capitalised words of the sentence before it ("Under", "The", "With").

    >>> _drop_lead(0, "Under VOLTA Bridge")
    (6, 'VOLTA Bridge')
    """
    lex = load_lexicon()
    lead = lex.words("prepositions") | lex.words("determiners") | _LEAD
    while name and fold(name.split()[0]) in lead:
        word = name.split()[0]
        rest = name[len(word):].lstrip()
        s, name = s + len(name) - len(rest), rest
    return s, name


# a project's coined name as what gathers partners: "BlueRoutes brings together A, B and C", "The
# partners of BlueRoutes are A and B" (a name written in capitals or with a capital inside)
_COINED = r"((?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[\w-]*)(?:[ -][A-Z][\w-]*)?)"
_GATHERING = re.compile(r"(?<![\w-])" + _COINED + r"\s+(?:brings\s+together|gathers|unites|groups)\s+(?=[A-Z]|the\s+[A-Z])"
                        r"|\b[Tt]he\s+partners\s+of\s+" + _COINED + r"\s+(?:are|include)\b")


def gathering_names(ctx: Context, out: list[Mention]) -> None:
    """A coined name that brings partners together names a partnership ("BlueRoutes brings
    together Alpha Cluster and Beta Cluster", "The partners of BlueRoutes are …").

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; gathering_names(build_context("BlueRoutes brings together Alpha Cluster and Beta Pole."), out)
    >>> [(m.name, m.label) for m in out]
    [('BlueRoutes', 'Partnership')]
    """
    for m in _GATHERING.finditer(ctx.view):
        g = 1 if m.group(1) else 2
        out.append(Mention(m.start(g), m.end(g), m.group(g), "Partnership", "typed", 0.65, props={"typed": "partnership"}))




_COMPANY_KINDS = ("SME", "start-up", "startup", "company", "firm", "spin-off")
# "the start-up Blue Robotics Lab", "the denim maker Sahel Denim": a company's kind, then its name
_KIND_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>" + "|".join(map(re.escape, _COMPANY_KINDS))
                          + r")\s+(?P<name>" + _COMPANY_NAME + ")")


def kind_before_name(ctx: Context, out: list[Mention]) -> None:
    """A company named right after its kind and no place ("the start-up Blue Robotics Lab").

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; kind_before_name(build_context("We met the start-up Blue Robotics Lab."), out); [m.name for m in out]
    ['Blue Robotics Lab']
    """
    lex = load_lexicon()
    v = ctx.view
    for line in ctx.lines:
        for m in _KIND_BEFORE.finditer(v, line.start, line.end) if not line.heading else ():
            name = m.group("name")
            if is_place(name) or fold(name) in lex.words("generic_names") or is_acronym(name) and len(name) < 3:
                continue
            out.append(Mention(m.start("name"), m.end("name"), name, lex["descriptors_after_place"][m.group("head")],
                               "apposition-desc", 0.7))


# "Axelera, based in Lyon, …", "Innovhub is headquartered in Milan": a body where it is based
# (the cue word first, so a long run of spaces is crawled once: "(?:,|\s+is)\s+" started a crawl at each space)
_BASED = gated(re.compile(r"(?:,|\bis|\bwas)\s+(?:also\s+)?(?:based|headquartered|located|established)\s+in\s+"
                          r"(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})"))
_NAME_BEFORE = re.compile(r"(?<![\w-])(?P<name>" + _COMPANY_NAME + r")$")


def based_names(ctx: Context, out: list[Mention]) -> None:
    """A name said to be based, headquartered or located in a place names a body there.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; based_names(build_context("Today Axelera, based in Lyon, joined."), out)
    >>> [(m.name, m.label, m.country) for m in out]
    [('Axelera', 'Organisation', 'FR')]
    """
    lex = load_lexicon()
    v = ctx.view
    skip = lex.words("determiners") | lex.words("not_names")
    for m in _BASED.finditer(v):     # the cue first, then the name right before it
        stop = m.start()
        while stop > max(0, m.start() - 8) and v[stop - 1] in " \t":      # "Innovhub is …": the name ends before the space
            stop -= 1
        nm = _NAME_BEFORE.search(v, max(0, stop - 120, v.rfind("\n", max(0, stop - 120), stop) + 1), stop)
        if nm is None:      # a name never runs back over a line break (a heading above it)
            continue
        s, name, place = nm.start("name"), nm.group("name"), leading_place(m.group("place"))
        while name and fold(name.split()[0]) in skip:       # "Today Axelera, based in …": the name after it
            rest = name.split(None, 1)[1] if " " in name else ""
            s, name = s + len(name) - len(rest), rest
        if not name or place is None or is_place(name) or fold(name) in lex.words("generic_names"):
            continue
        out.append(Mention(s, s + len(name), name, label_of_name(name) or "Organisation", "based-in", 0.65,
                           country=place_country(place)))
