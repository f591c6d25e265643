"""A list of indicators with their targets (issue 15, twenty-fourth round): "- B2B meetings with
companies from the target markets: **389** (target: 300)" gives the figure and its target, the
label as its measure, however long; "- Business missions: **3**, all as planned" gives 3. Before
this round such lines gave nothing (a label of more than six words, a value with a bracket or a
comment after it). All names are invented."""
from __future__ import annotations

from helpers.extracted import text_by_name

_PAGE = ("# Final results of NORDWAY-4i\n\n"
         "NORDWAY-4i is a European Strategic Cluster Partnership for Going International.\n\n"
         "Final values (target of the grant agreement in brackets):\n\n"
         "- B2B meetings with companies from the target markets: **389** (target: 300)\n"
         "- Cooperation agreements with organisations in the target markets: **4** (target: 3)\n"
         "- Business missions: **3**, all as planned\n")


def test_indicators_give_their_figure_and_their_target():
    _, _, facts = text_by_name(_PAGE, "results.md")
    assert ("NORDWAY-4i", "B2B meetings with companies from the target markets", 389) in facts, facts
    assert ("NORDWAY-4i", "B2B meetings with companies from the target markets (target)", 300) in facts, facts
    assert ("NORDWAY-4i", "Cooperation agreements with organisations in the target markets (target)", 3) in facts
    assert ("NORDWAY-4i", "Business missions", 3) in facts, facts
