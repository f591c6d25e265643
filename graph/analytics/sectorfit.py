"""Sector fit through the sector hierarchy: EU ecosystem > theme > wording.

The 14 EU industrial ecosystems, the themes under them ("Blue economy" under
Mobility–transport–automotive, touching Agri-food, Renewable energy and Tourism) and the
value-chain links between ecosystems are data (``graph/data/ecosystems.yaml``). A node's
:class:`SectorProfile` is read from its ``sectors`` and ``sector_text`` attributes and the
Sector nodes it is ACTIVE_IN; :func:`sector_fit` says how near two profiles are:

===========================================  =====
candidate and partnership share ...            fit
===========================================  =====
a theme ("maritime" and "ports")              1.0
an ecosystem (Agri-food and Agri-food)        0.6
the ecosystem a theme sits under              0.45
an ecosystem a theme touches                  0.25
an ecosystem on the other's value chain       0.25
nothing                                       0.0
===========================================  =====

>>> blue = profile_of_words(["blue growth"])
>>> ports = profile_of_words(["Ports and logistics"])
>>> sector_fit(ports, blue)
(1.0, 'blue economy')
>>> sector_fit(profile_of_words(["ICT"]), blue)
(0.0, '')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from clusternet.graph.ids import fold

__all__ = ["SectorProfile", "profile_of_words", "node_profile", "group_profile", "sector_fit",
           "value_chain_gaps", "value_chain", "ecosystem_name", "FIT_THEME", "FIT_ECOSYSTEM", "FIT_UNDER", "FIT_TOUCHES", "FIT_VALUE_CHAIN"]

FIT_THEME, FIT_ECOSYSTEM, FIT_UNDER, FIT_TOUCHES, FIT_VALUE_CHAIN = 1.0, 0.6, 0.45, 0.25, 0.25
_DATA = Path(__file__).resolve().parents[1] / "data" / "ecosystems.yaml"
SECTOR_RELS = ("ACTIVE_IN",)


def _key(name: str) -> str:
    """Folded ecosystem or theme name: dashes and '&'/'and' spelled one way.

    >>> _key("Mobility–transport–automotive") == _key("mobility-transport-automotive")
    True
    """
    s = fold(str(name)).replace("&", " and ")
    return re.sub(r"[\s\-\u2013\u2014]+", " ", s).strip()


@dataclass(frozen=True)
class _Hierarchy:
    names: dict                 # folded key -> display name (ecosystems and themes)
    themes: dict                # theme key -> (ecosystem key, touched ecosystem keys, word pattern, cross-cutting)
    chain: dict                 # ecosystem key -> value-chain ecosystem keys


def _pattern(words) -> re.Pattern:
    """One regex for a theme's words: whole words of folded text, ``*`` a prefix."""
    alts = []
    for w in words:
        w = fold(str(w))
        stem = w.endswith("*")
        alts.append(re.escape(w.rstrip("*")).replace(r"\ ", r"[\s\-]+") + (r"\w*" if stem else r"\b"))
    return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")")


@lru_cache(maxsize=1)
def _hierarchy() -> _Hierarchy:
    """The ecosystems, themes and value-chain links of ``graph/data/ecosystems.yaml``."""
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    names = {_key(e): e for e in raw["ecosystems"]}
    themes = {}
    for name, spec in (raw.get("themes") or {}).items():
        names[_key(name)] = name
        themes[_key(name)] = (_key(spec["under"]), frozenset(_key(t) for t in spec.get("touches") or []),
                              _pattern(spec["words"]), bool(spec.get("cross_cutting")))
    chain = {_key(e): frozenset(_key(x) for x in xs) for e, xs in (raw.get("value_chain") or {}).items()}
    return _Hierarchy(names, themes, chain)


@dataclass(frozen=True)
class SectorProfile:
    """What a node works in: themes and ecosystems (folded keys), and the wording seen."""

    themes: frozenset = field(default_factory=frozenset)
    ecosystems: frozenset = field(default_factory=frozenset)
    wording: tuple = ()

    def __bool__(self) -> bool:
        return bool(self.themes or self.ecosystems)


def profile_of_words(words, ecosystems=()) -> SectorProfile:
    """The profile of some sector wordings (and ecosystem names already known).

    >>> sorted(profile_of_words(["Seafood processing"]).themes)
    ['blue economy']
    >>> sorted(profile_of_words(["Seafood processing"]).ecosystems)
    ['agri food']
    """
    h = _hierarchy()
    texts = [fold(str(w)) for w in words if w]
    ecos = {_key(e) for e in ecosystems if _key(e) in h.names}
    themes = set()
    free = []
    for t in texts:
        if _key(t) in h.names and _key(t) not in h.themes:
            ecos.add(_key(t))               # an ecosystem's own name: nothing more to read in it
            continue
        # "energy-intensive" names an ecosystem of its own, not the energy sector
        t = re.sub(r"\benergy[\s-]+intensive", "energyintensive", t)
        free.append(t)
        themes |= {key for key, (_, _, pat, _) in h.themes.items() if pat.search(t) or _key(t) == key}
    ecos |= _ecosystem_words(free) | {h.themes[t][0] for t in themes if not h.themes[t][3]}
    return SectorProfile(frozenset(themes), frozenset(ecos), tuple(sorted(set(texts))))


def _ecosystem_words(texts) -> set[str]:
    """Ecosystems that the sector words of :func:`~clusternet.graph.linkpred.sector_words` name."""
    from clusternet.graph.analytics.linkpred import sector_words

    h = _hierarchy()
    out = set()
    for t in texts:
        for w in sector_words(t):
            if w.startswith("ecosystem:") and _key(w[10:]) in h.names:
                out.add(_key(w[10:]))
    return out


def node_profile(G, node: str) -> SectorProfile:
    """The sector profile of one node of the product graph: its ``sectors`` (ecosystems),
    ``sector_text`` and the names and ecosystems of the Sector nodes it is ACTIVE_IN.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("c", label="Cluster", sector_text="textile")
    >>> G.add_node("s", label="Sector", name="Ports", ecosystem="Mobility-Transport-Automotive")
    >>> _ = G.add_edge("c", "s", key="ACTIVE_IN")
    >>> prof = node_profile(G, "c")
    >>> sorted(prof.themes), sorted(prof.ecosystems), prof.wording
    (['blue economy'], ['mobility transport automotive', 'textile'], ('ports', 'textile'))
    >>> bool(node_profile(G, "s"))              # no sector wording of its own
    False
    """
    d = G.nodes[node]
    words = [d.get("sector_text")] + list(d.get("sectors") or [])
    ecos = list(d.get("sectors") or [])
    for t, keys in G.succ[node].items():            # adjacency read directly: called per candidate
        if any(k in keys for k in SECTOR_RELS):
            words.append(G.nodes[t].get("name", t))
            if G.nodes[t].get("ecosystem"):
                ecos.append(G.nodes[t]["ecosystem"])
    words = [w for w in words if w]
    return profile_of_words(words, ecos) if words or ecos else _EMPTY


_EMPTY = SectorProfile()


def group_profile(profiles) -> dict[str, float]:
    """How central each theme/ecosystem is to a group of profiles: the share of profiles
    holding it (``t:`` themes, ``e:`` ecosystems).

    >>> group_profile([profile_of_words(["ports"]), profile_of_words(["ICT"])])["t:blue economy"]
    0.5
    """
    profiles = [p for p in profiles if p]
    out: dict[str, float] = {}
    for p in profiles:
        for t in p.themes:
            out[f"t:{t}"] = out.get(f"t:{t}", 0.0) + 1.0 / len(profiles)
        for e in p.ecosystems:
            out[f"e:{e}"] = out.get(f"e:{e}", 0.0) + 1.0 / len(profiles)
    return out


def sector_fit(cand: SectorProfile, target: SectorProfile | dict) -> tuple[float, str]:
    """(fit 0..1, what it rests on in words) of a candidate against a target profile,
    or against a weighted :func:`group_profile` (each level times the item's weight).

    >>> sector_fit(profile_of_words(["Agri-food"]), profile_of_words(["Agri-food"]))   # same ecosystem
    (0.6, 'agri-food')
    >>> sector_fit(profile_of_words(["fashion"]), {"e:textile": 0.5})                 # weighted: 0.6 x 0.5
    (0.3, 'textile')
    """
    weights = target if isinstance(target, dict) else group_profile([target])
    h = _hierarchy()
    best, why = 0.0, ""
    for key, w in weights.items():
        kind, name = key.split(":", 1)
        under, touches = h.themes[name][:2] if kind == "t" else (None, frozenset())
        if kind == "t":
            level = (FIT_THEME if name in cand.themes else FIT_UNDER if under in cand.ecosystems else
                     FIT_TOUCHES if cand.ecosystems & touches else 0.0)
        else:
            level = (FIT_ECOSYSTEM if name in cand.ecosystems else
                     FIT_VALUE_CHAIN if cand.ecosystems & h.chain.get(name, frozenset()) else 0.0)
        if level * w > best + 1e-9:
            near = touches | {under} if kind == "t" else h.chain.get(name, frozenset())
            best, why = level * w, h.names[name].lower() if level >= FIT_ECOSYSTEM else _touch_text(cand, name, kind,
                                                                                                      near)
    return round(best, 4), why


def _touch_text(cand: SectorProfile, name: str, kind: str, near) -> str:
    """'agri-food, close to blue economy': the candidate's ecosystems that made the weaker fit."""
    h = _hierarchy()
    mine = sorted(h.names[e].lower() for e in cand.ecosystems & near)
    rel = "close to" if kind == "t" else "on the value chain of"
    return f"{', '.join(mine[:2])}, {rel} {h.names[name].lower()}"


def value_chain_gaps(cand: SectorProfile, core: set[str], held: set[str]) -> list[str]:
    """Ecosystems of ``cand`` on the value chain of the ``core`` ecosystems that no
    member holds (``held``): the links a partnership lacks. Display names, sorted.

    >>> value_chain_gaps(profile_of_words(["retail"]), {"textile"}, {"textile"})
    ['Retail']
    """
    h = _hierarchy()
    linked = set().union(*(h.chain.get(e, frozenset()) for e in core)) if core else set()
    return sorted(h.names[e] for e in cand.ecosystems & linked - held - core)


def value_chain() -> dict:
    """Folded ecosystem -> the folded ecosystems on its value chain (``value_chain`` data).

    >>> sorted(value_chain()["health"])
    ['digital', 'electronics']
    """
    return _hierarchy().chain


def ecosystem_name(key: str) -> str:
    """The display name, in lower case, of a folded ecosystem or theme key.

    >>> ecosystem_name("energy intensive industries")
    'energy-intensive industries'
    """
    return _hierarchy().names.get(key, key).lower()
