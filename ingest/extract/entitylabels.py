"""The label of an entity: its name's head noun first, then what its mentions' rules read in the text.

A description the text gives beats an ambiguous head ("the Nordic Alliance, a network of 14
clusters": an organisation), an institution or an EU action keeps its kind, a forum held in a place
is an event, and a body the text calls a cluster is one whatever its name's head ("the Danish
cluster Nordic Fermentation Hub").

>>> entity_label("Nordic Fermentation Hub", [Mention(0, 23, "Nordic Fermentation Hub", "Cluster", "apposition-desc", 0.75)])
'Cluster'
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from collections import Counter

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.mentions import Mention
from clusternet.ingest.extract.namelinks import _strip_type, norm
from clusternet.ingest.extract.placewords import leading_place
from clusternet.ingest.extract.rules import label_of_name

__all__ = ["entity_label", "CALLED_CLUSTER"]

CALLED_CLUSTER = ("described-item", "role-of", "apposition-desc")     # rules whose Cluster label the text itself states


def entity_label(name: str, ms: list[Mention]) -> str:
    """The label of the entity ``name`` names, from its name's head noun and what its mentions say."""
    labels = Counter()
    for m in ms:
        if m.label:
            labels[m.label] += 2 if m.rule.startswith(("head", "copula", "apposition", "event", "agreement", "programme",
                                                       "quoted")) else 1
        if _strip_type(m.name):
            labels["Partnership"] += 2
    label = _described_label(name, ms) or _journey_label(name, ms) or label_of_name(name) \
        or (labels.most_common(1)[0][0] if labels else None)
    if any(m.rule == "institution" and norm(m.name) == norm(name) for m in ms):
        label = "Organisation"      # "the Delegation of the European Union to Canada": no partnership's delegation
    if label != "Programme" and any(m.rule == "programme" and norm(m.name) == norm(name) for m in ms):
        label = "Programme"     # "European Strategic Cluster Partnership for Going International": the EU action
    if label == "Organisation" and not any(m.rule in ("typed", "acronym") for m in ms) \
            and any((m.rule.startswith("event-") or m.rule == "cue:at" and _fair_or_forum(name)) and norm(m.name) == norm(name)
                    for m in ms):
        label = "Event"     # a forum held in a place or one is at is an event ("the Ghana–EU Agribusiness Forum in
        # Accra", "At the Mediterranean Food Forum, …")
    if label == "Organisation" and _fair_or_forum(name, first=True) and any(
            re.search(r"\b(?:19|20)\d{2}\b", a) for m in ms for a in (m.name, *m.aliases)):
        label = "Event"     # "Forum international des technologies de l'eau (FITE 2025)": an edition, no body
    if any(m.rule == "typed" for m in ms) and label not in ("Cluster", "Event") \
            and label_of_name(name) in (None, "Partnership"):     # "the ITCA project coordinator": ITCA is an institute
        label = "Partnership"
    if label is None:
        label = "Organisation"
    if label == "Organisation" and any(m.label == "SME" for m in ms):
        label = "SME"               # the text presents the company as an SME ("the Danish SME X ApS")
    if label in ("Organisation", "Partnership") and any(_called_cluster(m) for m in ms):
        label = "Cluster"           # the text calls it a cluster ("the clusters taking part: … (X)", "the Danish
        # cluster X Hub", "X Network, the offshore wind cluster of …")
    return label


def _called_cluster(m: Mention) -> bool:
    """Whether a mention's rule read the Cluster label from the text's own words about the name.

    >>> _called_cluster(Mention(0, 5, "X Hub", "Cluster", "apposition", 0.7, props={"copula_head": "cluster"}))
    True
    """
    if m.label != "Cluster":
        return False
    return m.rule in CALLED_CLUSTER or m.rule == "apposition" and load_lexicon().label_of_head(
        m.props.get("copula_head", "")) == "Cluster"


def _fair_or_forum(name: str, first: bool = False) -> bool:
    """Whether a name ends in a head word of a dated gathering ("… Food Forum", "… Fair"), or with
    ``first`` opens with one (a Romance name: "Forum international des …", "Feria …").

    >>> _fair_or_forum("Mediterranean Food Forum"), _fair_or_forum("Gamma Export Agency"), _fair_or_forum("Feria Agro", True)
    (True, False, True)
    """
    words = name.split()
    heads = load_lexicon().words("dated_event_heads")
    return bool(words) and (fold(words[-1]) in heads or first and fold(words[0]) in heads)


def _described_label(name: str, ms: list[Mention]) -> str | None:
    """The label the text's own description gives a name whose head noun is ambiguous ("the
    Nordic Alliance, a network of 14 clusters": an organisation; an alliance may also be a
    partnership), or None.

    >>> _described_label("Nordic Alliance", [Mention(0, 15, "Nordic Alliance", "Partnership", "apposition", 0.7,
    ...                                              props={"copula_head": "network"})])
    'Organisation'
    """
    lex = load_lexicon()
    ambiguous = set().union(*(lex.head_labels(w) for w in name.split() if len(lex.head_labels(w)) > 1))
    if label_of_name(name) not in ambiguous:
        return None
    heads = (lex.label_of_head(m.props["copula_head"]) for m in ms if m.props.get("copula_head"))
    return next((h for h in heads if h in ambiguous), None)


_TO_PLACE_END = re.compile(r"\s(?:to|in|à|au|aux|a|al|en)\s+(?:the\s+)?(\S.*)$")


def _journey_label(name: str, ms: list[Mention]) -> str | None:
    """"Event" for an event the rules read as one that goes to or is held in a place its name ends
    on, whatever the place's own words say ("business mission to Silicon Valley": no valley's cluster).

    >>> _journey_label("business mission to Silicon Valley", [Mention(0, 30, "business mission to Silicon Valley", "Event", "event-described")])
    'Event'
    """
    m = _TO_PLACE_END.search(name)
    if m and ms and all(x.label == "Event" and x.rule.startswith("event-") for x in ms) and leading_place(m.group(1)) == m.group(1):
        return "Event"
    return None
