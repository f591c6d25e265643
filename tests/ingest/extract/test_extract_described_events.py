"""Events as news items describe them (2026-12-04, ninth round): a fair's edition after "a side
event of" or "attended", "our Chile mission", "the partnership's first mission to Japan", "a B2B
session in Warsaw", and a phrase of time before a comma that names nothing. Every text is written
here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def _events(text: str) -> dict[str, str | None]:
    """name -> country of the events of ``text``."""
    return {e.name: e.country for e in text_by_name(text)[0].values() if e.label == "Event"}


def test_an_edition_after_a_side_event_of_or_attended_is_an_event():
    got = _events("On 4 November the group took part in InterBattery Europe-Korea Day, a side event of "
                  "InterBattery 2025. Alpha Cluster attended Batteries Europe 2024.")
    assert {"InterBattery 2025", "Batteries Europe 2024", "InterBattery Europe-Korea Day"} <= set(got)


def test_a_mission_named_by_its_country_or_its_adjective_is_an_event_there():
    assert _events("Our Chile mission was a success.") == {"Chile mission": "CL"}
    assert _events("After the Korean mission, three SMEs signed contracts.") == {"Korean mission": "KR"}
    assert _events("The annual mission was a success.") == {}


def test_a_possessive_before_a_described_mission_is_not_part_of_its_name():
    assert _events("The partnership's first mission to Japan took place in 2024.") == {"first mission to Japan": "JP"}


def test_the_noun_after_an_upper_case_event_word_belongs_to_its_name():
    assert _events("A B2B session in Warsaw was held on 3 March.") == {"B2B session in Warsaw": "PL"}
    assert _events("The Warsaw B2B session gathered 30 firms.") == {"Warsaw B2B session": "PL"}


def test_a_phrase_of_time_before_a_comma_names_no_event():
    assert _events("In October, a matchmaking event in Singapore gathered 40 SMEs.") \
        == {"matchmaking event in Singapore": "SG"}


def test_a_french_spanish_or_italian_title_names_its_event_and_an_english_report_title_does_not():
    assert _events("Mission d'affaires au Québec : 12 entreprises françaises\n\nTexte.\n") \
        == {"Mission d'affaires au Québec": "CA"}
    assert _events("Missione imprenditoriale in Croazia\n\nTesto.\n") == {"Missione imprenditoriale in Croazia": "HR"}
    assert _events("Mission report: European battery clusters in Seoul\n\nText.\n") == {}


def test_an_edition_at_a_sentences_start_is_an_event():
    got = _events("The partners organise matchmaking at two trade fairs. At K 2025, in October 2025, ten SMEs exhibit.")
    assert "K 2025" in got


def test_a_country_that_hosted_an_event_or_follows_it_in_brackets_places_it():
    assert _events("# News\n\nPortugal hosted the Alpha Forum 2025.\n") == {"Alpha Forum 2025": "PT"}
    assert _events("# News\n\nThe Alpha Forum 2025 (Portugal) gathered 200 people.\n") == {"Alpha Forum 2025": "PT"}
