"""How a figure's measure is worded (2026-12-05, twelfth round): the words the text puts after the
counted noun stay in the measure when they say where the counted things are without naming a place.
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from tests.helpers.extracted import text_by_name


def test_an_unnamed_place_after_the_counted_noun_stays_in_the_measure():
    _, _, facts = text_by_name("The Kestrel Photonics Cluster hosts 45 start-ups in its incubator.\n")
    assert ("Kestrel Photonics Cluster", "start-ups in its incubator", 45) in facts, facts


def test_a_sector_phrase_after_the_counted_noun_is_not_a_place():
    _, _, facts = text_by_name("The Kestrel Photonics Cluster gathers 300 SMEs in the laser and optics "
                               "value chain.\n")
    assert ("Kestrel Photonics Cluster", "SMEs gathered", 300) in facts, facts


def test_a_named_place_after_the_counted_noun_is_not_kept_this_way():
    _, _, facts = text_by_name("The Kestrel Photonics Cluster has 80 members in the Auvergne region.\n")
    assert ("Kestrel Photonics Cluster", "members", 80) in facts, facts


def test_a_grant_is_named_after_the_programme_its_sentence_names_and_is_not_the_funders():
    _, _, facts = text_by_name("PELICAN is a Horizon Europe project. It is funded by the European Union's "
                               "Horizon Europe programme with a grant of EUR 4.2 million.\n")
    assert ("PELICAN", "Horizon Europe grant (EUR)", 4200000) in facts, facts


def test_a_grant_stays_plain_when_two_programmes_could_give_it():
    _, _, facts = text_by_name("PELICAN is a Horizon Europe project. It is funded by Interreg and Horizon "
                               "Europe with a grant of EUR 4.2 million.\n")
    assert ("PELICAN", "grant (EUR)", 4200000) in facts, facts


def test_meetings_in_a_city_keep_the_city_and_its_country():
    text = ("Kestrel Mission to Japan\n\nThe Kestrel Photonics Cluster led a mission to Japan in May.\n\n"
            "- 52 B2B meetings in Osaka and 30 in Tokyo\n")
    ex = extract_text(document_from_text(text, name="page.txt"))
    facts = {(f.measure, f.value, f.country) for f in ex.facts if f.value in (52, 30)}
    assert facts == {("B2B meetings in Osaka", 52, "JP"), ("B2B meetings in Tokyo", 30, "JP")}, facts


def test_members_in_a_region_are_the_bodys_own_extent_not_a_place_in_the_measure():
    _, _, facts = text_by_name("The Kestrel Photonics Cluster has 80 members in Auvergne.\n")
    assert ("Kestrel Photonics Cluster", "members", 80) in facts, facts


def test_a_part_counted_after_of_which_or_from_which_is_said_among_the_whole():
    for text in ("The Kestrel Photonics Cluster unites 74 members, from which 52 are SMEs.\n",
                 "The Kestrel Photonics Cluster unites 74 members, of which 52 are SMEs.\n",
                 "The Kestrel Photonics Cluster unites 74 members, 52 of which are SMEs.\n"):
        _, _, facts = text_by_name(text)
        assert ("Kestrel Photonics Cluster", "SMEs among the members", 52) in facts, (text, facts)


def test_the_budget_of_the_mission_is_the_missions():
    _, _, facts = text_by_name("# Press release\n\nThe business mission to Mexico (20-25 April) is organised by the "
                               "Alpha Cluster.\n\n- 20 April: arrival in Monterrey\n\n"
                               "The total budget of the mission is EUR 118,000.\n", "page.md")
    assert ("business mission to Mexico", "total budget (EUR)", 118000) in facts, facts


def test_a_member_of_the_network_with_its_own_members_keeps_them():
    _, _, facts = text_by_name("# Members of the Blue Clusters Network\n\n**Malta Marine Cluster** – Malta\n"
                               "The smallest member of the network, with seventeen members.\n", "page.md")
    assert ("Malta Marine Cluster", "members", 17) in facts, facts


def test_whom_meetings_were_with_stays_in_their_measure():
    _, _, facts = text_by_name("During the Alpha Expo 2025 in Lima, more than 130 B2B meetings with Peruvian buyers and "
                               "distributors were pre-arranged.\n")
    assert {m for s, m, v in facts if v == 130} == {"B2B meetings pre-arranged with Peruvian buyers and distributors (more than)"}, facts


def test_whom_trainings_were_for_stays_in_their_measure():
    _, _, facts = text_by_name("In 2025 the Kestrel Photonics Cluster organised 14 webinars for member companies.\n")
    assert ("Kestrel Photonics Cluster", "webinars for member companies", 14) in facts, facts


def test_a_verb_before_the_count_is_said_as_a_participle_after_it():
    _, _, facts = text_by_name("The Alpine Clusters Alliance gathers 14 national cluster associations and represents "
                               "more than 700 clusters.\n")
    assert ("Alpine Clusters Alliance", "national cluster associations gathered", 14) in facts, facts
    assert ("Alpine Clusters Alliance", "clusters represented (more than)", 700) in facts, facts


def test_who_represents_the_count_is_said_after_the_participle():
    _, _, facts = text_by_name("# Kestrel Bridge partnership\n\nKestrel Bridge is a partnership of three clusters. "
                               "Together the three clusters represent more than 200 companies, of which 150 are SMEs.\n",
                               "page.md")
    measures = {v: m for s, m, v in facts}
    assert measures[200] == "companies represented by the three clusters (more than)", facts
    assert measures[150] == "SMEs among the companies", facts


def test_an_amount_from_a_fund_named_after_it_is_that_funds():
    _, _, facts = text_by_name("The ALPINE-WOOD project is funded by the Interreg Alpine Space Programme 2021-2027 with a total "
                               "budget of EUR 2,095,000, including EUR 1,676,000 from the European Regional "
                               "Development Fund.\n")
    assert ("ALPINE-WOOD", "European Regional Development Fund funding (EUR)", 1676000) in facts, facts


def test_the_participle_of_a_passive_after_the_count_joins_its_measure():
    _, _, facts = text_by_name("Over 176 B2B meetings were held at the Alpha Expo 2025. In the first open call of the "
                               "Kestrel Photonics Cluster, 148 SMEs have been selected.\n")
    assert ("Alpha Expo 2025", "B2B meetings held (over)", 176) in facts, facts
    assert {m for s, m, v in facts if v == 148} == {"SMEs selected"}, facts


def test_an_amount_per_company_says_what_it_is_per():
    _, _, facts = text_by_name("Through its open calls, the Kestrel Photonics Cluster gives vouchers of up to EUR "
                               "10,000 per SME for training.\n")
    assert ("Kestrel Photonics Cluster", "vouchers per SME (EUR) (up to)", 10000) in facts, facts
