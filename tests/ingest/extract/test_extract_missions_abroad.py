"""Missions abroad and events as news pages tell them (2026-12-05, tenth round): a mission to
several cities, who organised it and who went, whom the travellers visited and met. Every text is
written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

VIETNAM = ("# Mission report: European cluster delegation to Vietnam\n\n"
           "From 2 to 6 November, a delegation of eight European clusters travelled to Ho Chi Minh City and "
           "Hanoi for the EU-Vietnam Cluster Mission, organised by the European Commission's EISMEA and the "
           "ECCP Vietnam office.\n\n"
           "The delegation included BioValley Alsace (France), Basque Health Cluster (Spain) and Life Science "
           "Nord (Germany). During the mission, participants visited Saigon Hi-Tech Park and met with the "
           "Vietnam Chamber of Commerce and Industry.\n\n"
           "Over 60 B2B meetings were held.\n")
V_EVENT = "EU-Vietnam Cluster Mission"
DELEGATES = ("BioValley Alsace", "Basque Health Cluster", "Life Science Nord")


def test_the_event_a_delegation_travelled_to_two_cities_for_is_found():
    ents, rels, facts = text_by_name(VIETNAM, "page.md")
    assert ents[V_EVENT].label == "Event" and ents[V_EVENT].country == "VN"
    assert ("ECCP Vietnam office", "COORDINATES", V_EVENT) in rels
    for org in DELEGATES:
        assert (org, "PARTICIPATED_IN", V_EVENT) in rels, org
    assert any(f[0] == V_EVENT and f[2] == 60 for f in facts)


def test_the_organisers_of_the_mission_are_not_the_delegation_that_visited():
    _, rels, _ = text_by_name(VIETNAM, "page.md")
    visitors = {r[0] for r in rels if r[1] == "VISITED"}
    assert visitors == set(DELEGATES), visitors


def test_whom_the_participants_visited_and_then_met_with_were_both_visited():
    _, rels, _ = text_by_name(VIETNAM, "page.md")
    for org in DELEGATES:
        assert (org, "VISITED", "Saigon Hi-Tech Park") in rels, org
        assert (org, "VISITED", "Vietnam Chamber of Commerce and Industry") in rels, org
