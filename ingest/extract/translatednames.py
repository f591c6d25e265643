"""A name written with its translation after a dash ("Zalai Faipari Klaszter – Zala Wood Industry
Cluster", "Pôle Bois – Wood Cluster") is the body the page also names by either half alone: the
two names are linked, so a table row and a list item make one entity.

>>> from clusternet.ingest.extract.mentions import Mention
>>> from clusternet.ingest.extract.namelinks import _UF, norm
>>> ms = [Mention(0, 50, "Zalai Faipari Klaszter – Zala Wood Industry Cluster", "Cluster", "head"),
...       Mention(80, 102, "Zalai Faipari Klaszter", "Cluster", "head")]
>>> uf = _UF(); link_translations([m.name for m in ms], {norm(m.name) for m in ms}, uf, norm)
>>> uf.find(norm(ms[0].name)) == uf.find(norm(ms[1].name))
True
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

__all__ = ["link_translations"]

_DASH = re.compile(r"\s+[–—-]\s+")
MIN_WORDS = 2       # each half a name of its own, not "Cluster – News"


def link_translations(names, keys: set[str], uf, key) -> None:
    """Link each name "A – B" to A or B when the page names that half alone (``key(half)`` in ``keys``)."""
    for name in names:
        parts = _DASH.split(name)
        if len(parts) != 2 or any(len(p.split()) < MIN_WORDS for p in parts):
            continue
        whole = key(name)
        for half in map(key, parts):
            if half in keys and whole in keys:
                uf.union(half, whole)
