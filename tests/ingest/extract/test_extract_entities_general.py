"""Entities and their countries in texts nobody tuned the rules on (issue 15).

Each text below is written for this test (no corpus sentence, no corpus name): it holds one
general pattern of cluster-cooperation writing, and the test checks what a strategy team
would see in the graph: which names become entities, with which label and country, and
that phrases naming nothing stay out. Rules alone decide (``model=False``).
"""
from __future__ import annotations

import pytest

from clusternet.ingest.extract.pipeline import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _entities(text: str) -> dict[str, object]:
    doc = document_from_text(text, name="t.txt")
    ex = extract_text(doc, model=False)
    for e in ex.entities:
        for ev in e.evidence:
            assert doc.text[ev.start:ev.end] == ev.text, (e.name, ev)
    return {e.name: e for e in ex.entities if e.label not in ("Country", "Sector")}


def test_described_list_of_clusters_gives_each_name_as_a_cluster():
    ents = _entities("Eighteen clusters joined the trip. The clusters taking part are: wine (VINOLIA), "
                     "ceramics (Tilecraft Hub), optics (LUXOPT) and toys (Playfield).")
    for name in ("VINOLIA", "Tilecraft Hub", "LUXOPT", "Playfield"):
        assert name in ents, sorted(ents)
        assert ents[name].label == "Cluster"


def test_acronym_from_a_region_is_a_body_of_that_country():
    ents = _entities("The project works with regional agencies (ADENOR from Navarre, PROMUR from Murcia) "
                     "and with KARBO in Tromsø.")
    assert ents["ADENOR"].country == "ES"
    assert ents["PROMUR"].country == "ES"
    assert ents["KARBO"].country == "NO"


def test_generic_phrases_and_people_are_not_entities():
    ents = _entities("Submitted by Jane Roe\n\nThe fair brought together over 60 EU clusters and business support "
                     "organisations (BSOs), with meetings between EU clusters and U.S. clusters, firms and SMEs. Partners "
                     "signed bilateral cluster to cluster Memoranda of Understanding. The session was chaired by "
                     "Prof. Ada Quill.")
    assert not {"Jane Roe", "EU clusters", "SMEs", "BSOs", "U.S", "Memoranda of Understanding", "Prof"} & set(ents), \
        sorted(ents)


@pytest.mark.parametrize("text, name, country", [
    ("The visit was supported by the Shandong Provincial Science and Technology Commission; "
     "officials of Qingdao welcomed the group.", "Shandong Provincial Science and Technology Commission", "CN"),
    ("Talks were held with the Chilean Council on Export Promotion in Santiago.", "Chilean Council on Export Promotion", "CL"),
    ("The delegation met the U.S. Department of Energy in Denver.", "U.S. Department of Energy", "US"),
])
def test_long_names_keep_their_inner_words_and_get_their_country(text, name, country):
    ents = _entities(text)
    assert name in ents, sorted(ents)
    assert ents[name].country == country


def test_cluster_manager_of_names_a_cluster_and_a_country_adjective_its_country():
    ents = _entities("The talk was given by the Cluster Manager of Hungarian Dunamenti Klaszter, Mr. Kis.")
    assert ents["Dunamenti Klaszter"].label == "Cluster"
    assert ents["Dunamenti Klaszter"].country == "HU"


def test_a_region_named_as_an_administrative_area_is_no_organisation():
    ents = _entities("The mission visited the Autonomous Community of Galicia and met local firms.")
    assert "Autonomous Community of Galicia" not in ents or ents["Autonomous Community of Galicia"].label == "Region"
    assert any(e.label == "Region" and e.country == "ES" for e in ents.values()), sorted(ents)


def test_partner_list_items_take_the_country_after_their_city():
    ents = _entities("Partners of the project:\n- Alpha Textile Cluster (Porto, Portugal)\n"
                     "- Beta Innovation Pole (Lyon, France)\n- Gamma Tech Association, Italy\n")
    assert (ents["Alpha Textile Cluster"].country, ents["Beta Innovation Pole"].country,
            ents["Gamma Tech Association"].country) == ("PT", "FR", "IT")


def test_two_bodies_joined_by_a_romance_conjunction_are_two_entities():
    ents = _entities("El Clúster Marítimo de Canarias y la Asociación de Empresas del Mar firmaron un convenio.")
    assert {"Clúster Marítimo de Canarias", "Asociación de Empresas del Mar"} <= set(ents), sorted(ents)
    assert ents["Clúster Marítimo de Canarias"].label == "Cluster"
