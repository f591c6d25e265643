"""COORDINATES from a sentence's organiser cues ("organised by A and B", "facilitated by C in
collaboration with D", "It is organised by …"), and the spans that list organisers (who is named
there organised the event rather than attended it). Run by :mod:`.relations` sentence by sentence.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.listblocks import ACTORS
from clusternet.ingest.extract.mainref import named_for_itself, named_in_title
from clusternet.ingest.extract.raw import RawRel

__all__ = ["ORGANISED_AT_BY", "coordinates", "organisers_of", "organiser_spans", "has_label", "own_meetings",
           "organisers_not_attendees"]

# "organised in Bucharest by A and B": a place or date between the verb and its agents
ORGANISED_AT_BY = (r"organi[sz]ed\s+(?:in|at|on|from|between)\s+[^,.;()]{1,80}?\s+by\b"
                   r"|organis[ée]e?s?\s+(?:du|le|les|à|au|en|entre)\s+[^,.;()]{1,60}?\s+par\b"      # "organisé du 7 au 9 octobre par"
                   r"|organizad[ao]s?\s+(?:en|el|del|los|entre)\s+[^,.;()]{1,60}?\s+por\b"
                   r"|organizzat[ao]\s+(?:a|in|il|dal|tra)\s+[^,.;()]{1,60}?\s+da\b"
                   r"|(?:co-?)?(?:organi[sz]ed|hosted)\s+(?:\w+ly|again|once\s+more)\s+by\b")   # "organised annually by"
# where the list of organisers after "organised by" ends
_ORGANISERS_END = re.compile(r",\s+(?:both|which|who|as|following|under|after|before|during|where|was|were|is|are|has|"
                             r"have|will)\b|(?<!\b[A-Z])\.\s|\s+(?:under|following)\s+the\b")
# "…, the event was (jointly) organised by": the page's own event, whatever was named before
_THE_EVENT = re.compile(r"(?i)\b(?:the|this)\s+(?:event|mission|matchmaking|conference|forum|meeting|visit|study\s+visit|trip|tour|workshop|webinar|seminar)\s+"
                        r"(?:was|is|will\s+be|has\s+been)\s+(?:jointly\s+|co-?)?$")
# "It is organised by …", "It was prepared in cooperation with …", "We organised it together with …": a
# sentence whose subject (or object) is the event just named
_IT_WAS = re.compile(r"\s*(?:(?:It|This)\s+(?:is|was|will\s+be|has\s+been|is\s+being)\s+(?:jointly\s+|co-?)?"
                     r"(?:(?:organi[sz]ed|prepared|arranged)\s+)?|We\s+(?:(?:co-?)?organi[sz]ed|prepared|hosted|ran)\s+it\s+)")


# a cue that names a partner of whatever the clause does; organisers only when the clause organises
_WITH_CUE = re.compile(r"(?i)(?:together|jointly)\s+with\b")
_ORGANISING = re.compile(r"(?i)\b(?:co-?)?(?:organi[sz]|host|held\b|hold|facilitat|coordinat|arrang|prepar|conven|led\b|lead|reali[sz]ed\b|run\b|implemented\b)")


# "A, the organiser of the X Forum, …", "The X Forum is an initiative of A": who is behind an event
_ORGANISER_OF = re.compile(r",\s+(?:the|its)\s+(?:co-?)?organi[sz]ers?\s+of\s+(?:the\s+)?$")
_INITIATIVE_OF = re.compile(r"\s+(?:is|was|has\s+been)\s+(?:an?\s+)?(?:joint\s+)?initiative\s+of\s+(?:the\s+)?$")


def organisers_of(doc, si: int, sent, here) -> list[RawRel]:
    """COORDINATES: "A, the organiser of the X Forum, welcomed …" and "The X Forum is an initiative
    of A" (the event named, then the body behind it, or the other way round)."""
    out = []
    for (s1, e1, a), (s2, e2, b) in zip(here, here[1:]):
        if a.label in ACTORS and b.label == "Event" and _ORGANISER_OF.fullmatch(doc.v, e1, s2):
            out.append(RawRel(a, "COORDINATES", b, sent.start, sent.end, 0.65))
        elif a.label == "Event" and b.label in ACTORS and _INITIATIVE_OF.fullmatch(doc.v, e1, s2):
            out.append(RawRel(b, "COORDINATES", a, sent.start, sent.end, 0.65))
    return out


def has_label(here, labels) -> bool:
    """Whether a sentence names an entity with one of ``labels`` (rules that need none skip their regex)."""
    return any(x[2].label in labels for x in here)


def coordinates(doc, si: int, sent, here) -> list[RawRel]:
    """COORDINATES: the actors named after an organiser cue ("organised by A and B") of the clause's event."""
    v, out, last = doc.v, [], None     # last: (cue end, end of its organiser list, event) of the previous cue
    if not has_label(here, ACTORS + ("Partnership",)):
        return out
    for m in doc.org_rx.finditer(v, sent.start, sent.end):
        if _WITH_CUE.match(m.group(0)) and not _ORGANISING.search(v, sent.start, m.start()):
            continue        # "will join the fair together with A and B": companions, not organisers
        ev = _organised_event(doc, sent, here, m)
        if ev is None and last and m.start() <= last[1]:
            ev = last[2]    # "organised by A, and facilitated by B in collaboration with C": one list of organisers
        if ev is None:
            continue
        stop = _ORGANISERS_END.search(v[m.end():sent.end])
        lim = m.end() + stop.start() if stop else sent.end
        last = (m.end(), lim, ev)
        for s, t, ent in here:
            if m.start() < s < lim and ent.label in ACTORS + ("Partnership",):     # "… organised by the X partnership"
                out.append(RawRel(ent, "COORDINATES", ev, sent.start, sent.end, 0.65))
    return out


def _organised_event(doc, sent, here, m):
    """The event the organiser cue ``m`` is about, or None when the cue is about something else."""
    v = doc.v
    before = [x for x in here if x[0] < m.start()]
    if before and before[-1][2].label in ACTORS + ("Partnership",):
        return None    # "BatteryCluster Finland, hosted by …", "the partnership is led by …" (see prose.py)
    evs = [x for x in here if x[2].label == "Event" and x[0] < m.start()]
    if not evs and not before and _IT_WAS.fullmatch(v, sent.start, m.start()):
        return _event_just_named(doc, sent)     # "It is organised by …"
    if not before and not v[sent.start:m.start()].strip():
        return _fronted_event(doc, sent, here, m)      # "Organised by A with B, the event gathered …"
    if not evs and not before and doc.event_word_rx.search(v, sent.start, m.start()):
        named_after = _copula_event(v, here, m)
        if named_after is not None:
            return named_after      # "The biggest event organised by A this year was the X Matchmaking"
    if not evs and (before or not doc.event_subject_rx.search(v, sent.start, m.start())):
        return None    # no event in this clause: the cue is about something else
    named = [x for x in evs if named_for_itself(x[2])] or evs
    ev = named[-1][2] if evs else (doc.title_event or doc.event_near(sent.start))   # "the event": the page's
    if doc.title_event is not None and _THE_EVENT.search(v, sent.start, m.start()):
        ev = doc.title_event    # "Held alongside the X Expo, the event was organised by …"
    if evs and _other_event_between(v, evs[-1][1], m.start(), doc.event_word_rx):
        return None    # "…, a highly attended event organised by …": an unnamed event's organisers
    return ev


_COPULA = re.compile(r"\s(?:was|is|were|will\s+be|has\s+been)\s+(?:the\s+)?$")


def _copula_event(v: str, here, m):
    """The event a copula after an organiser cue names ("The event organised by A was the X Days"),
    else None.

    >>> from types import SimpleNamespace as N
    >>> v = "The event organised by A was X Days."; days = N(label="Event", name="X Days")
    >>> _copula_event(v, [(23, 24, N(label="Cluster")), (29, 35, days)], re.search("organised by", v)).name
    'X Days'
    """
    for s, _, ent in (x for x in here if x[0] > m.end()):
        if _COPULA.search(v, max(m.end(), s - 20), s):
            return ent if ent.label == "Event" else None
    return None


# "Organised by A together with B, the event …": the clause the fronted organisers belong to
_FRONTED_SUBJECT = re.compile(r",\s+(?:the|this)\s+(?:(?:two|three|one)-day\s+|\w+\s+)?(?:event|mission|matchmaking|"
                              r"conference|forum|meeting|workshop|visit|fair|edition)\b")


def _fronted_event(doc, sent, here, m):
    """The event of a sentence opening with its organisers ("Organised by A, the event gathered …"
    or "Organised by A, the Baltic Food Days gathered …"), else None."""
    v = doc.v
    after = [x for x in here if x[0] > m.end() and x[2].label == "Event"]
    comma = v.find(", ", m.end(), sent.end)
    if after and comma >= 0 and after[0][0] == comma + 2 + (4 if v.startswith("the ", comma + 2) else 0):
        return after[0][2]
    if _FRONTED_SUBJECT.search(v, m.end(), sent.end):
        return doc.title_event or doc.event_near(sent.start)
    return None


def _event_just_named(doc, sent):
    """The last event named before ``sent`` when one of the two sentences before names it, else None."""
    prev = doc.event_near(sent.start)
    lo = doc.ctx.sents[max(0, doc.ctx.sent_at(sent.start) - 2)].start
    return prev if prev is not None and any(lo <= x.start < sent.start for x in prev.mentions) else None


def organiser_spans(doc, sent) -> list[tuple[int, int]]:
    """The spans of a sentence that list organisers ("organised by A and B"): who is named there
    organised the event, and did not attend it."""
    out = []
    for m in doc.org_rx.finditer(doc.v, sent.start, sent.end):
        stop = _ORGANISERS_END.search(doc.v, m.end(), sent.end)
        out.append((m.start(), stop.start() if stop else sent.end))
    return out


def _other_event_between(v: str, lo: int, hi: int, event_word_rx) -> bool:
    """Whether an unnamed event ("…, a highly attended event organised by") stands between a
    named event (ending at ``lo``) and an organiser cue at ``hi``, far from the name.

    >>> rx = re.compile(r"(?i)\\bevent\\b")
    >>> t = "the Cluster Conference, organised by A under the Presidency, after a debate, a well attended event organised by B"
    >>> _other_event_between(t, 22, t.rindex("organised"), rx), _other_event_between(t, 22, 24, rx)
    (True, False)
    """
    m = None
    for m in event_word_rx.finditer(v, lo, hi):
        pass
    return m is not None and m.start() - lo > 60


# a body's own meetings: its kick-off, its partners', general or steering meetings
_OWN_MEETING = re.compile(r"(?i)\b(?:kick-?off|partners?['’]?\s+meeting|consortium\s+meeting|project\s+meeting|"
                          r"general\s+assembly|annual\s+meeting|steering\s+(?:committee|group)|board\s+meeting)\b")
_OWN_JOURNEY = re.compile(r"(?i)\b(?:missions?|misi[oó]n|missione|miss[aã]o|study\s+tour|business\s+trip)\b")
_HOLDERS = ("Partnership", "Cluster", "Organisation")


def own_meetings(ents, main, rels: list[RawRel], title: int = 0) -> list[RawRel]:
    """COORDINATES: a body holds its own kick-off, partner meeting or general assembly ("EACP
    General Assembly", "kick-off meeting of the MOVE-IN project"): the body its name names, else the
    one its kind word names ("Network general assembly": the page's network), else the page's
    partnership ``main``, else the body the title (ending at ``title``) names; only for a meeting no
    rule found an organiser of.

    >>> from types import SimpleNamespace as N
    >>> eacp = N(label="Organisation", name="EACP", aliases=[], mentions=[N(start=0)])
    >>> ga = N(label="Event", name="EACP General Assembly", aliases=[], mentions=[N(start=9, end=30)])
    >>> [(r.source.name, r.type, r.target.name) for r in own_meetings([eacp, ga], None, [])]
    [('EACP', 'COORDINATES', 'EACP General Assembly')]
    """
    organised = {id(r.target) for r in rels if r.type == "COORDINATES"}
    holders = sorted((e for e in ents if e.label in _HOLDERS), key=lambda e: -len(e.name))
    titled = [e for e in holders if named_in_title(e, title)]
    out = []
    for ev in (e for e in ents if e.label == "Event" and id(e) not in organised):
        named = next((h for h in holders if h.name in ev.name
                      or any(a in ev.name.split() for a in h.aliases if len(a) > 2)), None)
        if _OWN_MEETING.search(ev.name):
            holder = named or _by_kind(ev.name, titled + holders) or main or (titled[0] if titled else None)
        else:       # a partnership's mission ("the second mission of AGROMECH-ASEAN to …", on its page "our mission")
            holder = (named or main) if _OWN_JOURNEY.search(ev.name) else None
        if holder is not None:
            m = ev.mentions[0]
            out.append(RawRel(holder, "COORDINATES", ev, m.start, m.end, 0.55))
    return out


_KIND_WORD = re.compile(r"(?i)^(?:the\s+)?(network|cluster|partnership|project|consortium|association|alliance)\b")


def _by_kind(name: str, bodies: list):
    """The first of ``bodies`` whose name holds the kind word an event's name opens with
    ("Network general assembly": the network), or None."""
    km = _KIND_WORD.match(name)
    word = km.group(1).lower() if km else None
    return next((b for b in bodies if word and word in b.name.lower().split()), None)


def organisers_not_attendees(rels: list[RawRel]) -> list[RawRel]:
    """Without PARTICIPATED_IN where the same body COORDINATES the same event: who organised an
    event did not attend it as a participant."""
    org = {(id(r.source), id(r.target)) for r in rels if r.type == "COORDINATES"}
    return [r for r in rels if r.type != "PARTICIPATED_IN" or (id(r.source), id(r.target)) not in org]

