"""Rosters: a group's name, a colon, and the bodies that make it up, each with its place in
brackets ("Woodlink: Timber Valley Cluster (Carinthia, AT), Holz Netzwerk (DE), …"). The name
before the colon is the group (a partnership unless its own words say another kind), and every
body of the run is its partner (its member, for a cluster or a network).

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; roster_mentions(build_context("Woodlink: Timber Cluster (AT), Holz Netzwerk (DE), Bois Pole (FR)."), out)
>>> [(m.name, m.label) for m in out]
[('Woodlink', 'Partnership')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.cuelists import ACTORS, Occ
from clusternet.ingest.extract.lexicon import fold, load_lexicon, named_place
from clusternet.ingest.extract.mentions import Context, Mention
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.rules import label_of_name

__all__ = ["roster_mentions", "roster_relations"]

# a name of up to four words at a line's or a sentence's start, a colon, then the run of bodies
_ROSTER = re.compile(r"(?m)(?:^[ \t]*(?:[-*•][ \t]+)?|(?<=[.;][ \t]))\**([A-Z][\w'’&+-]*(?:[ -][A-Z0-9][\w'’&+-]*){0,3})\**"
                     r"[ \t]*:[ \t]+(?=[A-Z])([^\n]*)")
_BRACKETED_ITEM = re.compile(r"[^,;()\n]{3,}\([^()\n]{1,60}\)")
MIN_ITEMS = 3


def _rosters(v: str):
    """(name match, run start, run end) of each roster line of ``v``: a run of at least three bodies
    with their places in brackets, separated by commas or semicolons."""
    for m in _ROSTER.finditer(v):
        run = m.group(2)
        stop = run.find(". ")
        run = run[:stop] if stop > 0 else run
        if len(_BRACKETED_ITEM.findall(run)) >= MIN_ITEMS and _group_name(m.group(1)):
            yield m, m.start(2), m.start(2) + len(run)


def _group_name(name: str) -> bool:
    """Whether ``name`` may name a group: not a field's label ("Partners", "Lead partner", "Country"),
    not a place, not a common word.

    >>> _group_name("Woodlink"), _group_name("Partners"), _group_name("Spain"), _group_name("Other members")
    (True, False, False, False)
    """
    lex = load_lexicon()
    words = [fold(w) for w in name.split()]
    common = lex.words("partner_headings") | lex.words("field_words") | lex.words("determiners") \
        | lex.words("not_names") | lex.words("roster_fields")
    return not named_place(name) and not any(w in common for w in words) and fold(name) not in common


def roster_mentions(ctx: Context, out: list[Mention]) -> None:
    """The group each roster line names before its colon."""
    for m, _, _ in _rosters(ctx.view):
        name = m.group(1)
        out.append(Mention(m.start(1), m.end(1), name, label_of_name(name) or "Partnership", "roster", 0.7))


def roster_relations(ctx: Context, ents) -> list[RawRel]:
    """PARTNER_IN (MEMBER_OF for a cluster or network) of every body of a roster in its group."""
    occ, out = Occ(ents), []
    for m, lo, hi in _rosters(ctx.view):
        group = next((x[2] for x in occ.within(m.start(1), m.end(1), ACTORS + ("Partnership",))), None)
        if group is None:
            continue
        typ = "PARTNER_IN" if group.label == "Partnership" else "MEMBER_OF"
        out += [RawRel(a, typ, group, lo, hi, 0.6) for _, _, a in occ.within(lo, hi, ACTORS + ("Partnership",))
                if a is not group]
    return out
