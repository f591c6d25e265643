"""A delegation broken down by where its members come from (issue 15, twenty-fourth round): "5 from
Hungary, 4 from Spain and 3 from Poland", "nine of them coming from Spain, three from the
Netherlands", "nine Slovak, four Czech and two Hungarian firms", "ocho empresas españolas, cinco
portuguesas … y dos danesas", Italian number words ("nove", "quattro"). Before this round the
second part of a list read "SMEs from Hungary from Spain", "nine of them …" and "the Netherlands"
gave nothing, a nationality alone was the measure ("Slovak"), and a Spanish or Italian nationality
after its noun gave no country. All names are invented."""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _facts(text: str) -> set:
    ex = extract_text(document_from_text(text, name="delegation.txt"))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(f.subject), f.measure, f.value, f.country) for f in ex.facts}


def test_each_part_of_a_from_list_is_its_own_country():
    facts = _facts("The delegation of the Business Mission to Argentina 2026 counted 12 SMEs: 5 from Hungary, "
                   "4 from Spain and 3 from Poland.")
    mission = "Business Mission to Argentina 2026"
    assert (mission, "SMEs from Spain", 4, "ES") in facts, facts
    assert (mission, "SMEs from Poland", 3, "PL") in facts, facts
    facts = _facts("A delegation of 14 SMEs, nine of them coming from Spain, three from the Netherlands and two from "
                   "Kenya, travelled to the Kenya Water Days 2025.")
    assert {(v, c) for s, m, v, c in facts if s == "Kenya Water Days 2025"} >= {(9, "ES"), (3, "NL"), (2, "KE")}, facts


def test_a_nationality_alone_takes_the_lists_noun():
    facts = _facts("The companies of the Expo Manufactura Monterrey 2026 delegation – nine Slovak, four Czech and two "
                   "Hungarian firms – will share a pavilion.")
    expo = "Expo Manufactura Monterrey 2026"
    assert {(expo, "Slovak firms", 9, "SK"), (expo, "Czech firms", 4, "CZ"), (expo, "Hungarian firms", 2, "HU")} <= facts
    facts = _facts("La delegación de la Misión empresarial a Vietnam 2026 estaba formada por ocho empresas españolas, "
                   "cinco portuguesas, cuatro francesas y dos danesas.")
    mission = "Misión empresarial a Vietnam 2026"
    assert (mission, "empresas portuguesas", 5, "PT") in facts, facts
    assert (mission, "empresas danesas", 2, "DK") in facts, facts


def test_italian_number_words_count():
    facts = _facts("La Missione imprenditoriale in Giappone 2026 ha riunito nove aziende e quattro cluster.")
    values = {v for s, m, v, c in facts if s == "Missione imprenditoriale in Giappone 2026"}
    assert {9, 4} <= values, facts


def test_names_counted_again_are_no_part():
    facts = _facts("The Nordic Wood Cluster and the Baltic Timber Cluster, two of the network's members, joined the "
                   "Kenya Water Days 2025.")
    assert not any(v == 2 for *_, v, _ in facts), facts


def test_parts_from_kinds_of_bodies_take_the_counted_noun():
    facts = _facts("On 10 March, 186 participants from 14 countries were registered for the Sava Cluster Forum "
                   "2026 – 112 from companies, 41 from cluster organisations and 33 from research institutions.")
    forum = "Sava Cluster Forum 2026"
    assert (forum, "participants from companies", 112, None) in facts, facts
    assert (forum, "participants from cluster organisations", 41, None) in facts, facts
    facts = _facts("The 38 European delegates of the Penang Cluster Matchmaking 2025 – 21 of them from cluster "
                   "organisations and 17 from SMEs – met 173 companies.")
    assert ("Penang Cluster Matchmaking 2025", "European delegates from SMEs", 17, None) in facts, facts
