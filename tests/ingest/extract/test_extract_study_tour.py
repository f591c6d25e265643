"""A cluster's study tour told day by day (2026-12-05, eleventh round): with no partnership on
the page, the cluster the title sends on the journey is the visitor of whom the group met, was
welcomed by or visited; a company described "with 120 employees" owns that figure. Every text
is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("Alpha Wood Cluster on study tour in Bavaria\n\n"
         "Rosenheim, 12 May 2025 – Twenty members of the Alpha Wood Cluster travelled to Bavaria for a three-day "
         "study tour on timber construction.\n\n"
         "On the first day, the group visited the Technical University of Rosenheim. The participants then met the "
         "management of Holzbau Meier GmbH, a family company with 120 employees.\n\n"
         "On day two the delegation was welcomed by the Bavarian Timber Cluster in Munich. Visits to the production "
         "sites of Huber Fenster AG followed.\n")


def test_the_cluster_on_the_journey_visited_whom_the_group_met_and_saw():
    _, rels, _ = text_by_name(_PAGE)
    visited = {r[2] for r in rels if r[1] == "VISITED" and r[0] == "Alpha Wood Cluster"}
    assert {"Holzbau Meier GmbH", "Bavarian Timber Cluster", "Huber Fenster AG"} <= visited, sorted(rels)


def test_a_company_described_with_its_staff_owns_the_figure():
    _, _, facts = text_by_name(_PAGE)
    assert ("Holzbau Meier GmbH", "employees", 120) in facts, facts
