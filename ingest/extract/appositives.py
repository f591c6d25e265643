"""The country a description right after a name states (used by :mod:`.finders`): "Hajdúság Food
Innovation Cluster (HFIC) – the cluster of food processing companies of eastern Hungary", "the
North-East Digital Health Cluster (…), the Romanian cluster for digital health". What the text
says a body is beats the places the rest of the page names around it (a fair in Dubai, a partner
in Azerbaijan), as a description before the name does ("the Danish SME X").

>>> from clusternet.ingest.extract.mentions import Mention
>>> t = "Alpha Food Cluster (AFC) – the cluster of food companies of eastern Hungary. It went to Dubai."
>>> m = Mention(0, 18, "Alpha Food Cluster", "Cluster", "head", 0.7); stated_after(t, [m]); m.props["stated_country"]
'HU'
"""
from __future__ import annotations

from functools import lru_cache

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.lexicon import load_lexicon, place_country
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.mentions import Mention

__all__ = ["stated_after"]

# the description's opening after the name (and its bracketed alias): "– the", ", a", ", el"
_OPENING = re.compile(r"(?:\s*\([^()\n]{1,120}\))*\s*(?:[,–—:]|\s-)\s*(?:the|a|an|el|la|le|il|un|une|una|uno|o|um|uma)\s+")
# a demonym before the kind word: "the Romanian cluster", "the Danish water technology cluster"
_DEMONYM = re.compile(r"(?P<dem>[A-ZÀ-Ý][\w-]+)\s+(?:[\w-]+\s+){0,3}?(?P<kind>[\w-]+)")
# a place the description names: "of eastern Hungary", "in the north of Portugal", "based in Kraków"
_PLACE = re.compile(r"\b(?:of|in|from|de|du|del|di|en|da|do)\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
                    r"northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western)\s+)?"
                    r"(?:(?:part|region)\s+of\s+)?(?P<place>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?)")
_END = re.compile(r"[.;\n]|\s[–—]\s|\(")


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The head nouns of bodies (cluster, association, network, …) a description may call one by."""
    heads = load_lexicon()["heads"]
    return frozenset(h for lab in ("Cluster", "Organisation") for h in heads[lab] if " " not in h)


def stated_country(v: str, end: int) -> str | None:
    """The country a description opening right at ``end`` states: by a demonym before its kind word
    or by the place it names, else None.

    >>> t = "X, the Romanian cluster for digital health"
    >>> stated_country(t, 1), stated_country("X, which met in Paris", 1), stated_country("X, the French cluster Y", 1)
    ('RO', None, None)
    """
    om = _OPENING.match(v, end)
    if om is None:
        return None
    stop = _END.search(v, om.end(), om.end() + 160)
    clause = v[om.end():stop.start() if stop else om.end() + 160]
    kinds = _kind_words()
    dm = _DEMONYM.match(clause)
    if dm and dm.group("kind").lower() in kinds and (code := adjective_country(dm.group("dem"))):
        return None if re.match(r"\s+[A-ZÀ-Ý]", clause[dm.end():]) else code     # "…, the French cluster SpaceNet": the next item
    first = clause.split(" ", 1)[0].lower()
    if first not in kinds:
        return None         # "X, the partner of Y from Spain": no description of what X is
    pm = _PLACE.search(clause)
    return place_country(pm.group("place")) if pm else None


def stated_cluster(v: str, end: int) -> bool:
    """Whether a description opening right at ``end`` says the body is a cluster: the head of its
    first words is a cluster's kind word ("X, the Italian packaging cluster", "X, a cluster of …"),
    not a word it qualifies ("X, a cluster member") nor the next item's ("X, the French cluster Y").

    >>> t = "X, the Italian packaging cluster, joined"
    >>> stated_cluster(t, 1), stated_cluster("X, a cluster member", 1), stated_cluster("X, the French cluster Y", 1)
    (True, False, False)
    """
    om = _OPENING.match(v, end)
    km = _CLUSTER_HEAD.match(v, om.end()) if om else None
    return bool(km) and load_lexicon().label_of_head(km.group("kind")) == "Cluster"


# the head of a description's first words, where the description ends or goes on with a preposition
_CLUSTER_HEAD = re.compile(r"(?:[\w-]+\s+){0,4}?(?P<kind>cluster|pôle|pole|clúster|cluster\s+organi[sz]ation)"
                           r"(?=\s*(?:[,.;:)\n]|$)|\s+(?:of|for|in|from|with|that|which|based|de|du|del|di|dans|en|per)\b)", re.I)


def stated_after(v: str, mentions: list[Mention]) -> None:
    """Give each body whose name a description follows the country it states, and the cluster label
    when it says the body is a cluster (in place)."""
    for m in mentions:
        if m.label in ("Cluster", "Organisation", "SME") and "stated_country" not in m.props:
            code = stated_country(v, m.end)
            if code:
                m.props["stated_country"] = code
                m.country = m.country or code
        if m.label == "Organisation" and stated_cluster(v, m.end):
            m.label = "Cluster"
