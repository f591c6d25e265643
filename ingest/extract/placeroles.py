"""Countries said of a partner's role or of a group rather than beside a name (used by
:mod:`.geo`): "the Spanish partner, X", "X is the Spanish member of …", "In Spain, X will host …",
"Two Spanish clusters, A and B", "A and B (both Spain)"; where an event goes ("A second mission, to
Japan, …"); a session's place from the page's event; the page's one country a body's name allows.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.factsubj import main_event
from clusternet.ingest.extract.lexicon import country_code
from clusternet.ingest.extract.lists import adjective_country, joined_runs
from clusternet.ingest.extract.namelang import form_countries, name_countries
from clusternet.ingest.extract.placing import BODIES, PLACED, Spans, assign, is_open

__all__ = ["role_of_country", "group_country", "destinations", "name_in_page_country", "sessions_at_main_event"]


# "The Spanish partner, X, …", "X is the Spanish member of …", "In Spain, X will host …"
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Oo]ur)\s+([A-Z][\w'’-]+)\s+(?:lead\s+)?(?:partner|member|coordinator|"
                          r"participant|representative)s?,\s+(?:the\s+)?$")
_ROLE_AFTER = re.compile(r"\s+(?:is|was|will\s+be|acts\s+as)\s+(?:the|a|an)\s+([A-Z][\w'’-]+)\s+(?:lead\s+)?"
                         r"(?:partner|member|coordinator|participant|representative)\b")
_IN_COUNTRY_OPENING = re.compile(r"\W*In\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?),\s+(?:the\s+)?$")


def role_of_country(ctx, sp: Spans) -> None:
    """1c. A partner's role said with its country ("the Spanish partner, X", "X is the Spanish member
    of …") or a sentence set in a country ("In Spain, X will host …") places that body."""
    v = sp.v
    for _, e, ent in sp.occ:
        if not is_open(ent):
            continue
        s = next(m.start for m in ent.mentions if m.end == e)
        lo = max(0, s - 60)
        rm = _ROLE_BEFORE.search(v, lo, s) or _ROLE_AFTER.match(v, e)
        code = adjective_country(rm.group(1)) if rm else None
        if code is None and ctx.sents:
            sent = ctx.sents[ctx.sent_at(s)]
            im = _IN_COUNTRY_OPENING.match(v, sent.start, s)
            code = country_code(im.group(1)) if im else None
        assign(ent, code, None, "role")


# a group named with its country before its list ("The Spanish partners are A and B", "Two Spanish
# clusters, A and B", "Partners from Spain include A and B") or after it ("A and B (both Spain)",
# "A and B, both from Spain,")
_GROUP_NOUNS = r"(?i:partners|clusters|members|companies|organi[sz]ations|SMEs|participants)"
_GROUP_BEFORE = re.compile(r"\b(?:(?:[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d+)\s+)?(?:(?P<adj>[A-Z][a-z]+)\s+)?"
                           + _GROUP_NOUNS +
                           r"(?:\s+from\s+(?:the\s+)?(?P<land>[A-Z][\w ]{2,30}?))?\s*(?:are|were|include|included|,|:)\s+"
                           r"(?:the\s+)?$")
_GROUP_AFTER = re.compile(r"\s*(?:\(\s*(?:both|all)\s+(?:from\s+|in\s+)?|,\s+(?:both|all)\s+(?:from|in|based\s+in)\s+)"
                          r"(?P<land>[A-Z][\w ]{2,30}?)\s*[),]")
_GROUP_NOUN = re.compile(_GROUP_NOUNS)     # a quick test before _GROUP_BEFORE: a noun it needs
_LIST_JOIN = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def group_country(sp: Spans) -> None:
    """1d. The country a group is said to be of places each body of its list: "The Spanish partners
    are A and B", "Two Spanish clusters, A and B, joined", "A and B (both Spain)"."""
    v, occ = sp.v, [x for x in sp.occ if x[2].label in PLACED]
    for k, j in joined_runs(v, occ, _LIST_JOIN):     # occ[k..j]: names joined by commas or "and"
        lo = max(0, occ[k][0] - 80)
        before = _GROUP_BEFORE.search(v, lo, occ[k][0]) if _GROUP_NOUN.search(v, lo, occ[k][0]) else None
        after = _GROUP_AFTER.match(v, occ[j][1])
        m = before or after
        code = (adjective_country(m.group("adj")) if before and m.group("adj") else None) or \
            (country_code(m.group("land").strip()) if m and m.group("land") else None)
        for _, _, ent in occ[k:j + 1] if code else ():
            if is_open(ent):
                assign(ent, code, None, "group")


_TO_PLACE = re.compile(r",?\s+to\s+(?:the\s+)?$")


def destinations(sp: Spans) -> None:
    """3b. "A second mission, to Japan, is planned": an event followed by "to <country>" goes there."""
    for p in sp.places:
        if p.label != "Country" or adjective_country(p.name) is not None:
            continue
        before = [x for x in sp.occ_in(max(0, p.start - 60), p.start) if x[2].label == "Event"]
        if before and is_open(before[-1][2]) and _TO_PLACE.fullmatch(sp.v, before[-1][1], p.start):
            assign(before[-1][2], p.country, None, "destination")


def name_in_page_country(sp: Spans) -> None:
    """A body no rule placed whose name's language or legal form (:mod:`.namelang`) allows only one of
    the countries the page names anywhere (a country, or a city's or region's) is in that one:
    "Murtal Edelstahl AG" on a page about Styria, "Váh Coatings s.r.o." on a page naming Slovakia and
    Mexico. The last place step: it guesses from the whole page, so every stated place comes first."""
    page = {p.country for p in sp.places}
    for ent in {id(x[2]): x[2] for x in sp.occ}.values():
        if ent.label not in BODIES or ent.country:
            continue
        allowed = form_countries(ent.name) or name_countries(ent.name)
        hits = page & allowed if allowed is not None else set()
        if len(hits) == 1:
            assign(ent, next(iter(hits)), None, "name-language")


def sessions_at_main_event(ctx, ents) -> None:
    """A session named by its quoted title ('Workshop A “…”') takes the place of the page's event."""
    main = main_event(ents, ctx)
    if main is None or main.country is None:
        return
    for ent in ents:
        if ent.label == "Event" and ent is not main and any(m.props.get("session") for m in ent.mentions) \
                and ent.props.get("country_from", "nearby") == "nearby":
            ent.country, ent.region = None, None        # a name near it says who took part, not where it was
            assign(ent, main.country, main.region, "session")
