"""Relations between a document's entities, from cue words, lists, sections and places.

Each rule is generic: a "(Country)" or "based in" place gives LOCATED_IN; items under a
"Partners"/"Consortium" heading are PARTNER_IN the partnership the heading (or the
document) is about; "organised by" gives COORDINATES; "attending"/"participated" gives
PARTICIPATED_IN; target-market cues with countries give TARGETS. Visits, delegations and what
a body does at an event it attends are read by :mod:`.visits`; what sentences state about
members, leaders and signatories by :mod:`.prose`.
"""
from __future__ import annotations

import bisect
import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.agreementsides import agreement_sides
from clusternet.ingest.extract.attendees import account_event, delegation_members, group_at_events, page_event_attendees
from clusternet.ingest.extract.cuelists import cue_list_relations
from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.mainref import main_of, named_for_itself, title_end, titled_main
from clusternet.ingest.extract.inlinelists import inline_list_relations
from clusternet.ingest.extract.listblocks import list_block_relations
from clusternet.ingest.extract.literals import cue_words_rx
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.groupacts import partners_signed, partners_took_part
from clusternet.ingest.extract.located import located_in, town_regions
from clusternet.ingest.extract.organisers import ORGANISED_AT_BY, coordinates, organisers_not_attendees, organisers_of, \
    own_meetings
from clusternet.ingest.extract.pagerels import page_relations
from clusternet.ingest.extract.rosters import roster_relations
from clusternet.ingest.extract.stands import stand_holders
from clusternet.ingest.extract.sections import role_lines, section_partners
from clusternet.ingest.extract.memberof import (counted_members_listed, members_among_next, named_memberships,
                                                own_memberships)
from clusternet.ingest.extract.prose import prose_relations
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.resolve import norm
from clusternet.ingest.extract.visits import attendance, delegation_leaders, fronted_event, hosted_visitors, \
    met_on_journey, participants_visited, participated_in, visited

__all__ = ["RawRel", "find_relations", "located_once_relabelled"]

ACTORS = ("Cluster", "Organisation", "SME")
_TRAVEL = re.compile(r"(?i)\b(?:visits?|tours?|missions?|delegations?|trip)\b")
_PARTNERSHIP_AGREEMENT = re.compile(r"(?i)(?:partnership|consortium) agreement$")


def find_relations(ctx, ents, places, mentions) -> list[RawRel]:
    """Every relation the rules propose for one document, each tagged with its family of rules."""
    lex = load_lexicon()
    # the list rules first: a page listing partners under a title that names one body makes that
    # body the consortium (a Partnership), which the sentence rules must then see as such
    lists = (("list-block", list_block_relations(ctx, ents)), ("inline-list", inline_list_relations(ctx, ents)),
             ("page", page_relations(ctx, ents)))
    doc = _Doc(ctx, ents, places, lex)
    out = _located_and_part_of(ents, places, lex, town_regions(ctx.view, places, mentions))
    out += section_partners(doc, lex) + role_lines(doc)
    out += _sentence_relations(doc)
    _bind_partners_to_agreements(ents, doc.main, out)
    families = (("sentence", out), ("prose", prose_relations(ctx, ents)),
                ("cue-list", cue_list_relations(ctx, ents, places)), *lists,
                ("roster", roster_relations(ctx, ents)), ("named-member", named_memberships(ctx, ents)),
                ("own-member", own_memberships(ctx, ents)), ("among-next", members_among_next(ctx, ents)),
                ("members-listed", counted_members_listed(ctx, ents)),
                ("agreement-name", agreement_sides(ents)))
    rels = [_tagged(r, name) for name, rels in families for r in rels]
    rels += [_tagged(r, "group") for r in partners_took_part(doc, rels)]
    rels += [_tagged(r, "group") for r in partners_signed(doc, rels)]
    rels += [_tagged(r, "page-event") for r in page_event_attendees(ctx, ents, account_event(ctx, ents, doc.title_event), rels)]
    rels += [_tagged(r, "group-at") for r in group_at_events(ctx, doc.window, rels)]
    rels += [_tagged(r, "delegates") for r in delegation_members(ctx, doc.window)]
    rels += [_tagged(r, "participants") for r in participants_visited(doc, rels)]
    rels += [_tagged(r, "own-meeting") for r in own_meetings(ents, doc.main, rels, title_end(ctx))]
    return organisers_not_attendees(_third_markets_only(rels))


class _Doc:
    """One document indexed for the sentence rules: its mentions by position and sentence, cues and main entities."""

    def __init__(self, ctx, ents, places, lex):
        self.ctx, self.v, self.places = ctx, ctx.view, places
        # every mention of an entity, by position
        self.occ = sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: (x[0], -x[1]))
        self.okeys = [x[0] for x in self.occ]
        self.by_sent: dict[int, list] = {}
        for s, e, ent in self.occ:
            self.by_sent.setdefault(ctx.sent_at(s), []).append((s, e, ent))
        self.country_by_sent: dict[int, list] = {}
        for p in places.values():
            if p.label == "Country":
                for mm in p.mentions:
                    self.country_by_sent.setdefault(ctx.sent_at(mm.start), []).append((mm.start, p))
        self.main = main_of(ents, "Partnership", title_end(ctx))
        self.events_seq = _events_in_view(self.occ)
        self.ev_keys = [s for s, _ in self.events_seq]
        self.title_event = titled_main(ents, "Event", title_end(ctx))
        self.org_rx = gated(re.compile(cue_words_rx(lex["organiser_cues"]).pattern + "|" + ORGANISED_AT_BY))
        self.part_rx = gated(cue_words_rx(lex["participation_cues"]))
        self.target_rx = gated(cue_words_rx(lex["target_cues"]))
        self.fund_rx = gated(cue_words_rx(lex["funding_cues"]))
        self.event_word_rx = gated(cue_words_rx(lex["event_nouns"]))
        self.event_subject_rx = gated(cue_words_rx(lex["event_nouns"] + lex["event_subjects"]))
        # who took part in an event, by sentence, as PARTICIPATED_IN finds them (VISITED reads it)
        self.participants_at: dict[int, list] = {}
        self.ents = ents

    def host(self):
        """The cluster a visit page is about when no partnership is: the one the title names, else
        the most named, on a page whose title names an event or a journey (a study tour, a
        mission); else None."""
        if "_host" not in self.__dict__:
            journey = self.title_event is not None or _TRAVEL.search(self.v, 0, title_end(self.ctx))
            self._host = main_of(self.ents, "Cluster", title_end(self.ctx)) if journey else None
        return self._host

    def window(self, lo, hi):
        """The mentions starting in [lo, hi), in order."""
        return self.occ[bisect.bisect_left(self.okeys, lo):bisect.bisect_left(self.okeys, hi)]

    def event_near(self, pos):
        """The last event named before ``pos`` (else the first event, else None)."""
        i = bisect.bisect_right(self.ev_keys, pos)
        if i > 0:
            return self.events_seq[i - 1][1]
        return self.events_seq[0][1] if self.events_seq else None


def _events_in_view(occ) -> list:
    """(start, event) of the events a later "the event" may mean: a fair named only as the venue of
    another ("… Matchmaking at Techtextil 2023") is not one, when another event is named."""
    evs = [(s, ent) for s, _, ent in occ if ent.label == "Event"]
    main = [(s, ent) for s, ent in evs if named_for_itself(ent)]
    return main or evs


def _located_and_part_of(ents, places, lex, towns: dict) -> list[RawRel]:
    """LOCATED_IN (see located.py; ``towns``: the regions the text puts towns in), PART_OF of
    partnerships in a larger one and of regions in their country."""
    regions = {norm(p.name): p for p in places.values() if p.label == "Region"} | towns
    for p in places.values():
        for a in p.aliases:
            regions.setdefault(norm(a), p)
    out: list[RawRel] = []
    for e in ents:
        out.extend(located_in(e, regions, lex))
        if e.label == "Partnership" and e.props.get("part_of") is not None:
            m = e.mentions[0]
            out.append(RawRel(e, "PART_OF", e.props["part_of"], m.start, m.end, 0.7))
    for p in places.values():
        if p.label == "Region" and p.country:
            m = p.mentions[0]
            out.append(RawRel(p, "PART_OF", "country:" + p.country, m.start, m.end, 0.9))
    return out


def _sentence_relations(doc: _Doc) -> list[RawRel]:
    """The relations stated within one sentence, sentence by sentence, rule by rule."""
    out: list[RawRel] = []
    for si, sent in enumerate(doc.ctx.sents):
        here = doc.by_sent.get(si, [])
        # order matters: VISITED reads the participants PARTICIPATED_IN found so far
        for rule in (coordinates, organisers_of, participated_in, delegation_leaders, attendance, fronted_event, _targets,
                     _funded_by, _party_to, visited, met_on_journey, hosted_visitors, stand_holders):
            out.extend(rule(doc, si, sent, here))
    return out


def _targets(doc: _Doc, si: int, sent, here) -> list[RawRel]:
    """TARGETS: the countries named after a target-market cue, for the partnership in or just before the sentence."""
    named = doc.country_by_sent.get(si)
    if not named:
        return []       # no country in the sentence: no cue needs reading
    tm = doc.target_rx.search(doc.v[sent.start:sent.end])
    if not tm:
        return []
    # the markets are named after the cue: "aims at Morocco", not "clusters from Spain aimed at …"
    countries = [p for at, p in named if at >= sent.start + tm.start()]
    if not countries:
        return []
    ps = [x[2] for x in here if x[2].label == "Partnership"]
    if not ps:
        prev = [x[2] for x in doc.window(doc.ctx.sents[max(0, si - 3)].start, sent.start) if x[2].label == "Partnership"]
        named_before = doc.main is not None and (min(m.start for m in doc.main.mentions) < sent.start
                                                 or sent.start < title_end(doc.ctx))
        ps = prev[-1:] or ([doc.main] if named_before else [])     # a title's market is the page's; not a later one's
    return [RawRel(p, "TARGETS", "country:" + c.country, sent.start, sent.end, 0.6)
            for c in dict.fromkeys(countries) for p in ps[:1]]


def _funded_by(doc: _Doc, si: int, sent, here) -> list[RawRel]:
    """FUNDED_BY: the sentence's partnership (else event) is funded by the programmes it names."""
    named = [x for x in here if x[2].label in ("Programme", "Organisation")]
    cue = doc.fund_rx.search(doc.v, sent.start, sent.end) if named else None
    if not cue:
        return []
    # the funders follow the cue, or carry it ("COSME-funded"); a programme before it says what the partnership is;
    # a body is a funder right after a cue that says money ("co-funded by the European Union")
    progs = [x[2] for x in named if x[2].label == "Programme" and (
        x[0] >= cue.start() or doc.v.startswith(("-funded", " funded", "-financed"), x[1]))]
    progs += [x[2] for x in named if x[2].label == "Organisation" and _MONEY_CUE.search(cue.group(0))
              and _RIGHT_AFTER.fullmatch(doc.v, cue.end(), x[0]) and not doc.v.startswith(("'s", "’s"), x[1])]
    ps = [x[2] for x in here if x[2].label == "Partnership"] or [x[2] for x in here if x[2].label == "Event"]
    return [RawRel(p, "FUNDED_BY", g, sent.start, sent.end, 0.6) for p in (ps or _anaphor(doc, sent))[:1] for g in progs]


_MONEY_CUE = re.compile(r"(?i)fund|financ|finanz")
_RIGHT_AFTER = re.compile(r"\s*(?:the\s+|la\s+|el\s+|l['’])?")
_ANAPHOR = re.compile(r"(?:The|This|These)\s+(?:(?P<p>partnership|project|initiative|consortium)|"
                      r"(?P<e>event|matchmaking|mission|conference|forum|visit|meeting|workshop)s?)\b")


def _anaphor(doc: _Doc, sent) -> list:
    """What a sentence opening "The partnership …" or "The matchmaking …" is about: the page's
    partnership, or the event named last before it (the last one its word names: "The mission …")."""
    m = _ANAPHOR.match(doc.v, sent.start)
    if not m:
        return _it_before(doc, sent)
    if m.group("p"):        # the partnership named in the last sentences, else the page's
        si = doc.ctx.sent_at(sent.start)
        prev = [x[2] for x in doc.window(doc.ctx.sents[max(0, si - 2)].start, sent.start) if x[2].label == "Partnership"]
        return prev[-1:] or ([doc.main] if doc.main is not None else [])
    word = m.group("e").lower()     # "The mission …": the last event before it called a mission
    kind = [x[2] for x in doc.window(0, sent.start) if x[2].label == "Event" and word in x[2].name.lower()]
    ev = kind[-1] if kind else doc.event_near(sent.start)
    return [ev] if ev is not None else []


_IT = re.compile(r"It\s+(?:is|was|has\s+been|will\s+be|is\s+being)\s")


def _it_before(doc: _Doc, sent) -> list:
    """What a sentence opening "It was …" is about: the partnership, else the event, the sentence
    before it names first ("The Nordic Food Forum took place in Tallinn. It was funded by …")."""
    si = doc.ctx.sent_at(sent.start)
    if not si or not _IT.match(doc.v, sent.start):
        return []
    prev = doc.ctx.sents[si - 1]
    named = [x[2] for x in doc.window(prev.start, prev.end)]
    return [x for x in named if x.label == "Partnership"][:1] or [x for x in named if x.label == "Event"][:1]


def _party_to(doc: _Doc, si: int, sent, here) -> list[RawRel]:
    """PARTY_TO: the countries and actors "between X and Y" / "entre X et Y" are parties to the sentence's agreements."""
    agrs = [x[2] for x in here if x[2].label == "Agreement"]
    if not agrs:
        return []
    bm = _between_sides(doc.v[sent.start:sent.end])
    if not bm:
        return []
    lo, hi = sent.start + bm[0], sent.start + bm[1]
    named = [x for x in here if lo <= x[0] < hi and x[2].label in ACTORS + ("Partnership",)]
    sides = [p for p in doc.places.values() if p.label == "Country"
             for mm in p.mentions if lo <= mm.start < hi and not _names_an_owner(doc.v, mm.end)
             and not any(s <= mm.start < e for s, e, _ in named)]    # not "the Tunisian Olive Cluster"
    sides += [x[2] for x in named]
    return [RawRel(p, "PARTY_TO", a, sent.start, sent.end, 0.6) for a in agrs for p in dict.fromkeys(sides)]


def _bind_partners_to_agreements(ents, main, out: list[RawRel]) -> None:
    """Append to ``out`` PARTY_TO from the main partnership's first partners to a partnership
    agreement that names no parties of its own."""
    partners = [r for r in out if r.type == "PARTNER_IN" and r.target is main]
    for a in (e for e in ents if e.label == "Agreement" and _PARTNERSHIP_AGREEMENT.match(e.name)):
        if not any(r.type == "PARTY_TO" and r.target is a for r in out):
            first = {}
            for r in partners:
                first.setdefault(id(r.source), r)
            m = a.mentions[0]
            for r in list(first.values())[:6]:
                out.append(RawRel(r.source, "PARTY_TO", a, m.start, m.end, 0.45))


def located_once_relabelled(ctx, ents, places, mentions, were: set[int]) -> list[RawRel]:
    """The LOCATED_IN of the entities among ``were`` (ids of partnerships when the relations were
    read) that a later step made bodies: "the Danish Water Alliance" no one is a partner in is an
    organisation, and it is where its table row or sentence puts it."""
    moved = [e for e in ents if id(e) in were and e.label != "Partnership"]
    if not moved:
        return []
    rels = _located_and_part_of(moved, places, load_lexicon(), town_regions(ctx.view, places, mentions))
    return [_tagged(r, "sentence") for r in rels if r.type == "LOCATED_IN"]


def _tagged(r: RawRel, family: str) -> RawRel:
    """``r`` with the family of rules that proposed it (kept when already set)."""
    r.rule = r.rule or family
    return r


def _names_an_owner(v: str, end: int) -> bool:
    """Whether a country name ending at ``end`` is the owner of the name after it ("Malta's
    Ministry for Research"): that organisation is the party, not the country.

    >>> _names_an_owner("between Malta’s Ministry and Acme", 13), _names_an_owner("between Malta and Acme", 13)
    (True, False)
    """
    return re.match(r"['’]s\s", v[end:end + 3]) is not None


_BETWEEN = re.compile(r"(?i)(?<!cooperation )(?<!collaboration )(?<!relations )(?<!links )\b(?:between|entre)\b")
_SIDES_END = re.compile(r"[.;](?:\s|$)|,\s+(?:which|who|to|in order|with the aim)\b|\s+(?:to|in order to)\s+[a-z]")


def _between_sides(text: str) -> tuple[int, int] | None:
    """The span of the parties in "signed between A, B and C" (to the end of the clause), or None;
    "cooperation between Sicily and Malta" names no signatories.

    >>> t = "An MoU was signed between the Science and Technology Park, the Ministry and Acme."
    >>> s, e = _between_sides(t); t[s:e]
    ' the Science and Technology Park, the Ministry and Acme'
    >>> _between_sides("It fosters cooperation between Sicily and Malta.") is None
    True
    """
    m = _BETWEEN.search(text)
    if not m:
        return None
    stop = _SIDES_END.search(text, m.end())
    end = min(stop.start() if stop else len(text), m.end() + 300)
    return (m.end(), end) if re.search(r"(?i)\b(?:and|et|y|e)\b|&", text[m.end():end]) else None


def _third_markets_only(rels: list[RawRel]) -> list[RawRel]:
    """TARGETS means a third market: when a partnership aims at countries outside the EU,
    the EU countries named beside them are its home ground, not its targets.

    >>> class P: pass
    >>> p = P()
    >>> kept = _third_markets_only([RawRel(p, "TARGETS", "country:FR", 0, 1, 0.6),
    ...                             RawRel(p, "TARGETS", "country:MA", 0, 1, 0.6)])
    >>> [r.target for r in kept]
    ['country:MA']
    """
    from clusternet.graph.reference.countries import groups_of

    def in_eu(rel) -> bool:
        return isinstance(rel.target, str) and "EU27" in groups_of(rel.target.split(":", 1)[1])

    beyond = {id(r.source) for r in rels if r.type == "TARGETS" and isinstance(r.target, str) and not in_eu(r)}
    return [r for r in rels if not (r.type == "TARGETS" and id(r.source) in beyond and in_eu(r))]
