"""Extraction of what a page says by its shape: the event or project its title or fact sheet
names, the lists it runs on inside a sentence, and the partner lists of project pages.

Each text is written here in the manner of the pages strategy teams collect (event news,
project fact sheets, partner lists) and checks what they would look for: who took part, who
the partners are and who leads them, where each one is.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from extracted import by_name


def _ex(text):
    ents, rels, _ = by_name(extract_text(document_from_text(text, name="page.txt")))
    return ents, rels


def _sources(rels, typ, target):
    return {s for s, t, o in rels if t == typ and o == target}


def test_a_list_run_on_after_a_participation_cue_took_part_in_the_pages_event():
    _, rels = _ex("Atlantic Cluster Conference 2025 - Porto\n\n"
                  "The Atlantic Cluster Conference 2025 took place in Porto on 3 May.\n\n"
                  "The clusters participating were the following: marine (Alpha Marine Cluster), "
                  "ports (Beta Port Cluster) and food (Gamma Food Cluster).")
    assert _sources(rels, "PARTICIPATED_IN", "Atlantic Cluster Conference 2025") == {
        "Alpha Marine Cluster", "Beta Port Cluster", "Gamma Food Cluster"}


def test_an_enumeration_on_an_event_page_is_its_participants_unless_they_organised_it():
    _, rels = _ex("Nordic Timber Summit 2024: clusters meet in Oslo\n\n"
                  "Alpha Timber Cluster, Beta Forest Cluster and Gamma Wood Cluster met buyers from ten countries.\n\n"
                  "Delta Agency, Epsilon Council and Zeta Network jointly organised the Nordic Timber Summit 2024.")
    event = "Nordic Timber Summit 2024"
    assert _sources(rels, "PARTICIPATED_IN", event) == {"Alpha Timber Cluster", "Beta Forest Cluster",
                                                        "Gamma Wood Cluster"}
    assert _sources(rels, "COORDINATES", event) == {"Delta Agency", "Epsilon Council", "Zeta Network"}


def test_a_fact_sheet_names_the_project_and_its_lead_partner():
    ents, rels = _ex("Full name: Blue Growth Clusters Across Borders\n"
                     "Duration: 2020 - 2023\n\n"
                     "Alpha Regional Development Agency, PLC (Severozapad, CZ), Beta Chamber of Commerce "
                     "(Oberösterreich, AT), Gamma Innovation Agency (Slaskie, PL)\n\n"
                     "Lead partner: Alpha Regional Development Agency, PLC (Severozapad, CZ)\n")
    project = "Blue Growth Clusters Across Borders"
    assert ents[project].label == "Partnership"
    assert _sources(rels, "PARTNER_IN", project) == {"Alpha Regional Development Agency, PLC",
                                                     "Beta Chamber of Commerce", "Gamma Innovation Agency"}
    assert _sources(rels, "COORDINATES", project) == {"Alpha Regional Development Agency, PLC"}
    # "(Slaskie, PL)": a region of that country (under its reference name when the gazetteer knows it)
    region = next(e for e in ents.values() if "Slaskie" in {e.name, *e.aliases})
    assert ("Gamma Innovation Agency", "LOCATED_IN", region.name) in rels
    assert region.label == "Region" and region.country == "PL"


def test_a_titled_project_page_lists_its_partners_with_their_places():
    ents, rels = _ex("BLUENET: Blue Economy Networking for Growth\n\n"
                     "The project brings ports and clusters together.\n\n"
                     "Project Partners\n\n"
                     "  • North Sea Development Agency (UK) – Coordinator\n"
                     "  • Ministry of Economy, Hamburg (Germany)\n"
                     "  • City of Ljubljana / RRA LUR (Slovenia)\n"
                     "  • Filas / Lazio (Italy)\n")
    project = "Blue Economy Networking for Growth"
    assert "BLUENET" in ents[project].aliases
    assert _sources(rels, "PARTNER_IN", project) == {"North Sea Development Agency", "Ministry of Economy",
                                                     "City of Ljubljana", "RRA LUR", "Filas"}
    assert _sources(rels, "COORDINATES", project) == {"North Sea Development Agency"}
    assert ents["Ministry of Economy"].country == "DE"


def test_a_name_in_brackets_after_its_description_is_a_cluster_of_the_country_described():
    ents, _ = _ex("At the fair she met a Danish construction cluster (InnoBYG) and a cluster of Czech "
                  "nanotechnologies (Nanoprogress).")
    assert (ents["InnoBYG"].label, ents["InnoBYG"].country) == ("Cluster", "DK")
    assert (ents["Nanoprogress"].label, ents["Nanoprogress"].country) == ("Cluster", "CZ")


def test_the_event_a_sentence_calls_the_event_is_the_pages_own():
    _, rels = _ex("EU-Andes Matchmaking Event 2025 - Building Bridges\n\n"
                  "Held alongside the Lima Mining Expo, the event was organised by the Alpha Cluster Agency "
                  "in partnership with Beta Trade Network.")
    assert _sources(rels, "COORDINATES", "EU-Andes Matchmaking Event 2025") == {"Alpha Cluster Agency",
                                                                                "Beta Trade Network"}
    assert not _sources(rels, "COORDINATES", "Lima Mining Expo")


def test_eu_programmes_are_programmes_and_a_funders_prefix_is_no_part_of_a_name():
    ents, rels = _ex("The COSME-funded Blue Bridge Partnership is financed by the COSME programme and "
                     "the European Maritime and Fisheries Fund.")
    assert "Blue Bridge Partnership" in ents and ents["Blue Bridge Partnership"].label == "Partnership"
    assert ents["COSME"].label == "Programme"
    assert ents["European Maritime and Fisheries Fund"].label == "Programme"
