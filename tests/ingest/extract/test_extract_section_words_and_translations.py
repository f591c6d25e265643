"""Names that are no names and one body named twice (issue 15, twenty-fourth round): a page's
section label ("Actualités du cluster") and a where-it-sits participle ("Basé à Bordeaux
(Nouvelle-Aquitaine), le Pôle …") are no bodies, and a name written with its translation after a
dash is the body the page also names by one half. Before this round the first two were a Cluster
and an Organisation (taking the cluster's member count), the last two entities. All names are
invented."""
from __future__ import annotations

from helpers.extracted import text_by_name


def test_a_section_label_and_a_located_participle_are_no_bodies():
    ents, _, facts = text_by_name(
        "*Tanger, le 18 mars 2026 · Actualités du cluster*\n\n"
        "Basé à Bordeaux (Nouvelle-Aquitaine), le Pôle Lumière Océane est le cluster de la photonique du "
        "sud-ouest. Il fédère aujourd'hui 87 adhérents.\n", "actu.md")
    assert not [n for n in ents if n.startswith(("Actualités", "Basé"))], ents
    assert ("Pôle Lumière Océane", "adhérents", 87) in facts, facts


def test_a_name_with_its_translation_after_a_dash_is_the_body_named_alone():
    ents, rels, _ = text_by_name(
        "Five wood clusters sign the Drava Agreement\n\n"
        "| Cluster | Country | Members |\n|---|---|---|\n"
        "| Somogyi Faipari Klaszter – Somogy Wood Industry Cluster | Hungary | 29 |\n\n"
        "The signatories are:\n\n- Somogyi Faipari Klaszter\n- Lesni grozd Mura\n", "drava.md")
    assert sum("Somogy" in n for n in ents) == 1, ents
