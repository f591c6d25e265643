"""Members and signatories a text counts instead of naming (2026-12-05, fifteenth round).

"It is a member of the X Alliance" is a membership of a network; "the six partners signed the
Joint Declaration" makes each partner of the page's partnership a signatory; "Three new members
joined this quarter – A, B and C –" names the cluster's new members; a partnership's acronym is
not the short form of the declaration named after it ("BLUE-FORGE Joint Declaration"). Every
text here is written for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_member_of_an_alliance_is_its_member_not_a_partner():
    text = ("About Thessaly Fresh Cluster\n\nThe Thessaly Fresh Cluster brings together producers of central "
            "Greece. It is a member of the Hellenic Clusters Alliance.\n")
    _, rels, _ = text_by_name(text)
    assert ("Thessaly Fresh Cluster", "MEMBER_OF", "Hellenic Clusters Alliance") in rels, sorted(rels)
    assert ("Thessaly Fresh Cluster", "PARTNER_IN", "Hellenic Clusters Alliance") not in rels, sorted(rels)


def test_a_body_itself_member_of_a_network():
    text = "Partners\n\nThe Vestfjord Subsea Cluster is itself a member of the Norwegian Coastal Industries Network.\n"
    _, rels, _ = text_by_name(text)
    assert ("Vestfjord Subsea Cluster", "MEMBER_OF", "Norwegian Coastal Industries Network") in rels, sorted(rels)


def test_new_members_listed_between_dashes_join_the_pages_cluster():
    text = ("Thessaly Fresh Cluster newsletter\n\nThe Thessaly Fresh Cluster is the agrifood cluster of Thessaly.\n\n"
            "Two new members joined this quarter – Alpha Robotics Ltd and Beta Sensors GmbH – bringing the "
            "cluster to 112 members.\n")
    _, rels, _ = text_by_name(text)
    for member in ("Alpha Robotics Ltd", "Beta Sensors GmbH"):
        assert (member, "MEMBER_OF", "Thessaly Fresh Cluster") in rels, sorted(rels)


_PARTNERS = ("Partners | NORDWAVE\n\n"
             "NORDWAVE is a European Strategic Cluster Partnership co-funded by the COSME programme.\n\n"
             "Our partners\n\n- Skagen Offshore Cluster (Denmark) – coordinator\n- Baltic Cable Cluster (Poland)\n"
             "- Mer Iroise Pole (France)\n\n")


_SIGNED = _PARTNERS + ("At the kick-off meeting in Skagen, the three partners signed the NORDWAVE Joint "
                       "Declaration on Offshore Supply Chains.\n")


def test_the_partners_who_signed_are_each_a_party():
    _, rels, _ = text_by_name(_SIGNED)
    for partner in ("Skagen Offshore Cluster", "Baltic Cable Cluster", "Mer Iroise Pole"):
        assert (partner, "PARTY_TO", "NORDWAVE Joint Declaration on Offshore Supply Chains") in rels, sorted(rels)


def test_an_acronym_stays_the_partnerships_beside_a_declaration_named_after_it():
    ents, rels, _ = text_by_name(_SIGNED)
    assert ents.get("NORDWAVE") is not None and ents["NORDWAVE"].label == "Partnership", sorted(ents)
    assert ("Baltic Cable Cluster", "PARTNER_IN", "NORDWAVE") in rels, sorted(rels)


def test_a_list_by_country_under_a_participation_cue():
    text = ("Baltic Cluster Day 2024: 30 clusters in Tartu\n\nThe agency hosted the Baltic Cluster Day 2024 in Tartu.\n\n"
            "Among the clusters in the room:\n- Estonia: Tartu Dairy Cluster; Tallinn Health Cluster\n"
            "- Latvia: Vidzeme Materials Cluster, Valmiera; Riga Optics Cluster\n")
    _, rels, _ = text_by_name(text)
    for body in ("Tartu Dairy Cluster", "Tallinn Health Cluster", "Vidzeme Materials Cluster", "Riga Optics Cluster"):
        assert (body, "PARTICIPATED_IN", "Baltic Cluster Day 2024") in rels, (body, sorted(rels))


def test_an_edition_year_makes_a_name_of_generic_words():
    _, rels, _ = text_by_name("The agency hosted the Cluster meets Cluster Day 2024 together with the Riga Optics "
                              "Cluster.\n")
    assert ("Riga Optics Cluster", "COORDINATES", "Cluster meets Cluster Day 2024") in rels, sorted(rels)


def test_the_cluster_partners_named_in_passing_are_partners():
    text = ("NORDWAVE mission to Korea\n\nThe mission was organised by NORDWAVE, the partnership that the Skagen "
            "Offshore Cluster has coordinated since 2022. Beside it, the cluster partners Baltic Cable Cluster (PL) "
            "and Mer Iroise Pole (FR) travelled with their members.\n")
    _, rels, _ = text_by_name(text)
    assert ("Skagen Offshore Cluster", "COORDINATES", "NORDWAVE") in rels, sorted(rels)
    for body in ("Baltic Cable Cluster", "Mer Iroise Pole"):
        assert (body, "PARTNER_IN", "NORDWAVE") in rels, (body, sorted(rels))


def test_representatives_of_all_partners_took_part_in_the_event_before():
    text = _PARTNERS + ("The NORDWAVE kick-off meeting took place in Skagen on 3 May. It brought together 38 "
                        "participants, among them representatives of all three project partners.\n")
    ents, rels, _ = text_by_name(text)
    event = next(n for n, e in ents.items() if e.label == "Event")
    for partner in ("Baltic Cable Cluster", "Mer Iroise Pole"):
        assert (partner, "PARTICIPATED_IN", event) in rels, (partner, sorted(rels))


def test_bodies_both_members_of_a_network():
    text = "Partners\n\nThe Baltic Cable Cluster and the Mer Iroise Pole are both members of the Atlantic Cluster Network.\n"
    _, rels, _ = text_by_name(text)
    for body in ("Baltic Cable Cluster", "Mer Iroise Pole"):
        assert (body, "MEMBER_OF", "Atlantic Cluster Network") in rels, (body, sorted(rels))


def test_a_delegation_sorted_under_country_headings():
    text = ("Mission report – NORDWAVE mission to Kenya 2023\n\nThe NORDWAVE mission to Kenya 2023 took place in "
            "Nairobi.\n\n## Delegation members\n\n### Denmark – Skagen Offshore Cluster and members\n"
            "- Skagen Offshore Cluster\n- Jutland Pumps A/S\n\n### Poland – Baltic Cable Cluster and members\n"
            "- Baltic Cable Cluster\n- Gdynia Cables Sp. z o.o.\n\n## Next steps\n\nA return visit is planned.\n")
    ents, rels, _ = text_by_name(text, "page.md")
    event = "NORDWAVE mission to Kenya 2023"
    for body, country in (("Jutland Pumps A/S", "DK"), ("Gdynia Cables Sp. z o.o.", "PL"), ("Baltic Cable Cluster", "PL")):
        assert (body, "PARTICIPATED_IN", event) in rels, (body, sorted(rels))
        assert ents[body].country == country, ents[body]


def test_a_roundtable_is_an_event_its_organisers_coordinate():
    text = ("Luleå, 2 October. The delegation joined the Nordic Critical Minerals Roundtable, co-organised by the "
            "Arctic Mining Cluster and the Swedish Mining Export Council: 75 participants.\n")
    ents, rels, _ = text_by_name(text)
    assert ents.get("Nordic Critical Minerals Roundtable") is not None, sorted(ents)
    assert ents["Nordic Critical Minerals Roundtable"].label == "Event"
    assert ("Arctic Mining Cluster", "COORDINATES", "Nordic Critical Minerals Roundtable") in rels, sorted(rels)
