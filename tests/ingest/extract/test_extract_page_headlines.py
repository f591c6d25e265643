"""A page's headline under its furniture (2026-12-05, thirteenth round): a menu row, a kicker such
as "PRESS RELEASE" and a post's dateline stand above the headline; the headline says what the page
is about. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAVILION = ("NEWS | Exhibitions | 4 March 2026\n\n"
             "Nine Baltic exhibitors on the joint pavilion in Osaka\n\n"
             "Nine companies presented their products on the joint pavilion at Osaka Marine Tech Expo 2026, "
             "held in Osaka (Japan) from 2 to 4 March.\n\n"
             "Among the exhibitors were Vetra Marine UAB from Klaipėda and Sild Robotics OÜ from Tallinn.\n")


def test_exhibitors_on_a_page_about_one_fair_took_part_in_it_below_a_menu_row():
    _, rels, _ = text_by_name(_PAVILION)
    assert ("Vetra Marine UAB", "PARTICIPATED_IN", "Osaka Marine Tech Expo 2026") in rels, sorted(rels)
    assert ("Sild Robotics OÜ", "PARTICIPATED_IN", "Osaka Marine Tech Expo 2026") in rels, sorted(rels)


_DATELINE = ("Published 12 May 2026 · Category: Fairs and exhibitions\n\n"
             "Record delegation at Nordic Dairy Fair 2026: 31 meetings\n\n"
             "From 5 to 7 May the Lakeland Dairy Cluster brought Kermo Oy and Juusto Lab Oy to Herning (Denmark). "
             "The companies held 31 meetings with Danish buyers.\n")


def test_a_dateline_above_the_headline_is_furniture_and_the_headline_names_the_event():
    _, rels, _ = text_by_name(_DATELINE)
    assert ("Kermo Oy", "PARTICIPATED_IN", "Nordic Dairy Fair 2026") in rels, sorted(rels)


_KICKER = ("PRESS RELEASE · Tartu, 3 February 2026\n\n"
           "Record attendance at Baltic Wood Forum 2026 in Tartu\n\n"
           "The forum gathered 240 participants on 2 February. On the stage were Lignum Oy from Finland "
           "and Timber Lab AS from Norway.\n")


def test_a_kicker_with_its_dateline_is_furniture_and_the_headlines_event_is_the_pages():
    ents, rels, facts = text_by_name(_KICKER)
    assert not [n for n in ents if "RELEASE" in n], sorted(ents)
    assert ("Lignum Oy", "PARTICIPATED_IN", "Baltic Wood Forum 2026") in rels, sorted(rels)
    assert ("Baltic Wood Forum 2026", "participants gathered", 240) in facts, sorted(facts)
