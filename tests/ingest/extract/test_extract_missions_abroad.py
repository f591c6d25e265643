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


def test_a_visit_or_meeting_dated_or_placed_by_the_clause_after_it_is_an_event():
    ents, rels, _ = text_by_name("# News\n\n"
                                 "The agreement builds on a scoping visit made in March 2025 by the Alpha Food Cluster.\n\n"
                                 "A partner meeting took place in Lyon in May, hosted by Beta Valley.\n\n"
                                 "The first mission, to Santiago de Chile in November 2025, is prepared by Gamma "
                                 "Hydrogen Cluster.\n", "page.md")
    events = {n for n, e in ents.items() if e.label == "Event"}
    assert {"scoping visit", "partner meeting", "first mission"} <= events, events
    assert ("Beta Valley", "COORDINATES", "partner meeting") in rels
    assert ("Gamma Hydrogen Cluster", "COORDINATES", "first mission") in rels


def test_a_mission_planned_in_passing_does_not_take_the_named_events_figures():
    _, _, facts = text_by_name("# Newsletter\n\n## Missions\n\n"
                               "A second mission, to Japan, is planned for 2026.\n\n## Events\n\n"
                               "The Delta Matchmaking Days took place in Bologna on 14 October 2025. More than 140 "
                               "companies attended, and 210 B2B meetings were held.\n", "page.md")
    assert ("Delta Matchmaking Days", "B2B meetings held", 210) in facts, facts


def test_a_meeting_with_nothing_that_dates_or_places_it_is_no_event():
    ents, _, _ = text_by_name("The partners discussed the results at the meeting, which was very productive.\n")
    assert not [n for n, e in ents.items() if e.label == "Event"]


def test_a_mission_to_two_countries_is_named_with_both():
    ents, _, _ = text_by_name("A business mission to Japan and South Korea took place in May.\n")
    assert "business mission to Japan and South Korea" in ents, list(ents)


def test_the_dated_lines_of_an_agenda_name_events_and_news_lines_do_not():
    ents, _, _ = text_by_name("# Newsletter\n\n## Agenda\n\n"
                              "- 15 April 2026 – Webinar: battery passports for SMEs (online)\n"
                              "- 20–21 May 2026 – Delta partner meeting, Porto\n"
                              "- 8 June 2026 – Network general assembly, Brussels\n"
                              "- 9 June 2026 – Alpha Cluster signs a new agreement\n", "page.md")
    events = {n: e for n, e in ents.items() if e.label == "Event"}
    assert {"Webinar: battery passports for SMEs", "Delta partner meeting", "Network general assembly"} == set(events)
    assert events["Delta partner meeting"].country == "PT"


def test_a_partnership_that_organised_the_visit_coordinates_it_and_does_not_take_part():
    _, rels, _ = text_by_name("# Study visit to Morocco\n\n"
                              "From 4 to 6 March 2025, representatives of the Alpha Agrifood Cluster (Spain) and the "
                              "Beta Food Cluster (France) travelled to Casablanca.\n\n"
                              "The visit was organised by the Zeta Partnership.\n", "page.md")
    assert ("Zeta Partnership", "COORDINATES", "Study visit to Morocco") in rels
    assert ("Zeta Partnership", "PARTICIPATED_IN", "Study visit to Morocco") not in rels
    assert ("Alpha Agrifood Cluster", "PARTICIPATED_IN", "Study visit to Morocco") in rels
