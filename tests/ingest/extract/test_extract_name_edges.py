"""Edges of names (2026-12-05, fourteenth round): a legal form whose first word stops at its own
full stop ("Sp. z o.o.") stays whole, a programme's days ("Monday and Tuesday (Sydney)") and a town
after "In" are no bodies. Every text here is written for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_TABLE = ("Partners\n\n| No | Partner | Country |\n|---|---|---|\n"
          "| 1 | Klaster Mleczarski Mazury Sp. z o.o. | Poland |\n| 2 | Nordkyl Teknik AB | Sweden |\n")


def test_a_cluster_with_a_polish_legal_form_is_one_entity():
    ents, rels, _ = text_by_name(_TABLE, "page.md")
    named = [n for n in ents if n.startswith("Klaster Mleczarski")]
    assert named == ["Klaster Mleczarski Mazury Sp. z o.o."], named
    assert ents[named[0]].label == "Cluster", ents[named[0]]


def test_days_of_a_programme_are_no_organisations():
    text = ("Programme\n\n**Monday and Tuesday (Sydney, New South Wales)** – the delegation visited the "
            "Harbour Design Show.\n\nThursday, 9 October - Melbourne: matchmaking with importers.\n")
    ents, _, _ = text_by_name(text, "page.md")
    assert not [n for n in ents if any(d in n for d in ("Monday", "Thursday"))], sorted(ents)


def test_a_town_after_in_is_a_place_not_an_organisation():
    ents, _, _ = text_by_name("Day 3\n\nIn Rosario (Santa Fe Province) the partnership had a common stand.\n")
    assert "In Rosario" not in ents, sorted(ents)
    assert ents["Santa Fe Province"].country == "AR", ents["Santa Fe Province"]


def test_a_town_after_a_company_is_not_part_of_its_name():
    text = ("Partners\n\n- Canteras Roblejo S.L., Macael (España)\n- Mármoles Iberia S.A. from Novelda\n"
            "- Asociación Clúster del Granito (ACGR), O Porriño\n")
    ents, _, _ = text_by_name(text, "page.md")
    for name in ("Canteras Roblejo S.L.", "Mármoles Iberia S.A.", "Asociación Clúster del Granito"):
        assert name in ents, (name, sorted(ents))
    assert not [n for n in ents if n.endswith(("Macael", "Novelda", "Porriño")) and ents[n].label != "Region"], sorted(ents)


def test_a_kind_written_before_a_company_is_not_part_of_its_name():
    ents, _, _ = text_by_name("News\n\nAmong the exhibitors was the Zagreb SME Ortomed d.o.o., which makes "
                              "splints. La PME Biocapt SAS était aussi présente.\n")
    assert "Ortomed d.o.o." in ents, sorted(ents)
    assert "Biocapt SAS" in ents, sorted(ents)


def test_a_town_and_a_company_is_the_company():
    ents, _, _ = text_by_name("News\n\nThe guests were Senzor Plus d.o.o. from Maribor and Urbis d.o.o. "
                              "from Celje.\n")
    assert "Urbis d.o.o." in ents, sorted(ents)
    assert not [n for n in ents if n.startswith("Maribor")], sorted(ents)


def test_a_town_after_a_bold_name_and_its_acronym_places_the_body():
    text = ("Members\n\n- **Shannonside Institute of Soil Science (SISS)**, Limerick – applied research on soils\n"
            "- **Tipperary Dairy Cluster**, Cork – dairy processing\n")
    ents, rels, _ = text_by_name(text, "page.md")
    assert ents["Shannonside Institute of Soil Science"].country == "IE", ents["Shannonside Institute of Soil Science"]
    assert ("Tipperary Dairy Cluster", "LOCATED_IN", "Ireland") in rels, sorted(rels)


def test_a_legal_form_after_a_comma_names_the_company_and_its_row_places_it():
    text = ("Empresas participantes\n\n| Empresa | Sede | Actividad |\n|---|---|---|\n"
            "| Frigoríficos del Noguera, S.L. | Balaguer (Cataluña) | Cámaras frigoríficas |\n"
            "| Calibradores Moncayo, S.A. | Tarazona (Aragón) | Calibradoras ópticas |\n\n"
            "Also Acme Orchard Robotics, Inc. joined the mission.\n")
    ents, _, _ = text_by_name(text, "page.md")
    for name in ("Frigoríficos del Noguera, S.L.", "Calibradores Moncayo, S.A.", "Acme Orchard Robotics, Inc."):
        assert name in ents, (name, sorted(ents))
    assert ents["Frigoríficos del Noguera, S.L."].country == "ES", ents["Frigoríficos del Noguera, S.L."]


def test_a_mexican_legal_form_places_no_company_in_cape_verde():
    ents, _, _ = text_by_name("News\n\nThe importer Delicatessen Azteca, S.A. de C.V. signed an order.\n")
    assert ents["Delicatessen Azteca, S.A. de C.V."].country != "CV", ents["Delicatessen Azteca, S.A. de C.V."]
