"""A cluster's newsletter as such pages are written (2026-12-04, eighth round): who joined the
cluster, what it counts, where a named partner is. Every text is written here for the check; no
corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

NEWSLETTER = ("News of the Alpine Timber Cluster – June 2025\n\n"
              "New members\n\n"
              "Three companies joined the cluster in May: Larch Beams GmbH from Innsbruck, Spruce Panels GmbH "
              "and the Slovenian start-up Beech Lab d.o.o.\n\n"
              "Projects\n\n"
              "The cluster is a partner in the project WOODLOOP, coordinated by the Institute for Wood "
              "Technology and Biofibres in Germany.\n")


def test_a_newsletter_title_names_the_cluster_behind_its_page_word():
    ents, _, _ = text_by_name(NEWSLETTER)
    assert ents["Alpine Timber Cluster"].label == "Cluster"
    assert not [n for n in ents if n.startswith("News")]


def test_companies_that_joined_the_cluster_are_its_members_and_counted_for_it():
    _, rels, facts = text_by_name(NEWSLETTER)
    for company in ("Larch Beams GmbH", "Spruce Panels GmbH", "Beech Lab d.o.o."):
        assert (company, "MEMBER_OF", "Alpine Timber Cluster") in rels, company
    assert [f for f in facts if f[2] == 3 and f[0] == "Alpine Timber Cluster"]


def test_a_body_named_in_a_country_is_located_there():
    ents, rels, _ = text_by_name(NEWSLETTER)
    assert ents["Institute for Wood Technology and Biofibres"].country == "DE"
    assert ("Institute for Wood Technology and Biofibres", "COORDINATES", "WOODLOOP") in rels


MEMBERS = ("<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
           "<h1>Our members</h1><p>The North Sea Fish Network unites 9 seafood clusters from six countries.</p>"
           "<ul><li><strong>Fish Cluster Norway</strong> – Bergen, Norway</li>"
           "<li><strong>Danish Seafood Cluster</strong> – Esbjerg, Denmark</li></ul>"
           "<p>The network is coordinated by Fish Cluster Norway.</p></body></html>")


def test_a_networks_coordinator_is_one_of_its_members_not_a_partner():
    _, rels, _ = text_by_name(MEMBERS, "members.html")
    assert ("Danish Seafood Cluster", "MEMBER_OF", "North Sea Fish Network") in rels
    assert ("Fish Cluster Norway", "COORDINATES", "North Sea Fish Network") in rels
    assert ("Fish Cluster Norway", "MEMBER_OF", "North Sea Fish Network") in rels
    assert not [r for r in rels if r[1] == "PARTNER_IN"]


PROFILE = ("Cluster profile: Lower Oder Photonics Cluster\n\n"
           "Organisation name: Lower Oder Photonics Cluster\nAcronym: LOPC\nCountry: Poland\nRegion: Dolnośląskie\n"
           "City: Wrocław\nNumber of members: 64\n\n"
           "LOPC is a member of the Baltic Optics Network and a partner in the ESCP-4i partnership LIGHT-GO. "
           "In 2024 it joined the Polish Cluster Association.\n")


def test_a_cluster_fact_sheet_names_places_and_counts_its_cluster():
    ents, rels, facts = text_by_name(PROFILE)
    assert "LOPC" in ents["Lower Oder Photonics Cluster"].aliases and "LOPC" not in ents
    assert ("Lower Oder Photonics Cluster", "LOCATED_IN", "Dolnośląskie") in rels
    assert ("Lower Oder Photonics Cluster", "Number of members", 64) in facts


def test_a_cluster_that_is_a_member_of_one_body_and_a_partner_in_another_and_it_joined_a_third():
    _, rels, _ = text_by_name(PROFILE)
    assert ("Lower Oder Photonics Cluster", "MEMBER_OF", "Baltic Optics Network") in rels
    assert ("Lower Oder Photonics Cluster", "PARTNER_IN", "LIGHT-GO") in rels
    assert ("Lower Oder Photonics Cluster", "MEMBER_OF", "Polish Cluster Association") in rels


def test_it_opening_a_sentence_is_the_body_the_sentence_before_described():
    _, rels, _ = text_by_name("Partners\n\nThe Accra Food Cluster signed the agreement. Nordic Food Jutland is a "
                              "cluster organisation for the food value chain. It is a member of the European Food Cluster Network.")
    assert ("Nordic Food Jutland", "MEMBER_OF", "European Food Cluster Network") in rels
    assert ("Accra Food Cluster", "MEMBER_OF", "European Food Cluster Network") not in rels


def test_members_named_after_the_word_members_are_the_named_or_the_pages_cluster():
    head = "# Gamma Cluster news\n\nGamma Cluster is the Austrian robotics cluster.\n\n"
    for line in ("Cluster members Alpha Tech GmbH and Beta Robotics Ltd presented their products.",
                 "Gamma Cluster members such as Alpha Tech GmbH and Beta Robotics Ltd exhibited.",
                 "Gamma Cluster's members Alpha Tech GmbH and Beta Robotics Ltd exhibited."):
        _, rels, _ = text_by_name(head + line + "\n", "page.md")
        for m in ("Alpha Tech GmbH", "Beta Robotics Ltd"):
            assert (m, "MEMBER_OF", "Gamma Cluster") in rels, (line, m)
