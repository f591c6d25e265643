"""What a count is about when its sentence names it by a kind word, not by its name: "The pole
brings together 120 members", "The total budget of the mission is EUR 118,000", "El presupuesto
total de la misión asciende a 85.000 EUR" (used by :mod:`.countsubj`).

>>> from types import SimpleNamespace as E
>>> mission = E(label="Event", name="Business Mission to Mexico 2026", mentions=[E(start=16)])
>>> t = "We organise the Business Mission to Mexico 2026. The total budget of the mission is EUR 85,000."
>>> occ = lambda lo, hi: [x for x in [(16, 47, mission)] if lo <= x[0] < hi]
>>> anaphora(t, E(start=49), re.search("85", t), [], occ, ("Event", "Partnership"))[0] is mission
True
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.mainref import named_in_title

__all__ = ["ANAPHORA", "anaphora"]

# "The pole …", "this mission": a kind word where a name could stand
ANAPHORA = re.compile(r"\s*(?:The|This|the|this)\s+([a-zé]+)\b")
# "The total budget of the mission", "El presupuesto total de la misión": money said of a kind word
_BUDGET_OF = re.compile(r"(?:\s+(?:budget|cost|costs|funding|grant))?\s+of\s+(?:the|this)\s+([a-z]+)\b")
_ROMANCE_BUDGET = re.compile(r"(?i)\b(?:presupuesto|bilancio|co[sû]te?o?|orçamento)(?:\s+(?:total|global|complessivo))?\s+"
                             r"(?:de\s+la|de\s+l['’]|del|du|della|dello|da)\s*([^\W\d_]+)\b")


def anaphora(v, sent, m, before, occ_in, ok, title: int = 0):
    """6. "The pole is …": (the entity the title names with that word, else the last one named
    with it, None), or None."""
    am = ANAPHORA.match(v, sent.start) or ANAPHORA.search(v, max(sent.start, m.start() - 60), m.start()) \
        or _ROMANCE_BUDGET.search(v, max(sent.start, m.start() - 80), m.start())    # "El presupuesto de la misión"
    if am and not _head_of(am.group(1)):
        am = _BUDGET_OF.match(v, am.end(1))    # "The total budget of the mission is …": the mission's
    if am and not [x for x in before if am.start(1) - 2 <= x[0] <= am.end(1) + 1]:
        word = fold(am.group(1))
        head = _head_of(word)
        if head:
            ok = ok + ("Agreement",) if head == "Agreement" else ok     # "The agreement covers two events a year"
            prior = [x[2] for x in occ_in(max(0, sent.start - 3000), am.start())    # "the partnership": no
                     if x[2].label in ok and x[2].label != "Programme"              # programme
                     and (word in fold(x[2].name).split() or head == "Agreement" == x[2].label)]
            if not prior and head == "Event" and "Event" in ok:     # "The mission had a budget of …": the event before
                prior = [x[2] for x in occ_in(max(0, sent.start - 3000), am.start()) if x[2].label == "Event"]
            titled = [e for e in prior if named_in_title(e, title)]
            if prior:
                return (titled or prior)[-1], None
    return None


def _head_of(word: str) -> str | None:
    """The label a head noun names, an event for any word that refers to one ("misión", "trip")."""
    lex = load_lexicon()
    return lex.label_of_head(word) or ("Event" if fold(word) in lex.words("event_references") else None)
