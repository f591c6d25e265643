"""Events said twice or named in quotes (2026-12-05, fourteenth round): "our first business
mission" after a headline's "the first AGRO-LINK business mission to Peru" is that mission, not a
second one; 'Closing event "X"' and 'the webinar "X"' name events X. Every text here is written for
the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_REPORT = ("From Lima to Arequipa: the first AGRO-LINK business mission to Peru\n\nFrom 3 to 7 May 2025 our "
           "first business mission brought a delegation of 18 people to Lima and Arequipa.\n\n"
           "Day 5 (Lima)\nClosing event \"EU-Peru Food Machinery Evening\", organised by AGRO-LINK in partnership "
           "with the Lima Chamber of Commerce. The evening gathered 80 guests.\n")


def test_a_later_ordinal_description_is_the_same_mission():
    ents, _, _ = text_by_name(_REPORT)
    events = sorted(n for n, e in ents.items() if e.label == "Event")
    assert [n for n in events if "mission" in n] == ["first AGRO-LINK business mission to Peru"], events


def test_a_quoted_title_after_an_event_noun_is_an_event_with_its_organisers():
    ents, rels, _ = text_by_name(_REPORT)
    assert ents["EU-Peru Food Machinery Evening"].label == "Event", sorted(ents)
    assert ("Lima Chamber of Commerce", "COORDINATES", "EU-Peru Food Machinery Evening") in rels, sorted(rels)


def test_the_bodies_among_a_delegation_took_part_in_its_mission():
    text = ("News\n\nFrom 3 to 7 May 2025 our first business mission to Peru brought a delegation of 18 people to "
            "Lima. Among the SMEs were the Polish dryer maker Suszarnie Sp. z o.o., the Italian Frigotec S.r.l. "
            "and the Belgian Packline BV.\n")
    _, rels, _ = text_by_name(text)
    for body in ("Suszarnie Sp. z o.o.", "Frigotec S.r.l.", "Packline BV"):
        assert (body, "PARTICIPATED_IN", "first business mission to Peru") in rels, (body, sorted(rels))


def test_a_programme_day_opening_with_visit_to_names_the_visited_company():
    text = ("Mission to Chile\n\nThe TimberLink Americas partnership organised a mission to Chile.\n\n"
            "**Tuesday 18 November – Santiago.** Visit to the prefabrication plant of Maderas del Sur S.A. in "
            "Santiago, the first developer of timber towers.\n")
    _, rels, _ = text_by_name(text, "page.md")
    assert ("TimberLink Americas", "VISITED", "Maderas del Sur S.A.") in rels, sorted(rels)


def test_between_them_there_were_names_the_delegation():
    text = ("News\n\nIn April our first business mission to Japan brought a delegation of 27 persons to Tokyo. "
            "Between them there were the Italian SME Domotica Marchigiana S.r.l. and the Finnish start-up "
            "Hoivaapu Oy.\n")
    _, rels, _ = text_by_name(text)
    for body in ("Domotica Marchigiana S.r.l.", "Hoivaapu Oy"):
        assert (body, "PARTICIPATED_IN", "first business mission to Japan") in rels, (body, sorted(rels))
