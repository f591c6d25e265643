"""Strategy scenarios: small hand-made graphs with an analyst's graded answer per objective.

A scenario file (YAML, ``tests/data/scenarios``) describes a partnership, the organisations
around it and, for each objective, how relevant each candidate is to a strategy analyst
(3 ideal, 2 good, 1 acceptable, unlisted 0). :func:`load_scenario` builds the product graph
through the store's own :func:`~clusternet.graph.store.base.snapshot_from_records`;
:func:`ndcg_at_k` scores a ranked list against the grades.

>>> round(ndcg_at_k(["a", "b", "c"], {"a": 3, "c": 1}), 4)
0.9828
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from clusternet.graph.reference.countries import country_records
from clusternet.graph.errors import InputError
from clusternet.graph.model import Node, Rel
from clusternet.graph.store.base import snapshot_from_records

__all__ = ["Scenario", "load_scenario", "ndcg_at_k"]

_NOISE_SECTORS = ["Digital", "Health", "Textile", "Construction", "Tourism", "Electronics", "Retail",
                  "Aerospace", "Renewable energy", "Agri-food"]
_NOISE_COUNTRIES = ["DE", "PL", "CZ", "AT", "HU", "RO", "SK", "SI", "LT", "LV", "EE", "FI", "IE", "LU", "BG"]


@dataclass
class Scenario:
    """A scenario: its name, the question in words, the graph, the partnership and the grades."""

    name: str
    about: str
    G: object
    partnership: str
    relevance: dict


def _org_nodes(orgs: dict) -> list[Node]:
    """Organisation nodes from ``id: [label, country, sector wording]``; names from the ids."""
    out = []
    for oid, (label, country, sector) in orgs.items():
        props = {"name": str(oid).replace("_", " ").title(), "sector_text": sector}
        if country:
            props["country"] = country
        out.append(Node(oid, (label,), props))
    return out


def _noise(n: int, programme: str | None, sectors=None) -> tuple[list[Node], list[Rel]]:
    """``n`` unrelated clusters in ``n // 4`` partnerships of four (deterministic)."""
    nodes, rels = [], []
    sectors = sectors or _NOISE_SECTORS
    for i in range(n):
        nodes.append(Node(f"noise{i}", ("Cluster",), {"name": f"Background Cluster {i}",
                                                      "country": _NOISE_COUNTRIES[i % len(_NOISE_COUNTRIES)],
                                                      "sector_text": sectors[i % len(sectors)]}))
    for j in range(n // 4):
        pid = f"noisep{j}"
        nodes.append(Node(pid, ("Partnership",), {"name": f"Background Partnership {j}"}))
        rels += [Rel(f"noise{4 * j + m}", "PARTNER_IN", pid) for m in range(4)]
        if programme and j % 2 == 0:
            rels.append(Rel(pid, "FUNDED_BY", programme))
    return nodes, rels


def _partnership_records(pid: str, spec: dict) -> tuple[list[Node], list[Rel]]:
    """A partnership node with its members, target countries and programme."""
    nodes = [Node(pid, ("Partnership",), {"name": pid.upper(), "sector_text": "; ".join(spec.get("sectors") or [])
                                          or None})]
    rels = [Rel(m, "PARTNER_IN", pid) for m in spec.get("members") or []]
    rels += [Rel(pid, "TARGETS", f"country:{c}") for c in spec.get("targets") or []]
    if spec.get("programme"):
        rels.append(Rel(pid, "FUNDED_BY", spec["programme"]))
    return nodes, rels


def load_scenario(path: str | Path) -> Scenario:
    """Build the graph and read the grades of one scenario file."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    nodes = list(country_records()) + _org_nodes(raw.get("orgs") or {})
    rels: list[Rel] = []
    for prog in {p.get("programme") for p in raw["partnerships"].values()} - {None}:
        nodes.append(Node(prog, ("Programme",), {"name": prog.upper()}))
    for pid, spec in raw["partnerships"].items():
        n, r = _partnership_records(pid, spec)
        nodes += n
        rels += r
    for label, rel, key in (("Event", "PARTICIPATED_IN", "events"), ("Agreement", "PARTY_TO", "agreements")):
        for gid, who in (raw.get(key) or {}).items():
            nodes.append(Node(gid, (label,), {"name": gid.replace("_", " ").title()}))
            rels += [Rel(w, rel, gid) for w in who]
    rels += [Rel(a, "VISITED", b) for a, b in raw.get("visits") or []]
    if raw.get("noise"):
        n, r = _noise(int(raw["noise"]), raw.get("noise_programme"), raw.get("noise_sectors"))
        nodes += n
        rels += r
    bad = sorted(({r.source for r in rels} | {r.target for r in rels}) - {n.id for n in nodes})
    if bad:
        raise InputError(str(path), f"relationships name unknown nodes: {', '.join(bad[:5])}")
    return Scenario(Path(path).stem, raw.get("about", ""), snapshot_from_records(nodes, rels), raw["partnership"],
                    raw["relevance"])


def ndcg_at_k(ranked, grades: dict, k: int = 10) -> float:
    """Normalised discounted cumulative gain of the first ``k`` of ``ranked`` (gain 2^g - 1)."""
    dcg = sum((2 ** grades.get(x, 0) - 1) / math.log2(i + 2) for i, x in enumerate(list(ranked)[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 1.0
