"""Every mention rule, run in order over one text: structured contexts first (country lists,
"Name (ACR)", "ACR – Name", table rows), then cue lists, copulas, quotes, head nouns,
appositions, acronyms, described names, places, events, agreements and institutions.

>>> ms = find_mentions("The Olive Cluster (OC) met Agence Alpha (Tunisia), Beta (Morocco) and the Gamma Pole.")
>>> sorted({(m.name, m.label, m.country) for m in ms if m.rule == "country-list"})
[('Agence Alpha', 'Organisation', 'TN'), ('Beta', None, 'MA')]
"""
from __future__ import annotations

import re

from clusternet.ingest.extract.lexicon import country_code, load_lexicon
from clusternet.ingest.extract.contexts import (acronym_mentions, appositions, copulas, cue_lists,
    described_names, head_chunks, quoted)
from clusternet.ingest.extract.events import (agreement_mentions, event_mentions, institution_mentions,
    place_mentions)
from clusternet.ingest.extract.generic import drop_people
from clusternet.ingest.extract.lists import (adjective_country, bullet_places, described_items, placed_acronyms,
    role_objects)
from clusternet.ingest.extract.items import country_list_items
from clusternet.ingest.extract.rules import dash_definitions, legal_form, paren_aliases, table_rows
from clusternet.ingest.extract.mentions import Context, Mention, build_context
from clusternet.ingest.extract.parens import described_in_brackets
from clusternet.ingest.extract.titles import field_definition, title_definition
from clusternet.ingest.extract.listitems import list_item_names
from clusternet.ingest.extract.people import speaker_organisations
from clusternet.ingest.extract.typed import drop_descriptions, typed_after, typed_before

__all__ = ["find_mentions"]


def find_mentions(text: str, ctx: Context | None = None) -> list[Mention]:
    """Every mention the rules find, places included, sorted by position."""
    ctx = ctx or build_context(text)
    out: list[Mention] = []
    gid = [0]
    title_definition(ctx, out)
    field_definition(ctx, out)
    country_list_items(ctx, out, gid)
    paren_aliases(ctx, out)
    dash_definitions(ctx, out)
    table_rows(ctx, out)
    bullet_places(ctx, out, gid)
    described_items(ctx, out, gid)
    role_objects(ctx, out)
    placed_acronyms(ctx, out)
    cue_lists(ctx, out, gid)
    list_item_names(ctx, out)
    copulas(ctx, out)
    quoted(ctx, out)
    head_chunks(ctx, out)
    appositions(ctx, out)
    acronym_mentions(ctx, out)
    described_names(ctx, out)
    described_in_brackets(ctx, out)
    typed_before(ctx, out)
    typed_after(ctx, out)
    place_mentions(ctx, out)
    event_mentions(ctx, out)
    agreement_mentions(ctx, out)
    institution_mentions(ctx, out)
    drop_people(ctx.view, out)
    speaker_organisations(ctx.view, out)
    drop_descriptions(out)
    for m in out:
        m.sent = ctx.sent_at(m.start)
        _with_year(ctx.view, m)
        _with_destination(ctx.view, m)
        _with_legal_form(ctx.view, m)
        _without_owner(m)
        _without_role(m)
    return sorted(out, key=lambda m: (m.start, -m.end))


_YEAR = re.compile(r" ((?:19|20)\d\d)\b(?![-/.,]\d)")
_OWNER = " of the European Union"


def _with_year(v: str, m: Mention) -> None:
    """An event's name takes the year written right after it ("Tech Summit 2024").

    >>> m = Mention(0, 11, "Tech Summit", "Event", "head", 0.7); _with_year("Tech Summit 2024 opens", m); m.name
    'Tech Summit 2024'
    """
    if m.label == "Event":
        y = _YEAR.match(v, m.end)
        if y and not m.name.endswith(y.group(1)):
            m.end, m.name = y.end(), f"{m.name} {y.group(1)}"


_ROLE = re.compile(r"(?i)^(?:\w+[- ])?(?:president|director|manager|ceo|chair|chairman|secretary|coordinator|head|founder|"
                   r"representative|member)s?\s+of\s+(?:the\s+)?(?=[A-Z])")


def _without_role(m: Mention) -> None:
    """A body's name without the role of a person in it: "Director of the European Bureau of X".

    >>> m = Mention(0, 41, "CEO of Alpha Consulting Ltd", "Organisation", "head", 0.7); _without_role(m); m.name, m.start
    ('Alpha Consulting Ltd', 7)
    """
    r = _ROLE.match(m.name) if "of" in m.name.lower() else None     # _ROLE needs "of"
    if r and m.label != "Event" and len(m.name) > r.end() + 2:
        m.name, m.start = m.name[r.end():], m.start + r.end()
        first, _, rest = m.name.partition(" ")
        code = adjective_country(first)
        if code and rest and not all(load_lexicon().label_of_head(w) for w in rest.split()):
            m.name, m.start = rest, m.start + len(first) + 1      # "Hungarian Alfa Klaszter": Alfa Klaszter, in HU
            m.country = m.country or code


_NEXT_WORDS = re.compile(r"(?:[ \t]+[^\s,;:()]+){1,4}")
_WORD_AT = re.compile(r"[^\s,;:()]+")


def _with_legal_form(v: str, m: Mention) -> None:
    """A company's name takes the legal form written right after it ("Ostrava Drives s.r.o.").

    >>> m = Mention(0, 14, "Ostrava Drives", None, "head", 0.7); _with_legal_form("Ostrava Drives s.r.o. joined", m); m.name
    'Ostrava Drives s.r.o.'
    """
    if m.label not in (None, "Organisation", "SME"):
        return
    nxt = _NEXT_WORDS.match(v, m.end)
    words = list(_WORD_AT.finditer(v, m.end, nxt.end())) if nxt else []
    for n in range(len(words), 0, -1):
        form = " ".join(w.group(0) for w in words[:n])
        if legal_form(form) and ("." in form or form != form.upper() or len(form) >= 3):    # not "AB", "SE"
            m.end = words[n - 1].end()
            m.name = " ".join(v[m.start:m.end].split())
            return


_TRAVEL = ("Mission", "Visit", "Delegation", "Trip", "Tour", "Journey")
_TO_PLACE = re.compile(r" to ([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?)")


def _with_destination(v: str, m: Mention) -> None:
    """A named mission keeps the place it goes to: "Agri SME Mission to China", "Study Visit to Lyon".

    >>> m = Mention(0, 16, "Agri SME Mission", "Event", "head", 0.7); _with_destination("Agri SME Mission to China in May", m); m.name
    'Agri SME Mission to China'
    """
    if m.label != "Event" or not m.name.endswith(_TRAVEL):
        return
    to = _TO_PLACE.match(v, m.end)
    place = to and next((p for p in (to.group(1), to.group(1).split()[0]) if _place(p)), None)
    if place:
        m.end, m.name = to.start(1) + len(place), f"{m.name} to {place}"


def _place(name: str) -> bool:
    """Whether a name is a country, a region or a city of the gazetteer."""
    lex = load_lexicon()
    return bool(country_code(name) or lex.region(name) or lex.city(name))


def _without_owner(m: Mention) -> None:
    """A programme's name stops before "of the European Union" (whose programme it is).

    >>> m = Mention(0, 37, "COSME Programme of the European Union", "Programme", "head", 0.7); _without_owner(m); m.name
    'COSME Programme'
    """
    if m.label == "Programme" and m.name.endswith(_OWNER):
        m.name, m.end = m.name[:-len(_OWNER)], m.end - len(_OWNER)
