"""Names, organisers and fact-sheet figures as a strategy team's pages write them.

Each text is written here for the check (no corpus page is copied): a fact sheet copied out of a
two-column layout, a mission named with its destination, a body whose members are companies,
a chain of organisers, a person's role before the body's name, a described cluster in a list.
"""
from __future__ import annotations

from extracted import text_by_name as _ex


def test_a_fact_sheets_budget_fields_are_the_projects_figures_even_when_labels_and_values_are_stacked():
    sheet = ("Full name: Smart Harbour Cooperation in the Baltic Sea\n"
             "Priority: Innovation\n"
             "Total budget:\n"
             "ERDF contribution:\n"
             "€ 2.358.494,68\n"
             "€ 1.112.940,82\n\n"
             "The project gathers seven partners.\n")
    _, _, facts = _ex(sheet)
    project = "Smart Harbour Cooperation in the Baltic Sea"
    assert (project, "Total budget (EUR)", 2358494.68) in facts
    assert (project, "ERDF contribution (EUR)", 1112940.82) in facts
    # each value is read once, under its own label: no figure hangs on the programme
    assert not {f for f in facts if f[0] == "ERDF"}


def test_a_one_line_field_is_a_figure_but_an_identifier_or_a_year_is_not():
    _, _, facts = _ex("Full name: Alpine Wood Cluster Cooperation\n"
                      "Total budget: EUR 1,250,000\n"
                      "Partners: 6\n"
                      "Project ID: 4512\n"
                      "Start year: 2021\n")
    project = "Alpine Wood Cluster Cooperation"
    assert {(m, v) for s, m, v in facts if s == project} == {("Total budget (EUR)", 1250000), ("Partners", 6)}


def test_a_named_mission_keeps_its_destination_and_a_two_word_head_names_an_event():
    ents, rels, facts = _ex("The Agri SME Mission to Vietnam left on 3 May.\n\n"
                            "On 2 June, 35 clusters travelled to Tallinn to participate in the Baltic Cluster Meet Up 2023 "
                            "hosted by Alpha Network.\n")
    assert ents["Agri SME Mission to Vietnam"].label == "Event"
    assert ents["Baltic Cluster Meet Up 2023"].label == "Event"
    assert ("Alpha Network", "COORDINATES", "Baltic Cluster Meet Up 2023") in rels
    assert [m for s, m, v in facts if s == "Baltic Cluster Meet Up 2023" and v == 35 and m.startswith("clusters")]
    assert not [f for f in facts if f[2] == 3]      # "on 3 May" and "on 2 June" are dates, not counts


def test_a_partnership_whose_members_are_companies_is_a_cluster_they_are_members_of():
    ents, rels, _ = _ex("The Danube Water Partnership (DWP) organised a mission in Serbia.\n\n"
                        "Six companies that are part of the DWP took part. The DWP members were "
                        "Alpha Pumps, Beta Filters and Gamma Hydro.\n")
    assert ents["Danube Water Partnership"].label == "Cluster"
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Danube Water Partnership"}
    assert {"Alpha Pumps", "Beta Filters", "Gamma Hydro"} <= members
    assert not {r for r in rels if r[1] == "PARTNER_IN"}


def test_organisers_chained_by_facilitated_by_and_in_collaboration_with_all_coordinate_the_event():
    _, rels, _ = _ex("The Atlantic Cluster Matchmaking Event organised in Porto on 4 May 2024 by the Alpha Agency "
                     "and the U.S. Bureau of Trade, and facilitated by the Beta Platform in collaboration with the "
                     "Gamma Network, was a great success for EU clusters.\n")
    organisers = {s for s, t, o in rels if t == "COORDINATES" and o == "Atlantic Cluster Matchmaking Event"}
    assert {"Alpha Agency", "Beta Platform", "Gamma Network"} <= organisers
    assert "European Union" not in organisers


def test_a_persons_role_is_no_part_of_the_bodys_name_and_a_short_form_is_the_same_body():
    ents, _, _ = _ex("The agreement was signed by Dr. Anna Berg, CEO of NovaBio Cluster Management GmbH, and "
                     "by the Director of the Nordic Bureau of Cluster Studies. NovaBio has led 8 missions to Japan.\n")
    assert "NovaBio Cluster Management GmbH" in ents and "Nordic Bureau of Cluster Studies" in ents
    assert not [n for n in ents if n.startswith(("CEO of", "Director of"))]
    assert "NovaBio" not in ents     # the short form is the same body, not a second one


def test_a_described_cluster_in_a_list_is_named_without_its_description_and_keeps_its_country():
    ents, _, _ = _ex("Our president met several partners, including the Italian ICT Smart Valley cluster "
                     "and the Lumen Photonics Cluster.\n")
    assert "Smart Valley" in ents and ents["Smart Valley"].country == "IT"
    assert not [n for n in ents if n.startswith("Italian")]


def test_a_partnership_named_after_its_type_noun_is_funded_coordinated_and_gathers_its_partners():
    ents, rels, _ = _ex("The cluster's ESCP, NORTH-LINK, is funded by the COSME programme. NORTH-LINK is coordinated by "
                        "Tallinn Wood Cluster and brings together Lyon Timber Cluster (France) and Porto Forest Cluster "
                        "(Portugal).\n")
    assert ents["NORTH-LINK"].label == "Partnership"
    assert ("NORTH-LINK", "FUNDED_BY", "COSME") in rels
    assert ("Tallinn Wood Cluster", "COORDINATES", "NORTH-LINK") in rels
    assert {"Lyon Timber Cluster", "Porto Forest Cluster"} <= {s for s, t, o in rels if t == "PARTNER_IN" and o == "NORTH-LINK"}


def test_the_pages_cluster_joining_a_network_unnamed_and_its_member_companies_with_legal_forms():
    ents, rels, _ = _ex("Tartu Agrifood Cluster grows\n\nTartu Agrifood Cluster welcomed new members in 2024. Earlier this "
                        "year the cluster also joined the Enterprise Europe Network. Among the members of the Tartu "
                        "Agrifood Cluster are Piim Systems OÜ and Grain Data AS.\n")
    assert ("Tartu Agrifood Cluster", "MEMBER_OF", "Enterprise Europe Network") in rels
    assert ents["Piim Systems OÜ"].label == "Organisation"
    assert {("Piim Systems OÜ", "MEMBER_OF", "Tartu Agrifood Cluster"),
            ("Grain Data AS", "MEMBER_OF", "Tartu Agrifood Cluster")} <= rels


def test_signatories_around_a_description_and_a_body_named_only_by_its_presidents_title():
    ents, rels, _ = _ex("Bilbao, 5 June 2023. Hegan, the Basque Aerospace Cluster, and Aero Quebec signed a Memorandum of "
                        "Understanding. The MoU was signed by Ana Ruiz, general manager of Hegan, and Marc Roy, "
                        "president of Aero Quebec.\n")
    assert "Aero Quebec" in ents and "Ana Ruiz" not in ents and "Marc Roy" not in ents
    agreements = [n for n, e in ents.items() if e.label == "Agreement"]
    assert len(agreements) == 1     # "the MoU" is the same memorandum
    assert {s for s, t, o in rels if t == "PARTY_TO"} == {"Hegan", "Aero Quebec"}


def test_a_count_followed_by_a_clause_keeps_its_measure_short():
    _, _, facts = _ex("Atlantic MedTech Mission 2022\n\nA delegation of 18 Irish medtech companies, led by Enterprise "
                      "Ireland, visited Boston for the Atlantic MedTech Mission 2022.\n")
    assert [m for s, m, v in facts if v == 18] == ["Irish medtech companies in the delegation"]


def test_what_a_partnership_is_described_as_is_no_second_partnership():
    ents, rels, facts = _ex("GreenWall Alliance ESCP\n\nGreenWall Alliance is a European Strategic Cluster Partnership for "
                            "Going International (ESCP-4i) supported by COSME. The partnership is led by Construction "
                            "Cluster Namur (Belgium) and includes Cluster Habitat Lyon (France) and Bygg Cluster Malmo "
                            "(Sweden). Together the three clusters represent more than 900 SMEs.\n")
    strand = ents.get("European Strategic Cluster Partnership for Going International")
    assert strand is None or strand.label == "Programme"     # the EU action it belongs to, as the dev gold has it
    assert [e.name for e in ents.values() if e.label == "Partnership"] == ["GreenWall Alliance"]
    assert {s for s, t, o in rels if t == "PARTNER_IN" and o == "GreenWall Alliance"} >= {"Cluster Habitat Lyon",
                                                                                          "Bygg Cluster Malmo"}
    assert ("GreenWall Alliance", "SMEs represented by the three clusters (more than)", 900) in facts


def test_co_organisers_coordinate_the_event_and_do_not_also_attend_it_and_its_length_is_no_count():
    _, rels, facts = _ex("Smart Fibre Matchmaking 2023\n\nMore than 150 participants attended the Smart Fibre Matchmaking "
                         "2023 organised by the Baltic Textile Cluster Network. The event was co-organised with the "
                         "Enterprise Europe Network. Over two days, the participants held 320 bilateral meetings.\n")
    event = "Smart Fibre Matchmaking 2023"
    assert {s for s, t, o in rels if t == "COORDINATES" and o == event} == {"Baltic Textile Cluster Network",
                                                                           "Enterprise Europe Network"}
    assert not {s for s, t, o in rels if t == "PARTICIPATED_IN"}
    assert {v for s, m, v in facts if not m.startswith("duration")} == {150, 320}
    assert (event, "duration (days)", 2) in facts       # "Over two days": the event's length (twenty-fourth round)


def test_two_names_joined_by_and_are_two_bodies():
    ents, _, _ = _ex("In the project, Alfa Wood Cluster works together with Nordic Timber Cluster and Forest Valley Estonia.\n")
    assert {"Nordic Timber Cluster", "Forest Valley Estonia"} <= set(ents)
    assert not [n for n in ents if " and " in n]


def test_the_page_project_budget_financed_by_a_fund_and_an_event_organised_by_it():
    _, rels, _ = _ex("SEAPORT-NET\n\nSEAPORT-NET is an Interreg project on port clusters. Total project budget is "
                     "€ 1,200,000, of which € 900,000 financed by the ERDF.\n\n"
                     "The Baltic Port Cluster Matchmaking Event will take place in Gdansk on 4 May 2025. It is organised "
                     "by the Pomeranian Development Agency and the Baltic Ports Organisation.\n")
    assert ("SEAPORT-NET", "FUNDED_BY", "ERDF") in rels
    assert {s for s, t, o in rels if t == "COORDINATES"} == {"Pomeranian Development Agency", "Baltic Ports Organisation"}


def test_a_continent_adjective_before_cluster_is_no_cluster_name():
    ents, _, _ = _ex("Up to 25 European cluster organisations will join the Alfa Mission 2025.\n")
    assert "European cluster" not in ents


def test_a_partnership_introduced_by_what_it_is_gathers_partners_listed_with_their_countries():
    _, rels, _ = _ex("Five clusters have launched FISH-ASIA, a European Strategic Cluster Partnership that will help "
                     "SMEs reach Japan. The partnership brings together Aquapole from France, Sea Valley NL from the "
                     "Netherlands, Polish Fish Cluster from Poland and Baltic Fish Cluster from Estonia. FISH-ASIA is "
                     "coordinated by Aquapole and receives EUR 500,000 from the Single Market Programme.\n")
    partners = {s for s, t, o in rels if t == "PARTNER_IN" and o == "FISH-ASIA"}
    assert partners == {"Aquapole", "Sea Valley NL", "Polish Fish Cluster", "Baltic Fish Cluster"}
    assert ("Aquapole", "COORDINATES", "FISH-ASIA") in rels
    assert ("FISH-ASIA", "FUNDED_BY", "Single Market Programme") in rels


def test_eu_as_an_adjective_is_no_entity_but_the_union_that_funds_is():
    ents, _, _ = _ex("The EU Delegation met EU clusters at the Alfa Forum 2024 in Lima.\n")
    assert "European Union" not in ents
    ents, rels, _ = _ex("The Beta Link project is co-funded by the EU.\n")
    assert "European Union" in ents


def test_a_visit_takes_place_where_the_page_is_not_where_the_visitors_come_from():
    ents, _, facts = _ex("Ljubljana, 8 September 2023. BioValley Slovenia welcomed a delegation of 12 Korean biotech "
                         "companies led by the Korea Health Industry Development Institute. The delegation visited the "
                         "National Institute of Chemistry and met Slovenian SMEs.\n")
    assert ents["National Institute of Chemistry"].country == "SI"
    assert [m for s, m, v in facts if v == 12] == ["Korean biotech companies in the delegation"]


def test_companies_named_after_a_colon_that_joined_a_cluster_are_its_members():
    _, rels, _ = _ex("New members\n\nThree companies joined Arctic Maritime Cluster this quarter: Fjord Sensors AS, "
                     "Oceanlab and Bergen Marine Robotics.\n")
    assert {s for s, t, o in rels if t == "MEMBER_OF" and o == "Arctic Maritime Cluster"} == {
        "Fjord Sensors AS", "Oceanlab", "Bergen Marine Robotics"}


def test_a_newsletters_items_keep_to_themselves_and_a_partner_in_a_relative_clause_counts():
    _, rels, _ = _ex("Newsletter, spring 2024\n\n1. Trade mission to Chile\nEight members travelled to Santiago "
                     "with Innovation Norway.\n\n2. Horizon Europe success\nThe BLUE-WAVE consortium, in which Arctic "
                     "Maritime Cluster is a partner, was selected by Horizon Europe.\n")
    assert ("Arctic Maritime Cluster", "PARTNER_IN", "BLUE-WAVE") in rels
    assert not [r for r in rels if r[1] == "TARGETS"]     # Chile was another item's market
