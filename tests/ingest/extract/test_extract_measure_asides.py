"""What a count's measure leaves out (2026-12-05, thirteenth round): an aside between dashes after
the counted noun, a second count after "with", and a verb that is no one's doing ("had"). Every
text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_an_aside_between_dashes_is_no_part_of_the_measure():
    _, _, facts = text_by_name("News\n\nUrban Grid Cluster Croatia is gathering 61 members – companies, towns and "
                               "institutes – working in smart energy.\n")
    assert ("Urban Grid Cluster Croatia", "members", 61) in facts, sorted(facts)


def test_a_second_count_after_with_is_its_own_fact_not_the_first_ones_words():
    _, _, facts = text_by_name("News\n\nThe Baltic Seafood Days 2026 took place in Gdynia. The twelve Latvian "
                               "exhibitors had 64 pre-arranged meetings with 30 Polish importers.\n")
    assert ("Baltic Seafood Days 2026", "pre-arranged meetings", 64) in facts, sorted(facts)
    assert not [f for f in facts if "had by" in f[1]], sorted(facts)
