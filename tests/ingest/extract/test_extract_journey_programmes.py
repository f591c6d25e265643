"""Missions and forums as news pages tell them (2026-12-04, ninth round): the event named after
"travelled to X for the …", a headline that hosts an event, a mission named again without its
destination, the programme of a journey (whom the travellers met, were briefed or welcomed by,
toured), a forum that took place, and the region a body is stated to be in when its country is
known from elsewhere. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

HYDROGEN = ("# Nordic-Baltic delegation explores hydrogen valley in Spain\n\n"
            "From 14 to 16 March 2023, a delegation of twelve companies from the Baltic Sea region travelled to "
            "Aragon for the Hydrogen Valley Business Mission, organised by Energy Cluster Denmark together with "
            "the Latvian Cleantech Association.\n\n"
            "Participating companies included Vindmølle ApS (Denmark), Baltic Fuel Cells SIA (Latvia) and "
            "Nordgas Oy (Finland).\n\n"
            "More than 40 B2B meetings were held during the mission.\n")
H_EVENT = "Hydrogen Valley Business Mission"

KENYA = ("# AgriTech Bridge mission to Kenya\n\n"
         "The AgriTech Bridge partnership, which brings together five European agri-food clusters, organised a "
         "business mission to Nairobi from 6 to 9 June 2024.\n\n"
         "On the first day, the delegation was welcomed by the Kenya Association of Manufacturers at its "
         "headquarters. Site visits to Twiga Foods followed.\n\n"
         "The participants also had the opportunity to visit the Nairobi Business Park.\n\n"
         "On 8 June, the group went on a tour of the facilities of Kakuzi PLC, a leading avocado producer.\n\n"
         "The delegation included Agro Food Park (Denmark), Food Valley NL (Netherlands) and Wielkopolska "
         "Food Cluster (Poland).\n")

FORUM = ("# Casablanca hosts the second Euro-African Cluster Matchmaking Forum\n\n"
         "More than 200 participants from 15 countries attended the Euro-African Cluster Matchmaking Forum, "
         "held in Casablanca on 12 and 13 May 2024.\n\n"
         "The forum was co-organised by the Moroccan Automotive Cluster and the Italian cluster Lombardia "
         "Mobilità.\n")


def test_the_event_a_delegation_travelled_to_a_region_for_is_found_with_its_organisers():
    ents, rels, facts = text_by_name(HYDROGEN, "page.md")
    assert ents[H_EVENT].label == "Event" and ents[H_EVENT].country == "ES"
    assert "Aragon for the Hydrogen Valley Business Mission" not in ents
    for org in ("Energy Cluster Denmark", "Latvian Cleantech Association"):
        assert (org, "COORDINATES", H_EVENT) in rels, org
    assert any(f[0] == H_EVENT and f[2] == 40 for f in facts)


def test_participating_companies_at_a_sentences_start_took_part_in_the_mission():
    _, rels, _ = text_by_name(HYDROGEN, "page.md")
    for org in ("Vindmølle ApS", "Baltic Fuel Cells SIA", "Nordgas Oy"):
        assert (org, "PARTICIPATED_IN", H_EVENT) in rels, org


def test_a_mission_named_again_without_its_destination_is_one_event():
    ents, rels, _ = text_by_name("# The Solar Business Mission to Spain\n\n"
                                 "The Solar Business Mission took place in Aragon.\n\n"
                                 "Participants included Vindmølle ApS (Denmark) and Nordgas Oy (Finland).\n", "page.md")
    events = [e for e in ents.values() if e.label == "Event"]
    assert len(events) == 1, [e.name for e in events]
    assert ("Nordgas Oy", "PARTICIPATED_IN", events[0].name) in rels


def test_the_title_mission_and_the_mission_to_a_city_of_its_country_are_one_event():
    ents, rels, _ = text_by_name(KENYA, "page.md")
    events = [e.name for e in ents.values() if e.label == "Event"]
    assert events == ["AgriTech Bridge mission to Kenya"], events
    for org in ("Agro Food Park", "Food Valley NL", "Wielkopolska Food Cluster"):
        assert (org, "PARTICIPATED_IN", events[0]) in rels, org


def test_whom_the_delegation_was_welcomed_by_visited_or_toured_is_visited_by_the_partnership():
    _, rels, _ = text_by_name(KENYA, "page.md")
    visited = {r[2] for r in rels if r[1] == "VISITED" and r[0] == "AgriTech Bridge"}
    assert visited == {"Kenya Association of Manufacturers", "Twiga Foods", "Nairobi Business Park", "Kakuzi PLC"}
    # what the participants had the chance to visit, or toured, is no participant
    assert not [r for r in rels if r[1] == "PARTICIPATED_IN" and r[0] in ("Nairobi Business Park", "Kakuzi PLC")]


def test_a_country_code_ending_a_listed_name_stays_in_the_name():
    ents, _, _ = text_by_name(KENYA, "page.md")
    assert "Food Valley NL" in ents and "Food Valley" not in ents


def test_whom_a_delegation_met_on_the_days_of_a_mission_it_visited():
    _, rels, _ = text_by_name(
        "# GreenPort mission to Japan\n\n"
        "GreenPort is a European Strategic Cluster Partnership of five port clusters.\n\n"
        "Day 1 (Tokyo) started with a briefing at the Japan External Trade Organization, followed by a seminar "
        "with the Japan Ports Association. On day 2 the delegation met the innovation team of Yokohama Harbour "
        "Corporation.\n", "page.md")
    visited = {r[2] for r in rels if r[1] == "VISITED" and r[0] == "GreenPort"}
    assert {"Japan External Trade Organization", "Japan Ports Association", "Yokohama Harbour Corporation"} <= visited


def test_a_headline_that_hosts_an_event_names_the_event_not_the_headline():
    ents, rels, _ = text_by_name(FORUM, "page.md")
    events = [e.name for e in ents.values() if e.label == "Event"]
    assert events == ["Euro-African Cluster Matchmaking Forum"], events
    assert ("Moroccan Automotive Cluster", "COORDINATES", events[0]) in rels


def test_a_forum_that_took_place_or_was_attended_is_an_event():
    for text in ("The Baltic Sea Innovation Forum took place in Riga on 3 May.",
                 "Alpha Cluster presented its results at the Baltic Sea Innovation Forum.",
                 "The 5th Baltic Sea Innovation Forum gathered 400 participants."):
        ents, _, _ = text_by_name(text)
        forum = next(e for e in ents.values() if e.name.endswith("Baltic Sea Innovation Forum"))
        assert forum.label == "Event", text
    ents, _, _ = text_by_name("The Baltic Sea Innovation Forum is a network of 40 research bodies.")
    assert ents["Baltic Sea Innovation Forum"].label == "Organisation"


def test_a_region_stated_for_a_body_whose_country_is_known_places_it_in_the_region():
    for line in ("Alpha Wood Cluster (Catalonia) joined.", "Alpha Wood Cluster from Catalonia joined.",
                 "The partnership is led by Alpha Wood Cluster, based in Catalonia, Spain."):
        _, rels, _ = text_by_name("Partners: Alpha Wood Cluster (Spain).\n\n" + line + "\n")
        assert ("Alpha Wood Cluster", "LOCATED_IN", "Catalonia") in rels, line
        assert ("Alpha Wood Cluster", "LOCATED_IN", "Spain") not in rels, line


def test_a_partners_country_said_with_its_role_or_at_its_lines_end_places_it():
    for line in ("The Spanish partner, Alpha Wood Cluster, leads the work on training.",
                 "Alpha Wood Cluster is the Spanish member of the network.",
                 "In Spain, Alpha Wood Cluster will host the first workshop.",
                 "**Coordinator:** Alpha Wood Cluster, Spain"):
        ents, _, _ = text_by_name("# Partners\n\n" + line + "\n\nThe work starts in May.\n", "page.md")
        assert ents["Alpha Wood Cluster"].country == "ES", line
    ents, _, _ = text_by_name("# Partners\n\nAlpha Wood Cluster leads the work on training.\n", "page.md")
    assert ents["Alpha Wood Cluster"].country is None


def test_a_group_said_with_its_country_places_each_body_of_its_list():
    for line in ("The Spanish partners are Alpha Wood Cluster and Gamma Pole.",
                 "Alpha Wood Cluster and Gamma Pole (both Spain) joined.",
                 "Alpha Wood Cluster and Gamma Pole, both from Spain, joined.",
                 "Two Spanish clusters, Alpha Wood Cluster and Gamma Pole, joined.",
                 "Partners from Spain include Alpha Wood Cluster and Gamma Pole."):
        ents, _, _ = text_by_name("# Partners\n\n" + line + "\n\nMore text.\n", "page.md")
        assert (ents["Alpha Wood Cluster"].country, ents["Gamma Pole"].country) == ("ES", "ES"), line


def test_a_city_after_a_dash_in_a_partner_line_is_where_the_partner_is_not_its_name():
    ents, _, _ = text_by_name("# Partners\n\n- Alpha Wood Cluster – Valencia (Spain)\n- Beta Cluster – Turin (Italy)\n",
                              "page.md")
    assert ents["Alpha Wood Cluster"].country == "ES" and ents["Beta Cluster"].region == "Turin"
