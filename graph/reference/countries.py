"""Country reference data: one Country node per ISO 3166 country (plus Kosovo), with groups.

The groupings users filter by (EU27, EEA/EFTA, EU candidate, South-Med, Third country)
are data in ``graph/data/countries.yaml``; names and codes come from ISO 3166
(``pycountry``).

>>> country_name("TN")
'Tunisia'
>>> country_name("xk")
'Kosovo'
>>> groups_of("MA")
['South-Med', 'Third country']
>>> groups_of("FR")
['EU27']
>>> recs = {n.id: n for n in country_records()}
>>> recs["country:PS"].props["name"], recs["country:PS"].props["iso3"]
('Palestine', 'PSE')
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

from clusternet.graph.errors import NotFound
from clusternet.graph.ids import country_id
from clusternet.graph.model import Node

__all__ = ["country_records", "country_name", "groups_of", "country_codes", "iso3_of",
           "GROUPS", "DATA_PATH"]

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "countries.yaml"
GROUPS = ("EU27", "EEA/EFTA", "EU candidate", "South-Med", "Third country")


@lru_cache(maxsize=1)
def _data() -> dict:
    with open(DATA_PATH, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    for group in raw["groups"]:
        if group not in GROUPS:
            raise ValueError(f"{DATA_PATH}: unknown group {group!r}")
    return raw


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """iso2 -> (display name, iso3) for every known country, sorted by code."""
    names = _data().get("names", {})
    out: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        display = names.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        out[c.alpha_2] = (display, c.alpha_3)
    for code, spec in (_data().get("extra") or {}).items():
        out[code] = (spec["name"], spec["iso3"])
    return dict(sorted(out.items()))


def country_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code clusternet knows (ISO plus XK), sorted.

    >>> len(country_codes()) >= 250 and "XK" in country_codes()
    True
    """
    return list(_table())


def country_name(iso2: str) -> str:
    """The display name of a country code; :class:`NotFound` for an unknown code."""
    try:
        return _table()[str(iso2).strip().upper()][0]
    except KeyError:
        raise NotFound(f"unknown country code {iso2!r} (expected ISO 3166-1 alpha-2)") from None


def iso3_of(iso2: str) -> str:
    """The alpha-3 code of an alpha-2 code.

    >>> iso3_of("GR")
    'GRC'
    """
    try:
        return _table()[str(iso2).strip().upper()][1]
    except KeyError:
        raise NotFound(f"unknown country code {iso2!r} (expected ISO 3166-1 alpha-2)") from None


def groups_of(iso2: str) -> list[str]:
    """The groups a country belongs to, in the order of :data:`GROUPS`."""
    code = str(iso2).strip().upper()
    if code not in _table():
        raise NotFound(f"unknown country code {iso2!r}")
    groups = _data()["groups"]
    out = [g for g in GROUPS[:-1] if code in groups.get(g, [])]
    if code not in groups["EU27"]:
        out.append("Third country")
    return out


def country_records() -> list[Node]:
    """One Country node per known country, sorted by id (what ``clusternet init`` loads)."""
    out = []
    for code, (name, iso3) in _table().items():
        out.append(Node(country_id(code), ("Country",),
                        {"name": name, "iso2": code, "iso3": iso3, "country": code,
                         "groups": groups_of(code)}))
    return out
