"""News of three clusters signing an MoU (2026-12-05, eleventh round): "The agreement …" owns the
figures of its sentence, a verb ends a measure, and a number after a descriptor is never a name.
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("Three clusters sign cooperation agreement on hydrogen valleys\n\n"
         "Graz, 2 June 2025 – The Austrian hydrogen cluster H2 Alpine Network, the Slovenian Energy Technology "
         "Cluster and the Croatian Green Hydrogen Cluster Zagreb signed a Memorandum of Understanding on 28 May "
         "in Ljubljana.\n\n"
         "The agreement, valid for three years, covers joint applications to Horizon Europe and the Clean Hydrogen "
         "Partnership, staff exchanges and two joint matchmaking events per year. Together the three clusters "
         "represent 410 members, among them 270 SMEs.\n\n"
         "The Slovenian cluster brings 140 members and the Croatian cluster 120.\n")


def test_the_agreement_owns_the_figures_its_sentence_states():
    _, _, facts = text_by_name(_PAGE)
    owners = {f[0] for f in facts if f[2] == 2}
    assert owners == {"Memorandum of Understanding"}, facts


def test_a_verb_after_the_counted_noun_ends_the_measure():
    _, _, facts = text_by_name(_PAGE)
    assert [f[1] for f in facts if f[2] == 3 and f[1].startswith("clusters")] == ["clusters"], facts


def test_a_number_after_a_national_descriptor_is_no_name():
    ents, _, facts = text_by_name(_PAGE)
    assert "120" not in ents, sorted(ents)
    assert ("Slovenian Energy Technology Cluster", "members", 140) in facts, facts
