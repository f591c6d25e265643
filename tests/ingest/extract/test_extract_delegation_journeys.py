"""A journey a page tells only through its delegation (issue 15, thirty-third round): "a delegation of
eleven clusters and 23 SMEs travelled to the Republic of Korea" is an event, named in the page's
own words ("The mission was funded …" -> "mission to the Republic of Korea"), that its counts and
its funder belong to; a delegation that comes to the page's own setting or to an event the page
names makes no second event. And a title's agreement ("clusters sign cooperation agreement") is the
memorandum on a topic the text has them sign. All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _extract(text: str):
    ex = extract_text(document_from_text(text, name="page.md"))
    names = {e.id: e.name for e in ex.entities}
    rels = {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}
    facts = {(names.get(f.subject, f.subject), f.value) for f in ex.facts}
    return ex, rels, facts


MISSION = """# Mission report: European battery clusters in Seoul and Busan

From 3 to 7 November 2025, a delegation of eleven cluster organisations and 23 SMEs travelled to the
Republic of Korea under VOLTA Link, the European Strategic Cluster Partnership for Going International on
batteries. The mission was funded by the Single Market Programme.

In Seoul the group took part in the Korea Battery Buyers Day, where 64 one-to-one meetings were arranged.
"""


def test_a_delegation_that_travels_somewhere_is_a_journey_in_the_pages_words():
    ex, rels, facts = _extract(MISSION)
    journeys = [e for e in ex.entities if e.label == "Event" and e.name == "mission to the Republic of Korea"]
    assert journeys and journeys[0].country == "KR", [e.name for e in ex.entities if e.label == "Event"]
    assert "mission" in journeys[0].aliases
    assert ("mission to the Republic of Korea", "FUNDED_BY", "Single Market Programme") in rels, rels
    assert ("mission to the Republic of Korea", 23) in facts, facts


def test_a_delegation_coming_to_the_pages_own_setting_is_no_journey():
    ex, _, _ = _extract("# Snow Tech Days 2026 in Trento\n\nThe Snow Tech Days 2026 took place in Trento on 3 and "
                        "4 March 2026 with 180 exhibitors. A delegation of six ski resort operators from Kazakhstan "
                        "travelled to Trento to meet suppliers of snowmaking systems.\n")
    assert [e.name for e in ex.entities if e.label == "Event"] == ["Snow Tech Days 2026"], ex.entities


def test_a_delegation_to_a_named_fair_is_no_second_event():
    ex, _, _ = _extract("# Baltic medtech firms at the Osaka Medtech Partnering Days 2025\n\nIn May a delegation of "
                        "nine SMEs travelled to Osaka, where the Osaka Medtech Partnering Days 2025 took place.\n")
    events = [e.name for e in ex.entities if e.label == "Event"]
    assert not [n for n in events if "delegation" in n.lower() or n.lower().startswith("mission")], events


def test_a_french_delegation_that_goes_to_quebec_is_the_pages_mission():
    ex, _, _ = _extract("# Actualités\n\nDu 3 au 7 mars 2025, une délégation de 12 entreprises du Pôle Lumière Sud "
                        "s'est rendue au Québec. La mission a été financée par la Région Occitanie.\n")
    events = {e.name: e.country for e in ex.entities if e.label == "Event"}
    assert events == {"mission au Québec": "CA"}, events


def test_a_mission_to_a_valley_is_an_event_not_a_cluster():
    ex, _, _ = _extract("# News\n\nIn May 2025 a business mission to Silicon Valley brought 12 Czech companies to "
                        "30 investors.\n")
    labels = {e.name: e.label for e in ex.entities}
    assert labels.get("business mission to Silicon Valley") == "Event", labels


def test_a_delegation_that_travels_to_a_fair_goes_to_the_fair():
    ex, _, _ = _extract("# Agri-Water Matchmaking Morocco 2025\n\nIn October a European delegation of 16 SMEs "
                        "travelled to Rabat for the Agri-Water Matchmaking Morocco 2025.\n")
    assert [e.name for e in ex.entities if e.label == "Event"] == ["Agri-Water Matchmaking Morocco 2025"]


def test_a_titled_agreement_is_the_memorandum_on_a_topic_the_text_signs():
    text = ("Wood clusters sign cooperation agreement\n\nVienna, 14 May 2026 - The Holzcluster Weinviertel and the "
            "Slovenian Timber Cluster signed today a memorandum of understanding on joint internationalisation in "
            "timber construction. Together the two clusters represent more than 420 companies.\n")
    ex, rels, facts = _extract(text)
    agreements = [e for e in ex.entities if e.label == "Agreement"]
    assert len(agreements) == 1, [e.name for e in agreements]
    assert ("Slovenian Timber Cluster", "PARTY_TO", agreements[0].name) in rels, rels
    assert (agreements[0].name, 420) in facts, facts


def test_a_place_the_delegates_come_from_is_not_where_they_visit():
    ex, rels, _ = _extract("# Mission report\n\nFrom 12 to 16 October 2025 a delegation of 11 companies travelled to "
                           "Toronto. The mission was funded by the Single Market Programme. The delegation included 7 "
                           "SMEs from Latvia and 3 from Lithuania. On the first day the group visited the Queen Street "
                           "Innovation Campus, where 40 Canadian companies presented their offers.\n")
    countries = {e.name: e.country for e in ex.entities}
    assert countries.get("Queen Street Innovation Campus") == "CA", countries
