"""Companies and universities as news items name them (2026-12-04, ninth round): a company after
its place and kind ("the Czech SME CellTest Brno", "the Portuguese shipyard Estaleiros do Douro"),
after its kind alone ("the start-up Blue Robotics Lab"), and a university named after a person
"of the" it ("Prof. Andrea Rossi of the University of Messina and Mr. Galea"). Every text is
written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_company_after_its_place_and_kind_is_found_in_that_country():
    ents, _, _ = text_by_name("Among them was the Czech SME CellTest Brno, a spin-off of Brno University of "
                              "Technology. The Portuguese shipyard Estaleiros do Douro presented its vessel. "
                              "Italian spinning mill Filatura Biellese Verde joined.")
    assert (ents["CellTest Brno"].label, ents["CellTest Brno"].country) == ("SME", "CZ")
    assert (ents["Estaleiros do Douro"].label, ents["Estaleiros do Douro"].country) == ("Organisation", "PT")
    assert ents["Filatura Biellese Verde"].country == "IT"


def test_a_company_after_its_kind_alone_is_found():
    ents, _, _ = text_by_name("We met the start-up Blue Robotics Lab in May.")
    assert ents["Blue Robotics Lab"].label == "Organisation"


def test_the_body_a_person_is_of_is_named_without_the_person_or_the_next_title():
    ents, _, _ = text_by_name("The agreement was promoted by Prof. Andrea Rossi of the University of Messina "
                              "and Mr. Galea, a counsellor.")
    assert "University of Messina" in ents
    assert not [n for n in ents if "Rossi" in n or n.endswith(" Mr")]


def test_a_new_member_described_as_a_start_up_is_no_cluster_and_what_a_cluster_became_member_of_is_found():
    ents, rels, _ = text_by_name("# Three new members join Cluster Lumière\n\nCluster Lumière welcomes three new members: "
                                 "Optis Lab, a start-up developing lidar sensors, the Institut d'Optique Graduate School "
                                 "and the company Photon Lines.\n\nCluster Lumière became a member of Photonics21.\n",
                                 "page.md")
    assert ents["Optis Lab"].label == "Organisation"
    assert ("Optis Lab", "MEMBER_OF", "Cluster Lumière") in rels
    assert ("Cluster Lumière", "MEMBER_OF", "Photonics21") in rels
