"""Reference data every store starts with: countries (with groupings) and the 14 EU
industrial ecosystems as Sector nodes. Loaded by ``clusternet init``.

>>> nodes, rels = reference_records()
>>> sorted(n.id for n in nodes if n.id in ("country:MA", "country:FR", "sector:textile"))
['country:FR', 'country:MA', 'sector:textile']
>>> len([n for n in nodes if n.label == "Sector"])
14
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from clusternet.graph.ids import make_id
from clusternet.graph.model import Node, Rel
from clusternet.graph.schema import LABEL

__all__ = ["ecosystems", "sector_id", "reference_records"]

_DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def ecosystems() -> tuple[str, ...]:
    """The 14 EU industrial ecosystems, in their official order."""
    with open(_DATA / "ecosystems.yaml", encoding="utf-8") as fh:
        return tuple(yaml.safe_load(fh)["ecosystems"])


def sector_id(ecosystem: str) -> str:
    """The id of an ecosystem's Sector node.

    >>> sector_id("Mobility–transport–automotive")
    'sector:mobility-transport-automotive'
    """
    return make_id(LABEL.Sector, ecosystem)


def reference_records() -> tuple[list[Node], list[Rel]]:
    """Country nodes (ISO 3166, with groups) and the ecosystem Sector nodes."""
    from clusternet.graph.reference.countries import country_records

    nodes = list(country_records())
    nodes += [Node(sector_id(e), (LABEL.Sector,), {"name": e, "ecosystem": e}) for e in ecosystems()]
    return nodes, []
