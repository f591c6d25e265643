"""Where a listed or described body is, below its country (2026-12-04, seventh round), on texts
written for these tests: "Name (ACR X) – Region, Country" gives the region and a two-word
acronym; "X, a competitiveness cluster from Brittany" places X in the region, not only in France."""
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
