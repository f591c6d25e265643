"""Whose figures a page's lists and closing lines are (issue 15, twenty-fifth round): a list of
countries led by dots ("Germany ........ 9") under "Delegation by country", fields indented under
"Last edition: <event>", "the three clusters together" after the agreement they signed, and a
journey the page only looks forward to at its end ("a second mission") is not the page's event.
Before this round the dotted list gave nothing, the indented fields went to the cluster named above
them, and the closing journey took the page's figures. All names are invented."""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from helpers.extracted import text_by_name


def _of(facts, subject: str) -> set:
    return {(m, v) for s, m, v in facts if s == subject}


def test_a_dotted_list_of_countries_is_the_delegations_breakdown():
    ex = extract_text(document_from_text(
        "EU-Chile Cleantech Matchmaking 2026: the results\n\n"
        "In March the EU-Chile Cleantech Matchmaking 2026 brought European firms to Santiago de Chile.\n\n"
        "European delegation by country\n\n"
        "  Austria ........ 6\n"
        "  Portugal ....... 4\n"
        "  Denmark ........ 3\n", name="dots.txt"))
    names = {e.id: e.name for e in ex.entities}
    found = {(names.get(f.subject), f.measure, f.value, f.country) for f in ex.facts}
    assert ("EU-Chile Cleantech Matchmaking 2026", "European delegation", 6, "AT") in found, found
    assert ("EU-Chile Cleantech Matchmaking 2026", "European delegation", 3, "DK") in found, found


def test_fields_indented_under_an_event_line_are_that_events():
    _, _, facts = text_by_name(
        "Rhine Sensor Cluster: facts and figures\n\n"
        "Rhine Sensor Cluster runs a yearly supplier day with the regional chamber.\n"
        "Last edition: Rhine Sensor Supplier Day 2025, 4 June 2025, Mannheim\n"
        "  Participants: 164\n"
        "  B2B meetings: 231\n", "sheet.txt")
    assert {("Participants", 164), ("B2B meetings", 231)} <= _of(facts, "Rhine Sensor Supplier Day 2025"), facts


def test_a_journey_named_only_at_the_end_does_not_take_the_pages_figures():
    _, _, facts = text_by_name(
        "Three wood clusters sign a cooperation agreement\n\n"
        "The Nordic Wood Cluster (Sweden), the Alpine Timber Cluster (Austria) and the Iberian Forest "
        "Cluster (Spain) signed the Tri-Cluster Timber Agreement in Vienna. Together the three clusters "
        "represent more than 420 companies.\n\n"
        "The partners will exchange market studies and prepare joint proposals.\n\n"
        "Their first joint study tour will go to Scotland in 2027.", "agreement.txt")
    assert 420 in {v for m, v in _of(facts, "Tri-Cluster Timber Agreement")}, facts
    assert not _of(facts, "first joint study tour to Scotland"), facts


def test_a_delegations_count_stays_with_the_event_it_went_to_when_the_next_mission_comes_later():
    _, _, facts = text_by_name(
        "Agri-Water Matchmaking Morocco 2025\n\n"
        "In October a European delegation of 16 SMEs travelled to Rabat for the Agri-Water Matchmaking "
        "Morocco 2025, organised by the AQUAGRO-4i partnership.\n\n"
        "The matchmaking gave 140 B2B meetings with Moroccan farms and distributors. Most companies "
        "want to come back.\n\n"
        "Partners of AQUAGRO-4i from Italy and Greece shared their experience of drip irrigation in dry "
        "regions, and the Moroccan hosts presented the national water plan and its support for "
        "irrigation equipment, pumps and sensors.\n\n"
        "Next steps\n\n"
        "AQUAGRO-4i plans a second mission, to Tunisia, for spring 2026.", "kenya.txt")
    assert ("SMEs in the European delegation", 16) in _of(facts, "Agri-Water Matchmaking Morocco 2025"), facts
