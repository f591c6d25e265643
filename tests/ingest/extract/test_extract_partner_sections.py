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
