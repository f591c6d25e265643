"""A company's size said as a compound before its kind is that company's employees (issue 15,
twenty-sixth round): before it, "a 38-person machine shop" gave a fact measured "person machine
shop" and "a 35-employee family SME" none. All names are invented."""
from __future__ import annotations

import pytest

from helpers.extracted import text_by_name


@pytest.mark.parametrize("text,company,value", [
    ("Site visits: Hartl Guss GmbH, a 35-employee family SME, makes valve bodies.", "Hartl Guss GmbH", 35),
    ("Nordex Labs GmbH is a 120-strong engineering firm from Kiel.", "Nordex Labs GmbH", 120),
    ("Our partner was a 38-person machine shop, Mecanizados Urola S.L., from Azpeitia.", "Mecanizados Urola S.L.", 38),
], ids=["after the name", "is a", "before the name"])
def test_a_size_compound_is_the_companys_employees(text, company, value):
    ents, _, facts = text_by_name(text)
    assert (company, "employees", value) in facts, (sorted(ents), facts)
    assert not any("person" in m or "strong" in m or "-employee" in m for _, m, _ in facts), facts


def test_a_size_compound_with_no_company_named_beside_it_gives_no_figure():
    _, _, facts = text_by_name("Twelve-person teams from the Alpha Cluster came to the 2025 forum in Graz.")
    assert not any(v == 12 for _, _, v in facts), facts
