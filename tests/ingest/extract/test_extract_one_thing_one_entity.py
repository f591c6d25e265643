"""One thing, one entity (issue 15, eighteenth round): a page's description of an event it also
names is that event, an edition of a series is not its next one, a short acronym that spells a
name's words is that name, and the common nouns a page writes in capitals or after "El"/"Our"
("PME", "El clúster") are nobody. Each case is a page of its own made up for the test; what is
asserted is what a reader of the graph would see: one node, with the page's figures on it."""
from __future__ import annotations

from helpers.extracted import text_by_name


def _events(ents: dict) -> dict:
    return {n: e for n, e in ents.items() if e.label == "Event"}


def test_a_described_journey_is_the_named_event_beside_it():
    ents, _, facts = text_by_name(
        "# Ageing-tech SMEs in Japan\n\nThe partnership ELDERLINK-4i has concluded its first business mission in "
        "Japan. The ELDERLINK-4i Japan Mission 2026 took place from 20 to 24 April in Tokyo and Osaka. "
        "The delegation counted 27 persons.\n")
    events = _events(ents)
    assert "first business mission in Japan" not in events, list(events)
    assert "first business mission in Japan" in events["ELDERLINK-4i Japan Mission 2026"].aliases
    assert ("ELDERLINK-4i Japan Mission 2026", "persons in the delegation", 27) in facts, facts


def test_a_journey_with_another_ordinal_or_country_stays_its_own_event():
    ents, _, _ = text_by_name(
        "# Results\n\nThe Kenya Agri-Water Matchmaking 2025 brought 14 SMEs to Nairobi (Kenya). Our second "
        "mission to Addis Ababa (Ethiopia) is planned for May 2026.\n")
    events = _events(ents)
    assert "Kenya Agri-Water Matchmaking 2025" in events and len(events) == 2, list(events)


def test_the_next_edition_of_a_numbered_conference_is_not_this_one():
    ents, _, _ = text_by_name(
        "# Conference report\n\nThe 8th Baltic Cluster Conference in Tartu gathered 460 participants from 15 "
        "countries.\n\nNEXT EDITION\nThe network will organise the 9th Baltic Cluster Conference in Riga in "
        "spring 2027.\n")
    events = _events(ents)
    holding_ninth = [n for n, e in events.items() if "9th Baltic Cluster Conference" in {n, *e.aliases}]
    holding_eighth = [n for n, e in events.items() if any(a.startswith("8th") for a in {n, *e.aliases})
                      or n == "Baltic Cluster Conference"]
    assert holding_ninth and holding_eighth and not set(holding_ninth) & set(holding_eighth), events


def test_a_short_acronym_that_spells_a_name_is_that_name():
    ents, _, facts = text_by_name(
        "# Newsletter\n\nThe North-East Digital Health Cluster welcomed four new members in April. "
        "With them NEDH has now 47 members.\n\nNEDH is partner in a new Erasmus+ project on digital skills.\n")
    assert "NEDH" not in ents and "NEDH" in ents["North-East Digital Health Cluster"].aliases, list(ents)
    assert ("North-East Digital Health Cluster", "members", 47) in facts, facts


def test_romance_words_for_smes_and_a_described_cluster_are_nobody():
    ents, _, facts = text_by_name(
        "# Nouveaux membres\n\nLe Pôle Mobilité Durable du Nord compte 42 membres, dont 21 PME.\n\n"
        "**Vidrio Norte (Portugal).** El clúster portugués del vidrio agrupa a 63 empresas.\n")
    assert not {"PME", "El clúster"} & set(ents), list(ents)
    assert not any(f[0] in ("PME", "El clúster") for f in facts), facts
