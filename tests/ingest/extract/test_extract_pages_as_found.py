"""Pages as teams find them on the web: breadcrumbs, a trade fair the event sits in, a delegation
that visits, companies named with and without their legal form, partnerships whose names carry no
head noun.

Every text is written here for the check; no corpus page is copied.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import read_document
from extracted import by_name, text_by_name as _ex


def test_a_breadcrumb_and_a_row_of_links_are_page_furniture_not_the_pages_event():
    ents, rels, facts = _ex("Home > News > Events\n\n"
                            "Ocean Days Matchmaking 2025 brings 90 clusters to Vigo\n\n"
                            "The Ocean Days Matchmaking 2025 was organised by Blue Growth Cluster Galicia. "
                            "Participants held 210 bilateral meetings.\n\n"
                            "Read more | Share | Back to news\n")
    assert not [n for n in ents if "Home" in n or "Read more" in n]
    assert ("Blue Growth Cluster Galicia", "COORDINATES", "Ocean Days Matchmaking 2025") in rels
    assert ("Ocean Days Matchmaking 2025", "bilateral meetings", 210) in facts


def test_a_menu_row_of_markdown_links_above_the_title_is_page_furniture():
    ents, rels, _ = _ex("[Home](/) · [Projects](/projects) · [News](/news)\n\n"
                        "# Nordic Ports Matchmaking 2026\n\n"
                        "The Nordic Ports Matchmaking 2026 in Aarhus gathered port clusters from six countries. "
                        "Among the companies were Harbour Lift ApS and Quayside Data AB.\n", "page.md")
    assert not [n for n in ents if "Home" in n or "Projects" in n]
    # the title under the menu names the page's event: the companies it names took part in it
    assert ("Harbour Lift ApS", "PARTICIPATED_IN", "Nordic Ports Matchmaking 2026") in rels


def test_a_delegation_visits_and_tours_and_a_company_is_one_with_or_without_its_legal_form():
    ents, rels, _ = _ex("Baltic Food Cluster delegation visits Vietnam\n\n"
                        "A delegation of eight companies from the Baltic Food Cluster (Latvia) travelled to Vietnam. "
                        "During the mission the delegation visited the Hanoi Agri-Tech Park and met with the Vietnam "
                        "Food Association. On the second day, the participants toured the facilities of Mekong Fresh "
                        "Ltd and Saigon Dairy JSC. The visit to Mekong Fresh opened several doors.\n")
    visited = {o for s, t, o in rels if s == "Baltic Food Cluster" and t == "VISITED"}
    # whom the delegation met with on the journey counts as visited, as the written pages annotate it
    assert visited == {"Hanoi Agri-Tech Park", "Vietnam Food Association", "Mekong Fresh Ltd", "Saigon Dairy JSC"}
    assert "Mekong Fresh" not in ents                   # the same company without "Ltd"


def test_an_eu_pairing_is_whom_an_event_is_with_and_a_european_body_takes_no_city():
    ents, rels, facts = _ex("Over 60 cluster organisations meet in Lyon for EU-Japan Cluster Matchmaking\n\n"
                            "More than 60 cluster organisations gathered at the EU-Japan Cluster Matchmaking held "
                            "alongside Global Industrie 2025 in Lyon, France. The event was organised by the EU-Japan "
                            "Centre for Industrial Cooperation together with the European Cluster Collaboration "
                            "Platform and hosted by Minalogic.\n\n"
                            "Clusters from 14 EU Member States took part, among them Silicon Saxony (Germany) and "
                            "Robotdalen (Sweden).\n\n"
                            "The matchmaking is part of the EU cluster internationalisation activities financed under "
                            "the Single Market Programme.\n")
    assert ents["EU-Japan Cluster Matchmaking"].country == "FR"
    assert ents["EU-Japan Centre for Industrial Cooperation"].country is None
    assert ents["European Cluster Collaboration Platform"].country is None
    assert ents["Global Industrie 2025"].label == "Event"
    event = "EU-Japan Cluster Matchmaking"
    assert {s for s, t, o in rels if t == "PARTICIPATED_IN" and o == event} == {"Silicon Saxony", "Robotdalen"}
    assert ("Minalogic", "COORDINATES", event) in rels
    assert (event, "FUNDED_BY", "Single Market Programme") in rels
    # the title's figure and the article's are one fact
    assert len([m for s, m, v in facts if v == 60 and m.startswith("cluster organisations")]) == 1


def test_an_eu_pairing_still_places_an_event_when_the_text_names_no_other_place():
    ents, _, _ = _ex("EU-Singapore matchmaking for clusters\n\n"
                     "The EU-Singapore matchmaking event gathered 40 clusters and 30 SMEs.\n")
    assert ents["EU-Singapore matchmaking event"].country == "SG"


def test_the_fair_an_event_sits_in_is_not_the_event_the_page_is_about():
    _, rels, facts = _ex("Smart Fibres matchmaking at Techtextil 2025\n\n"
                         "More than 150 participants attended the Smart Fibres Matchmaking organised by the Fibre "
                         "Cluster Network at Techtextil 2025. The event was co-organised with the Enterprise Europe "
                         "Network.\n\nParticipating clusters included:\n- Techtera (France)\n- Pointex (Italy)\n\n"
                         "Over two days, the participants held forty-two bilateral meetings.\n")
    assert ("Pointex", "PARTICIPATED_IN", "Smart Fibres Matchmaking") in rels
    assert ("Enterprise Europe Network", "COORDINATES", "Smart Fibres Matchmaking") in rels
    assert ("Smart Fibres Matchmaking", "bilateral meetings held by the participants", 42) in facts


def test_a_partnership_named_without_a_head_noun_is_found_by_what_describes_it():
    ents, rels, _ = _ex("Korea mission\n\n"
                        "Eleven clusters travelled to Korea under **VOLTA Bridge**, the European Strategic Cluster "
                        "Partnership for Going International on batteries. VOLTA Bridge is coordinated by Baterie "
                        "Klastr CZ and funded by the Single Market Programme.\n", name="page.md")
    assert ents["VOLTA Bridge"].label == "Partnership"
    assert [e.name for e in ents.values() if e.label == "Partnership"] == ["VOLTA Bridge"]
    assert ("VOLTA Bridge", "FUNDED_BY", "Single Market Programme") in rels


def test_the_items_of_a_partner_list_are_names_whatever_their_words():
    ents, rels, _ = _ex("Mission report\n\nClusters travelled under VOLTA Bridge, the European Strategic Cluster "
                        "Partnership on batteries. VOLTA Bridge is coordinated by Baterie Klastr CZ from the Czech Republic. "
                        "The other partners are:\n\n"
                        "* Energy Storage Cluster Flanders (Belgium)\n"
                        "* Batteria Piemonte, from Italy\n"
                        "* Polski Klaster Magazynowania Energii (PKME), Poland\n", name="page.md")
    partners = {s for s, t, o in rels if t == "PARTNER_IN" and o == "VOLTA Bridge"}
    assert {"Batteria Piemonte", "Polski Klaster Magazynowania Energii", "Energy Storage Cluster Flanders"} <= partners
    assert ents["Polski Klaster Magazynowania Energii"].label == "Cluster"       # "Klaster" is a cluster
    assert "PKME" in ents["Polski Klaster Magazynowania Energii"].aliases
    assert not [n for n in ents if "(PKME)" in n]


def test_a_clusters_new_members_are_its_members_legal_forms_and_descriptions_included():
    _, rels, _ = _ex("Menu: About us | Members | Projects | News | Join\n\n"
                     "Baltic Robotics Cluster welcomes four new members\n\n"
                     "At its general assembly, four companies joined the Baltic Robotics Cluster. The new members are:\n"
                     "Gripper Works sp. z o.o., a maker of welding cells;\n"
                     "MetalCast Tartu;\n"
                     "the Latvian company Riga Drives SIA;\n"
                     "and the Tallinn Institute of Materials.\n")
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Baltic Robotics Cluster"}
    assert {"Gripper Works sp. z o.o.", "MetalCast Tartu", "Tallinn Institute of Materials"} <= members


def test_a_short_heading_is_not_run_into_the_paragraph_under_it_and_a_dash_joins_a_country_pair():
    ents, rels, _ = _ex("Danish and Ghanaian clusters sign an MoU\n\n"
                        "The Danish cluster FoodTech Vejle and the Ghana Agro Cluster signed a memorandum of "
                        "understanding at the Ghana–EU Agribusiness Forum in Accra.\n\n"
                        "About FoodTech Vejle\n"
                        "FoodTech Vejle is a Danish cluster of 90 food companies.\n")
    assert not [n for n in ents if n.startswith("About")]
    assert "Ghana–EU Agribusiness Forum" in ents


def test_a_fact_sheet_under_a_kicker_names_its_project_and_lists_partners_one_an_indented_line():
    ents, rels, facts = _ex("Project fact sheet\n\n"
                            "WOODLOOP – Clusters for a Circular Timber Value Chain\n\n"
                            "Programme: Single Market Programme – Euro Clusters for Europe's Recovery\n"
                            "Total budget: EUR 1,800,000\n"
                            "Partners:\n"
                            "  Holzcluster Steiermark – Austria – coordinator\n"
                            "  Nordic Wood Alliance – Sweden\n"
                            "  Cluster Madera Navarra (CMN) – Spain\n"
                            "Website: www.woodloop.example\n\n"
                            "Summary\n\n"
                            "The project supports sawmills and joineries in moving to circular production.\n")
    project = "Clusters for a Circular Timber Value Chain"
    assert ents[project].label == "Partnership" and "WOODLOOP" in ents[project].aliases
    partners = {s for s, t, o in rels if t == "PARTNER_IN" and o == project}
    assert partners == {"Holzcluster Steiermark", "Nordic Wood Alliance", "Cluster Madera Navarra"}
    assert ents["Euro Clusters for Europe's Recovery"].label == "Programme"
    assert (project, "FUNDED_BY", "Euro Clusters for Europe's Recovery") in rels
    assert (project, "Total budget (EUR)", 1800000) in facts
    assert not {"Summary", "Website", "Euro Clusters for Europe"} & set(ents)


def test_a_table_row_read_from_a_web_page_splits_at_its_cells(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>H2 Coast Link</h1><p>H2 Coast Link is a partnership of hydrogen "
                            "clusters.</p><h2>Partners</h2><table><tr><th>Partner</th><th>Country</th>"
                            "<th>Members</th></tr><tr><td>Hydrogen Delta Cluster</td><td>Netherlands</td><td>150</td></tr>"
                            "<tr><td>Pomeranian Hydrogen Cluster</td><td>Poland</td><td>88</td></tr></table>"
                            "</body></html>", encoding="utf-8")
    ents, rels, _ = by_name(extract_text(read_document(page)))
    assert ents["Hydrogen Delta Cluster"].country == "NL"
    assert not [n for n in ents if n.endswith(("Netherlands", "Poland")) and ents[n].label != "Country"]
    assert ("Hydrogen Delta Cluster", "PARTNER_IN", "H2 Coast Link") in rels


def test_our_network_organised_the_event_in_a_fair_with_its_partners_and_an_eu_agency_is_one_body():
    ents, rels, _ = _ex("Newsletter of the EU Textile Cluster Network\n\n"
                        "Our network co-organised the Smart Fibres Matchmaking at Techtextil 2026 in Frankfurt "
                        "together with the Enterprise Europe Network and Messe Frankfurt. In two days, 212 companies "
                        "took part. The matchmaking is managed on behalf of the European Commission by the European "
                        "Innovation Council and SMEs Executive Agency (EISMEA).\n")
    organisers = {s for s, t, o in rels if t == "COORDINATES" and o == "Smart Fibres Matchmaking"}
    assert organisers == {"EU Textile Cluster Network", "Enterprise Europe Network", "Messe Frankfurt"}
    assert ents["Enterprise Europe Network"].country is None       # a European network, not a Frankfurt one
    agency = ents["European Innovation Council and SMEs Executive Agency"]
    assert agency.label == "Organisation" and "EISMEA" in agency.aliases
    assert not {"European Innovation Council", "SMEs Executive Agency"} & set(ents)


def test_the_project_named_after_its_noun_and_both_clusters_as_its_partners():
    ents, rels, _ = _ex("Porto matchmaking\n\n"
                        "The event was organised by the Portuguese cluster Oceano Norte in collaboration with the "
                        "Galician Maritime Technology Cluster (CTMGal). It was co-funded by the Interreg Atlantic Area "
                        "programme through the project BlueLink Atlantic, in which both clusters are partners.\n")
    assert ents["BlueLink Atlantic"].label == "Partnership"
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "BlueLink Atlantic"} == {
        "Oceano Norte", "Galician Maritime Technology Cluster"}
    assert ("BlueLink Atlantic", "FUNDED_BY", "Interreg Atlantic Area") in rels


def test_participants_listed_as_speakers_as_participating_clusters_and_as_a_delegations_leader():
    ents, rels, facts = _ex("Cleantech Matchmaking Days 2025\n\n"
                            "The Cleantech Matchmaking Days 2025 took place in Lyon on 4-5 June.\n\n"
                            "Among the participating clusters were also Wind Cluster Jutland and the Baltic Energy "
                            "Network.\n\n"
                            "The Danish delegation, led by Energy Cluster Denmark, met 40 buyers.\n\n"
                            "Speakers included Anna Berg (Robotdalen), Marc Dubois of Pole Mer Bretagne and Laura "
                            "Rossi, manager of Cluster Lombardo Energia.\n")
    event = "Cleantech Matchmaking Days 2025"
    took_part = {s for s, t, o in rels if t == "PARTICIPATED_IN" and o == event}
    assert {"Wind Cluster Jutland", "Baltic Energy Network", "Energy Cluster Denmark", "Robotdalen",
            "Pole Mer Bretagne", "Cluster Lombardo Energia"} <= took_part
    assert not {"Anna Berg", "Marc Dubois of Pole Mer Bretagne", "Laura Rossi"} & set(ents)   # people, not bodies
    assert (event, "buyers", 40) in facts


def test_a_partnership_pages_target_markets_listed_one_a_line_under_their_heading():
    _, rels, _ = _ex("The Sea Link Partnership\n\nSea Link is a partnership of port clusters.\n\n"
                     "Target markets\n\nChile – green hydrogen export hubs\n\nSouth Africa – fuel cells\n\n"
                     "Activities\n\nThe partners will organise three missions.\n")
    assert {o for s, t, o in rels if t == "TARGETS"} == {"Chile", "South Africa"}


def test_a_mission_titled_by_its_destination_and_the_agencies_it_was_prepared_with():
    ents, rels, _ = _ex("Mission to Chile\n\n"
                        "The mission, to Santiago in November 2025, is prepared together with the Chilean agency "
                        "Corfo and the Chilean Hydrogen Association (H2 Chile).\n")
    assert ents["Mission to Chile"].label == "Event" and ents["Mission to Chile"].country == "CL"
    assert {s for s, t, o in rels if t == "COORDINATES" and o == "Mission to Chile"} == {
        "Corfo", "Chilean Hydrogen Association"}


def test_a_company_keeps_the_legal_form_written_after_its_name():
    ents, _, _ = _ex("New members\n\nThis year the Czech company Ostrava Drives s.r.o. and Gripper Works sp. z o.o. "
                     "joined the Moravian Mechatronics Cluster.\n")
    assert "Ostrava Drives s.r.o." in ents
    assert "Ostrava Drives" not in ents


def test_organisations_that_joined_the_network_listed_under_the_line_that_says_so():
    _, rels, _ = _ex("Newsletter of the Danube Food Cluster Network\n\n"
                     "Three organisations joined the network in February:\n\n"
                     "- Novi Sad Institute of Food Technology\n"
                     "- the software house Agrodata Labs from Osijek\n"
                     "- Pannonia Mills (PM)\n\n"
                     "The network now counts 47 members.\n", name="page.md")
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Danube Food Cluster Network"}
    assert {"Novi Sad Institute of Food Technology", "Agrodata Labs", "Pannonia Mills"} <= members


def test_on_an_event_page_who_sent_a_group_or_presented_took_part():
    _, rels, _ = _ex("Ocean Days Matchmaking 2025\n\n"
                     "The Ocean Days Matchmaking 2025 gathered 180 participants in Vigo. The Irish Offshore Energy "
                     "Network sent a group of six companies, and the Norwegian cluster NorSea Aqua Technology (Norway) "
                     "presented its new testbed.\n")
    assert {s for s, t, o in rels if t == "PARTICIPATED_IN" and o == "Ocean Days Matchmaking 2025"} >= {
        "Irish Offshore Energy Network", "NorSea Aqua Technology"}
