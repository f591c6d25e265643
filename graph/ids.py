"""Stable ids derived from normalised natural keys.

The same real thing gets the same id on every run and machine, so re-ingesting a source
changes nothing:

>>> make_id("Cluster", "Pôle  Techtera ", country="fr")
'cluster:pole-techtera-fr'
>>> country_id("ma")
'country:MA'
>>> document_id(b"hello")[:12]
'doc:2cf24dba'
>>> slugify("ACCIÓ — Catalonia Trade & Investment")
'accio-catalonia-trade-and-investment'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from clusternet.graph.schema import LABEL, load_schema

__all__ = ["slugify", "fold", "make_id", "country_id", "document_id", "digest_document_id", "sha256_hex",
           "id_prefix"]

_MAX_SLUG = 64


def fold(text: str) -> str:
    """Case-fold and strip accents: the form names are compared in.

    >>> fold("Ésta  ACCIÓ")
    'esta accio'
    """
    text = str(text)
    if not text.isascii():      # ASCII has no accents to strip (the common case, and the quick one)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())    # runs of white space as one space, none at the ends


def slugify(text: str) -> str:
    """A lowercase ASCII slug; long names are cut and suffixed with a short hash."""
    s = fold(text).replace("&", " and ").replace("+", " plus ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if not s:
        s = "x" + hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if len(s) > _MAX_SLUG:
        s = s[: _MAX_SLUG - 9].rstrip("-") + "-" + hashlib.sha1(s.encode()).hexdigest()[:8]
    return s


@lru_cache(maxsize=256)
def id_prefix(label: str) -> str:
    """The id prefix of a label, as ``id_prefix`` in graph/schema.yaml says (an SME's is
    its Organisation's); a label the schema does not know is its lower-case self.

    >>> id_prefix("SME"), id_prefix("Document"), id_prefix("Widget")
    ('org', 'doc', 'widget')
    """
    schema = load_schema()
    return schema.id_prefix(label) if label in schema.nodes else label.lower()


def make_id(label: str, name: str, country: str | None = None) -> str:
    """The id of a named thing: ``<prefix>:<slug of name>[-<country>]``."""
    base = f"{id_prefix(label)}:{slugify(name)}"
    return f"{base}-{country.lower()}" if country else base


def country_id(iso2: str) -> str:
    """The id of a Country node from its ISO 3166-1 alpha-2 code."""
    return f"{id_prefix(LABEL.Country)}:{iso2.upper()}"


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data`` as 64 lowercase hex digits.

    >>> sha256_hex(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def document_id(data: bytes) -> str:
    """The id of a Document: its content hash (first 16 hex digits of SHA-256)."""
    return digest_document_id(sha256_hex(data))


def digest_document_id(sha256: str) -> str:
    """The id of the Document whose content has the SHA-256 hex digest ``sha256``."""
    return f"{id_prefix(LABEL.Document)}:{sha256[:16]}"
