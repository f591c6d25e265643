"""Who a page's members are, and what French, Spanish and Italian pages call bodies and journeys
(issue 15, nineteenth round): a "Members" section's sub-headings keep the section, and its
members are the page's own cluster's, not those of the federation it belongs to; sentence-case
Romance names ("l'Institut des composites durables"); "la misión de ASIAMAR-4i a Vietnam y
Tailandia"; "más de 1.200 empresas"; a region's Romance adjective ("Clúster Andaluz"); the
country a description after a name states; a field's figure with an aside; a table's name cell
in its own language; "co-funded by the European Union"; the parties an agreement's name gives.
Before this round each was missed or went to the wrong body."""
from __future__ import annotations

from helpers.extracted import text_by_name


def test_members_under_sub_headings_are_the_pages_own_clusters():
    ents, rels, _ = text_by_name(
        "# About us\n\nSenseAlps is the sensor cluster of the Alps, founded in 2011. SenseAlps is a member of the "
        "Alpine Cluster Alliance.\n\n## Some of our members\n\n### Trentino\n\n- Brenta Sensori S.p.A., Rovereto\n\n"
        "- Lagorai Optics S.r.l., Pergine Valsugana\n\n### Austria\n\n- Inntal Sensor Labs GmbH, Innsbruck\n", "about.md")
    for member in ("Brenta Sensori S.p.A.", "Lagorai Optics S.r.l.", "Inntal Sensor Labs GmbH"):
        assert (member, "MEMBER_OF", "SenseAlps") in rels, sorted(rels)
        assert (member, "MEMBER_OF", "Alpine Cluster Alliance") not in rels


def test_selected_members_of_a_cluster_profile_are_not_the_federations():
    _, rels, _ = text_by_name(
        "CLUSTER PROFILE\nTransilvania Cyber Security Cluster (TCSC)\nLast update: 20 January 2026\n\n"
        "TCSC is a member of the Romanian Digital Clusters Federation and of the Romanian Digital Clusters "
        "Federation's board.\n\nSELECTED MEMBERS\n\n- Aries Secure Systems S.R.L. (SME) - security operations\n"
        "- Apuseni Code Labs S.R.L. (SME) - secure software development\n")
    assert ("Apuseni Code Labs S.R.L.", "MEMBER_OF", "Transilvania Cyber Security Cluster") in rels, sorted(rels)
    assert ("Apuseni Code Labs S.R.L.", "MEMBER_OF", "Romanian Digital Clusters Federation") not in rels


def test_sentence_case_romance_names_are_bodies_placed_by_their_last_words():
    ents, _, _ = text_by_name(
        "La mission a été organisée avec l'Alliance canadienne des composites et l'Institut des composites durables "
        "à Montréal. Organisée par l'Agence régionale d'export des Pays de la Loire, elle a réuni huit PME.\n")
    assert {"Alliance canadienne des composites", "Institut des composites durables"} <= set(ents), sorted(ents)
    agency = ents["Agence régionale d'export des Pays de la Loire"]
    assert (agency.label, agency.country) == ("Organisation", "FR")


def test_a_romance_journey_keeps_its_owner_and_both_countries():
    ents, _, _ = text_by_name(
        "Balance de la misión de ASIAMAR-4i a Vietnam y Tailandia\n\nDel 9 al 17 de marzo, 28 personas de 19 empresas "
        "recorrieron Vietnam y Tailandia.\n")
    assert "misión de ASIAMAR-4i a Vietnam y Tailandia" in ents, sorted(ents)


def test_romance_hedges_stay_in_the_measure():
    _, _, facts = text_by_name("El clúster GLASSROUTE agrupa a más de 1.200 empresas. Le pôle Alpha regroupe plus de "
                               "120 entreprises.\n")
    assert ("GLASSROUTE", "empresas (más de)", 1200) in facts, facts
    assert ("Alpha", "entreprises (plus de)", 120) in facts, facts


def test_a_regions_romance_adjective_places_the_cluster_not_the_signing_town():
    ents, _, _ = text_by_name("El Clúster Andaluz de Cosmética Natural (CACNA) ha firmado en Cali (Colombia) un "
                              "memorando de entendimiento con un clúster colombiano.\n")
    assert ents["Clúster Andaluz de Cosmética Natural"].country == "ES"


def test_a_description_after_the_name_states_the_country():
    ents, _, _ = text_by_name(
        "# HFIC Newsletter\n\n**Hajdúság Food Innovation Cluster (HFIC)** – the cluster of food processing companies of "
        "eastern Hungary\n\n## HFIC at the Gulf Food Show in Dubai\n\nIn Dubai HFIC met buyers from Dubai and Abu "
        "Dhabi. HFIC will come back to Dubai in 2027.\n", "news.md")
    assert ents["Hajdúság Food Innovation Cluster"].country == "HU"


def test_a_field_with_an_aside_and_the_heading_that_owns_the_fields():
    _, _, facts = text_by_name(
        "<h1>BATTLINK kick-off</h1><p>The BATTLINK partnership met in Lublin.</p>"
        "<h3>East Polish E-Mobility Cluster at a glance</h3><ul><li>Founded: 2015</li>"
        "<li>Members: 71 (incl. 52 SMEs)</li></ul>", "page.html")
    assert ("East Polish E-Mobility Cluster", "Members", 71) in facts, facts


def test_a_table_name_cell_in_its_own_words_beside_a_country():
    ents, _, facts = text_by_name(
        "## Who signed\n\n| Signatory | Country | Members |\n|---|---|---|\n| Slavonski drvni klaster | HR | 37 |\n"
        "| Holzinnovation Kärnten | AT | 44 |\n", "page.md")
    assert ents["Slavonski drvni klaster"].country == "HR", sorted(ents)
    assert ("Slavonski drvni klaster", "Members", 37) in facts, facts


def test_the_european_union_funds_what_it_co_funds():
    _, rels, _ = text_by_name("# ALPHA-4i\n\nThe ALPHA-4i partnership is co-funded by the European Union.\n")
    assert ("ALPHA-4i", "FUNDED_BY", "European Union") in rels, sorted(rels)


def test_journeys_named_with_an_acronym_or_by_who_travels():
    ents, _, _ = text_by_name(
        "The second EUROSPA-4i mission to Dubai took place in May. They signed a letter of intent at the end of a "
        "two-day visit of an RLQ delegation to Montpellier (13-14 October).\n")
    assert "second EUROSPA-4i mission to Dubai" in ents, sorted(ents)
    assert "visit of an RLQ delegation to Montpellier" in ents, sorted(ents)


def test_a_spanish_meeting_is_not_the_island_of_reunion():
    ents, _, _ = text_by_name("# Proyecto STONE-CYCLE\n\n## Reunión de lanzamiento en Novelda\n\nLos días 3 y 4 de "
                              "febrero, los socios se reunieron en Novelda.\n", "page.md")
    assert ents["Reunión de lanzamiento en Novelda"].country == "ES"
    assert not any(e.country == "RE" or e.name == "France" for e in ents.values()), sorted(ents)


def test_a_numbered_edition_of_a_generic_event_name_is_one_event():
    ents, rels, _ = text_by_name("The 4th Cluster Matchmaking Day was financed by the Alpha Innovation Express "
                                 "programme. Forty clusters met at the 4th Cluster Matchmaking Day in Riga.\n")
    events = [n for n, e in ents.items() if e.label == "Event"]
    assert events == ["4th Cluster Matchmaking Day"], events
    assert any(s == "4th Cluster Matchmaking Day" and t == "FUNDED_BY" for s, t, _ in rels), sorted(rels)


def test_a_journey_that_opens_a_heading_or_a_list_item_is_an_event():
    ents, _, _ = text_by_name("# LCCT News\n\nNewsletter of March 2026.\n\n## Winter testing mission to Hokkaido\n\n"
                              "In February eleven member companies travelled to Japan.\n", "news.md")
    assert ents["Winter testing mission to Hokkaido"].country == "JP", sorted(ents)


def test_every_body_of_a_coordinated_group_visited():
    _, rels, _ = text_by_name("In the afternoon a group led by Riga Photonics Cluster and BioLT visited the Tartu Food "
                              "Technology Centre, a member of the South Estonian Food Cluster, where its pilot plant was "
                              "presented.\n")
    visits = {(s, o) for s, t, o in rels if t == "VISITED"}
    assert visits == {("Riga Photonics Cluster", "Tartu Food Technology Centre"),
                      ("BioLT", "Tartu Food Technology Centre")}, sorted(rels)


def test_partners_beside_the_coordinator_are_the_partnerships():
    _, _, facts = text_by_name("# CARPA-CLUST\n\nCARPA-CLUST is an Interreg project of the Carpathian clusters. It is "
                               "led by Torysa Engineering Cluster, which brings together seven partners.\n")
    assert {s for s, _, v in facts if v == 7} == {"CARPA-CLUST"}, sorted(facts)
