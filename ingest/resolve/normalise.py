"""Normalisation of the values sources write in many ways: countries, names, sectors, web.

Countries come from ISO 3166 (``pycountry``, with its French, Spanish, Italian, German,
Dutch and Portuguese translations) plus ``ingest/data/normalise/countries.yaml`` for
what ISO does not say (UK, EL, Kosovo, demonyms...). A country nobody knows gives
``None``: never a guess.

>>> country_code("Tunisie"), country_code("the Netherlands"), country_code("UK")
('TN', 'NL', 'GB')
>>> country_code("Moroccan"), country_code("marocaines"), country_code("Atlantis")
('MA', 'MA', None)
>>> country_name("PS")
'Palestine'
>>> demonym_country("Brazilian")
'BR'
"""
from __future__ import annotations

import gettext
import re
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

# country_name lives in graph.reference.countries, named here for the lexicon and older callers that import it here
from clusternet.graph.reference.countries import country_codes, country_name, iso2_of
from clusternet.graph.ids import fold

__all__ = ["country_code", "country_name", "demonym_country", "country_key", "DATA_DIR", "clean_name", "is_legal_form",
           "legal_forms", "legal_key", "split_legal_form", "name_key", "split_acronym", "is_acronym", "initials", "normalise_website",
           "normalise_email", "sector_ecosystems", "ecosystems", "LANGUAGES"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "normalise"
LANGUAGES = ("fr", "es", "it", "de", "nl", "pt")
_ARTICLES = ("the ", "la ", "le ", "l ", "el ", "los ", "las ", "les ", "die ", "der ", "il ", "lo ", "de ")
_PUNCT = re.compile(r"[.,;:'’`´()\[\]\"/_\-–—]+")
# (suffix, replacement) tried in order to reach the base form of an inflected adjective: plural and
# feminine in French/Spanish/Italian (Italian -co plurals: tedeschi, tedesche, austriaci), German endings, English plural.
_INFLECTIONS = (("s", ""), ("es", ""), ("e", ""), ("nes", ""), ("ne", ""), ("a", "o"), ("as", "o"), ("os", "o"), ("i", "o"),
                ("e", "o"), ("en", ""), ("er", ""), ("em", ""), ("a", ""), ("as", ""), ("i", "e"), ("ische", "isch"),
                ("chi", "co"), ("che", "co"), ("ci", "co"))


def country_key(text: str) -> str:
    """The folded form country names are compared in.

    >>> country_key("  The Netherlands ")
    'netherlands'
    >>> country_key("Côte d’Ivoire")
    'cote d ivoire'
    """
    key = fold(_PUNCT.sub(" ", fold(text)))
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            key = key[len(art):]
            break
    return key


def _load_yaml(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _derived(name: str) -> list[str]:
    """Other spellings an ISO name implies: 'Korea, Republic of' -> 'Republic of Korea'."""
    out = []
    if "(" in name:
        base = re.sub(r"\s*\(.*?\)", "", name).strip()
        inner = re.findall(r"\((.*?)\)", name)
        out += [base] + inner
    if ", " in name:
        head, tail = name.split(", ", 1)
        out += [f"{tail} {head}", head]
    return out


def _add(index: dict, tier: dict, key: str, code: str, level: int) -> None:
    """Index ``key`` -> ``code``; a key two countries claim at the same level is dropped."""
    if not key:
        return
    if key in tier and tier[key] < level:
        return
    if key in tier and tier[key] == level and index.get(key) not in (code,):
        index[key] = None  # ambiguous at this level: never guess
        return
    index[key] = code
    tier[key] = level


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str | None]:
    """folded name -> iso2 (None when ambiguous). Levels: 0 curated, 1 English, 2 translated, 3 derived."""
    data = _load_yaml("countries.yaml")
    index: dict[str, str | None] = {}
    tier: dict[str, int] = {}
    for code, names in (data.get("aliases") or {}).items():
        for n in names:
            _add(index, tier, country_key(n), code, 0)
    translations = []
    for lang in LANGUAGES:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # a pycountry build without this locale: English still works
            continue
    for c in pycountry.countries:
        english = [c.name] + [getattr(c, a) for a in ("common_name", "official_name") if hasattr(c, a)]
        for n in english:
            _add(index, tier, country_key(n), c.alpha_2, 1)
            for d in _derived(n):
                _add(index, tier, country_key(d), c.alpha_2, 3)
        for t in translations:
            for n in english:
                tr = t.gettext(n)
                if tr != n:
                    _add(index, tier, country_key(tr), c.alpha_2, 2)
                    for d in _derived(tr):
                        _add(index, tier, country_key(d), c.alpha_2, 3)
    for code in country_codes():
        _add(index, tier, country_key(country_name(code)), code, 1)
    return {k: c for k, c in index.items() if k not in set(map(country_key, data.get("not_country_names") or []))}


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, str | None]:
    index: dict[str, str | None] = {}
    tier: dict[str, int] = {}
    for code, words in (_load_yaml("countries.yaml").get("demonyms") or {}).items():
        for w in words:
            _add(index, tier, country_key(w), code, 0)
    return index


def demonym_country(word: str) -> str | None:
    """The country an adjective or demonym refers to (English, and common French,
    Spanish, Italian and German forms, inflected); ``None`` when unknown or ambiguous.

    >>> demonym_country("Tunisians"), demonym_country("tunecina"), demonym_country("deutschen")
    ('TN', 'TN', 'DE')
    >>> demonym_country("Congolese") is None
    True
    """
    if not isinstance(word, str):
        return None
    key = country_key(word)
    index = _demonym_index()
    if key in index:
        return index[key]
    for suffix, repl in _INFLECTIONS:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            stem = key[: -len(suffix)] + repl
            if stem in index:
                return index[stem]
    return None


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name (EN/FR/ES/IT/DE/NL/PT), an English or
    common other-language adjective, or an upper-case ISO2/ISO3 code (EU quirks UK, EL
    included). Unknown or ambiguous -> ``None``.

    Codes must be upper case: in running text "it" or "no" are words, not countries.

    >>> [country_code(x) for x in ["EL", "GRC", "Türkiye", "Czech Republic", "Kosovo", "Palestine"]]
    ['GR', 'GR', 'TR', 'CZ', 'XK', 'PS']
    >>> country_code("Allemagne"), country_code("Spagna"), country_code("Marruecos"), country_code("it")
    ('DE', 'ES', 'MA', None)
    """
    if not isinstance(text, str):
        return None
    raw = text.strip()
    if not raw or len(raw) > 120:
        return None
    if re.fullmatch(r"[A-Z]{2,3}", raw):
        code = iso2_of(raw)
        if code:
            return code
    key = country_key(raw)
    index = _name_index()
    if key in index:
        return index[key]
    return demonym_country(raw)


# -- organisation names ----------------------------------------------------------------
_SPACE = re.compile(r"\s+")
_TRIM = "\"'“”«»;,| "


def clean_name(text: str) -> str:
    """A name as written, with whitespace collapsed and stray quotes/separators trimmed.

    >>> clean_name('  "Pôle   Techtera" ; ')
    'Pôle Techtera'
    """
    out = _SPACE.sub(" ", str(text)).strip()
    while out and (out[0] in _TRIM or out[-1] in _TRIM):
        out = out.strip(_TRIM).strip()
    return out


def legal_key(text: str) -> str:
    """A legal form as forms are compared: folded, without dots and spaces ('AS' and 'a.s.' share one)."""
    return re.sub(r"[.\s]+", "", fold(text))


@lru_cache(maxsize=1)
def legal_forms() -> list[tuple[str, str]]:
    """(folded key, written form) of each form of ``legal_forms.yaml``, longest key first."""
    forms = dict.fromkeys(_load_yaml("legal_forms.yaml")["legal_forms"])
    return sorted(((legal_key(f), f) for f in forms), key=lambda kv: -len(kv[0]))


_legal_keys = lru_cache(maxsize=1)(lambda: frozenset(k for k, _ in legal_forms()))    # their keys, for lookups


@lru_cache(maxsize=4096)
def is_legal_form(text: str) -> bool:
    """Whether ``text`` is a legal form of ``legal_forms.yaml`` ("S.A.", "L.T.D."): ``is_legal_form("GmbH")`` is True."""
    return legal_key(text) in _legal_keys()


@lru_cache(maxsize=200_000)
def split_legal_form(name: str) -> tuple[str, str | None]:
    """Split a legal-form suffix off an organisation name: ``(name, legal_form)``.

    >>> split_legal_form("Acme Robotics GmbH")
    ('Acme Robotics', 'GmbH')
    >>> split_legal_form("Textiles del Sur, S.L.")
    ('Textiles del Sur', 'S.L.')
    >>> split_legal_form("Ferrari S.p.A."), split_legal_form("Bizerte Competitiveness Pole")
    (('Ferrari', 'S.p.A.'), ('Bizerte Competitiveness Pole', None))
    """
    name = clean_name(name)
    words = name.split(" ")
    # try the last 1..4 words as a legal form (forms such as 'Sp. z o.o.' span words)
    for n in range(min(4, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:])
        if legal_key(tail) in _legal_keys():
            base = " ".join(words[:-n]).rstrip(" ,-–")
            if base:
                return base, tail.lstrip(", ")  # as the source writes it
    return name, None


_STOP = {"the", "of", "and", "for", "de", "del", "della", "des", "du", "la", "le", "el", "et",
         "y", "e", "di", "der", "die", "das", "und", "fur", "en", "in", "a", "an", "l", "d", "per"}


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The form organisation names are compared in: folded, legal form and punctuation
    removed, '&' read as 'and'. The original name is kept as data, never replaced.

    >>> name_key("ACCIÓ - Catalonia Trade & Investment, S.A.")
    'accio catalonia trade and investment'
    >>> name_key("The  Bizerte Competitiveness Pole") == name_key("bizerte competitiveness pole")
    True
    """
    base, _ = split_legal_form(name)
    key = fold(base).replace("&", " and ").replace("+", " plus ")
    key = re.sub(r"[^\w]+", " ", key).replace("_", " ")
    key = _SPACE.sub(" ", key).strip()
    return key[4:] if key.startswith("the ") else key


def split_acronym(name: str) -> tuple[str, str | None]:
    """``"Long Name (ACR)"`` or ``"ACR - Long Name"`` -> ``("Long Name", "ACR")``.

    >>> split_acronym("European Foundation for Cluster Excellence (EFCE)")
    ('European Foundation for Cluster Excellence', 'EFCE')
    >>> split_acronym("Techtera")
    ('Techtera', None)
    """
    name = clean_name(name)
    m = re.fullmatch(r"(.+?)\s*\(([^()]{2,15})\)", name)
    if m and is_acronym(m.group(2)):
        return m.group(1).strip(), m.group(2).strip()
    m = re.fullmatch(r"([^\s]{2,15})\s+[-–—:]\s+(.+)", name)
    if m and is_acronym(m.group(1)):
        return m.group(2).strip(), m.group(1)
    return name, None


def is_acronym(text: str) -> bool:
    """Whether a token looks like an acronym (mostly capitals, short, one word).

    >>> is_acronym("EFCE"), is_acronym("CGEM"), is_acronym("Techtera"), is_acronym("ACCIÓ")
    (True, True, False, True)
    """
    t = str(text).strip()
    letters = [c for c in t if c.isalpha()]
    if not 2 <= len(t) <= 12 or " " in t or len(letters) < 2:
        return False
    return sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def initials(name: str) -> str:
    """Initials of a name's significant words, the acronym it would most likely have.

    >>> initials("European Foundation for Cluster Excellence")
    'EFCE'
    """
    words = [w for w in re.split(r"[\s\-/&,.]+", fold(split_legal_form(name)[0])) if w and w not in _STOP]
    return "".join(w[0] for w in words).upper()


# -- web sites and e-mail addresses -----------------------------------------------------

_HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([A-Za-z0-9-]+\.)+[A-Za-z]{2,63}$")


def normalise_website(text: str) -> tuple[str | None, str | None]:
    """``(url, None)`` for a valid web address (scheme added, host lower-cased), else
    ``(None, reason)``.

    >>> normalise_website("www.Techtera.org/")
    ('https://www.techtera.org', None)
    >>> normalise_website("javascript:alert(1)")[1]
    'not a web address (only http and https links are accepted)'
    """
    raw = str(text).strip()
    if not raw:
        return None, "empty web address"
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):(//)?", raw)
    if m and m.group(1).lower() not in ("http", "https"):
        return None, "not a web address (only http and https links are accepted)"
    rest = raw[m.end():] if m else raw
    scheme = m.group(1).lower() if m else "https"
    host, _, path = rest.partition("/")
    host = host.lower().rstrip(".")
    if "@" in host or ":" in host.split("]")[-1] and not re.fullmatch(r"[^:]+:\d{1,5}", host):
        return None, "not a web address (user or port part not accepted)"
    hostname = host.split(":")[0]
    if re.search(r"\s", raw) or not _HOST.match(hostname):
        return None, "not a web address"
    path = path.rstrip("/")
    return f"{scheme}://{host}" + (f"/{path}" if path else ""), None


def normalise_email(text: str) -> tuple[str | None, str | None]:
    """``(address, None)`` with the domain lower-cased, or ``(None, reason)``.

    >>> normalise_email(" Info@Techtera.ORG ")
    ('Info@techtera.org', None)
    >>> normalise_email("info at techtera")[1]
    'not an e-mail address'
    """
    raw = str(text).strip().removeprefix("mailto:")
    if not _EMAIL.match(raw) or ".." in raw:
        return None, "not an e-mail address"
    local, domain = raw.rsplit("@", 1)
    return f"{local}@{domain.lower()}", None


# -- sectors -> EU industrial ecosystems ------------------------------------------------

@lru_cache(maxsize=1)
def _sector_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for eco, words in _load_yaml("sectors.yaml")["ecosystems"].items():
        alts = []
        for w in words:
            w = fold(str(w))
            stem = w.endswith("*")
            w = re.escape(w.rstrip("*")).replace(r"\ ", r"[\s\-]+").replace(r"\-", r"[\s\-]?")
            alts.append(w + (r"\w*" if stem else r"\b"))
        out.append((eco, re.compile(r"\b(?:" + "|".join(sorted(set(alts), key=len, reverse=True)) + ")")))
    return out


def ecosystems() -> list[str]:
    """The EU's 14 industrial ecosystems, in the order of the keyword table.

    >>> len(ecosystems())
    14
    """
    return [eco for eco, _ in _sector_patterns()]


def sector_ecosystems(text: str) -> list[str]:
    """The industrial ecosystems a sector wording maps onto (EN/FR/ES/IT/DE keywords);
    ``[]`` when nothing matches (keep the wording, give no ecosystem).

    >>> sector_ecosystems("Textile & technical textiles")
    ['Textile']
    >>> sector_ecosystems("Agroalimentaire; énergies renouvelables")
    ['Agri-food', 'Renewable energy']
    >>> sector_ecosystems("underwater basket weaving")
    []
    """
    if not isinstance(text, str) or not text.strip():
        return []
    # "energy-intensive" names an ecosystem of its own, not the energy sector
    folded = re.sub(r"\benergy[\s-]+intensive", "energyintensive", fold(text))
    return [eco for eco, pat in _sector_patterns() if pat.search(folded)]
