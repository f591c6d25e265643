"""Counts given in brackets after each country of a list (issue 15, thirty-third round): "Participants came
from Spain (9), Italy (5) and France (3)" gives each country's participants, with the country, in the
sentence's own words and language. All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _facts(text: str) -> set[tuple[str, str, float, str | None]]:
    ex = extract_text(document_from_text(text, name="news.md"))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(f.subject, f.subject), f.measure, f.value, f.country) for f in ex.facts}


def test_each_countrys_count_in_brackets_is_a_figure_with_its_country():
    facts = _facts("# News\n\nThe Baltic Food Matchmaking 2026 gathered 142 participants. Participants came from "
                   "Spain (9), Italy (5) and France (3).\n")
    assert ("Baltic Food Matchmaking 2026", "participants from Italy", 5, "IT") in facts, facts
    assert ("Baltic Food Matchmaking 2026", "participants from France", 3, "FR") in facts, facts


def test_after_a_count_the_bracketed_ones_count_the_same_noun():
    facts = _facts("# News\n\nThe Baltic Food Matchmaking 2026 gathered 142 participants. Companies from Latvia "
                   "formed the largest foreign group (24 participants), followed by Finland (19) and Sweden (12).\n")
    assert ("Baltic Food Matchmaking 2026", "participants from Sweden", 12, "SE") in facts, facts


def test_a_french_list_keeps_its_own_words():
    facts = _facts("# Actualités\n\nLes Rencontres Eau 2026 ont réuni 120 participants, venus de France (60), de "
                   "Belgique (30) et du Maroc (30).\n")
    assert ("Rencontres Eau 2026", "participants du Maroc", 30, "MA") in facts, facts
