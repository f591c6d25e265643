"""Relations a page gives by what it is about: on a page about one event or one partnership
(named in its first line or its fact sheet), the actors it enumerates took part in the event
or are the partnership's partners, its "Lead partner:" field names the coordinator, and the EU
programmes it names beside the partnership fund it.

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = ("Blue Bridge Project - partners\\n\\nThe Blue Bridge Project is funded by Horizon Europe.\\n\\n"
...         "Alpha Marine Cluster, Beta Port Cluster and Gamma Sea Cluster form the consortium.")
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> sorted((r.source.name, r.type, r.target.name) for r in page_relations(ctx, ents))[0]
('Blue Bridge Project', 'FUNDED_BY', 'Horizon Europe')
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.cuelists import ORGANISED_OBJ, Occ, list_end
from clusternet.ingest.extract.lexicon import country_code
from clusternet.ingest.extract.listblocks import ACTORS, Mains, cue_patterns, raw_lines
from clusternet.ingest.extract.mainref import NETWORK_NAME
from clusternet.ingest.extract.raw import RawRel

__all__ = ["page_relations", "enumerated_participants", "lead_fields", "organiser_fields", "page_funding", "market_lines"]


def page_relations(ctx, ents) -> list[RawRel]:
    """All the page-level rules of this module, over one index of the page's main entities and
    mentions."""
    mains = Mains(ents, ctx)
    occ = Occ(ents, mains.title)
    return (enumerated_participants(ctx, mains, occ) + lead_fields(ctx, mains, occ) + organiser_fields(ctx, mains, occ)
            + page_funding(ctx, ents, mains) + market_lines(ctx, mains))


ENUM_MIN = 3
_OTHER_ROLE = ("COORDINATES", "PARTY_TO", "MEMBER_OF", "PARTNER_IN")
_VISITS = re.compile(r"(?i)\bvisit(?:s|ed|ing)?\b")


def _other_role(v: str, lo: int, hi: int) -> bool:
    """Whether the sentence says its names are something else than participants: a cue of
    another role, a visit (the names were visited), organisers or funders, or a table row
    (cells, read as a table).

    >>> _other_role("Visits to A, B and C followed.", 0, 30), _other_role("A, B and C met.", 0, 15)
    (True, False)
    """
    if "|" in v[lo:hi] or "\t" in v[lo:hi] or _VISITS.search(v, lo, hi) or ORGANISED_OBJ.search(v, lo, hi):
        return True
    return any(cue_patterns()[t].search(v, lo, hi) for t in _OTHER_ROLE)


def enumerated_participants(ctx, mains: Mains, occ: Occ) -> list[RawRel]:
    """On a page about one event or one partnership (named in its first line), the actors a
    sentence enumerates (three or more in one run) with no cue of another role took part in
    the event, or are the partnership's partners."""
    subject, typ = _page_subject(mains)
    if subject is None:
        return []
    out: list[RawRel] = []
    for sent in ctx.sents:
        acts = occ.within(sent.start, sent.end, ACTORS)
        if len(acts) < ENUM_MIN or sent.start < mains.title or _other_role(ctx.view, sent.start, sent.end):
            continue
        run = [x for x in occ.within(acts[0][0], list_end(ctx.view, acts[0][0], sent.end), ACTORS)
               if not any(m.rule == "institution" for m in x[2].mentions)]   # the Commission is nobody's partner
        if len({id(x[2]) for x in run}) >= ENUM_MIN:
            out.extend(RawRel(a, typ, subject, sent.start, sent.end, 0.5) for _, _, a in run)
    return out


def _page_subject(mains) -> tuple[object, str]:
    """(the event or partnership a page's first line names, the relation of its enumerated
    actors to it), or (None, "")."""
    for label, typ in (("Event", "PARTICIPATED_IN"), ("Partnership", "PARTNER_IN")):
        e = mains.titled(label)
        if e is not None:
            return e, ("MEMBER_OF" if typ == "PARTNER_IN" and NETWORK_NAME.search(e.name) else typ)
    return None, ""


_LEAD_FIELD = re.compile(r"(?im)^[ \t]*(?:[-*•][ \t]+)?\**(?:lead\s+partner|project\s+(?:leader|coordinator)|coordinator|lead\s+applicant)"
                         r"\s*\**\s*:\**[ \t]*(?=\S)")      # "Lead partner: A", "- **Coordinator:** A"


def lead_fields(ctx, mains: Mains, occ: Occ) -> list[RawRel]:
    """A fact sheet's "Lead partner: A (…)": A coordinates the page's partnership and is one of
    its partners.

    >>> lead_fields(type("C", (), {"text": "no field", "view": "no field"})(), None, None)
    []
    """
    fields = list(_LEAD_FIELD.finditer(ctx.text))
    out = []
    for f in fields:
        group = mains.section("Partnership", f.start()) or mains.consortium()     # a page of projects: the section's
        if group is None:
            continue
        end = ctx.text.find("\n", f.end())
        first = [x for x in occ.within(f.start(), end if end >= 0 else len(ctx.text), ACTORS) if x[1] > f.end()]
        if first and first[0][0] <= f.end() + 2:
            a = first[0][2]
            out += [RawRel(a, "COORDINATES", group, f.start(), f.end(), 0.65), RawRel(a, "PARTNER_IN", group, f.start(), f.end(), 0.65)]
    return out


_ORGANISER_FIELD = re.compile(r"(?im)^[ \t*_-]*(?:co-?)?(?:organi[sz]ers?|organi[sz]ed\s+by|hosts?|hosted\s+by)"
                              r"[ \t*_]*:[ \t*_]*(?=\S)")


def organiser_fields(ctx, mains: Mains, occ: Occ) -> list[RawRel]:
    """An event page's "Organiser: A and B" field: A and B coordinate the event its title names.

    >>> organiser_fields(type("C", (), {"text": "no field", "view": "no field"})(), None, None)
    []
    """
    fields = list(_ORGANISER_FIELD.finditer(ctx.text))
    event = mains.titled("Event") if fields else None
    out = []
    for f in fields if event is not None else ():
        end = ctx.text.find("\n", f.end())
        for s, e, a in occ.within(f.end(), end if end >= 0 else len(ctx.text), ACTORS + ("Partnership",)):
            out.append(RawRel(a, "COORDINATES", event, f.start(), f.end(), 0.65))
    return out


def page_funding(ctx, ents, mains: Mains) -> list[RawRel]:
    """The page's partnership is FUNDED_BY each EU programme (``programmes.yaml``) named in the
    page's first lines or in a paragraph that names the partnership ("6th Framework Programme,
    PRO-INNO Initiative" under a project's title; "in the frame of the DTP project X")."""
    part = mains["Partnership"]
    if part is None:
        return []
    head = _head_end(ctx.text)
    paras = _paragraphs_naming(ctx.text, part)
    out = []
    for e in ents:
        if e.label != "Programme" or not any(m.rule == "programme" for m in e.mentions):
            continue
        m = next((m for m in e.mentions if m.start < head or any(a <= m.start < b for a, b in paras)), None)
        if m is not None:
            out.append(RawRel(part, "FUNDED_BY", e, m.start, m.end, 0.55))
    return out


def _head_end(text: str, lines: int = 4) -> int:
    """Where a page's first ``lines`` non-blank lines end (its title block).

    >>> _head_end("T\\n\\nsub\\nthird\\nfourth\\nfifth", 2)
    6
    """
    seen, pos = 0, 0
    for ln in text.split("\n"):
        pos += len(ln) + 1
        seen += bool(ln.strip())
        if seen >= lines:
            return pos - 1
    return len(text)


def _paragraphs_naming(text: str, ent) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs holding a mention of ``ent``."""
    out = []
    for m in ent.mentions:
        a = text.rfind("\n\n", 0, m.start)
        b = text.find("\n\n", m.end)
        out.append((a + 2 if a >= 0 else 0, b if b >= 0 else len(text)))
    return out


# "Target markets" as a heading, then one market a line: "Chile – green hydrogen export hubs"
_MARKETS_HEAD = re.compile(r"(?i)^\W*(?:(?:our\s+)?target(?:ed)?\s+(?:markets?|countries|regions)|third\s+countries)\W*$")
_LEADING_PLACE = re.compile(r"[\s\-•*]*([A-Z][\w.'’ -]{2,40}?)\s*(?:[–—:,(]|\s-\s|$)")
MAX_MARKETS = 12


def market_lines(ctx, mains: Mains) -> list[RawRel]:
    """TARGETS: the countries that open the lines under a "Target markets" heading, for the page's
    partnership.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> text = "The Blue Link Partnership\\n\\nTarget markets\\n\\nChile – ports\\n\\nSouth Africa – fuel cells\\n\\nActivities"
    >>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
    >>> [r.target for r in market_lines(ctx, Mains(ents, ctx))]
    ['country:CL', 'country:ZA']
    """
    p = mains["Partnership"]
    if p is None:
        return []
    out, lines = [], raw_lines(ctx.text)
    for i, line in enumerate(lines):
        if len(line.text) > 40 or not _MARKETS_HEAD.match(line.text):
            continue
        for item in lines[i + 1:i + 1 + MAX_MARKETS]:
            m = _LEADING_PLACE.match(item.text)
            listed = [country_code(x.strip(" .;*•-")) for x in _LIST_SEP.split(item.text)]
            codes = listed if len(listed) > 1 and all(listed) else [country_code(m.group(1).strip()) if m else None]
            if not codes[0]:
                break
            out += [RawRel(p, "TARGETS", "country:" + code, item.start, item.end, 0.6) for code in codes]
    return out


_LIST_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")     # "Canada, Chile and Japan." under the heading
