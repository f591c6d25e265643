"""Figures in table cells that say more than a number (issue 15, twenty-third round): a two-column
table of key figures whose cells hedge or qualify their number ("près de 14 300", "11 personnes",
"2,1 milliards d'euros") gives facts with the qualifier in the measure, and a table of indicators on a
page with no partnership is still somebody's. Before this round these rows were dropped. All names are
invented."""
from __future__ import annotations

from helpers.extracted import text_by_name

_KEY_FIGURES = """<html><body><h1>The Loire Wood Cluster</h1>
<p>The Loire Wood Cluster (France) brings together the wood construction companies of the region.</p>
<h2>Key figures</h2>
<table>
<tr><th>Adhérents</th><td>186</td></tr>
<tr><th>Salariés chez nos adhérents</th><td>près de 14 300</td></tr>
<tr><th>Chiffre d'affaires cumulé des adhérents</th><td>2,1 milliards d'euros</td></tr>
<tr><th>Équipe permanente</th><td>11 personnes</td></tr>
<tr><th>Prochaine assemblée</th><td>12 mai 2026</td></tr>
</table></body></html>"""


def test_hedged_and_qualified_cells_of_key_figures_are_facts():
    _, _, facts = text_by_name(_KEY_FIGURES, "figures.html")
    got = {(m, v) for s, m, v in facts if s == "Loire Wood Cluster"}
    assert ("Salariés chez nos adhérents (près de)", 14300) in got, facts
    assert ("Équipe permanente (personnes)", 11) in got, facts
    assert ("Chiffre d'affaires cumulé des adhérents (EUR)", 2_100_000_000) in got, facts
    assert ("Adhérents", 186) in got, facts
    assert not any(v == 12 for _, _, v in facts), facts      # a date is no figure


def test_an_indicator_table_on_a_page_without_a_partnership_is_kept():
    _, _, facts = text_by_name(
        "<html><body><h1>Nordic Hydrogen Days 2025 in Oslo</h1>"
        "<p>The Nordic Hydrogen Days 2025 in Oslo gathered the hydrogen clusters of the region.</p>"
        "<h2>Results</h2><table><tr><th>Indicator</th><th>Target</th><th>Achieved</th></tr>"
        "<tr><td>B2B meetings</td><td>50</td><td>62</td></tr>"
        "<tr><td>Technicians trained</td><td>30</td><td>36</td></tr></table></body></html>", "days.html")
    assert ("Nordic Hydrogen Days 2025", "B2B meetings", 62) in facts, facts
    assert ("Nordic Hydrogen Days 2025", "Technicians trained (target)", 30) in facts, facts
