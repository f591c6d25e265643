"""Shapes found on pages the rules were not written against: a network referred to by its kind,
counts of countries and a page's figures list, companies the sentence describes by country and
kind, a partnership named with and without its type.

Every text is written here for the check; no corpus page is copied.
"""
from __future__ import annotations

from extracted import text_by_name as _ex


def test_a_network_referred_to_by_its_kind_gains_the_members_that_join_it():
    ents, rels, _ = _ex("Danube Cluster Network welcomes new members\n\n"
                        "The Danube Cluster Network has 40 members in six countries. Its newest members are "
                        "Alfa Mechatronics Cluster and the Ruse Logistics Association. The Sava Wood Cluster joined "
                        "the network in March.\n\n"
                        "The network is a partner in the Interreg project RIVERLINK, in which the Vukovar Port "
                        "Cluster and Osijek Food Association are partners.\n")
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Danube Cluster Network"}
    assert members == {"Alfa Mechatronics Cluster", "Ruse Logistics Association", "Sava Wood Cluster"}
    assert ("Danube Cluster Network", "PARTNER_IN", "RIVERLINK") in rels
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "RIVERLINK"} >= {"Vukovar Port Cluster",
                                                                                "Osijek Food Association"}
    assert ents["Interreg"].label == "Programme"        # the programme the project runs under, not a partnership
    assert not [r for r in rels if r[1] == "PARTNER_IN" and r[2] == "Interreg"]


def test_a_count_of_countries_says_whom_it_counts_and_a_figures_list_belongs_to_the_event():
    ents, _, facts = _ex("Record attendance at the Tagus Blue Matchmaking 2025\n\n"
                         "Lisbon, 3 June 2025 – The Tagus Blue Matchmaking 2025 was organised by the Lisbon Sea "
                         "Cluster within the partnership SEALINK. Over two days, 240 participants from 17 countries "
                         "held 410 meetings.\n\n"
                         "In figures\n\n"
                         "- 240 participants\n"
                         "- 4 letters of intent signed on site\n")
    assert ("Tagus Blue Matchmaking 2025", "countries of the participants", 17) in facts
    assert ("Tagus Blue Matchmaking 2025", "letters of intent signed on site", 4) in facts
    assert not [f for f in facts if f[0] == "SEALINK"]      # the list is the event's, not the partnership's


def test_companies_described_by_country_and_kind_keep_their_own_names_and_legal_forms():
    ents, rels, _ = _ex("Wind mission to Japan\n\n"
                        "The Baltic Wind Cluster led a mission to Japan. Among the participants were the Danish SME "
                        "Fjordmoor Systems ApS, the German engineering SME Rotorsense GmbH, the Polish SME Vistula "
                        "Towers Sp. z o.o. and the Spanish SME Cables del Caribe S.L.; the Danish company "
                        "Nordvind Blades A/S also joined.\n")
    for name, country in (("Fjordmoor Systems ApS", "DK"), ("Rotorsense GmbH", "DE"), ("Cables del Caribe S.L.", "ES"),
                          ("Vistula Towers Sp. z o.o.", "PL"), ("Nordvind Blades A/S", "DK")):
        assert ents[name].country == country, name
    assert not [n for n in ents if n.startswith(("Danish", "Polish", "SME "))]
    assert ents["Vistula Towers Sp. z o.o."].label == "SME"


def test_an_alliance_described_as_a_network_and_a_partnership_named_with_its_type():
    ents, rels, facts = _ex("Nordic Payments Alliance\n\n"
                            "The Nordic Payments Alliance, a network of 14 clusters from five countries, is a partner "
                            "in the European Strategic Cluster Partnership PAYLINK4EU. PAYLINK4EU is funded by the "
                            "Single Market Programme and coordinated by Tallinn Fintech Cluster.\n")
    assert ents["Nordic Payments Alliance"].label == "Organisation"
    assert [n for n in ents if "PAYLINK4EU" in n] == ["European Strategic Cluster Partnership PAYLINK4EU"] or \
        [n for n in ents if "PAYLINK4EU" in n] == ["PAYLINK4EU"]      # one partnership, the other name its alias
    assert ("Nordic Payments Alliance", "clusters", 14) in facts


def test_a_partnerships_mission_named_after_it_stays_apart_from_the_partnership():
    ents, rels, _ = _ex("SolarLink Business Mission to Chile 2025 – report\n\n"
                        "In May 2025 the European Strategic Cluster Partnership SolarLink led a business mission to "
                        "Chile. SolarLink is funded by the Single Market Programme and is coordinated by Andalusian "
                        "Solar Cluster. Its other partners are the German cluster Solarnetz Sachsen, Tiber Energy "
                        "Cluster and Douro Solar Cluster.\n\n"
                        "On day 2 the delegation visited the headquarters of Atacama Solar Corporation.\n")
    assert ents["SolarLink"].label == "Partnership"
    assert ents["SolarLink Business Mission to Chile 2025"].label == "Event"
    assert not [n for n in ents if n.lower().startswith("business mission")]   # the title's mission, once
    assert ("Andalusian Solar Cluster", "COORDINATES", "SolarLink") in rels
    assert {("Solarnetz Sachsen", "PARTNER_IN", "SolarLink"), ("Tiber Energy Cluster", "PARTNER_IN", "SolarLink")} <= rels
    assert ("SolarLink", "VISITED", "Atacama Solar Corporation") in rels        # not "the delegation of Atacama"


def test_an_agreement_named_after_its_signing_and_signed_by_its_parties():
    ents, rels, _ = _ex("Food clusters sign memorandum\n\n"
                        "Parma, 3 March 2025 – Three cluster organisations from Italy, Greece and Tunisia have signed a "
                        "Memorandum of Understanding (MoU). The agreement, named the \"Mediterranean Food Quality "
                        "Charter\", was signed on 2 March by Emilia Food Cluster, the Greek cluster Thessaly Agrifood "
                        "and the Tunisian Olive Oil Cluster.\n")
    agreements = [n for n, e in ents.items() if e.label == "Agreement"]
    assert agreements == ["Mediterranean Food Quality Charter"]                 # one agreement, two names
    parties = {s for s, t, o in rels if t == "PARTY_TO"}
    assert parties == {"Emilia Food Cluster", "Thessaly Agrifood", "Tunisian Olive Oil Cluster"}   # not the countries


def test_a_project_page_names_its_coordinator_and_partners_described_by_country_and_trade():
    ents, rels, _ = _ex("LOOPWOOD project kicks off\n\n"
                        "The Horizon Europe project LOOPWOOD held its kick-off meeting at the premises of its "
                        "coordinator, the Finnish wood cluster Lahti Wood Cluster. Industrial partners include the "
                        "Spanish sawmill Aserraderos Ibéricos SL, the Swedish design company Nordform AB and the "
                        "Estonian start-up Puit Labs OU. The project is funded by Horizon Europe, and the European "
                        "Commission, the European Union and the European Research Executive Agency follow its work.\n")
    assert ("Lahti Wood Cluster", "COORDINATES", "LOOPWOOD") in rels
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "LOOPWOOD"} >= {
        "Lahti Wood Cluster", "Aserraderos Ibéricos SL", "Nordform AB"}
    assert ents["Aserraderos Ibéricos SL"].country == "ES"
    assert not [s for s, t, o in rels if t == "PARTNER_IN" and s.startswith("European")]


def test_a_quoted_partnership_after_its_type_and_a_headline_that_says_who_coordinates():
    ents, rels, _ = _ex("News\n\nBaltic Sensor Cluster to coordinate the Interreg Baltic Sea Region project SENSEA\n\n"
                        "Several clusters of the region belong to the ESCP \"Nordic Sensor Bridge\", which is funded by "
                        "the Single Market Programme and targets Japan and Canada.\n")
    assert ents["Nordic Sensor Bridge"].label == "Partnership"
    assert {("Nordic Sensor Bridge", "TARGETS", "Japan"), ("Nordic Sensor Bridge", "TARGETS", "Canada")} <= rels
    assert ("Baltic Sensor Cluster", "COORDINATES", "SENSEA") in rels


def test_a_project_page_titled_by_its_short_name_with_its_partner_list():
    ents, rels, _ = _ex("# GREENPORT-DANUBE\n\n"
                        "GREENPORT-DANUBE helps small inland ports cut emissions. It is co-financed by the European "
                        "Regional Development Fund (ERDF).\n\n"
                        "## Project partners\n\n"
                        "- Port of Vukovar Cluster (HR) – lead partner\n"
                        "- Danube Logistics Cluster Ruse (BG)\n"
                        "- Linz Port Innovation GmbH (AT)\n", name="page.md")
    assert ents["GREENPORT-DANUBE"].label == "Partnership"
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "GREENPORT-DANUBE"} == {
        "Port of Vukovar Cluster", "Danube Logistics Cluster Ruse", "Linz Port Innovation GmbH"}
    assert ("Port of Vukovar Cluster", "COORDINATES", "GREENPORT-DANUBE") in rels


def test_an_escp_named_after_its_type_its_signatories_and_the_members_it_gathers():
    ents, rels, _ = _ex("MedTech Bridge Korea signs cooperation agreement\n\n"
                        "The European Strategic Cluster Partnership MedTech Bridge Korea has signed a cooperation "
                        "agreement with the Korea Health Industry Cluster Association (KHICA). The agreement has "
                        "two signatories:\n\n"
                        "- MedTech Bridge Korea, represented by its coordinator, Lyon Medical Devices Cluster (France)\n"
                        "- KHICA\n\n"
                        "Lead partner: Lyon Medical Devices Cluster\n\n"
                        "It gathers four cluster organisations:\n"
                        "1. Lyon Medical Devices Cluster – France (coordinator)\n"
                        "2. BioHealth Cluster Catalonia – Spain\n"
                        "3. Nordic Health Tech Cluster – Denmark\n"
                        "4. Pannon Health Cluster – Republic of Hungary\n")
    assert ents["MedTech Bridge Korea"].label == "Partnership"
    assert not [n for n in ents if "represented" in n or n.startswith("Lead partner") or n == "Republic of Hungary"]
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "MedTech Bridge Korea"} >= {
        "BioHealth Cluster Catalonia", "Nordic Health Tech Cluster", "Pannon Health Cluster"}
    assert ("Korea Health Industry Cluster Association", "PARTY_TO", "cooperation agreement") in rels


def test_a_listed_partner_placed_in_brackets_by_region_and_country():
    ents, rels, _ = _ex("Partners\n\nIts partners are the German cluster Windenergie Nord, Cluster Eólico Astur "
                        "(Galicia, Spain) and Tiber Energy Cluster (Italy).\n")
    partner = ents["Cluster Eólico Astur"]
    assert partner.country == "ES" and "Galicia, Spain" not in partner.aliases
    assert ("Cluster Eólico Astur", "LOCATED_IN", "Galicia") in rels and ("Galicia", "PART_OF", "Spain") in rels


def test_on_a_study_visit_page_the_cluster_that_organised_it_made_the_company_visits():
    _, rels, _ = _ex("Study visit to Bavaria\n\n"
                     "From 4 to 6 June 2025 the Slovenian Automotive Cluster organised a study visit to Bavaria for "
                     "eight of its member companies. The programme included company visits to Munich Drive Systems "
                     "GmbH and Augsburg Robotics AG.\n\n"
                     "Visits to the Nuremberg Battery Lab closed the programme.\n")
    visited = {o for s, t, o in rels if t == "VISITED" and s == "Slovenian Automotive Cluster"}
    assert visited == {"Munich Drive Systems GmbH", "Augsburg Robotics AG", "Nuremberg Battery Lab"}


def test_a_forum_with_its_edition_year_is_an_event_and_who_took_part_in_it():
    ents, rels, _ = _ex("Alpine Hydrogen Forum 2025 gathers 300 participants in Innsbruck\n\n"
                        "Innsbruck, 12 May 2025 – The Alpine Hydrogen Forum 2025 was organised by the Tyrol Energy "
                        "Cluster. More than 40 clusters took part in the forum, among them Hydrogen Valley Bolzano and "
                        "Swiss H2 Network.\n\n"
                        "Representatives of Graz Mobility Cluster attended the event. The Danish delegation consisted "
                        "of Hydrogen Denmark Cluster, Aarhus Fuel Systems and Odense Energy Lab.\n")
    assert ents["Alpine Hydrogen Forum 2025"].label == "Event"
    took_part = {s for s, t, o in rels if t == "PARTICIPATED_IN" and o == "Alpine Hydrogen Forum 2025"}
    assert took_part >= {"Hydrogen Valley Bolzano", "Swiss H2 Network", "Graz Mobility Cluster", "Hydrogen Denmark Cluster",
                         "Aarhus Fuel Systems", "Odense Energy Lab"}
    assert ("Tyrol Energy Cluster", "COORDINATES", "Alpine Hydrogen Forum 2025") in rels


def test_parties_of_agreements_signed_between_two_and_by_signing():
    _, rels, _ = _ex("Clusters sign agreements\n\n"
                     "A Memorandum of Understanding was signed between the Aragon Food Cluster and the Tunisian Dates "
                     "Cluster on 5 May 2025 in Zaragoza.\n\n"
                     "By signing the Declaration of Alicante, Valencia Toy Cluster, Ibi Industry Association and "
                     "Alcoy Textile Cluster agreed to cooperate on circular design.\n")
    parties = lambda agreement: {s for s, t, o in rels if t == "PARTY_TO" and o == agreement}
    assert parties("Memorandum of Understanding") == {"Aragon Food Cluster", "Tunisian Dates Cluster"}  # not Tunisia
    assert parties("Declaration of Alicante") == {"Valencia Toy Cluster", "Ibi Industry Association", "Alcoy Textile Cluster"}


def test_a_visited_company_takes_the_place_its_sentence_names_not_an_earlier_trips():
    ents, _, _ = _ex("Forest tech mission to Canada 2025\n\n"
                     "The Nordic Timber Partnership led a mission to Canada, three years after its study trip "
                     "to Chile.\n\n"
                     "The group then visited Lumo Sawmill Technologies Inc, a maker of sorting lines based near "
                     "Quebec City, and Arbor Data Inc, which exports to Brazil.\n")
    assert ents["Lumo Sawmill Technologies Inc"].country == "CA"
    assert ents["Arbor Data Inc"].country != "BR"      # where it sells is not where it is


def test_a_french_convention_and_a_project_named_after_its_programme():
    ents, rels, _ = _ex("Le pôle Aérospatial Normandie signe une convention avec Aéro Québec\n\n"
                        "Montréal, le 12 mars 2025 – Le pôle de compétitivité Aérospatial Normandie et la grappe "
                        "industrielle Aéro Québec ont signé une convention de partenariat lors du salon Aéro Montréal "
                        "2025.\n\n"
                        "Les deux clusters participent au projet Interreg TRANSATLANTIC, coordonné par Aéro Québec.\n")
    assert ents["TRANSATLANTIC"].label == "Partnership"
    assert {("TRANSATLANTIC", "FUNDED_BY", "Interreg"), ("Aéro Québec", "COORDINATES", "TRANSATLANTIC")} <= rels
    assert {s for s, t, o in rels if t == "PARTY_TO"} == {"Aérospatial Normandie", "Aéro Québec"}


def test_a_cluster_speaking_of_its_new_members():
    _, rels, _ = _ex("Basque Energy Cluster news\n\n"
                     "We welcome three new members: Bilbao Wind Association, Gipuzkoa Solar Centre and Vitoria Grid "
                     "Institute.\n\n"
                     "Arrasate Power Association and the Donostia Battery Centre have joined the cluster this month.\n")
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Basque Energy Cluster"}
    assert members == {"Bilbao Wind Association", "Gipuzkoa Solar Centre", "Vitoria Grid Institute",
                       "Arrasate Power Association", "Donostia Battery Centre"}


def test_descriptions_and_cues_that_are_no_names_nor_relations():
    ents, rels, facts = _ex("Alpha Network\n\n"
                            "Alpha Cluster joined the Finnish SME Association in 2024. The German delegation visited "
                            "Lombardy Energy Cluster in Milan. The BlueLink Atlantic partnership met in Porto. Its "
                            "coordinator, together with Beta Cluster, presented the results. The Green Ports Charter was "
                            "signed in Brussels, followed by a reception hosted by Gamma Cluster and Delta Cluster. The "
                            "partners were welcomed by Epsilon Cluster, Zeta Cluster and Eta Cluster in Riga. The project "
                            "Coordinator Maria Lopez explained the results. Its members come from 9 countries. The "
                            "Regional Council 2024 budget gives Alpha Cluster EUR 2 million.\n")
    assert ("Alpha Cluster", "MEMBER_OF", "Finnish SME Association") in rels and "Association" not in ents
    assert ents["Lombardy Energy Cluster"].country == "IT"
    assert not [r for r in rels if r[0] == "Beta Cluster" and r[1] == "COORDINATES"]
    assert not [r for r in rels if r[1] == "PARTY_TO"]
    assert not [r for r in rels if r[1] == "PARTNER_IN" and r[0] in ("Epsilon Cluster", "Zeta Cluster", "Eta Cluster")]
    assert not [n for n in ents if "Maria Lopez" in n] and ents["Alpha Network"].label == "Organisation"
    assert not [f for f in facts if "come" in f[1]]
    assert not [n for n, e in ents.items() if e.label == "Event"]       # a council's 2024 budget is no event
