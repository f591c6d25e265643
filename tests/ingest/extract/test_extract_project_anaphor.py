"""A figure in a sentence that opens with "the project" is the page's partnership's (issue 15,
twenty-fourth round), though a member cluster is named before the count: "The project, which the
Walloon cluster Plastiwood leads, … at least 120 companies will receive vouchers". Before this round
the cluster took it. A relative clause keeps its own figure. All names are invented."""
from __future__ import annotations

from helpers.extracted import text_by_name

_PAGE = ("CIRCUPLAST: circular plastics for SMEs\n\n"
         "CIRCUPLAST is a European Strategic Cluster Partnership funded by the Single Market Programme. "
         "CIRCUPLAST brings together four clusters. "
         "The project, which the Walloon cluster Plastiwood Cluster leads, issues open calls for SMEs: at least 120 "
         "companies will receive vouchers of up to EUR 60,000 each.\n\n"
         "The consortium is coordinated by Plastiwood Cluster, which has 280 members in Wallonia.\n")


def test_a_figure_after_the_project_is_the_partnerships():
    _, _, facts = text_by_name(_PAGE, "circuplast.txt")
    assert any(s == "CIRCUPLAST" and v == 120 for s, _, v in facts), facts
    assert not any(s == "Plastiwood Cluster" and v == 120 for s, _, v in facts), facts


def test_a_relative_clause_keeps_its_figure():
    _, _, facts = text_by_name(_PAGE, "circuplast.txt")
    assert any(s == "Plastiwood Cluster" and v == 280 for s, _, v in facts), facts
