"""How described events, editions and agreements are named (2026-12-05, thirteenth round): in the
text's own words with what qualifies them ("first", "economic"), one event per edition year, an
edition's bracketed acronym, and what an agreement is about. Every text is written here for the
check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_an_ordinal_said_before_a_mission_stays_in_its_name_with_the_bare_name_an_alias():
    ents, _, _ = text_by_name("News\n\nAfter our first mission to Morocco in April 2025, the partners "
                              "prepared a second one.\n")
    mission = ents["first mission to Morocco"]
    assert "mission to Morocco" in mission.aliases and mission.country == "MA", mission


def test_the_words_that_qualify_a_mission_stay_in_its_name():
    ents, _, facts = text_by_name("News\n\nThe agency organised from 11 to 15 May 2026 an economic mission to "
                                  "Kazakhstan. The delegation had 16 persons.\n")
    assert "economic mission to Kazakhstan" in ents, sorted(ents)


def test_a_headline_names_a_journey_without_a_determiner():
    ents, rels, _ = text_by_name("# Nine SMEs returned from trade mission to Uzbekistan\n\n"
                                 "The companies were selected in an open call. Participants were:\n\n"
                                 "- Kora Foods Sp. z o.o.\n- Mazur Pack Sp. z o.o.\n", "page.md")
    assert "trade mission to Uzbekistan" in ents, sorted(ents)
    assert ("Kora Foods Sp. z o.o.", "PARTICIPATED_IN", "trade mission to Uzbekistan") in rels, sorted(rels)


_EDITIONS = ("# Danubian Cluster Days 2025: 300 participants\n\n"
             "The third edition of the Danubian Cluster Days took place on 14 May 2025 in Ruse (Bulgaria). "
             "It gathered 300 participants.\n\n"
             "The fourth edition, Danubian Cluster Days 2026, will be hosted by the Vidin Energy Cluster in "
             "Craiova (Romania).\n")


def test_two_years_of_one_event_are_two_editions_and_the_count_is_the_reported_ones():
    ents, _, facts = text_by_name(_EDITIONS, "page.md")
    assert "Danubian Cluster Days 2025" in ents and "Danubian Cluster Days 2026" in ents, sorted(ents)
    assert ents["Danubian Cluster Days 2026"].country == "RO"
    assert [f for f in facts if f[0] == "Danubian Cluster Days 2025" and f[2] == 300], sorted(facts)


def test_an_editions_acronym_in_brackets_with_its_year_is_the_events_alias():
    ents, _, _ = text_by_name("News\n\nThe companies exhibited at the Pearl River Optics Fair 2026 (PROF 2026). "
                              "PROF 2026 welcomed 70,000 visitors.\n")
    assert "PROF 2026" not in ents and "PROF" not in ents, sorted(ents)
    assert {"PROF", "PROF 2026"} <= set(ents["Pearl River Optics Fair 2026"].aliases), ents["Pearl River Optics Fair 2026"]


def test_an_agreement_keeps_what_it_is_about():
    ents, rels, _ = text_by_name("News\n\nOn the last day, Alva Textile Cluster and Dhaka Apparel Council signed a "
                                 "letter of intent for joint pilots on recycled cotton. The pilots start in 2026.\n")
    name = "letter of intent for joint pilots on recycled cotton"
    assert ents[name].label == "Agreement" and "letter of intent" in ents[name].aliases, sorted(ents)
    assert ("Alva Textile Cluster", "PARTY_TO", name) in rels, sorted(rels)


def test_a_time_phrase_is_no_topic_of_an_event():
    ents, _, _ = text_by_name("News\n\nThe B2B matchmaking on the second morning brought together 80 companies "
                              "at the Tatra Cluster Forum 2025.\n")
    assert not [n for n in ents if "second morning" in n], sorted(ents)


def test_an_edition_a_delegation_went_to_or_a_stand_stood_at_is_an_event():
    ents, _, _ = text_by_name("News\n\nIn October 2025 the cluster led the delegation to RailTech Bharat 2025 in "
                              "New Delhi (India).\n\nIn Rosario the partners had a common stand at the fair "
                              "Agro Pampa Bio 2026, which 9,000 professionals visited.\n")
    assert ents["RailTech Bharat 2025"].label == "Event", sorted(ents)
    assert ents["Agro Pampa Bio 2026"].label == "Event", sorted(ents)


def test_a_romance_edition_after_its_preposition_is_an_event():
    ents, _, _ = text_by_name("Notizie\n\nPartecipazione a SaigonWood Expo 2026, la principale fiera del legno.\n\n"
                              "La firma tuvo lugar durante el Foro Empresarial Galicia–Senegal 2026.\n")
    assert ents["SaigonWood Expo 2026"].label == "Event", sorted(ents)
    assert ents["Foro Empresarial Galicia–Senegal 2026"].label == "Event", sorted(ents)


def test_an_event_is_named_without_the_taking_part_written_before_it():
    """Twenty-eighth round: "Partecipazione a VietWood Expo 2026, la principale fiera …" named the event
    with "Partecipazione a" and hung its visitors on that name."""
    from clusternet.ingest.extract import extract_text
    from clusternet.ingest.sources.readers import document_from_text

    text = ("Giorno 4 - giovedì 19 marzo\nPartecipazione a LegnoAsia Expo 2026, la principale fiera del legno del Sud "
            "del Paese, visitata da oltre 18.000 operatori.\n")
    ex = extract_text(document_from_text(text, name="page.txt"))
    names = {e.id: e.name for e in ex.entities if e.label == "Event"}
    assert "LegnoAsia Expo 2026" in names.values() and not any(n.startswith("Partecipazione") for n in names.values())
    assert any(names.get(f.subject) == "LegnoAsia Expo 2026" and f.value == 18000 for f in ex.facts)
