"""Members named by a possessive in passing: "the Tampere Electronics Cluster travelled together
with its member Arktinen Anturi Oy", "From our members were in the group X and Y". The group is
the cluster or network the clause names before the possessive ("its", "their"), or, for "our",
the body the page speaks for. Run by :mod:`.cuelists` on the sentences that hold a member cue.

>>> its_members("no cue here", 0, 11, None, {})
[]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.mainref import membership_type, own_body
from clusternet.ingest.extract.raw import RawRel

__all__ = ["its_members", "the_partners", "memberships", "stop_outside_names", "GROUPS", "CLAUSE_END"]

_ACTORS = ("Cluster", "Organisation", "SME")        # as cuelists.ACTORS, which imports this module

GROUPS = ("Cluster", "Organisation", "Partnership")       # the bodies that have members
# "its member X", "their members X and Y", "from our members … X": whose members the bodies after are
_POSSESSIVE = re.compile(r"(?i)\b(its|their|our)\s+members?\b(?!\s+(?:of|in|are|were|include|from)\b)")
# "its member X", not "its members", "its member SMEs": the cue names one body
_ONE_MEMBER = re.compile(r"(?i)\w+\s+member\s+(?!(?:smes|companies|firms|organi[sz]ations|clusters|institutions|"
                         r"enterprises|businesses|universities)\b)")
# where the members named after the cue end: the clause
CLAUSE_END = re.compile(r"(?<!\b[A-Z])[.;:]\s|\n|,\s+(?:which|who|while|where)\b")     # not "S.L. and"


def stop_outside_names(rx: re.Pattern, v: str, lo: int, hi: int, names) -> re.Match | None:
    """The first match of ``rx`` in ``v[lo:hi]`` that does not start inside one of ``names``
    (``(start, end, entity)``): not the stop of "Mareas S.A. and B".

    >>> t = "visited Alpha S.A. and Beta. Then"
    >>> stop_outside_names(re.compile(r"\\.\\s"), t, 0, len(t), [(8, 18, None)]).start()
    27
    """
    return next((m for m in rx.finditer(v, lo, hi) if not any(x[0] <= m.start() < x[1] for x in names)), None)


def its_members(v: str, lo: int, hi: int, occ, places) -> list[RawRel]:
    """MEMBER_OF (PARTNER_IN for a partnership) for the bodies named after a possessive member cue,
    of the group the clause names before it, or the page's own body for "our"."""
    if occ is None or "member" not in v[lo:hi].lower():
        return []
    out = []
    for m in _POSSESSIVE.finditer(v, lo, hi):
        if m.group(1).lower() == "our":
            body = own_body(occ.ents, "cluster", occ.title)
            group = [body] if body is not None else []
        else:
            group = [x[2] for x in occ.within(lo, m.start(), GROUPS)][-1:]
        end = stop_outside_names(CLAUSE_END, v, m.end(), hi, occ.within(m.end(), hi, _ACTORS))    # not "s.r.o. and"
        named = [x[2] for x in occ.within(m.end(), end.start() if end else hi, _ACTORS)]
        if _ONE_MEMBER.match(v, m.start()):
            named = named[:1]       # "our member A and the partners B, C": one member named
        for g in group:
            out += memberships(named, g, lo, hi)
    return out


def memberships(members: list, group, lo: int, hi: int) -> list[RawRel]:
    """The membership (MEMBER_OF, PARTNER_IN for a partnership) of each of ``members``, once and not
    the group itself, in ``group``, with the evidence span ``[lo, hi)``.

    >>> class B: label, name = "Cluster", "Beta Cluster"
    >>> class A: label, name = "Organisation", "Alpha Ltd"
    >>> a, b = A(), B(); [(r.source.name, r.type) for r in memberships([a, a, b], b, 0, 9)]
    [('Alpha Ltd', 'MEMBER_OF')]
    """
    typ = membership_type(group)
    return [RawRel(a, typ, group, lo, hi, 0.6) for a in dict.fromkeys(members) if a is not group]


# "the cluster partners A (FR), B (CZ) and C travelled …": a partnership's partners named in passing
_THE_PARTNERS = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:(?:cluster|project|consortium|other|fellow)\s+)?"
                           r"partners\s+(?=(?:the\s+)?[A-Z])")


def the_partners(v: str, lo: int, hi: int, occ, places) -> list[RawRel]:
    """PARTNER_IN the page's partnership (else the one named last before the cue) for the bodies
    named right after "the (cluster) partners", up to the clause's end."""
    if occ is None or "partners" not in v[lo:hi]:
        return []
    out = []
    for m in _THE_PARTNERS.finditer(v, lo, hi):
        before = [x[2] for x in occ.within(lo, m.start(), ("Partnership",))]
        group = occ.main or (before[-1] if before else None)
        end = stop_outside_names(CLAUSE_END, v, m.end(), hi, occ.within(m.end(), hi, _ACTORS))
        named = occ.within(m.end(), end.start() if end else hi, _ACTORS)
        if group is not None and named and named[0][0] <= m.end() + 4:
            out += [RawRel(x[2], "PARTNER_IN", group, lo, hi, 0.6) for x in named if x[2] is not group]
    return out
