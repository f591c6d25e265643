"""Members named beside the word "member": "HydroSense OOD, an MVAC member from Plovdiv",
"Kristalas Optics UAB (Kaunas) – lasers, also LVL member", "Hydrometrix AB and DeepSonar Oy
travelled as members of NMTC", "the MVAC members AquaDose B.V. and Soilink OOD", "Vojvodina Digital Hub, which is member of SCDA".
The group is the
name written right before "member" (or after "as members of"); the members are the bodies of the
same clause.

>>> from clusternet.ingest.extract.mentions import build_context
>>> named_memberships(build_context("no member here"), [])
[]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.cuelists import ACTORS, Occ
from clusternet.ingest.extract.members import CLAUSE_END, GROUPS, memberships
from clusternet.ingest.extract.mainref import title_end
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.stories import home_cluster

__all__ = ["named_memberships", "own_memberships", "members_among_next", "counted_members_listed"]

_MEMBER = re.compile(r"\bmembers?\b(?!\s+(?:states?|countries|of\s+staff)\b)")
_AS_MEMBERS_OF = re.compile(r"\bas\s+(?:an?\s+)?members?\s+of\s+(?:the\s+)?")
# between a body and "an X member" after it: an apposition, a dash description, a bracket
# "X, which is member of SCDA": the body the relative clause hangs on is the member
_WHICH_MEMBER = re.compile(r"\b(?:which|who|that)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?"
                           r"(?:an?\s+|the\s+)?members?\s+of\s+(?:the\s+)?")
_APPOSED = re.compile(r"(?:,|\(|[–-]|;)\s*(?:[^,;()\n]{0,80}?,\s*)?(?:also\s+|an?\s+|one\s+of\s+the\s+|another\s+)$")


def named_memberships(ctx, ents) -> list[RawRel]:
    """MEMBER_OF (PARTNER_IN for a partnership) read beside each "member" word of the text."""
    v = ctx.view
    if "member" not in v:
        return []
    occ, out = Occ(ents), []
    for m in _MEMBER.finditer(v):
        named = _group_before(occ, m.start())
        if named is not None:
            out += _members_around(v, occ, named, m)
    for m in _WHICH_MEMBER.finditer(v):
        groups = occ.within(m.end(), m.end() + 2, GROUPS)
        body = [x for x in occ.within(max(0, m.start() - 120), m.start(), ACTORS)
                if not v[x[1]:m.start()].strip(", ")]
        if groups and body:
            out += memberships([body[-1][2]], groups[0][2], body[-1][0], m.end())
    for m in _MEMBERS_OF.finditer(v):
        out += _members_among(v, occ, m)
    for m in _AS_MEMBERS_OF.finditer(v):
        groups = occ.within(m.end(), m.end() + 2, GROUPS)
        if groups:
            lo = _clause_start(v, m.start())
            out += memberships([a for s, e, a in occ.within(lo, m.start(), ACTORS)], groups[0][2], lo, m.end())
    return out


# "Nine members of the RTA took part, among them A, B and C": the group after "members of"
_MEMBERS_OF = re.compile(r"\bmembers\s+of\s+(?:the\s+)?")
# the words from the group to the members a clause names: "… took part, among them the Italian SMEs "
_AMONG = re.compile(r"[^.;:\n]{0,80}?,?\s+(?:among\s+them|including|such\s+as|notably)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?")


def _members_among(v: str, occ: Occ, m) -> list[RawRel]:
    """MEMBER_OF the group named right after "members of" for the bodies its clause lists after
    "among them" / "including" (none when another group stands in between)."""
    groups = occ.within(m.end(), m.end() + 2, GROUPS)
    if not groups:
        return []
    end = _clause_end(v, occ, groups[0][1])
    named = occ.within(groups[0][1], end, ACTORS)
    if not named or not _AMONG.fullmatch(v, groups[0][1], named[0][0]):
        return []
    return memberships([a for _, _, a in named if a is not groups[0][2]], groups[0][2], m.start(), named[-1][1])


def _group_before(occ: Occ, at: int):
    """(start, end, group) of the name that ends right before the word "member" at ``at`` ("an MVAC
    member")."""
    near = [x for x in occ.within(max(0, at - 120), at, GROUPS) if at - 2 <= x[1] <= at]
    return near[-1] if near else None


def _members_around(v: str, occ: Occ, named, m) -> list[RawRel]:
    """The bodies a "<group> member" phrase at ``m`` speaks of: the one it is apposed to ("X, an
    MVAC member"), else the ones named right after it ("MVAC members X and Y")."""
    gstart, _, group = named
    lo = _clause_start(v, gstart)
    before = [x for x in occ.within(lo, gstart, ACTORS) if x[2] is not group]
    if before and _APPOSED.search(v, before[-1][1], gstart):
        return memberships([before[-1][2]], group, before[-1][0], m.end())
    after = occ.within(m.end(), _clause_end(v, occ, m.end()), ACTORS)
    if after and (after[0][0] <= m.end() + 2 or _WERE_GAP.fullmatch(v, m.end(), after[0][0])):
        return memberships([a for _, _, a in after], group, m.start(), after[-1][1])
    return []


# "Among the CATGA members at the table were A, B and C" (or "…, among them"): the words between "members" and the list
_WERE_GAP = re.compile(r"(?:\s+(?:at|in|on|present|attending)\b[^,;.:]{0,40}?)?\s+(?:were|was|are|included|include)\s+(?:the\s+)?"
                       r"|" + _AMONG.pattern)


def _clause_end(v: str, occ: Occ, at: int) -> int:
    """Where the clause after ``at`` ends: its first stop, semicolon, colon or line end that is not
    part of a name ("AquaDose B.V. and Soilink OOD joined")."""
    for end in CLAUSE_END.finditer(v, at):
        if not occ.in_name(end.start(), end.start() + 1):
            return end.start()
    return len(v)


def _clause_start(v: str, at: int) -> int:
    """Where the sentence or list item holding ``at`` starts."""
    return max(v.rfind("\n", 0, at), v.rfind(". ", 0, at) + 1, v.rfind("; ", 0, at) + 1, 0)


# a list item that says the page's body belongs to it: "– member since 2013", "– founding member (2016)"
_OWN_MEMBER_TAIL = re.compile(r"(?:\s*\([^()\n]{1,40}\))?(?:\s*,\s+the\s+[^–—\n]{1,80}?)?\s*(?:[–—-]|,)\s*(?:an?\s+)?"
                              r"(?:founding\s+|full\s+|associate\s+)?member\b(?!s)")     # after an apposition too


def own_memberships(ctx, ents) -> list[RawRel]:
    """MEMBER_OF: the cluster a page speaks for (:func:`.stories.home_cluster`) in each network a list
    item names before "– member since 2013" ("Federazione Italiana Cluster Tecnologici (FICT) – member
    since 2013", "EuroSensNet – founding member (2016)")."""
    v = ctx.view
    if "member" not in v:
        return []
    home = home_cluster(ents, title_end(ctx))
    if home is None:
        return []
    occ, out = Occ(ents), []
    for line in ctx.lines:
        if not line.bullet:
            continue
        first = occ.within(line.start, line.end, GROUPS)
        if first and first[0][2] is not home and v[line.start:first[0][0]].strip(" -•*–") == "" \
                and _OWN_MEMBER_TAIL.match(v, first[0][1], line.end):
            out += memberships([home], first[0][2], line.start, line.end)
    return out


# a sentence that lists some of the members the sentence before counted: "Among them are A and B",
# "Entre ellas figuran A y B", "Parmi eux, A et B", "Tra questi A e B"
_AMONG_NEXT = re.compile(r"(?i)\s*(?:among\s+them|among\s+these|entre\s+ell[oa]s|entre\s+est[oa]s|parmi\s+(?:eux|elles|ceux-ci|"
                         r"celles-ci)|tra\s+(?:questi|queste|loro)|fra\s+(?:questi|queste))\b")
_MEMBER_WORD = re.compile(r"(?i)\b(?:members?|socios?|asociad[oa]s|miembros|adhérents?|membres|soci|associat[ei]|associé[es]?)\b")


def members_among_next(ctx, ents) -> list[RawRel]:
    """MEMBER_OF the group a sentence counts the members of ("The X Cluster has 74 member
    companies.") for the bodies the next sentence names after "Among them" (or its French, Spanish,
    Italian words).

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> members_among_next(build_context("No list here."), [])
    []
    """
    v, occ, out = ctx.view, Occ(ents), []
    for si in range(1, len(ctx.sents)):
        sent, prev = ctx.sents[si], ctx.sents[si - 1]
        if not _AMONG_NEXT.match(v, sent.start, sent.end) or not _MEMBER_WORD.search(v, prev.start, prev.end):
            continue
        groups = occ.within(prev.start, prev.end, GROUPS)
        named = occ.within(sent.start, sent.end, ACTORS)
        if groups and named:
            out += memberships([a for _, _, a in named], groups[0][2], sent.start, sent.end)
    return out


# "MSTC gathers 42 members, among them A and B", "Valfibre emmènera six de ses membres, parmi lesquels A et B",
# "Four of our member companies …, among them A": the word for members, then some of them by name
_MEMBERS_WORD = re.compile(r"(?i)\b(?:(?P<own>its|our|their|ses|nos|leurs|sus|nuestros|suoi|nostri)\s+(?:[\w-]+\s+){0,2}?)?"
                           r"(?:members|member\s+(?:companies|organi[sz]ations|firms|clusters)|membres|adhérents|socios|"
                           r"miembros|soci|membri|associados|membros)\b")
_THEN_NAMED = re.compile(r"[^.;:\n]{0,80}?(?:,|\s[–—-])?\s+(?:among\s+them|amongst\s+them|including|such\s+as|notably|"
                         r"parmi\s+(?:eux|elles|lesquels|lesquelles)|notamment|entre\s+(?:ellos|ellas|los\s+que|las\s+que)|"
                         r"tra\s+cui|tra\s+i\s+quali|entre\s+(?:eles|elas|os\s+quais)|darunter)\b[^.;:\n]{0,60}?$")
_OURS = ("our", "nos", "nuestros", "nostri")


def counted_members_listed(ctx, ents) -> list[RawRel]:
    """MEMBER_OF for the bodies a clause names after "among them" (or "including", "parmi lesquels",
    "tra cui" …) following a word for members: of the group named before that word in its sentence
    ("MSTC, created in 2021, gathers 42 members, among them A"), or of the page's own cluster for
    "our members".

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> counted_members_listed(build_context("It has 40 members, among them two universities."), [])
    []
    """
    v, occ, out = ctx.view, Occ(ents), []
    home = None
    for m in _MEMBERS_WORD.finditer(v):
        named = occ.within(m.end(), _clause_end(v, occ, m.end()), ACTORS)
        if not named or not _THEN_NAMED.fullmatch(v, m.end(), named[0][0]):
            continue
        own = (m.group("own") or "").lower()
        if own in _OURS:
            home = home or home_cluster(ents, title_end(ctx))
            group = home
        else:
            before = occ.within(_clause_start(v, m.start()), m.start(), GROUPS)
            group = before[-1][2] if before else None
        if group is not None:
            out += memberships([a for _, _, a in named], group, m.start(), named[-1][1])
    return out
