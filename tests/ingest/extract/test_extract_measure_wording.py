"""A stated figure's measure in the text's words, with what the text says of it (issue 15,
seventeenth round): the years a budget is for, a table column that is part of the one before it,
whom a delegation was composed from, what a body is representing."""
from __future__ import annotations

from helpers.extracted import text_by_name


def _measures(text: str, name: str = "page.txt") -> dict:
    _, _, facts = text_by_name(text, name)
    return {(m, v) for _, m, v in facts}


def test_the_years_a_budget_is_for_stay_in_its_measure():
    got = _measures("BLUE-X partnership\n\nThe BLUE-X partnership has a budget of EUR 1.5 million for "
                    "2024–2027. Its action plan has a budget of EUR 400,000 for the years 2025-2026.\n")
    assert {("budget for 2024–2027 (EUR)", 1_500_000), ("budget for 2025-2026 (EUR)", 400_000)} <= got, got


def test_an_of_which_column_counts_part_of_the_column_before_it():
    got = _measures("BRIDGE-X Matchmaking 2025\n\nThe BRIDGE-X Matchmaking 2025 took place in Lyon in May.\n\n"
                    "Country\tParticipants\tof which SMEs\nSpain\t40\t25\nFrance\t30\t12\n")
    assert {("SMEs among the participants", 25), ("SMEs among the participants", 12)} <= got, got
    assert not [m for m, _ in got if m.startswith("of which")]


def test_whom_a_delegation_was_composed_from_is_counted_in_the_delegation():
    got = _measures("BRIDGE-X Mission to Chile 2025\n\nThe BRIDGE-X Mission to Chile 2025 took place in "
                    "Santiago in May. The delegation was composed from 17 persons.\n")
    assert ("persons in the delegation", 17) in got, got


def test_what_a_body_is_representing_is_counted_as_represented():
    got = _measures("Alpha Cluster news\n\nThe Alpha Cluster and the Beta Cluster founded BRIDGE-X. Together "
                    "they are representing 2,150 companies.\n")
    assert ("companies represented", 2150) in got, got
