"""What a partnership's partners do together when the text counts them instead of naming them:
"All five partners took part in the forum", "the six partners signed the Joint Declaration",
"the five BlueLinks partners and Møre Subsea Cluster signed …". Each partner the page names
(PARTNER_IN or COORDINATES the page's partnership) does it.

``doc`` is the sentence rules' view of a document (:class:`.relations._Doc`): ``ctx``, ``v``,
``main`` (the page's partnership), ``title_event`` and ``window(lo, hi)``.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.raw import RawRel

__all__ = ["partners_took_part", "partners_signed"]


def _partners(doc, rels: list[RawRel]) -> list:
    """The bodies PARTNER_IN or COORDINATES the page's partnership, once each, in order."""
    return list({id(r.source): r.source for r in rels
                 if r.type in ("PARTNER_IN", "COORDINATES") and r.target is doc.main}.values())


_ALL_PARTNERS_TOOK_PART = re.compile(
    r"(?i)\b(?:all|the|its)\s+(?:(?:\w+|\d+)\s+)?(?:project\s+|consortium\s+)?partners\s+(?:\w+\s+)?"
    r"(?:took\s+part|participated|attended|were\s+present|travell?ed|joined\s+(?:the|it)|met)\b"
    # "… 38 participants, among them representatives of all seven project partners": the event named before
    r"|\b(representatives|delegates)\s+of\s+all\s+(?:(?:\w+|\d+)\s+)?(?:project\s+|consortium\s+)?partners\b")


def partners_took_part(doc, rels: list[RawRel]) -> list[RawRel]:
    """"All five partners took part": each partner of the page's partnership took part in the
    event the sentence names after the cue, else in the page's event."""
    if doc.main is None:
        return []
    partners = _partners(doc, rels)
    out = []
    for sent in doc.ctx.sents if partners else ():
        cue = _ALL_PARTNERS_TOOK_PART.search(doc.v, sent.start, sent.end)
        if cue is None:
            continue
        after = [x[2] for x in doc.window(cue.end(), sent.end) if x[2].label == "Event"]
        event = after[0] if after else (doc.event_near(cue.start()) if cue.group(1) else None) or doc.title_event
        hosts = {id(r.source) for r in rels if r.type == "COORDINATES" and r.target is event}   # organisers host
        out += [RawRel(p, "PARTICIPATED_IN", event, sent.start, sent.end, 0.5)
                for p in partners if event is not None and id(p) not in hosts]
    return out


# "the six partners signed", "the five BlueLinks partners and X signed", "all partners have signed"
_PARTNERS_SIGNED = re.compile(
    r"(?i)\b(?:all|the|its)\s+(?:(?:\w+|\d+)\s+){0,2}?(?:project\s+|consortium\s+)?(?:partners|partner\s+clusters)\b"
    r"(?:\s+and\s+[^.;]{0,80}?)?\s+(?:have\s+|had\s+|jointly\s+|also\s+)?(?:signed|co-signed|endorsed)\b")


def partners_signed(doc, rels: list[RawRel]) -> list[RawRel]:
    """"The six partners signed the Joint Declaration": each partner of the page's partnership is
    PARTY_TO the agreement the sentence names after the cue."""
    partners = _partners(doc, rels) if doc.main is not None else []
    out = []
    for sent in doc.ctx.sents if partners else ():
        cue = _PARTNERS_SIGNED.search(doc.v, sent.start, sent.end)
        after = [x[2] for x in doc.window(cue.end(), sent.end) if x[2].label == "Agreement"] if cue else []
        if after:
            out += [RawRel(p, "PARTY_TO", after[0], sent.start, sent.end, 0.5) for p in partners]
    return out
