"""Stated figures as the annotation conventions have them, on texts written for these tests
(2026-12-03, fifth round): an amount's measure names its currency, a fact sheet's label before an
amount is its measure, a programme is not what a count of members is about, and a country table
under a heading about a delegation counts the page's event; a partnership's duration is a figure
of it; "all partners took part" makes each partner a participant of the page's event."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_an_amount_names_its_currency():
    _, _, facts = text_by_name("Tidewater Robotics Cluster (Norway) leads the SEAFLOW project. "
                               "The project has a budget of EUR 1.2 million.")
    assert ("SEAFLOW", "budget (EUR)", 1_200_000) in facts


def test_a_field_label_before_an_amount_is_its_measure():
    text = ("SEAFLOW is a European Strategic Cluster Partnership.\n\n"
            "Lead partner: Tidewater Robotics Cluster (Norway)\n"
            "EU contribution: EUR 2,160,000, of which at least 75 % is passed on to SMEs\n")
    _, _, facts = text_by_name(text)
    assert ("SEAFLOW", "EU contribution (EUR)", 2_160_000) in facts
    assert not any(m == "amount" for _, m, _ in facts)


def test_a_programme_is_not_what_a_count_of_smes_is_about():
    _, _, facts = text_by_name("The Baltic Food Partnership is an ESCP funded under COSME. "
                               "Under COSME, 40 SMEs from the partner clusters received vouchers.")
    assert {s for s, m, v in facts if v == 40} == {"Baltic Food Partnership"}


def test_a_country_table_under_a_delegation_heading_counts_the_event():
    text = ("Baltic Andean Cluster Mission 2025\n\n"
            "The Baltic Andean Cluster Mission 2025 took place in Lima from 3 to 6 June, organised by the "
            "Andes Bridge partnership.\n\n## Delegation by country\n\n"
            "| Country | Clusters | Companies |\n|---|---|---|\n| Sweden | 3 | 7 |\n| Finland | 2 | 5 |\n")
    _, _, facts = text_by_name(text, "page.md")
    assert ("Baltic Andean Cluster Mission 2025", "Companies", 7) in facts
    assert not any(s == "Andes Bridge" for s, _, _ in facts)


def test_a_country_table_after_a_sentence_stays_the_partnerships():
    text = ("The Andes Bridge partnership (ESCP) was busy in 2024.\n\n"
            "The partners took part in a trade mission to Lima in March 2024.\n\n"
            "| Target country | Trade missions | B2B meetings |\n|---|---|---|\n| Peru | 2 | 41 |\n")
    _, _, facts = text_by_name(text, "page.md")
    assert ("Andes Bridge", "B2B meetings", 41) in facts


def test_a_partnerships_duration_is_a_figure_of_it():
    text = ("The Tidewater partnership\n\nThe European Strategic Cluster Partnership Tidewater started on 1 May "
            "2025 and will run for 30 months.\n")
    _, _, facts = text_by_name(text)
    assert ("Tidewater", "duration (months)", 30) in facts


def test_a_fact_sheet_duration_and_a_two_year_project():
    _, _, sheet = text_by_name("SEAFLOW is a European Strategic Cluster Partnership.\n\n"
                               "Duration: 36 months (1 January 2024 – 31 December 2026)\n")
    assert ("SEAFLOW", "duration (months)", 36) in sheet
    _, _, prose = text_by_name("The cluster coordinates NORDLINK, a two-year project funded by Interreg.")
    assert ("NORDLINK", "duration (years)", 2) in prose


def test_an_events_length_is_the_events_not_the_partnerships():
    _, _, facts = text_by_name("The Andes Bridge partnership organised a three-day mission to Lima in 2025.")
    assert not any(s == "Andes Bridge" and m.startswith("duration") for s, m, _ in facts), facts
    assert ("mission to Lima", "duration (days)", 3) in facts, facts      # its length in days (twenty-fourth round)


def test_all_partners_took_part_in_the_pages_event():
    text = ("Andes Bridge Business Mission to Peru 2025 – report\n\n"
            "The European Strategic Cluster Partnership Andes Bridge is coordinated by Tidewater Robotics Cluster. "
            "Its other partners are Nordic Mining Cluster and Baltic Sensor Cluster. All three partners took part.\n")
    _, rels, _ = text_by_name(text)
    took_part = {s for s, t, o in rels if t == "PARTICIPATED_IN" and o == "Andes Bridge Business Mission to Peru 2025"}
    assert {"Tidewater Robotics Cluster", "Nordic Mining Cluster", "Baltic Sensor Cluster"} <= took_part


def test_a_hedged_figure_keeps_its_hedge_in_brackets():
    _, _, facts = text_by_name("The Baltic Sensor Cluster (Estonia) has more than 120 members and about 40 partners abroad.")
    assert ("Baltic Sensor Cluster", "members (more than)", 120) in facts
    assert ("Baltic Sensor Cluster", "partners abroad (about)", 40) in facts


def test_an_entity_is_located_in_its_most_specific_place():
    _, rels, _ = text_by_name("Partners: Baltic Sensor Cluster (Tartu County, Estonia) and Nordic Mining Cluster (Sweden).\n")
    located = {(s, o) for s, t, o in rels if t == "LOCATED_IN"}
    assert ("Baltic Sensor Cluster", "Tartu County") in located and ("Baltic Sensor Cluster", "Estonia") not in located
    assert ("Nordic Mining Cluster", "Sweden") in located
    assert ("Tartu County", "PART_OF", "Estonia") in rels
