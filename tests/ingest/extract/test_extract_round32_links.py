"""Four corrections of the thirty-second round (issue 15): "our member A and the partners are B, C"
names one member, not three; "It is coordinated by A and include also B and C" names partners;
two described missions to different places on one page stay two events; a bold partner item
"**Name (ACR)** (Town, Country)" is one cluster, not two. All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _extract(text: str):
    ex = extract_text(document_from_text(text, name="page.txt"))
    names = {e.id: e.name for e in ex.entities}
    rels = {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}
    return ex, rels


def test_our_member_names_one_body_not_the_partners_after_it():
    _, rels = _extract("The Erasmus+ project TIDEWORK has a budget of EUR 1,280,000. The project is coordinated by "
                       "our member Cluster Nautico Salento (CNS) and the partners are the Greek Ionian Boatbuilding "
                       "Cluster and the Albanian Coastal Innovation Cluster.")
    members = {s for s, t, o in rels if t == "MEMBER_OF"}
    assert "Greek Ionian Boatbuilding Cluster" not in members, rels
    assert ("Greek Ionian Boatbuilding Cluster", "PARTNER_IN", "TIDEWORK") in rels, rels


def test_its_member_smes_still_names_several():
    _, rels = _extract("The Bavarian Mobility Cluster travelled to Monterrey with seven of its member SMEs, among "
                       "them Fräsen Huber GmbH and Kunststoff Lechner GmbH.")
    assert ("Kunststoff Lechner GmbH", "MEMBER_OF", "Bavarian Mobility Cluster") in rels, rels


def test_include_also_names_partners():
    _, rels = _extract("WOODWAYS Americas is a European Strategic Cluster Partnership in timber construction. "
                       "It is coordinated by the Karelia Timber Cluster and include also the Estonian Log House "
                       "Cluster and Holzbau Netzwerk Tirol.")
    assert ("Estonian Log House Cluster", "PARTNER_IN", "WOODWAYS Americas") in rels, rels
    assert ("Holzbau Netzwerk Tirol", "PARTNER_IN", "WOODWAYS Americas") in rels, rels


def test_two_described_missions_stay_two_events():
    ex, _ = _extract("The Andalusian Creative Industries Cluster will lead a business mission to Tokyo in June "
                     "2026.\n\nThe Galician Aquaculture Cluster organises a business mission to Trondheim in May.")
    events = {e.name: e.country for e in ex.entities if e.label == "Event"}
    assert events.get("business mission to Tokyo") == "JP", events
    assert events.get("business mission to Trondheim") == "NO", events


def test_a_bold_partner_item_with_its_acronym_is_one_cluster():
    ex, _ = _extract("## Partners\n\n- **Cluster Duas Rodas da Beira** (Águeda, Portugal)\n"
                     "- **Hungarian Cargo Bike Cluster (HCBC)** (Tatabánya, Hungary)\n")
    clusters = sorted(e.name for e in ex.entities if e.label == "Cluster")
    assert clusters == ["Cluster Duas Rodas da Beira", "Hungarian Cargo Bike Cluster"], clusters
    hcbc = next(e for e in ex.entities if e.name == "Hungarian Cargo Bike Cluster")
    assert "HCBC" in hcbc.aliases and hcbc.country == "HU"
