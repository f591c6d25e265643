"""An event page with its fact fields (2026-12-05, tenth round): "Organiser:" names who
coordinates the event, "Venue:" places it, and a body that supported it did not take part.
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

PAGE = ("# Danube Mobility Matchmaking 2025\n\n"
        "**Date:** 22–23 October 2025\n**Venue:** Novi Sad, Serbia\n**Organiser:** Alpha ICT Cluster\n\n"
        "The second Danube Mobility Matchmaking brought together clusters working on e-mobility. Over two days, "
        "95 participants held 260 B2B meetings.\n\n## Participating clusters\n\n"
        "- Beta Automotive Cluster (Slovenia)\n- Gamma Automotive Cluster (Hungary)\n\n## Support\n\n"
        "The event was supported by the Delta Chamber of Commerce.\n")
EVENT = "Danube Mobility Matchmaking 2025"


def test_the_organiser_field_names_the_events_coordinator_not_a_participant():
    _, rels, _ = text_by_name(PAGE, "page.md")
    assert ("Alpha ICT Cluster", "COORDINATES", EVENT) in rels
    assert ("Alpha ICT Cluster", "PARTICIPATED_IN", EVENT) not in rels
    assert ("Beta Automotive Cluster", "PARTICIPATED_IN", EVENT) in rels


def test_the_venue_field_places_the_event():
    ents, _, _ = text_by_name(PAGE, "page.md")
    assert ents[EVENT].country == "RS"


def test_a_body_that_supported_the_event_did_not_take_part():
    _, rels, _ = text_by_name(PAGE, "page.md")
    assert not [r for r in rels if r[0] == "Delta Chamber of Commerce" and r[1] == "PARTICIPATED_IN"], rels
