"""Whose figure it is (2026-12-05, tenth round): a project's budget after its name in apposition,
"the network" of a newsletter the title names, a "two-year project" as a duration and not a count.
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_budget_after_a_project_in_apposition_is_the_projects():
    _, _, facts = text_by_name("# News\n\nThe Alpha Manufacturing Cluster held its assembly. The cluster has also "
                               "been confirmed as coordinator of FACTORY-X Skills, a two-year project funded by the "
                               "Erasmus+ programme with a budget of EUR 400,000.\n", "page.md")
    owners = {f[0] for f in facts if f[2] == 400000}
    assert owners == {"FACTORY-X Skills"}, facts


def test_a_two_year_project_is_a_duration_stated_once():
    _, _, facts = text_by_name("FACTORY-X Skills is a two-year project funded by Erasmus+.\n")
    assert [f for f in facts if f[2] == 2] == [("FACTORY-X Skills", "duration (years)", 2)], facts


def test_the_network_of_a_newsletter_is_the_one_its_title_names():
    _, _, facts = text_by_name("# Threads – the newsletter of the Smart Textiles Cluster Network\n\n## Matchmaking\n\n"
                               "The matchmaking was co-organised with the Enterprise Europe Network.\n\n## New members\n\n"
                               "Three organisations joined in February. The network now counts 47 member clusters and "
                               "organisations in 19 countries.\n", "page.md")
    assert ("Smart Textiles Cluster Network", "member clusters and organisations", 47) in facts, facts


def test_a_four_year_action_plan_keeps_its_own_noun_and_is_stated_once():
    _, _, facts = text_by_name("The Andes Bridge partnership is launching a four-year action plan (2025-2028).\n")
    assert [f for f in facts if f[2] == 4] == [("Andes Bridge", "action plan duration", 4)], facts


def test_a_valley_names_a_cluster_and_its_members_are_its_own():
    ents, _, facts = text_by_name("On 19 February the Kosice IT Valley and the Lviv IT Cluster signed a memorandum "
                                  "of understanding. Kosice IT Valley has 90 members.\n")
    assert ents["Kosice IT Valley"].label == "Cluster"
    assert ("Kosice IT Valley", "members", 90) in facts, facts


def test_silicon_valley_is_a_place_not_a_cluster():
    ents, _, _ = text_by_name("The delegation travelled to Silicon Valley in May.\n")
    assert ents["Silicon Valley"].label == "Region" and ents["Silicon Valley"].country == "US"


def test_the_partner_named_by_its_country_owns_the_figure():
    _, _, facts = text_by_name("On 19 February the Kosice IT Valley (Slovakia) and the Lviv IT Cluster (Ukraine) signed "
                               "a memorandum of understanding. Kosice IT Valley has 90 members; the Ukrainian partner "
                               "counts over 250 companies.\n")
    assert ("Kosice IT Valley", "members", 90) in facts
    assert {f[0] for f in facts if f[2] == 250} == {"Lviv IT Cluster"}, facts


def test_measures_end_before_a_name_and_a_count_of_which_some_are_smes_is_read():
    _, _, facts = text_by_name("# Partners\n\nHealthTech Bridge is a partnership of five health clusters targeting Canada, Japan and "
                               "Singapore.\n\nAlpha Bio Cluster gathers 210 members in Catalonia, of "
                               "which 150 are SMEs.\n\nWith 95 members, Gamma Health Valley connects companies and "
                               "hospitals.\n", "page.md")
    measures = {f[2]: f[1] for f in facts}
    assert measures.get(5) == "health clusters in the partnership" and measures.get(150) == "SMEs among the members" and measures.get(95) == "members", facts


def test_amounts_with_a_short_multiplier_and_counts_in_hundreds_are_read_whole():
    _, _, facts = text_by_name("The Delta Forum 2025 took place in Porto. It had a budget of EUR 1.2m, and €500k "
                               "came from sponsors. Two hundred companies attended. The hall offers 5m² booths.\n")
    values = {f[2] for f in facts}
    assert {1200000, 500000, 200} <= values and 2 not in values and 100 not in values, facts


def test_a_key_result_line_is_measured_without_its_bracketed_list():
    _, _, facts = text_by_name("# GreenPorts Alliance\n\n## Key results\n\n- 4 business missions (India, Brazil, South "
                               "Africa, Chile)\n- 310 B2B meetings\n", "page.md")
    assert ("GreenPorts Alliance", "business missions", 4) in facts, facts
