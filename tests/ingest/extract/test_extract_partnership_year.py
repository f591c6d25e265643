"""A partnership's news with its coordinator named in every other clause (2026-12-05, eleventh
round): a national alliance is a body, not a partnership; "Led by A, the consortium counts …" is
about the consortium; the figures after "Under the coordination of A," are the partnership's.
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("AquaLink partnership enters its second year\n\n"
         "AquaLink, the European Strategic Cluster Partnership on water technologies, is coordinated by Water "
         "Alliance Netherlands. The partnership has a budget of EUR 980,000.\n\n"
         "Led by Water Alliance Netherlands, the consortium counts 6 partners from 5 countries and represents "
         "1,200 SMEs.\n\n"
         "Under the coordination of Water Alliance Netherlands, 25 SMEs received innovation vouchers worth up to "
         "EUR 10,000 each.\n\n"
         "With 320 members, Water Alliance Netherlands is the largest partner.\n")


def test_an_alliance_named_with_its_country_is_a_national_body():
    ents, rels, _ = text_by_name(_PAGE)
    assert ents["Water Alliance Netherlands"].label == "Organisation"
    assert ents["Water Alliance Netherlands"].country == "NL"
    assert ("Water Alliance Netherlands", "COORDINATES", "AquaLink") in rels


def test_the_agent_of_an_opening_participle_does_not_own_the_clauses_figures():
    _, _, facts = text_by_name(_PAGE)
    owners = {f[2]: f[0] for f in facts}
    assert owners[980000] == owners[6] == owners[1200] == owners[25] == "AquaLink", facts
    assert owners[320] == "Water Alliance Netherlands", facts


def test_worth_before_an_amount_is_not_part_of_the_measure():
    _, _, facts = text_by_name(_PAGE)
    assert [f[1] for f in facts if f[2] == 25] == ["SMEs received innovation vouchers"], facts


def test_a_share_stated_as_what_they_are_names_its_population():
    _, _, facts = text_by_name("Mediterranean Blue Cluster brings together 200 members. Over 60% are SMEs.\n\n"
                               "Alpha Bio Cluster gathers 300 members, 85% SMEs.\n")
    measures = {f[2]: f[1] for f in facts}
    assert measures[60] == "share of SMEs", facts
    assert measures[85] == "share of SMEs among members", facts


def test_eu_recovery_and_innovation_instruments_are_programmes():
    ents, rels, _ = text_by_name("The Delta Hydrogen partnership is co-funded by NextGenerationEU and the Interregional "
                                 "Innovation Investments (I3) Instrument.\n")
    assert ents["NextGenerationEU"].label == "Programme"
    assert ("Delta Hydrogen", "FUNDED_BY", "NextGenerationEU") in rels
    assert ents["Interregional Innovation Investments"].label == "Programme"
    assert ents["Interregional Innovation Investments"].aliases == ["I3"]


def test_parts_of_a_count_take_its_noun():
    _, _, facts = text_by_name("Korea mission\n\nThe membership grew to 137 organisations, 112 of which are SMEs. "
                               "About 450 participants, 60 of them from EU Member States, attended.\n\n"
                               "* 64 B2B meetings in Seoul and 17 in Busan\n", "page.md")
    measures = {f[2]: f[1] for f in facts}
    assert measures[112] == "SMEs among the organisations", facts
    assert measures[60] == "participants from EU Member States", facts
    assert measures[17] == "B2B meetings in Busan", facts


def test_amounts_in_other_currencies_keep_their_currency():
    _, _, facts = text_by_name("Alpha Cluster news\n\nAlpha Cluster received the Regional Innovation Award, worth "
                               "PLN 150,000. The award comes with NOK 1.5 million in funding.\n")
    units = {f[2]: f[1] for f in facts}
    assert units[150000].endswith("(PLN)") and units[1500000].endswith("(NOK)"), facts


def test_a_paragraphs_figures_are_not_the_paragraph_aboves():
    _, _, facts = text_by_name("# Blue Harbour Partnership\n\nThe Blue Harbour Partnership links five ports.\n\n"
                               "Nordic Port Cluster hosted the kick-off in Bergen.\n\n"
                               "Over the first year, 95 SME managers were trained.\n\n"
                               "### Alpha Port Cluster\n\nFounded in 2010. 80 members.\n", "page.md")
    owners = {f[2]: f[0] for f in facts}
    assert owners[95] == "Blue Harbour Partnership", facts
    assert owners[80] == "Alpha Port Cluster", facts


def test_a_relative_clause_gives_its_figure_to_the_name_before_it():
    _, _, facts = text_by_name("AGRI Bridge also signed a letter of intent with the Canadian cluster Prairie Farm "
                               "Network, which will open its network of 260 members to European SMEs. It works with "
                               "Pampa Agro Cluster, which counts 90 members.\n")
    owners = {f[2]: f[0] for f in facts}
    assert owners[260] == "Prairie Farm Network" and owners[90] == "Pampa Agro Cluster", facts
