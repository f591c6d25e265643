"""A foreign delegation visiting a cluster (2026-12-05, tenth round): the delegation a body led
visits what "the group" toured; bodies named as some of the cluster's members are its members and
no figure; "A, a member of B" after a company's legal form. Every text is written here for the
check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

VISIT = ("Japanese delegation visits Alpha Robotics Cluster\n\n"
         "Odense, 14 May 2025 – A delegation of 15 Japanese companies, led by the Japan External Trade Organization "
         "(JETRO), visited the Alpha Robotics Cluster on 12 May.\n\n"
         "In the afternoon, the group toured the facilities of Beta Automation A/S and Gamma Drones ApS, two of the "
         "cluster's members.\n")


def test_the_group_a_body_led_visits_what_the_group_toured():
    _, rels, _ = text_by_name(VISIT)
    for org in ("Alpha Robotics Cluster", "Beta Automation A/S", "Gamma Drones ApS"):
        assert ("Japan External Trade Organization", "VISITED", org) in rels, org


def test_two_of_the_clusters_members_are_its_members_and_no_count():
    _, rels, facts = text_by_name(VISIT)
    for org in ("Beta Automation A/S", "Gamma Drones ApS"):
        assert (org, "MEMBER_OF", "Alpha Robotics Cluster") in rels, org
    assert not [f for f in facts if f[2] == 2], facts


def test_a_member_of_after_a_legal_form_is_read():
    _, rels, _ = text_by_name("Beta Automation GmbH, a member of the Alpha Robotics Cluster, presented its robot.\n")
    assert ("Beta Automation GmbH", "MEMBER_OF", "Alpha Robotics Cluster") in rels


def test_who_a_cluster_hosted_or_received_a_visit_from_visited_it():
    for sentence in ("Alpha Cluster hosted a delegation from Beta Cluster on 12 May.",
                     "Alpha Cluster welcomed a delegation of the Beta Cluster in Graz.",
                     "Alpha Cluster received a visit from Beta Cluster."):
        _, rels, _ = text_by_name(sentence + "\n")
        visits = {(r[0], r[2]) for r in rels if r[1] == "VISITED"}
        assert visits == {("Beta Cluster", "Alpha Cluster")}, (sentence, visits)
