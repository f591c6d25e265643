"""High-recall proposals the hand rules leave out: acronyms and runs of capitalised words
that no rule turned into an entity. They enter only when a model decides (the rules alone
never emit them); the entity model keeps the few that are names of organisations, events...

>>> from .candidates import propose
>>> p = propose("Forum news\\n\\nPartners met at the forum. Partners: Clusgrid, Ecri and the cluster ZINNAE.")
>>> sorted(e.name for e in widen(p) if e.props.get("span"))
['Clusgrid', 'Ecri', 'Forum', 'Forum news']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.candidates import Proposal
from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country
from clusternet.ingest.extract.mentions import Mention
from clusternet.ingest.extract.resolve import DocEntity, norm

__all__ = ["widen", "SPAN_RULE"]

SPAN_RULE = "span"
TITLE_RULE = "title"
MAX_TITLE_WORDS = 14
MAX_OVERLAP_SCAN = 64     # rule spans checked back from a run's end (nested spans are few)
MAX_SPAN_WORDS = 8
_TOKEN = re.compile(r"[^\W_][\w'’&.\-]*[\w]|[^\W_]")


@lru_cache(maxsize=1)
def _skip_words() -> frozenset[str]:
    """Words that never start or make up a name on their own (function words, months, cues)."""
    lex = load_lexicon()
    words = set()
    for key in ("determiners", "connectors", "prepositions", "months", "not_names", "not_measures", "role_words"):
        words |= lex.words(key)
    for key in ("generic_acronyms",):
        words |= lex.words(key)
    return frozenset(words)


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or (w[:1].isdigit() and any(c.isupper() for c in w))


def _runs(view: str, start: int, end: int):
    """(start, end) of runs of capitalised words in ``view[start:end]``, joined by connectors."""
    connectors = load_lexicon().words("connectors")
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(view, start, end)]
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i][2]):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and j - i < MAX_SPAN_WORDS:
            nxt = toks[j + 1]
            gap = view[toks[j][1]:nxt[0]]
            if gap.strip() not in ("", "-", "&") or "\n" in gap:
                break
            if _is_cap(nxt[2]):
                j += 1
            elif fold(nxt[2]) in connectors and j + 2 < len(toks) and _is_cap(toks[j + 2][2]):
                j += 2
            else:
                break
        yield toks[i][0], toks[j][1]
        i = j + 1


def _covered(p: Proposal) -> tuple[list[tuple[int, int]], set[str]]:
    """The spans rules already read, and every name and alias they gave (normalised)."""
    spans = [(m.start, m.end) for m in p.mentions]
    spans += [(m.start, m.end) for e in p.ents for m in e.mentions]
    spans += [(m.start, m.end) for e in p.places.values() for m in e.mentions]
    names = {norm(n) for e in list(p.ents) + list(p.places.values()) for n in [e.name, *e.aliases]}
    return sorted(spans), names


def _trim(view: str, s: int, e: int) -> tuple[int, int]:
    """Leading function words ("The", "In") off a run."""
    skip = _skip_words()
    while s < e:
        m = _TOKEN.match(view, s)
        if not m or fold(m.group(0)) not in skip:
            break
        nxt = _TOKEN.search(view, m.end(), e)
        if not nxt:
            return e, e
        s = nxt.start()
    return s, e


def widen(p: Proposal) -> list[DocEntity]:
    """Add entities for uncovered capitalised runs to ``p.ents`` (and return all of them)."""
    spans, names = _covered(p)
    lex = load_lexicon()
    new: dict[str, DocEntity] = {}
    for si, sent in enumerate(p.ctx.sents):
        for s, e in _runs(p.ctx.view, sent.start, sent.end):
            s, e = _trim(p.ctx.view, s, e)
            name = p.ctx.text[s:e].strip(" .-")
            e = s + len(name)
            if not _new_name(name, s, e, spans, names):
                continue
            head = lex.label_of_head(name.split()[-1]) or "Organisation"
            ent = new.setdefault(norm(name), DocEntity("span:" + norm(name), head, name, set(), None,
                                                       props={"span": True}, confidence=0.3))
            ent.mentions.append(Mention(s, e, name, head, SPAN_RULE, 0.3, sent=si))
    _title(p, new, names)
    p.ents = list(p.ents) + list(new.values())
    return p.ents


def _title(p: Proposal, new: dict, names: set[str]) -> None:
    """The page's first line, and its part before a colon, as names: a page about one event or
    partnership is titled by it ("X Matchmaking Event: Opportunities for ...")."""
    text = p.ctx.text
    s = len(text) - len(text.lstrip())
    e = text.find("\n", s)
    line = text[s:e].rstrip() if e > 0 else ""
    if not line or len(line.split()) > MAX_TITLE_WORDS or not _is_cap(line) or ". " in line:
        return
    lex = load_lexicon()
    for name in dict.fromkeys([line, line.split(":")[0].rstrip()]):
        if norm(name) in names or norm(name) in new or len(name) < 4:
            continue
        head = lex.label_of_head(name.split()[-1]) or "Event"
        new[norm(name)] = DocEntity("span:" + norm(name), head, name, set(), None, props={"span": True},
                                    confidence=0.3, mentions=[Mention(s, s + len(name), name, head, TITLE_RULE, 0.3,
                                                                      sent=0)])


def _new_name(name: str, s: int, e: int, spans, names) -> bool:
    """A run worth proposing: not read by a rule, not a place, not only function words."""
    if len(name) < 2 or norm(name) in names or not norm(name):
        return False
    if all(fold(w) in _skip_words() for w in name.split()):
        return False
    if place_country(name) is not None:
        return False
    i = bisect_left(spans, (e, e))          # spans are sorted: only those starting before e can overlap
    return not any(b > s for a, b in spans[max(0, i - MAX_OVERLAP_SCAN):i])
