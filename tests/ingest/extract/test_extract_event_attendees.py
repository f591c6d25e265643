"""Who took part in the event a page reports on (2026-12-04, seventh round), on texts written for
these tests: a report whose first line names one event makes the bodies its body names take
part, unless the page gives them another part (organiser, place visited), they are the host
side of a mission abroad, or they are the venue; a page that names a crowd of bodies without
saying who took part makes no one a participant. A numbered heading "4. Study visit to Morocco"
names an event."""

from __future__ import annotations

from tests.helpers.extracted import text_by_name

REPORT = ("Baltic Robotics Matchmaking 2026 - results\n\n"
          "The Baltic Robotics Matchmaking 2026 was organised by Robotics Valley Tampere and held in the "
          "Tallinn Congress Centre on 4 March. Automation Cluster Lithuania brought eight of its companies. "
          "The Polish cluster Silesia Drives announced follow-up visits.")

MISSION = ("Nordic Food Mission to Japan 2025 - mission report\n\n"
           "In May 2025 the Nordic Food Mission to Japan 2025 travelled to Osaka. Danish Food Cluster sent "
           "three companies and Finnish Food Cluster two. The delegation visited the Osaka Food Research "
           "Institute and met the Japanese wholesaler Kansai Fresh Trading.")


def _participants(text: str, event: str) -> set[str]:
    _, rels, _ = text_by_name(text)
    return {a for a, t, b in rels if t == "PARTICIPATED_IN" and b == event}


def test_a_report_on_one_event_makes_the_bodies_it_names_take_part():
    got = _participants(REPORT, "Baltic Robotics Matchmaking 2026")
    assert {"Automation Cluster Lithuania", "Silesia Drives"} <= got


def test_the_organiser_and_the_venue_of_the_reported_event_take_no_part():
    got = _participants(REPORT, "Baltic Robotics Matchmaking 2026")
    assert "Robotics Valley Tampere" not in got and "Tallinn Congress Centre" not in got


def test_the_host_side_of_a_mission_abroad_is_not_a_participant():
    got = _participants(MISSION, "Nordic Food Mission to Japan 2025")
    assert {"Danish Food Cluster", "Finnish Food Cluster"} <= got
    assert "Kansai Fresh Trading" not in got and "Osaka Food Research Institute" not in got


def test_a_page_not_about_one_event_makes_no_one_a_participant():
    got = _participants("Cluster news\n\nAutomation Cluster Lithuania and Silesia Drives opened a joint office. "
                        "The Baltic Robotics Matchmaking 2026 will take place in Tallinn.",
                        "Baltic Robotics Matchmaking 2026")
    assert got == set()


def test_a_crowd_of_bodies_on_an_event_page_is_not_a_list_of_participants():
    names = [f"{w} Robotics Cluster" for w in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta",
                                                "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi")]
    text = "Baltic Robotics Matchmaking 2026 - background\n\n" + " ".join(
        f"{n} was founded in {2000 + i}." for i, n in enumerate(names))
    assert _participants(text, "Baltic Robotics Matchmaking 2026") == set()


def test_a_numbered_heading_names_a_visit_to_a_country():
    ents, _, _ = text_by_name("# Newsletter of the Alpha Wood Network\n\n### 4. Study visit to Morocco\n\n"
                              "In March, twelve cluster managers travelled to Casablanca.\n")
    assert ents["Study visit to Morocco"].label == "Event" and ents["Study visit to Morocco"].country == "MA"
