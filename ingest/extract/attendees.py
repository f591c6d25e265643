"""Who took part in the event a page reports on, when no sentence says so in as many words.

A page whose first line names one event (a matchmaking report, a mission report) is about that
event: the clusters, companies and organisations its body names took part in it, unless the
page gives them another part in it (organiser, host, funder, a place visited) or they are the
host side of a mission abroad (a Japanese body on a page about a mission to Japan is visited,
not a participant). The rule proposes with a low confidence; the decisions weigh it.

>>> page_event_attendees(None, [], None, [])
[]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.factsubj import event_cue
from clusternet.ingest.extract.mainref import headline, named_for_itself, title_end
from clusternet.ingest.extract.prosectx import ACTORS
from clusternet.ingest.extract.raw import RawRel

__all__ = ["page_event_attendees", "account_event", "group_at_events"]

# what a page says of a body that is not a participant of its event
_OTHER_PART = ("COORDINATES", "PARTICIPATED_IN", "VISITED", "FUNDED_BY", "PARTY_TO")
CONFIDENCE = 0.45
# a page naming more bodies than this, none of them said to take part, is a directory or a long
# programme, not one event's account
MAX_ATTENDEES = 20
# a page that calls for participants ("Call for SMEs: …", "Join the mission …", "Register now …")
_CALL = re.compile(r"(?i)\s*(?:open\s+)?(?:call\s+for|join\b|apply\b|register\b|registration\b|invitation\b|"
                   r"convocatoria\b|appel\s+(?:à|a)\b|bando\b|inscri)")
# a body named as the place where the event was held ("… held in the Alfândega Congress Centre")
_VENUE = re.compile(r"\b(?:in|at)\s+the\s+$")
# "Site visit to the Kruonis Plant", "a tour of X": a place the participants went to see
_VISITED_BEFORE = re.compile(r"(?i)\b(?:visits?\s+(?:to|of|at)|visited|visiting|tours?\s+of|toured)\s+(?:the\s+)?$"
                             # "supported by the X Chamber", "with the support of X": a backer, not a delegate
                             r"|\b(?:supported|sponsored|funded|co-?financed|financed|backed)\s+by\s+(?:the\s+)?$"
                             r"|\bsupport\s+of\s+(?:the\s+)?$")


# "X was founded in 2001": a sentence that only gives a body's history is background, no account of the event
_HISTORY = re.compile(r"\s+(?:was|were|has\s+been)\s+(?:founded|established|created|set\s+up|launched)\s+in\s+\d{4}\.")


def _third_country(code: str | None) -> str | None:
    """``code`` when it names a country outside the EU27, else None.

    >>> _third_country("JP"), _third_country("FR"), _third_country(None)
    ('JP', None, None)
    """
    from clusternet.graph.reference.countries import groups_of
    from clusternet.graph.errors import NotFound

    if not code:
        return None
    try:
        return None if "EU27" in groups_of(code) else code
    except NotFound:
        return None


def _given_other_part(rels: list[RawRel], event) -> set[int]:
    """The ids of the entities the relations found so far give a part in ``event`` or make a
    place visited or a funder."""
    out = {id(r.source) for r in rels if r.target is event and r.type in _OTHER_PART}
    out |= {id(r.target) for r in rels if r.type in ("VISITED", "FUNDED_BY")}
    return out


def account_event(ctx, ents, titled):
    """The event a page gives an account of: the one its headline names (``titled``), else the
    page's only event when the headline speaks of attendance ("Twelve exhibitors on the joint
    pavilion in Dubai" over a page naming one fair); else None.

    >>> account_event(None, [], "Blue Forum")
    'Blue Forum'
    """
    if titled is not None:
        return titled
    events = [e for e in ents if e.label == "Event" and named_for_itself(e)]
    if len(events) != 1 or not event_cue(ctx.view[:title_end(ctx)]):
        return None
    return events[0]


def page_event_attendees(ctx, ents, event, rels: list[RawRel]) -> list[RawRel]:
    """PARTICIPATED_IN ``event`` (the event the page's first line names, or None) for every
    actor the page's body names that the relations found so far give no other part; none when
    the page names more than :data:`MAX_ATTENDEES` of them."""
    body = title_end(ctx) if event is not None else 0
    if event is None or _CALL.match(ctx.view, headline(ctx).start, body):
        return []       # "Call for SMEs: join the mission to India": nobody has taken part yet
    abroad = _third_country(event.country)      # a body based there is the host side, not a delegate
    taken = _given_other_part(rels, event)
    out = []
    for e in ents:
        if e.label not in ACTORS or id(e) in taken or (abroad is not None and e.country == abroad):
            continue
        if any(m.rule == "institution" for m in e.mentions) or all(_HISTORY.match(ctx.view, m.end) for m in e.mentions):
            continue        # the Commission, a ministry, a body whose history alone is told: a page's background
        first = next((m for m in e.mentions if m.start >= body and not _VENUE.search(ctx.view, max(0, m.start - 12), m.start)
                      and not _VISITED_BEFORE.search(ctx.view, max(0, m.start - 30), m.start)), None)
        if first is not None:
            out.append(RawRel(e, "PARTICIPATED_IN", event, first.start, first.end, CONFIDENCE))
    return out if len(out) <= MAX_ATTENDEES else []


# "All nine companies presented their offer … at X", "the delegation took part in X": the whole group
_GROUP_AT = re.compile(r"(?i)\b(?:all|the|our)\s+(?:(?:\w+|\d+)\s+)?(?:companies|smes|firms|participants|exhibitors|"
                       r"delegates|members\s+of\s+the\s+delegation|delegation)\b")


def group_at_events(ctx, window, rels: list[RawRel]) -> list[RawRel]:
    """PARTICIPATED_IN another event for every participant of the page's journey (the event most
    bodies took part in) where a sentence says the whole group was at that event ("All nine
    companies presented their offer at Qazaq Agro Expo 2026"). ``window(lo, hi)`` gives the
    document's (start, end, entity) mentions starting in ``[lo, hi)``, in order.

    >>> group_at_events(None, [], [])
    []
    """
    counts: dict[int, list] = {}
    for r in rels:
        if r.type == "PARTICIPATED_IN" and not isinstance(r.target, str):
            counts.setdefault(id(r.target), [r.target, {}])[1].setdefault(id(r.source), r.source)   # in text order
    if not counts:
        return []
    journey, members = max(counts.values(), key=lambda x: len(x[1]))
    if len(members) < 2:
        return []
    out = []
    for sent in ctx.sents:
        cue = _GROUP_AT.search(ctx.view, sent.start, sent.end)
        if cue is None:
            continue
        events = [x[2] for x in window(cue.end(), sent.end) if x[2].label == "Event" and x[2] is not journey
                  and re.search(r"(?i)\b(?:at|in|on|to)\s+(?:the\s+)?$", ctx.view[max(0, x[0] - 12):x[0]])]
        out += [RawRel(p, "PARTICIPATED_IN", events[0], sent.start, sent.end, CONFIDENCE)
                for p in members.values() if events and p is not events[0]]
    return out


# "Among the SMEs were A, B and C", "Between them there were A and B", "The delegation included A and B":
# who made up a journey's group
_AMONG = re.compile(r"(?i)(?:^|(?<=\s))(?:(?:among|between)\s+(?:the|them|its|our|these|those)\b[^,.;:]{0,40}?\s+(?:were|was|are|is)|"
                    r"(?:the|our)\s+(?:delegation|group)\s+(?:included|includes|was\s+made\s+up\s+of|consisted\s+of|"
                    r"comprised))\s")
_GROUP_WORD = re.compile(r"(?i)\b(?:delegation|delegates|group|participants|mission)\b")


def delegation_members(ctx, window) -> list[RawRel]:
    """PARTICIPATED_IN the journey a group made, for the bodies a sentence names as that group's
    ("From 3 to 7 May our mission to Peru brought a delegation of 18 people … Among the SMEs were A
    and B"): the event is the last one the sentence or the two before it name, where they speak of
    a delegation or group. ``window(lo, hi)`` gives the document's (start, end, entity) mentions
    starting in ``[lo, hi)``, in order.

    >>> delegation_members(type("C", (), {"sents": [], "view": ""})(), None)
    []
    """
    out, v = [], ctx.view
    for i, sent in enumerate(ctx.sents):
        cue = _AMONG.search(v, sent.start, sent.end)
        if cue is None:
            continue
        lo = ctx.sents[max(0, i - 2)].start
        if not _GROUP_WORD.search(v, lo, sent.end):
            continue
        events = [x[2] for x in window(lo, cue.start()) if x[2].label == "Event"]
        if events:
            out += [RawRel(a, "PARTICIPATED_IN", events[-1], sent.start, sent.end, CONFIDENCE)
                    for _, _, a in window(cue.end(), sent.end) if a.label in ACTORS]
    return out
