"""A page's title or fact-sheet field that defines its subject: "ACRONYM: Long Name of the
Project", "Full name: Long Name".

Project and partnership pages are titled by the project's acronym and its full name, or open
with a fact sheet ("Full name:", "Project title:"). When the page then speaks of "the
project", its partners or its consortium, that name is the partnership the page is about
(what its partner lists and counts refer to).

>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("BLUENET: Blue Economy Networking for Growth\\n\\nThe project partners met.")
>>> out = []; title_definition(ctx, out)
>>> [(m.name, m.label, m.aliases) for m in out]
[('Blue Economy Networking for Growth', 'Partnership', ['BLUENET'])]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from itertools import islice

from clusternet.ingest.extract.mentions import Context, Mention, is_acronym
from clusternet.ingest.extract.rules import label_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["title_definition", "section_definitions", "field_definition", "title_acronym", "title_described"]

_TITLE = re.compile(r"\s*([A-Z][\w-]{1,15})\s*[:–—]\s+([A-Z][^\n:]{10,160}?)\s*$", re.M)
_PROJECT_WORDS = re.compile(r"(?i)\b(?:the\s+project|project\s+partners?|partners|consortium|partnership|(?:its|our)\s+members)\b")
_PROJECT_EVIDENCE = re.compile(r"(?i)\b(?:the\s+project|project\s+partners?|consortium|lead\s+partner|co-?funded\s+by|"
                               r"co-?financed\s+by|funded\s+by|(?:partners|coordinator)\**\s*:)")
MIN_CAPITALISED = 0.5     # of the long name's words (function words aside)


def title_definition(ctx: Context, out: list[Mention]) -> None:
    """The subject a page's first line defines as "ACR: Long Name" (a Partnership when the page
    speaks of a project, partners or a consortium and the name's head noun says nothing else)."""
    m = next((m for m in (_TITLE.match(ctx.view, ln.start, ln.end) for ln in _opening_lines(ctx)) if m), None)
    if not m or not _acronym_like(m.group(1)) or not _name_like(m.group(2)):
        return
    label = label_of_name(m.group(2))
    if label is None and _PROJECT_WORDS.search(ctx.view, m.end()):
        label = "Partnership"
    if label is not None:
        out.append(Mention(m.start(2), m.end(2), m.group(2), label, "title-def", 0.8, aliases=[m.group(1)]))


def section_definitions(ctx: Context, out: list[Mention]) -> None:
    """A section heading past the title that defines a project as "ACR – Its long name" ("##
    BLUEMARINAS – Smart and green marinas of the Adriatic"), when the section speaks of a project,
    its partners or its funding: the acronym names the project, the long name is its alias.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> t = "# Our projects\\n\\nText.\\n\\n## BLUEMARINAS – Smart green marinas\\n\\nThe project is co-funded by Interreg.\\n"
    >>> out = []; section_definitions(build_context(t), out); [(m.name, m.label, m.aliases) for m in out]
    [('BLUEMARINAS', 'Partnership', ['Smart green marinas'])]
    """
    v, opening = ctx.view, {ln.start for ln in _opening_lines(ctx)}
    heads = [ln for ln in ctx.lines if ln.heading and ln.start not in opening]
    for i, ln in enumerate(heads):
        m = _TITLE.match(v, ln.start, ln.end)
        if not m or not m.group(1).isupper() or len(m.group(2).split()) < 2:
            continue
        end = heads[i + 1].start if i + 1 < len(heads) else min(len(v), ln.end + 1500)
        label = label_of_name(m.group(2)) or ("Partnership" if _PROJECT_EVIDENCE.search(v, ln.end, end) else None)
        if label == "Partnership":
            out.append(Mention(m.start(1), m.end(1), m.group(1), label, "title-def", 0.75, aliases=[m.group(2).strip()]))


def _opening_lines(ctx: Context) -> list:
    """The page's first two lines with words: its title, or a kicker ("Project fact sheet") and its title."""
    return list(islice((ln for ln in ctx.lines if ctx.view[ln.start:ln.end].strip()), 2))


def _name_like(text: str) -> bool:
    """Most of the words of ``text`` (over three letters) are capitalised, the last of them too: a
    name, not a sentence nor a description ("European Strategic Cluster Partnership for water
    technologies").

    >>> _name_like("Blue Economy Networking for Growth"), _name_like("new calls are open for clusters")
    (True, False)
    >>> _name_like("European Strategic Cluster Partnership for water technologies")
    False
    """
    words = [w for w in text.split() if len(w) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) / len(words) >= MIN_CAPITALISED \
        and not words[-1][:1].islower()


_FIELD = re.compile(r"(?im)^[ \t]*(?:full\s+name|project\s+(?:full\s+)?(?:name|title)|name\s+of\s+the\s+project)\s*:[ \t]*"
                    r"([A-Z][^\n]{5,160}?)[ \t]*$")


_BODY_FIELD = re.compile(r"(?im)^[ \t]*(?:\*\*)?(?:organi[sz]ation|cluster|company|network)\s+name\s*:(?:\*\*)?[ \t]*"
                         r"([A-Z][^\n]{3,120}?)[ \t]*$")      # "**Organisation name:** …" in Markdown too
_ACRONYM_FIELD = re.compile(r"(?im)^[ \t]*(?:\*\*)?(?:acronym|short\s+name|abbreviation)\s*:(?:\*\*)?[ \t]*([A-Z][\w&.-]{1,15})[ \t]*$")


def field_definition(ctx: Context, out: list[Mention]) -> None:
    """A fact sheet's "Full name: …" / "Project title: …" field on a page about a project, and an
    "Organisation name: …" field with the "Acronym: …" field that shortens it.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("Full name: Blue Growth Clusters Across Borders\\nLead partner: Alpha Agency")
    >>> out = []; field_definition(ctx, out); [(m.name, m.label) for m in out]
    [('Blue Growth Clusters Across Borders', 'Partnership')]
    >>> ctx = build_context("Organisation name: Alpha Photonics Cluster\\nAcronym: APC\\nCountry: Poland")
    >>> out = []; field_definition(ctx, out); [(m.name, m.label, m.aliases) for m in out]
    [('Alpha Photonics Cluster', 'Cluster', ['APC'])]
    """
    head = ctx.text[:3000]
    bm = _BODY_FIELD.search(head)
    if bm:
        name, am = bm.group(1).rstrip(" ."), _ACRONYM_FIELD.search(head)
        out.append(Mention(bm.start(1), bm.start(1) + len(name), name, label_of_name(name) or "Organisation", "title-def",
                           0.8, aliases=[am.group(1)] if am else []))
    for m in _FIELD.finditer(ctx.text, 0, min(len(ctx.text), 3000)):
        name = m.group(1).rstrip(" .")
        label = label_of_name(name)
        if label in (None, "Partnership") and _name_like(name):
            out.append(Mention(m.start(1), m.start(1) + len(name), name, "Partnership", "title-def", 0.8))
            return


_BARE_TITLE = re.compile(r"[ \t]*([A-Z][A-Za-z0-9]*(?:(?:[-–]| )[A-Z0-9][A-Za-z0-9]*){0,3})[ \t]*$")


def title_acronym(ctx: Context, out: list[Mention]) -> None:
    """A page titled by a project's short name alone ("GREENPORT-DANUBE", "BioFlow Danube"), that names it again and
    speaks of the project, its partners or its consortium: that acronym is the partnership.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("GREENPORT-DANUBE\\n\\nGREENPORT-DANUBE helps ports. Project partners: A, B.")
    >>> out = []; title_acronym(ctx, out); [(m.name, m.label) for m in out]
    [('GREENPORT-DANUBE', 'Partnership')]
    """
    first = next(iter(_opening_lines(ctx)), None)
    lo, hi = _title_name_span(ctx.view, first) if first is not None else (0, 0)
    m = _BARE_TITLE.fullmatch(ctx.view, lo, hi) if first is not None else None
    if m is None or not any(_acronym_like(w) or _camel(w) for w in m.group(1).split()) or label_of_name(m.group(1)) \
            or is_place(m.group(1)):
        return
    again = re.compile(r"(?<![\w-])" + re.escape(m.group(1)) + r"(?![\w-])").search(ctx.view, m.end())
    shouted = all(sum(c.isupper() for c in w) >= 0.6 * max(1, sum(c.isalpha() for c in w)) for w in m.group(1).split())
    evidence = _PROJECT_WORDS if shouted else _PROJECT_EVIDENCE
    if again and evidence.search(ctx.view, m.end()):    # a camel-case name needs more than "partners": "NordTech" may be a firm
        out.append(Mention(m.start(1), m.end(1), m.group(1), "Partnership", "title-def", 0.8))


_DESCRIBED_TITLE = re.compile(r"[ \t#]*([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3})\s+[–—]\s+([A-Z][^\n|:]{8,100}?)[ \t]*")


def title_described(ctx: Context, out: list[Mention]) -> None:
    """A title "Name – Kind of body" ("AquaTech Savo – Water Technology Cluster of Eastern Finland")
    whose name the page uses again: the name is that body, the description another name of it.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> ctx = build_context("# AquaMar Sud – Marine Technology Cluster of Occitania\\n\\nAquaMar Sud has 80 members.")
    >>> out = []; title_described(ctx, out); [(m.name, m.label, m.aliases) for m in out]
    [('AquaMar Sud', 'Cluster', ['Marine Technology Cluster of Occitania'])]
    """
    for ln in _opening_lines(ctx):
        m = _DESCRIBED_TITLE.fullmatch(ctx.view, ln.start, ln.end)
        if m is None:
            continue
        name, desc = m.group(1), m.group(2)
        again = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])").search(ctx.view, m.end())
        if again and label_of_name(desc) in ("Cluster", "Organisation") and label_of_name(name) is None \
                and not is_place(name) and _name_like(desc):
            out.append(Mention(m.start(1), m.end(1), name, label_of_name(desc), "title-def", 0.8, aliases=[desc]))
        return


_GREETING = re.compile(r"[ \t#*]*(?:Welcome\s+to|About|Meet)\s+")
_TITLE_CUT = re.compile(r"(?<!\s)\s+[|–—-]\s+|:\s|!")     # (?<!\s): one crawl per run of spaces


def _title_name_span(v: str, line) -> tuple[int, int]:
    """Where the name stands in a title line: after "Welcome to"/"About", before a " – ", " | "
    or ":" that opens its description ("ClusterBridge – connecting clusters …").

    >>> from types import SimpleNamespace as N
    >>> t = "Welcome to AGRI-LINK! Our news"; _title_name_span(t, N(start=0, end=len(t)))
    (11, 20)
    """
    g = _GREETING.match(v, line.start, line.end)
    lo = g.end() if g else line.start
    cut = _TITLE_CUT.search(v, lo, line.end)
    return lo, cut.start() if cut else line.end


def _acronym_like(token: str) -> bool:
    """An acronym, or a word written mostly in capitals ("GREENPORT-DANUBE", "SOILDATA-4i").

    >>> _acronym_like("GREENPORT-DANUBE"), _acronym_like("Newsletter")
    (True, False)
    """
    letters = [c for c in token if c.isalpha()]
    return is_acronym(token) or (len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.6 * len(letters))


def _camel(word: str) -> bool:
    """A word with a capital inside ("BioFlow", "MedTech"): how projects are named.

    >>> _camel("BioFlow"), _camel("Danube")
    (True, False)
    """
    return len(word) > 3 and word[0].isupper() and any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
