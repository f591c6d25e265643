"""An agreement between clusters as a news item tells it (2026-12-05, tenth round): a national
body whose name ends in its country, its figure and the measure's end. Every text is written here
for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

MOU = ("Nordic and Iberian wind clusters sign cooperation agreement\n\n"
       "Bilbao, 18 September 2025 – The Basque Wind Energy Cluster and Offshore Wind Norway signed a Memorandum of "
       "Understanding in Copenhagen. Offshore Wind Norway represents more than 300 companies along the value chain.\n")


def test_a_name_ending_in_its_country_is_a_national_body_and_party_to_the_agreement():
    ents, rels, _ = text_by_name(MOU)
    assert ents["Offshore Wind Norway"].country == "NO"
    assert ("Offshore Wind Norway", "PARTY_TO", "Memorandum of Understanding") in rels


def test_its_figure_is_its_own_and_the_measure_stops_before_along():
    _, _, facts = text_by_name(MOU)
    assert ("Offshore Wind Norway", "companies represented (more than)", 300) in facts, facts


def test_a_place_name_with_a_compass_word_or_inside_a_longer_name_is_no_body():
    ents, _, _ = text_by_name("The mission went to Northern Norway. It was held alongside Big 5 Construct Egypt.\n")
    assert "Northern Norway" not in ents and "Construct Egypt" not in ents, list(ents)


def test_a_spanish_measure_stops_before_the_owners_name_and_its_preposition():
    _, _, facts = text_by_name("Una delegación de diez empresas del Clúster de Automoción de Galicia viajó a Monterrey. "
                               "Las empresas mantuvieron más de 80 reuniones con fabricantes mexicanos.\n")
    measures = {f[2]: f[1] for f in facts}
    assert measures.get(10) == "empresas en la delegación" and measures.get(80, "").startswith("reuniones"), facts
    assert "con" not in measures.get(80, "")


def test_a_french_or_spanish_organiser_cue_names_the_coordinator_not_a_participant():
    text = ("Mission d'affaires au Maroc\n\nDu 4 au 7 mars 2025, une délégation de 12 PME a voyagé à Casablanca. "
            "La mission, organisée avec Business France, a permis plus de 90 rendez-vous d'affaires.\n")
    _, rels, _ = text_by_name(text)
    assert ("Business France", "COORDINATES", "Mission d'affaires au Maroc") in rels, rels
    assert ("Business France", "PARTICIPATED_IN", "Mission d'affaires au Maroc") not in rels


def test_a_french_count_of_business_meetings_belongs_to_the_mission():
    text = ("Mission d'affaires au Maroc\n\nDu 4 au 7 mars 2025, une délégation de 12 PME a voyagé à Casablanca. "
            "La mission, organisée avec Business France, a permis plus de 90 rendez-vous d'affaires.\n")
    _, _, facts = text_by_name(text)
    assert {f[0] for f in facts if f[2] == 90} == {"Mission d'affaires au Maroc"}, facts


def test_a_spanish_or_french_described_mission_is_an_event_placed_by_its_destination():
    for text, name, code in (("Una delegación viajó a Monterrey para participar en la misión comercial a México.\n",
                              "misión comercial a México", "MX"),
                             ("Le pôle a organisé une mission d'affaires au Maroc en mars.\n",
                              "mission d'affaires au Maroc", "MA")):
        ents, _, _ = text_by_name(text)
        assert name in ents and ents[name].label == "Event" and ents[name].country == code, (text, list(ents))


def test_an_italian_date_range_is_no_count():
    _, _, facts = text_by_name("Dal 10 al 14 giugno 2025 una delegazione di 15 imprese ha partecipato alla missione.\n")
    assert not [f for f in facts if f[2] in (10, 14)], facts


def test_a_french_visit_verb_names_what_was_visited():
    _, rels, _ = text_by_name("# Mission au Maroc\n\nLe pôle Alpha Mer a visité le Beta Maritime Cluster à Tanger.\n",
                              "page.md")
    assert [r for r in rels if r[0] == "Alpha Mer" and r[1] == "VISITED" and r[2].startswith("Beta Maritime Cluster")]


def test_a_name_ends_before_a_preposition_and_its_place():
    ents, rels, _ = text_by_name("# Misión a México\n\nEl Clúster Alpha visitó el Beta Automotive Cluster en Monterrey.\n",
                                 "page.md")
    assert "Beta Automotive Cluster" in ents and not [n for n in ents if n.endswith("Monterrey")], list(ents)
    assert ("Clúster Alpha", "VISITED", "Beta Automotive Cluster") in rels
