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
from clusternet.graph.schema import LABEL

__all__ = ["country_records", "country_name", "country_label", "iso2_of", "groups_of", "country_codes", "iso3_of",
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


@lru_cache(maxsize=1)
def _alias_codes() -> dict[str, str]:
    """Every code that names a country -> its alpha-2: alpha-2, alpha-3, and the EU's own
    codes (``codes`` in the data file: UK, EL)."""
    out = {code: code for code in _table()}
    out.update({iso3: code for code, (_, iso3) in _table().items()})
    out.update({str(k).upper(): str(v).upper() for k, v in (_data().get("codes") or {}).items()})
    return out


def iso2_of(code: str) -> str | None:
    """The alpha-2 code of an alpha-2, alpha-3 or EU country code; None if unknown.

    >>> iso2_of("uk"), iso2_of("EL"), iso2_of("MAR"), iso2_of("XKX"), iso2_of("ZZ")
    ('GB', 'GR', 'MA', 'XK', None)
    """
    return _alias_codes().get(str(code).strip().upper())


def country_name(code: str) -> str:
    """The display name of a country code (alpha-2, alpha-3, UK, EL); :class:`NotFound`
    for an unknown code.

    >>> country_name("GB"), country_name("uk"), country_name("XK")
    ('United Kingdom', 'United Kingdom', 'Kosovo')
    """
    iso2 = iso2_of(code)
    if iso2 is None:
        raise NotFound(f"unknown country code {code!r} (expected ISO 3166-1 alpha-2)")
    return _table()[iso2][0]


def country_label(G, code: str | None) -> str:
    """How a country reads in an explanation or on a map: the name of its Country node in
    ``G`` (a snapshot), else its reference name, else the code as given.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("country:MA", name="Maroc")
    >>> country_label(G, "MA"), country_label(G, "TN"), country_label(G, "ZZ"), country_label(G, None)
    ('Maroc', 'Tunisia', 'ZZ', 'unknown country')
    """
    if not code:
        return "unknown country"
    name = (G.nodes.get(country_id(code)) or {}).get("name")
    if name and name != code:
        return str(name)
    iso2 = iso2_of(code)
    return _table()[iso2][0] if iso2 else str(code)


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
        out.append(Node(country_id(code), (LABEL.Country,),
                        {"name": name, "iso2": code, "iso3": iso3, "country": code,
                         "groups": groups_of(code)}))
    return out
