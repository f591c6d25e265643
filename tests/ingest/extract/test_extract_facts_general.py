"""Stated counts on the right subject, and the events they are about (issue 15, item 4).

Each test is a short news text of the kind cluster partnerships publish, written for this
file, and checks what a strategy team reads in the facts table: which event, project or
country a figure belongs to, what it counts, and that a country is set only when the count
is about one country.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _facts(text):
    """(subject name, measure, country, value) of each fact extracted from ``text``."""
    ex = extract_text(document_from_text(text, name="news.txt"))
    names = {e.id: e.name for e in ex.entities}
    return [(names.get(f.subject, f.subject), f.measure, f.country, f.value) for f in ex.facts], ex


def _by_value(facts, value):
    return [f for f in facts if f[3] == value]


def test_attendance_counts_go_to_the_event_the_page_title_names():
    facts, ex = _facts("EU-Canada Cluster Matchmaking Event: Building Bridges\n\n"
                       "Over 60 clusters from both sides of the Atlantic took part in the event in Toronto. "
                       "During the Matchmaking Event, the participants held more than 200 bilateral meetings.\n")
    assert "EU-Canada Cluster Matchmaking Event" in {e.name for e in ex.entities if e.label == "Event"}
    assert [f[0] for f in _by_value(facts, 60)] == ["EU-Canada Cluster Matchmaking Event"]
    [(subject, measure, country, _)] = _by_value(facts, 200)
    assert subject == "EU-Canada Cluster Matchmaking Event" and "bilateral meetings" in measure and country is None


def test_an_event_described_in_words_is_an_entity_and_its_count_hangs_on_it():
    facts, ex = _facts("In March the Agrinova Cluster organised a study visit to Portugal for its members. "
                       "Twelve companies took part in the visit.\n")
    events = {e.name: e for e in ex.entities if e.label == "Event"}
    assert "study visit to Portugal" in events and events["study visit to Portugal"].country == "PT"
    assert [f[0] for f in _by_value(facts, 12)] == ["study visit to Portugal"]


def test_a_workshop_named_by_its_topic_gets_the_participants():
    facts, ex = _facts("The Nordic Food Cluster hosted a two-day workshop on cluster internationalisation, "
                       "export and branding, opened by the minister. Around 45 persons took part in this workshop.\n")
    assert "workshop on cluster internationalisation, export and branding" in {e.name for e in ex.entities}
    [(subject, measure, country, _)] = _by_value(facts, 45)
    assert subject == "workshop on cluster internationalisation, export and branding"
    assert measure == "persons took part (around)" and country is None


def test_a_count_about_one_country_has_it_as_subject_and_country():
    facts, _ = _facts("There are more than 40 clusters in Morocco with over 3.000 member companies.\n")
    assert sorted((f[0], f[2], f[3]) for f in facts) == [("Morocco", "MA", 40), ("Morocco", "MA", 3000)]
    assert [f[1] for f in _by_value(facts, 40)] == ["clusters in Morocco (more than)"]


def test_country_only_from_a_country_word_of_the_measure_and_never_from_a_list():
    facts, _ = _facts("The Blue Coast Cluster organised a mission in Senegal. In the mission participated "
                      "five Senegalese cluster managers and nine companies from Spain, France and Italy.\n")
    assert [f[2] for f in _by_value(facts, 5)] == ["SN"]
    assert [f[2] for f in _by_value(facts, 9)] == [None]
    assert {f[0] for f in facts} == {"mission in Senegal"}


def test_a_named_actor_keeps_its_own_counts_next_to_an_event():
    facts, _ = _facts("The partners met at the Bio Partnering Forum in Kyoto. "
                      "Since 2015 the Helix Cluster has taken six trade missions to Japan, with 70 SME participations.\n")
    assert [(f[0], f[2]) for f in _by_value(facts, 6)] == [("Helix Cluster", "JP")]
    assert [f[0] for f in _by_value(facts, 70)] == ["Helix Cluster"]


def test_project_money_with_thousands_and_decimals_goes_to_the_project():
    facts, _ = _facts("GREENLINK\n\nGreenLink is a cooperation project of four clusters. The project is led by the "
                      "Baltic Water Cluster. Total project budget is € 1,250,300, € 412,100.50 as partner co-financing.\n")
    money = {f[3]: f for f in facts if f[3] in (1250300, 412100.5)}
    assert set(money) == {1250300, 412100.5}
    assert {f[0] for f in money.values()} == {"GreenLink"}
    assert money[1250300][1] == "Total project budget (EUR)" and money[412100.5][1] == "partner co-financing (EUR)"


def test_what_a_described_group_did_is_part_of_the_measure():
    facts, _ = _facts("A cluster matchmaking mission took place in Lima in May.\n\n"
                      "Overall, the European delegation conducted more than 90 meetings with Peruvian companies.\n")
    [(subject, measure, country, _)] = _by_value(facts, 90)
    assert measure == "meetings conducted by the European delegation (more than)" and country is None
