"""A mission abroad as a news page tells it (2026-12-04, eighth round): who organised it with the
Union's delegation in the country, who the delegation was, whom it visited. Every text is written
here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

MISSION = ("Cleantech clusters meet in Montréal\n\n"
           "From 5 to 7 May 2025, twelve European cluster organisations took part in the EU–Canada Cleantech "
           "Cluster Mission to Montréal, organised by the Alpine Cluster Platform in cooperation with Prairie "
           "Cleantech Quebec and the Delegation of the European Union to Canada.\n\n"
           "The European delegation was led by Cleantech Cluster Austria and included the Finnish cluster Oulu "
           "Energy Hub, the Lowlands Energy Valley Cluster and Bizkaia Energy Cluster from Spain. During the "
           "mission, participants visited the Centre for Industrial Process Innovation in Laval.\n")
EVENT = "EU–Canada Cleantech Cluster Mission to Montréal"


def test_the_unions_delegation_abroad_is_an_organisation_that_co_organises():
    ents, rels, _ = text_by_name(MISSION)
    assert ents["Delegation of the European Union to Canada"].label == "Organisation"
    assert ("Delegation of the European Union to Canada", "COORDINATES", EVENT) in rels
    # neither a partnership's delegation nor the Union itself
    assert "Delegation of the European Union" not in ents and "European Union" not in ents


def test_a_pairing_with_an_en_dash_stays_in_the_events_name():
    ents, _, _ = text_by_name(MISSION)
    assert EVENT in ents and ents[EVENT].label == "Event"
    assert "Canada Cleantech Cluster Mission to Montréal" not in ents and "Mission to Montréal" not in ents


def test_whom_a_led_delegation_included_took_part_and_visited_what_the_participants_visited():
    ents, rels, _ = text_by_name(MISSION)
    members = ["Cleantech Cluster Austria", "Oulu Energy Hub", "Lowlands Energy Valley Cluster", "Bizkaia Energy Cluster"]
    for m in members:
        assert (m, "PARTICIPATED_IN", EVENT) in rels, m
        assert (m, "VISITED", "Centre for Industrial Process Innovation") in rels, m
    # the place visited is no participant, and its name is not cut at "for"
    assert ("Centre for Industrial Process Innovation", "PARTICIPATED_IN", EVENT) not in rels
    assert "Centre" not in ents


def test_the_host_of_a_visit_is_its_organiser_not_a_place_visited():
    _, rels, _ = text_by_name("Moroccan cluster managers on a study visit to Catalonia\n\n"
                              "A delegation of eight cluster managers visited Catalonia as part of the SOLMED project. "
                              "The visit was hosted by the Catalan Agency for Competitiveness. The delegation, led by "
                              "the Atlas Electronics Cluster, visited the Barcelona Drone Cluster.")
    assert ("Catalan Agency for Competitiveness", "COORDINATES", "study visit to Catalonia") in rels
    assert not [r for r in rels if r[1] == "VISITED" and r[2] == "Catalan Agency for Competitiveness"]
    assert ("Atlas Electronics Cluster", "VISITED", "Barcelona Drone Cluster") in rels


def test_the_listed_participants_of_a_study_visit_visited_what_the_participants_visited():
    _, rels, _ = text_by_name("# Study visit to Catalonia for Moroccan clusters\n\nFrom 3 to 6 June 2024, four Moroccan "
                              "clusters took part in a study visit to Barcelona:\n\n- Morocco Automotive Cluster\n"
                              "- Cluster Solaire\n\nThe participants visited the Catalan Automotive Cluster and the "
                              "Barcelona Digital Hub.\n", "page.md")
    for a in ("Morocco Automotive Cluster", "Cluster Solaire"):
        for b in ("Catalan Automotive Cluster", "Barcelona Digital Hub"):
            assert (a, "VISITED", b) in rels, (a, b)
