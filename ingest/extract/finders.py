"""Every mention rule, run in order over one text: structured contexts first (country lists,
"Name (ACR)", "ACR – Name", table rows), then cue lists, copulas, quotes, head nouns,
appositions, acronyms, described names, places, events, agreements and institutions.

>>> ms = find_mentions("The Olive Cluster (OC) met Agence Alpha (Tunisia), Beta (Morocco) and the Gamma Pole.")
>>> sorted({(m.name, m.label, m.country) for m in ms if m.rule == "country-list"})
[('Agence Alpha', 'Organisation', 'TN'), ('Beta', None, 'MA')]
"""
from __future__ import annotations

from clusternet.ingest.extract.contexts import (acronym_mentions, appositions, copulas, cue_lists,
    described_names, head_chunks, quoted)
from clusternet.ingest.extract.events import (agreement_mentions, event_mentions, institution_mentions,
    place_mentions)
from clusternet.ingest.extract.generic import drop_people
from clusternet.ingest.extract.lists import bullet_places, described_items, placed_acronyms, role_objects
from clusternet.ingest.extract.rules import country_list_items, dash_definitions, paren_aliases, table_rows
from clusternet.ingest.extract.mentions import Context, Mention, build_context

__all__ = ["find_mentions"]


def find_mentions(text: str, ctx: Context | None = None) -> list[Mention]:
    """Every mention the rules find, places included, sorted by position."""
    ctx = ctx or build_context(text)
    out: list[Mention] = []
    gid = [0]
    country_list_items(ctx, out, gid)
    paren_aliases(ctx, out)
    dash_definitions(ctx, out)
    table_rows(ctx, out)
    bullet_places(ctx, out, gid)
    described_items(ctx, out, gid)
    role_objects(ctx, out)
    placed_acronyms(ctx, out)
    cue_lists(ctx, out, gid)
    copulas(ctx, out)
    quoted(ctx, out)
    head_chunks(ctx, out)
    appositions(ctx, out)
    acronym_mentions(ctx, out)
    described_names(ctx, out)
    place_mentions(ctx, out)
    event_mentions(ctx, out)
    agreement_mentions(ctx, out)
    institution_mentions(ctx, out)
    drop_people(ctx.view, out)
    for m in out:
        m.sent = ctx.sent_at(m.start)
    return sorted(out, key=lambda m: (m.start, -m.end))
