"""Whose countries a count of countries counts, names with one more topic, towns with a province
code, partners who met (2026-12-06, sixteenth round).

"Participants: 212 from 9 countries" counts the participants' countries, in the text's own
language ("pays des participants"); a measure never ends on a Romance "of" ("espositori da");
"… on Bioeconomy" in a headline and "… on Bioeconomy and Bio-based Materials" in the text are one
event; "Curitiba (PR)" is a town in Paraná, Brazil, not Puerto Rico; "the partners met at the
kick-off meeting" makes each partner a participant. Every text here is written for the check; no
corpus page is copied."""
from __future__ import annotations

import pytest

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from tests.helpers.extracted import text_by_name


@pytest.mark.parametrize("text, value, measure", [
    ("Cluster factsheet\n\nAlder Valley Supplier Day – yearly matchmaking of suppliers, organised by the cluster.\n"
     "Last edition: Alder Valley Supplier Day 2024, 7 November 2024, Zilina\n  Participants: 212 from 9 countries\n"
     "  B2B meetings: 286\n", 9, "countries of the participants"),
    ("Alder Valley Supplier Day 2025\n\nThe Alder Valley Supplier Day 2025 gathered 340 participants coming "
     "from 14 countries.\n", 14, "countries of the participants"),
    ("Rencontres Alpines du Bois 2025\n\nLes Rencontres Alpines du Bois 2025 ont réuni 340 participants venus "
     "de 19 pays.\n", 19, "pays des participants"),
    ("Fiera Meccanica Adriatica 2024\n\nLa Fiera Meccanica Adriatica 2024 ha accolto 412 espositori da 16 "
     "paesi.\n", 16, "paesi dei espositori"),
])
def test_a_count_of_countries_says_whose_countries(text, value, measure):
    _, _, facts = text_by_name(text)
    assert measure in {m for _, m, v in facts if v == value}, sorted(facts)


def test_a_measure_does_not_end_on_a_romance_of():
    text = "Fiera Meccanica Adriatica 2024\n\nLa Fiera Meccanica Adriatica 2024 ha accolto 412 espositori da 16 paesi.\n"
    _, _, facts = text_by_name(text)
    assert {m for _, m, v in facts if v == 412} == {"espositori"}, sorted(facts)


def test_a_headline_name_and_its_fuller_form_with_and_are_one_event():
    full = "Baltic–Andes Online Matchmaking on Forestry and Wood Construction"
    text = (f"Baltic–Andes Online Matchmaking on Forestry: 190 meetings\n\n"
            f"Clusters from both regions met on screen for the **{full}**, held on 3-4 June 2025. The "
            "Baltic–Andes Online Matchmaking on Forestry gathered 120 participants.\n")
    x = extract_text(document_from_text(text, name="page.md")).as_dict()
    events = [e for e in x["entities"] if e["label"] == "Event"]
    assert len(events) == 1 and full in [events[0]["name"], *events[0].get("aliases", [])], events
    assert 120 in [f["value"] for f in x["facts"] if f["subject"] == events[0]["id"]], x["facts"]


def test_a_second_body_after_and_of_the_stays_apart():
    text = ("Adriatic Tourism Declaration\n\nThe declaration was signed in the presence of the Croatian Ministry "
            "of Tourism and of the Slovenian Ministry of Tourism, and of the Croatian Ministry of Tourism alone "
            "afterwards.\n")
    ents, _, _ = text_by_name(text)
    assert "Croatian Ministry of Tourism" in ents, sorted(ents)


@pytest.mark.parametrize("town, province, country, wrong", [
    ("Curitiba", "PR", "BR", "PR"),      # Paraná, not Puerto Rico
    ("Turin", "TO", "IT", "TO"),         # the metropolitan city of Turin, not Tonga
])
def test_a_province_code_after_a_town_is_not_a_country(town, province, country, wrong):
    text = (f"Mission programme\n\nOn Wednesday the delegation travelled to {town} ({province}) to visit the "
            "headquarters of the Cluster of Farm Machinery Makers.\n")
    ents, _, _ = text_by_name(text)
    countries = {e.country for e in ents.values() if e.label == "Country"}
    assert wrong not in countries and country in countries, sorted(countries)


def test_a_country_code_after_a_town_of_that_country_stays_a_country():
    text = "Partners\n\nThe Lyon Textile Cluster from Lyon (FR) leads the project.\n"
    ents, _, _ = text_by_name(text)
    assert "FR" in {e.country for e in ents.values() if e.label == "Country"}, sorted(ents)


def test_the_partners_who_met_at_a_meeting_took_part_in_it():
    text = ("Partners | TIMBERWAVE\n\nTIMBERWAVE is a European Strategic Cluster Partnership co-funded by the "
            "Single Market Programme.\n\nOur partners\n\n- Holzbau Cluster Kärnten (Austria)\n"
            "- Tampere Wood Cluster (Finland)\n- Podlasie Furniture Cluster (Poland)\n\n"
            "The partners met for the first time at the kick-off meeting in Klagenfurt on 6-7 February 2024.\n")
    ents, rels, _ = text_by_name(text)
    event = next((n for n, e in ents.items() if e.label == "Event"), None)
    assert event is not None, sorted(ents)
    for partner in ("Tampere Wood Cluster", "Podlasie Furniture Cluster"):
        assert (partner, "PARTICIPATED_IN", event) in rels, sorted(rels)


def test_a_legal_form_written_without_dots_places_a_company():
    ents, _, _ = text_by_name("News\n\nThe delegation then met Deccan Survey Pvt Ltd.\n")
    assert ents["Deccan Survey Pvt Ltd"].country == "IN", sorted((n, e.country) for n, e in ents.items())


def test_a_region_the_text_states_beats_the_country_a_legal_form_gives():
    text = ("Study tour\n\nOn the second day the group visited companies in Gelderland: Veluwe Dairy Foods B.V. "
            "and Rijnkaas Ingredients B.V.\n")
    _, rels, _ = text_by_name(text)
    assert ("Veluwe Dairy Foods B.V.", "LOCATED_IN", "Gelderland") in rels, sorted(rels)


def test_a_visit_takes_the_place_named_just_before_it_not_an_earlier_event():
    text = ("Cluster newsletter\n\nIn March our members exhibited at the Iberian Dairy Expo 2024 in Madrid (Spain).\n\n"
            "From 5 to 6 April a delegation of a Tunisian pole spent two days in Thessaly (Greece). The visitors "
            "were received in Larissa and visited two member companies, Olympos Dairy SA and the Karditsa "
            "Organic Cooperative.\n")
    ents, _, _ = text_by_name(text)
    assert ents["Olympos Dairy SA"].country == "GR", sorted((n, e.country) for n, e in ents.items())


def test_a_one_word_name_and_the_same_word_with_cluster_are_one_body():
    text = ("# TIMBERWAVE partners\n\n### Sylvanor Cluster\n**Graz, Styria (AT)**\n\nSylvanor is the forest-based "
            "industries cluster of Styria and the lead partner of TIMBERWAVE.\n")
    ents, _, _ = text_by_name(text, "page.md")
    names = sorted(n for n, e in ents.items() if n.startswith("Sylvanor"))
    assert len(names) == 1, names


def test_a_line_of_places_under_a_partners_name_gives_its_region():
    text = ("# Partners\n\n### Sylvanor Cluster\n**Graz, Styria (AT)** · www.sylvanor.example\n\n"
            "Sylvanor counts 212 members.\n\n| Partner | Country |\n|---|---|\n| Sylvanor Cluster | Austria |\n")
    _, rels, _ = text_by_name(text, "page.md")
    assert ("Sylvanor Cluster", "LOCATED_IN", "Styria") in rels, sorted(rels)


def test_a_member_cue_wrapped_onto_a_second_line_still_heads_its_list():
    text = ("ALPHA NEWS\n\nNewsletter of the Moravian Mechatronics Cluster, No. 4/2025\n\n3. FOUR NEW MEMBERS\n\n"
            "On its October meeting the board of the Moravian Mechatronics Cluster approved two new\nmembers:\n\n"
            "  - TechnoCast s.r.o. (Zlin)\n  - Rotorsys a.s. from Olomouc, producer of servo drives\n")
    _, rels, _ = text_by_name(text)
    for member in ("TechnoCast s.r.o.", "Rotorsys a.s."):
        assert (member, "MEMBER_OF", "Moravian Mechatronics Cluster") in rels, sorted(rels)


def test_klynge_is_a_cluster_and_a_place_after_on_the_is_no_part_of_an_event_name():
    text = ("News\n\nOn 6 November, Oceanis hosted the BlueBridge Brokerage Days on the Aveiro waterfront, in "
            "collaboration with Havkraft Klynge from Norway.\n")
    ents, _, _ = text_by_name(text)
    assert ents["Havkraft Klynge"].label == "Cluster", sorted((n, e.label) for n, e in ents.items())
    assert not any("Aveiro" in n for n, e in ents.items() if e.label == "Event"), sorted(ents)


def test_thousands_set_apart_by_spaces_are_one_number_and_a_postcode_no_count():
    text = ("Actualités\n\nLe cluster Sylvabois coordonne WoodLink. Avec un budget de 870 000 euros, Sylvabois et ses "
            "partenaires accompagnent 3 100 entreprises.\n\nContact : Technická 12, 616 00 Brno\n")
    _, _, facts = text_by_name(text)
    values = {v for _, _, v in facts}
    assert {870000, 3100} <= values and 0 not in values, sorted(facts)


def test_an_amount_named_by_the_money_noun_after_it():
    text = ("H2 Ridge Connect partnership\n\nH2 Ridge Connect is a European Strategic Cluster Partnership. Its total "
            "budget is EUR 1,150,000, of which EUR 920,000 is the EU grant.\n")
    _, _, facts = text_by_name(text)
    assert ("H2 Ridge Connect", "EU grant (EUR)", 920000) in facts, sorted(facts)


def test_people_a_body_employs_are_counted_as_employed():
    _, _, facts = text_by_name("About\n\nThe Drava Cluster connects 68 members, which are employing about 9,300 people.\n")
    assert ("Drava Cluster", "people employed (about)", 9300) in facts, sorted(facts)


def test_a_pronoun_subject_mid_sentence_takes_the_count_not_a_name_after_it():
    text = ("About AgroLink\n\nAgroLink is the farm machinery cluster of Piedmont. Founded in 2009 and based in Turin, it "
            "gathers 148 members and is a member of RICAT, the Italian Network of Agri-Tech Clusters.\n")
    _, _, facts = text_by_name(text)
    assert [s for s, _, v in facts if v == 148] == ["AgroLink"], sorted(facts)


def test_a_part_counted_with_of_them_after_its_number():
    text = ("Atlantic AgriTech Cluster news\n\nWith these arrivals the Atlantic AgriTech Cluster now counts **97 members, "
            "71 of them SMEs**, alongside research bodies.\n")
    _, _, facts = text_by_name(text, "page.md")
    assert ("Atlantic AgriTech Cluster", "SMEs among the members", 71) in facts, sorted(facts)


@pytest.mark.parametrize("text, measure", [
    ("AQUALINK\n\nAQUALINK is a European Strategic Cluster Partnership with a total budget of EUR 498,750 for a "
     "duration of 24 months.\n", "duration (months)"),
    ("Le partenariat BOISLINK\n\nLe partenariat BOISLINK dispose d'un budget de 870 000 euros pour une durée de "
     "24 mois.\n", "durée (mois)"),
])
def test_a_duration_of_months_is_a_figure_of_the_partnership(text, measure):
    _, _, facts = text_by_name(text)
    assert measure in {m for _, m, v in facts if v == 24}, sorted(facts)


def test_a_table_after_a_lead_in_about_the_delegation_is_the_missions():
    text = ("# News from the partnership\n\nFrom 16 to 20 March 2026 the HOMELINK-4i business mission to Australia "
            "took the European delegation to Sydney. HOMELINK-4i is a European Strategic Cluster Partnership.\n\n"
            "The delegation counted 26 SMEs and the managers of all five partner clusters. By country of origin the "
            "SMEs were divided like this:\n\n| Country | SMEs in the delegation |\n|---|---|\n| Italy | 8 |\n"
            "| Poland | 7 |\n")
    _, _, facts = text_by_name(text, "page.md")
    assert {s for s, _, v in facts if v in (7, 8)} == {"HOMELINK-4i business mission to Australia"}, sorted(facts)


def test_a_programmes_visit_with_no_visitor_named_is_the_hosted_delegations():
    text = ("STUDY VISIT | 09.10.2024\n\nHydrogen meets steel: Silesian delegation spends three days in Styria\n\n"
            "Graz - From 1 to 3 October 2024 the Styrian Materials Cluster hosted a delegation of 17 representatives of "
            "the Katowice Hydrogen Cluster from Katowice, Poland. The study visit was organised within the Interreg "
            "project H2STEEL.\n\nDay 2 - 2 October\n\nVisit to the Leoben Lightweight Centre, a research centre with a "
            "hydrogen test rig.\n")
    _, rels, _ = text_by_name(text)
    assert ("Katowice Hydrogen Cluster", "VISITED", "Leoben Lightweight Centre") in rels, sorted(rels)
    assert ("H2STEEL", "VISITED", "Leoben Lightweight Centre") not in rels, sorted(rels)



def test_companies_that_booked_meetings_listed_on_an_event_page_took_part():
    text = """<html><body><article>
<p class="kicker">EVENT REPORT</p>
<h1>Atlantic Brokerage Days 2024: 412 B2B meetings, one waterfront</h1>
<p>On 6 and 7 November 2024 the Aveiro Sea Cluster hosted the Atlantic Brokerage Days 2024 in Aveiro, with 238 registered participants.</p>
<h2>Who was at the tables</h2>
<p>A selection of the companies that booked ten meetings or more:</p>
<ul>
  <li>Nordvik Subsea AS – Bergen, Norway</li>
  <li>Kerlan Hydrolienne SAS — Brest, France</li>
</ul>
<p>On the afternoon of 7 November the partners visited the test basin of the Ilhavo Marine Research Centre.</p>
</article></body></html>
"""
    _, rels, _ = text_by_name(text, "page.html")
    for company in ("Nordvik Subsea AS", "Kerlan Hydrolienne SAS"):
        assert (company, "PARTICIPATED_IN", "Atlantic Brokerage Days 2024") in rels, sorted(rels)


def test_an_event_placed_by_a_town_in_its_sentence_is_located_in_that_country():
    text = ("Newsletter\n\nThe Alpine Timber Forum 2025 brought 300 wood companies to Innsbruck on 4 June.\n")
    ents, rels, _ = text_by_name(text)
    assert ents["Alpine Timber Forum 2025"].country == "AT", sorted((n, e.country) for n, e in ents.items())
    assert ("Alpine Timber Forum 2025", "LOCATED_IN", "Austria") in rels, sorted(rels)



def test_a_cluster_profiles_member_figures_are_the_clusters_not_an_alliance_it_is_in():
    text = """CLUSTER PROFILE
Danube Cyber Security Cluster (DCSC)

GENERAL DATA
Name of the cluster: Danube Cyber Security Cluster
Country: Romania

Short description: DCSC reunites the companies and universities working for a secure digital economy. DCSC is a member of the European Cyber Clusters Alliance and of the Danube Digital Alliance.

MEMBERS (situation at 31.12.2025)
Total number of members: 84
Persons employed by member companies: about 7,900

INTERNATIONAL
DCSC takes part in the European Cyber Clusters Alliance working groups. The European Cyber Clusters Alliance met in Cluj in 2025.
"""
    _, _, facts = text_by_name(text)
    assert ("Danube Cyber Security Cluster", "Total number of members", 84) in facts, sorted(facts)


def test_an_event_followed_by_to_a_country_goes_there_not_where_the_last_sentence_was():
    text = ("Newsletter\n\nFrom 3 to 6 September, a delegation of twelve SMEs travelled to Canada. The delegation "
            "visited the Ontario Agri-Food Network in Guelph. A second mission, to Japan, is planned for spring.\n")
    ents, _, _ = text_by_name(text)
    assert ents["second mission"].country == "JP", sorted((n, e.country) for n, e in ents.items())


@pytest.mark.parametrize("sentence, names", [
    ("The delegation visited Naniwa Components Co., Ltd. in Osaka.", ["Naniwa Components Co., Ltd."]),
    ("Partners include Mzansi Rail Signalling (Pty) Ltd and Umgeni Wagon Works (Pty) Ltd from Durban.",
     ["Mzansi Rail Signalling (Pty) Ltd", "Umgeni Wagon Works (Pty) Ltd"]),
    ("We met Frigoríficos Leça, Lda. and Calçados Caima, Lda. in Porto.",
     ["Calçados Caima, Lda.", "Frigoríficos Leça, Lda."]),
])
def test_company_names_with_legal_forms_pages_write(sentence, names):
    ents, _, _ = text_by_name("News\n\n" + sentence + "\n")
    companies = sorted(n for n, e in ents.items() if e.label in ("Organisation", "SME", "Partnership"))
    assert companies == names, companies


def test_an_event_named_after_a_is_still_an_event():
    text = ("News\n\nThe first joint event, a Floating Wind Supplier Day, is planned in Haugesund in October 2025.\n")
    ents, _, _ = text_by_name(text)
    assert "Floating Wind Supplier Day" in ents and ents["Floating Wind Supplier Day"].label == "Event", sorted(ents)
