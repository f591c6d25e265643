"""Companies and consortia as unseen pages write them, on texts written for these tests
(2026-12-04, sixth round): a company named by a legal form with stops ("Sp. z o.o.", "s.r.o.");
a plural description that opens a list ("the Polish SMEs A and B") describes every item; "Korea"
is the Republic of Korea; a sentence that opens with its leader ("Led by A, it also includes B");
"P, led by A, gathers B" (B leads nothing); "It is carried out with …" after a project named in the
sentence before (not the page's main partnership); a paragraph that counts a consortium's partners
before describing them; a network page's "Members" heading."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name


def test_a_legal_form_with_stops_ends_a_companys_name():
    ents, _, _ = text_by_name("Partner news\n\nNavCom Offshore Sp. z o.o. and Ostrava Drives s.r.o. joined the "
                              "mission, with Ljubljana Robotics d.o.o. from Slovenia.")
    assert {"NavCom Offshore Sp. z o.o.", "Ostrava Drives s.r.o.", "Ljubljana Robotics d.o.o."} <= set(ents)


def test_a_plural_description_describes_every_listed_company():
    ents, rels, _ = text_by_name("Mission news\n\nAmong them were the Polish SMEs Baltic Steel Works Sp. z o.o. "
                                 "and NavCom Offshore Sp. z o.o., and the German SMEs HydroSense GmbH and "
                                 "Wattwerk GmbH.")
    for name, country in (("Baltic Steel Works Sp. z o.o.", "PL"), ("NavCom Offshore Sp. z o.o.", "PL"),
                          ("HydroSense GmbH", "DE"), ("Wattwerk GmbH", "DE")):
        assert ents[name].label == "SME" and ents[name].country == country, name
        assert not any(a.startswith("SME") for a in ents[name].aliases)


def test_korea_in_a_name_places_the_body_in_the_republic_of_korea():
    ents, rels, _ = text_by_name("Mission news\n\nThe mission was prepared with the Korea Trade-Investment "
                                 "Promotion Agency (KOTRA) and met Korean battery makers.")
    assert ents["Korea Trade-Investment Promotion Agency"].country == "KR"


def test_a_sentence_opening_with_its_leader_names_the_partners():
    _, rels, _ = text_by_name("Baltic Sea Food Partnership starts its second year\n\n"
                              "The Baltic Sea Food Partnership started its second year. Led by the Danish cluster "
                              "Food Valley Aarhus, it also includes the Polish Pomeranian Food Cluster.")
    assert ("Food Valley Aarhus", "COORDINATES", "Baltic Sea Food Partnership") in rels
    assert ("Polish Pomeranian Food Cluster", "PARTNER_IN", "Baltic Sea Food Partnership") in rels


def test_the_partners_after_led_by_lead_nothing():
    _, rels, _ = text_by_name("Cluster news\n\nThe Alpine Hydrogen Partnership, led by Energie Cluster Tirol, "
                              "gathers Nordic Wind Cluster and FlowTech Flanders.")
    assert ("Energie Cluster Tirol", "COORDINATES", "Alpine Hydrogen Partnership") in rels
    assert ("Nordic Wind Cluster", "PARTNER_IN", "Alpine Hydrogen Partnership") in rels
    assert not any(t == "COORDINATES" and s in ("Nordic Wind Cluster", "FlowTech Flanders") for s, t, _ in rels)


def test_it_is_the_project_named_just_before_not_the_pages_main_one():
    text = ("Alpine Hydrogen Partnership: news\n\n"
            "The Alpine Hydrogen Partnership met in Graz. The Alpine Hydrogen Partnership welcomed two new clusters.\n\n"
            "The Silesian Energy Cluster has also been confirmed as coordinator of GRID-Skills, a two-year project. "
            "It is carried out with the Slovak cluster Energeticky Klaster Kosice and the Hungarian Danube Solar "
            "Cluster.")
    _, rels, _ = text_by_name(text)
    assert ("Silesian Energy Cluster", "COORDINATES", "GRID-Skills") in rels
    assert ("Energeticky Klaster Kosice", "PARTNER_IN", "GRID-Skills") in rels
    assert ("Energeticky Klaster Kosice", "PARTNER_IN", "Alpine Hydrogen Partnership") not in rels


def test_a_paragraph_counting_the_partners_names_them():
    text = ("The RE-WOOL project starts\n\n"
            "The RE-WOOL project was launched in Ghent in January.\n\n"
            "The consortium brings together five partners from four countries. The research side is represented "
            "by the Ghent Textile Institute and the Technical University of Brno. Industrial partners are the "
            "spinning mill Filatura Alpina and the Danish consultancy WoolWorks ApS, which will lead "
            "communication. The fifth partner, Flanders Textile Cluster, coordinates the project.")
    _, rels, _ = text_by_name(text)
    partners = {s for s, t, o in rels if t == "PARTNER_IN" and o == "RE-WOOL"}
    assert {"Ghent Textile Institute", "Technical University of Brno", "Flanders Textile Cluster"} <= partners


def test_a_network_pages_members_heading_lists_its_members():
    text = ("Danube Cluster Network\n\nThe Danube Cluster Network brings together cluster organisations of the "
            "Danube region.\n\n## Members\n\n- Alpha Wood Cluster (Austria)\n- Beta Food Cluster (Hungary)\n"
            "- Gamma ICT Cluster (Serbia)\n")
    _, rels, _ = text_by_name(text, "page.md")
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Danube Cluster Network"}
    assert members == {"Alpha Wood Cluster", "Beta Food Cluster", "Gamma ICT Cluster"}
    assert not any(t == "PARTNER_IN" for _, t, _ in rels)


def test_meetings_assemblies_and_webinars_are_events_named_in_the_texts_words():
    ents, _, _ = text_by_name("Network news\n\nThe partners met at the kick-off meeting in Essen in March 2025. In May "
                              "the network held its general assembly in Brussels. A webinar on digital product "
                              "passports for textiles took place online.")
    events = {n for n, e in ents.items() if e.label == "Event"}
    assert {"kick-off meeting in Essen", "general assembly in Brussels",
            "webinar on digital product passports for textiles"} <= events


def test_a_lone_acronym_the_text_makes_a_body_is_one():
    ents, _, _ = text_by_name("Workshop report\n\nThe workshop was opened by the minister of the Moroccan MESRSFC "
                              "and hosted by CNRST in Rabat. Agencies from Portugal (ADRAVE from Lisbon) took part. "
                              "The partnership runs under COSME.")
    assert ents["MESRSFC"].country == "MA" and ents["ADRAVE"].country == "PT"
    assert ents["CNRST"].label == "Organisation"
    assert "COSME" not in ents or ents["COSME"].label == "Programme"


def test_a_list_line_name_dash_country_places_the_name():
    ents, _, _ = text_by_name("Project fact sheet\n\nPartners:\n  Plastiwin Cluster (PWC) – Belgium – coordinator\n"
                              "  Polymeris Atlantique – France\n  Hellenic Packaging Innovation Cluster – Greece\n")
    assert ents["Polymeris Atlantique"].country == "FR"
    assert ents["Plastiwin Cluster"].country == "BE" and "PWC" in ents["Plastiwin Cluster"].aliases


def test_from_a_country_after_a_bracketed_acronym_places_the_body():
    ents, _, _ = text_by_name("News\n\nThe research side includes the Institute for Circular Materials (ICM) from "
                              "Germany.")
    assert ents["Institute for Circular Materials"].country == "DE"
    assert "Institute" not in ents


def test_a_forum_held_in_a_city_is_placed_there():
    ents, _, _ = text_by_name("News\n\nThe partners signed a Memorandum of Understanding on Tuesday at the "
                              "Ghana–EU Agribusiness Forum in Accra, alongside the 8th Saigon Industrial "
                              "Automation Fair.")
    assert ents["Ghana–EU Agribusiness Forum"].country == "GH"
    assert ents["8th Saigon Industrial Automation Fair"].country == "VN"


def _html(markup: str):
    """Entities and relations by name of an HTML page read as the product reads it."""
    from clusternet.ingest.extract import extract_text
    from clusternet.ingest.sources.readers import read_document
    import tempfile
    from pathlib import Path

    from tests.helpers.extracted import by_name

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "page.html"
        path.write_text(markup, encoding="utf-8")
        return by_name(extract_text(read_document(path)))


_MEMBERS_PAGE = """<html><body><nav><a href="/">Home</a></nav><main>
<h1>{name}: our members</h1>
<p>The {name} brings together wood and furniture clusters of the Danube region. Its project DANUBE-SKILLS
trains 300 workers.</p>
<h2>Members</h2>
<h3>Austria</h3><ul><li>Holzcluster Steiermark</li></ul>
<h3>Serbia</h3><ul><li>Furniture Cluster Nis</li><li>Vojvodina Wood Cluster</li></ul>
<h2>Observers</h2><ul><li>Danube Chamber of Commerce (Austria)</li></ul>
</main></body></html>"""


def test_a_network_pages_members_grouped_by_country_are_its_members_in_those_countries():
    ents, rels, _ = _html(_MEMBERS_PAGE.format(name="Danube Wood Cluster Network"))
    members = {s for s, t, o in rels if t == "MEMBER_OF" and o == "Danube Wood Cluster Network"}
    assert members == {"Holzcluster Steiermark", "Furniture Cluster Nis", "Vojvodina Wood Cluster"}
    assert ents["Furniture Cluster Nis"].country == "RS" and ents["Holzcluster Steiermark"].country == "AT"


def test_an_alliance_whose_members_a_page_lists_is_a_network_not_a_partnership():
    ents, rels, _ = _html(_MEMBERS_PAGE.format(name="Danube Wood Alliance"))
    assert ents["Danube Wood Alliance"].label == "Organisation"
    assert ("Vojvodina Wood Cluster", "MEMBER_OF", "Danube Wood Alliance") in rels
    assert not any(t == "PARTNER_IN" for _, t, _ in rels)


def test_a_members_sections_prose_is_not_a_list_of_members():
    _, rels, _ = text_by_name("MedTech Bridge report\n\nMedTech Bridge is a partnership led by BioConnect Ireland. "
                              "It includes Health Cluster Portugal.\n\n3. Members and network\n\nHealth Cluster "
                              "Portugal is a member of the Portuguese Council of Clusters. BioConnect Ireland is a "
                              "founding member of the Atlantic Health Network.\n")
    assert ("Health Cluster Portugal", "MEMBER_OF", "Atlantic Health Network") not in rels


def test_partnerships_named_after_an_escp_4i_or_a_plural_type_noun():
    ents, _, _ = text_by_name("Consortium news\n\nIt was selected under the COSME programme (ESCP-4i AdPack and EnW). "
                              "The projects AquaNet and BlueMed started in 2019.")
    assert all(ents[n].label == "Partnership" for n in ("AdPack", "EnW", "AquaNet", "BlueMed"))


def test_a_field_label_or_the_next_line_after_a_type_noun_is_no_partnership():
    ents, _, _ = text_by_name("**ESCP-4x Name and acronym:** *Harvest Bridge (HARBRI)*\n\n"
                              "Cooperation in cooperative partnerships\nImplementation period\nScope of work\n")
    assert "Name" not in ents and "Implementation" not in ents


def test_an_alliance_the_text_speaks_of_the_members_of_is_a_network():
    ents, rels, _ = text_by_name("Nordic news\n\nThe Nordic Food Alliance gathers Alpha Food Cluster, Beta Dairy "
                                 "Cluster and Gamma Grain Cluster. The members of the Nordic Food Alliance met in May.")
    assert ents["Nordic Food Alliance"].label == "Organisation"
    assert ("Beta Dairy Cluster", "MEMBER_OF", "Nordic Food Alliance") in rels
    assert not any(t == "PARTNER_IN" for _, t, _ in rels)


def test_a_list_a_line_says_are_a_networks_partners_are_its_members():
    _, rels, _ = text_by_name("Network news\n\nThe Nordic Food Network was founded in 2015.\n\n"
                              "The Nordic Food Network brings together these partner clusters:\n"
                              "- Alpha Food Cluster (Norway)\n- Beta Dairy Cluster (Sweden)\n", "page.md")
    assert ("Alpha Food Cluster", "MEMBER_OF", "Nordic Food Network") in rels
    assert not any(t == "PARTNER_IN" for _, t, _ in rels)


def test_agreements_of_cooperation_strategic_agreements_and_cooperation_arrangements():
    ents, rels, _ = text_by_name("Agreements\n\nThe Catalan Water Cluster has signed an agreement of cooperation with "
                                 "the Colombian Water Association. Alpha Marine Cluster and Beta Port Cluster signed a "
                                 "strategic agreement in Tunis. The EU and the US concluded the EU-US Cooperation "
                                 "Arrangement on Clusters in 2016.")
    agreements = {n for n, e in ents.items() if e.label == "Agreement"}
    assert {"agreement of cooperation", "strategic agreement", "EU-US Cooperation Arrangement on Clusters"} <= agreements
    assert ("Colombian Water Association", "PARTY_TO", "agreement of cooperation") in rels
