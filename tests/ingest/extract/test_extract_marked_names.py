"""Names in bold in a Markdown page read as they do in plain text (issue 15, twenty-fifth round).
The reader masks "**" with spaces to keep offsets, which left "**X** (Jaén, Spain)", "joined the
**Y**", "**X**, the Andalusian agri-food cluster" and "**X**, una Asociación Estratégica …"
unread before this round. A bold run stays one name: "**Z CE – Valorising side-streams in Central
European SMEs**, a new project" does not make "Central European SMEs" a partnership. Programmes keep
their programming period ("Interreg Danube Region 2021-2027"), and a capitalised name that ends in a
legal form ("Sdn Bhd", "SRL") is a company wherever it stands. All names are invented."""
from __future__ import annotations

import pytest

from helpers.extracted import text_by_name

_CASES = [
    ("The cluster {b}Aceites del Sur{b} (Jaén, Spain) has 85 members.",
     lambda e, r: e["Aceites del Sur"].country == "ES" and ("Aceites del Sur", "LOCATED_IN", "Jaén") in r),
    ("In March, Alpha Food Cluster joined the {b}EuroFood Clusters Network{b}.",
     lambda e, r: ("Alpha Food Cluster", "MEMBER_OF", "EuroFood Clusters Network") in r),
    ("The mission was led by {b}Alpha Food Cluster{b}, the Andalusian agri-food cluster.",
     lambda e, r: e["Alpha Food Cluster"].country == "ES" and "Andalusian agri-food cluster" not in e),
    ("La misión se organiza en el marco de {b}OLEOLINK-LATAM{b}, una Asociación Estratégica Europea de Clústeres.",
     lambda e, r: "OLEOLINK-LATAM" in e and e["OLEOLINK-LATAM"].label == "Partnership"),
]


@pytest.mark.parametrize("text,seen", _CASES, ids=["bracket place", "joined", "apposition", "romance kind"])
def test_a_bold_name_reads_as_the_plain_one(text, seen):
    for marks in ("", "**"):
        ents, rels, _ = text_by_name(text.format(b=marks), "page.md")
        assert seen(ents, rels), (marks, sorted(ents), sorted(rels))


def test_a_bold_run_is_one_name_before_its_description():
    ents, rels, _ = text_by_name(
        "Vitex Food Cluster is partner in **SIDEFOOD CE – Valorising side-streams in Central European SMEs**, a new "
        "project of the **Interreg Central Europe** programme.", "news.md")
    assert "Central European SMEs" not in ents, sorted(ents)


def test_a_programme_keeps_its_programming_period_and_its_short_name():
    ents, _, _ = text_by_name("The project is co-financed by the Interreg Danube Region Programme 2021-2027. "
                              "The Interreg Danube Region Programme supports 70 projects.", "p.txt")
    programmes = {n: e for n, e in ents.items() if e.label == "Programme"}
    assert list(programmes) == ["Interreg Danube Region Programme 2021-2027"], programmes
    assert "Interreg Danube Region Programme" in programmes["Interreg Danube Region Programme 2021-2027"].aliases


@pytest.mark.parametrize("sentence,company", [
    ("On the last day the delegation visited the Penang plant of Kinta Precision Test Sdn Bhd, a maker of test rigs.",
     "Kinta Precision Test Sdn Bhd"),
    ("Valfibre emmènera six membres, parmi lesquels Teillage de la Dendre SRL, entreprise familiale de teillage.",
     "Teillage de la Dendre SRL"),
])
def test_a_name_that_ends_in_a_legal_form_is_a_company(sentence, company):
    ents, _, _ = text_by_name(sentence, "visit.txt")
    assert company in ents and ents[company].label in ("Organisation", "SME"), sorted(ents)
