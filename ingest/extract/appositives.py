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
from clusternet.ingest.extract.rules import label_of_name

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


def stated_kind(v: str, end: int) -> str | None:
    """The label of what a description opening right at ``end`` says the body is, when its first
    words end in a cluster's or a partnership's kind word ("X, the Italian packaging cluster", "X, a
    European Strategic Cluster Partnership of …", "X es un consorcio de doce socios"), not in a word
    the kind qualifies ("X, a cluster member"), the next item's ("X, the French cluster Y") or a
    complement's ("X, a member of the cluster"); else None.

    >>> t = "X, the Italian packaging cluster, joined"
    >>> stated_kind(t, 1), stated_kind("X, a cluster member", 1), stated_kind("X, the French cluster Y", 1)
    ('Cluster', None, None)
    >>> stated_kind("X, a European Strategic Cluster Partnership of ten clusters", 1), stated_kind("X, a member of the cluster", 1)
    ('Partnership', None)
    """
    om = _OPENING.match(v, end) or _COPULA.match(v, end)
    km = _KIND_HEAD.match(v, om.end()) if om else None
    lab = load_lexicon().label_of_head(km.group("kind").split()[0]) if km else None
    return lab if lab in ("Cluster", "Partnership") else None


# "X is a …", "X es un …", "X est un …", "X è un …"
_COPULA = re.compile(r"\s+(?:is|was|es|est|è)\s+(?:a|an|the|un|una|une|uno|el|la|le|il)\s+")
# the head of a description's first words (no preposition among them), where the description ends or
# goes on with a preposition
_KIND_HEAD = re.compile(r"(?:(?!(?:of|for|de|du|des|del|di|to|with|in)\s)[\w-]+\s+){0,4}?"
                        r"(?P<kind>cluster(?:\s+organi[sz]ation)?|pôle|pole|clúster|partnership|consortium|consorcio|"
                        r"consorzio|project|proyecto|projet|progetto|initiative|eurocluster)"
                        r"(?=\s*(?:[,.;:)\n]|$)|\s+(?:of|for|in|from|with|that|which|based|de|du|del|di|dans|en|per|led|coordinated)\b)", re.I)


def stated_after(v: str, mentions: list[Mention]) -> None:
    """Give each body whose name a description follows the country it states, and the cluster or
    partnership label when it says the body is one (in place)."""
    for m in mentions:
        if m.label in ("Cluster", "Organisation", "SME") and "stated_country" not in m.props:
            code = stated_country(v, m.end)
            if code:
                m.props["stated_country"] = code
                m.country = m.country or code
        kind = stated_kind(v, m.end) if m.label == "Organisation" else None
        if kind == "Cluster" or kind == "Partnership" and label_of_name(m.name) is None:
            m.label = kind      # a body with no head noun of its own may be a project
