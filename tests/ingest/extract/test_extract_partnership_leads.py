"""Who leads a partnership, in the ways partnership pages say it (2026-12-05, tenth round): the
leadership of, the coordinating cluster, the partnership's coordinator, who is leading it or in
charge of its coordination, who launched, founded or runs it. Every text is written here for the
check; no corpus page is copied."""
from __future__ import annotations

import pytest

from tests.helpers.extracted import text_by_name

OPENING = "# News\n\nThe Delta Bridge partnership was launched in 2024.\n\n"


@pytest.mark.parametrize("sentence", [
    "Under the leadership of Alpha Cluster, the partnership will support SMEs in entering Asian markets.",
    "The partnership's coordinator Alpha Cluster presented the strategy.",
    "The coordinating cluster, Alpha Cluster, presented the strategy.",
    "Alpha Cluster is leading the partnership.",
    "Alpha Cluster is in charge of the overall coordination of Delta Bridge.",
    "Alpha Cluster takes the lead in the Delta Bridge partnership.",
    "The coordinator of Delta Bridge, the Spanish cluster Alpha Cluster, presented the strategy.",
    "The Delta Bridge initiative was launched by Alpha Cluster.",
    "The Delta Bridge project is run by Alpha Cluster.",
    "The Delta Bridge project, an initiative of Alpha Cluster, connects clusters in five countries.",
])
def test_the_cluster_said_to_lead_the_partnership_coordinates_it(sentence):
    _, rels, _ = text_by_name(OPENING + sentence + "\n", "page.md")
    assert ("Alpha Cluster", "COORDINATES", "Delta Bridge") in rels, rels


def test_a_cluster_that_merely_presents_the_partnership_leads_nothing():
    _, rels, _ = text_by_name(OPENING + "Alpha Cluster presented the partnership's strategy in Brussels.\n", "page.md")
    assert not [r for r in rels if r[1] == "COORDINATES"], rels


def test_an_organiser_of_an_event_is_not_also_one_of_its_participants():
    _, rels, _ = text_by_name("Alpha Cluster and Beta Cluster organised a webinar on digital product passports "
                              "on 3 March, with 120 participants.\n")
    events = {r[2] for r in rels if r[1] == "COORDINATES"}
    assert events and not [r for r in rels if r[1] == "PARTICIPATED_IN" and r[2] in events], rels


PLASTICS = ("# PLASTLOOP\n\nPLASTLOOP is a partnership of six clusters. The project, which the Walloon cluster Plastiwin "
            "leads, issues open calls for SMEs.\n\nThe first open call closed on 15 May 2024 with 214 applications from "
            "18 countries; 41 SMEs were selected.\n")


def test_the_cluster_in_a_relative_clause_after_the_project_leads_it():
    _, rels, _ = text_by_name(PLASTICS, "page.md")
    assert ("Plastiwin", "COORDINATES", "PLASTLOOP") in rels


def test_figures_after_a_paragraph_about_the_project_are_the_projects():
    _, _, facts = text_by_name(PLASTICS, "page.md")
    assert {f[0] for f in facts if f[2] in (214, 41)} == {"PLASTLOOP"}, facts


PARTNER_TABLE = ("# GreenPorts Alliance\n\nEuropean Strategic Cluster Partnership for Going International\n\n"
                 "GreenPorts Alliance connects port clusters. The partnership is funded by the Single Market Programme "
                 "with EUR 1.1 million for 2024–2026.\n\n## Partners\n\n"
                 "Cluster\tCountry\tRole\nAlpha Port Cluster\tNetherlands\tCoordinator\n"
                 "Beta Logistics Cluster\tGermany\tPartner\nGamma Maritime Cluster\tSpain\tPartner\n")


def test_a_partner_table_under_its_heading_names_the_partners_and_its_role_cell_the_coordinator():
    _, rels, _ = text_by_name(PARTNER_TABLE, "page.md")
    for c in ("Alpha Port Cluster", "Beta Logistics Cluster", "Gamma Maritime Cluster"):
        assert (c, "PARTNER_IN", "GreenPorts Alliance") in rels, c
    assert {r[0] for r in rels if r[1] == "COORDINATES"} == {"Alpha Port Cluster"}


def test_the_partnership_is_not_a_programme_whose_name_says_partnership():
    _, _, facts = text_by_name(PARTNER_TABLE, "page.md")
    assert {f[0] for f in facts if f[2] == 1100000} == {"GreenPorts Alliance"}, facts


PROFILES = ("# HealthTech Bridge – the partners\n\n"
            "HealthTech Bridge is a European Strategic Cluster Partnership of four health clusters.\n\n"
            "### Alpha Bio Cluster, Spain (coordinator)\nAlpha Bio Cluster gathers 210 members in Catalonia.\n\n"
            "### Medic Beta, Germany\nMedic Beta is the medical technology cluster of Baden-Württemberg.\n\n"
            "### Pôle Delta Santé, France\nThe French competitiveness cluster Pôle Delta Santé has 300 members.\n\n"
            "### Alpha Bio Cluster news\nAlpha Bio Cluster opened an office.\n")


def test_a_partners_own_heading_with_its_country_or_role_names_a_partner_and_the_coordinator():
    _, rels, _ = text_by_name(PROFILES, "page.md")
    for c in ("Alpha Bio Cluster", "Medic Beta", "Pôle Delta Santé"):
        assert (c, "PARTNER_IN", "HealthTech Bridge") in rels, c
    assert {r[0] for r in rels if r[1] == "COORDINATES"} == {"Alpha Bio Cluster"}


def test_a_markdown_heading_ending_in_lower_case_is_not_joined_to_the_line_below():
    ents, _, facts = text_by_name(PROFILES, "page.md")
    assert ("Alpha Bio Cluster", "members gathered", 210) in facts
    assert not [n for n in ents if "coordinator" in n]


@pytest.mark.parametrize("sentence", [
    "Alpha Cluster is hosting the Delta Forum 2025 in Porto.",
    "Alpha Cluster will host the Delta Forum 2025 in Porto.",
    "Alpha Cluster is organising the Delta Forum 2025 in Porto.",
    "Alpha Cluster holds its annual Delta Forum 2025 in Porto.",
    "Alpha Cluster and Beta Cluster co-host the Delta Forum 2025 in Porto.",
    "Alpha Cluster convened the Delta Forum 2025 in Porto.",
])
def test_the_cluster_that_hosts_or_holds_an_event_coordinates_it(sentence):
    _, rels, _ = text_by_name(sentence + "\n")
    assert ("Alpha Cluster", "COORDINATES", "Delta Forum 2025") in rels, rels


def test_a_cluster_that_arranged_or_prepared_a_mission_coordinates_it():
    _, rels, _ = text_by_name("Alpha Cluster prepared a business mission to Japan for 12 SMEs.\n")
    assert ("Alpha Cluster", "COORDINATES", "business mission to Japan") in rels, rels


def test_a_markdown_partner_table_names_its_coordinator_by_the_role_cell():
    _, rels, _ = text_by_name("# GreenPorts Alliance\n\nGreenPorts Alliance connects port clusters.\n\n## Partners\n\n"
                              "| Cluster | Country | Role |\n|---|---|---|\n| Alpha Cluster | France | coordinator |\n"
                              "| Beta Cluster | Spain | partner |\n", "page.md")
    assert {r[0] for r in rels if r[1] == "COORDINATES"} == {"Alpha Cluster"}
    assert ("Beta Cluster", "PARTNER_IN", "GreenPorts Alliance") in rels


def test_a_bracket_with_a_role_and_a_country_or_a_slash_gives_the_country():
    for text in ("Partners: Alpha Cluster (coordinator, France), Beta Cluster (Spain).\n",
                 "Partners: Alpha Cluster (France; coordinator), Beta Cluster (Spain).\n",
                 "Partners: Alpha Cluster (Lyon/France), Beta Cluster (Spain).\n"):
        ents, _, _ = text_by_name(text)
        assert ents["Alpha Cluster"].country == "FR", text


def test_a_title_naming_a_partnership_by_its_noun_types_it_and_its_markets_follow():
    ents, rels, _ = text_by_name("# SolarLink partnership\n\nSolarLink helps SMEs access the markets of Chile and "
                                 "Morocco.\n", "page.md")
    assert ents["SolarLink"].label == "Partnership"
    assert {r[2] for r in rels if r[1] == "TARGETS"} == {"Chile", "Morocco"}, rels


def test_a_cluster_that_leads_a_part_of_the_partnerships_work_does_not_coordinate_it():
    _, rels, _ = text_by_name(OPENING + "The Beta Food Cluster leads the partnership's work on market intelligence. "
                              "Alpha Cluster will coordinate the partnership's activities until 2027.\n", "page.md")
    assert {r[0] for r in rels if r[1] == "COORDINATES"} == {"Alpha Cluster"}, rels
