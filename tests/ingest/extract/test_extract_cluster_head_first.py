"""A name that opens with "Cluster" and goes on with names is a cluster, in whatever language the
names are (issue 15, twenty-eighth round). Before this round "Cluster Salud Murcia", "Cluster Eau
Sud" and "Cluster Lignum Jura" were organisations: an English head noun first was read as a
modifier unless accents, a Romance preposition or a known region said otherwise. The English nouns
such a head qualifies ("Cluster Mapping", "Cluster Days") stay what they were. All names are invented.
"""
from __future__ import annotations

import pytest

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _labels(text: str) -> dict[str, str]:
    """Entity name -> label for one text."""
    return {e.name: e.label for e in extract_text(document_from_text(text, name="page.txt")).entities}


@pytest.mark.parametrize("name,country", [
    ("Cluster Salud Murcia", "Spain"), ("Cluster Eau Sud", "France"), ("Cluster Lignum Jura", "Switzerland"),
    ("Cluster Portugal Embalagem", "Portugal"),
])
def test_a_cluster_head_followed_by_names_is_a_cluster(name, country):
    labels = _labels(f"The new partners of the network are {name} ({country}) and Alpha Robotics GmbH (Germany).")
    assert labels.get(name) == "Cluster", labels


def test_the_nouns_a_cluster_head_qualifies_stay_what_they_were():
    labels = _labels("The results of the Cluster Mapping study were presented at the Cluster Days 2026 in Lyon, "
                     "with Cluster Navigators Ltd (Ireland) as moderator.")
    assert labels.get("Cluster Days 2026") == "Event", labels
    assert labels.get("Cluster Navigators Ltd") != "Cluster", labels
    assert "Cluster Mapping" not in labels or labels["Cluster Mapping"] != "Cluster", labels
