"""Plain-text newsletters as they are mailed (2026-12-05, twelfth round): lines wrapped at a fixed
width, a masthead naming the publication of a body. Every text is written here for the check; no
corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_NEWSLETTER = ("ALPINE CLUSTER NEWS\n"
               "Newsletter of the Alpine-Danube Cluster Alliance (AWCA) - n. 9, March 2026\n\n"
               "1. TIMBERSKILLS STARTED IN GRAZ\n\n"
               "With the kick-off meeting of 3-4 March in Graz (Austria) started the new Erasmus+ project\n"
               "TIMBER-SKILLS ALPS, which has a budget of EUR 960,000. The project is coordinated by the\n"
               "AWCA member Holzcluster Steiermark and will train 300 carpenters until 2028.\n\n"
               "2. TWO NEW MEMBERS FOR AWCA\n\nThe Alliance welcomed two new member clusters in April.\n")


def test_a_masthead_names_the_body_not_its_newsletter():
    ents, _, _ = text_by_name(_NEWSLETTER)
    assert "Alpine-Danube Cluster Alliance" in ents, sorted(ents)
    assert not [n for n in ents if n.startswith("Newsletter")], sorted(ents)


def test_a_project_named_after_a_wrapped_line_is_a_partnership_with_its_figures():
    ents, _, facts = text_by_name(_NEWSLETTER)
    assert ents["TIMBER-SKILLS ALPS"].label == "Partnership", sorted(ents)
    assert ("TIMBER-SKILLS ALPS", "budget (EUR)", 960000) in facts, facts


def test_a_heading_line_above_a_label_line_names_no_project():
    ents, _, _ = text_by_name("Innovation and Development in Cluster excellence and cooperative partnerships\n"
                              "Implementation period\n2016-2018\n")
    assert "Implementation period" not in ents, sorted(ents)


def test_a_matchmaking_day_described_with_its_place_is_an_event_with_its_figures():
    ents, _, facts = text_by_name("Split, 20 April – On 16 April the alliance organised the yachting matchmaking "
                                  "day in Split. 96 companies took part.\n")
    assert ents["yachting matchmaking day in Split"].country == "HR", sorted(ents)
    assert {s for s, m, v in facts if v == 96} == {"yachting matchmaking day in Split"}, facts


def test_a_programme_by_day_names_no_body_and_counts_no_days():
    ents, _, facts = text_by_name("Programme\n\nDay 1 - Monday 9 February (New Delhi)\nMeetings at the embassy.\n\n"
                                  "Day 2 - Tuesday 10 February (Gurugram, Haryana)\nVisit to two drone makers.\n")
    assert "February" not in ents, sorted(ents)
    assert not [f for f in facts if f[1] in ("Monday", "Tuesday")], facts


def test_a_nationality_before_a_company_with_its_legal_form_is_its_country_not_its_name():
    ents, _, _ = text_by_name("In the delegation were, among others, the Finnish Puurakenne Oy from Kuopio. The "
                              "Finnish Photonics Network ry sent two experts.\n")
    assert ents["Puurakenne Oy"].country == "FI", sorted(ents)
    assert "Finnish Photonics Network ry" in ents, sorted(ents)


def test_a_day_of_a_programme_with_its_place_names_no_body():
    ents, _, _ = text_by_name("The study tour visited four places:\n\n- Day 1, Ede (Gelderland): a protein campus;\n\n"
                              "- Day 2, Oss (North Brabant): a pilot plant.\n")
    assert not [n for n in ents if n.startswith("Day")], sorted(ents)


def test_a_lower_case_description_after_a_dash_is_no_part_of_the_name():
    ents, _, _ = text_by_name("<html><body><p>The delegation included four clusters:</p><ul>"
                              "<li><strong>Selva Nova</strong> – cluster of forest and wood products, Viseu</li>"
                              "<li><strong>Pedra Viva</strong> – cluster of natural stone, Leiria</li></ul></body></html>",
                              "page.html")
    assert {"Selva Nova", "Pedra Viva"} <= set(ents), sorted(ents)
    assert not [n for n in ents if " – " in n], sorted(ents)
