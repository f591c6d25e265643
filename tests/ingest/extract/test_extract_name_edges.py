"""Edges of names (2026-12-05, fourteenth round): a legal form whose first word stops at its own
full stop ("Sp. z o.o.") stays whole, a programme's days ("Monday and Tuesday (Sydney)") and a town
after "In" are no bodies. Every text here is written for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_TABLE = ("Partners\n\n| No | Partner | Country |\n|---|---|---|\n"
          "| 1 | Klaster Mleczarski Mazury Sp. z o.o. | Poland |\n| 2 | Nordkyl Teknik AB | Sweden |\n")


def test_a_cluster_with_a_polish_legal_form_is_one_entity():
    ents, rels, _ = text_by_name(_TABLE, "page.md")
    named = [n for n in ents if n.startswith("Klaster Mleczarski")]
    assert named == ["Klaster Mleczarski Mazury Sp. z o.o."], named
    assert ents[named[0]].label == "Cluster", ents[named[0]]


def test_days_of_a_programme_are_no_organisations():
    text = ("Programme\n\n**Monday and Tuesday (Sydney, New South Wales)** – the delegation visited the "
            "Harbour Design Show.\n\nThursday, 9 October - Melbourne: matchmaking with importers.\n")
    ents, _, _ = text_by_name(text, "page.md")
    assert not [n for n in ents if any(d in n for d in ("Monday", "Thursday"))], sorted(ents)


def test_a_town_after_in_is_a_place_not_an_organisation():
    ents, _, _ = text_by_name("Day 3\n\nIn Rosario (Santa Fe Province) the partnership had a common stand.\n")
    assert "In Rosario" not in ents, sorted(ents)
    assert ents["Santa Fe Province"].country == "AR", ents["Santa Fe Province"]
