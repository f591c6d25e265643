"""Countries the text implies for entities that do not carry one in their own mention.

Run after mentions are resolved into entities, before relations. Each rule is generic
(cue words and the place gazetteer, no names of organisations) and only fills a country
(and region) that is still missing. An agreement takes a place by the same rules (where it was
signed: "signed a MoU at the forum in Nairobi"); only bodies and events are LOCATED_IN theirs.

1. "X was established / is based / located / headquartered in <place>"; a place beside a name
   ("X from Spain", "X, Valencia, Spain"); a role said with its country ("the Spanish partner, X",
   "In Spain, X will host …"). A stated region in the country a body already has gives its region.
2. "<Core> is a … <country or demonym> …" for an entity named "<Core> cluster/pole".
3. Objects of a visit ("a visit to X", "visits to local clusters such as X, Y") take the
   place of the event they belong to (the nearest placed event before them), or else of
   the nearest place named before them.
4. An event named for an "EU–X" pairing ("EU-Singapore matchmaking") is held in X, unless a
   rule above placed it.
5. A city, region or regional adjective in the same sentence (all pointing at one country),
   or else in the sentence before it on the same paragraph: "held … in Madrid. … the X"; a
   European body ("Enterprise Europe Network") takes no such place.
6. Last, a body still unplaced takes the one country of the page its legal form ("AG", "s.r.o.")
   or its name's language allows, if only one (a guess: no LOCATED_IN is claimed from it).

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "The Foundation for Alpha Excellence was established in Catalonia in 2003."
>>> ctx = build_context(text); ms = find_mentions(text, ctx); ents = resolve_mentions(ms)
>>> infer_places(ctx, ents, ms)
>>> [(e.name, e.country, e.region) for e in ents if e.label == "Organisation"]
[('Foundation for Alpha Excellence', 'ES', 'Catalonia')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache
from bisect import bisect_right

from clusternet.ingest.extract.fieldplaces import (heading_places, name_line_places, sheet_place, table_row_places,
                                                   venue_place)
from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.literals import with_initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.regionbeside import region_beside
from clusternet.ingest.extract.placing import PLACED, Spans, may_be_in, assign, in_brackets, is_open, region_of, regionless
from clusternet.ingest.extract.placeroles import (destinations, group_country, name_in_page_country, role_of_country,
                                                  sessions_at_main_event)
from clusternet.ingest.extract.rules import paired_place

__all__ = ["infer_places"]

_LOCATED = gated(re.compile(with_initials(
    r"(?i)\b(?:established|founded|based|located|headquartered|headquarters?\s+(?:is\s+)?|situated|"
    r"set\s+up|created|registered|(?P<held>held|taking\s+place|takes\s+place|took\s+place))\s+in\s+(?:the\s+)?")))
_VISIT = gated(re.compile(with_initials(
    r"(?i)\b(?:visits?\s+to|visiting|visited|local|"
    r"visitas?\s+(?:a|al|à|às|ao|aos|alla|alle|agli|ai)|visite\s+(?:de|du|des|à|au|aux|chez)|"     # Romance: "Visita a …"
    r"visit(?:ó|aron|amos|ou|aram|é|ée|és|ato|ati|arono))\b")))
_WORD = re.compile(r"\b[A-Z][\w'’-]+")


def infer_places(ctx, ents, mentions) -> None:
    """Fill ``country``/``region`` of entities in place (see the module doc for the rules)."""
    lex = load_lexicon()
    sp = Spans(ctx.view, ents, mentions)
    # the steps run in this order: each only fills what the earlier ones left open
    sheet_place(ctx, sp, ents)
    venue_place(ctx, sp, ents)
    table_row_places(ctx, sp)
    heading_places(ctx, sp)
    name_line_places(ctx, sp)
    _country_colon(ctx, sp)
    # 0b. "BioM, Munich, Germany, and …": a place set off by commas right after the name
    _appositive_places(sp.v, sp.places, sp.occ_in, is_open)
    _bracket_regions(sp)
    _located_in(ctx, sp)
    _signed_in(ctx, sp)
    _represented_by(sp)
    _beside_name(sp)
    role_of_country(ctx, sp)
    group_country(sp)
    _country_hosts(sp)
    _defined_cores(ctx, sp.v, ents)
    _visit_objects(ctx, sp, lex)
    for ent in ents:        # "EU-Singapore matchmaking": held in the partner country unless said otherwise
        if ent.label == "Event" and is_open(ent):
            assign(ent, paired_place(ent.name), None, "paired")
    destinations(sp)
    _nearby(ctx, sp)
    sessions_at_main_event(ctx, ents)
    name_in_page_country(sp)
    region_beside(sp)


_COUNTRY_COLON = re.compile(r"[ \t]*(?:[-*•][ \t]+)?([A-Z][^\W\d_]+(?:[ \t][A-Z][^\W\d_]+){0,2})[ \t]*:[ \t]+(?=\S)")


def _country_colon(ctx, sp: Spans) -> None:
    """0d. A line opened by a country and a colon ("Portugal: A Cluster and B Cluster") places
    the bodies it names there."""
    for line in ctx.lines:
        m = _COUNTRY_COLON.match(sp.v, line.start, line.end)
        code = country_code(m.group(1)) if m else None
        if code:
            for _, _, ent in sp.occ_in(m.end(), line.end):
                if is_open(ent):
                    assign(ent, code, None, "country-colon")


def _located_in(ctx, sp: Spans) -> None:
    """1. "established / based / located in <place>" places the subject (or, after "held", the nearest name)."""
    v = sp.v
    for sent in ctx.sents:
        for m in _LOCATED.finditer(v, sent.start, sent.end):
            after = [p for p in sp.places_in(m.end(), m.end() + 3)]
            before = [x for x in sp.occ_in(sent.start, m.start()) if x[2].label in PLACED]
            if after and not before and not m.group("held") and not v[sent.start:m.start()].strip(" -*•\t"):
                subj = _opening_participle_subject(ctx, sp, sent, after[-1].end)
                if subj is not None:
                    assign(subj, after[0].country, region_of(after[0]), "located-in")
            elif after and before:
                p = after[0]
                # "X was established in P": the subject; "… the Forum held in P": the nearest name
                subj = before[-1][2] if m.group("held") else before[0][2]
                assign(subj, p.country, region_of(p), "located-in")


_AFTER_PARTICIPLE = re.compile(r"(?:,\s*[A-Z][\w'’-]+)*,\s+(?:(?P<it>it|the\s+(?:cluster|association|network|"
                               r"organi[sz]ation|company|pole))\b|(?:the\s+)?(?=[A-Z]))")


def _opening_participle_subject(ctx, sp: Spans, sent, place_end: int):
    """1b. "Based in Split, Croatia, it represents …": the body the main clause names right after
    the comma, else (for "it", "the cluster") the first body the sentence before names; or None.

    >>> bool(_AFTER_PARTICIPLE.match(", Croatia, it represents"))
    True
    """
    m = _AFTER_PARTICIPLE.match(sp.v, place_end, sent.end)
    if m is None:
        return None
    if m.group("it"):
        si = ctx.sent_at(sent.start)
        prev = [x[2] for x in sp.occ_in(ctx.sents[si - 1].start, ctx.sents[si - 1].end)
                if x[2].label in PLACED] if si else []
        return prev[0] if prev else None
    here = [x[2] for x in sp.occ_in(m.end(), m.end() + 2) if x[2].label in PLACED]
    return here[0] if here else None


_SIGNED_IN = gated(re.compile(r"\bsigned\s+(?:[^.;]{0,60}?\s)?in\s+(?:the\s+)?(?=[A-Z])"))
SIGNED_REACH = 300      # characters back to the agreement "The agreement was signed in …" means


def _signed_in(ctx, sp: Spans) -> None:
    """1a. "The agreement was signed in Casablanca": the agreement of the sentence (else the one
    named just before it) takes the place, over a dateline's."""
    v = sp.v
    for sent in ctx.sents:
        for m in _SIGNED_IN.finditer(v, sent.start, sent.end):
            after = sp.places_in(m.end(), m.end() + 1)
            agrs = [x[2] for x in sp.occ_in(max(0, sent.start - SIGNED_REACH), m.start()) if x[2].label == "Agreement"]
            if after and agrs:
                assign(agrs[-1], after[0].country, region_of(after[0]), "signed-in")


_REPRESENTED = gated(re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:is|was|will\s+be|are|were)\s+"
                                r"(?:also\s+)?represented\s+by\s+(?:the\s+)?(?=[A-Z])"))


def _represented_by(sp: Spans) -> None:
    """1b. "Portugal is represented by Fórum Oceano": the body named right after it is in that country."""
    for m in _REPRESENTED.finditer(sp.v):
        code = country_code(m.group(1))
        body = [x[2] for x in sp.occ_in(m.end(), m.end() + 1) if x[2].label in PLACED]
        if code and body and is_open(body[0]):
            assign(body[0], code, None, "represented-by")


_POSSESSIVE = re.compile(r"['’]s\s+(?:the\s+)?")
_FROM_BEFORE = re.compile(r"(?:,?\s+(?:from|of)\s+(?:the\s+)?|(?<=[)*])\s*,\s*|(?<=\S)  ,\s*)$")  # "X from Spain", "**X**, Cork"
_IN_BEFORE = re.compile(r"\s+in\s+(?:the\s+)?$")
_ACRONYM_BEFORE = re.compile(r"\s*\([A-Z][\w&-]{1,12}\)\**$")
_DEFINED = re.compile(r"\s*(?:The\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(?:is|are|was)\s")


def _bracket_regions(sp: Spans) -> None:
    """1a. A region in the brackets after a name, behind its country or code, gives its region:
    "Alpha Cluster (IT, Piedmont)", "(Italy, Piedmont)", "(Piedmont/IT)"."""
    v = sp.v
    for p in sp.places:
        if p.label != "Region":
            continue
        open_at = v.rfind("(", max(0, p.start - 25), p.start)
        if open_at < 0 or ")" in v[open_at:p.start] or not v[open_at + 1:p.start].strip(" ,/;–-") and v[p.end:p.end + 1] == ")":
            continue        # not in brackets, or alone in them (read as the name's place already)
        for _, _, ent in (x for x in sp.occ_in(open_at - 120, open_at) if x[1] in (open_at, open_at - 1)):
            if is_open(ent) or regionless(ent, p):
                assign(ent, p.country, region_of(p), "in")


def _beside_name(sp: Spans) -> None:
    """1b. A place right beside a name places it: "BioCat from Catalonia", "Portugal's Energy Cluster",
    "the X Institute in Germany" (a body; an event "in" a place is read by the event rules)."""
    v = sp.v
    for p in sp.places:
        tail = _POSSESSIVE.match(v[p.end:p.end + 8]) if p.label == "Country" else None
        if tail:
            nxt = sp.occ_in(p.end + tail.end(), p.end + tail.end() + 1)
            for _, _, ent in nxt:
                if is_open(ent):
                    assign(ent, p.country, None, "possessive")
        head = _FROM_BEFORE.search(v[max(0, p.start - 12):p.start])
        after_in = head is None     # "the X Institute in Germany": places a body, never an event
        head = head or _IN_BEFORE.search(v[max(0, p.start - 12):p.start]) or in_brackets(v, p)
        if head:
            stop = p.start - len(head.group(0))
            acr = _ACRONYM_BEFORE.search(v, max(0, stop - 16), stop)     # "the Institute X (IX) from Germany"
            ends = (stop, acr.start()) if acr else (stop, stop - 2 if v[stop - 2:stop] == "**" else stop)
            for _, _, ent in (x for x in sp.occ_in(stop - 120, stop) if x[1] in ends):
                if (is_open(ent) or regionless(ent, p)) and not (after_in and ent.label == "Event"):
                    assign(ent, p.country, region_of(p), "in" if after_in else "from")


_HOSTED = re.compile(r"\s+(?:hosted|welcomed|will\s+host|hosts)\s+(?:the\s+)?")
_BRACKETED = re.compile(r"\s*\(\s*")


def _country_hosts(sp: Spans) -> None:
    """1e. A country that hosted an event places it ("Portugal hosted the X Forum"), as does a
    country in brackets right after it ("the X Forum (Portugal)")."""
    v = sp.v
    for p in (p for p in sp.places if p.label == "Country"):
        after = _HOSTED.match(v, p.end)
        nxt = sp.occ_in(after.end(), after.end() + 1) if after else []
        prev = [x for x in sp.occ_in(max(0, p.start - 120), p.start)
                if _BRACKETED.fullmatch(v, x[1], p.start)] if v.startswith(")", p.end) else []
        for _, _, ent in nxt + prev:
            if ent.label == "Event" and is_open(ent):
                assign(ent, p.country, None, "hosted")


def _defined_cores(ctx, v: str, ents) -> None:
    """2. "<Core> is a traditional Chile liqueur" names the country of the "<Core> cluster"."""
    by_core: dict[str, list] = {}
    for e in ents:
        if is_open(e):
            for n in {e.name, *e.aliases}:
                core = re.sub(r"(?i)\s+(?:cluster|pole|pôle)$", "", n)
                if core != n:
                    by_core.setdefault(fold(core), []).append(e)
    if not by_core:
        return
    for sent in ctx.sents:
        sm = _DEFINED.match(v[sent.start:sent.end])
        if not sm or fold(sm.group(1)) not in by_core:
            continue
        for w in _WORD.findall(v, sent.start + sm.end(), sent.end):
            c = country_code(w) if len(w) > 3 else None
            if c:
                for e in by_core[fold(sm.group(1))]:
                    assign(e, c, None, "defined")
                break


def _visit_objects(ctx, sp: Spans, lex) -> None:
    """3. Objects of a visit take the place of the event (or of the last place named before)."""
    v = sp.v
    # events placed by the steps before this one count
    events = [(x[0], x[2]) for x in sp.occ if x[2].label == "Event" and x[2].country]
    estarts = [s for s, _ in events]
    for sent in ctx.sents:
        vm = _VISIT.search(v, sent.start, sent.end)
        if not vm:
            continue
        objs = [x[2] for x in sp.occ_in(vm.end(), sent.end) if is_open(x[2]) and x[2].label != "Event"]
        if not objs:
            continue
        cut = _OTHER_CLAUSE.search(v, vm.end(), sent.end)       # not "…, which exports to Canada"
        here = [p for p in sp.places_in(vm.end(), cut.start() if cut else sent.end)
                if fold(p.name) not in lex.macro and not _adjective(p) and not sp.in_name(p)]
        for e in objs:      # the first place named after the cue that the body's name can be in
            mine = [p for p in here if may_be_in(e, p.country)]
            country, region = (mine[0].country, region_of(mine[0])) if mine else \
                _visit_place(sp, lex, events, estarts, vm.start())      # "visited X, … based near Quebec City"
            assign(e, country, region, "visit")


_OTHER_CLAUSE = re.compile(r",?\s+(?:which|that|who|whose|where)\b|\b(?:exports?|sells?|supplies|ships)\b")


def _visit_place(sp: Spans, lex, events, estarts, at: int) -> tuple[str | None, str | None]:
    """The (country, region) of a visit at ``at``: the placed event before it, unless a place is
    named after that event's mention ("… spent two days in Thessaly (Greece). The visitors …
    visited"), else the last place named."""
    i = bisect_right(estarts, at)
    prior = [p for p in sp.places_in(max(0, at - 1500), at) if fold(p.name) not in lex.macro and not _adjective(p)
             and not sp.in_name(p) and not sp.v.endswith(("from ", "From "), 0, p.start)]    # whence, not where
    if i and at - events[i - 1][0] < 3000 and not (prior and prior[-1].start > events[i - 1][0]
                                                   and at - prior[-1].start < 400):
        ev = events[i - 1][1]
        return ev.country, ev.region
    if prior:
        return prior[-1].country, region_of(prior[-1])
    return None, None


def _adjective(p) -> bool:
    """Whether a country mention is a nationality adjective ("12 Irish companies"): it says who, not where.

    >>> from types import SimpleNamespace as M
    >>> _adjective(M(name="Irish", label="Country", country="IE")), _adjective(M(name="Ireland", label="Country", country="IE"))
    (True, False)
    """
    return p.label == "Country" and adjective_country(p.name) is not None


_EUROPEAN = re.compile(r"\b(?:European|EU|Europe|Euro)\b")


def _european_body(ent) -> bool:
    """A European body ("European Cluster Collaboration Platform", "Enterprise Europe Network") is not where
    the city next to its name is; an event of that name is."""
    return ent.label != "Event" and _european_name(ent.name)


@lru_cache(maxsize=20_000)
def _european_name(name: str) -> bool:
    """Whether a name holds "European", "Europe" or "EU".

    >>> _european_name("European Cluster Collaboration Platform"), _european_name("Silicon Saxony")
    (True, False)
    """
    return bool(_EUROPEAN.search(name))


def _nearby(ctx, sp: Spans) -> None:
    """4. A city, region or regional adjective in the sentence (or the one before), all of one country
    among those a body's name can be in (:mod:`.namelang`)."""
    v = sp.v
    for si, sent in enumerate(ctx.sents):
        here = [x[2] for x in sp.occ_in(sent.start, sent.end) if is_open(x[2]) and not _european_body(x[2])]
        if not here:
            continue
        near = [p for p in sp.places_in(sent.start, sent.end) if p.label != "Country"]
        if not near and si and _same_paragraph(v, ctx.sents[si - 1].end, sent.start):
            prev = ctx.sents[si - 1]
            near = [p for p in sp.places_in(prev.start, prev.end) if p.label != "Country" and not sp.in_name(p)]
        for e in here:      # the places of one country, among those the body's name can be in
            mine = [p for p in near if may_be_in(e, p.country)]
            if len({p.country for p in mine}) != 1:
                continue
            p = mine[-1]
            host = _event_there(sp, p)
            if host is not None and e is not host:
                continue        # "X led a delegation to the Y Fair in London": Y's place, not X's
            if not any(p.start >= m.start and p.end <= m.end for m in e.mentions):
                assign(e, p.country, region_of(p), "nearby")


_DESTINATION = re.compile(r"\s+(?:in|to)\s+(?:the\s+)?$")


def _event_there(sp: Spans, p):
    """The event a place follows ("the Y Fair in London", "a mission to Lyon"), else None."""
    before = [x for x in sp.occ_in(max(0, p.start - 120), p.start) if x[2].label == "Event"]
    return before[-1][2] if before and _DESTINATION.fullmatch(sp.v, before[-1][1], p.start) else None


_APPOSITION_END = re.compile(r"[ \t]*(?:\n|$)|\s*(?:[,.;)]|and\b|et\b|y\b|e\b)")     # or the line's end


def _appositive_places(v: str, places: list, occ_in, open_) -> None:
    """"A, Munich, Germany, and B": a city, region or country set off by commas right after a
    name is where it is (a country after the city confirms it)."""
    for i, p in enumerate(places):
        if v[p.start - 2:p.start] != ", ":
            continue
        end = p.end
        if i + 1 < len(places) and v[end:places[i + 1].start] == ", " and places[i + 1].label == "Country":
            end = places[i + 1].end
        if not _APPOSITION_END.match(v, end):
            continue
        for _, _, ent in (x for x in occ_in(p.start - 160, p.start - 1) if x[1] == p.start - 2):
            if open_(ent):
                assign(ent, p.country, region_of(p), "apposition")


def _same_paragraph(v: str, a: int, b: int) -> bool:
    return "\n\n" not in v[a:b] and "\n \n" not in v[a:b]
