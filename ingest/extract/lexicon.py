"""Domain knowledge loaded from ``ingest/data/extract/*.yaml`` and the place lookups on it.

>>> lex = load_lexicon()
>>> lex.label_of_head("pôle"), lex.city("Huddersfield"), lex.region("Catalunya")[0]
('Cluster', ('GB', 'Yorkshire'), 'Catalonia')
>>> place_country("Tunisian"), place_country("(BG)"), place_country("Catalan")
('TN', 'BG', 'ES')
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from clusternet.graph.ids import fold as _fold

fold = lru_cache(maxsize=300_000)(_fold)  # names repeat a lot: fold each once

__all__ = ["Lexicon", "load_lexicon", "country_code", "country_name", "named_place", "place_country", "heading_country", "number_value",
           "fold", "programme_patterns", "is_programme_name"]


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("clusternet.ingest").joinpath(f"data/extract/{name}").read_text("utf-8"))


try:  # the shared normaliser (multilingual names, demonyms, UK->GB, EL->GR)
    from clusternet.ingest.resolve.normalise import country_code as _shared_code, country_name as _shared_name
except ImportError:  # pragma: no cover - only before ingest/normalise.py existed
    _shared_code = _shared_name = None


def accents_clash(written: str, known: str) -> bool:
    """Whether a word the text writes with accents is another word than the place it folds to: both
    spellings carry accents, in other places ("Reunión", Spanish for meeting, is not "Réunion").

    >>> accents_clash("Reunión", "Réunion"), accents_clash("Reunion", "Réunion"), accents_clash("RÉUNION", "Réunion")
    (True, False, False)
    """
    def accented(t: str) -> bool:
        return any(ord(c) > 127 and c.isalpha() for c in t)
    return accented(written) and accented(known) and fold(written) == fold(known) and written.lower() != known.lower()


@lru_cache(maxsize=20000)
def country_code(text: str) -> str | None:
    """ISO alpha-2 of a country name, code or adjective; two-letter input must be upper case."""
    t = text.strip().strip("()").strip()
    if not t or (len(t) <= 3 and not t.isupper()):
        return None
    if _shared_code is not None:
        code = _shared_code(t)
        return None if code and accents_clash(t, country_name(code)) else code
    import pycountry  # pragma: no cover

    try:
        return pycountry.countries.lookup(t).alpha_2
    except LookupError:
        return None


def country_name(iso2: str) -> str:
    if _shared_name is not None:
        return _shared_name(iso2)
    import pycountry  # pragma: no cover

    c = pycountry.countries.get(alpha_2=iso2)
    return getattr(c, "common_name", None) or (c.name if c else iso2)


@dataclass
class Lexicon:
    raw: dict
    heads: dict[str, str]            # folded head word -> label
    regions: dict[str, tuple[str, str]]  # folded name/alias -> (canonical, country)
    region_demonyms: dict[str, str]  # folded adjective -> canonical region
    cities: dict[str, tuple[str | None, str | None]]
    macro: frozenset[str]
    sectors: tuple[str, ...]

    def __getitem__(self, key):
        return self.raw[key]

    def words(self, key: str) -> frozenset[str]:
        cache = self.__dict__.setdefault("_words", {})
        if key not in cache:
            cache[key] = frozenset(fold(str(w)) for w in self.raw[key])
        return cache[key]

    def label_of_head(self, word: str) -> str | None:
        f = fold(word)
        lab = self.heads.get(f)
        if lab is None and len(f) > 8 and f.endswith("cluster") and f.isalpha():
            return "Cluster"        # a compound: "Holzcluster", "BatteryCluster"
        return lab

    def head_labels(self, word: str) -> frozenset[str]:
        """Every label whose head nouns list ``word`` ("alliance": an organisation or a partnership).

        >>> sorted(load_lexicon().head_labels("Alliance"))
        ['Organisation', 'Partnership']
        """
        return self._labels_by_head.get(fold(word), frozenset())

    @cached_property
    def _labels_by_head(self) -> dict[str, frozenset[str]]:
        """Folded head noun -> every label that lists it."""
        out: dict[str, set[str]] = {}
        for label, ws in self.raw["heads"].items():
            for w in ws:
                out.setdefault(fold(str(w)), set()).add(label)
        return {w: frozenset(labels) for w, labels in out.items()}

    def demonym_region(self, word: str) -> tuple[str, str] | None:
        """(region, country) a regional adjective names ("Catalan": Catalonia, ES), or None.

        >>> load_lexicon().demonym_region("Catalan")
        ('Catalonia', 'ES')
        """
        region = self.region_demonyms.get(fold(word))
        return (region, self.regions[fold(region)][1]) if region else None

    def region(self, name: str) -> tuple[str, str] | None:
        if name[:1].islower():
            return None     # "para" is a preposition, not Pará
        found = self.regions.get(fold(name))
        return None if found and accents_clash(name, found[0]) else found

    def city(self, name: str) -> tuple[str | None, str | None] | None:
        return self.cities.get(fold(name))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = _data("lexicon.yaml")
    places = _data("places.yaml")
    heads: dict[str, str] = {}
    for label in reversed(raw["label_priority"]):
        for w in raw["heads"][label]:
            heads[fold(w)] = label
    regions, dem = {}, {}
    for name, spec in places["regions"].items():
        for n in [name, *(spec.get("aliases") or [])]:
            regions[fold(n)] = (name, spec["country"])
        for d in spec.get("demonyms") or []:
            dem[fold(d)] = name
    cities = {fold(k): (v[0], v[1]) for k, v in places["cities"].items()}
    _add_world(_data("places_world.yaml"), regions, cities)
    sectors = tuple(sorted({fold(s) for s in _data("sectors.yaml")["sectors"]}, key=len, reverse=True))
    return Lexicon(raw, heads, regions, dem, cities, frozenset(fold(m) for m in places["macro_regions"]), sectors)


@lru_cache(maxsize=1)
def programme_patterns() -> tuple[str, ...]:
    """The EU programmes as regular expressions (``programmes.yaml``: a general reference).

    >>> import re; any(re.fullmatch(p, "Horizon Europe") for p in programme_patterns())
    True
    """
    return tuple(_data("programmes.yaml")["programmes"])


@lru_cache(maxsize=1)
def _programme_rx() -> re.Pattern:
    """Every programme pattern as one alternation, matched against a whole name."""
    return re.compile("|".join(f"(?:{p})" for p in programme_patterns()))


@lru_cache(maxsize=20_000)
def is_programme_name(name: str) -> bool:
    """Whether a whole name is one of the EU programmes ("Interreg", "Horizon Europe").

    >>> is_programme_name("Interreg"), is_programme_name("Interreg Baltic Sea Region"), is_programme_name("WOODLINK")
    (True, True, False)
    """
    return _programme_rx().fullmatch(name) is not None


def programme_named_in(text: str) -> str:
    """The one EU programme a text names, else "" (none, or two that could be meant).

    >>> programme_named_in("funded by the European Union's Horizon Europe programme"), programme_named_in("Interreg or COSME")
    ('Horizon Europe', '')
    """
    runs = {r.group(0) for r in re.finditer(r"(?:[A-Z][\w+-]*\s+)*[A-Z][\w+-]*", text)}
    names = {n for r in runs for n in (r, r.split(" ", 1)[-1]) if is_programme_name(n)}
    return next(iter(names)) if len(names) == 1 else ""


def _add_world(world: dict, regions: dict, cities: dict) -> None:
    """Merge the reference regions and cities (by country code) without overriding places.yaml; a
    region is a name or a mapping of its name to its other names.

    >>> r, c = {}, {"osaka": ("JP", None)}; _add_world({"regions": {"CN": ["Hebei"]}, "cities": {"JP": ["Osaka"]}}, r, c)
    >>> r, c
    ({'hebei': ('Hebei', 'CN')}, {'osaka': ('JP', None)})
    >>> r = {}; _add_world({"regions": {"DE": [{"Bavaria": ["Bayern"]}]}}, r, {}); r["bayern"]
    ('Bavaria', 'DE')
    """
    for cc, names in [*(world.get("regions") or {}).items(), *(world.get("region_forms") or {}).items()]:
        for entry in names:
            for n, others in (entry.items() if isinstance(entry, dict) else [(entry, ())]):
                for form in [n, *(others or ())]:
                    regions.setdefault(fold(form), (n, cc))
    for cc, names in [*(world.get("cities") or {}).items(), *(world.get("city_exonyms") or {}).items()]:
        for n in names:
            if fold(n) not in regions:
                cities.setdefault(fold(n), (cc, None))


_ISO_PAREN = re.compile(r"^\(?([A-Z]{2})\)?$")


@lru_cache(maxsize=20000)
def heading_country(text: str) -> str | None:
    """The country a heading line names, alone or before a dash or colon that goes on about its
    bodies ("## Estonia", "**Latvia:**", "### Spain – Cluster X and members"), else None.

    >>> heading_country("## Estonia"), heading_country("### Spain – Alpha Cluster and members"), heading_country("Members")
    ('EE', 'ES', None)
    """
    head = text.strip(" \t#*:")
    return country_code(head) or country_code(re.split(r"\s+[–—-]\s+|:\s+", head, maxsplit=1)[0].strip(" *"))


def heading_region(text: str) -> tuple[str, str] | None:
    """(region, country) a heading line names and nothing else ("## Piedmont"), else None.

    >>> heading_region("## Catalonia"), heading_region("Members")
    (('Catalonia', 'ES'), None)
    """
    return load_lexicon().region(text.strip(" \t#*:"))


def number_value(text: str) -> int | None:
    """A count written in digits or as a number word of ``number_words`` (lexicon.yaml), else None.

    >>> number_value("12"), number_value("eleven"), number_value("many")
    (12, 11, None)
    """
    return int(text) if text.isdigit() else load_lexicon()["number_words"].get(fold(text))


@lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[str, str]]:
    """folded name -> (name, ISO code): ``towns.tsv``, GeoNames' towns of 10,000 people or more
    whose name points at one country (built by scripts/build_towns.py)."""
    text = resources.files("clusternet.ingest").joinpath("data/extract/towns.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {key: (name, cc) for key, name, cc in rows}


def town(name: str) -> tuple[str, str] | None:
    """(name, ISO code) of a town of the general reference, else None: read only where the text
    says a body is there ("X (Mrągowo)", "X from Narayanganj"), never to find places in prose.

    >>> town("Prešov"), town("Kinna"), town("Nowhere Town")
    (('Prešov', 'SK'), None, None)
    """
    return _towns().get(fold(name))


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """folded name -> ISO code of the country, for the ISO 3166-2 subdivision names one country has."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(fold(sub.name), set()).add(sub.country_code)
    return {name: next(iter(cc)) for name, cc in seen.items() if len(cc) == 1}


@lru_cache(maxsize=1)
def _subdivision_codes() -> frozenset:
    import pycountry

    return frozenset(sub.code for sub in pycountry.subdivisions)


def is_subdivision_code(country: str, code: str) -> bool:
    """Whether ``code`` is an ISO 3166-2 code of a state or province of ``country`` ("PR" of Brazil:
    Paraná), as pages write it after a town ("Curitiba (PR)").

    >>> is_subdivision_code("BR", "PR"), is_subdivision_code("GB", "US")
    (True, False)
    """
    return f"{country}-{code}" in _subdivision_codes()


def subdivision_country(name: str) -> str | None:
    """The country of an administrative area (ISO 3166-2) named ``name``, if one country has it:
    read only for a name the text gives with a head word ("Nakuru County", "province of Foggia").

    >>> subdivision_country("Nakuru"), subdivision_country("Bács-Kiskun"), subdivision_country("Nowhere")
    ('KE', 'HU', None)
    """
    return _subdivisions().get(fold(name))


def named_place(name: str) -> bool:
    """Whether ``name`` is a country (as :func:`country_code` reads one), a region or a city of the
    gazetteer.

    >>> named_place("Spain"), named_place("Aragon"), named_place("Nairobi"), named_place("Mission")
    (True, True, True, False)
    """
    lex = load_lexicon()
    return bool(country_code(name) or lex.region(name) or lex.city(name))


def place_country(text: str) -> str | None:
    """The country a place word points at: a country name, ISO code, demonym, region or city."""
    t = text.strip()
    m = _ISO_PAREN.match(t)
    if m:
        return country_code(m.group(1))
    t = t.strip("()")
    lex = load_lexicon()
    f = fold(t)
    if f in lex.macro:
        return None
    if f in lex.region_demonyms:
        return lex.regions[fold(lex.region_demonyms[f])][1]
    r = lex.region(t)
    if r:
        return r[1]
    c = lex.city(t)
    if c:
        return c[0]
    return country_code(t)
