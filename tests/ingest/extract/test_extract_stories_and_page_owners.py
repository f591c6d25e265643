"""Whose figures a page's figures are (issue 15, twentieth round): a newsletter's story speaks of its
own partnership and event, not of the one the page names most; a cluster's own page owns its fact
sheet; a mission's page owns the counts no sentence gives an owner; a coined partnership name
("TIDELINE-4i", "X – Long Name … The project …") is a partnership; fact-sheet fields with an aside,
a hedge or a participle. Before this round each was missed or hung on another subject."""
from __future__ import annotations

from helpers.extracted import text_by_name

_NEWSLETTER = (
    "### In this issue\n\n- Nordic care tech meets Kyoto\n\n- Georgian managers on a study visit in Riga\n\n"
    "## 1. Nordic care tech meets Kyoto\n\nMISSIONS · 28 May 2025\n\n"
    "CARELINK Go Global, the partnership of four care technology clusters, took a delegation of nine SMEs to "
    "the Kyoto Care Expo 2025 in Kyoto (Japan) on 21-23 May. The event gave the delegation 63 pre-arranged "
    "meetings with Japanese distributors.\n\n"
    "## 2. Georgian cluster managers on a study visit in Riga\n\nPEER LEARNING · 10 June 2025\n\n"
    "Fourteen cluster managers and officials from Georgia, representing six Georgian clusters, spent 4-6 June in "
    "Riga, Latvia, to see how Latvian clusters finance their services. The study visit in Riga was organised by "
    "the Georgian Cluster Agency with the Baltic Cluster Office.\n")


def test_a_newsletter_storys_figures_are_its_own_events():
    _, _, facts = text_by_name(_NEWSLETTER, "newsletter.md")
    subjects = {(m, v): s for s, m, v in facts}
    assert subjects.get(("cluster managers and officials from Georgia", 14)) == "study visit in Riga", facts
    assert subjects.get(("Georgian clusters represented", 6)) == "study visit in Riga", facts


def test_a_clusters_own_page_owns_its_key_figures():
    _, _, facts = text_by_name(
        "# About us\n\nDolomiti Sensing is the cluster organisation of the sensor industry of Belluno, founded in 2012. "
        "It is a member of the Alpine Sensor Alliance, which brings together more than 40 clusters.\n\n"
        "## Key figures\n\nMembers: 88\n\nof which SMEs: 61\n\nEmployees in member companies: approx. 5,100\n", "about.md")
    assert ("Dolomiti Sensing", "Members", 88) in facts, facts
    assert ("Dolomiti Sensing", "SMEs among members", 61) in facts, facts
    assert not any(s == "Alpine Sensor Alliance" and v == 88 for s, _, v in facts)


def test_a_pages_leading_mission_owns_the_counts_no_sentence_gives_an_owner():
    _, _, facts = text_by_name(
        "# Business mission of TIDELINE-4i to Chile\n\nSantiago, 20 March 2026\n\n"
        "The business mission of TIDELINE-4i to Chile took place from 9 to 13 March. TIDELINE-4i is a European "
        "Strategic Cluster Partnership of five marine clusters.\n\n"
        "In total 12 letters of intent were signed in Valparaiso.\n", "mission.md")
    assert ("business mission of TIDELINE-4i to Chile", "letters of intent signed", 12) in facts, facts


def test_a_coined_strand_name_is_a_partnership():
    ents, _, facts = text_by_name(
        "# Our partners\n\nTIDELINE-4i is one of the European Strategic Cluster Partnerships for Going International. "
        "TIDELINE-4i brings together six cluster organisations of the marine sector.\n", "partners.md")
    assert ents["TIDELINE-4i"].label == "Partnership", sorted(ents)
    assert ("TIDELINE-4i", "cluster organisations of the marine sector", 6) in facts or any(
        s == "TIDELINE-4i" and v == 6 for s, _, v in facts), facts


def test_a_body_the_next_sentence_calls_the_project_is_a_partnership():
    ents, _, facts = text_by_name(
        "# Partners\n\nThere are not enough technicians for heat pumps. FROSTWISE – Skills for Natural Coolants brings "
        "together the sector and vocational training. The project is funded by the Erasmus+ programme. The "
        "consortium counts nine partners from seven countries.\n\n"
        "#\tPartner\tRole\n1\tAlpine Cooling Cluster\tCoordinator; WP1 Project management\n", "partners.md")
    assert ents["Skills for Natural Coolants"].label == "Partnership", sorted(ents)
    assert not any("WP1" in name for name in ents), sorted(ents)
    assert ("Skills for Natural Coolants", "partners in the consortium", 9) in facts, facts


def test_a_sentence_opening_conjunction_is_no_part_of_a_name():
    ents, _, _ = text_by_name("When Talleres Ibarra, S.L. signed up for the matchmaking day, it expected little.\n")
    assert "Talleres Ibarra, S.L." in ents, sorted(ents)
    assert not any(name.startswith("When") for name in ents)


def test_a_journey_of_a_named_partnership_keeps_its_owner():
    ents, _, _ = text_by_name(
        "In March our cluster was part of the first business mission of the AGROSOL LATAM partnership to South "
        "America. The mission went to Lima.\n")
    assert any(name.startswith("first business mission of the AGROSOL LATAM partnership") for name in ents), sorted(ents)


def test_fact_sheet_fields_with_asides_hedges_and_participles():
    _, _, facts = text_by_name(
        "# BRINEX project\n\nBRINEX is a project of ten clusters.\n\n## Key facts\n\n- Partners: 11 from 10 countries\n"
        "- EU grant: EUR 1,000,000\n- Technicians trained: at least 640 (of which 160 in Spain)\n"
        "- SMEs supported: up to 120\n- Grant agreement: 101187764\n", "facts.md")
    assert ("BRINEX", "Partners", 11) in facts, facts
    assert ("BRINEX", "countries of the partners", 10) in facts, facts
    assert ("BRINEX", "EU grant (EUR)", 1000000) in facts, facts
    assert ("BRINEX", "Technicians trained (at least)", 640) in facts, facts
    assert ("BRINEX", "SMEs supported (up to)", 120) in facts, facts
    assert not any(v == 101187764 for _, _, v in facts)


def test_a_romance_reference_to_the_journey_takes_its_counts():
    _, _, facts = text_by_name(
        "Balance de la misión de MARLINK-4i a Vietnam y Tailandia\n\nVigo, 25 de marzo de 2026\n\n"
        "Del 9 al 17 de marzo, 28 personas de 19 empresas europeas recorrieron Vietnam y Tailandia en la primera "
        "misión empresarial de la asociación estratégica MARLINK-4i, coordinada por CLUMAR.\n")
    assert ("misión de MARLINK-4i a Vietnam y Tailandia", "personas", 28) in facts, facts


def test_a_place_near_a_name_does_not_give_a_country_the_names_language_rules_out():
    ents, _, _ = text_by_name(
        "Forestry news\n\nDelegates of the Clúster de Bioeconomía Forestal met the Tartu Wood Cluster in Tartu on "
        "3 May.\n\nIn the afternoon the delegation visited Sagrerie Armor SAS and the plant of Puidutööstus OÜ in "
        "Tartu.\n")
    assert ents["Clúster de Bioeconomía Forestal"].country != "EE"
    assert ents["Sagrerie Armor SAS"].country != "EE"
    assert ents["Puidutööstus OÜ"].country == "EE" and ents["Tartu Wood Cluster"].country == "EE"


def test_the_summit_a_sentence_opens_with_is_the_named_summit():
    ents, rels, _ = text_by_name(
        "Seven clusters signed the declaration at the Adriatic Food Clusters Summit 2025. The Summit took place on 4 "
        "and 5 November 2025 in Thessaloniki (Greece) and was organised by the Hellenic Food Innovation Cluster.\n")
    assert "Summit in Thessaloniki" not in ents, sorted(ents)
    assert ents["Adriatic Food Clusters Summit 2025"].country == "GR"
    assert ("Hellenic Food Innovation Cluster", "COORDINATES", "Adriatic Food Clusters Summit 2025") in rels, sorted(rels)


def test_a_stand_or_a_delegation_at_a_fair_is_taking_part():
    _, rels, _ = text_by_name(
        "At Plastex 2025, in October 2025, the PLASTNET partnership hosted a joint stand for 22 SMEs. The second "
        "mission was combined with the fair Nile Pump Expo 2024, where the Danube Water Cluster had a European "
        "stand.\n")
    assert ("PLASTNET", "PARTICIPATED_IN", "Plastex 2025") in rels, sorted(rels)
    assert ("Danube Water Cluster", "PARTICIPATED_IN", "Nile Pump Expo 2024") in rels, sorted(rels)


def test_a_partnerships_kick_off_meeting_carries_its_name():
    ents, _, _ = text_by_name(
        "# Partners\n\nOUTLOOP (Circular Outdoor Gear) is a Horizon Europe project coordinated by the Alpine Outdoor "
        "Cluster. The kick-off meeting in Annecy gathered 30 people.\n")
    assert "OUTLOOP kick-off meeting" in ents, sorted(ents)


def test_a_romance_forum_with_its_edition_in_brackets_is_an_event():
    ents, _, _ = text_by_name(
        "La signature a eu lieu à Montréal, en marge du Forum international des technologies marines (FITM 2025), "
        "organisé du 7 au 9 octobre.\n")
    forum = ents["Forum international des technologies marines"]
    assert forum.label == "Event" and "FITM 2025" in forum.aliases


def test_the_networks_a_clusters_page_lists_as_member_since_are_its_memberships():
    _, rels, _ = text_by_name(
        "# About us\n\nDolomiti Sensing is the cluster organisation of the sensor industry of Belluno.\n\n"
        "## Our networks\n\n- Federazione Italiana Reti Sensoristiche (FIRS) – member since 2013\n\n"
        "- EuroProbeNet, the European network of probe clusters – founding member (2016)\n", "about.md")
    assert ("Dolomiti Sensing", "MEMBER_OF", "Federazione Italiana Reti Sensoristiche") in rels, sorted(rels)
    assert ("Dolomiti Sensing", "MEMBER_OF", "EuroProbeNet") in rels, sorted(rels)
