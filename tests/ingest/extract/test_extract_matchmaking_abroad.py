"""A matchmaking held abroad as its report tells it (2026-12-04, eighth round): who held it, the
fair it sat beside, the clusters from each side. Every text is written here for the check; no
corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

REPORT = ("# EU–Korea Cluster Matchmaking on Smart Factories\n\n"
          "*Seoul, 18–19 September 2025*\n\n"
          "The Alpine Cluster Platform and the Korea Industrial Cluster Agency held the fourth EU–Korea Cluster "
          "Matchmaking on Smart Factories in Seoul, back to back with the SMATEC trade fair.\n\n"
          "## Participating European clusters\n\n"
          "| Cluster | Country |\n|---|---|\n"
          "| Mechatronics Cluster Upper Austria | Austria |\n"
          "| Smart Production Cluster Saxony | Germany |\n\n"
          "Among the Korean participants were the Gyeonggi Robotics Consortium, the Busan Marine Cluster and the "
          "Daegu Machinery Institute.\n")
EVENT = "EU–Korea Cluster Matchmaking on Smart Factories"


def test_two_bodies_that_held_the_event_both_coordinate_it():
    _, rels, _ = text_by_name(REPORT, "report.md")
    assert ("Alpine Cluster Platform", "COORDINATES", EVENT) in rels
    assert ("Korea Industrial Cluster Agency", "COORDINATES", EVENT) in rels


def test_the_fair_an_event_sits_beside_is_an_event():
    ents, _, _ = text_by_name(REPORT, "report.md")
    assert ents["SMATEC"].label == "Event"


def test_a_cluster_named_with_its_region_after_the_head_noun_is_a_cluster():
    ents, rels, _ = text_by_name(REPORT, "report.md")
    assert ents["Mechatronics Cluster Upper Austria"].label == "Cluster"
    assert ("Mechatronics Cluster Upper Austria", "PARTICIPATED_IN", EVENT) in rels


def test_a_consortium_named_in_a_list_does_not_make_the_rest_of_the_list_its_partners():
    _, rels, _ = text_by_name(REPORT, "report.md")
    assert not [r for r in rels if r[1] == "PARTNER_IN" and r[2] == "Gyeonggi Robotics Consortium"]


def test_names_in_a_table_under_a_cluster_column_are_clusters():
    ents, rels, _ = text_by_name("# EU–Japan Robotics Matchmaking 2025\n\nThe EU–Japan Robotics Matchmaking took "
                                 "place in Osaka.\n\n| Cluster | Country | Companies |\n|---|---|---|\n"
                                 "| Odense Robotics | Denmark | 6 |\n| Blue Minds Hub | Norway | 4 |\n", "page.md")
    assert (ents["Odense Robotics"].label, ents["Odense Robotics"].country) == ("Cluster", "DK")
    assert ents["Blue Minds Hub"].country == "NO"
