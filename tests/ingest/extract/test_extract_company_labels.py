"""Labels a strategy team reads off the map (issue 15, twenty-sixth round): a company the page
presents as an SME is an SME, a cluster is a cluster even under a legal form or a network's name,
and a delegate named with a body's acronym ("Ewa Nowak (KLSK)") is no organisation of their own.
Before this round the 226 unread pages gave 12 of their 123 found SMEs the SME label. All names are
invented."""
from __future__ import annotations

import pytest

from helpers.extracted import text_by_name

_SMES = [
    ("after the name", "Site visits: Hartl Guss GmbH, a family-owned SME (85 employees), makes valve bodies.",
     "Hartl Guss GmbH"),
    ("before the name", "The delegation included the Leiria SME Pinhal Design, Lda. and a university.",
     "Pinhal Design"),
    ("French", "Parmi les membres figure la PME Voltika SARL, qui assemble des batteries.", "Voltika SARL"),
    ("Spanish", "Viajó también la pyme tecnológica Ictiosense, S.L., especializada en sensores.", "Ictiosense, S.L."),
    ("a list of SMEs", "The mission had 21 members. Among the SMEs were Agrosusz Sp. z o.o. from Poznań and "
                       "Frigomec S.r.l. from Verona.", "Frigomec S.r.l."),
]


@pytest.mark.parametrize("text,name", [c[1:] for c in _SMES], ids=[c[0] for c in _SMES])
def test_a_company_the_page_calls_an_sme_is_an_sme(text, name):
    ents, _, _ = text_by_name(text)
    assert name in ents and ents[name].label == "SME", {n: e.label for n, e in ents.items()}


def test_a_table_row_typed_sme_makes_its_company_an_sme_and_nothing_else():
    page = ("<html><body><h2>Partners</h2><table><tr><th>Partner</th><th>Country</th><th>Type</th></tr>"
            "<tr><td>Thermo Grid A/S</td><td>Denmark</td><td>SME</td></tr>"
            "<tr><td>Institute for Heat Networks Stuttgart</td><td>Germany</td><td>Research organisation</td></tr>"
            "</table></body></html>")
    ents, _, _ = text_by_name(page, "partners.html")
    assert ents["Thermo Grid A/S"].label == "SME", {n: e.label for n, e in ents.items()}
    assert ents["Institute for Heat Networks Stuttgart"].label == "Organisation"


def test_a_body_open_to_smes_or_made_of_them_is_no_sme():
    ents, _, _ = text_by_name("We visited Nordlys Test Centre AS, a test centre open to SMEs, and Agder Export "
                              "Association, an association of SME exporters.")
    labels = {n: e.label for n, e in ents.items()}
    assert labels.get("Nordlys Test Centre AS") == "Organisation", labels
    assert labels.get("Agder Export Association") == "Organisation", labels


@pytest.mark.parametrize("text,name", [
    ("The partnership is led by Kuitu Cluster Oy from Lappeenranta.", "Kuitu Cluster Oy"),
    ("It was coordinated by Lichtwerk Photonics Cluster e.V. from Jena.", "Lichtwerk Photonics Cluster e.V."),
    ("The partnership is led by the Danish cluster Nordic Fermentation Hub and two others.", "Nordic Fermentation Hub"),
], ids=["Oy", "e.V.", "called a cluster"])
def test_a_cluster_stays_a_cluster(text, name):
    ents, _, _ = text_by_name(text)
    assert name in ents and ents[name].label == "Cluster", {n: e.label for n, e in ents.items()}


def test_delegates_named_with_their_bodies_give_the_bodies_not_the_people():
    ents, _, _ = text_by_name("Ecri: Kazimierz Murzyn (KLSK), Tomeu Mir, (BIOIB), Patricia Fraile (Cluster CET) and "
                              "the Silicon Saxony (SiSax) team attended the meeting in Valencia.")
    assert {"KLSK", "BIOIB", "Cluster CET"} <= set(ents), sorted(ents)
    assert not {"Kazimierz Murzyn", "Tomeu Mir", "Patricia Fraile"} & set(ents), sorted(ents)


def test_a_body_with_its_short_name_in_brackets_is_no_person():
    ents, _, _ = text_by_name("The mission was supported by Enterprise Singapore (Enterprise SG) and Silicon Saxony "
                              "(SiSax).")
    assert {"Enterprise Singapore", "Silicon Saxony"} <= set(ents), sorted(ents)
