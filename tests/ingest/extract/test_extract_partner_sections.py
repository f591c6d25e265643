"""A partnership's page with one section per partner (2026-12-05, fourteenth round): under "The
X partners", a heading that is a partner's name alone, or its name and its role ("– coordinator"),
opens that partner's section, and the next partner's heading does not close the list. Every text
here is written for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

_PAGE = ("# The TRACKLINK-4i partners\n\nTRACKLINK-4i is a European Strategic Cluster Partnership of three rail "
         "clusters.\n\n## Moravia Rail Cluster – coordinator\n\nThe cluster was founded in 2012 in Brno and "
         "leads the partnership.\n\n## Distretto Ferroviario Pugliese\n\nBased in Bari, the district gathers "
         "signalling companies.\n\n## Cluster Ferroviario de Navarra\n\nThe Spanish partner maintains track.\n")


def test_each_partner_heading_gives_a_partner():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    for body in ("Moravia Rail Cluster", "Distretto Ferroviario Pugliese", "Cluster Ferroviario de Navarra"):
        assert (body, "PARTNER_IN", "TRACKLINK-4i") in rels, (body, sorted(rels))


def test_the_heading_with_the_role_gives_the_coordinator():
    _, rels, _ = text_by_name(_PAGE, "page.md")
    assert ("Moravia Rail Cluster", "COORDINATES", "TRACKLINK-4i") in rels, sorted(rels)


def test_an_event_named_after_its_organisers_and_a_copula_is_theirs():
    text = ("News\n\nThe Aegean Tourism Summit 2025 took place in Rhodes.\n\nThe biggest event organised by "
            "the Baltic Dairy Cluster this year was Baltic Dairy Matchmaking 2025 in Kaunas.\n")
    _, rels, _ = text_by_name(text)
    assert ("Baltic Dairy Cluster", "COORDINATES", "Baltic Dairy Matchmaking 2025") in rels, sorted(rels)
    assert ("Baltic Dairy Cluster", "COORDINATES", "Aegean Tourism Summit 2025") not in rels, sorted(rels)


def test_a_workshop_realised_together_with_a_body_is_coordinated_by_it():
    text = ("News\n\nThe forum offered three workshops.\n\nWorkshop B \"Export for cluster managers\" was realised "
            "together with Split Cluster Academy, a training organisation from Croatia.\n")
    _, rels, _ = text_by_name(text)
    assert ("Split Cluster Academy", "COORDINATES", "Export for cluster managers") in rels, sorted(rels)


def test_a_project_in_capitals_before_its_dashed_title_is_the_partnership():
    text = ("News\n\nFrom 1 April 2026 our cluster is partner in **FIBRELOOP CE – Recycling textile waste in Central "
            "European SMEs**, a new project of the **Interreg Central Europe** programme. Together with us, the "
            "consortium is formed by:\n\n- Moravia Textile Cluster (Brno, Czechia)\n- Klaster Tekstylny Łódź Sp. z o.o. "
            "(Łódź, Poland)\n")
    ents, rels, _ = text_by_name(text, "page.md")
    assert ents["FIBRELOOP CE"].label == "Partnership", sorted(ents)
    assert ("Moravia Textile Cluster", "PARTNER_IN", "FIBRELOOP CE") in rels, sorted(rels)
    assert "Central European SMEs" not in ents, sorted(ents)
