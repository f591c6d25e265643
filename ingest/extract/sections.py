"""The bodies listed under a section heading (used by :mod:`.relations`): PARTNER_IN for those under
a "Partners"/"Consortium" heading; under a "Members" heading of a network or cluster (named there,
else the page's own), MEMBER_OF it. A heading may group them by country or region ("### Austria")
or, in a members section, by a deeper heading ("## Members" / "### Trentino").

>>> heading_level("### Austria")
3
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.cuelists import named_network
from clusternet.ingest.extract.lexicon import heading_country, heading_region, load_lexicon
from clusternet.ingest.extract.listblocks import LEAD_ROLE
from clusternet.ingest.extract.mainref import main_of, title_end, titled_main
from clusternet.ingest.extract.prosectx import ACTORS
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.resolve import norm
from clusternet.ingest.extract.stories import heading_level

__all__ = ["section_partners", "role_lines"]


# a heading of members, not of partners ("Members", "Our member clusters"; not "Partner | Members")
_MEMBER_HEADING = re.compile(r"^(?!.*\b(?:partners?|consortium)\b).*\bmembers?\b")


def section_partners(doc, lex) -> list[RawRel]:
    """PARTNER_IN for the actors listed under a "Partners"/"Consortium" heading; under a
    "Members" heading of a network or cluster (named there, else the page's own), MEMBER_OF it."""
    heads = lex.words("partner_headings")
    out: list[RawRel] = []
    cur_target, in_section, typ, level = None, False, "PARTNER_IN", 0
    for line in doc.ctx.lines:
        named = _named_heading(doc, line) if line.heading and in_section and cur_target is not None else None
        if named is not None:       # "### Alpha Cluster, Spain (coordinator)": a partner's own section
            out.append(RawRel(named, typ, cur_target, line.start, line.end, 0.7))
            if typ == "PARTNER_IN" and LEAD_ROLE.search(line.text):
                out.append(RawRel(named, "COORDINATES", cur_target, line.start, line.end, 0.7))
            continue
        if line.heading and in_section and (heading_country(line.text) or heading_region(line.text) or "\t" in line.text
                                            or typ == "MEMBER_OF" and _member_group(doc.ctx.text[line.start:line.end], level)):
            continue        # members grouped by country or region ("Estonia", then its members) or under a
            # sub-heading ("## Members" / "### Trentino", "# Our members" / "## Companies"); a table's header row
        if line.heading:
            txt, outer = norm(line.text), level if in_section else 0
            level = heading_level(doc.ctx.text[line.start:line.end]) or outer     # "# Our members", then "By type:"
            in_section = any(h in txt.split() or txt.endswith(h) for h in heads) and len(txt.split()) <= 8
            cur_target, members = None, _MEMBER_HEADING.search(txt) is not None
            if in_section:
                here = [x for x in doc.window(line.start, line.end) if x[2].label in ("Partnership", "Organisation", "Cluster")]
                cur_target = here[0][2] if here else (
                    (_own_network(doc) or titled_main(doc.ents, "Partnership", title_end(doc.ctx))
                     or _members_body(doc) if members else None)
                    or doc.main)
                typ = "MEMBER_OF" if cur_target is not None and (members and cur_target.label != "Partnership"
                                                                 or named_network(cur_target)) else "PARTNER_IN"
            continue
        if in_section and cur_target is not None:
            if typ == "MEMBER_OF" and not (line.bullet or "|" in line.text or _item_line(line.text)):
                continue        # a members section's prose ("X is a member of Y") says whose member X is
            here = [x for x in doc.window(line.start, line.end) if x[2].label in ACTORS]
            if line.bullet or "|" in line.text:
                chosen = here
            else:
                chosen = here[:1] if here and here[0][0] < line.start + 5 else []
            for s, t, ent in chosen:
                if ent is not cur_target:
                    out.append(RawRel(ent, typ, cur_target, line.start, line.end, 0.75))
                    cells = "\t" in line.text or "|" in line.text
                    if typ == "PARTNER_IN" and cells and LEAD_ROLE.search(line.text, t - line.start):
                        out.append(RawRel(ent, "COORDINATES", cur_target, line.start, line.end, 0.7))   # a "Role" cell
    return out



def _member_group(heading: str, level: int) -> bool:
    """Whether a heading under a members heading of ``level`` groups its members: deeper, and under a
    section heading (not the page's title) or naming a kind of member ("## Companies" under "# Our
    members"; not "## Observers").

    >>> _member_group("### Trentino", 2), _member_group("## Companies", 1), _member_group("## Observers", 1)
    (True, True, False)
    """
    deeper = heading_level(heading) > level > 0
    kinds = load_lexicon().words("member_kind_words")
    return deeper and (level >= 2 or any(w in kinds for w in re.findall(r"[a-z-]+", heading.lower())))


def _named_heading(doc, line):
    """The actor a short heading opens with ("Alpha Cluster, Spain (coordinator)"), else None."""
    here = [x for x in doc.window(line.start, line.end) if x[2].label in ACTORS]
    if not here or doc.v[line.start:here[0][0]].strip(" #*") != "":
        return None
    tail = doc.v[here[0][1]:line.end]
    rest = re.sub(r"\([^()]*\)", " ", tail).strip(" ,;:–—-*")
    said = not rest or heading_country(rest) or LEAD_ROLE.fullmatch(rest)
    return here[0][2] if said else None     # its name, then its country or its role, and nothing else


def _item_line(text: str) -> bool:
    """Whether a line reads as a list item, not prose: a dozen words at most, no full stop at its end.

    >>> _item_line("Holzcluster Steiermark (Austria)"), _item_line("Alpha Cluster is a member of the Beta Network.")
    (True, False)
    """
    return len(text.split()) <= 12 and not text.rstrip().endswith(".")


def _own_network(doc):
    """The network or cluster a page's title names (whose "Members" it lists), else None."""
    titled = [x[2] for x in doc.window(0, title_end(doc.ctx)) if x[2].label in ("Cluster", "Organisation")]
    return titled[0] if titled else None


def _most_named_network(doc):
    """The network a page names most ("… Network", "… Association"), else None."""
    return main_of([e for e in doc.ents if named_network(e)], "Organisation", title_end(doc.ctx))


def _members_body(doc):
    """Whose members a "Members" heading lists when the title names no one: the page's own
    cluster when it is named in the page's first lines before any network (a cluster's profile
    under a "CLUSTER PROFILE" kicker that later says which federation it belongs to), else the
    network named most."""
    network, cluster = _most_named_network(doc), main_of(doc.ents, "Cluster", title_end(doc.ctx))
    first = lambda e: min(m.start for m in e.mentions)
    if cluster is not None and (network is None or first(cluster) < min(first(network), 200)):
        return cluster
    return network


_RAW_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _role_line():
    """A roster line's dash and partner role after a name (lexicon ``roster_roles``)."""
    roles = "|".join(load_lexicon()["roster_roles"])
    return re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[–—-]\s+(?:the\s+)?(?:" + roles + r")\b", re.I)


def role_lines(doc) -> list[RawRel]:
    """PARTNER_IN the page's partnership for the bodies of a run of two or more lines that each
    give a body, maybe its place in brackets, a dash and its role in the consortium ("ZINNAE
    (Spain) – Leader of WP4"); COORDINATES for its coordinator."""
    target, out, run = doc.main, [], []
    if target is None:
        return out
    for line in [*_RAW_LINE.finditer(doc.ctx.text), None]:     # the text's own lines: a plain text's are joined
        hit = None if line is None else _role_of(doc, line.start(), line.end())
        if hit is not None:
            run.append(hit)
            continue
        if len(run) >= 2:
            for ent, (s, e), lead in run:
                out.append(RawRel(ent, "PARTNER_IN", target, s, e, 0.7))
                if lead:
                    out.append(RawRel(ent, "COORDINATES", target, s, e, 0.7))
        run = []
    return out



def _role_of(doc, start: int, end: int):
    """(body, its line's span, whether it leads) when a line opens with a body and a dash and a role
    follow it, else None."""
    here = [x for x in doc.window(start, end) if x[2].label in ACTORS]
    if not here or here[0][0] > start + 5 or here[0][2] is doc.main:
        return None
    m = _role_line().match(doc.v, here[0][1], end)
    return (here[0][2], (start, end), bool(LEAD_ROLE.search(doc.v, here[0][1], end))) if m else None
