"""A partnership's mission page (2026-12-05, eleventh round): a participants table under its
heading, the event a title names after its colon, an edition's symposium, and "The mission was
co-funded by …". Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("# Green Mobility Bridge: mission to Canada\n\n"
         "**Montreal, 12–15 May 2025.** The ESCP-4i Green Mobility Bridge led a business mission to Canada with "
         "14 SMEs from six European countries.\n\n"
         "## Programme\n\n"
         "The delegation visited the Propulsion Québec cluster and met 35 Canadian companies during the B2B session "
         "at the EVS38 symposium.\n\n"
         "## Participants\n\n"
         "| Company | Country |\n|---|---|\n| VoltaDrive GmbH | Germany |\n| Rueda Smart SL | Spain |\n"
         "| Kinetik Oy | Finland |\n\n"
         "The mission was co-funded by the Single Market Programme.\n")


def test_a_participants_table_under_its_heading_took_part_in_the_pages_event():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    took_part = {r[0] for r in rels if r[1] == "PARTICIPATED_IN" and r[2] == "business mission to Canada"}
    assert took_part == {"VoltaDrive GmbH", "Rueda Smart SL", "Kinetik Oy"}, sorted(rels)


def test_an_edition_named_before_symposium_is_an_event():
    ents, _, _ = text_by_name(_PAGE, "page.md")
    assert ents["EVS38"].label == "Event"


def test_the_mission_is_funded_not_the_last_event_named():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    funded = {r[0] for r in rels if r[1] == "FUNDED_BY" and r[2] == "Single Market Programme"}
    assert funded == {"business mission to Canada"}, sorted(rels)


def test_a_title_names_its_event_after_the_colon():
    ents, _, _ = text_by_name("# Alpha Cluster: study visit to Kyoto\n\nTwelve members joined.\n", "page.md")
    assert ents["study visit to Kyoto"].label == "Event" and ents["study visit to Kyoto"].country == "JP"


def test_counts_a_delegation_is_made_of_are_measured_in_it():
    _, _, facts = text_by_name("The cooperation builds on a scoping visit made in March 2025 by a Danish delegation of "
                               "eight companies, which visited two plants in Accra.\n\n"
                               "In May, a delegation of 27 cluster organisations and 19 companies from eleven EU Member "
                               "States met Vietnamese counterparts at the Delta Cluster Matchmaking 2024.\n")
    by_value = {f[2]: f[1] for f in facts}
    assert by_value[8] == "companies in the Danish delegation", facts
    assert by_value[19] == "companies in the delegation", facts
    assert "delegation" not in by_value[11], facts


def test_counts_a_consortium_or_partnership_is_made_of_are_measured_in_it():
    _, _, facts = text_by_name("The consortium brings together eleven partners from seven countries.\n\n"
                               "CFA, the partnership of five textile clusters, has entered its second year.\n")
    by_value = {f[2]: f[1] for f in facts}
    assert by_value[11] == "partners in the consortium", facts
    assert by_value[5] == "textile clusters in the partnership", facts


def test_a_line_that_opens_a_list_is_measured_like_a_sentence():
    _, _, facts = text_by_name("News of the EU Smart Textiles Cluster Network\n\n## New members\n\n"
                               "Three organisations from Poland and one from Lithuania joined the network in "
                               "February:\n\n- Alpha Textiles (Poland)\n- Beta Fibres (Poland)\n", "page.md")
    assert ("EU Smart Textiles Cluster Network", "organisations from Poland", 3) in facts, facts


def test_a_bodys_own_delegation_is_its_delegation():
    _, _, facts = text_by_name("Alpha news\n\nAlpha Wood Cluster's delegation included 8 SMEs. Beta Cluster brought "
                               "its delegation of 12 companies.\n")
    assert ("Alpha Wood Cluster", "SMEs in its delegation", 8) in facts, facts
    assert ("Beta Cluster", "companies in its delegation", 12) in facts, facts
