"""Stated figures as partnership and event pages write them (2026-12-04, ninth round): money named
by the programme it comes from, a one-sentence paragraph measured by its noun and not by its whole
clause, a "Key figures:" list that belongs to the page, and a count list that ends in "and one …".
Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

PARTNERSHIP = ("# CircuBuild: circular construction clusters\n\n"
               "CircuBuild is a European Strategic Cluster Partnership of five construction clusters.\n\n")
EVENT = ("# Alpha Matchmaking 2025 in Lyon\n\n"
         "The Alpha Matchmaking 2025 took place in Lyon. It was organised by the Beta Cluster.\n\n")


def _measures(text: str) -> dict[float, tuple[str, str]]:
    """value -> (subject, measure) of the figures of ``text`` read as a markdown page."""
    return {f[2]: (f[0], f[1]) for f in text_by_name(text, "page.md")[2]}


def test_money_from_a_programme_is_that_programmes_funding_of_the_partnership():
    for line in ("The partnership has a budget of EUR 1.2 million, of which EUR 960,000 comes from the Single "
                 "Market Programme.",
                 "The project receives EUR 960,000 from the Single Market Programme.",
                 "CircuBuild is funded with EUR 960,000 by the Single Market Programme."):
        got = _measures(PARTNERSHIP + line + "\n")
        assert got[960000] == ("CircuBuild", "Single Market Programme funding (EUR)"), line
    assert _measures(PARTNERSHIP + "CircuBuild is co-funded by the ERDF with EUR 754,677.\n")[754677] \
        == ("CircuBuild", "ERDF funding (EUR)")


def test_a_one_sentence_paragraph_is_measured_by_the_noun_it_counts():
    cases = {"Over two days, participants held more than 300 bilateral meetings.": (300, "bilateral meetings (more than)"),
             "In total, 12 cooperation agreements were signed during the mission.": (12, "cooperation agreements signed"),
             "The call will select up to 30 SMEs.": (30, "SMEs (up to)")}
    for line, (value, measure) in cases.items():
        assert _measures(EVENT + line + "\n")[value][1] == measure, line


def test_a_line_without_a_verb_is_still_its_own_measure():
    got = _measures(PARTNERSHIP + "- ESCP agreement signed with at least 4 additional clusters\n")
    assert got[4][1].startswith("ESCP agreement signed with")


def test_a_key_figures_list_after_an_events_paragraph_belongs_to_the_page():
    text = (PARTNERSHIP + "At the Packaging Innovation Days in Milan, 27 companies met 35 buyers in 140 meetings.\n\n"
            "Key figures:\n- 6 partner clusters\n- 14 target markets analysed\n")
    got = _measures(text)
    assert got[6] == ("CircuBuild", "partner clusters") and got[14][0] == "CircuBuild"
    assert got[140][0] == "Packaging Innovation Days"


def test_a_count_list_ending_in_and_one_stops_before_it():
    got = _measures(PARTNERSHIP + "In its first year, the partnership organised three webinars, two matchmaking "
                                  "events and one study visit.\n")
    assert got[2] == ("CircuBuild", "matchmaking events")


def test_a_count_with_or_joining_a_named_event_is_the_events():
    head = "# GreenShip news\n\nGreenShip is a European Strategic Cluster Partnership of five clusters.\n\n"
    got = _measures(head + "In 2024, GreenShip organised a matchmaking event in Singapore with 40 SMEs.\n")
    assert got[40] == ("matchmaking event in Singapore", "SMEs")
    got = _measures(head + "15 companies joined the GreenShip mission to Chile.\n")
    assert got[15][0] == "GreenShip mission to Chile"


def test_a_figure_hedged_as_roughly_close_to_circa_or_less_than_says_so():
    for hedge in ("Roughly", "Close to", "Circa", "Less than", "Fewer than"):
        got = _measures(f"# Alpha Forum 2025\n\nThe Alpha Forum 2025 took place in Lyon. {hedge} 20 SMEs took part.\n")
        assert got[20][1].endswith(f"({hedge.lower()})"), hedge
