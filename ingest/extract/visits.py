"""Who took part and whom they visited: PARTICIPATED_IN from a sentence's participation cue
("A and B took part in X", "Participants included …"), VISITED ("the delegation visited A and
toured B", "a seminar with X" on a journey's day) and who a delegation is ("the group took part
in X", "The Danish delegation, led by X, …", "X led a delegation to Y"). Run by :mod:`.relations`
sentence by sentence on its indexed document (its ``v``, ``ctx``, ``window``, ``participants_at``,
``main`` and ``event_near``); :func:`participants_visited` runs after every participation rule.
"""
from __future__ import annotations

import bisect
import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.listblocks import ACTORS
from clusternet.ingest.extract.mainref import OWN_KINDS, named_in_title, own_body, title_end
from clusternet.ingest.extract.members import stop_outside_names
from clusternet.ingest.extract.organisers import has_label, organiser_spans
from clusternet.ingest.extract.raw import RawRel

__all__ = ["visited", "fronted_event", "hosted_visitors", "participants_visited", "met_on_journey", "delegation_leaders",
           "delegation_owner", "attendance", "participated_in"]

_ATTEND = re.compile(r"\b(?:attending|attended|participat)")
_VISIT = re.compile(r"\b(?:visit(?:s|ed|ing)?|Visiting|Visits?(?=\s+(?:to|of)\b)|toured|tours?(?=\s+of\b)"
                    r"|visitó|visitaron|visité|visitèrent|visitato)\b(?!\s+(?:and|in)\b)")     # "a visité", "ha visitato"
_DELEGATION = re.compile(r"\bdelegation\b", re.I)
_VISIT_AGENT = re.compile(r"\s+(?:was|is|will\s+be)\s+(?:hosted|organi[sz]ed|co-?organi[sz]ed|held|funded|supported)\b")
DELEGATION_REACH = 2000     # characters back to the delegation a visit's "the delegation" means
_VISITORS_WORD = re.compile(r"\b(?:delegation|participants|delegates|visitors|group)\b", re.I)
_FROM_OF = re.compile(r"\b(?:from|of|under)\b")
# an organiser named after a delegation is not whose delegation it is ("… led by X" is)
_ORGANISED_BY = re.compile(r"\b(?:co-?)?organi[sz]ed\s+by|\bhosted\s+by|\bfacilitated\s+by|\bin\s+cooperation\s+with")
# where the visited actors after a "visit" cue end
_VISITED_END = re.compile(r",?\s+(?:as well as|but also|;)|\.\s|,\s+(?:where|which|who)\b|,?\s+and\s+(?:[a-z]+ed|met|held|saw|took|had|made|gave|went)\b"
                          r"|,\s+(?:a|an|the|one)\s+(?:\w+\s+)?(?:member|members|partner|part)\s+of\b")   # "X, a member of Y": Y no place visited
_N_CLUSTERS = re.compile(r"\b(two|three|four|five|\d)\s+clusters\b")


_DELEGATION_LED = re.compile(r"(?i)\bdelegation\b[^.;]{0,60}?\b(?:led|headed)\s+by\s+(?:the\s+)?")


# "… led by X and included A, B and C": the members the sentence goes on to list
_AND_INCLUDED = re.compile(r"\band\s+(?:also\s+)?(?:included|comprised|consisted\s+of|brought\s+together|was\s+made\s+up\s+of)\b")


def delegation_leaders(doc, si: int, sent, here) -> list[RawRel]:
    """PARTICIPATED_IN: who leads a delegation ("The Danish delegation, led by X, met …") and whom it
    goes on to include ("… led by X and included A and B") took part in the event the text is about."""
    m = _DELEGATION_LED.search(doc.v, sent.start, sent.end) if "delegation" in sent.text.lower() else None
    lead = [x for x in here if m and x[0] == m.end() and x[2].label in ACTORS + ("Partnership",)]
    if not lead:
        return _led_a_delegation(doc, sent, here)
    ev = doc.title_event or doc.event_near(sent.start)
    if ev is None:
        return []
    inc = _AND_INCLUDED.search(doc.v, lead[0][1], sent.end)
    members = [x for x in here if inc and x[0] > inc.end() and x[2].label in ACTORS]
    doc.participants_at.setdefault(si, [lead[0], *members])     # who "the participants" are next
    return [RawRel(x[2], "PARTICIPATED_IN", ev, sent.start, sent.end, 0.6) for x in [lead[0], *members]]


# "X led a delegation of six members to the Y Fair": X took part in Y
_LEADS_A_GROUP = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s+(?:also\s+)?(?:led|headed|sent|brought|took)\s+(?:a|an|its|the)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:delegation|group|team)\b[^.;]{0,80}?\s(?:to|at)\s+(?:the\s+)?$")


def _led_a_delegation(doc, sent, here) -> list[RawRel]:
    """PARTICIPATED_IN: "X led a delegation of six members to <event>": X took part in the event."""
    out = []
    for s, e, ent in here:
        if ent.label in ACTORS + ("Partnership",):
            evs = [x for x in here if x[2].label == "Event" and x[0] > e and _LEADS_A_GROUP.fullmatch(doc.v, e, x[0])]
            out += [RawRel(ent, "PARTICIPATED_IN", evs[0][2], sent.start, sent.end, 0.6)] if evs else []
    return out


# what a body does at an event it attends: "X sent a group of six companies", "Y presented its testbed"
_ATTENDS = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s+(?:also\s+)?(?:sent\s+(?:a\s+|its\s+)?(?:delegation|group|team)\b|sent\s+\w+\s+(?:companies|SMEs|"
                      r"representatives|members)\b|presented\b|exhibited\b|showcased\b|pitched\b)")


def attendance(doc, si: int, sent, here) -> list[RawRel]:
    """PARTICIPATED_IN: on a page about one event, the body that "sent a group" or "presented" there
    took part in it ("The Irish Offshore Network sent a group of six companies")."""
    ev = doc.title_event
    if ev is None:
        return []
    out = []
    for s, e, ent in here:
        if ent.label in ACTORS + ("Partnership",) and _ATTENDS.match(doc.v, e, sent.end):
            out.append(RawRel(ent, "PARTICIPATED_IN", ev, sent.start, sent.end, 0.55))
    return out


# "a highly attended event" describes the event, it names no participant
_DESCRIBES_ATTENDANCE = re.compile(r"(?i)\b(?:highly|well|widely|largely|poorly|best)[\s-]+$")


# a participation cue with no object: "clusters from 14 countries took part, among them …"
_INTRANSITIVE = re.compile(r"\s*(?:[,:;]|\.\s|\s(?:among|including|amongst)\b)"
                           r"|(?<=[Pp]articipating)\s+(?:clusters|companies|organi[sz]ations|SMEs|members|partners)\b")
# "Participants included representatives of A, B and C", "Speakers from A and B presented": the
# people of the event the text is about
_ATTENDEES_SUBJECT = re.compile(r"\W*(?:The\s+)?(?:participants|speakers|attendees|delegates|exhibitors)"
                                r"(?=\s+(?:included|include|were|came\s+from|from|represented)\b)", re.I)
_VISIT_CUE = re.compile(r"\b(?:visited|toured|met\s+(?:with\s+)?|(?:to|could)\s+visit|visiting|a\s+tour\s+of)\b")


def participated_in(doc, si: int, sent, here) -> list[RawRel]:
    """PARTICIPATED_IN: the sentence's actors took part in its event (or the nearest one before it)."""
    v = doc.v
    own = _own_subject(doc, sent.start, sent.end)
    if not own and not has_label(here, ACTORS + ("Event",)):
        return []
    pm = next((m for m in doc.part_rx.finditer(v, sent.start, sent.end)
               if not _DESCRIBES_ATTENDANCE.search(v, max(0, m.start() - 12), m.start())), None)
    if not pm:
        return []
    evs = [x for x in here if x[2].label == "Event"]
    if not evs and not doc.event_word_rx.search(v, pm.start(), min(sent.end, pm.end() + 40)) \
            and not pm.group(0).lower().startswith("delegation") \
            and not (_INTRANSITIVE.match(v, pm.end()) and pm.group(0).lower() != "joined") \
            and not _ATTENDEES_SUBJECT.match(v, sent.start, sent.end) and not (own and own[0][1] <= pm.start()):
        # a delegation travels to an event; "… took part, among them A": the event the text is about
        return []   # "joined the alliance": no event in sight
    ev = evs[0][2] if evs else doc.event_near(sent.start)
    organisers = organiser_spans(doc, sent)
    visit = _VISIT_CUE.search(v, pm.end(), sent.end)     # "participants visited X": X is visited, not a participant
    who = [x for x in here if x[2].label in ACTORS and not any(a <= x[0] < b for a, b in organisers)
           and not (visit and x[0] >= visit.end())]
    if not who and ev is not None:      # "the group took part in X": the delegation's cluster or partnership
        who = delegation_owner(doc, v[sent.start:pm.start()], pm.start()) or [x for x in own if x[1] <= pm.start()]
    if ev is None or not who:
        return []
    doc.participants_at[si] = who
    return [RawRel(ent, "PARTICIPATED_IN", ev, sent.start, sent.end, 0.65) for s, t, ent in who]


# "Our cluster took part …", "In May, the network joined …": the body the page speaks for
_OWN_SUBJECT = re.compile(r"\W*(?:(?:In|On|At|During|From)\s[^,.;]{1,40},\s+)?(?:[Oo]ur|[Tt]he)\s+(" + "|".join(OWN_KINDS) + r")\b"
                          r"(?!\s+(?:members?|partners?|companies|managers?)\b)")


def _own_subject(doc, lo: int, cue: int) -> list:
    """[(start, end, body)] when a sentence's subject is the page's own body ("Our cluster took part
    in …"), else []."""
    m = _OWN_SUBJECT.match(doc.v, lo, cue)
    body = own_body(doc.ents, m.group(1), title_end(doc.ctx)) if m else None
    if body is None:
        return []
    rivals = [e for e in doc.ents if e.label == body.label and e is not body]
    if rivals and not named_in_title(body, title_end(doc.ctx)):
        return []       # several clusters and none in the title: which one "our cluster" is stays open
    return [(m.start(1), m.end(1), body)]


# "A hosted a delegation from B" (or "… of 16 companies, led by B"), "A received a visit from B": B visited A
_HOSTED = re.compile(r"\s+(?:also\s+)?(?:hosted|welcomed|received|hosts|welcomes|receives|is\s+hosting|will\s+host|"
                     r"ha\s+recibido|recibió|recibe|a\s+accueilli|accueille|a\s+reçu|ha\s+accolto|ha\s+ricevuto|accoglie)\s+"
                     r"(?:(?:in|en|à|a)\s+[A-ZÀ-Ž][\w-]*(?:\s+[A-ZÀ-Ž][\w-]*)?\s+)?(?:a\s+)?"     # "hosted in Elche a …"
                     r"(?:a|an|the|una|un|une|la|el|le)\s+(?:[\w-]+\s+){0,3}?")
_HOSTED_VISIT = re.compile(r"(?:delegation|visit|group|visitors|mission)\s+(?:from|of)\s+(?:the\s+)?")
_HOSTED_DELEGATION = re.compile(r"(?:delegation|delegación|délégation|delegazione)\b")
_LED_BY = re.compile(r"(?:(?:led|headed|guided)\s+by|(?:encabezad|liderad)[ao]\s+por|(?:conduite?|menée?)\s+par|guidat[ao]\s+da)"
                     r"\s*(?:the\s+|el\s+|la\s+|le\s+|il\s+)?")


def hosted_visitors(doc, si: int, sent, here) -> list[RawRel]:
    """VISITED: "A hosted a delegation from B", "A received a visit from B": B visited A.

    >>> from types import SimpleNamespace as N
    >>> t = "Alpha hosted a delegation from Beta."
    >>> a, b = N(label="Cluster", name="Alpha"), N(label="Cluster", name="Beta")
    >>> [(r.source.name, r.target.name) for r in hosted_visitors(N(v=t), 0, N(start=0, end=len(t)), [(0, 5, a), (31, 35, b)])]
    [('Beta', 'Alpha')]
    """
    out = []
    for k, (s, e, host) in enumerate(here):
        hm = _HOSTED.match(doc.v, e, sent.end) if host.label in ACTORS + ("Partnership",) else None
        vm = _HOSTED_VISIT.match(doc.v, hm.end(), sent.end) if hm else None
        guest = [x for x in here[k + 1:] if vm and x[0] == vm.end() and x[2].label in ACTORS + ("Partnership",)]
        if hm and not guest and _HOSTED_DELEGATION.match(doc.v, hm.end()):
            led = _LED_BY.search(doc.v, hm.end(), sent.end)
            at = led.end() if led else -1
            guest = [x for x in here[k + 1:] if x[0] == at and x[2].label in ACTORS + ("Partnership",)]
        guest.sort(key=lambda x: (x[0] - x[1], x[2].name))     # the longest name starting there, in a fixed order
        out += [RawRel(guest[0][2], "VISITED", host, sent.start, sent.end, 0.6)] if guest and guest[0][2] is not host else []
    return out


# "At the X Forum, A and B …", "On the sidelines of the X, A …": the sentence's subjects were there
_AT_EVENT_FIRST = re.compile(r"\W*(?:At|During|On\s+the\s+sidelines\s+of|On\s+the\s+occasion\s+of|On\s+the\s+margins\s+of)"
                             r"\s+(?:the\s+)?")
_SUBJECT_GLUE = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)(?:the\s+)?")


def fronted_event(doc, si: int, sent, here) -> list[RawRel]:
    """PARTICIPATED_IN: a sentence opening with the event it happened at ("At the Delta Forum in
    Porto, Alpha Cluster met 40 companies"): the bodies its clause opens with were there, or the
    page's own body its clause opens with ("…, the cluster presented its roadmap")."""
    m = _AT_EVENT_FIRST.match(doc.v, sent.start, sent.end)
    ev = [x for x in here if m and x[0] == m.end() and x[2].label == "Event"]
    comma = doc.v.find(",", ev[0][1], sent.end) if ev else -1
    if comma < 0 or comma - ev[0][1] > 40:
        return []
    who, pos = [], comma + 1
    for x in (x for x in here if x[0] > comma):
        if not _SUBJECT_GLUE.fullmatch(doc.v, pos, x[0]) or x[2].label not in ACTORS + ("Partnership",):
            break
        who.append(x[2])
        pos = x[1]
    if not who:     # "At the X Summit, the cluster presented …": the page's own body
        who = [body for _, _, body in _own_subject(doc, comma + 1, sent.end)]
    return [RawRel(a, "PARTICIPATED_IN", ev[0][2], sent.start, sent.end, 0.6) for a in who]


def visited(doc, si: int, sent, here) -> list[RawRel]:
    """VISITED: the visitors (named before the cue, or nearby participants) visited the actors named after it."""
    v = doc.v
    if not has_label(here, ACTORS + ("Partnership",)):
        return []
    text = v[sent.start:sent.end]
    vm = _VISIT.search(text)
    if not vm or (vm.group(0).lower() in ("visit", "visits") and _VISIT_AGENT.match(text, vm.end())):
        return []       # "The visit was hosted by X": the event's host, not a place it visited
    cue = sent.start + vm.start()
    stop = stop_outside_names(_VISITED_END, v, cue, sent.end, here)
    lim = stop.start() if stop else sent.end
    objs = [x for x in here if cue < x[0] < lim and x[2].label in ACTORS] + _also_met(v, stop and stop.start(), sent, here)
    subj = [x for x in here if x[0] < cue and x[2].label in ACTORS + ("Partnership",)]
    if subj and _HOSTED.fullmatch(v, subj[-1][1], cue):
        return []       # "A received a visit from B": :func:`hosted_visitors` reads who visited whom
    visitors = _coordinated(doc.v, subj) if subj else delegation_owner(doc, text[:vm.start()], cue) or _nearby_visitors(doc, si)
    if not visitors and objs and doc.main is not None and named_in_title(doc.main, title_end(doc.ctx)):
        visitors = [(0, 0, doc.main)]       # a partnership's mission report: its delegation's visits
    if not visitors and objs:
        visitors = delegation_owner(doc, "the delegation", cue)    # a programme's "Visit at X": the delegation's
    if not visitors and objs and doc.main is not None:
        visitors = [(0, 0, doc.main)]
    elif not visitors and objs and vm.group(0) != "visit" and doc.host() is not None:
        visitors = [(0, 0, doc.host())]     # the cluster a visit page is about ("company visits to A, B")
    travellers = {id(x[2]) for x in visitors}
    out = [RawRel(a, "VISITED", b, sent.start, sent.end, 0.55) for _, _, a in visitors for _, _, b in objs
           if id(b) not in travellers]      # one of a group that visited did not visit another of it
    if subj and not objs:
        # "the delegation visited two clusters": the clusters introduced next
        out += [RawRel(subj[-1][2], "VISITED", b, sent.start, sent.end, 0.45)
                for b in _clusters_introduced_next(doc, sent, text)]
    return out


def _coordinated(v: str, subj: list) -> list:
    """The last actor before a visit cue with those joined to it by "and" or a comma ("a group led by
    A and B visited X": A and B).

    >>> from types import SimpleNamespace as N
    >>> t = "led by A and B visited X"
    >>> [x[2].name for x in _coordinated(t, [(7, 8, N(name="A")), (13, 14, N(name="B"))])]
    ['A', 'B']
    """
    out = [subj[-1]]
    for prev in reversed(subj[:-1]):
        if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", v[prev[1]:out[0][0]]):
            break
        out.insert(0, prev)
    return out


# "… visited A and met with B": the bodies met after the visited ones
_AND_MET = re.compile(r",?\s+and\s+(?:also\s+)?met(?:\s+with)?\s+")


def _also_met(v: str, stop: int | None, sent, here) -> list:
    """The actors met after a visit's objects: "visited A and met with B" -> B.

    >>> from types import SimpleNamespace as N
    >>> t = "They visited A and met with the B."
    >>> a, b = N(label="Cluster", name="A"), N(label="Organisation", name="B")
    >>> [x[2].name for x in _also_met(t, 14, N(end=len(t)), [(13, 14, a), (32, 33, b)])]
    ['B']
    """
    m = _AND_MET.match(v, stop) if stop is not None else None
    if m is None:
        return []
    end = stop_outside_names(_VISITED_END, v, m.end(), sent.end, here)
    lim = end.start() if end else sent.end
    return [x for x in here if m.end() <= x[0] < lim and x[2].label in ACTORS]


# a programme item with a host: "a briefing at X", "a seminar with X", "met the team of X",
# "was welcomed by X"; the bodies named after it are the ones the travellers went to see
_MET = re.compile(r"\b(?:met(?:\s+with)?|(?:meeting|briefing|seminar|workshop|round\s+table|session|"
                  r"presentation|reception|lunch|dinner)s?\s+(?:with|at|by|hosted\s+by)|(?:welcomed|received)\s+by)\s+")
# what shows the sentence is about travellers' programme: who went, or the day of it
_JOURNEY_SCENE = re.compile(r"(?i)\b(?:delegation|participants|delegates|visitors|group|mission|day\s+\d|"
                            r"(?:first|second|third|fourth|fifth|final|last|next)\s+day|programme)\b")


def met_on_journey(doc, si: int, sent, here) -> list[RawRel]:
    """VISITED: on a journey ("the delegation …", "Day 2 …"), the bodies the travellers met, were
    briefed or welcomed by ("a seminar with X", "met the team of Y", "was welcomed by Z")."""
    v = doc.v
    text = v[sent.start:sent.end]
    if "visit" in text or not has_label(here, ACTORS) or not _JOURNEY_SCENE.search(text):
        return []       # a visit cue is :func:`visited`'s
    out = []
    for mm in _MET.finditer(v, sent.start, sent.end):
        if not _JOURNEY_SCENE.search(v, sent.start, mm.start()):
            continue
        stop = stop_outside_names(_VISITED_END, v, mm.end(), sent.end, here)
        lim = stop.start() if stop else sent.end
        objs = [x for x in here if mm.end() <= x[0] < lim and x[2].label in ACTORS][:4]
        traveller = doc.main or doc.host()
        visitors = delegation_owner(doc, v[sent.start:mm.start()], mm.start()) or \
            ([(0, 0, traveller)] if traveller is not None else [])
        out += [RawRel(a, "VISITED", b, sent.start, sent.end, 0.5) for _, _, a in visitors for _, _, b in objs if a is not b]
    return out


# the unnamed travellers of a visit sentence: "The participants visited …", "The delegation toured …"
_THE_VISITORS = re.compile(r"(?i)\b(?:participants|delegates|delegation|group|visitors|clusters|they)\s+"
                           r"(?:also\s+|then\s+|later\s+)?(?:had\s+the\s+(?:opportunity|chance)\s+to\s+)?$")


def participants_visited(doc, rels: list[RawRel]) -> list[RawRel]:
    """VISITED: on a page about no partnership, "the participants visited A and B" makes each body
    that took part in the event (as the relations so far have it) a visitor of A and of B."""
    out = []
    for sent in doc.ctx.sents if doc.main is None else ():
        vm = _VISIT.search(doc.v, sent.start, sent.end)
        if vm is None or not _THE_VISITORS.search(doc.v, sent.start, vm.start()) \
                or [x for x in doc.window(sent.start, vm.start()) if x[2].label in ACTORS + ("Partnership",)]:
            continue        # the visitors are named: :func:`visited` reads them
        event = doc.title_event or doc.event_near(sent.start)
        takers = list({id(r.source): r.source for r in rels
                       if r.type == "PARTICIPATED_IN" and r.target is event}.values()) if event is not None else []
        stop = stop_outside_names(_VISITED_END, doc.v, vm.end(), sent.end, doc.window(vm.end(), sent.end))
        objs = [x[2] for x in doc.window(vm.end(), stop.start() if stop else sent.end) if x[2].label in ACTORS]
        out += [RawRel(a, "VISITED", b, sent.start, sent.end, 0.5) for a in takers for b in objs if a is not b]
    return out


def delegation_owner(doc, before: str, cue: int) -> list:
    """Who "the delegation" of a visit is: the cluster or partnership the nearest delegation before
    (in the same paragraph or the three before) came "from" or "of" ("a delegation of eight
    companies from X"), or "the X delegation"."""
    if not _VISITORS_WORD.search(before):
        return []
    lo = max(0, cue - DELEGATION_REACH)
    for m in reversed(list(_DELEGATION.finditer(doc.v, lo, cue))):
        sent = doc.ctx.sents[doc.ctx.sent_at(m.start())]
        for x in doc.window(sent.start, min(sent.end, m.end() + 160)):
            if x[2].label not in ("Cluster", "Partnership", "Organisation"):
                continue
            if m.start() - 4 <= x[1] <= m.start() or (
                    x[0] >= m.end() and _FROM_OF.search(doc.v, m.end(), x[0]) and not _VISIT.search(doc.v, m.end(), x[0])
                    and not _MET.search(doc.v, m.end(), x[0]) and not _ORGANISED_BY.search(doc.v, m.end(), x[0])):
                return [x]      # not "the delegation visited the headquarters of X", "… met the team of X",
                # "… travelled to the Y Mission, organised by X"
    return []


def _nearby_visitors(doc, si: int) -> list:
    """The visitors of a sentence naming none: participants found nearby under the same heading,
    else the actors attending just after."""
    for d in (1, 2, -1, 3, -2):
        if si + d in doc.participants_at and not _heading_between(doc.ctx, si, si + d):
            return doc.participants_at[si + d]
    return [x for j in (si + 1, si + 2) if j < len(doc.ctx.sents)
            and _ATTEND.search(doc.v, doc.ctx.sents[j].start, doc.ctx.sents[j].end)
            for x in doc.by_sent.get(j, []) if x[2].label in ACTORS]


def _heading_between(ctx, a: int, b: int) -> bool:
    """Whether a heading opens a section between sentences ``a`` and ``b`` (either order)."""
    lo, hi = sorted((a, b))
    return any(ctx.lines[ctx.sents[k].line].heading for k in range(lo + 1, hi + 1))


def _clusters_introduced_next(doc, sent, text: str) -> list:
    """The first clusters introduced after the sentence, as many as its "two clusters" counts."""
    nm = _N_CLUSTERS.search(text)
    if not nm:
        return []
    n = {"two": 2, "three": 3, "four": 4, "five": 5}.get(nm.group(1), None) or int(nm.group(1))
    nxt, seen = [], set()
    first = bisect.bisect_left(doc.okeys, sent.end) if n > 0 else 0    # the mentions before it never count
    for s, t, ent in doc.occ[first:]:
        if s >= sent.end and ent.label == "Cluster" and id(ent) not in seen and ent.mentions[0].start >= sent.end:
            nxt.append(ent)
            seen.add(id(ent))
        if len(nxt) >= n:
            break
    return nxt
