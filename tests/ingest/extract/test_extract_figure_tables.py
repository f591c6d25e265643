"""Tables of figures (2026-12-05, eleventh round): a budget table of labelled amounts, with or
without a header row, an indicators table with target and achieved columns, and a partner table
with a role column beside its amounts. Every text is written here for the check; no corpus page
is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("# GreenBuild Alliance – key figures\n\n"
         "The GreenBuild Alliance brings together five construction clusters.\n\n"
         "| Partner | Role | Budget |\n|---|---|---|\n"
         "| Alpha Building Cluster | Coordinator | EUR 300,000 |\n| Beta Timber Cluster | Partner | EUR 200,000 |\n\n"
         "## Budget\n\n| Item | Amount |\n|---|---|\n| Total budget | EUR 1,200,000 |\n| EU contribution | €0.9 million |\n\n"
         "## Results\n\n| Indicator | Target | Achieved |\n|---|---|---|\n| B2B meetings | 200 | 240 |\n")


def test_a_budget_table_gives_the_partnerships_amounts():
    _, _, facts = text_by_name(_PAGE, "page.md")
    assert ("GreenBuild Alliance", "Total budget (EUR)", 1200000) in facts, facts
    assert ("GreenBuild Alliance", "EU contribution (EUR)", 900000) in facts, facts


def test_an_indicator_row_keeps_its_target_apart_from_what_was_achieved():
    _, _, facts = text_by_name(_PAGE, "page.md")
    assert ("GreenBuild Alliance", "B2B meetings", 240) in facts, facts
    assert ("GreenBuild Alliance", "B2B meetings (target)", 200) in facts, facts


def test_a_partner_rows_amount_is_that_partners_beside_a_role_column():
    _, rels, facts = text_by_name(_PAGE, "page.md")
    assert ("Alpha Building Cluster", "Budget (EUR)", 300000) in facts, facts
    assert ("Beta Timber Cluster", "Budget (EUR)", 200000) in facts, facts
    assert ("Alpha Building Cluster", "COORDINATES", "GreenBuild Alliance") in rels


def test_a_two_column_html_table_needs_no_header_row():
    html = ("<html><body><h1>GreenBuild Alliance</h1><p>The GreenBuild Alliance is a partnership.</p>"
            "<table><tr><td>Total budget</td><td>EUR 1,200,000</td></tr>"
            "<tr><td>EU contribution</td><td>EUR 900,000</td></tr></table></body></html>")
    _, _, facts = text_by_name(html, "page.html")
    assert ("GreenBuild Alliance", "Total budget (EUR)", 1200000) in facts, facts
