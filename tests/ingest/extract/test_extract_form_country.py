"""A company's country from its legal form and the page (issue 15, thirty-second round): a form used
in several countries ("AG", "s.r.o.", "d.o.o.", "AS") names the company's country when the page
names only one of them; a page naming two of them, or a place stated for the company, decides
otherwise. The guess fills the country a team filters and maps by, not a LOCATED_IN claim.
All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text


def _extract(text: str):
    return extract_text(document_from_text(text, name="page.txt"))


def _country(text: str, name: str) -> str | None:
    """The country the extractor gives the entity called ``name`` (AssertionError if not found)."""
    ex = _extract(text)
    found = [e for e in ex.entities if e.name == name]
    assert found, [e.name for e in ex.entities]
    return found[0].country


_STYRIA = ("The Styrian Metal Cluster welcomed a delegation from Katowice, Poland, on 3 May in Graz.\n\n"
           "The closing talk came from the foundry Kremstal Guss AG, which casts housings for e-bikes.")


def test_ag_on_a_page_naming_austria_and_poland_is_austrian():
    assert _country(_STYRIA, "Kremstal Guss AG") == "AT"


def test_sro_on_a_page_naming_slovakia_and_mexico_is_slovak():
    text = ("Four suppliers from Žilina joined the mission to Monterrey, Mexico.\n\n"
            "Results: Hronec Coatings s.r.o. signed a letter of intent with a distributor.")
    assert _country(text, "Hronec Coatings s.r.o.") == "SK"


def test_a_page_naming_two_countries_of_the_form_decides_nothing():
    text = ("The Bavarian and Tyrolean clusters met in Munich, Germany and Innsbruck, Austria. Kremstal Guss AG "
            "presented its housings.")
    assert _country(text, "Kremstal Guss AG") is None


def test_a_stated_place_beats_the_page():
    text = ("The Styrian Metal Cluster in Graz, Austria, hosted the meeting. Nordblech AG, based in Munich, "
            "presented its presses.")
    assert _country(text, "Nordblech AG") == "DE"


def test_the_guess_gives_no_located_in_relation():
    ex = _extract(_STYRIA)
    ids = {e.id for e in ex.entities if e.name == "Kremstal Guss AG"}
    assert ids and not [r for r in ex.relations if r.type == "LOCATED_IN" and r.source in ids]
