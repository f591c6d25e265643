"""Funders (issue 15, thirty-third round): a programme's longer name is one programme ("the Interreg
Central Baltic programme" gave "Interreg" as a second funder), and "It was funded by X" after a sentence
about an event or a partnership says who funded that one. All names but the programmes are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _funders(text: str) -> set[tuple[str, str]]:
    ex = extract_text(document_from_text(text, name="news.md"))
    names = {e.id: e.name for e in ex.entities}
    return {(names[r.source], names[r.target]) for r in ex.relations if r.type == "FUNDED_BY"}


def test_a_programmes_longer_name_is_one_funder():
    funders = _funders("# News\n\nThe Baltic Food Matchmaking 2026 took place in Tallinn with funding from the "
                       "Interreg Central Baltic programme.\n")
    assert funders == {("Baltic Food Matchmaking 2026", "Interreg Central Baltic")}, funders


def test_it_was_funded_by_names_the_funder_of_the_event_before():
    funders = _funders("# News\n\nThe Baltic Food Forum 2026 took place in Tallinn on 15 April. It was funded by "
                       "the Single Market Programme.\n")
    assert ("Baltic Food Forum 2026", "Single Market Programme") in funders, funders
