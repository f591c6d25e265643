"""Events, agreements, programmes and well-known institutions in a document (places: :mod:`.placenames`)."""
from __future__ import annotations

import bisect
import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.journeys import delegation_journeys
from clusternet.ingest.extract.agenda import agenda_events
from clusternet.ingest.extract.descevents import described_events, modifiers, title_event
from clusternet.ingest.extract.romanceevents import romance_events
from clusternet.ingest.extract.editions import fair_events, year_events
from clusternet.ingest.extract.literals import alternation, may_match, with_initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country, programme_patterns, town
from clusternet.ingest.extract.mentions import Context, Mention, eu_as_adjective, sentence_chunks
from clusternet.ingest.extract.rules import EVENT_NOUN_AFTER, clean, label_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["event_mentions", "agreement_mentions", "institution_mentions"]

INSTITUTIONS = {"European Union": ["EU", "Union européenne", "Unión Europea", "Unione europea", "Unione Europea", "União Europeia"],
                "European Commission": ["Commission", "EC", "Commission européenne", "Comisión Europea", "Commissione europea",
                                        "Commissione Europea", "Comissão Europeia"],
                "European Parliament": [], "Council of the European Union": [],
                "European Innovation Council and SMEs Executive Agency": ["EISMEA"],
                "Executive Agency for Small and Medium-sized Enterprises": ["EASME"]}


_EVENT_IN = None
_IN_TO = re.compile(r"\s(?:in|to)\s")


@lru_cache(maxsize=1)
def _event_noun_rx():
    """The event nouns placed "in <Place>" (made once: the lexicon does not change)."""
    lex = load_lexicon()
    nouns = alternation(sorted((re.escape(n) for n in lex["event_nouns"]), key=len, reverse=True), True)
    return re.compile(with_initials(r"(?i)\b((?:\d{1,2}(?:st|nd|rd|th)\s+(?:and\s+\d{1,2}(?:st|nd|rd|th)\s+)?)?"
                      r"(?:B2B\s+|C2C\s+)?(?:" + nouns + r"))\s+(?:in|to)\s+(?-i:([A-Z][\w'’\-]*(?:\.[\w'’\-]+)*(?:\s[A-Z][\w'’\-]+)?))"
                      r"(?:\s+in\s+((?:" + "|".join(lex["months"]) + r")\s+\d{4}))?"))


def event_mentions(ctx: Context, out: list[Mention]) -> None:
    """Named events (head-noun chunks placed "in <place>"), ordinal events and headings.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; event_mentions(build_context("The 2nd and 3rd workshop in Rome were held."), out)
    >>> [(m.name, m.rule, m.country) for m in out]
    [('2nd workshop in Rome', 'event-ordinal', 'IT'), ('3rd workshop in Rome', 'event-ordinal', 'IT')]
    """
    lex = load_lexicon()
    v = ctx.view
    rx = gated(_event_noun_rx())
    months = "|".join(lex["months"])
    placed = sorted((m for m in out if m.label in ("Region", "City", "Country")), key=lambda m: m.start)
    starts = [m.start for m in placed]
    generic_words = {w for phrase in lex["event_nouns"] for w in fold(phrase).split()} | lex.words("connectors") \
        | {"joint", "international", "annual", "first", "second", "third", "final", "kick-off", "kick", "off"}
    for sent in ctx.sents:
        text = v[sent.start:sent.end]
        # a capitalised event name followed by "(of …)? in <Place>"
        for span in sentence_chunks(v, ctx.lines[sent.line], sent):
            if len(span) >= 2:
                _placed_event(lex, v, sent, span, (placed, starts), generic_words, out)
        if _IN_TO.search(text):
            _ordinal_events(rx, v, sent, months, out)
        _one_events(sent, text, months, out)
        year_events(v, sent, out)
        fair_events(v, sent, out)
    _dated_when_repeated(out)
    titled = title_event(ctx)
    found = [m for m in out if m.label == "Event"]
    out.extend(m for m in ([titled] if titled else []) + described_events(ctx) + romance_events(ctx) + agenda_events(ctx)
               if not any(f.start < m.end and m.start < f.end for f in found))   # an event a rule above named
    _heading_events(ctx, out)
    out.extend(delegation_journeys(ctx, [m for m in out if m.label == "Event"]))


_LEAD_PREPOSITION = re.compile(r"(?:On|In|At|During|From|After|Before|For|With|Since|Under)\s+the\s+(?=[A-Z])")


def _placed_event(lex, v: str, sent, span, index, generic_words: set[str], out: list[Mention]) -> None:
    """The events one capitalised chunk names when an event noun heads it and a place follows it."""
    s, e, name = clean(v, span[0][0], span[-1][1])
    if lead := _LEAD_PREPOSITION.match(v, s, e):
        s, e, name = clean(v, lead.end(), e)        # "On the Circular Appliances Forum 2022 in Maribor, …"
    if year := re.match(r"\s+(?:19|20)\d\d\b", v[e:e + 6]):
        e, name = e + year.end(), name + " " + year.group(0).strip()      # "Blue Water Summit 2024 in Norway"
    noun = EVENT_NOUN_AFTER.match(v, e)
    if noun and name.split()[-1].isupper():    # "a B2B session in Warsaw": the lower-case noun is the name's
        e, name = noun.end(), f"{name} {noun.group(1)}"
    lab = label_of_name(name)
    if lab != "Event" and not (lab == "Organisation" and fold(name.split()[-1]) in lex.words("dated_event_heads")
                               and re.match(r"\s+in\s+[A-Z]", v[e:e + 6])):
        return          # a forum or fair held in a place is an event ("the Ghana–EU Agribusiness Forum in Accra")
    base = _edition_base(out, name)
    base = re.sub(r"^(?i:other|next|further|new|more)\s+", "", base)
    base = re.sub(r"\s+of\s+.*$", "", base)  # "… of THE NEXT X": the series, not the event
    places = _event_places(v, sent, e, index)
    # "Battery Days in Lisbon" is the Battery Days (in Lisbon); "Training in Barcelona" needs its place
    own = any(w[:1].isupper() and fold(w) not in generic_words and not re.fullmatch(r"\d+\w*", w)
              for w in base.replace("-", " ").split())
    for place, pend in places:
        placed_name = f"{base} in {place}"
        ev = Mention(s, pend or e, base if own else placed_name, "Event", "event-in", 0.8 if pend else 0.6,
                     country=place_country(place) or (lex.region(place) or town(place) or (None, None))[1],
                     aliases=([placed_name] if own else [" ".join(v[s:pend].split())] if pend else [])
                     + ([name] if own and name != base else []))      # "the 5th X in Riga" is also "5th X"
        ev.region = place
        ev.props["place"] = place
        out.append(ev)




def _edition_base(out: list[Mention], name: str) -> str:
    """The name an edition is known by: "8th X" is "X", unless another edition ("8th X") was named
    before it, when "9th X" keeps its ordinal (the bare "X" being the first).

    >>> _edition_base([], "8th Forum"), _edition_base([Mention(0, 9, "8th Forum of Clusters", "Event", "head")], "9th Forum")
    ('Forum', '9th Forum')
    """
    om = _ORDINAL_NAME.match(name)
    if not om:
        return name
    rest = fold(om.group(2))
    other = any((pm := _ORDINAL_NAME.match(m.name)) and pm.group(1) != om.group(1) and fold(pm.group(2)).startswith(rest)
                for m in out if m.label == "Event")
    return name if other else om.group(2)


_ORDINAL_NAME = re.compile(r"(\d{1,2}(?:st|nd|rd|th))\s+(.+)")


def _event_places(v: str, sent, e: int, index) -> list[tuple[str, int | None]]:
    """The places of an event name ending at ``e``: the one right after "in" (with its end), else the
    regions and cities later in the sentence; ``index`` is the place mentions by start and their starts."""
    placed, starts = index
    after = v[e:sent.end]
    pm = re.match(r"\s+(?:of\s+(?:the\s+)?[A-Z][\w'’ -]*?\s+)?in\s+(?:the\s+)?", after)
    places = []
    here = placed[bisect.bisect_left(starts, max(e, sent.start)):bisect.bisect_left(starts, sent.end)]
    if pm and here and here[0].start == e + pm.end():
        places = [(here[0].name, here[0].end)]
    elif re.search(r"\bin\b", after):
        for p in here:
            inside = v.rfind("(", e, p.start) > v.rfind(")", e, p.start)
            if not inside and p.label in ("Region", "City"):
                places.append((p.name, None))
    return places


def _ordinal_events(rx: re.Pattern, v: str, sent, months: str, out: list[Mention]) -> None:
    """"the 2nd and 3rd workshop in Rome", "a brokerage event in Gdansk" dated in its sentence."""
    text = v[sent.start:sent.end]
    dated = False  # a sentence's own date goes to one event of it
    for m in rx.finditer(v, sent.start, sent.end):
        noun, place, date = m.group(1), m.group(2), m.group(3)
        if not is_place(place):
            continue
        end, places = m.end(), place
        if not date and (also := _AND_PLACE.match(v, end)) and is_place(also.group(1)):
            places, end = f"{place} and {also.group(1)}", also.end()     # "a study visit to Copenhagen and Aalborg"
        om = re.match(r"(?i)(\d{1,2}(?:st|nd|rd|th))\s+and\s+(\d{1,2}(?:st|nd|rd|th))\s+(.*)", noun)
        ordinals = [om.group(1), om.group(2)] if om else [None]
        core = om.group(3) if om else noun
        if not date:  # "In June 2023 the partners held a brokerage event in Gdansk": the date of the sentence
            dm = next((d for d in re.finditer(r"\b(?:" + months + r")\s+\d{4}\b", text, re.I)
                       if not re.match(r"\s*[–—-]\s", text[d.end():d.end() + 4])), None)   # not a dateline
            date = dm.group(0) if dm and not dated else None
            if date:
                dated = True
        if not om and not re.match(r"(?i)\d", noun) and not date:
            continue  # a plain "workshop in Rome" is caught by the chunk rule when it has a name
        start, said = _said_ordinal(v, m.start(), sent.start)
        for o in ordinals:
            prep = v[m.end(1):m.start(2)].strip()       # "mission to Japan", "workshop in Rome": the text's word
            nm = f"{o + ' ' if o else said}{core} {prep} {places}"
            out.append(Mention(start if not om else m.start(), end, nm, "Event", "event-ordinal", 0.7, country=place_country(place),
                               aliases=([f"{nm} ({date})"] if date else []) + ([nm[len(said):]] if said and not om else []),
                               props={"place": place, **({"date": date} if date else {})}))


_AND_PLACE = re.compile(r"\s+and\s+([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2})")


def _said_ordinal(v: str, start: int, lo: int) -> tuple[int, str]:
    """(start, words) of the words that qualify an event noun at ``start`` after a determiner
    ("our first mission to Morocco" -> "first ", "an economic mission" -> "economic "), else
    (``start``, "").

    >>> t = "After our first joint mission to Morocco"
    >>> _said_ordinal(t, t.index("mission"), 0)
    (10, 'first joint ')
    """
    s, has_det = modifiers(v, start, lo)
    if not has_det or s == start:
        return start, ""
    return s, " ".join(v[s:start].split()) + " "


def _dated_when_repeated(out: list[Mention]) -> None:
    """A described event is named without its date ("kick-off meeting in Essen", the date an alias)
    unless the text has two of that name on different dates: then each is named with its own
    ("B2B event in Valencia (November 2017)").

    >>> a = Mention(0, 1, "workshop in Rome", "Event", "event-ordinal", aliases=["workshop in Rome (May 2024)"],
    ...             props={"date": "May 2024"})
    >>> b = Mention(5, 6, "workshop in Rome", "Event", "event-ordinal", aliases=["workshop in Rome (June 2024)"],
    ...             props={"date": "June 2024"})
    >>> _dated_when_repeated([a, b]); a.name, b.name
    ('workshop in Rome (May 2024)', 'workshop in Rome (June 2024)')
    """
    dates: dict[str, set] = {}
    for m in out:
        if m.rule == "event-ordinal" and m.props.get("date"):
            dates.setdefault(m.name, set()).add(m.props["date"])
    for m in out:
        if m.rule == "event-ordinal" and len(dates.get(m.name, ())) > 1:
            m.name, m.aliases = m.aliases[0], []


def _one_events(sent, text: str, months: str, out: list[Mention]) -> None:
    """"B2B events such as the one in Valencia in November 2017 or in Brussels in December 2017"."""
    om = re.search(r"(?i)\b((?:B2B|C2C|brokerage|info|matchmaking)?\s*(?:events?|days?|meetings?|fairs?))\s+such as\s+the one",
                   text) if "the one" in text else None
    if om:
        noun = re.sub(r"s$", "", om.group(1).strip())
        for pm in re.finditer(r"\bin\s+([A-Z][\w'’\-]+)\s+in\s+((?:" + months + r")\s+\d{4})", text[om.end():]):
            if is_place(pm.group(1)):
                st = sent.start + om.end() + pm.start()
                out.append(Mention(st, st + len(pm.group(0)), f"{noun} in {pm.group(1)} ({pm.group(2)})", "Event",
                                   "event-one", 0.65, country=place_country(pm.group(1)),
                                   props={"place": pm.group(1), "date": pm.group(2)}))


# "held alongside Global Industrie 2025", "at MWC 2024": a fair or show known by its name and edition
_HEADING_NUMBER = re.compile(r"\d{1,2}[.)]\s+")


def _heading_events(ctx: Context, out: list[Mention]) -> None:
    """A heading that is an event in or to a place ("Study visit in Lyon", "4. Study visit to
    Tunisia")."""
    v = ctx.view
    for line in ctx.lines:
        if not line.heading:
            continue
        s, e, name = clean(v, line.start, line.end)
        num = _HEADING_NUMBER.match(name)
        if num:                 # "4. Study visit to Tunisia": the number is the section's
            s, name = s + num.end(), name[num.end():]
        hm = re.match(r"(?i)^((?:training|seminar|workshop|visit|conference|fair|forum|mission|study visit)\w*)\s+(?:in|to)\s+"
                      r"((?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?)$", name)     # not "Mission in figures"
        if hm:
            place = hm.group(2)
            out.append(Mention(s, e, name, "Event", "event-heading", 0.6, country=place_country(place) or _fuzzy_city(place),
                               props={"place": place}))


def _fuzzy_city(word: str) -> str | None:
    from rapidfuzz import fuzz, process
    lex = load_lexicon()
    hit = process.extractOne(fold(word), list(lex.cities), scorer=fuzz.ratio, score_cutoff=90)
    return lex.cities[hit[0]][0] if hit else None


_AGREEMENT = re.compile("agreement")


@lru_cache(maxsize=256)
def _initialled(pat: str) -> re.Pattern:
    """A lexicon pattern compiled with a look-ahead for its first characters (same matches, see
    :func:`.literals.with_initials`)."""
    return re.compile(with_initials(pat))


_PROGRAMME_WORD = re.compile(r"[ \t]+(?-i:Programme|Program)\b")


def agreement_mentions(ctx: Context, out: list[Mention]) -> None:
    lex = load_lexicon()
    v = ctx.view
    # the patterns that end in "agreement" are read only around that word, not over the whole text
    hits = [m.start() for m in _AGREEMENT.finditer(v)]
    for pat in lex["agreement_patterns"]:
        rx = _initialled(pat)
        if pat.endswith("agreement\\b"):
            found, seen = [], set()
            for h in hits:
                for m in rx.finditer(v, max(0, h - 80), h + 10):
                    if m.span() not in seen:
                        seen.add(m.span())
                        found.append(m)
            matches = sorted(found, key=lambda m: m.start())
        else:
            matches = rx.finditer(v) if may_match(pat, v) else ()
        for m in matches:
            s, e = m.span()
            name = " ".join(v[s:e].split())
            if re.search(r"agreements\b", v[s:e + 2]) or name.lower() in ("agreement", "the agreement"):
                continue
            first = name.split()[0]
            if first[0].isupper() and len(name.split()) == 2 and fold(first) in lex.words("determiners") | {"this", "an"}:
                continue
            out.append(Mention(s, e, name, "Agreement", "agreement", 0.7))
    for pat in programme_patterns():
        for m in (_initialled(pat).finditer(v) if may_match(pat, v) else ()):
            word = _PROGRAMME_WORD.match(v, m.end())     # "the Interreg Danube Region Programme": its full name
            end = word.end() if word and not m.group(0).lower().endswith(("programme", "program")) else m.end()
            out.append(Mention(m.start(), end, " ".join(v[m.start():end].split()), "Programme", "programme", 0.85,
                               aliases=[m.group(0)] if end > m.end() else []))


def _word_spans(v: str, form: str):
    """Where ``form`` stands as a whole word (str.find: a literal needs no regex scan)."""
    i = v.find(form)
    n = len(form)
    while i >= 0:
        before = v[i - 1] if i else " "
        after = v[i + n] if i + n < len(v) else " "
        if not (before.isalnum() or before in "_-–") and not (after.isalnum() or after in "_-–"):    # "EU–Canada"
            yield i, i + n
        i = v.find(form, i + 1)


# "co-funded by the EU", "support from the EU.": the Union as an actor, not an adjective
_EU_NOUN = re.compile(r".*\b(?:by|from|of|with|to)\s+the\s+EU(?![\w-])(?!\s+[A-Z\-–])(?!['’]s\b)", re.S)   # not "the EU's X"


# the Union's delegation in a third country: "the Delegation of the European Union to Canada", "the EU
# Delegation to Japan"
_EU_DELEGATION = gated(re.compile(r"\b(?:Delegation of the European Union|(?:EU|European Union) Delegation)"
                                  r"(?: (?:to|in) (?:the )?[A-Z][\w'’\-]+(?: (?:of )?[A-Z][\w'’\-]+){0,2})?"))


def institution_mentions(ctx: Context, out: list[Mention]) -> None:
    """The EU institutions, named in full or by their short forms (see ``INSTITUTIONS``), and the
    Union's delegations abroad.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; institution_mentions(build_context("Met the EU Delegation to Japan."), out)
    >>> [(m.name, m.label) for m in out]
    [('EU Delegation to Japan', 'Organisation')]
    """
    v = ctx.view
    for m in _EU_DELEGATION.finditer(v):
        out.append(Mention(m.start(), m.end(), m.group(0), "Organisation", "institution", 0.9))
    european = re.search(r"\bEuropean\b", v) is not None
    for name, aliases in INSTITUTIONS.items():
        for form in [name, *aliases]:
            if form == "EC" and not european:
                continue
            for s, e in _word_spans(v, form):
                if form == "EU" and "European Union" not in v and not _EU_NOUN.match(v, max(0, s - 12), e + 3):
                    continue    # "EU clusters", "the EU Delegation": "EU" as an adjective, unless the Union acts
                if form == "EU" and eu_as_adjective(v, e):
                    continue    # "14 EU Member States" even where the Union is named in full
                out.append(Mention(s, e, name, "Organisation", "institution", 0.85,
                                   aliases=[form] if form != name else []))
