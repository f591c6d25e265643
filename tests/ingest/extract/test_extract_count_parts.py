"""Counts that name their noun once for several parts, and figures that belong to a company or a
funder (issue 15, twenty-seventh round). Before this round "nine Italian and five Spanish" gave a
measure "Spanish" with no noun, "nove italiane e cinque spagnole - ha visitato …" gave "italiane ha"
with no country, "nine of which Italian" gave no fact at all, a company's staff went to the event it
met a buyer at, "EUR 1,984,480 (80 %)" in a table gave nothing and "80% co-financed by the ERDF"
gave "share of co-financed". All names are invented."""
from __future__ import annotations

import pytest

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from helpers.extracted import text_by_name


def _facts_with_country(text: str, name: str = "page.txt") -> set[tuple]:
    """(subject, measure, value, country) of every fact the text gives."""
    ex = extract_text(document_from_text(text, name=name))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(f.subject), f.measure, f.value, f.country) for f in ex.facts}


@pytest.mark.parametrize("text,expected", [
    ("The business mission to Japan. The delegation was made of 14 companies - nine Italian and five Spanish.",
     {("Italian companies", 9, "IT"), ("Spanish companies", 5, "ES")}),
    ("The business mission to Korea. The delegation was made of eight Spanish companies, five Portuguese, four "
     "French and two Danish ones.",
     {("Spanish companies", 8, "ES"), ("Portuguese companies", 5, "PT"), ("French companies", 4, "FR"),
      ("Danish companies", 2, "DK")}),
    ("La missione imprenditoriale in Vietnam. Dal 16 al 20 marzo una delegazione di 22 persone, in rappresentanza "
     "di 14 aziende - nove italiane e cinque tedesche - ha visitato Ho Chi Minh City.",
     {("aziende italiane", 9, "IT"), ("aziende tedesche", 5, "DE")}),
], ids=["english dash", "english ones", "italian"])
def test_a_nationality_said_alone_takes_the_noun_said_before(text, expected):
    got = {(m, v, c) for _, m, v, c in _facts_with_country(text)}
    assert expected <= got, sorted(got)


@pytest.mark.parametrize("text,measure,country", [
    ("The business mission to Japan gathered 14 companies, nine of which Italian.", "Italian companies", "IT"),
    ("La missione in Vietnam ha riunito 14 aziende, nove delle quali italiane.", "aziende italiane", "IT"),
], ids=["of which", "delle quali"])
def test_a_part_said_after_its_count_is_a_fact_of_its_own(text, measure, country):
    got = {(m, v, c) for _, m, v, c in _facts_with_country(text)}
    assert (measure, 9, country) in got, sorted(got)


def test_a_part_said_after_its_count_keeps_its_noun():
    _, _, facts = text_by_name("La misión a México reunió a 20 empresas, 12 de las cuales pymes.")
    assert any(v == 12 and m.startswith("pymes") and "empresas" in m for _, m, v in facts), facts


def test_a_companys_staff_is_the_companys_not_the_events():
    text = ("The ROBONORD Matchmaking Day took place in Tampere (Finland). Mecanizados Urola, S.L. (Spain) "
            "attended with its managing director.\n\nUrola was founded in 1987 and has 38 employees. One of "
            "Urola's eight meetings was with Kärkimetalli Oy, a Tampere-based SME of about 60 people.")
    _, _, facts = text_by_name(text)
    assert ("Mecanizados Urola, S.L.", "employees", 38) in facts, facts
    assert ("Mecanizados Urola, S.L.", "meetings", 8) in facts, facts
    assert ("Kärkimetalli Oy", "employees (about)", 60) in facts, facts
    assert not any(s == "ROBONORD Matchmaking Day" and v in (38, 60) for s, _, v in facts), facts


def test_a_companys_name_without_its_legal_form_is_the_company():
    text = ("Kärkimetalli Oy (Finland) designs grippers for collaborative robots.\n\n"
            "Kärkimetalli has 60 employees and joined the Automation Cluster Tampere in 2024.")
    ents, rels, facts = text_by_name(text)
    assert ("Kärkimetalli Oy", "employees", 60) in facts, facts
    assert "Kärkimetalli" not in ents, sorted(ents)


def test_a_funding_rate_in_a_table_cell_and_in_prose():
    table = ("# DanuWood\n\nThe DanuWood project gathers six clusters.\n\n| Field | Value |\n|---|---|\n"
             "| Total budget | EUR 2,480,600 |\n| ERDF co-financing | EUR 1,984,480 (80 %) |\n")
    _, _, facts = text_by_name(table, "page.md")
    assert ("DanuWood", "ERDF co-financing (EUR)", 1984480) in facts, facts
    assert ("DanuWood", "ERDF co-financing rate (%)", 80) in facts, facts
    prose = ("The DanuWood project (2024-2026) brings together six clusters. It has a total budget of €2.4 million, "
             "80% co-financed by the European Regional Development Fund (ERDF).")
    _, _, facts = text_by_name(prose)
    assert ("DanuWood", "ERDF co-financing rate", 80) in facts, facts


def test_page_furniture_and_broken_lines_make_no_figures_and_one_line_names():
    text = ("_Published: 3 September 2025 · Reading time: 3 min_\n\nThe HealthBridge partnership has 3 partners.\n\n"
            "Programme: welcome coffee, conference “Circular materials for\n  the shoe of tomorrow”, B2B meetings.\n")
    ents, _, facts = text_by_name(text, "page.md")
    assert not any("min" in m for _, m, _ in facts), facts
    assert "Circular materials for the shoe of tomorrow" in ents, sorted(ents)


def test_a_count_ends_where_the_next_predicate_starts():
    _, _, facts = text_by_name("The Alpha Cluster (Spain) has 40 members and joined the Beta Network in 2024.")
    assert ("Alpha Cluster", "members", 40) in facts, facts


def test_a_budget_given_to_the_funding_programme_is_the_projects():
    for said in ("It is funded by the Single Market Programme with a budget of EUR 1.2 million.",
                 "The action is co-financed under the Single Market Programme, with a total budget of EUR 1.2 million."):
        _, _, facts = text_by_name("The WOODLOOP project (2024-2026) links five timber clusters. " + said)
        assert any(s == "WOODLOOP" and v == 1200000 for s, _, v in facts), facts
    _, _, facts = text_by_name("COSME had a budget of EUR 2.3 billion for 2014-2020. The BLUE-LINK project "
                               "(2023-2025) links four clusters.")
    assert any(s == "COSME" and v == 2.3e9 for s, _, v in facts), facts


def test_a_category_kicker_above_the_headline_is_no_headline():
    text = ("BUSINESS MISSION | BRAZIL\n\n14.03.2024 · 4 min read\n\n# Rota Verde 2024: twelve members on the road\n\n"
            "In 2022 a first scouting trip took three companies to Brazil.\n\n"
            "From 4 to 8 March 2024, the Alpha Cluster (Italy) led the business mission “Rota Verde 2024” to Brazil.\n\n"
            "### Mission in figures\n\n- **12** companies\n- **5** cities\n- about **90** B2B meetings\n")
    _, _, facts = text_by_name(text, "page.md")
    assert ("Rota Verde 2024", "cities", 5) in facts, facts
    assert ("Rota Verde 2024", "B2B meetings (about)", 90) in facts, facts


def test_a_table_of_regions_gives_the_page_bodys_figures_in_each_region():
    text = ("# Our members\n\nThe Danube Cluster Alliance (DCA) unites the clusters of Bulgaria. Today **38 clusters** "
            "are members of the alliance, representing **2,150 companies**.\n\n"
            "The member clusters by planning region:\n\n| Planning region | Member clusters |\n|---|---|\n"
            "| Yugozapaden (South-West) | 14 |\n| Severozapaden (North-West) | 2 |\n| **Total** | **38** |\n")
    ex = extract_text(document_from_text(text, name="page.md"))
    names = {e.id: e.name for e in ex.entities}
    got = {(names.get(f.subject), f.measure, f.value) for f in ex.facts}
    assert ("Danube Cluster Alliance", "member clusters in Yugozapaden", 14) in got, sorted(got)
    assert ("Danube Cluster Alliance", "member clusters in Severozapaden", 2) in got, sorted(got)


def test_a_total_after_a_comma_describes_no_company():
    _, _, facts = text_by_name("We visited the Gamma Expo 2025 in Lyon. There we met Alpha Cluster (Spain), a total of "
                               "120 participants attended.")
    assert not any(s == "Alpha Cluster" and v == 120 for s, _, v in facts), facts
