"""Shapes found on pages the rules were not written against: a network referred to by its kind,
counts of countries and a page's figures list, companies the sentence describes by country and
kind, a partnership named with and without its type.

Every text is written here for the check; no corpus page is copied.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from extracted import by_name


def _ex(text, name="page.txt"):
    return by_name(extract_text(document_from_text(text, name=name)))


def test_a_network_referred_to_by_its_kind_gains_the_members_that_join_it():
    ents, rels, _ = _ex("Danube Cluster Network welcomes new members\n\n"
                        "The Danube Cluster Network has 40 members in six countries. Its newest members are "
                        "Alfa Mechatronics Cluster and the Ruse Logistics Association. The Sava Wood Cluster joined "
                        "the network in March.\n\n"
                        "The network is a partner in the Interreg project RIVERLINK, in which the Vukovar Port "
                        "Cluster and Osijek Food Association are partners.\n")
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Danube Cluster Network"}
    assert members == {"Alfa Mechatronics Cluster", "Ruse Logistics Association", "Sava Wood Cluster"}
    assert ("Danube Cluster Network", "PARTNER_IN", "RIVERLINK") in rels
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "RIVERLINK"} >= {"Vukovar Port Cluster",
                                                                                "Osijek Food Association"}
    assert ents["Interreg"].label == "Programme"        # the programme the project runs under, not a partnership
    assert not [r for r in rels if r[1] == "PARTNER_IN" and r[2] == "Interreg"]


def test_a_count_of_countries_says_whom_it_counts_and_a_figures_list_belongs_to_the_event():
    ents, _, facts = _ex("Record attendance at the Tagus Blue Matchmaking 2025\n\n"
                         "Lisbon, 3 June 2025 – The Tagus Blue Matchmaking 2025 was organised by the Lisbon Sea "
                         "Cluster within the partnership SEALINK. Over two days, 240 participants from 17 countries "
                         "held 410 meetings.\n\n"
                         "In figures\n\n"
                         "- 240 participants\n"
                         "- 4 letters of intent signed on site\n")
    assert ("Tagus Blue Matchmaking 2025", "countries of the participants", 17) in facts
    assert ("Tagus Blue Matchmaking 2025", "letters of intent signed on site", 4) in facts
    assert not [f for f in facts if f[0] == "SEALINK"]      # the list is the event's, not the partnership's


def test_companies_described_by_country_and_kind_keep_their_own_names_and_legal_forms():
    ents, rels, _ = _ex("Wind mission to Japan\n\n"
                        "The Baltic Wind Cluster led a mission to Japan. Among the participants were the Danish SME "
                        "Fjordmoor Systems ApS, the German engineering SME Rotorsense GmbH, the Polish SME Vistula "
                        "Towers Sp. z o.o. and the Spanish SME Cables del Atlántico S.L.; the Danish company "
                        "Nordvind Blades A/S also joined.\n")
    for name, country in (("Fjordmoor Systems ApS", "DK"), ("Rotorsense GmbH", "DE"), ("Cables del Atlántico S.L.", "ES"),
                          ("Vistula Towers Sp. z o.o.", "PL"), ("Nordvind Blades A/S", "DK")):
        assert ents[name].country == country, name
    assert not [n for n in ents if n.startswith(("Danish", "Polish", "SME "))]
    assert ents["Vistula Towers Sp. z o.o."].label == "SME"


def test_an_alliance_described_as_a_network_and_a_partnership_named_with_its_type():
    ents, rels, facts = _ex("Nordic Payments Alliance\n\n"
                            "The Nordic Payments Alliance, a network of 14 clusters from five countries, is a partner "
                            "in the European Strategic Cluster Partnership PAYLINK4EU. PAYLINK4EU is funded by the "
                            "Single Market Programme and coordinated by Tallinn Fintech Cluster.\n")
    assert ents["Nordic Payments Alliance"].label == "Organisation"
    assert [n for n in ents if "PAYLINK4EU" in n] == ["European Strategic Cluster Partnership PAYLINK4EU"] or \
        [n for n in ents if "PAYLINK4EU" in n] == ["PAYLINK4EU"]      # one partnership, the other name its alias
    assert ("Nordic Payments Alliance", "clusters", 14) in facts
