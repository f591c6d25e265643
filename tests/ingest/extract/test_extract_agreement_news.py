"""An agreement's news item as cluster sites write it (2026-12-04, ninth round): the title's
"cooperation agreement" is the Memorandum the text names, a "Latin American" event is placed in no
country by the word "American", and "the X Embassy in Brazil and of the Y Agency (Z)" names the
agency alone. Every text is written here for the check; no corpus page is copied."""
from __future__ import annotations

from tests.helpers.extracted import text_by_name

NEWS = ("# Portuguese and Brazilian aerospace clusters sign cooperation agreement\n\n"
        "São José dos Campos, 18 September 2024 – The Portuguese aerospace cluster AED Cluster Portugal and the "
        "Brazilian Aerospace Cluster signed a Memorandum of Understanding to strengthen cooperation between "
        "their members.\n\n"
        "The agreement was signed during the Latin American Aerospace Week, in the presence of representatives "
        "of the Portuguese Embassy in Brazil and of the São Paulo State Investment Agency (InvestSP).\n")


def test_the_titles_cooperation_agreement_is_the_memorandum_the_text_names():
    ents, rels, _ = text_by_name(NEWS, "page.md")
    agreements = [e.name for e in ents.values() if e.label == "Agreement"]
    assert agreements == ["Memorandum of Understanding"], agreements
    for side in ("AED Cluster Portugal", "Brazilian Aerospace Cluster"):
        assert (side, "PARTY_TO", "Memorandum of Understanding") in rels, side


def test_a_latin_american_event_is_not_placed_in_the_united_states():
    ents, rels, _ = text_by_name(NEWS, "page.md")
    assert ents["Latin American Aerospace Week"].country != "US"
    assert "United States" not in ents


def test_a_second_body_after_and_of_the_is_named_alone():
    ents, _, _ = text_by_name(NEWS, "page.md")
    assert "São Paulo State Investment Agency" in ents
    assert not [n for n in ents if n.startswith("Brazil and")]


def test_a_body_named_after_dotted_initials_keeps_them_and_their_country():
    ents, _, _ = text_by_name("The event was organised by the European Commission and the U.S. Department of "
                              "Commerce, and facilitated by the ECCP.")
    assert ents["U.S. Department of Commerce"].country == "US" and "Department of Commerce" not in ents


def test_a_declaration_of_interest_written_in_capitals_is_an_agreement():
    ents, rels, _ = text_by_name("Alpha Cluster and Beta Cluster signed a Declaration of Interest.")
    assert ents["Declaration of Interest"].label == "Agreement"
