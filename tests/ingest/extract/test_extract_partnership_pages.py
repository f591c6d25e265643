"""A partnership's own page as such pages are written (2026-12-04, eighth round): an acronym and a
description for a title, a partner list with roles, the markets it focuses on, what its partners
did together. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

PAGE = ("HYDRO-LINK: European Strategic Cluster Partnership for water technologies\n\n"
        "About the partnership\n\n"
        "HYDRO-LINK is a European Strategic Cluster Partnership that brings together five cluster organisations to "
        "help water technology SMEs enter markets in South-East Asia and Latin America. It is co-funded by the EU's "
        "Single Market Programme.\n\n"
        "Partners\n\n"
        "- Lakeland Water Cluster (coordinator), Italy\n"
        "- Nordic Water Technology Network, Denmark\n"
        "- Adriatic Aqua Cluster, Slovenia\n\n"
        "Target markets\n\n"
        "The partnership focuses on Vietnam, Indonesia, Brazil and Chile. In 2025 the partners organised a trade "
        "mission to Ho Chi Minh City.\n")


def test_an_acronym_titled_with_a_description_is_the_partnerships_name():
    ents, rels, _ = text_by_name(PAGE)
    assert ents["HYDRO-LINK"].label == "Partnership"
    # the EU action's name is no partnership, and "Latin America" places it nowhere
    assert not [n for n in ents if n.startswith("European Strategic Cluster Partnership")]
    assert ents["HYDRO-LINK"].country is None
    # "the EU's programme": the programme funds it, the Union is no entity of the page
    assert ("HYDRO-LINK", "FUNDED_BY", "Single Market Programme") in rels and "European Union" not in ents


def test_a_partner_line_with_its_role_in_brackets_keeps_the_name_clean():
    ents, rels, _ = text_by_name(PAGE)
    assert ents["Lakeland Water Cluster"].label == "Cluster" and ents["Lakeland Water Cluster"].country == "IT"
    assert not [n for n in ents if "(coordinator)" in n]
    assert ("Lakeland Water Cluster", "COORDINATES", "HYDRO-LINK") in rels


def test_the_markets_a_partnership_focuses_on_are_its_targets():
    _, rels, _ = text_by_name(PAGE)
    assert {o for s, t, o in rels if s == "HYDRO-LINK" and t == "TARGETS"} == {"Vietnam", "Indonesia", "Brazil", "Chile"}


def test_a_mission_the_partners_organised_to_a_city_of_several_words():
    ents, rels, _ = text_by_name(PAGE)
    assert ents["trade mission to Ho Chi Minh City"].country == "VN"
    assert ("HYDRO-LINK", "COORDINATES", "trade mission to Ho Chi Minh City") in rels


RESULTS = ("# MEDLINK-4i: results of the first year\n\n"
           "The MEDLINK-4i partnership supports health-technology SMEs from its partner clusters in entering the "
           "markets of Canada and Singapore.\n\n"
           "| Activity | Canada | Singapore | Total |\n|---|---|---|---|\n"
           "| Webinars | 3 | 2 | 5 |\n| B2B meetings | 48 | 31 | 79 |\n\n"
           "Two more clusters, the Latvian Medtech Association and the Tartu Health Cluster, joined MEDLINK-4i as "
           "associated partners.\n")


def test_a_table_with_countries_across_gives_each_figure_its_country():
    _, _, facts = text_by_name(RESULTS, "results.md")
    assert {("MEDLINK-4i", "B2B meetings", 48), ("MEDLINK-4i", "B2B meetings", 31), ("MEDLINK-4i", "B2B meetings", 79),
            ("MEDLINK-4i", "Webinars", 3)} <= set(facts)


def test_the_countries_of_a_table_across_are_the_figures_countries():
    from clusternet.ingest.extract import extract_text
    from clusternet.ingest.sources.readers import document_from_text

    ex = extract_text(document_from_text(RESULTS, name="results.md"))
    by = {(f.measure, f.value): f.country for f in ex.facts}
    assert by[("B2B meetings", 48)] == "CA" and by[("B2B meetings", 31)] == "SG" and by[("B2B meetings", 79)] is None


def test_clusters_counted_as_they_join_a_named_partnership_are_its_figure():
    _, rels, facts = text_by_name(RESULTS, "results.md")
    assert ("Latvian Medtech Association", "PARTNER_IN", "MEDLINK-4i") in rels
    assert [f for f in facts if f[0] == "MEDLINK-4i" and f[2] == 2]


CALL = ("Call for SMEs: join the SolarBridge mission to India\n\n"
        "The SolarBridge partnership invites solar SMEs to join its business mission to Mumbai from 2 to 6 February "
        "2026. The mission is organised by the Nordic Solar Cluster, coordinator of SolarBridge, with the support of "
        "the EU Business and Technology Cooperation Centre in India.\n\n"
        "SolarBridge is an ESCP-4i partnership of three clusters: the Nordic Solar Cluster (Denmark), Sun Valley "
        "Cluster Bavaria (Germany) and the Iberian Solar Council (Spain).\n")


def test_a_partnership_of_clusters_listed_after_a_colon_are_its_partners_and_its_coordinator_is_named_by_apposition():
    _, rels, _ = text_by_name(CALL)
    for p in ("Nordic Solar Cluster", "Sun Valley Cluster Bavaria", "Iberian Solar Council"):
        assert (p, "PARTNER_IN", "SolarBridge") in rels, p
    assert ("Nordic Solar Cluster", "COORDINATES", "SolarBridge") in rels


def test_a_partnership_takes_no_country_from_the_partners_it_is_described_with():
    ents, _, _ = text_by_name(CALL)
    assert ents["SolarBridge"].country is None


def test_a_call_for_participants_names_nobody_who_took_part():
    ents, rels, _ = text_by_name(CALL)
    assert not [r for r in rels if r[1] == "PARTICIPATED_IN"]
    # a name joining two fields with "and" is one name
    assert "EU Business and Technology Cooperation Centre" in ents and "EU Business" not in ents


INTRO = "TIMBERLINK: a partnership for wood clusters\n\nTIMBERLINK is a European Strategic Cluster Partnership.\n\n"


def test_a_partner_table_under_its_header_rule_lists_the_partners_and_the_coordinators_role():
    _, rels, _ = text_by_name(INTRO + "| Partner | Country | Role |\n|---|---|---|\n"
                              "| Pine Wood Cluster | Spain | Coordinator |\n| Oak Mobility Pole | France | Partner |\n",
                              "page.md")
    assert ("Pine Wood Cluster", "PARTNER_IN", "TIMBERLINK") in rels
    assert ("Oak Mobility Pole", "PARTNER_IN", "TIMBERLINK") in rels
    assert ("Pine Wood Cluster", "COORDINATES", "TIMBERLINK") in rels


def test_partner_cards_with_the_country_on_the_line_below_the_name():
    ents, rels, _ = text_by_name(INTRO + "Project partners\n\nPine Wood Cluster\nSpain\n\nOak Mobility Pole\nFrance\n")
    assert ents["Pine Wood Cluster"].country == "ES" and ents["Oak Mobility Pole"].country == "FR"
    assert ("Oak Mobility Pole", "PARTNER_IN", "TIMBERLINK") in rels
    assert not [n for n in ents if n.endswith(("Spain", "France")) and n not in ("Spain", "France")]


def test_markets_listed_on_one_line_under_the_heading_or_with_a_city_state_are_all_targeted():
    head = "# GreenShip Connect\n\nGreenShip Connect is a European Strategic Cluster Partnership.\n\n"
    for text in (head + "## Target markets\n\nCanada, Chile and Japan.\n",
                 head + "Its target markets are Canada, Chile and Japan.\n"):
        _, rels, _ = text_by_name(text, "page.md")
        assert {r[2] for r in rels if r[1] == "TARGETS"} == {"Canada", "Chile", "Japan"}, text
    ents, rels, _ = text_by_name(head + "Its target markets are Canada and Singapore.\n", "page.md")
    assert ("GreenShip Connect", "TARGETS", "Singapore") in rels and ents["Singapore"].label == "Country"


def test_one_of_the_partners_and_a_partnership_which_also_involves_others():
    head = "# AquaLink\n\nAquaLink is a European Strategic Cluster Partnership in the water sector.\n\n"
    _, rels, _ = text_by_name(head + "Alpha Cluster is one of the partners of AquaLink.\n", "page.md")
    assert ("Alpha Cluster", "PARTNER_IN", "AquaLink") in rels
    _, rels, _ = text_by_name(head + "Alpha Cluster coordinates AquaLink, which also involves Beta Cluster and Gamma "
                                 "Pole.\n", "page.md")
    assert {r[0] for r in rels if r[1:] == ("PARTNER_IN", "AquaLink")} == {"Alpha Cluster", "Beta Cluster", "Gamma Pole"}
    assert ("Alpha Cluster", "COORDINATES", "AquaLink") in rels


def test_a_project_name_before_a_titles_description_or_after_welcome_to_is_the_partnership():
    ents, rels, _ = text_by_name("Welcome to AGRI-LINK!\n\nAGRI-LINK connects agri-food clusters. Its members are Alpha "
                             "Cluster (Spain) and Beta Cluster (Greece).\n", "page.md")
    assert ents["AGRI-LINK"].label == "Partnership" and ("Alpha Cluster", "PARTNER_IN", "AGRI-LINK") in rels
    ents, _, _ = text_by_name("SEA-BRIDGE – connecting port clusters\n\nSEA-BRIDGE is run by its project partners "
                          "Alpha Cluster and Beta Cluster.\n", "page.md")
    assert ents["SEA-BRIDGE"].label == "Partnership"


def test_a_coined_name_that_brings_partners_together_is_a_partnership():
    for line in ("BlueRoutes brings together Alpha Cluster (Spain), Beta Cluster (Italy) and Gamma Pole (France).",
                 "The partners of BlueRoutes are Alpha Cluster (Spain) and Beta Cluster (Italy)."):
        ents, rels, _ = text_by_name("# News from the ports\n\n" + line + "\n", "page.md")
        assert ents["BlueRoutes"].label == "Partnership", line
        assert ("Alpha Cluster", "PARTNER_IN", "BlueRoutes") in rels, line
