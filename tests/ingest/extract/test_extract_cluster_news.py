"""A cluster's own news (2026-12-05, tenth round): the cluster the page speaks for when it says
"our cluster", clusters that "were also represented", a city's name inside a company's name, two
companies joined by "and", and visitors that do not cross a heading. Every text is written here
for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

NEWS = ("# News from Alpha Marine Cluster\n\n"
        "The Delta Forum 2025 took place in Porto on 3 June, organised by Beta Cluster. Our cluster took part "
        "with five member companies.\n\n"
        "The Gamma Maritime Cluster and the Epsilon Marine Technology Cluster were also represented.\n")


def test_our_cluster_is_the_cluster_the_title_names():
    _, rels, _ = text_by_name(NEWS, "page.md")
    assert ("Alpha Marine Cluster", "PARTICIPATED_IN", "Delta Forum 2025") in rels
    assert ("Beta Cluster", "PARTICIPATED_IN", "Delta Forum 2025") not in rels      # it organised the forum


def test_our_cluster_stays_unresolved_when_several_clusters_and_none_in_the_title():
    _, rels, _ = text_by_name("# Cluster news\n\nThe Delta Forum 2025 took place in Porto, organised by Beta Cluster "
                              "with Zeta Cluster. Our cluster took part with five member companies.\n", "page.md")
    assert not [r for r in rels if r[1] == "PARTICIPATED_IN"], rels


def test_clusters_that_were_also_represented_took_part():
    _, rels, _ = text_by_name(NEWS, "page.md")
    for c in ("Gamma Maritime Cluster", "Epsilon Marine Technology Cluster"):
        assert (c, "PARTICIPATED_IN", "Delta Forum 2025") in rels, c


def test_a_city_inside_a_companys_name_places_nobody():
    ents, _, _ = text_by_name("Seaweed Solutions AS signed a letter of intent, and Arctic Hull Tech presented its "
                              "new hull-cleaning robot.\n")
    assert ents["Seaweed Solutions AS"].country is None
    assert not [e for e in ents.values() if e.label == "Country"]


def test_two_companies_joined_by_and_before_a_legal_form_are_two():
    ents, _, _ = text_by_name("A group of eight SMEs joined the study visit, visiting the Iota Mobility Lab and Kappa "
                              "Motors Oy in Tampere.\n")
    assert "Kappa Motors Oy" in ents and "Iota Mobility Lab and Kappa Motors Oy" not in ents


def test_visitors_named_under_one_heading_are_not_the_visitors_under_the_next():
    _, rels, _ = text_by_name("# Newsletter\n\n## Webinar\n\n"
                              "Together with Zeta Energy Cluster, we hosted a webinar on battery rules on 21 October. "
                              "Speakers from the Theta Institute presented the obligations.\n\n"
                              "## Study visit to Finland\n\n"
                              "A group of eight SMEs joined the study visit to Finland from 5 to 7 November, visiting "
                              "the Kappa Motors Oy plant in Tampere.\n", "page.md")
    assert not [r for r in rels if r[1] == "VISITED" and r[0] == "Theta Institute"], rels


def test_a_body_after_its_place_and_kind_takes_that_place():
    for text, name, code in (("The Lyon-based cluster Axelera joined the partnership.\n", "Axelera", "FR"),
                             ("The French cluster Axelera and its Italian counterpart Innovhub signed.\n", "Innovhub", "IT"),
                             ("The Dutch partner, Brainport Industries, hosted the meeting.\n", "Brainport Industries", "NL")):
        ents, _, _ = text_by_name(text)
        assert name in ents and ents[name].country == code, (text, list(ents))
        assert not [n for n in ents if "-based" in n]


def test_a_name_said_to_be_based_in_a_place_is_a_body_there():
    for text in ("Axelera, based in Lyon, joined the partnership.\n", "Axelera is headquartered in Lyon.\n"):
        ents, _, _ = text_by_name(text)
        assert "Axelera" in ents and ents["Axelera"].country == "FR", (text, list(ents))
    ents, _, _ = text_by_name("Companies based in Lyon joined. Today, based in Brussels, the team met.\n")
    assert not [n for n, e in ents.items() if e.label in ("Organisation", "Cluster")], list(ents)


def test_who_will_attend_spoke_at_or_travelled_to_an_event_took_part_in_it():
    for sentence, event in (("Alpha Cluster will attend the Delta Forum 2025 in Porto.", "Delta Forum 2025"),
                            ("Alpha Cluster was among the exhibitors at the Delta Expo 2025 in Porto.", "Delta Expo 2025"),
                            ("Alpha Cluster spoke at the Delta Forum 2025 in Porto.", "Delta Forum 2025"),
                            ("Alpha Cluster travelled to the Delta Forum 2025 in Porto.", "Delta Forum 2025")):
        _, rels, _ = text_by_name(sentence + "\n")
        assert ("Alpha Cluster", "PARTICIPATED_IN", event) in rels, sentence


def test_the_bodies_a_sentence_opens_with_after_its_event_were_there():
    _, rels, _ = text_by_name("# News\n\nSome words first.\n\nOn the sidelines of the Delta Forum 2025, Alpha Cluster "
                              "and Beta Cluster presented their strategy. At the Delta Forum 2025, the organisers "
                              "thanked Gamma Cluster.\n", "page.md")
    assert {r[0] for r in rels if r[1] == "PARTICIPATED_IN"} == {"Alpha Cluster", "Beta Cluster"}, rels


def test_a_region_in_a_table_row_or_behind_the_country_in_brackets_gives_the_region():
    _, rels, _ = text_by_name("Cluster\tRegion\tCountry\nAlpha Cluster\tPiedmont\tItaly\nBeta Cluster\tCatalonia\tSpain\n")
    assert ("Alpha Cluster", "LOCATED_IN", "Piedmont") in rels and ("Beta Cluster", "LOCATED_IN", "Catalonia") in rels
    _, rels, _ = text_by_name("Partners: Alpha Cluster (IT, Piedmont) and Beta Cluster (Spain).\n")
    assert ("Alpha Cluster", "LOCATED_IN", "Piedmont") in rels, rels


def test_members_listed_under_region_headings_are_members_placed_in_those_regions():
    _, rels, _ = text_by_name("# Nordic Network\n\n## Members\n\n### Piedmont\n\n- Alpha Cluster\n- Beta Cluster\n\n"
                              "### Spain\n\n- Gamma Cluster\n", "page.md")
    assert ("Alpha Cluster", "LOCATED_IN", "Piedmont") in rels and ("Gamma Cluster", "LOCATED_IN", "Spain") in rels
    assert {r[0] for r in rels if r[1] == "MEMBER_OF"} == {"Alpha Cluster", "Beta Cluster", "Gamma Cluster"}
