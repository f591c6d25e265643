"""An event page with its programme (2026-12-04, ninth round): clock times are no figures, an
agenda line "09:30 Keynote: … – Elering (Estonia)" names the speaker's body, a site visit's place
takes no part in the event, and "Up to 120 participants can register" is the event's figure
("participants" is an attendance word; it was missed because "participat" is not in it). Every
text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

PAGE = ("# Baltic Smart Grid Days 2025\n\n"
        "The Baltic Smart Grid Days 2025 will take place in Vilnius on 22–23 May 2025. The event is organised by "
        "the Lithuanian Energy Cluster in cooperation with Smart Energy Latvia.\n\n"
        "## Programme\n\n"
        "- 09:00 Welcome by the Lithuanian Energy Cluster\n"
        "- 09:30 Keynote: grid flexibility in the Baltics – Elering (Estonia)\n"
        "- 14:00 B2B meetings\n"
        "- Site visit to the Kruonis Pumped Storage Plant\n\n"
        "## Registration\n\n"
        "Participation is free of charge. Up to 120 participants can register.\n")
EVENT = "Baltic Smart Grid Days 2025"


def test_clock_times_are_no_figures_and_the_participants_are_the_events():
    _, _, facts = text_by_name(PAGE, "page.md")
    assert facts == {(EVENT, "participants (up to)", 120)}


def test_an_agenda_line_names_the_speakers_body_and_a_site_visit_takes_no_part():
    ents, rels, _ = text_by_name(PAGE, "page.md")
    assert ents["Elering"].country == "EE" and ("Elering", "PARTICIPATED_IN", EVENT) in rels
    assert not [n for n in ents if "Keynote" in n]
    assert ("Kruonis Pumped Storage Plant", "PARTICIPATED_IN", EVENT) not in rels
    for org in ("Lithuanian Energy Cluster", "Smart Energy Latvia"):
        assert (org, "COORDINATES", EVENT) in rels, org
