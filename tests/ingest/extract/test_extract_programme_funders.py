"""Funders (issue 15, thirty-third round): a programme's longer name is one programme ("the Interreg
Central Baltic programme" gave "Interreg" as a second funder), and "It was funded by X" after a sentence
about an event or a partnership says who funded that one; French and Spanish letters of intent and framework
agreements are agreements. All names but the programmes are invented.
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


def _agreements(text: str) -> dict[str, set[str]]:
    ex = extract_text(document_from_text(text, name="news.md"))
    names = {e.id: e.name for e in ex.entities}
    out: dict[str, set[str]] = {e.name: set() for e in ex.entities if e.label == "Agreement"}
    for r in ex.relations:
        if r.type == "PARTY_TO":
            out.setdefault(names[r.target], set()).add(names[r.source])
    return out


def test_a_french_letter_of_intent_is_an_agreement_its_signatory_is_party_to():
    agreements = _agreements("# Actualités\n\nLe pôle Mobilité du Futur a signé une lettre d'intention de coopération "
                             "avec le Cluster Lumière Atlantique.\n")
    assert "lettre d'intention de coopération" in agreements, agreements
    assert "Mobilité du Futur" in agreements["lettre d'intention de coopération"], agreements


def test_a_spanish_framework_agreement_is_an_agreement():
    agreements = _agreements("# Noticias\n\nEl Clúster Agroalimentario de Soria firmó un acuerdo marco de cooperación "
                             "con la Cámara de Comercio de Nuakchot.\n")
    assert "acuerdo marco de cooperación" in agreements, agreements
