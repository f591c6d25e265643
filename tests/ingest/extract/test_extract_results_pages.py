"""Pages of results, profiles and recaps (2026-12-05, twelfth round): a partnership called by the
EU action's full title before its name is that name, and its figures are its own. Every text is
written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_RESULTS = ("# KESTREL-4i at half-way: mid-term results\n\n"
            "Half-way through its lifetime, the European Strategic Cluster Partnership for Going International "
            "KESTREL-4i – Photonics Clusters Going Global has reached most of its targets.\n\n"
            "KESTREL-4i is one of the ESCP-4i partnerships. It has a budget of EUR 980,000.\n")


def test_a_partnership_after_the_actions_full_title_is_named_by_its_own_name():
    ents, rels, facts = text_by_name(_RESULTS, "page.md")
    assert ents["KESTREL-4i"].label == "Partnership"
    assert not [n for n in ents if n.endswith("International KESTREL-4i")], sorted(ents)
    assert ("KESTREL-4i", "budget (EUR)", 980000) in facts, facts


def test_the_actions_full_title_is_not_a_partnership_the_name_is_part_of():
    _, rels, _ = text_by_name(_RESULTS, "page.md")
    assert not [r for r in rels if r[1] == "PART_OF" and r[0] == "KESTREL-4i"], sorted(rels)
