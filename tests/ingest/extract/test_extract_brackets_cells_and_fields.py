"""Figures where pages put them (issue 15, twenty-ninth round): a count in the bracket after a
name is that name's, also when the sentence named another body first (before, "A (120 members)
and B (45 companies)" gave both counts to A); a count in a table cell that is prose ("Field visit
to X (1,900 farmers); debrief") is read as prose is (before, a table row was left to the table
rules, which read only cells that are figures); a fact-sheet field that counts two things
("Partners: 7 partners, 4 observers") gives both, and "SMEs to be supported: at least 150" is a
count; a journey to two places is named with both ("study visit to Copenhagen and Aalborg").
All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _facts(text: str, name: str = "page.txt") -> set[tuple[str, str, float]]:
    """(subject name, measure, value) of every fact the extractor gives for one text."""
    ex = extract_text(document_from_text(text, name=name))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(f.subject, f.subject), f.measure, f.value) for f in ex.facts}


def test_a_bracketed_count_belongs_to_the_name_before_the_bracket():
    facts = _facts("In Bilbao the delegation met the Basque Foundry Cluster (120 members) and Polo Norte Fundición "
                   "(45 companies), two long-standing partners of the network.")
    assert ("Basque Foundry Cluster", "members", 120) in facts, facts
    assert ("Polo Norte Fundición", "companies", 45) in facts, facts
    assert not any(s == "Basque Foundry Cluster" and v == 45 for s, _, v in facts), facts


def test_a_programme_bracket_still_gives_the_grant_to_the_project():
    facts = _facts("GREENLOOP is a project financed by the Interreg Danube Programme (EUR 640,000, 2024-2026), "
                   "which the Danube Wood Cluster leads.")
    assert not any(s == "Interreg Danube Programme" for s, _, _ in facts), facts


def test_a_count_in_a_prose_cell_of_a_table_is_read():
    text = ("# Programme of the study visit\n\n"
            "| Day | Place | Activity |\n|---|---|---|\n"
            "| Fri 8 March | Ponta Grossa | Field visit to Cooperativa Agrícola Campos Gerais (1,900 grain and dairy "
            "farmers); debrief |\n"
            "| Sat 9 March | Curitiba | Meeting with the Paraná Seed Cluster, which has 70 members |\n")
    facts = _facts(text, "visit.md")
    assert ("Cooperativa Agrícola Campos Gerais", "grain and dairy farmers", 1900) in facts, facts
    assert ("Paraná Seed Cluster", "members", 70) in facts, facts
    assert not any(v in (8, 9) for _, _, v in facts), facts      # the dates' days are no counts


def test_a_table_of_figures_is_not_read_twice():
    text = ("AGRIROBO is a European Strategic Cluster Partnership led by the Murcia Robotics Cluster.\n\n"
            "Country\tSMEs supported\tMeetings\nSpain\t41\t120\nItaly\t38\t97\n")
    facts = _facts(text)
    assert sum(v == 41 for _, _, v in facts) == 1, facts


def test_a_field_that_counts_two_things_gives_both():
    text = ("ALPWOOL-CIRC is an Interreg project led by the Savoie Wool Cluster (France).\n\n"
            "ALPWOOL-CIRC in short\n\nProgramme: Interreg Alpine Space 2021-2027\n\nPartners: 7 partners, 4 observers\n\n"
            "SMEs to be supported: at least 150\n\nTotal budget: EUR 2,380,000\n")
    facts = {(m, v) for _, m, v in _facts(text)}
    assert {("partners", 7), ("observers", 4), ("SMEs to be supported (at least)", 150)} <= facts, facts


def test_a_journey_to_two_places_is_named_with_both():
    ex = extract_text(document_from_text("From 6 to 9 October 2025 our members took part in a study visit to "
                                         "Copenhagen and Aalborg organised by the Danish heating cluster.", name="n.txt"))
    events = {e.name: e.country for e in ex.entities if e.label == "Event"}
    assert events.get("study visit to Copenhagen and Aalborg") == "DK", events


def test_a_space_aligned_table_is_read_by_its_header():
    text = ("THE DELEGATION\n\n"
            "Organisation                                   Town              Persons\n"
            "Navarra Health Devices Cluster                 Pamplona          2\n"
            "Biofarma Arga SL                               Noain             2\n"
            "Genomica Bardenas SL                           Tudela            1\n\nPROGRAMME\n")
    ex = extract_text(document_from_text(text, name="delegation.txt"))
    names = {e.name for e in ex.entities}
    assert "Navarra Health Devices Cluster" in names, names      # not run on into "… Cluster Pamplona"
    facts = _facts(text, "delegation.txt")
    assert ("Navarra Health Devices Cluster", "Persons", 2) in facts, facts
    assert all(m == "Persons" for _, m, _ in facts), facts        # no row read again as prose ("Biofarma Arga S")


def test_one_line_with_a_wide_gap_stays_prose():
    facts = _facts("The Alpine Wood Cluster reports:                  600 SMEs received information this year.")
    assert any(v == 600 for _, _, v in facts), facts


def test_a_headline_that_states_a_count_is_read_once():
    text = ("## Carpathian Machining Days 2025: 312 participants, 41 exhibitors\n\n"
            "The Carpathian Machining Days 2025 took place in Prešov on 14 May. The forum had 312 participants.\n")
    facts = extract_text(document_from_text(text, name="news.md")).facts
    assert any(f.measure.startswith("exhibitors") and f.value == 41 for f in facts), facts
    assert sum(f.value == 312 for f in facts) == 1, facts      # the body says it again: one fact


def test_an_event_visited_by_a_crowd_has_the_count():
    facts = _facts("In Rosario the Pampa Soil Cluster had a common stand at the fair AgroBio Pampa 2026, "
                   "which was visited this year by about 9,000 professionals.")
    assert any(s == "AgroBio Pampa 2026" and v == 9000 for s, _, v in facts), facts


def test_a_romance_budget_of_the_mission_is_the_missions():
    facts = _facts("La asociación TEXBRIDGE-LATAM organiza la Misión Empresarial a Chile 2026 en mayo. "
                   "El presupuesto total de la misión asciende a 85.000 EUR, financiados por los socios.")
    assert any(s == "Misión Empresarial a Chile 2026" and v == 85000 for s, _, v in facts), facts


def test_a_person_named_with_an_office_is_no_organisation():
    ex = extract_text(document_from_text("The charter was signed by Prime Minister Halvorsen and President Moreau in "
                                         "Lisbon on 3 May 2024, together with the Basque Foundry Cluster.", name="n.txt"))
    names = {e.name for e in ex.entities}
    assert not names & {"President Moreau", "Prime Minister Halvorsen"}, names
    assert "Basque Foundry Cluster" in names, names


def test_a_town_cell_places_the_row_s_body():
    text = ("LA DELEGACIÓN\n\n"
            "Entidad                                   Localidad         Personas\n"
            "Clúster Navarro de Dispositivos Médicos   Pamplona          2\n"
            "Genética Ribera S.L.                      Tudela            1\n\nPROGRAMA\n")
    ex = extract_text(document_from_text(text, name="delegacion.txt"))
    countries = {e.name.rstrip("."): e.country for e in ex.entities}
    assert countries.get("Genética Ribera S.L") == "ES", countries


def test_a_postcode_before_its_town_is_no_count():
    facts = _facts("Distretto Meccanico Isontino, Via dell'Industria 12 – 34170 Gorizia (Italy). "
                   "The district has 120 members.")
    assert not any(v == 34170 for _, _, v in facts), facts
    assert any(v == 120 for _, _, v in facts), facts
