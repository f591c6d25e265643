"""Relations written the ways reports state them, on texts nobody tuned the rules on.

Each test is a short passage of the kind cluster news is made of (written for this test,
no names from any corpus) and checks what a strategy team would read off the graph: the
members of a network, the partners behind a lead partner, the countries that issued a
declaration, the organisers of an event, the items of a partner list, and that vague
statements ("a highly attended event", a country guessed from a neighbouring sentence,
"clusters from Spain aimed at …") do not become relations.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _rels(text: str) -> set[tuple[str, str, str]]:
    ex = extract_text(document_from_text(text, name="news.txt"))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}


def _of(rels, typ: str, target: str) -> set[str]:
    return {s for s, t, o in rels if t == typ and o == target}


def test_the_members_of_a_cluster_listed_after_a_cue_are_its_members():
    rels = _rels("Harbour news\n\nThe members of the Nordic Harbour Cluster are Fjord Port Authority, "
                 "Kelp Research Institute and the University of Tromsvik.")
    assert _of(rels, "MEMBER_OF", "Nordic Harbour Cluster") == {
        "Fjord Port Authority", "Kelp Research Institute", "University of Tromsvik"}


def test_partners_after_the_lead_partner_are_partners_not_coordinators():
    rels = _rels("The Tidal Link project was launched in 2023. The project is led by the Western Energy Agency, "
                 "in partnership with the Coastal Development Agency, the Lagoon Innovation Agency and "
                 "the Harbour Chamber of Commerce.")
    partners = _of(rels, "PARTNER_IN", "Tidal Link")
    assert {"Coastal Development Agency", "Lagoon Innovation Agency", "Harbour Chamber of Commerce"} <= partners
    assert _of(rels, "COORDINATES", "Tidal Link") == {"Western Energy Agency"}


def test_a_coordinator_of_a_network_coordinates_it():
    rels = _rels("The Valley Business Hub is an initiator and a coordinator of the Valley Cluster Network. "
                 "It was founded in 2010.")
    assert ("Valley Business Hub", "COORDINATES", "Valley Cluster Network") in rels


def test_countries_whose_associations_issued_a_declaration_are_its_parties():
    rels = _rels("On 3 March, eight cluster associations from Portugal, Greece and Estonia issued the Lisbon "
                 "Declaration.")
    assert _of(rels, "PARTY_TO", "Lisbon Declaration") == {"Portugal", "Greece", "Estonia"}


def test_signatories_between_several_parties_all_sign():
    rels = _rels("A Memorandum of Understanding was signed between the Alpine Science and Technology Park, "
                 "the Timber Research Institute and the Forest Owners Association.")
    assert _of(rels, "PARTY_TO", "Memorandum of Understanding") == {
        "Alpine Science and Technology Park", "Timber Research Institute", "Forest Owners Association"}


def test_organisers_named_after_a_place_organise_and_an_unnamed_event_keeps_its_own():
    rels = _rels("The Delta Cluster Summit was organised in Rotterdam by the Delta Port Agency and the "
                 "Harbour Chamber of Commerce under the Dutch presidency, after a debate on ports and on "
                 "shipping, a highly attended event organised by the Dutch Maritime Cluster.")
    assert _of(rels, "COORDINATES", "Delta Cluster Summit") == {"Delta Port Agency", "Harbour Chamber of Commerce"}
    assert not _of(rels, "PARTICIPATED_IN", "Delta Cluster Summit")


def test_each_item_under_a_cue_line_takes_its_relation():
    rels = _rels("Solar Bridge partnership\n\nThe Solar Bridge partnership held its kick-off in May.\n\n"
                 "The delegation to the Sun Expo was composed of:\n"
                 "Andes Solar Cluster (Chile)\nSahara Energy Cluster (Morocco)\nIberian Solar Association (Spain)\n")
    assert _of(rels, "PARTICIPATED_IN", "Sun Expo") == {
        "Andes Solar Cluster", "Sahara Energy Cluster", "Iberian Solar Association"}


def test_target_markets_are_the_countries_after_the_cue():
    rels = _rels("The Green Wave partnership brings clusters from France and Italy together. Its mission "
                 "aims at Brazil and Chile.")
    targets = {o for s, t, o in rels if t == "TARGETS"}
    assert {"Brazil", "Chile"} <= targets and not targets & {"France", "Italy"}
    rels = _rels("The Blue Wave partnership was launched in Vienna. Its ten associations from Spain and Poland "
                 "signed the Vienna Charter aimed at closer cooperation.")
    assert not {o for s, t, o in rels if t == "TARGETS"}


def test_a_country_guessed_from_a_neighbouring_sentence_gives_no_located_in():
    rels = _rels("The meetings took place in Madrid and Seville. The Lake Foods Cluster presented its products.")
    assert "Lake Foods Cluster" in {s for s, t, o in rels}
    assert not {o for s, t, o in rels if t == "LOCATED_IN" and s == "Lake Foods Cluster"}
