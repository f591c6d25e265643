"""What kind of body a name is (issue 15, twenty-eighth round): a name that opens with "Cluster"
and goes on with names is a cluster, in whatever language the names are (before, "Cluster Salud
Murcia", "Cluster Eau Sud" and "Cluster Lignum Jura" were organisations: an English head noun first
was read as a modifier unless accents, a Romance preposition or a known region said otherwise; the
English nouns such a head qualifies, "Cluster Mapping", "Cluster Days", stay what they were); and
the companies of a list or table whose heading or lead speaks of SMEs are SMEs (before, only a
list in the same sentence as "SMEs" made them so). All names are invented.
"""
from __future__ import annotations

import pytest

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _labels(text: str) -> dict[str, str]:
    """Entity name (without a final full stop) -> label for one text."""
    return {e.name.rstrip("."): e.label for e in extract_text(document_from_text(text, name="page.txt")).entities}


@pytest.mark.parametrize("name,country", [
    ("Cluster Salud Murcia", "Spain"), ("Cluster Eau Sud", "France"), ("Cluster Lignum Jura", "Switzerland"),
    ("Cluster Portugal Embalagem", "Portugal"),
])
def test_a_cluster_head_followed_by_names_is_a_cluster(name, country):
    labels = _labels(f"The new partners of the network are {name} ({country}) and Alpha Robotics GmbH (Germany).")
    assert labels.get(name) == "Cluster", labels


def test_the_nouns_a_cluster_head_qualifies_stay_what_they_were():
    labels = _labels("The results of the Cluster Mapping study were presented at the Cluster Days 2026 in Lyon, "
                     "with Cluster Navigators Ltd (Ireland) as moderator.")
    assert labels.get("Cluster Days 2026") == "Event", labels
    assert labels.get("Cluster Navigators Ltd") != "Cluster", labels
    assert "Cluster Mapping" not in labels or labels["Cluster Mapping"] != "Cluster", labels


def test_the_companies_of_a_table_under_an_sme_heading_are_smes():
    text = ("# Our members\n\n## Companies\n\n### Small and medium-sized enterprises\n\n"
            "| Company | Town | What they do |\n|---|---|---|\n"
            "| Alba Moulds S.R.L. | Timisoara | injection moulds |\n| Verde Dental S.R.L. | Arad | dental implants |\n\n"
            "### Large companies\n\n| Company | Town | What they do |\n|---|---|---|\n"
            "| Banat Steel S.A. | Resita | steel |\n")
    labels = _labels(text)
    assert labels.get("Alba Moulds S.R.L") == "SME" and labels.get("Verde Dental S.R.L") == "SME", labels
    assert labels.get("Banat Steel S.A") == "Organisation", labels


def test_the_companies_listed_after_a_lead_that_counts_smes_are_smes():
    text = ("The delegation had 12 persons: representatives of six small and medium enterprises from Warmia and "
            "Mazury and the agency's export team. Participants were:\n\n"
            "- **Mazur Dryers Sp. z o.o.** (Olsztyn) - grain dryers\n- **Pojezierze Dairy Sp. z o.o.** (Ilawa) - cheese\n\n"
            "The agency thanks its partners:\n\n- **Elblag Logistics Sp. z o.o.** (Elblag)\n")
    labels = _labels(text)
    assert labels.get("Mazur Dryers Sp. z o.o") == "SME" and labels.get("Pojezierze Dairy Sp. z o.o") == "SME", labels
    assert labels.get("Elblag Logistics Sp. z o.o") == "Organisation", labels


def test_the_companies_a_sentence_lists_after_one_counting_smes_are_smes():
    text = ("The delegation counted 19 participants: the managers of the four partner clusters and 15 "
            "representatives of SMEs from five countries. Among the companies were Hydrolux AB (Sweden) and the "
            "Polish AquaMeter Sp. z o.o. from Katowice.")
    labels = _labels(text)
    assert labels.get("Hydrolux AB") == "SME" and labels.get("AquaMeter Sp. z o.o") == "SME", labels


def test_the_partners_of_a_cluster_partnership_named_without_a_head_are_clusters():
    text = ("WOODLINK is a European Strategic Cluster Partnership for Going International (ESCP-4i) of four partner "
            "clusters. Its partners are Lignum Botnia (Finland), Bosco Vivo (Italy), the University of Vaasa "
            "(Finland) and Timber Trade Oy (Finland). WOODLINK is coordinated by Lignum Botnia.")
    labels = _labels(text)
    assert labels.get("Lignum Botnia") == "Cluster" and labels.get("Bosco Vivo") == "Cluster", labels
    assert labels.get("University of Vaasa") == "Organisation", labels
    assert labels.get("Timber Trade Oy") != "Cluster", labels


def test_the_partners_of_a_project_keep_their_label():
    text = ("AGRILINK is an Interreg project. Its partners are Lignum Botnia (Finland), Bosco Vivo (Italy) and the "
            "University of Vaasa (Finland). AGRILINK is coordinated by Lignum Botnia.")
    labels = _labels(text)
    assert labels.get("Lignum Botnia") == "Organisation" and labels.get("Bosco Vivo") == "Organisation", labels


def test_a_body_the_text_calls_a_cluster_is_a_cluster():
    labels = _labels("In SENSEALP we work with two partner clusters, Bayern Optik Netzwerk (DE) and Ljubljana Sensor "
                     "Hub (SI), on optical sensors. The alliance also welcomed Lombardia Imballaggi Network, the Italian "
                     "packaging cluster, and Alpha Tools GmbH, a cluster member.")
    assert labels.get("Bayern Optik Netzwerk") == "Cluster" and labels.get("Ljubljana Sensor Hub") == "Cluster", labels
    assert labels.get("Lombardia Imballaggi Network") == "Cluster", labels
    assert labels.get("Alpha Tools GmbH") != "Cluster", labels


def test_an_alliance_nobody_is_a_partner_in_is_an_organisation():
    labels = _labels("The Baltic Wood Cluster is a member of the Lithuanian Cluster Alliance and signed a memorandum "
                     "with the Oregon Timber Trade Alliance in Portland.")
    assert labels.get("Lithuanian Cluster Alliance") == "Organisation", labels
    assert labels.get("Oregon Timber Trade Alliance") == "Organisation", labels


def test_an_alliance_with_partners_stays_a_partnership():
    labels = _labels("The Dinaric Timber Alliance is a partnership of four clusters. Its partners are the Sarajevo Wood "
                     "Cluster (Bosnia and Herzegovina), the Zagreb Wood Cluster (Croatia) and the Split Wood Cluster "
                     "(Croatia).")
    assert labels.get("Dinaric Timber Alliance") == "Partnership", labels


def test_a_name_described_as_a_partnership_or_a_cluster_is_one():
    labels = _labels("The European side was co-organised with SOLARBRIDGE Americas, a European Strategic Cluster "
                     "Partnership for Going International working on solar materials, and with Helio Hub, a member of "
                     "the cluster.\n\nAquaVita Brno z.s. is a cluster of companies and municipalities active in water "
                     "technologies.")
    assert labels.get("SOLARBRIDGE Americas") == "Partnership", labels
    assert labels.get("AquaVita Brno z.s") == "Cluster", labels
    assert labels.get("Helio Hub") != "Cluster", labels
