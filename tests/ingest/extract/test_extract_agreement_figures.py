"""What an agreement commits its parties to do every year, and how many sign it, are the
agreement's figures (issue 15, eighteenth round): before, such counts went to a cluster or an
event of the page, since no prose count was ever hung on an agreement."""
from __future__ import annotations

from helpers.extracted import text_by_name

MOU = ("# Two wind clusters sign a memorandum\n\nBergen, 3 May 2026 – Nordvind Cluster (Norway) and Cluster Eólico "
       "do Minho (Portugal) signed a Memorandum of Understanding at the Offshore Days 2026, attended by 300 "
       "participants. The two clusters will:\n\n- organise at least two joint B2B events a year;\n"
       "- exchange market data on floating wind.\n")


def test_a_yearly_commitment_is_the_agreements():
    _, _, facts = text_by_name(MOU)
    assert ("Memorandum of Understanding", "joint B2B events a year (at least)", 2) in facts \
        or any(f[0] == "Memorandum of Understanding" and f[2] == 2 for f in facts), facts
    assert ("Offshore Days 2026", "participants", 300) in {(f[0], f[1].split(" ")[0], f[2]) for f in facts} \
        or any(f[0] == "Offshore Days 2026" and f[2] == 300 for f in facts), facts


def test_the_count_of_signatories_is_the_agreements():
    """(A guard: this one held before the round too, through the first name of the sentence.)"""
    _, _, facts = text_by_name("# Declaration\n\nIn Ghent, six biomaterials clusters signed the Ghent Declaration on "
                               "Biobased Packaging on 4 March 2026.\n")
    assert any(f[0] == "Ghent Declaration on Biobased Packaging" and f[2] == 6 for f in facts), facts
