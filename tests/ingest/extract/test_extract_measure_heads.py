"""A count's measure is the noun it counts, never a verb or an article after it (issue 15,
twenty-fifth round): "38 in Santiago" after "71 B2B meetings" counts B2B meetings (before: "B2B in
Santiago"), "the five partner clusters held 196 meetings" counts partner clusters (before: "partner
clusters held"), and "27 representantes de los seis socios" counts representantes (before:
"representantes de los"); "the Wood Days hosted 300 B2B meetings" no longer reads "B2B meetings
hosted by the Wood Days", "140 member companies employing 12,000 people" no longer "member companies
employing", and "60% of the participants were SMEs" is the share of SMEs among the participants
(before: "share of the participants were SMEs"). All names are invented."""
from __future__ import annotations

from helpers.extracted import text_by_name


def _measures(facts, value) -> set:
    return {m for s, m, v in facts if v == value}


def test_a_bare_count_borrows_the_whole_noun_of_the_count_before():
    _, _, facts = text_by_name("Business mission to Peru\n\nThe delegation held 71 B2B meetings in Arequipa and "
                               "38 in Lima.", "mission.txt")
    assert _measures(facts, 38) == {"B2B meetings in Lima"}, facts


def test_a_verb_before_the_next_count_is_not_part_of_the_measure():
    _, _, facts = text_by_name("In total, 74 companies from the five partner clusters held 196 bilateral meetings "
                               "at the Robo Day 2025.", "robo.txt")
    assert _measures(facts, 5) == {"partner clusters"}, facts


def test_a_romance_measure_does_not_end_on_an_article():
    _, _, facts = text_by_name("A la reunión de lanzamiento en Alicante asistieron 27 representantes de los seis "
                               "socios del proyecto PIEDRA-CIRC.", "reunion.txt")
    assert _measures(facts, 27) and not any(m.split()[-1] in ("los", "de") for m in _measures(facts, 27)), facts


def test_an_agent_that_names_the_subject_itself_is_left_out_of_the_measure():
    _, _, facts = text_by_name("Alpine news\n\nThe Alpine Wood Days 2025 hosted more than 300 B2B meetings.", "days.txt")
    assert ("Alpine Wood Days 2025", "B2B meetings (more than)", 300) in facts, facts


def test_a_participle_before_the_next_count_ends_the_measure():
    _, _, facts = text_by_name("The Alpine Wood Cluster (Austria) has around 140 member companies employing "
                               "12,000 people.", "cluster.txt")
    assert ("Alpine Wood Cluster", "member companies (around)", 140) in facts, facts


def test_a_share_of_a_group_that_were_something_reads_as_a_share_among_it():
    _, _, facts = text_by_name("Alpine news\n\nAt the Alpine Wood Days 2025, 60% of the participants were SMEs.",
                               "share.txt")
    assert ("Alpine Wood Days 2025", "share of SMEs among the participants", 60) in facts, facts
