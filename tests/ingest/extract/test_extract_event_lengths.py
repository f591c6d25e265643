"""How long an event, its meetings and an agreement last (issue 15, twenty-fourth round): "a five-day
mission", "9–13 June 2025 (five days)", "2 days · 187 participants", "une mission de cinq jours",
"in quattro giorni", "20-minute meetings" and "Under the agreement, which runs for five years" are
figures of the event or agreement. Before this round an event's length gave nothing, a meeting's gave
the measure "minute meetings", and an agreement's went to the partnership of its sentence. All
names are invented."""
from __future__ import annotations

from helpers.extracted import text_by_name


def _of(facts, subject: str) -> set:
    return {(m, v) for s, m, v in facts if s == subject}


def test_a_length_before_an_event_noun_is_that_events():
    _, _, facts = text_by_name(
        "Fjord Marine Cluster back from Korea\n\n"
        "In May the Fjord Marine Cluster (Norway) led a five-day business mission to South Korea. "
        "Twelve SMEs took part in the mission.", "mission.txt")
    assert ("duration (days)", 5) in _of(facts, "business mission to South Korea"), facts


def test_a_length_beside_the_dates_or_in_a_figures_line_is_the_page_events():
    _, _, facts = text_by_name(
        "<html><body><h1>Blue Ports Forum 2025 in Halifax</h1>"
        "<p>The Blue Ports Forum 2025 in Halifax welcomed the port clusters of the Atlantic.</p>"
        "<table><tr><th>Dates</th><td>9–13 June 2025 (five days)</td></tr></table></body></html>", "forum.html")
    assert ("duration (days)", 5) in _of(facts, "Blue Ports Forum 2025"), facts
    _, _, facts = text_by_name(
        "Baltic Boat Days 2024: the results\n\n"
        "The Baltic Boat Days 2024 took place in Gdańsk (Poland).\n\n"
        "2 days · 187 participants · 12 countries\n", "days.txt")
    assert ("duration (days)", 2) in _of(facts, "Baltic Boat Days 2024"), facts


def test_romance_lengths_keep_the_texts_language():
    _, _, facts = text_by_name(
        "Le Pôle Bois Normand (France) a conduit une mission de cinq jours au Québec. "
        "La mission a réuni onze PME.", "mission_fr.txt")
    assert any(m == "durée (jours)" and v == 5 for _, m, v in facts), facts
    _, _, facts = text_by_name(
        "La Fiera Meccanica Adriatica 2024 ad Ancona ha accolto 412 espositori in quattro giorni.", "fiera.txt")
    assert ("durata (giorni)", 4) in _of(facts, "Fiera Meccanica Adriatica 2024"), facts


def test_a_meetings_length_is_its_duration_not_a_count_of_minute_meetings():
    _, _, facts = text_by_name(
        "Book your meetings at the Agri Robots Matchmaking 2025\n\n"
        "The Agri Robots Matchmaking 2025 in Verona offers pre-arranged 20-minute meetings. "
        "Pitches last 3 minutes.", "matchmaking.txt")
    got = _of(facts, "Agri Robots Matchmaking 2025")
    assert ("meeting duration (minutes)", 20) in got, facts
    assert ("pitch duration (minutes)", 3) in got, facts
    assert not any("minute" in m and "duration" not in m for _, m, _ in facts), facts


def test_an_agreements_length_is_the_agreements():
    _, _, facts = text_by_name(
        "Two wind clusters sign a Memorandum of Understanding\n\n"
        "The Fjord Wind Cluster (Norway) and the Minho Offshore Cluster (Portugal) signed a Memorandum of "
        "Understanding in Porto. Under the agreement, which runs for five years, the two clusters will launch "
        "SEALINK, a joint initiative on port logistics.", "mou.txt")
    assert ("duration (years)", 5) in _of(facts, "Memorandum of Understanding"), facts
    assert not any(s == "SEALINK" and v == 5 for s, _, v in facts), facts


def test_no_length_without_an_event_or_of_an_office_chore():
    _, _, facts = text_by_name(
        "The Fjord Wind Cluster (Norway) checks every profile within two working days. "
        "Its manager stayed for three days in Lisbon.", "chores.txt")
    assert not any(v in (2, 3) for _, _, v in facts), facts
    _, _, facts = text_by_name("The Agri Robots Days 2025 take place in Lyon. Registrations close 1 day before the "
                               "start.", "call.txt")
    assert not any(m.startswith("duration") for _, m, _ in facts), facts
