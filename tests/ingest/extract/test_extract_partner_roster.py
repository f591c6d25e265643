"""A partnership's roster written as prose (2026-12-05, eleventh round): two names a descriptor's
run joins by "and", "Portugal is represented by …", and a head-first cluster name ending with its
region. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("Partners of the SeaLink partnership\n\n"
         "SeaLink brings together five maritime clusters. Also on board are the Norwegian cluster Ocean Tech "
         "Arendal and Mare Nostrum Cluster, the Italian maritime cluster based in Genoa.\n\n"
         "Portugal is represented by Fórum Oceano.\n\n"
         "Cluster Nautique Occitanie, from Montpellier, completes the group.\n")


def test_two_names_a_descriptor_run_joins_are_two_bodies_each_in_its_country():
    ents, _, _ = text_by_name(_PAGE)
    assert ents["Ocean Tech Arendal"].country == "NO"
    assert ents["Mare Nostrum Cluster"].country == "IT"
    assert not [n for n in ents if " and " in n], sorted(ents)


def test_a_country_represented_by_a_body_places_it():
    ents, rels, _ = text_by_name(_PAGE)
    assert ents["Fórum Oceano"].country == "PT"
    assert ("Fórum Oceano", "LOCATED_IN", "Portugal") in rels


def test_a_cluster_name_opening_with_its_head_and_ending_with_its_region_is_a_cluster():
    ents, _, _ = text_by_name(_PAGE)
    assert ents["Cluster Nautique Occitanie"].label == "Cluster"
    assert ents["Cluster Nautique Occitanie"].country == "FR"
