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
