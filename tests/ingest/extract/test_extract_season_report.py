"""A cluster's report on a season of events (2026-12-05, eleventh round): a count of meetings
belongs to the event its paragraph named, "At the X Summit, the cluster …" puts the page's cluster
there, a matchmaking forum is an event, and a meeting of a named project or alliance is named with
its owner. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("Alpha Mobility Cluster: what our members did this autumn\n\n"
         "Lyon, 14 November 2025 – This autumn the Alpha Mobility Cluster took its members to four events.\n\n"
         "In September, twelve member companies took part in the International Matchmaking Days on Smart Mobility "
         "in Turin. More than 150 bilateral meetings were held over two days.\n\n"
         "At the Blue Economy Summit 2025 in Brest, the cluster presented its roadmap to 300 participants.\n\n"
         "The kick-off meeting of the MOVE-IN project took place in Bilbao on 3 October.\n\n"
         "The annual General Assembly of the European Cluster Alliance followed in Brussels with 120 delegates.\n\n"
         "A networking breakfast with the Beta Automotive Cluster closed the season.\n")


def test_meetings_counted_after_an_event_belong_to_it_not_to_a_later_one():
    _, _, facts = text_by_name(_PAGE)
    owners = {f[0] for f in facts if f[2] == 150}
    assert owners == {"International Matchmaking Days on Smart Mobility"}, facts


def test_the_cluster_after_a_fronted_event_is_the_pages_cluster():
    _, rels, _ = text_by_name("Alpha Mobility Cluster news\n\nAt the Blue Economy Summit 2025 in Brest, the cluster "
                              "unveiled its roadmap.\n")
    assert ("Alpha Mobility Cluster", "PARTICIPATED_IN", "Blue Economy Summit 2025") in rels


def test_the_cluster_after_a_fronted_event_stays_open_when_several_could_be_meant():
    text = _PAGE.replace("Alpha Mobility Cluster: what", "Autumn news: what")
    _, rels, _ = text_by_name(text)
    assert not [r for r in rels if r[1] == "PARTICIPATED_IN" and r[2] == "Blue Economy Summit 2025"], sorted(rels)


def test_a_matchmaking_forum_is_an_event():
    ents, _, _ = text_by_name("News\n\nThe Digital Matchmaking Forum returns next year.\n")
    assert ents["Digital Matchmaking Forum"].label == "Event"


def test_a_meeting_is_named_with_the_project_or_alliance_it_belongs_to():
    ents, _, facts = text_by_name(_PAGE)
    assert ents["kick-off meeting of the MOVE-IN project"].label == "Event"
    assert ents["annual General Assembly of the European Cluster Alliance"].country == "BE"
    assert ("annual General Assembly of the European Cluster Alliance", "delegates", 120) in facts, facts


def test_a_visit_of_a_cluster_is_not_named_after_the_visitor():
    ents, _, _ = text_by_name("A visit of the Delta Robotics Cluster took place in Graz in May.\n")
    assert not [n for n in ents if n.startswith("visit of")], sorted(ents)


def test_a_body_holds_its_own_general_assembly_and_kick_off():
    _, rels, _ = text_by_name(_PAGE)
    assert ("European Cluster Alliance", "COORDINATES",
            "annual General Assembly of the European Cluster Alliance") in rels
    assert ("MOVE-IN", "COORDINATES", "kick-off meeting of the MOVE-IN project") in rels


def test_a_partnerships_kick_off_is_held_by_the_partnership_the_page_is_about():
    _, rels, _ = text_by_name("# H2 Corridor partnership\n\nThe H2 Corridor partnership started in January. Its "
                              "kick-off meeting took place in Essen on 14 February.\n", "page.md")
    held = {r[0] for r in rels if r[1] == "COORDINATES"}
    assert held == {"H2 Corridor"}, sorted(rels)


def test_a_meeting_named_by_its_kind_word_is_held_by_the_body_of_that_kind():
    _, rels, _ = text_by_name("# Threads – the newsletter of the Smart Textiles Cluster Network\n\n"
                              "The Blue Fibres partnership met in Biella in May.\n\n## Agenda\n\n"
                              "- 20–21 May 2026 – Blue Fibres partner meeting, Biella\n"
                              "- 8 June 2026 – Network general assembly, Brussels\n", "page.md")
    held = {(r[0], r[2]) for r in rels if r[1] == "COORDINATES"}
    assert ("Smart Textiles Cluster Network", "Network general assembly") in held, sorted(rels)
    assert ("Blue Fibres", "Blue Fibres partner meeting") in held, sorted(rels)
