"""Who organised the event a page tells of, when the sentence naming the organisers does not name
the event (issue 15, thirty-first round): "The tour was organised together with A", "La misión fue
organizada por B en colaboración con C", "We organised it together with D" and "It was organised in
cooperation with E" a sentence after the event was named make them organisers (COORDINATES) of that
event, where before they were read as its participants or not at all. A delegation "led by" a body
and a programme "prepared by" one name no organiser. All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _relations(text: str, name: str = "page.txt") -> set[tuple[str, str, str]]:
    """The relations the extractor gives for one text, as (source, type, target) names."""
    ex = extract_text(document_from_text(text, name=name))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}


def _organisers(rels, event_start: str) -> set[str]:
    """The sources of COORDINATES whose target's name opens with ``event_start``."""
    return {s for s, t, o in rels if t == "COORDINATES" and o.startswith(event_start)}


def test_the_tour_organised_together_with_a_cluster_names_its_organiser():
    rels = _relations("# Study tour to Friesland\n\nFrom 3 to 5 June 2026 the Lakeland Dairy Cluster led its "
                      "Study tour to Friesland and Groningen, with eleven member companies.\n\n"
                      "The tour was organised together with the Noordelijk Zuivel Netwerk from Leeuwarden.")
    assert "Noordelijk Zuivel Netwerk" in _organisers(rels, "Study tour to Friesland"), rels


def test_a_spanish_mission_organised_by_a_cluster_in_collaboration_with_a_chamber():
    rels = _relations("# Misión Empresarial a Perú 2026\n\nDel 9 al 13 de marzo de 2026 doce pymes viajaron a Lima "
                      "en la Misión Empresarial a Perú 2026.\n\nLa misión fue organizada por el Clúster Andaluz "
                      "del Agua en colaboración con la Cámara Oficial de Comercio de España en Perú.")
    organisers = _organisers(rels, "Misión Empresarial a Perú")
    assert "Clúster Andaluz del Agua" in organisers, rels
    assert any(o.startswith("Cámara Oficial de Comercio") for o in organisers), rels


def test_we_organised_it_together_with_names_the_co_organiser():
    rels = _relations("The Arctic Sensor Matchmaking 2026 took place on 10 March in Tromsø, Norway.\n"
                      "We organised it together with Enterprise Europe Network Norway and the Polar Tech Cluster.")
    organisers = _organisers(rels, "Arctic Sensor Matchmaking")
    assert {"Enterprise Europe Network Norway", "Polar Tech Cluster"} <= organisers, rels


def test_it_was_organised_two_sentences_after_the_event_was_named():
    rels = _relations("The Baltic Timber Forum 2026 opened on 4 May in Riga. Over two days 140 guests from "
                      "nine countries attended. It was organised in cooperation with the Latvian Wood Cluster.")
    assert "Latvian Wood Cluster" in _organisers(rels, "Baltic Timber Forum"), rels


def test_a_delegation_led_by_a_body_and_a_programme_prepared_by_one_name_no_organiser():
    rels = _relations("The Alpine Ropeway Expo 2026 took place in Bolzano in April.\n\nA delegation of six ski "
                      "resort operators, led by the Almaty Mountain Operators Association, came to the expo.\n\n"
                      "The programme was prepared by the Tyrol Winter Tech Cluster.")
    organisers = _organisers(rels, "Alpine Ropeway Expo")
    assert "Almaty Mountain Operators Association" not in organisers, rels
    assert "Tyrol Winter Tech Cluster" not in organisers, rels
