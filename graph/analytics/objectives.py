"""What a partnership wants from its next members: the objectives suggestions follow.

A strategy team chooses one objective; the suggestion score weighs five pieces of evidence,
each between 0 and 1 (:mod:`clusternet.graph.analytics.evidence` measures them):

``market``
    1 for an actor in one of the partnership's TARGETS countries, 0.5 next door to one
    (``graph/data/neighbours.yaml``), else 0.
``sector``
    Sector fit through the sector hierarchy (:mod:`clusternet.graph.analytics.sectorfit`): 1 for the
    same theme ("ports" and "blue growth"), 0.6 for the same EU ecosystem, less for a
    neighbouring one.
``network``
    Links to the members: signed agreements, shared partnerships and events, shared
    partners and visits (strong evidence), and the learned CORDIS model's ranking of the
    candidate among the list. 0 when nothing links the candidate to the partnership.
``gaps``
    What the candidate adds that the partnership can use
    (:mod:`clusternet.graph.analytics.gapvalue`): an ecosystem on the value chain of its own
    that no member covers, and a country no member is in, worth most as a target market or
    next to one or to a member, and little to a candidate of an unrelated sector.
``programme``
    Co-funding by the same programme, weighed by how rare that is: a programme that funds
    most partnerships says little (inverse document frequency).

The objectives (weights in ``graph/data/objectives.yaml``):

``balanced`` (default)
    For a partnership with targets, an actor in a target market with sector fit outranks
    one that only shares a funding programme.
``markets``
    Actors in the target countries and their neighbours first.
``core``
    Sector fit and closeness to several members: strengthen what the partnership is.
``gaps``
    Countries, sectors and value-chain links the partnership lacks.

The score is ``100 x sum(weight x evidence)``: 0 to 100, where 100 means every piece the
objective asks for is fully there, and one point is one hundredth of what it asks for.

>>> objective("markets").weights["market"]
0.55
>>> round(sum(weights_for(objective("core"), has_targets=False).values()), 6)
1.0
>>> try:
...     objective("nearby")
... except InputError as e:
...     print(e)
objective: unknown objective 'nearby'; use balanced, markets, core or gaps
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from clusternet.graph.errors import InputError
from clusternet.graph.ids import fold
from clusternet.graph.schema import load_schema

__all__ = ["OBJECTIVES", "PARTS", "Objective", "objective", "weights_for", "score_100", "CLUSTER_LABEL",
           "member_labels", "is_cluster_like", "kind_of"]

OBJECTIVES = ("balanced", "markets", "core", "gaps")
PARTS = ("market", "sector", "network", "gaps", "programme")
CLUSTER_LABEL = "Cluster"          # checked against the schema on first use
_DATA = Path(__file__).resolve().parents[1] / "data" / "objectives.yaml"


@dataclass(frozen=True)
class Objective:
    """An objective: its name, one line saying what it wants, and the weight of each part."""

    name: str
    summary: str
    weights: dict


@lru_cache(maxsize=1)
def _raw() -> dict:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


def objective(name: str | None) -> Objective:
    """The :class:`Objective` called ``name`` (``None`` gives ``balanced``).

    >>> objective(None).name, objective(" Markets ").name
    ('balanced', 'markets')
    >>> round(sum(objective("gaps").weights.values()), 6)
    1.0
    """
    key = (name or "balanced").strip().casefold()
    spec = _raw()["objectives"].get(key)
    if spec is None:
        raise InputError("objective", f"unknown objective {name!r}; use {', '.join(OBJECTIVES[:-1])} or "
                                      f"{OBJECTIVES[-1]}")
    return Objective(key, spec["summary"], {p: float(spec["weights"].get(p, 0.0)) for p in PARTS})


def weights_for(obj: Objective, has_targets: bool) -> dict[str, float]:
    """The objective's weights; without target countries the market weight is shared out
    over the other parts in proportion to theirs, so the weights still add up to 1.

    >>> weights_for(objective("balanced"), has_targets=False)["market"]
    0.0
    """
    w = dict(obj.weights)
    if not has_targets and w["market"] > 0:
        rest = sum(v for p, v in w.items() if p != "market")
        w = {p: (0.0 if p == "market" else v * (1.0 + w["market"] / rest)) for p, v in w.items()}
    return w


def score_100(parts: dict[str, np.ndarray], w: dict[str, float]) -> np.ndarray:
    """0-100 match strength of each candidate from its parts (each 0..1).

    >>> score_100({"market": np.array([1.0, 0.0]), "sector": np.array([0.5, 1.0])},
    ...           {"market": 0.5, "sector": 0.5}).tolist()
    [75.0, 50.0]
    """
    n = len(next(iter(parts.values())))
    total = np.zeros(n)
    for p, x in parts.items():
        total += w.get(p, 0.0) * np.clip(x, 0.0, 1.0)
    return np.round(100.0 * total, 1)


@lru_cache(maxsize=1)
def member_labels() -> frozenset:
    """Labels that can be partners of a partnership (asked of the schema).

    >>> sorted(member_labels())
    ['Cluster', 'Organisation', 'SME']
    """
    s = load_schema()
    s.node(CLUSTER_LABEL)
    return frozenset(s.rel("PARTNER_IN").sources)


@lru_cache(maxsize=1)
def _cluster_words() -> re.Pattern:
    raw = _raw()["cluster_like"]
    words = sorted({re.escape(w.casefold()) for w in raw} | {re.escape(fold(w)) for w in raw}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


def is_cluster_like(attrs: dict) -> bool:
    """A Cluster, or an organisation whose type or name says it is one (a cluster
    network, a competitiveness pole, an industry association, an innovation hub).

    >>> is_cluster_like({"label": "Organisation", "name": "Atlantic Ports Network"})
    True
    >>> is_cluster_like({"label": "Organisation", "name": "McGill Medical Devices Centre"})
    False
    """
    if attrs.get("label") == CLUSTER_LABEL:
        return True
    text = f"{attrs.get('org_type') or ''} {attrs.get('name') or ''}".casefold()   # words listed with and without accents
    return bool(_cluster_words().search(text))


def kind_of(attrs: dict) -> str:
    """``"cluster-like"`` or the organisation's type (else its label), for filters and reasons.

    >>> kind_of({"label": "Organisation", "org_type": "university", "name": "Lyon Technical University"})
    'university'
    """
    if is_cluster_like(attrs):
        return "cluster-like"
    return str(attrs.get("org_type") or attrs.get("label") or "organisation").casefold()
