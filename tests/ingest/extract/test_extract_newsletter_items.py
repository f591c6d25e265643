"""A cluster's newsletter with several events (2026-12-04, ninth round): a trade show named without
a head noun, an edition "fair" after its year, an online matchmaking session and who organised it,
who led a delegation there, companions who are no organisers, and a delegation leader who is not
placed where the show was. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

NEWSLETTER = (
    "# BlueTech Cluster newsletter – Spring 2025\n\n"
    "## Our members at Oceanology International\n\n"
    "In March, BlueTech Cluster led a delegation of six members to Oceanology International in London.\n\n"
    "## Matchmaking with Canadian ocean clusters\n\n"
    "On 14 April, BlueTech Cluster and Canada's Ocean Supercluster co-organised an online matchmaking session. "
    "Twelve companies took part, among them Aqua Analytics Inc. and Seaboard Systems Inc.\n\n"
    "## Coming up\n\n"
    "The cluster will join the Nor-Shipping 2025 fair in Oslo in June together with the Ocean Data Centre.\n")


def test_each_event_of_a_newsletter_is_found():
    ents, _, _ = text_by_name(NEWSLETTER, "page.md")
    events = {e.name: e.country for e in ents.values() if e.label == "Event"}
    assert events == {"Oceanology International": "GB", "online matchmaking session": None, "Nor-Shipping 2025": "NO"}


def test_who_organised_led_a_delegation_or_took_part_in_which_event():
    _, rels, facts = text_by_name(NEWSLETTER, "page.md")
    for org in ("BlueTech Cluster", "Ocean Supercluster"):
        assert (org, "COORDINATES", "online matchmaking session") in rels, org
    assert ("BlueTech Cluster", "PARTICIPATED_IN", "Oceanology International") in rels
    assert ("BlueTech Cluster", "COORDINATES", "Oceanology International") not in rels
    assert ("Aqua Analytics Inc.", "PARTICIPATED_IN", "online matchmaking session") in rels
    assert ("online matchmaking session", "companies took part", 12) in facts


def test_a_companion_of_the_cluster_at_a_fair_is_no_organiser_of_it():
    _, rels, _ = text_by_name(NEWSLETTER, "page.md")
    assert not [r for r in rels if r[1] == "COORDINATES" and r[2] == "Nor-Shipping 2025"]


def test_the_leader_of_a_delegation_to_a_show_abroad_is_not_placed_there():
    ents, _, _ = text_by_name(NEWSLETTER, "page.md")
    assert ents["BlueTech Cluster"].country is None


def test_who_is_behind_an_event_said_as_its_organiser_initiative_or_annual_host():
    head = "# News\n\nThe Alpha Forum 2025 took place in Lyon.\n\n"
    cases = {"The Alpha Forum 2025 was an initiative of Beta Cluster.": {"Beta Cluster"},
             "Beta Cluster, the organiser of the Alpha Forum 2025, welcomed 200 guests.": {"Beta Cluster"},
             "The Alpha Forum 2025 is organised annually by Beta Cluster and Gamma Pole.": {"Beta Cluster", "Gamma Pole"}}
    for line, organisers in cases.items():
        _, rels, _ = text_by_name(head + line + "\n", "page.md")
        assert {r[0] for r in rels if r[1:] == ("COORDINATES", "Alpha Forum 2025")} == organisers, line
