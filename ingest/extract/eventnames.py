"""Events and agreements named across mentions, after the mention rules ran (used by
:mod:`.finders`): a body-like "Forum" that the text says was held or attended is an event; a
mission keeps the place it goes to and is the same mission named without it; the title's event
or agreement is the one the text names below it; an agreement "named the X Charter" is one
agreement with two names.

>>> out = [Mention(0, 16, "Agri SME Mission", "Event", "head", 0.7)]
>>> with_destination("Agri SME Mission to China in May", out[0]); out[0].name, out[0].aliases
('Agri SME Mission to China', ['Agri SME Mission'])
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon, named_place, place_country
from clusternet.ingest.extract.mainref import title_end
from clusternet.ingest.extract.mentions import Context, Mention, is_acronym

__all__ = ["without_taking_part", "held_events", "titled_event_again", "titled_agreement_named", "agreement_named", "agreement_topics",
           "with_destination"]


# what happens to an event, after its name: "the X Forum took place in Riga", "… gathered 400 participants"
_HAPPENS = re.compile(r"\s+(?:(?:took|takes|will\s+take)\s+place|(?:was|is|will\s+be)\s+held|gathered|brought\s+together|"
                      r"attracted|(?:was|will\s+be)\s+(?:opened|attended))\b")
# where one is at an event, before its name: "attended the X Forum", "presented at the X Forum"
_AT_EVENT = re.compile(r"\b(?:attended|attending|took\s+part\s+in|participated\s+in|during|at)\s+the\s+$")
_ORDINAL_START = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird)\s")


def held_events(v: str, out: list[Mention]) -> list[Mention]:
    """A body-like name whose head makes an event when dated ("Forum", "Fair") is an event where
    the text says it was held, attended or numbered: "the X Forum took place in Riga", "presented
    at the X Forum", "the 5th X Forum".

    >>> [m.name for m in held_events("The Baltic Innovation Forum took place in Riga.",
    ...                               [Mention(4, 27, "Baltic Innovation Forum", "Organisation", "head")])]
    ['Baltic Innovation Forum']
    """
    heads = load_lexicon().words("dated_event_heads")
    return [Mention(m.start, m.end, m.name, "Event", "event-held", 0.7, country=m.country, region=m.region)
            for m in out if m.label in (None, "Organisation") and fold(m.name.split()[-1]) in heads
            and (_HAPPENS.match(v, m.end) or _AT_EVENT.search(v, max(0, m.start - 30), m.start)
                 or _ORDINAL_START.match(m.name))]


def titled_agreement_named(ctx: Context, out: list[Mention]) -> None:
    """The agreement a title describes ("clusters sign cooperation agreement") is the one agreement
    the text names below it ("… signed a Memorandum of Understanding"): one agreement, two names.

    >>> t = "Clusters sign cooperation agreement\\n\\nA and B signed a Memorandum of Understanding."
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> [m.aliases for m in find_mentions(t) if m.name == "cooperation agreement"]
    [['Memorandum of Understanding']]
    """
    title = title_end(ctx)
    agreements = [m for m in out if m.label == "Agreement"]
    described = [m for m in agreements if m.start < title and m.name.islower()]
    named = {fold(m.name): m for m in agreements if m.start >= title and not is_acronym(m.name)
             and (not m.name.islower() or len(m.name.split()) >= 3)}     # "a memorandum of understanding"
    if len(described) == 1 and len(named) == 1:
        described[0].aliases.append(next(iter(named.values())).name)


_NAMED_AS = re.compile(r"(?i)\b(?:the|this)\s+(?:agreement|memorandum|mou|charter|declaration|accord|convention)(?:\s*,\s*|\s+)"
                       r"(?:is\s+)?(?:named|called|entitled|titled|known\s+as)\s+(?:the\s+)?[\"“«]?")


def agreement_named(v: str, out: list[Mention]) -> None:
    """"… signed a Memorandum of Understanding. The agreement, named the “X Charter”, …": the
    name is the agreement's named just before (one agreement, two names).

    >>> t = 'A and B signed a Memorandum of Understanding. The agreement, named the "Blue Charter", runs.'
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> out = find_mentions(t); [m.aliases for m in out if m.name == "Blue Charter"]
    [['Memorandum of Understanding']]
    """
    agreements = sorted((m for m in out if m.label == "Agreement"), key=lambda m: m.start)
    for nm in _NAMED_AS.finditer(v) if agreements else ():
        named = next((m for m in agreements if m.start == nm.end()), None)
        prior = [m for m in agreements if nm.start() - 400 <= m.start < nm.start() and fold(m.name) != fold(named.name)] \
            if named is not None else []
        if prior:
            named.aliases.append(prior[-1].name)


def titled_event_again(ctx: Context, out: list[Mention]) -> None:
    """A described event that repeats the words of the event the title names ("a business mission
    to Chile" under "SolarLink Business Mission to Chile 2025") is that event: it takes its name
    as an alias."""
    title = title_end(ctx)
    titled = [m for m in out if m.label == "Event" and m.start < title and m.rule not in ("event-described", "event-ordinal")]
    if len(titled) != 1:
        return
    name = fold(titled[0].name)
    for m in out:
        words = fold(re.sub(r"\s*\([^()]*\)$", "", m.name)).split()     # without its date "(June 2025)"
        if m.rule in ("event-described", "event-ordinal") and m.start >= title and len(words) >= 3 \
                and (f" {' '.join(words[-3:])} " in f" {name} " or _same_journey(titled[0], m)):
            m.aliases.append(titled[0].name)     # one event: the resolver joins them, the span keeps its words


def _same_journey(a: Mention, b: Mention) -> bool:
    """Whether two event mentions are one journey: the same travel word, to the same country
    ("AgriTech mission to Kenya" in the title, "a business mission to Nairobi" below it).

    >>> _same_journey(Mention(0, 9, "X mission to Kenya", "Event", "t", country="KE"),
    ...               Mention(20, 27, "business mission to Nairobi", "Event", "d", country="KE"))
    True
    """
    heads = {w for w in fold(a.name).split() if w.capitalize() in _TRAVEL}
    ca, cb = _journey_country(a), _journey_country(b)
    return bool(heads) and bool(ca) and ca == cb and any(w in heads for w in fold(b.name).split())


def _journey_country(m: Mention) -> str | None:
    """An event mention's country, else that of the place its name goes "to" ("… mission to Nairobi")."""
    to = re.search(r" to ([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?)", m.name)
    if m.country or not to:
        return m.country
    return place_country(to.group(1)) or place_country(to.group(1).split()[0])


_TRAVEL = ("Mission", "Visit", "Delegation", "Trip", "Tour", "Journey")
_TO_PLACE = re.compile(r" to ([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?)")


# taking part named before the event's own name: "Partecipazione a VietWood Expo 2026", "Participación en …"
_TAKING_PART = re.compile(r"(?:Participation|Partecipazione|Participación|Participação|Teilnahme)\s+"
                          r"(?:in|at|to|a|al|alla|all'|en|à|au|na|no|an|am)\s+(?=[A-Z0-9])")


def without_taking_part(m: Mention) -> None:
    """An event's name without the taking part a heading or item writes before it.

    >>> m = Mention(0, 35, "Partecipazione a VietWood Expo 2026", "Event", "apposition", 0.7); without_taking_part(m)
    >>> m.name, m.start
    ('VietWood Expo 2026', 17)
    """
    tm = _TAKING_PART.match(m.name) if m.label == "Event" else None
    if tm:
        m.name, m.start = m.name[tm.end():], m.start + tm.end()


def with_destination(v: str, m: Mention) -> None:
    """A named mission keeps the place it goes to: "Agri SME Mission to China", "Study Visit to Lyon".

    >>> m = Mention(0, 16, "Agri SME Mission", "Event", "head", 0.7); with_destination("Agri SME Mission to China in May", m); m.name
    'Agri SME Mission to China'
    """
    if m.label != "Event" or not m.name.endswith(_TRAVEL):
        return
    to = _TO_PLACE.match(v, m.end)
    place = to and next((p for p in (to.group(1), to.group(1).split()[0]) if named_place(p)), None)
    if place:       # the mission named again without its destination is the same mission
        m.aliases.append(m.name)
        m.end, m.name = to.start(1) + len(place), f"{m.name} to {place}"


# what an agreement is about, after its kind: "a letter of intent for joint pilots on recycled cotton",
# "a memorandum of understanding about cooperation in laser applications", up to the end of its clause
_TOPIC_WORD = r"(?!\d)(?!(?:between|with|by|signed|which|that|who|was|were|is|are|will|would|has|have|had|during|at|from|" \
              r"until|to|and|in)\b)[\w’'&-]+"
_AGREEMENT_TOPIC = re.compile(r"[ \t]+((?:for|on|about|concerning|regarding)[ \t]+(?:the[ \t]+)?" + _TOPIC_WORD
                              + r"(?:[ \t]+(?:(?:and|in|of|the|for|on|with|to)[ \t]+)*" + _TOPIC_WORD + r"){1,8})"
                              r"(?=[,.;:)]|[ \t]+(?:between|with|by|signed|which|that|was|were|is|are|will|has|have|had|"
                              r"during|at|from|until|to|in[ \t]+(?:\d|(?-i:[A-Z])))\b)")
# a topic that stops on a word that needs more after it is no topic: "… of the two"
_OPEN_END = re.compile(r"(?i)\b(?:the|a|an|of|for|in|and|on|with|to|two|three|its|their)$")


def agreement_topics(v: str, out: list[Mention]) -> None:
    """An agreement named by its kind keeps what the text says it is about as its name ("letter of
    intent for joint pilots on recycled cotton"); the kind alone is its alias.

    >>> t = "STC and BCAC signed a letter of intent for joint pilots on recycled cotton. Then"
    >>> m = Mention(t.index("letter"), t.index(" for"), "letter of intent", "Agreement", "agreement")
    >>> agreement_topics(t, [m]); m.name, m.aliases
    ('letter of intent for joint pilots on recycled cotton', ['letter of intent'])
    """
    for m in out:
        if m.label != "Agreement" or m.rule != "agreement" or m.name.isupper():
            continue
        tm = _AGREEMENT_TOPIC.match(v, m.end)
        if tm and not _OPEN_END.search(tm.group(1)):
            m.aliases.append(m.name)
            m.end, m.name = tm.end(), " ".join(v[m.start:tm.end()].split())
