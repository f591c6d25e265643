"""An edition year after a name with a connector inside it, or after "for the"/"of", names an event
(issue 15, eighteenth round): each sentence below named no event before the round."""
from __future__ import annotations

import pytest

from helpers.extracted import text_by_name


@pytest.mark.parametrize("sentence, event", [
    ("Participación en el Seminario Internacional de Fruticultura 2025, organizado por la asociación.",
     "Seminario Internacional de Fruticultura 2025"),
    ("11-13 febbraio: partecipazione a Lisbon Jewels & Gems Week 2026, fiera con oltre 1.200 espositori.",
     "Lisbon Jewels & Gems Week 2026"),
    ("Nine companies travelled with us to Haifa for the Carmel CyberSummit 2025, which gathered 3,000 visitors.",
     "Carmel CyberSummit 2025"),
    ("The matchmaking ran as a side programme of Expo Metalurgia Norte 2025, the industrial fair of the region.",
     "Expo Metalurgia Norte 2025"),
])
def test_an_edition_year_names_the_event(sentence, event):
    ents, _, _ = text_by_name(f"# News\n\n{sentence}\n")
    assert event in ents and ents[event].label == "Event", list(ents)


def test_a_programme_with_a_year_stays_a_programme():
    ents, _, _ = text_by_name("# News\n\nThe project was one of the flagships of Horizon 2020 in the region.\n")
    assert not any(e.label == "Event" for e in ents.values()), list(ents)


def test_a_meeting_in_a_town_the_gazetteer_lacks_is_placed_by_the_country_after_it():
    """(Eighteenth round.) "in Villareal de los Olmos, Spain": the town is unknown, the country is not."""
    ents, _, _ = text_by_name("# News\n\nOn 3 and 4 February the consortium held its kick-off meeting in Villareal de "
                              "los Olmos, Spain, organised by the coordinator.\n")
    events = {n: e for n, e in ents.items() if e.label == "Event"}
    assert any(n.startswith("kick-off meeting") and e.country == "ES" for n, e in events.items()), events
