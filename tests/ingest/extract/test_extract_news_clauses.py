"""Clauses news pages use for who organised, who signed where, who a project involves and whose
delegation a figure counts (2026-12-04, eighth round). Every text is written here for the check;
no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

MOU = ("Portuguese and Moroccan automotive clusters sign cooperation agreement\n\n"
       "Porto, 3 March 2025 – The Portuguese Mobility Cluster and the Moroccan Automotive Industry Association (AMICA) have "
       "signed a memorandum of understanding to strengthen cooperation between their members. The agreement was "
       "signed in Casablanca during the Auto Days Morocco 2025.\n\n"
       "The cooperation is part of the ESCP-4i project AUTO-MED, which also involves the Spanish cluster Galician "
       "Auto Cluster and the Slovenian Mobility Cluster.\n")


def test_an_agreement_signed_in_a_city_takes_its_country_over_the_datelines():
    ents, rels, _ = text_by_name(MOU)
    assert ents["memorandum of understanding"].country == "MA"
    assert ("Portuguese Mobility Cluster", "PARTY_TO", "memorandum of understanding") in rels


def test_a_long_acronym_is_not_read_from_the_letters_of_another_name():
    ents, rels, _ = text_by_name(MOU)
    # "AUTO-MED" is spelt by the letters of "Automotive Industry Association", not by its initials
    assert ents["AUTO-MED"].label == "Partnership"
    assert ents["Moroccan Automotive Industry Association"].label == "Organisation"
    assert "AUTO-MED" not in ents["Moroccan Automotive Industry Association"].aliases


def test_whom_a_project_also_involves_are_its_partners():
    ents, rels, _ = text_by_name(MOU)
    assert ("Galician Auto Cluster", "PARTNER_IN", "AUTO-MED") in rels
    assert ("Slovenian Mobility Cluster", "PARTNER_IN", "AUTO-MED") in rels
    # two clusters named by their country and one same noun phrase stay two
    assert "Portuguese Mobility Cluster" in ents and "Slovenian Mobility Cluster" in ents


FAIR = ("Over 200 companies meet at the Baltic Grain Days 2025 in Riga\n\n"
        "The Baltic Grain Days 2025 took place on 14-15 October 2025 in Riga, Latvia. Organised by the Latvian "
        "Grain Cluster together with the Enterprise Europe Network, the event gathered 215 participants from 18 "
        "countries. The Estonian Cereal Cluster brought a delegation of 12 companies.\n")


def test_organisers_named_before_the_event_they_organised_coordinate_it():
    _, rels, _ = text_by_name(FAIR)
    assert ("Latvian Grain Cluster", "COORDINATES", "Baltic Grain Days 2025") in rels
    assert ("Enterprise Europe Network", "COORDINATES", "Baltic Grain Days 2025") in rels
    assert ("Latvian Grain Cluster", "PARTICIPATED_IN", "Baltic Grain Days 2025") not in rels


def test_a_delegation_a_body_brought_is_counted_for_that_body():
    _, _, facts = text_by_name(FAIR)
    assert ("Estonian Cereal Cluster", "companies in the delegation", 12) in facts
    assert ("Baltic Grain Days 2025", "participants gathered", 215) in facts


def test_a_french_day_range_is_no_count_and_an_elided_article_is_no_part_of_a_name():
    ents, _, facts = text_by_name("Mission d'affaires au Maroc\n\nDu 10 au 12 juin 2025, une délégation de huit "
                                  "entreprises du pôle Agrinova s'est rendue à Casablanca, en collaboration avec "
                                  "l'Agence Marocaine des Exportations. L'Oréal Maroc a reçu la délégation.")
    assert not [f for f in facts if f[2] == 10]
    assert "Agence Marocaine des Exportations" in ents and not [n for n in ents if n.startswith("l'")]
    # a capital L' at the start of a name may be the name's own ("L'Oréal")
    assert not [n for n in ents if n.startswith("Oréal")]


def test_an_english_day_range_is_no_count():
    _, _, facts = text_by_name("Blue Days\n\nFrom 5 to 7 May 2025, 40 companies took part in the Blue Days in Brest.")
    assert [f[2] for f in facts] == [40]


def test_events_a_project_report_describes_and_who_led_or_hosted_them():
    ents, rels, _ = text_by_name("Project news\n\nIn May, Beta Cluster led a study tour to Morocco for twelve SMEs. "
                                 "Alpha Cluster hosted a webinar on the Canadian market on 3 April. The partners "
                                 "then held a matchmaking session in Osaka.")
    assert ("Beta Cluster", "COORDINATES", "study tour to Morocco") in rels
    assert ("Alpha Cluster", "COORDINATES", "webinar on the Canadian market") in rels
    assert ents["matchmaking session in Osaka"].country == "JP"


FORUM = "News\n\nThe Nordic Wood Forum 2025 took place in Oslo on 3 May.\n\n"


def test_who_the_participants_and_speakers_came_from_took_part():
    _, rels, _ = text_by_name(FORUM + "Participants included representatives of the Pine Cluster, the Spruce Pole and "
                              "the Birch Cluster. Speakers from the Larch Cluster and the Oak Cluster presented their work.")
    for c in ("Pine Cluster", "Spruce Pole", "Birch Cluster", "Larch Cluster", "Oak Cluster"):
        assert (c, "PARTICIPATED_IN", "Nordic Wood Forum 2025") in rels, c


def test_whom_the_event_brought_together_took_part_in_it():
    _, rels, _ = text_by_name(FORUM + "The forum brought together the Pine Cluster, the Spruce Pole and the Birch Cluster.")
    for c in ("Pine Cluster", "Spruce Pole", "Birch Cluster"):
        assert (c, "PARTICIPATED_IN", "Nordic Wood Forum 2025") in rels, c
    assert not [r for r in rels if r[1] == "PARTNER_IN"]


def test_a_list_line_of_where_members_took_part_names_no_participants():
    _, rels, _ = text_by_name("Activities\n\nOur members are\n- Participants at the Nordic Wood Forum 2025 in Oslo\n"
                              "- Participants at the Pine Cluster Days\n")
    assert not [r for r in rels if r[1] == "PARTICIPATED_IN"]


def test_a_start_up_described_by_its_country_and_a_quote_that_names_no_cluster():
    ents, _, _ = text_by_name("Success story\n\nTejo Sensors Lda, a Portuguese start-up developing water sensors, met "
                              "its distributor at the EU–Korea Cluster Matchmaking 2024 in Seoul. \"Without the cluster we "
                              "would never have found this partner,\" says its founder.")
    assert ents["Tejo Sensors Lda"].country == "PT"      # not Korea, where the matchmaking was
    assert not [n for n in ents if n.startswith("Without")]
