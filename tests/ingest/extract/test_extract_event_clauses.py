"""Events a text describes, placed or dated by the words after their noun (issue 15, seventeenth
round): whose event it is ("the third mission of GEODRONE-4i"), a motion or hosting verb before
the place ("will go to Nairobi", "was hosted by the coordinator in Umeå"), a date right after
the noun ("the kick-off meeting of 22-23 April in Bari"), and a journey named once with "first"
and once without being one event."""
from __future__ import annotations

import pytest

from helpers.extracted import text_by_name


def _events(text: str) -> dict:
    ents, _, _ = text_by_name(text)
    return {n: e for n, e in ents.items() if e.label == "Event"}


@pytest.mark.parametrize("text, name, country", [
    ("# Newsletter\n\nThe third mission of GEODRONE-4i will go to Nairobi (Kenya) in June 2026. The call "
     "for SMEs opens in March.\n", "third mission of GEODRONE-4i", "KE"),
    ("# Newsletter\n\nThe next mission of the partnership is planned to Lima (Peru) in April 2026.\n",
     "next mission of the partnership", "PE"),
    ("# ALPHA-SKILLS started\n\nWith the kick-off meeting of 22-23 April in Bari (Italy) started the new "
     "Erasmus+ project ALPHA-SKILLS.\n", "ALPHA-SKILLS kick-off meeting", "IT"),    # the partnership's own (its words an alias)
    ("# Project news\n\nThe kick-off meeting was hosted by the coordinator in Umeå on 3 and 4 March, and "
     "all the partners came.\n", "kick-off meeting", "SE"),
])
def test_an_event_noun_placed_by_the_clause_after_its_owner_or_verb(text, name, country):
    events = _events(text)
    assert name in events, sorted(events)
    assert events[name].country == country


def test_a_town_the_gazetteer_does_not_know_then_a_date_still_dates_the_meeting():
    events = _events("# Project news\n\nThe kick-off meeting held in Novelda on 3 and 4 February opened "
                     "the project.\n")
    assert "kick-off meeting" in events


def test_an_event_noun_that_nothing_dates_or_places_is_no_event():
    events = _events("# Project news\n\nThe second mission, which was a success, gave the members new "
                     "contacts.\n")
    assert not events, sorted(events)


def test_a_journey_named_with_first_and_without_it_is_one_event():
    events = _events("MISIÓN EMPRESARIAL A ESTADOS UNIDOS\n\nDel 4 al 8 de mayo el clúster realizó su "
                     "primera misión empresarial a Estados Unidos, con seis empresas socias.\n")
    assert len(events) == 1, sorted(events)
    (event,) = events.values()
    assert event.country == "US"
