"""The evidence behind an enlargement suggestion, measured part by part (0..1 each).

Each ``*_part`` function takes the candidates (node ids) and returns a :class:`Part`: one
value per candidate and, where there is something to say, a sentence and the graph
elements behind it. :mod:`clusternet.graph.analytics.suggest` weighs the parts by the chosen
objective (:mod:`clusternet.graph.analytics.objectives`) into the 0-100 score.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", label="Partnership", name="P")
>>> G.add_node("x", label="Cluster", name="X", country="NO")
>>> part = market_part(G, "p", ["x"], {"NO"})
>>> part.x.tolist(), part.text[0]
([1.0], 'in target country Norway')
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from clusternet.graph.analytics.explain import node_name
from clusternet.graph.reference.countries import country_label
from clusternet.graph.analytics.gapvalue import country_gap, gap_value, gap_words, link_gap
from clusternet.graph.analytics.sectorfit import (ecosystem_name, group_profile, node_profile, profile_of_words,
    sector_fit, value_chain)

__all__ = ["Part", "neighbours", "market_part", "sector_part", "programme_part", "gaps_part", "direct_ties",
           "partnership_sectors", "network_part", "group_weights", "programme_idf", "STRONG_TIE"]

_NEIGHBOURS = Path(__file__).resolve().parents[1] / "data" / "neighbours.yaml"
# how much one tie says, in "shared partnership" units (see network_strength in suggest)
STRONG_TIE = {"Agreement": 1.5, "Partnership": 1.0, "Event": 0.7, "link": 1.0, "visit": 1.5}


@dataclass
class Part:
    """One part of the evidence: a value per candidate, a sentence and evidence where any."""

    x: np.ndarray
    text: list
    evidence: list

    @classmethod
    def empty(cls, n: int) -> "Part":
        """A part with nothing to say for ``n`` candidates: zeros, no sentences, no evidence.

        >>> Part.empty(2)
        Part(x=array([0., 0.]), text=[None, None], evidence=[[], []])
        """
        return cls(np.zeros(n), [None] * n, [[] for _ in range(n)])


@lru_cache(maxsize=1)
def _neighbour_table() -> dict[str, frozenset]:
    """``graph/data/neighbours.yaml`` read both ways: country -> its neighbours."""
    raw = yaml.safe_load(_NEIGHBOURS.read_text(encoding="utf-8"))["neighbours"]
    out: dict[str, set] = {}
    for a, bs in raw.items():
        for b in bs or []:
            out.setdefault(str(a), set()).add(str(b))
            out.setdefault(str(b), set()).add(str(a))
    return {k: frozenset(v) for k, v in out.items()}


def neighbours(code: str) -> frozenset:
    """Countries next to ``code`` (ISO2), land borders and short sea crossings.

    >>> sorted(neighbours("CA"))
    ['US']
    """
    return _neighbour_table().get(code, frozenset())


def market_part(G, partnership: str, cands, targets: set[str]) -> Part:
    """1 in a target country, 0.5 next door to one (named in the sentence), else 0.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P")
    >>> for o, c in [("x", "CA"), ("y", "US"), ("z", "FR")]:
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c)
    >>> part = market_part(G, "p", ["x", "y", "z"], {"CA"})
    >>> part.x.tolist()
    [1.0, 0.5, 0.0]
    >>> part.text
    ['in target country Canada', 'in United States, next to target country Canada', None]
    >>> part.evidence[1]
    ['p|TARGETS|country:CA', 'y']
    """
    part = Part.empty(len(cands))
    near = {n: t for t in sorted(targets) for n in neighbours(t) if n not in targets}
    for i, nid in enumerate(cands):
        cc = G.nodes[nid].get("country")
        if cc in targets:
            part.x[i] = 1.0
            part.text[i] = f"in target country {country_label(G, cc)}"
            part.evidence[i] = [f"{partnership}|TARGETS|country:{cc}", nid]
        elif cc in near:
            part.x[i] = 0.5
            part.text[i] = f"in {country_label(G, cc)}, next to target country {country_label(G, near[cc])}"
            part.evidence[i] = [f"{partnership}|TARGETS|country:{near[cc]}", nid]
    return part


def partnership_sectors(G, partnership: str, members, sectors=None) -> tuple[dict, set, set]:
    """The partnership's sector weights (its own sectors count fully, a member's sector by
    twice the share of members holding it, at most 1), its core ecosystems (its own, or
    those of at least half the members) and the ecosystems members hold.

    A textile partnership of a technical-textiles and a fashion cluster:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P", sector_text="textile")
    >>> for o, c, s in [("a", "FR", "technical textiles"), ("b", "IT", "fashion"), ("c", "ES", "home textiles"),
    ...                 ("g", "DE", "textile machinery"), ("d", "PL", "digital")]:
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c, sector_text=s)
    >>> for o in "ab":
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> weights, core, held = partnership_sectors(G, "p", ["a", "b"])
    >>> sorted(weights.items())
    [('e:textile', 1.0), ('t:fashion and clothing', 1.0), ('t:technical textiles', 1.0)]
    >>> core, held
    ({'textile'}, {'textile'})
    """
    own = profile_of_words(sectors) if sectors is not None else node_profile(G, partnership)
    mem = [node_profile(G, m) for m in members]
    shares = group_profile(mem)
    weights = {k: min(1.0, 2.0 * v) for k, v in shares.items()}
    for k in group_profile([own]) if own else {}:
        weights[k] = 1.0
    core = set(own.ecosystems) | {k[2:] for k, v in shares.items() if k.startswith("e:") and v >= 0.5}
    held = set().union(*(p.ecosystems for p in mem)) if mem else set()
    return weights, core, held


def sector_part(G, cands, weights: dict, what: str = "the partnership", profiles=None) -> Part:
    """Sector fit of each candidate against the partnership's sector weights (``profiles``:
    the candidates' :func:`node_profile`, when already read).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P", sector_text="textile")
    >>> for o, c, s in [("a", "FR", "technical textiles"), ("b", "IT", "fashion"), ("c", "ES", "home textiles"),
    ...                 ("g", "DE", "textile machinery"), ("d", "PL", "digital")]:
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c, sector_text=s)
    >>> for o in "ab":
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> weights, _, _ = partnership_sectors(G, "p", ["a", "b"])
    >>> part = sector_part(G, ["c", "d"], weights)      # home textiles: the textile ecosystem
    >>> part.x.tolist(), part.text
    ([0.6, 0.0], ['works in textile, like the partnership', None])
    """
    part = Part.empty(len(cands))
    if not weights:
        return part
    for i, nid in enumerate(cands):
        fit, why = sector_fit(profiles[i] if profiles else node_profile(G, nid), weights)
        if fit > 0:
            part.x[i] = fit
            part.text[i] = f"works in {why}, like {what}" if "," not in why else f"works in {why}"
            part.evidence[i] = [f"{nid}|ACTIVE_IN|{t}" for _, t, k in G.out_edges(nid, keys=True)
                                if k == "ACTIVE_IN"] or [nid]
    return part


def _programmes_of(G, node: str) -> set[str]:
    """Programmes funding ``node`` (a partnership) or the partnerships it is in."""
    out = {t for _, t, k in G.out_edges(node, keys=True) if k == "FUNDED_BY"}
    for _, p, k in G.out_edges(node, keys=True):
        if k in ("PARTNER_IN", "COORDINATES") and G.nodes[p].get("label") == "Partnership":
            out |= {t for _, t, k2 in G.out_edges(p, keys=True) if k2 == "FUNDED_BY"}
    return out


def programme_idf(G, programme: str, n_partnerships: int) -> float:
    """How much sharing ``programme`` says, 0..1: log(N / n) / log(N) for a programme that
    funds n of the N partnerships (1 for one that funds a single partnership).

    SMP funds two of four partnerships, H2020 one:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("smp", label="Programme", name="SMP"); G.add_node("h", label="Programme", name="H2020")
    >>> for p in "pqrs":
    ...     G.add_node(p, label="Partnership", name=p.upper())
    >>> for p in "pq":
    ...     _ = G.add_edge(p, "smp", key="FUNDED_BY")
    >>> _ = G.add_edge("s", "h", key="FUNDED_BY")
    >>> programme_idf(G, "smp", 4), programme_idf(G, "h", 4)
    (0.5, 1.0)
    >>> programme_idf(G, "smp", 2)                    # funds them all: says nothing
    0.0
    """
    n = sum(1 for s, _, k in G.in_edges(programme, keys=True) if k == "FUNDED_BY"
            and G.nodes[s].get("label") == "Partnership")
    if n_partnerships <= 1 or n <= 0:
        return 0.0
    return max(0.0, math.log(n_partnerships / n) / math.log(n_partnerships))


def programme_part(G, partnership: str, cands, n_partnerships: int, programmes_of=None) -> Part:
    """Co-funding by the partnership's programmes, weighed by how rare each programme is
    (``programmes_of``: a faster way to a candidate's programmes, e.g. from the link index).

    P and Q are SMP-funded; candidate C is in Q, D only in H2020-funded S:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("smp", label="Programme", name="SMP"); G.add_node("h", label="Programme", name="H2020")
    >>> for p in "pqrs":
    ...     G.add_node(p, label="Partnership", name=p.upper())
    >>> for p in "pq":
    ...     _ = G.add_edge(p, "smp", key="FUNDED_BY")
    >>> _ = G.add_edge("s", "h", key="FUNDED_BY")
    >>> for o, p in [("c", "q"), ("d", "s")]:
    ...     G.add_node(o, label="Cluster", name=o.upper())
    ...     _ = G.add_edge(o, p, key="PARTNER_IN")
    >>> part = programme_part(G, "p", ["c", "d"], 4)
    >>> part.x.tolist(), part.evidence
    ([0.5, 0.0], [['smp'], []])
    >>> part.text[0]
    'in partnerships funded by SMP, like the partnership (weak: SMP funds 2 of 4 partnerships)'
    """
    part = Part.empty(len(cands))
    mine = _programmes_of(G, partnership)
    idf = {p: programme_idf(G, p, n_partnerships) for p in mine}
    programmes_of = programmes_of or (lambda nid: _programmes_of(G, nid))
    for i, nid in enumerate(cands):
        shared = sorted(programmes_of(nid) & mine, key=lambda p: (-idf[p], p)) if mine else []
        if shared and idf[shared[0]] > 0:
            p = shared[0]
            part.x[i] = idf[p]
            n = round(math.exp((1 - idf[p]) * math.log(n_partnerships)))
            part.text[i] = (f"in partnerships funded by {node_name(G, p)}, like the partnership "
                            f"(weak: {node_name(G, p)} funds {n} of {n_partnerships} partnerships)")
            part.evidence[i] = [p]
    return part


def gaps_part(G, cands, member_countries: set, core: set, held: set, profiles=None, targets=frozenset(),
              fit=None) -> Part:
    """What each candidate adds that the partnership can use (:mod:`~clusternet.graph.analytics.gapvalue`):
    an ecosystem on the value chain of its core ecosystems that no member covers, and a
    country no member is in, worth more as a target market or next to one or to a member,
    and little to a candidate of an unrelated sector (``fit``: the candidates' sector fit;
    ``None`` when the partnership has no sector to judge by, so a new country counts fully;
    a candidate without sector wording counts as half relevant).

    Members in France and Italy, all in textile, targeting Morocco:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for o, c, s in [("c", "ES", "home textiles"), ("g", "DE", "textile machinery"), ("b", "IT", "fashion"),
    ...                 ("d", "PL", "digital"), ("m", "MA", "textile"), ("u", "MA", None)]:
    ...     G.add_node(o, label="Cluster", name=o.upper(), country=c, sector_text=s)
    >>> part = gaps_part(G, ["c", "g", "b", "d", "m", "u"], {"FR", "IT"}, {"textile"}, {"textile"}, targets={"MA"},
    ...                  fit=[0.6, 0.6, 1.0, 0.0, 0.6, 0.0])
    >>> part.x.tolist()          # u: a Moroccan cluster whose sector is unknown
    [0.168, 0.76, 0.0, 0.02, 0.28, 0.25]
    >>> part.text[1]
    'adds energy-intensive industries, a link on the textile value chain no member covers; adds Germany, next to member country France (no member there yet)'
    """
    part = Part.empty(len(cands))
    chain = value_chain()
    for i, nid in enumerate(cands):
        prof = profiles[i] if profiles else node_profile(G, nid)
        link, links = link_gap(prof.ecosystems, core, held, chain)
        value, kind, near = country_gap(G.nodes[nid].get("country"), member_countries, targets, neighbours)
        known = fit is not None and bool(prof)          # no sector wording: neither relevant nor unrelated
        part.x[i] = gap_value(link, value, max(link, float(fit[i]) if known else 1.0 if fit is None else 0.5))
        if part.x[i] > 0:
            part.text[i] = gap_words(kind, country_label(G, G.nodes[nid].get("country")),
                                     country_label(G, near) if near else "",
                                     [(ecosystem_name(e), ecosystem_name(c)) for e, c in links])
            part.evidence[i] = [nid]
    return part


def direct_ties(G, partnership: str) -> dict[str, list[tuple[str, float, str]]]:
    """Ties of the partnership itself (not its members) to organisations: agreements it
    signed with them, events it took part in with them, visits it paid them.
    Returns org -> [(sentence, strength, relationship key)].

    P met D at an event and visited G:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P"); G.add_node("q", label="Partnership", name="Q")
    >>> G.add_node("ev", label="Event", name="Expo")
    >>> for o in "abcdg":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for u, v, k in [("a", "p", "PARTNER_IN"), ("b", "p", "PARTNER_IN"), ("a", "q", "PARTNER_IN"),
    ...                 ("c", "q", "PARTNER_IN"), ("p", "ev", "PARTICIPATED_IN"), ("d", "ev", "PARTICIPATED_IN"),
    ...                 ("p", "g", "VISITED")]:
    ...     _ = G.add_edge(u, v, key=k)
    >>> for org, ties in sorted(direct_ties(G, "p").items()):
    ...     print(org, ties)
    d [('met the partnership at Expo', 0.7, 'd|PARTICIPATED_IN|ev')]
    g [('visited by P', 1.5, 'p|VISITED|g')]
    """
    out: dict[str, list] = {}
    for _, t, k in G.out_edges(partnership, keys=True):
        if k == "VISITED":
            out.setdefault(t, []).append((f"visited by {node_name(G, partnership)}", STRONG_TIE["visit"],
                                          f"{partnership}|VISITED|{t}"))
        elif k in ("PARTY_TO", "PARTICIPATED_IN", "COORDINATES"):
            lab = G.nodes[t].get("label")
            if lab not in ("Agreement", "Event"):
                continue
            verb = "signed" if lab == "Agreement" else "met the partnership at"
            for o, _, k2 in G.in_edges(t, keys=True):
                if k2 in ("PARTY_TO", "PARTICIPATED_IN", "COORDINATES") and o != partnership:
                    out.setdefault(o, []).append((f"{verb} {node_name(G, t)}", STRONG_TIE[lab], f"{o}|{k2}|{t}"))
    return out


def group_weights(G, idx) -> np.ndarray:
    """Strength of one shared group by its kind (agreement, partnership, event, direct link).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P"); G.add_node("q", label="Partnership", name="Q")
    >>> G.add_node("ev", label="Event", name="Expo")
    >>> for o in "abcdg":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for u, v, k in [("a", "p", "PARTNER_IN"), ("b", "p", "PARTNER_IN"), ("a", "q", "PARTNER_IN"),
    ...                 ("c", "q", "PARTNER_IN"), ("p", "ev", "PARTICIPATED_IN"), ("d", "ev", "PARTICIPATED_IN"),
    ...                 ("p", "g", "VISITED")]:
    ...     _ = G.add_edge(u, v, key=k)
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> idx = index_from_graph(G)
    >>> idx.group_ids, group_weights(G, idx).tolist()
    (['ev', 'p', 'q'], [0.7, 1.0, 1.0])
    """
    return np.array([STRONG_TIE["link"] if "|" in g else STRONG_TIE.get(G.nodes[g].get("label") if g in G else "",
                                                                          STRONG_TIE["Event"])
                     for g in idx.group_ids])


def network_part(G, idx, cands: np.ndarray, M: np.ndarray, base: np.ndarray, reach: np.ndarray,
                 ties: dict, gw: np.ndarray | None = None) -> tuple[Part, np.ndarray]:
    """Network evidence, 0..1: half strong ties (1 - exp(-s/2), s the summed strength of the
    groups shared with members, a quarter per shared partner up to eight, and the
    partnership's own agreements, events and visits), half the learned model's rank of the
    candidate among the linked ones (1 for the best). 0 for a candidate nothing links.
    Returns the part (sentences for the partnership's own ties) and the reach mask.

    Members A and B of P; C shares Q with A, P met D at an event and visited G. The model
    scores (``base``) rank C first, then D, then G:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership", name="P"); G.add_node("q", label="Partnership", name="Q")
    >>> G.add_node("ev", label="Event", name="Expo")
    >>> for o in "abcdg":
    ...     G.add_node(o, label="Cluster", name=o.upper())
    >>> for u, v, k in [("a", "p", "PARTNER_IN"), ("b", "p", "PARTNER_IN"), ("a", "q", "PARTNER_IN"),
    ...                 ("c", "q", "PARTNER_IN"), ("p", "ev", "PARTICIPATED_IN"), ("d", "ev", "PARTICIPATED_IN"),
    ...                 ("p", "g", "VISITED")]:
    ...     _ = G.add_edge(u, v, key=k)
    >>> from clusternet.graph.analytics.linkpred import index_from_graph
    >>> idx = index_from_graph(G)
    >>> cands, M = np.array([idx.pos[o] for o in "cdg"]), np.array([idx.pos["a"], idx.pos["b"]])
    >>> part, reach = network_part(G, idx, cands, M, np.array([0.3, 0.2, 0.1]), np.zeros(3, dtype=bool),
    ...                            direct_ties(G, "p"))
    >>> part.x.round(3).tolist(), reach.tolist()
    ([0.732, 0.481, 0.43], [True, True, True])
    >>> part.text
    [None, 'met the partnership at Expo', 'visited by P']
    """
    n = len(cands)
    part = Part.empty(n)
    ids = [idx.ids[v] for v in cands]
    s = np.zeros(n)
    if len(M):
        gw = group_weights(G, idx) if gw is None else gw
        S = idx.B[cands] @ idx.B[M].multiply(gw[None, :]).T.tocsc()
        s += np.asarray(S.sum(axis=1)).ravel()
        cn = np.asarray((idx.A[cands] @ idx.A[M].T).sum(axis=1)).ravel()
        s += 0.25 * np.minimum(cn, 8)
    for i, nid in enumerate(ids):
        for text, w, key in ties.get(nid, []):
            s[i] += w
            part.text[i] = text if part.text[i] is None else f"{part.text[i]}; {text}"
            part.evidence[i].append(key)
    reach = reach | (s > 0)
    rank = np.zeros(n)
    if reach.any():
        r = base[reach]
        rank[reach] = (np.argsort(np.argsort(r, kind="stable"), kind="stable") + 1) / len(r)
    part.x = np.where(reach, 0.5 * (1 - np.exp(-s / 2)) + 0.5 * rank, 0.0)
    return part, reach
