"""The parties an agreement's own name gives (used by :mod:`.relations`): "the Memorandum of
Understanding between Mechatronika Moravia and Chubu Monozukuri Cluster", "the letter of intent
between DVSAC and FSHIA", "la convention de partenariat entre Sylvabat et Occitanie Bois
Construction". The names inside an agreement's name are no mentions of their own, so the sentence
rules cannot see them; each side is matched to the body the page names so (by name, a short form
of it or an alias), and signed the agreement.

>>> A = lambda n, l="Cluster", al=(): type("E", (), {"name": n, "label": l, "aliases": list(al), "mentions": [type("M", (), {"start": 0, "end": 1})()]})()
>>> mou, x, y = A("MoU between Alpha and the Beta Network", "Agreement"), A("Alpha Cluster z.s.", al=["Alpha"]), A("Beta Network", "Organisation")
>>> [(r.source.name, r.type) for r in agreement_sides([mou, x, y])]
[('Alpha Cluster z.s.', 'PARTY_TO'), ('Beta Network', 'PARTY_TO')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.resolve import norm
from clusternet.ingest.resolve.normalise import split_legal_form

__all__ = ["agreement_sides"]

_SIDES = re.compile(r"(?i)\b(?:between|entre|tra|fra|zwischen)\s+(?P<a>.+?)\s+(?:and|et|y|e|und|&)\s+(?P<b>.+)$")
_ARTICLE = re.compile(r"(?i)^(?:the|la|le|el|il|l['’]|los|les|die|der|das)\s*")
_SIGNATORIES = ("Cluster", "Organisation", "SME", "Partnership")


def _keys(e) -> set[str]:
    """The forms a body may be called by inside an agreement's name: its name, its aliases, and
    each without its legal form."""
    names = [e.name, *e.aliases]
    return {norm(n) for n in names} | {norm(split_legal_form(n)[0]) for n in names}


def _side(text: str, bodies) -> object | None:
    """The one body a side of "between A and B" names, else None."""
    key = norm(_ARTICLE.sub("", text.strip(" ,.")))
    found = [e for e in bodies if key and key in _keys(e)]
    return found[0] if len(found) == 1 else None


def agreement_sides(ents) -> list[RawRel]:
    """PARTY_TO each agreement for the bodies its name says it is between (see the module)."""
    bodies = [e for e in ents if e.label in _SIGNATORIES]
    out = []
    for agr in (e for e in ents if e.label == "Agreement"):
        for name in (agr.name, *agr.aliases):
            sm = _SIDES.search(name)
            sides = [_side(sm.group("a"), bodies), _side(sm.group("b"), bodies)] if sm else []
            if sides and all(sides):
                m = agr.mentions[0]
                out += [RawRel(b, "PARTY_TO", agr, m.start, m.end, 0.6) for b in sides if b is not agr]
                break
    return out
