"""Clusters called clusters, and consortium rosters read (issue 15, thirtieth round): a cluster's
name whose head is followed by a town or a country ("… Cluster Bosnia and Herzegovina", "…-Cluster
Pirmasens e.V.") or says "cluster" in Slovenian ("grozd") is a Cluster (before: an organisation);
a language named before a translated name ("in Slovenian Grozd …") is no part of a name; on a page
about a partnership of clusters, a partner named "… Network" or "… Hub" is a cluster, while a
university or a company stays an organisation; the last item of a bulleted roster is no
partnership because the next paragraph opens with "The project"; and a run of lines "Body
(Country) – Leader of WP4" lists the page's partnership's partners and its coordinator.
All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _read(text: str, name: str = "page.txt"):
    """(labels by name, relations as (source, type, target) names) the extractor gives for one text."""
    ex = extract_text(document_from_text(text, name=name))
    names = {e.id: e.name for e in ex.entities}
    rels = {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}
    return {e.name: e.label for e in ex.entities}, rels


def test_a_cluster_named_with_its_town_or_country_after_the_head_is_a_cluster():
    labels, _ = _read("The agreement was signed by the Furniture Cluster Bosnia and Herzegovina from Tuzla and by "
                      "Lederwaren-Cluster Pirmasens e.V. from Germany during the Leather Days in Sarajevo.")
    assert labels.get("Furniture Cluster Bosnia and Herzegovina") == "Cluster", labels
    assert any(n.startswith("Lederwaren-Cluster Pirmasens") and lab == "Cluster" for n, lab in labels.items()), labels


def test_a_slovenian_grozd_is_a_cluster_and_the_language_is_no_part_of_a_name():
    labels, _ = _read("The Koroska Metal Cluster – in Slovenian *Grozd kovinarjev Koroske* – was founded in 2011 "
                      "in Ravne na Koroskem.\n\nThe partners of the Wood Days:\n\n- Grozd lesnih tehnologij (Slovenia)\n"
                      "- Holzbau Netzwerk Kärnten (Austria)\n",
                      name="page.md")
    assert labels.get("Koroska Metal Cluster") == "Cluster", labels
    assert not any(n.startswith("Slovenian") for n in labels), labels
    assert labels.get("Grozd lesnih tehnologij") == "Cluster", labels


def test_a_network_partner_of_a_cluster_partnership_is_a_cluster_but_a_university_is_not():
    text = ("# SEAWEED-LINK partners\n\nSEAWEED-LINK is a European Strategic Cluster Partnership of five partner "
            "clusters.\n\n| Partner | Country | Role |\n|---|---|---|\n"
            "| Galway Algae Network | Ireland | Coordinator |\n| Bretagne Marine Hub | France | Partner |\n"
            "| Kelp Netzwerk Nord e.V. | Germany | Partner |\n| University of Tromsø Marine Lab | Norway | Partner |\n"
            "| Fjordtang Processing Oy | Finland | Partner |\n")
    labels, rels = _read(text, name="page.md")
    assert ("Galway Algae Network", "PARTNER_IN", "SEAWEED-LINK") in rels, rels
    for name in ("Galway Algae Network", "Bretagne Marine Hub", "Kelp Netzwerk Nord e.V."):
        assert labels.get(name) == "Cluster", (name, labels)
    assert labels.get("Fjordtang Processing Oy") != "Cluster", labels
    assert not any(n.startswith("University of Tromsø") and lab == "Cluster" for n, lab in labels.items()), labels


def test_the_last_item_of_a_roster_stays_a_partner_when_the_next_paragraph_speaks_of_the_project():
    text = ("# ALGAVAL project\n\nPartners\n\n- Kelpia (Ireland) – Coordinator\n- Marinova (Portugal) – Leader of WP2\n"
            "- ZOSTERA (Spain) – Leader of WP3\n\nThe project \"Algae Valorisation\" (ALGAVAL) is funded by COSME.\n")
    labels, _ = _read(text, name="page.md")
    assert labels.get("ZOSTERA") != "Partnership", labels


def test_lines_giving_a_body_its_country_and_its_role_list_the_partners():
    text = ("Fostering cluster cooperation in blue biotechnology\n"
            "Implementation period\nScope of work\n"
            "Kelpia (Irlanda) – Coordinator and leader of work package 1\n"
            "Marinova (Portugal) – Leader of WP2\n"
            "Zostera Bio (España) – Leader of WP3\n"
            "This project has been funded by the COSME Programme of the European Union.\n"
            "The project \"Fostering Cluster Cooperation in Blue Biotechnology\" (BLUECOOP) brings together three "
            "clusters that are members of two European Strategic Cluster Partnerships.\n")
    labels, rels = _read(text)
    partnership = next(n for n, lab in labels.items() if lab == "Partnership" and n.startswith("Fostering"))
    for name in ("Kelpia", "Marinova", "Zostera Bio"):
        assert (name, "PARTNER_IN", partnership) in rels, (name, rels)
    assert ("Kelpia", "COORDINATES", partnership) in rels, rels
    assert ("Marinova", "COORDINATES", partnership) not in rels, rels


def test_prose_with_a_dash_after_a_name_is_no_roster():
    text = ("Kelpia – the partner we met in Galway – presented its new plant.\n"
            "Marinova welcomed the visitors.\n")
    _, rels = _read(text)
    assert not any(t == "PARTNER_IN" for _, t, _ in rels), rels
