"""A page's description of an event that it also names is that event: "SILVERLINK-4i has concluded
its first business mission in Japan. The SILVERLINK-4i Japan Mission 2026 took place …" speaks of
one mission. A described event (its name opens in lower case) joins the one named event it can
be: one that shares an event head noun with it ("mission", "matchmaking"), lies in the same
country when both have one, and is not told apart by an ordinal ("the second mission" is not the
page's first) or by a word of another time ("next", "return").

>>> from clusternet.ingest.extract.resolve import DocEntity
>>> named = DocEntity("a", "Event", "Alpha Japan Mission 2026", country="JP")
>>> said = DocEntity("b", "Event", "first business mission in Japan", country="JP")
>>> [(e.name, sorted(e.aliases)) for e in same_journeys([named, said])]
[('Alpha Japan Mission 2026', ['first business mission in Japan'])]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.mentions import Mention, is_acronym

__all__ = ["same_journeys", "same_described", "name_kickoffs"]

# words that place a described event at another time than the page's: never the same one
_OTHER_TIME = frozenset({"next", "previous", "last", "upcoming", "future", "past", "earlier", "later", "return",
                         "coming", "former", "prochaine", "prochain", "précédente", "próxima", "próximo", "anterior",
                         "prossima", "prossimo", "precedente", "retour", "retorno", "ritorno"})


def same_journeys(ents: list) -> list:
    """The entities with each described event folded into the one named event it describes."""
    events = [e for e in ents if e.label == "Event"]
    named = [e for e in events if _is_named(e.name) and not _described_only(e)
             and not (len(e.name.split()) == 1 and fold(e.name) in _event_heads())]     # "The Expo, …": no name
    gone = set()
    for e in events:
        if e in named or _words(e.name) & _OTHER_TIME:
            continue
        fits = [n for n in named if n is not e and _fits(e, n)]
        if len(fits) == 1:
            _fold_into(fits[0], e)
            gone.add(id(e))
    return [e for e in ents if id(e) not in gone]


def _described_only(e) -> bool:
    """Whether every mention of an event is a description ("The Summit took place … in Thessaloniki"
    opens with a capital only because it opens the sentence)."""
    bare = len(e.name.split()) > 2 and e.name.split()[1] == "in"      # "Summit in Thessaloniki": a head and a place
    return bool(e.mentions) and all(getattr(m, "rule", "").startswith(("event-described", "event-dated"))
                                    or bare and m.rule == "event-in" for m in e.mentions)


def _is_named(name: str) -> bool:
    """Whether an event's name is a proper name: it opens with a capital that is no ordinal word,
    or with an edition's number ("8th National Cluster Conference").

    >>> _is_named("Kenya Agri Matchmaking 2025"), _is_named("first matchmaking mission"), _is_named("First mission")
    (True, False, False)
    >>> _is_named("8th National Conference")
    True
    """
    first = name.split()[0] if name.split() else ""
    return (first[:1].isupper() or first[:1].isdigit()) and fold(first) not in _ordinals()


def _fits(said, named) -> bool:
    """Whether the described event ``said`` can be the named event ``named``."""
    if said.country and named.country and said.country != named.country:
        return False
    if not _heads(said.name) & _heads(named.name):
        return False
    mine, theirs = _ordinal(said.name), _ordinal(named.name)
    return mine == theirs or (theirs is None and mine in (None, "first"))


def _fold_into(named, said) -> None:
    """``said``'s mentions and names become ``named``'s."""
    named.mentions.extend(said.mentions)
    named.aliases |= {said.name, *said.aliases} - {named.name}
    if named.country is None and said.country:
        named.country, named.region = said.country, named.region or said.region     # where the description puts it
    named.region = named.region or said.region


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", fold(name)))


def _heads(name: str) -> set[str]:
    """The event head nouns a name holds ("mission", "matchmaking")."""
    return _words(name) & _event_heads()


def _ordinal(name: str) -> str | None:
    """The ordinal a name holds, as its first-edition form when it says "first"."""
    found = [w for w in re.findall(r"\w+", fold(name)) if w in _ordinals() or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)]
    if not found:
        return None
    return "first" if found[0] in load_lexicon().words("first_ordinals") else found[0]


@lru_cache(maxsize=1)
def _event_heads() -> frozenset:
    return frozenset(w for w in map(fold, load_lexicon()["heads"]["Event"]) if w not in ("day", "days", "open", "event"))


@lru_cache(maxsize=1)
def _ordinals() -> frozenset:
    return load_lexicon().words("ordinal_words")


# a partnership's own start meeting, named without its owner: "the kick-off meeting in Annecy"
_KICKOFF = re.compile(r"(?i)(?:(?:the|first|official)\s+)?kick-?\s?off(?:\s+meeting)?(?:\s+(?:in|at)\s+.+)?")


def name_kickoffs(ents: list, main) -> None:
    """A kick-off meeting the text names without its owner is the page's partnership's ``main``:
    "PACK2LOOP kick-off meeting", its words kept as an alias; in place.

    >>> from clusternet.ingest.extract.resolve import DocEntity
    >>> ko = DocEntity("k", "Event", "kick-off meeting in Annecy")
    >>> name_kickoffs([ko], DocEntity("p", "Partnership", "ALPLOOP")); ko.name, sorted(ko.aliases)
    ('ALPLOOP kick-off meeting', ['kick-off meeting in Annecy'])
    """
    if main is None or main.label != "Partnership":
        return
    short = min((a for a in main.aliases if is_acronym(a)), key=len,
                default=main.name)      # its acronym when it has one: "ALPTRAIL-CIRC kick-off meeting"
    for e in ents:
        if e.label == "Event" and _KICKOFF.fullmatch(e.name):
            e.aliases.add(e.name)
            e.name = f"{short} kick-off meeting"


def same_described(found: list[Mention]) -> list[Mention]:
    """A later, shorter description of an event named before ("the cluster matchmaking mission"
    after "a European cluster matchmaking mission", "our first business mission" after "the first
    AGROMECH business mission to Indonesia") is that event: it takes the fuller name. Its words are
    the end of the fuller name, or, with an ordinal, appear in it in order, ending with its head.

    >>> ms = [Mention(0, 9, "EU mission", "Event", "x"), Mention(20, 27, "mission", "Event", "x")]
    >>> [m.name for m in same_described(ms)]
    ['EU mission', 'EU mission']
    >>> ms = [Mention(0, 40, "first Agro business mission to Peru", "Event", "x"),
    ...       Mention(50, 72, "first business mission", "Event", "x")]
    >>> [m.name for m in same_described(ms)]
    ['first Agro business mission to Peru', 'first Agro business mission to Peru']
    """
    by_ending: dict[tuple, Mention] = {}    # the last words of an earlier, longer name -> its mention
    for i, m in enumerate(found):
        prior = by_ending.get(tuple(fold(m.name).split())) or _ordinal_within(m, found[:i])
        if prior is not None:
            m.aliases.append(m.name)
            m.name = prior.name
        words = fold(m.name).split()
        for n in range(1, len(words)):
            by_ending.setdefault(tuple(words[-n:]), m)
    return found


def _ordinal_within(m: Mention, before: list[Mention]) -> Mention | None:
    """The one earlier, longer event name holding ``m``'s words in order, when ``m`` opens with an
    ordinal ("first business mission" in "first AGROMECH business mission to Indonesia")."""
    words = fold(m.name).split()
    if len(words) < 2 or words[0] not in load_lexicon().words("ordinal_words"):
        return None
    hits = {p.name: p for p in before if len(p.name) > len(m.name) and _in_order(words, fold(p.name).split())}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _in_order(words: list[str], longer: list[str]) -> bool:
    """Whether ``words`` appear in ``longer`` in order, the last of them right where ``longer``'s head
    stands (before any "to"/"in" place).

    >>> _in_order(["first", "mission"], ["first", "eu", "mission", "to", "peru"])
    True
    """
    it = iter(longer)
    if not all(w in it for w in words):
        return False
    head = next((i for i, w in enumerate(longer) if w in ("to", "in", "a", "en", "à", "al")), len(longer)) - 1
    return head >= 0 and longer[head] == words[-1]
