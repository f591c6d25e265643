"""Where a listed or described body is, below its country (2026-12-04, seventh round), on texts
written for these tests: "Name (ACR X) – Region, Country" gives the region and a two-word
acronym; "X, a competitiveness cluster from Brittany" places X in the region, not only in France; an agreement signed in a city takes its country (eighth
round)."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_dashed_item_with_a_region_before_its_country_is_located_in_the_region():
    ents, rels, _ = text_by_name("Partners\n\n- Regional Development Agency Backa (RDA Backa) – Vojvodina, Serbia\n"
                                 "- Alpha Wood Cluster – Severozapad, Czechia\n")
    assert "Regional Development Agency Backa" in ents and "RDA Backa" in ents["Regional Development Agency Backa"].aliases
    assert ("Regional Development Agency Backa", "LOCATED_IN", "Vojvodina") in rels
    assert ("Alpha Wood Cluster", "LOCATED_IN", "Severozapad") in rels
    assert ents["Severozapad"].label == "Region" and ents["Severozapad"].country == "CZ"


def test_a_description_from_a_region_locates_the_body_there():
    ents, rels, _ = text_by_name("Mission news\n\nThe French delegation was led by Pole Mer Ouest, a competitiveness "
                                 "cluster from Brittany, with nine SMEs.")
    assert ents["Pole Mer Ouest"].country == "FR"
    assert ("Pole Mer Ouest", "LOCATED_IN", "Brittany") in rels


def test_an_agreement_takes_the_place_where_it_was_signed():
    ents, rels, _ = text_by_name("Wood clusters sign a pact\n\nThe Nordic Timber Cluster and the Kenya Wood Processors "
                                 "Cluster signed a Memorandum of Understanding during the trade forum in Nairobi.")
    assert ents["Memorandum of Understanding"].label == "Agreement"
    assert ents["Memorandum of Understanding"].country == "KE"
    # a place of signing is no location of the agreement in the graph
    assert not [r for r in rels if r[0] == "Memorandum of Understanding" and r[1] == "LOCATED_IN"]


def test_a_bracketed_country_list_across_sentences_keeps_each_name_whole():
    ents, rels, _ = text_by_name("Partners\n\nThe partners are Gamma Food Network (Italy). Delta Water Cluster "
                                 "(DWC, Portugal) coordinates the work. DWC also hosts the secretariat.")
    assert "Delta Water Cluster" in ents and ents["Delta Water Cluster"].country == "PT"
    assert not [n for n in ents if n.startswith(".") or "Network. " in n]
    # the acronym before the country is the name's, not a region of Portugal
    assert "DWC" in ents["Delta Water Cluster"].aliases and "DWC" not in ents
    assert ents["Gamma Food Network"].country == "IT"


def test_a_country_after_a_comma_or_opening_a_line_places_the_bodies_named_with_it():
    ents, _, _ = text_by_name("Partners meet\n\nAlpha Wood Cluster, from Portugal, joined the meeting.\n\n"
                              "Portugal: Delta Sea Cluster and Epsilon Agro Cluster.\nSpain: Omega Stone Cluster.\n")
    assert ents["Alpha Wood Cluster"].country == "PT"
    assert ents["Delta Sea Cluster"].country == "PT" and ents["Epsilon Agro Cluster"].country == "PT"
    assert ents["Omega Stone Cluster"].country == "ES"
