"""Pages of results, profiles and recaps (2026-12-05, twelfth round): a partnership called by the
EU action's full title before its name is that name, and its figures are its own. Every text is
written here for the check; no corpus page is copied."""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text
from tests.helpers.extracted import text_by_name

_RESULTS = ("# KESTREL-4i at half-way: mid-term results\n\n"
            "Half-way through its lifetime, the European Strategic Cluster Partnership for Going International "
            "KESTREL-4i – Photonics Clusters Going Global has reached most of its targets.\n\n"
            "KESTREL-4i is one of the ESCP-4i partnerships. It has a budget of EUR 980,000.\n")


def test_a_partnership_after_the_actions_full_title_is_named_by_its_own_name():
    ents, rels, facts = text_by_name(_RESULTS, "page.md")
    assert ents["KESTREL-4i"].label == "Partnership"
    assert not [n for n in ents if n.endswith("International KESTREL-4i")], sorted(ents)
    assert ("KESTREL-4i", "budget (EUR)", 980000) in facts, facts


def test_the_actions_full_title_is_not_a_partnership_the_name_is_part_of():
    _, rels, _ = text_by_name(_RESULTS, "page.md")
    assert not [r for r in rels if r[1] == "PART_OF" and r[0] == "KESTREL-4i"], sorted(rels)


_PROFILE = ("# BalticPhoton – Photonics Cluster of Western Lithuania\n\n"
            "*Cluster organisation profile · last updated 3 March 2025*\n\n"
            "## General information\n\n"
            "**Organisation name:** BalticPhoton ry\n"
            "**Acronym:** BPH\n"
            "**Country:** Lithuania\n\n"
            "## Cluster composition\n\n"
            "**Number of members:** 64\n"
            "**of which SMEs:** 51\n"
            "**Employees in member organisations:** approx. 3 200\n\n"
            "## International activities\n\n"
            "BalticPhoton took part in a mission to Taiwan in 2024.\n")


def test_a_profile_titled_name_dash_kind_is_one_body_named_by_its_title():
    ents, _, _ = text_by_name(_PROFILE, "page.md")
    profiled = [e for e in ents.values() if "BalticPhoton" in e.name or "Western Lithuania" in e.name]
    assert len(profiled) == 1, sorted(ents)
    assert profiled[0].label == "Cluster"
    assert {"BalticPhoton", "BalticPhoton ry", "Photonics Cluster of Western Lithuania"} <= {
        profiled[0].name, *profiled[0].aliases}, profiled[0]


def test_a_profiles_markdown_fields_are_the_profiled_bodys_figures():
    ents, _, facts = text_by_name(_PROFILE, "page.md")
    owner = next(e.name for e in ents.values() if "BalticPhoton" in (e.name, *e.aliases))
    assert (owner, "Number of members", 64) in facts, facts
    assert (owner, "SMEs among members", 51) in facts, facts
    assert (owner, "Employees in member organisations (approx.)", 3200) in facts, facts


def test_a_two_word_name_before_its_description_names_the_body():
    ents, _, facts = text_by_name(_PROFILE.replace("BalticPhoton", "Baltic Photon"), "page.md")
    body = next(e for n, e in ents.items() if n.startswith("Baltic Photon"))
    assert body.label == "Cluster" and "Photonics Cluster of Western Lithuania" in body.aliases, body
    assert (body.name, "Number of members", 64) in facts, facts


def test_next_years_edition_is_another_event_than_the_one_reported():
    text = ("Osijek, 20 October 2025 – The fifth edition of Sava Cluster Forum was held in Osijek. The Forum "
            "gathered 180 participants.\n\nThe Zagreb cluster Alpha Wood will host Sava Cluster Forum 2026 in "
            "Zagreb.\n")
    ents, _, facts = text_by_name(text)
    assert "Sava Cluster Forum 2026" in ents and "Sava Cluster Forum" in ents, sorted(ents)
    assert ("Sava Cluster Forum", "participants", 180) in {(s, m.split()[0], v) for s, m, v in facts}, facts


def test_an_edition_named_with_its_year_later_in_the_page_is_the_same_event():
    ents, _, _ = text_by_name("Highlights\n\n- 300 meetings at the Vistula Furniture Matchmaking\n\n"
                              "Buyers met makers at the Vistula Furniture Matchmaking 2026 in Poznań.\n")
    assert [n for n in ents if n.startswith("Vistula")] == ["Vistula Furniture Matchmaking 2026"], sorted(ents)


def test_a_delegations_counts_belong_to_its_journey_not_to_the_fair_it_visits():
    text = ("# Twelve suppliers travel to Expo Andina 2026\n\n"
            "A delegation of twelve automotive suppliers will exhibit at Expo Andina 2026 in Bogotá. The "
            "business mission to Colombia (20–25 April) is organised by the Alpha Automotive Cluster.\n")
    _, _, facts = text_by_name(text, "page.md")
    assert {s for s, m, v in facts if v == 12} == {"business mission to Colombia"}, facts


_RECAP = ("Osijek, 20 October 2025 – The Sava Cluster Forum was held in Osijek (Croatia). It gathered 180 "
          "participants.\n\nDAY 2 – WORKSHOPS\n\nParticipants joined three workshops:\n\n"
          "• Workshop A \"Clusters for circular wood\" was moderated by the Hungarian Timber Cluster Sopron. "
          "It had 40 participants.\n"
          "• Workshop B \"Skills for cluster managers\" was run with Ljubljana Cluster Academy from Slovenia.\n\n"
          "The panel \"Clusters in global value chains\" closed the day.\n\nDAY 3 – STUDY VISIT\n\n"
          "Thirty participants visited a sawmill.\n")


def test_a_sessions_quoted_title_names_an_event_held_where_the_forum_was():
    ents, _, _ = text_by_name(_RECAP)
    for name in ("Clusters for circular wood", "Skills for cluster managers", "Clusters in global value chains"):
        assert ents[name].label == "Event" and ents[name].country == "HR", (name, ents.get(name))


def test_a_day_heading_in_capitals_names_no_event():
    ents, _, _ = text_by_name(_RECAP)
    assert "DAY" not in ents, sorted(ents)


def test_a_field_under_a_members_name_is_that_members_figure():
    text = ("# Our members\n\nThe Adriatic Water Network counts six member clusters.\n\n## Member clusters\n\n"
            "**Cluster Eau Alpes** – France (Auvergne-Rhône-Alpes)\nMembers: 96\n\n"
            "**Istrian Water Cluster (IWC)** – Croatia\nMembers: 44\n")
    _, _, facts = text_by_name(text, "page.md")
    assert ("Cluster Eau Alpes", "Members", 96) in facts and ("Istrian Water Cluster", "Members", 44) in facts, facts


def test_an_event_pages_table_is_the_events_not_a_partnership_it_mentions():
    text = ("# EU–Peru Cluster Matchmaking 2025: 180 B2B meetings in Lima\n\n"
            "From 4 to 6 June 2025, the EU–Peru Cluster Matchmaking 2025 brought European clusters to Lima.\n\n"
            "## In figures\n\nCountry\tDelegates\nSpain\t12\nItaly\t9\nTotal\t21\n\n"
            "## Who travelled\n\nThe Alpha Mobility Cluster coordinates AndesMove, a European Strategic Cluster "
            "Partnership that targets Peru and Chile.\n")
    ex = extract_text(document_from_text(text, name="page.md"))
    names = {e.id: e.name for e in ex.entities}
    rows = {(names[f.subject], f.country, f.value) for f in ex.facts if f.measure == "Delegates"}
    assert rows >= {("EU–Peru Cluster Matchmaking 2025", "ES", 12), ("EU–Peru Cluster Matchmaking 2025", "IT", 9)}, rows


_EUROCLUSTER = ("# SEAWAVE Eurocluster – support to coastal SMEs\n\n"
                "SEAWAVE is coordinated by the Alpine Lakes Cluster and brings together the following cluster "
                "organisations:\n\n| Partner | Region | Country |\n|---|---|---|\n"
                "| Alpine Lakes Cluster – coordinator | Tyrol | Austria |\n"
                "| Jadranski morski klaster d.o.o. (Adriatic Sea Cluster) | Dalmatia | Croatia |\n"
                "| Hellenic Island Boating Cluster | Crete | Greece |\n"
                "| Baltic Marina Cluster | Riga | Latvia |\n")


def test_a_eurocluster_is_a_partnership_and_every_row_of_its_partner_table_a_partner():
    ents, rels, _ = text_by_name(_EUROCLUSTER, "page.md")
    partnership = next(n for n, e in ents.items() if e.label == "Partnership" and n.startswith("SEAWAVE"))
    partners = {s for s, t, o in rels if t == "PARTNER_IN" and o == partnership}
    assert partners == {"Alpine Lakes Cluster", "Jadranski morski klaster d.o.o.", "Hellenic Island Boating Cluster",
                        "Baltic Marina Cluster"}, sorted(rels)


def test_an_island_in_a_name_is_no_iceland():
    ents, _, _ = text_by_name(_EUROCLUSTER, "page.md")
    assert "Iceland" not in ents and ents["Hellenic Island Boating Cluster"].country == "GR", sorted(ents)


def test_the_event_of_a_paragraph_is_not_the_fair_that_hosted_it():
    _, _, facts = text_by_name("NEWS\n\nThe Vistula Robotics Matchmaking 2025 took place on 8-9 October as part\nof the "
                               "Poznan Industry Days. We prepared it together with a partner.\nFor the event registered "
                               "164 participants from 14 countries.\n")
    assert {s for s, m, v in facts if v == 164} == {"Vistula Robotics Matchmaking 2025"}, facts
