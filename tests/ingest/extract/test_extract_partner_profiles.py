"""A partnership page that profiles its members (2026-12-05, eleventh round): figures written with
a thousands separator, a profile's budget under its heading, "Based in …, it …", a name that
would run back over a heading, and the "New members" of the partnership the title names.
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("# Blue Harbour Partnership welcomes new members\n\n"
         "The Blue Harbour Partnership brings together six clusters from five countries.\n\n"
         "## New members\n\n"
         "- Nordic Maritime Cluster (Norway)\n"
         "- Adriatic Ports Network (Croatia)\n\n"
         "## Partners\n\n"
         "Nordic Wind Cluster is based in Bergen, Norway. It gathers 140 members.\n\n"
         "Tyrrhenian Boats Cluster joined in June. Based in Split, Croatia, it represents 60 companies.\n\n"
         "### Baltic Blue Tech Cluster (Lithuania)\n\n"
         "Founded in 2012. Around 80 members. Annual budget of EUR 1.5 million.\n\n"
         "The partnership now counts 9 clusters and represents more than 2,000 companies.\n")


def test_a_figure_grouped_by_thousands_is_a_count_not_a_year():
    _, _, facts = text_by_name("# Blue Harbour Partnership\n\nIt gathers 2,000 companies and 1.900 researchers. "
                               "In 2019 it grew.\n", "page.md")
    values = {f[2] for f in facts}
    assert {2000, 1900} <= values and 2019 not in values, facts


def test_a_measure_ends_where_the_next_predicate_starts():
    _, _, facts = text_by_name(_PAGE, "page.md")
    assert ("Blue Harbour Partnership", "clusters", 9) in facts, facts
    assert ("Blue Harbour Partnership", "companies represented (more than)", 2000) in facts, facts


def test_money_in_a_members_profile_is_that_members():
    _, _, facts = text_by_name(_PAGE, "page.md")
    owners = {f[0] for f in facts if f[2] == 1500000}
    assert owners == {"Baltic Blue Tech Cluster"}, facts


def test_based_in_before_it_places_the_body_of_the_sentence_before():
    ents, _, _ = text_by_name(_PAGE, "page.md")
    assert ents["Tyrrhenian Boats Cluster"].country == "HR"


def test_based_in_before_a_name_places_that_name():
    ents, _, _ = text_by_name("Alpha Robotics Cluster was launched in 2015. Located in Turin, Beta Motion Cluster "
                              "has 80 members.\n")
    assert ents["Beta Motion Cluster"].country == "IT"
    assert ents["Alpha Robotics Cluster"].country is None


def test_a_name_never_runs_back_over_a_heading():
    ents, _, _ = text_by_name(_PAGE, "page.md")
    assert not [n for n in ents if "\n" in n], sorted(ents)
    assert ents["Nordic Wind Cluster"].country == "NO"


def test_new_members_join_the_partnership_the_title_names():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    assert ("Nordic Maritime Cluster", "PARTNER_IN", "Blue Harbour Partnership") in rels
    assert ("Adriatic Ports Network", "PARTNER_IN", "Blue Harbour Partnership") in rels
    assert not [r for r in rels if r[1] == "MEMBER_OF"], sorted(rels)
