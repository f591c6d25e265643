"""The countries a body's name is plausible in, by the language it is written in: "Clúster de
Bioeconomía Forestal" is Spanish (Spain, Latin America), "Pôle … du Hainaut" French, "… GmbH" German.
A weak place rule (:func:`.placing.assign` for a nearby town or a visit's place) asks it before it
gives a country the name's language rules out; a name with no marker rules nothing out.

>>> sorted(name_countries("Clúster de Bioeconomía Forestal de Soria"))[:3]
['AR', 'BO', 'CL']
>>> name_countries("Nordic Care Tech Cluster") is None
True
"""
from __future__ import annotations

from functools import lru_cache

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.mentions import is_acronym
from clusternet.ingest.resolve.normalise import legal_key, split_legal_form

__all__ = ["name_countries", "form_countries", "plausible", "after_translation"]


@lru_cache(maxsize=1)
def _markers() -> tuple:
    """(words, letters, countries) per language of the lexicon's ``name_languages``."""
    return tuple((frozenset(w.lower() for w in spec.get("words", ())), tuple(spec.get("letters", ())),
                  frozenset(spec["countries"])) for spec in load_lexicon()["name_languages"].values())


@lru_cache(maxsize=4096)
def name_countries(name: str) -> frozenset | None:
    """The countries whose languages a name's markers belong to (several languages: all their
    countries); None when the name has no marker."""
    words = set(re.findall(r"[^\s,()]+", name.lower()))
    found = [countries for ws, letters, countries in _markers()
             if words & ws or any(c in name for c in letters)]
    return frozenset().union(*found) if found else None


@lru_cache(maxsize=1)
def _form_sets() -> dict:
    """The lexicon's ``legal_form_country_sets`` by legal key (no dots, spaces or case)."""
    return {legal_key(f): frozenset(cs) for f, cs in load_lexicon()["legal_form_country_sets"].items()}


@lru_cache(maxsize=4096)
def form_countries(name: str) -> frozenset | None:
    """The countries a company's legal form is used in, when it is used in several (None for none).

    >>> sorted(form_countries("Murtal Edelstahl AG")), sorted(form_countries("Váh Coatings s.r.o."))
    (['AT', 'CH', 'DE', 'LI'], ['CZ', 'SK'])
    >>> form_countries("Nordic Care Tech Cluster") is None
    True
    """
    form = split_legal_form(name)[1]
    return _form_sets().get(legal_key(form)) if form else None


def plausible(name: str, country: str) -> bool:
    """Whether ``country`` can be where a body of that name is.

    >>> plausible("Pôle Senteurs Méditerranée", "KR"), plausible("Pôle Senteurs Méditerranée", "FR")
    (False, True)
    """
    allowed = name_countries(name)
    return allowed is None or country in allowed


def after_translation(inner: str) -> str:
    """The short name a bracket gives beside a name in another language ("(Klaster …, KAP Rijeka)",
    "(LFIC, in Lithuanian …)"); any other bracket as it is.

    >>> [after_translation(b) for b in ("Klaster aditivne Rijeka, KAP Rijeka", "LFIC, in Lithuanian Lietuvos", "ACME")]
    ['KAP Rijeka', 'LFIC', 'ACME']
    """
    head, sep, tail = inner.rpartition(",")
    toks = tail.split()
    if sep and len(head.split()) >= 2 and 1 <= len(toks) <= 3 and is_acronym(toks[0]):
        return tail.strip()
    first, sep, rest = inner.partition(",")
    if sep and is_acronym(first.strip()) and rest.split()[:1] == ["in"]:
        return first.strip()        # "(LFIC, in Lithuanian Lietuvos …)"
    return inner
