"""Administrative areas named with their head word (2026-12-05, fourteenth round): "Opole
Voivodeship", "Nakuru County", "province of Foggia", "the Centro region of Portugal" are regions even
when the curated gazetteer lacks them, with the country the text or the ISO 3166-2 list gives; a
programme's or strategy's area ("Danube Region", "Innovation Region") is not one. Every text here
is written for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_county_after_from_places_the_cluster_and_is_no_organisation():
    ents, rels, _ = text_by_name("News\n\nThe Almond Growers Cluster from Bács-Kiskun County (Hungary) "
                                 "signed the agreement.\n")
    region = next(e for e in ents.values() if "Bács-Kiskun County" in {e.name, *e.aliases})   # the reference name may lead
    assert region.label == "Region" and region.country == "HU", region
    assert ("Almond Growers Cluster", "LOCATED_IN", region.name) in rels, sorted(rels)


def test_a_voivodeship_the_gazetteer_lacks_is_a_region_of_its_country():
    ents, rels, _ = text_by_name("News\n\nThe Stone Valley Cluster is based in the Opole Voivodeship.\n")
    assert ents["Opole Voivodeship"].label == "Region", sorted(ents)
    assert ("Opole Voivodeship", "PART_OF", "Poland") in rels, sorted(rels)
    assert "Opole" not in ents, sorted(ents)


def test_a_head_word_after_a_known_region_stays_in_its_name():
    ents, _, _ = text_by_name("News\n\nThe Orchard Cluster is based in Lubelskie Voivodeship, Poland.\n")
    region = next(e for e in ents.values() if e.label == "Region")
    assert "Lubelskie Voivodeship" in {region.name, *region.aliases}, region


def test_province_of_and_county_take_the_country_of_their_name():
    ents, rels, _ = text_by_name("News\n\nThe growers came from Nakuru County and from the province of Foggia.\n")
    assert ents["Nakuru County"].country == "KE", ents["Nakuru County"]
    assert ents["province of Foggia"].country == "IT", ents["province of Foggia"]
    assert ("province of Foggia", "PART_OF", "Italy") in rels, sorted(rels)


def test_a_lower_case_region_takes_the_country_said_after_it():
    ents, rels, _ = text_by_name("News\n\nThe conference took place in the Beira Interior region of Portugal "
                                 "with 40 clusters.\n")
    assert ents["Beira Interior"].label == "Region", sorted(ents)
    assert ("Beira Interior", "PART_OF", "Portugal") in rels, sorted(rels)


def test_a_programme_area_is_no_region():
    ents, _, _ = text_by_name("News\n\nThe project is funded under the Danube Region strategy and was "
                              "named an Innovation Region pilot.\n")
    assert not [e for e in ents.values() if e.label == "Region"], sorted(ents)


def test_a_town_the_text_puts_in_a_region_places_its_bodies_there():
    ents, rels, _ = text_by_name("News\n\nThe last mission went to Winnipeg (Manitoba). There the group met "
                                 "Prairie Rail Works Ltd from Winnipeg.\n")
    assert ("Prairie Rail Works Ltd", "LOCATED_IN", "Manitoba") in rels, sorted(rels)


def test_a_body_named_after_a_town_the_text_puts_in_a_region_is_there():
    ents, rels, _ = text_by_name("News\n\nThe delegation went to Lublin (Lubelskie Voivodeship), Poland. "
                                 "It met the Lublin Berry Cluster and its members.\n")
    region = next(e for e in ents.values() if e.label == "Region")
    assert ("Lublin Berry Cluster", "LOCATED_IN", region.name) in rels, sorted(rels)
