"""Events a text names by description rather than by a proper name.

* the page title's event: the part of the first line before its subtitle
  ("EU-US Cluster Matchmaking Event: Opportunities for …" -> "EU-US Cluster Matchmaking Event");
* a noun phrase headed by an event noun of ``described_event_heads`` (lexicon.yaml) after a
  determiner, with its place ("a benchmark visit to Singapore"), its topic ("the workshop on
  cluster policy") or its quoted title ("a seminar on “Clusters in the EU”"); a compound head
  such as "matchmaking mission" needs neither ("a European cluster matchmaking mission").

>>> from clusternet.ingest.extract.mentions import build_context
>>> [m.name for m in described_events(build_context("The partners organised a mission in Colombia."))]
['mission in Colombia']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_name, fold, load_lexicon, place_country
from clusternet.ingest.extract.literals import alternation, initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.eventclauses import GROUP_NOUNS, PLACE_TAIL, and_place, dated_or_placed, owner_end, \
    place_before, tail_place
from clusternet.ingest.extract.mentions import Context, Mention
from clusternet.ingest.extract.samejourney import same_described
from clusternet.ingest.extract.mainref import headline
from clusternet.ingest.extract.placewords import leading_place
from clusternet.ingest.extract.rules import label_of_name

__all__ = ["title_event", "described_events", "modifiers"]

_DETERMINERS = {"a", "an", "the", "this", "its", "our", "their", "his", "her",
                "la", "le", "el", "il", "una", "une", "un", "uno", "su", "sa", "son", "notre", "nuestra", "nostra"}
_SUBTITLE = re.compile(r"(?::|\s[-–—]\s)")
_WORD_BACK = re.compile(r"([\w’'-]+)\s+$")
# an incoming journey's origin: "a study visit from Bangladesh"
_FROM_TAIL = re.compile(r"\s+(from)\s+(?:the\s+)?((?-i:[A-Z][\w’'-]+)(?:\s(?-i:[A-Z][\w’'-]+)){0,3})")
# travellers named by a possessive and a group noun: "of its members", "of our member companies"
_GROUP_TRAVELLERS = (r"(?:its|our|their|the)\s+(?:own\s+)?(?:member\s+)?(?:members|companies|firms|SMEs|clusters|"
                     r"partners|producers|entrepreneurs)")
# who travels, between a journey's noun and its place: "a mission of the Alpha Cluster to Chile"
_WHO_TRAVELS = re.compile(r"\s+of\s+(?:(?:the|an?)\s+)?(?:(?-i:[A-Z][\w’'+-]*)(?:\s(?-i:[A-Z0-9][\w’'+-]*)){0,4}"
                          r"(?:\s+(?:delegation|group|" + GROUP_NOUNS + r"))?|delegation|group|" + _GROUP_TRAVELLERS + r")"
                          r"(?=\s+(?:to|from)\b)")     # "of an RLQ delegation to", "of our members to"
_QUOTED_TAIL = re.compile(r"\s+(?:on\s+|called\s+|named\s+|entitled\s+)?[“\"]([^”\"]{3,120})[”\"]")
# a topic's words, up to a verb that says what the event did ("a webinar on X took place online")
_NOT_TOPIC = r"(?!(?:is|are|was|were|will|would|has|have|had|took|takes|held|brought|gathered|attracted|drew|" \
             r"offered|showed|can|could|should|may|might|must|did|does)\b)"
# (a country's adjective may stand inside it: "a webinar on the Canadian market")
# whose meeting it is: "the kick-off meeting of the MOVE-IN project", "… of the Blue Cluster Alliance"
_OWNER_TAIL = re.compile(r"\s+of\s+(the\s+)?((?-i:[A-Z][\w’'+-]*)(?:\s(?-i:[A-Z0-9][\w’'+-]*)){0,4})"
                         r"(\s+(?:project|partnership|consortium|network|initiative)\b)?")
_OWNERS = ("Partnership", "Cluster", "Organisation")
_TRAVELS = frozenset({"visit", "visits", "mission", "missions", "delegation", "tour", "trip"})
_TOPIC_TAIL = re.compile(r"\s+on\s+(" + _NOT_TOPIC + r"(?:[a-z][\w-]*)(?:(?:\s+|,\s+)" + _NOT_TOPIC
                         + r"(?:[a-z][\w-]*|(?-i:[A-Z][a-z]+(?=\s+[a-z])))){0,9})")


@lru_cache(maxsize=1)
def _head_rx() -> re.Pattern:
    """The event head nouns of lexicon.yaml, longest first, as one case-blind pattern."""
    heads = sorted(load_lexicon()["described_event_heads"], key=len, reverse=True)
    alts = alternation((re.escape(h).replace(r"\ ", r"\s+") for h in heads), True)
    return gated(re.compile(r"(?i)" + initials(heads) + r"\b(?:" + alts
                            + r")\b"))


_INDEFINITE = re.compile(r"(?i)\b(?:a|an|un|una|une|uno)\s+$")
_RECURRING = re.compile(r"(?i)\b(?:yearly|regular|monthly|weekly|periodic|recurring)\b")
_TITLE_PLACE = re.compile(r"(?<!\s)\s+(?:in|to|at|au|aux|en|à|a|al|nel|nella)\s+(?:the\s+|la\s+|le\s+|el\s+)?[A-Z][\w’'-]*"
                          r"(?:\s+[\w’'-]+){0,2}$")


def title_event(ctx: Context) -> Mention | None:
    """The event a page's first line names before its subtitle, if that part ends in an event noun.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> title_event(build_context("EU-India Matchmaking Event 2024 - Call for Clusters\\nText.")).name
    'EU-India Matchmaking Event 2024'
    >>> title_event(build_context("Study mission in Jiangsu region\\n\\nText.")).name
    'Study mission in Jiangsu region'
    """
    line = headline(ctx)
    if line is None:
        return None
    text = ctx.view[line.start:line.end]
    cut = _SUBTITLE.search(text)
    head = (text[:cut.start()] if cut else text).strip()
    if cut and not _names_event(head):
        tail = text[cut.end():].strip()
        if _names_event(tail) and len(tail.split()) <= 8:       # "Green Mobility Bridge: mission to Canada"
            head, cut = tail, None
    if len(head) > 90:
        return None     # no title's event name is that long (and the searches below would crawl a long run)
    where = _TITLE_PLACE.search(head)          # "Fact-Finding mission in Jiangsu region"
    words = re.sub(r"\s+\d{4}$", "", head[:where.start()] if where else head).split()
    if len(words) < (1 if where else 2) or not (head[:1].isupper() or where) or len(head) > 90 \
            or (cut is None and len(head.split()) > 8) \
            or fold(words[0]) in _DETERMINERS:
        return None
    nouns = load_lexicon().words("event_nouns") | load_lexicon().words("described_event_heads")
    english = fold(words[-1]) in nouns or fold(" ".join(words[-2:])) in nouns
    if not english and not _romance_head(words):
        return None
    s = line.start + text.index(head)
    inner = _AFTER_DETERMINER.search(head[:where.start()] if where else head) if english else None
    if inner:       # a headline: "Casablanca hosts the second Euro-African Matchmaking Forum"
        s, head = s + inner.start(1), head[inner.start(1):]
    elif english and (after := _AFTER_PREPOSITION.search(head[:where.start()] if where else head)):
        s, head = s + after.end(), head[after.end():]     # "Nine SMEs returned from trade mission to Uzbekistan"
    return Mention(s, s + len(head), head, "Event", "event-title", 0.75)


# a headline's clause before the event it names: "Nine SMEs returned from trade mission to …"
_AFTER_PREPOSITION = re.compile(r"^.*\s(?:from|after|during)\s+(?=\S)")


def _names_event(part: str) -> bool:
    """Whether a part of a title ends in an event noun, before a place ("mission to Canada").

    >>> _names_event("mission to Canada"), _names_event("Green Mobility Bridge"), _names_event("EU-Mexico Matchmaking Event 2025")
    (True, False, True)
    >>> _names_event("287 B2B meetings in Monterrey")
    False
    """
    where = _TITLE_PLACE.search(part)
    words = re.sub(r"\s+(?:19|20)\d\d$", "", part[:where.start()] if where else part).split()   # "… Matchmaking 2025"
    nouns = load_lexicon().words("event_nouns") | load_lexicon().words("described_event_heads")
    return bool(words) and not words[0][:1].isdigit() and (fold(words[-1]) in nouns or fold(" ".join(words[-2:])) in nouns)


def _romance_head(words: list[str]) -> bool:
    """Whether a title opens with a French, Spanish or Italian event noun ("Misión comercial a
    Chile"); "Mission" needs a "d'"/"de" after it ("Mission d'affaires"), "Mission report" is English.

    >>> _romance_head(["Misión", "comercial"]), _romance_head(["Mission", "d'affaires"]), _romance_head(["Mission", "report"])
    (True, True, False)
    """
    first = fold(words[0])
    if first not in load_lexicon().words("romance_event_heads"):
        return False
    return first != "mission" or len(words) > 1 and re.match(r"(?i)(?:d['’]|de\b|du\b|des\b)", words[1]) is not None


# the name after a headline's last determiner and ordinal ("… hosts the second X Forum" -> "X Forum")
_AFTER_DETERMINER = re.compile(r"^.+\s(?:the|a|an|its|their|our)\s+(?:(?:first|second|third|fourth|fifth|sixth|"
                               r"\d+(?:st|nd|rd|th))\s+)?([A-Z][^\s]*(?:\s+\S+)+)$")


# travellers named only by a group noun between a journey and its place ("visit of a delegation from X")
_GENERIC_TRAVELLERS = re.compile(r"\s+of\s+(?:(?:an?|the)\s+(?:delegation|group)|" + _GROUP_TRAVELLERS + r")(?=\s+(?:to|from)\b)")
# how long it lasts, written as one word: "five-day", "two-week", "week-long" (not "EUROSPA-4i")
_LENGTH = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|multi|half|full)-(?:day|week|month)s?(?:-long)?|week-?long")


def modifiers(v: str, start: int, lo: int) -> tuple[int, bool]:
    """Where the words that qualify an event noun at ``start`` begin, and whether a determiner
    stands before them ("a 3/4 day workshop" -> the workshop alone; "a European cluster mission")."""
    durations = load_lexicon().words("duration_words")
    pos, n = start, 0
    while n < 4:
        m = _WORD_BACK.search(v, lo, pos)
        if m is None or m.end() != pos:
            return pos, False
        w = fold(m.group(1))
        if w in _DETERMINERS or w.endswith(("'s", "’s")):     # "the partnership's first mission"
            return pos, True
        if w in load_lexicon().words("journey_lead_words"):
            return pos, False       # "the delegation joined trade mission to Toronto": the mission starts after it
        if w in durations or re.match(r"\d", w) or _LENGTH.fullmatch(w):    # "a 3/4 day workshop", "a five-day visit"
            back = re.search(r"(?:^|\s)(a|an|the)\s+[^\s]+\s+$", v[max(lo, m.start() - 20):m.end()])
            return pos, back is not None or w in durations
        if not re.fullmatch(r"[^\W\d_][\w’'-]*", m.group(1)) or w in load_lexicon().words("prepositions"):
            return pos, False
        pos, n = m.start(), n + 1
    return pos, False


def _tail(v: str, end: int, hi: int, travel: bool = False) -> tuple[str, int, str | None] | None:
    """What follows an event noun and completes its name: (text, end, place) or None; a quoted
    title is returned with place ``"“"``. After a ``travel`` noun ("a visit of the X Cluster")
    "of" names who travelled, not whose meeting it is."""
    qm = _QUOTED_TAIL.match(v, end, hi)
    if qm:
        return qm.group(1).strip(), qm.start(1) + len(qm.group(1).rstrip()), "“"
    if travel and (wm := _WHO_TRAVELS.match(v, end, hi)) and (PLACE_TAIL.match(v, wm.end(), hi) or _FROM_TAIL.match(v, wm.end(), hi)):
        end = wm.end()      # "the first business mission of EUROSPA-4i to the United Arab Emirates"
    pm = PLACE_TAIL.match(v, end, hi) or (_FROM_TAIL.match(v, end, hi) if travel else None)
    place, place_end = tail_place(v, pm, hi) if pm else (None, end)
    if place:
        stop = and_place(v, place_end, hi)
        return v[end:stop].strip(), stop, None if pm.group(1) == "from" else place    # whence, not where
    om = _OWNER_TAIL.match(v, end, hi)
    if om and not travel and not leading_place(om.group(2)) and (om.group(1) or re.fullmatch(r"[A-Z][A-Z0-9+-]{2,}", om.group(2))) \
            and (om.group(3) or label_of_name(om.group(2)) in _OWNERS or not om.group(1)):
        return v[end:om.end()].strip(), om.end(), None      # "the kick-off meeting of the MOVE-IN project", "… of CLUSTERS4BLUE"
    tm = _TOPIC_TAIL.match(v, end, hi)
    if tm:
        topic = re.split(r",\s+(?=\w+ed\b)|,\s+(?!(?:[a-z][\w-]*\s+){0,3}and\b)", tm.group(1))[0]
        topic = re.sub(r"(?:\s+(?:and|or|of|in|for|with|to|by|on|at|during|around|about|some|over|nearly|almost))+$", "", topic)
        if len(topic.split()) >= 2 and not _WHEN_TOPIC.match(topic):
            return "on " + topic, tm.start(1) + len(topic), None
    return None


# "on the second morning", "on the first day": when, not what about
_WHEN_TOPIC = re.compile(r"(?i)(?:the\s+)?(?:\w+\s+)?(?:morning|afternoon|evening|day|days|night|week|weekend)\b")


def described_events(ctx: Context) -> list[Mention]:
    """Event mentions named by an event noun phrase, each with its own words as the name."""
    v = ctx.view
    out = []
    head = headline(ctx)
    for sent in ctx.sents:
        for hm in _head_rx().finditer(v, sent.start, sent.end):
            s, has_det = modifiers(v, hm.start(), sent.start)
            if not has_det and head is not None and head.start <= s < head.end \
                    and (journey := _headline_journey(v, s, hm, sent)) is not None:
                s, has_det = journey, True
            has_det = has_det or (head is None or not head.start <= s < head.end) and _opens_short_line(ctx, v, s, hm, sent) \
                or _led_journey(v, s, hm, sent)
            if not has_det or _RECURRING.search(v, s, hm.start()):
                continue        # "a yearly matchmaking session": a kind of activity, no one event
            named = _described_name(v, s, hm, sent)
            if named is None:
                continue
            s, e, name, place, rule = named
            if place and place_country(place) is None and fold(place) in load_lexicon().macro \
                    and _INDEFINITE.search(v, max(0, s - 5), s):
                continue        # "at a trade fair in North America": some fair of a continent, no one event
            ev = Mention(s, e, name, "Event", rule, 0.6, country=place_country(place) if place else None)
            if place:
                ev.props["place"] = place
            bare = " ".join(v[s:hm.end()].split())
            if bare != name and len(bare.split()) > 1:
                ev.aliases.append(bare)     # how the text may name it again: "the kick-off meeting"
            anonymous = _GENERIC_TRAVELLERS.sub("", name)
            if anonymous != name:
                ev.aliases.append(anonymous)    # "study visit of a delegation from Bangladesh": a study visit from Bangladesh
            first, _, rest = anonymous.partition(" ")
            if place and fold(first) in load_lexicon().words("ordinal_words") and len(rest.split()) > 2:
                ev.aliases.append(rest)         # "first business mission to Azerbaijan": the business mission to Azerbaijan
            whose = _unplaced(name, place) if place else None
            if whose and whose not in (bare, name):
                ev.aliases.append(whose)    # "first business mission of the X partnership" (to South America)
            out.append(ev)
    return same_described(out)


def _unplaced(name: str, place: str) -> str | None:
    """A described event's name without the place it goes to, when an owner comes before that place.

    >>> _unplaced("first mission of the Alpha partnership to South America", "South America")
    'first mission of the Alpha partnership'
    """
    m = re.search(r"\s+of\s+.+?(\s+(?:to|in)\s+(?:the\s+)?" + re.escape(place) + r"\b.*)$", name)
    return name[:m.start(1)] if m else None


_LINE_LEAD = re.compile(r"[\s#*•–-]*(?:\d{1,2}[.)]\s*)?(?:(?:\d{1,2}(?:[–-]\d{1,2})?\s+)?(?-i:[A-Z][a-zé]+\s+)?(?:19|20)\d\d"
                        r"\s*[–—:|-]\s*)?")   # a dated list item: "**May 2024 – study visit of … in Kuopio.**"


def _opens_short_line(ctx: Context, v: str, s: int, hm, sent) -> bool:
    """Whether a journey with its place opens a short line of its own, a heading or a list item
    ("## Winter testing mission to Hokkaido", "1. Study visit to Gelderland"): no determiner needed (the
    page's headline is :func:`title_event`'s)."""
    line = ctx.lines[sent.line]
    if not _LINE_LEAD.fullmatch(v, line.start, s) or len(v[line.start:min(line.end, sent.end)].split()) > 12:
        return False
    return _placed_journey(v, hm, sent)


def _placed_journey(v: str, hm, sent) -> bool:
    """Whether the event noun at ``hm`` is a journey's ("mission", "visit", …) and a known place
    follows it ("mission to Kazakhstan")."""
    who = _WHO_TRAVELS.match(v, hm.end(), sent.end)      # "Business mission of our members to Azerbaijan"
    tail = PLACE_TAIL.match(v, who.end() if who else hm.end(), sent.end)
    return bool(tail) and fold(hm.group(0).split()[-1]) in _TRAVELS and leading_place(tail.group(2)) is not None


def _led_journey(v: str, s: int, hm, sent) -> bool:
    """Whether a journey with its place and no determiner follows a word of ``journey_lead_words``
    ("38 participants went on study visit to Novi Sad").

    >>> t = "They went on study visit to Novi Sad."
    >>> _led_journey(t, t.index("study"), re.search("study visit", t), type("S", (), {"start": 0, "end": len(t)}))
    True
    """
    wm = _WORD_BACK.search(v, sent.start, s)
    return wm is not None and wm.end() == s and fold(wm.group(1)) in load_lexicon().words("journey_lead_words") \
        and _placed_journey(v, hm, sent)


def _headline_journey(v: str, s: int, hm, sent) -> int | None:
    """Where a journey a headline names without a determiner starts: after a preposition and with
    its place ("Nine SMEs returned from economic mission to Kazakhstan"), else None.

    >>> t = "Nine SMEs returned from economic mission to Kazakhstan"
    >>> hm = re.search("mission", t); t[_headline_journey(t, 10, hm, type("S", (), {"end": len(t)})):]
    'economic mission to Kazakhstan'
    """
    before = None
    for before in re.finditer(r"(?i)\b(?:from|on|after|during|of)\s+", v[s:hm.start()]):
        pass
    return s + before.end() if before is not None and _placed_journey(v, hm, sent) else None


def _described_name(v: str, s: int, hm, sent) -> tuple[int, int, str, str | None, str] | None:
    """(start, end, name, place, rule) of the event an event noun at ``hm`` (its modifiers from
    ``s``) describes, or None: with its place or topic, a quoted title, a compound head alone, a
    place modifier, or, as "event-dated", a clause that dates or places it ("a scoping visit made
    in March 2025"; not the page's event for that alone)."""
    proper = all(w[:1].isupper() for w in v[s:hm.end()].split())   # "the Agri Forum": a name the name rules read
    tail = _tail(v, hm.end(), sent.end, fold(hm.group(0).split()[-1]) in _TRAVELS)
    if tail and tail[2] == "“":
        return tail[1] - len(tail[0]), tail[1], tail[0], None, "event-described"    # a seminar on “Its Title”
    if proper:
        return None
    words = " ".join(v[s:hm.end()].split())
    standalone = fold(" ".join(hm.group(0).split())) in load_lexicon().words("self_standing_event_heads")
    if tail:
        return s, tail[1], " ".join(v[s:tail[1]].split()), tail[2], "event-described"
    if standalone and s < hm.start():       # "a European matchmaking event"
        return s, hm.end(), words, None, "event-described"
    if standalone and _bare_journey_or_meeting(words):      # "the study visit brought 17 companies to Graz"
        went = _later_place(v, hm.end(), sent.end) or place_before(v, sent.start, s)
        return s, hm.end(), _gone_to(words, went), went, "event-described"
    if place := _placed_by(v[s:hm.start()]):      # "our Chile mission", "the Korean mission"
        return s, hm.end(), words, place, "event-described"
    if s < hm.start() or standalone:
        e = owner_end(v, hm.end(), sent.end)            # "the third mission of GEODRONE-4i will go to …"
        if (when := dated_or_placed(v, e, sent.end)) is not None:
            return s, e, " ".join(v[s:e].split()), when or None, "event-dated"
        if fold(words.split()[0]) in load_lexicon().words("ordinal_words") and fold(words.split()[-1]) in _TRAVELS \
                and (went := _later_place(v, hm.end(), sent.end)):
            return s, hm.end(), _gone_to(words, went), went, "event-ordinal"   # "The first mission brought … to Vancouver"
    return None


def _bare_journey_or_meeting(words: str) -> bool:
    """Whether a compound event head names one event by itself after a determiner: a journey ("the
    study visit", "the trade mission") or a partnership's meeting ("the kick-off meeting"), not a
    session of a larger event ("the matchmaking event").

    >>> _bare_journey_or_meeting("study visit"), _bare_journey_or_meeting("matchmaking event")
    (True, False)
    """
    f = fold(words).split()
    return len(f) > 1 and (f[-1] in _TRAVELS or " ".join(f) in load_lexicon().words("meetings_of_their_own"))


def _gone_to(words: str, went: str | None) -> str:
    """A journey's name with the place the sentence takes it to, as annotators name it.

    >>> _gone_to("first joint study tour", "British Columbia"), _gone_to("kick-off meeting", "Graz")
    ('first joint study tour to British Columbia', 'kick-off meeting')
    """
    return f"{words} to {went}" if went and fold(words.split()[-1]) in _TRAVELS else words


def _later_place(v: str, lo: int, hi: int) -> str | None:
    """The first known place a sentence goes "to" or "in" after ``lo`` ("… brought sixteen SMEs to Vancouver").

    >>> t = "The first mission brought sixteen SMEs to Vancouver and Victoria."
    >>> _later_place(t, 17, len(t))
    'Vancouver'
    """
    for pm in re.finditer(r"\s(?:to|in)\s+(?:the\s+)?(?-i:[A-Z])", v[lo:hi]):
        if (tm := PLACE_TAIL.match(v, lo + pm.start(), hi)) and (place := leading_place(tm.group(2))):
            return place
    return None


def _placed_by(modifiers: str) -> str | None:
    """The place an event noun's last modifier names ("Chile", "Korean"), else None.

    >>> _placed_by("Chile "), _placed_by("Korean "), _placed_by("annual ")
    ('Chile', 'South Korea', None)
    """
    words = modifiers.split()
    if not words or len(words) > 2 or not words[-1][:1].isupper():
        return None
    code = place_country(words[-1])
    if code is None:
        return None
    lex = load_lexicon()
    proper = fold(country_name(code)) == fold(words[-1]) or lex.city(words[-1]) or lex.region(words[-1])
    return words[-1] if proper else country_name(code)     # an adjective names its country
