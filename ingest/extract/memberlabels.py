"""Labels a page's usage corrects after the names are resolved.

A body called "… Partnership" whose members are companies ("the CWP members", "seven companies
that are part of the CWP", "the CWP member companies") is a cluster organisation, not a
partnership of clusters: its members are MEMBER_OF it, not PARTNER_IN it.

>>> from types import SimpleNamespace as E
>>> e = E(label="Partnership", name="Alpine Wood Partnership", aliases=["AWP"], mentions=[])
>>> has_members("Two companies that are part of the AWP joined.", e)
True
"""
from __future__ import annotations

import re

__all__ = ["has_members", "relabel_member_bodies"]

# a head that makes a partnership of clusters or a project, whatever its members
_PARTNERSHIP_WORDS = re.compile(r"(?i)\b(?:cluster|clusters|strategic|project|european|escp|consortium)\b")
_MEMBER_NOUNS = r"(?:member companies|members|member firms|companies|firms)"


def has_members(view: str, e) -> bool:
    """Whether the page speaks of ``e``'s member companies: "<name> members", "<name> companies",
    "members of (the) <name>", "companies … part of (the) <name>"."""
    for n in {e.name, *e.aliases}:
        if len(n) < 2:
            continue
        q = re.escape(n)
        if re.search(rf"(?<![\w-]){q}(?:'s|’s)?\s+{_MEMBER_NOUNS}\b", view) or \
                re.search(rf"\b(?:members|member companies) of (?:the )?{q}(?![\w-])", view) or \
                re.search(rf"\bcompanies\b[^.;]{{0,60}}\b(?:are|is) part of (?:the )?{q}(?![\w-])", view):
            return True
    return False


def relabel_member_bodies(view: str, ents) -> None:
    """Relabel (in place) a "… Partnership" whose members are companies as a Cluster."""
    for e in ents:
        if e.label == "Partnership" and e.name.split()[-1].lower().startswith("partner") \
                and not _PARTNERSHIP_WORDS.search(e.name) and has_members(view, e):
            e.label = "Cluster"
            for m in e.mentions:
                m.label = "Cluster" if m.label == "Partnership" else m.label
