"""A report copied out of a PDF (issue 15, thirty-third round): its running header or footer with a page
number is no part of the text (no entity, no figure from it, no sentence glued to it), a sentence
a page break cut in two reads on across it, and a number that names one of a series ("Open Call 1",
"Phase 2", "Day 3") is no count. All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text

REPORT = """SOLARWAVE MED - Open Call 1 results

2. APPLICATIONS RECEIVED

SOLARWAVE MED is a European Strategic Cluster Partnership of clusters from Greece, Cyprus, Malta and
Croatia. In total 58 applications were received from 6 countries. The evaluation committee selected
21 SMEs, of which 9 come from Greece, 5 from Cyprus, 4 from Malta and 3 from

SOLARWAVE MED - Open Call 1 results                                 page 2 / 4

Croatia. The selected companies received vouchers worth EUR 186,000 in total.

SOLARWAVE MED - Open Call 1 results                                 page 3 / 4
"""


def _facts(text: str) -> set[tuple[str, str, float, str | None]]:
    ex = extract_text(document_from_text(text, name="report.txt"))
    names = {e.id: e.name for e in ex.entities}
    return {(names.get(f.subject, f.subject), f.measure, f.value, f.country) for f in ex.facts}


def test_a_sentence_cut_by_a_page_footer_keeps_its_figure_and_country():
    facts = _facts(REPORT)
    assert any(v == 3 and c == "HR" for _, _, v, c in facts), facts


def test_the_footer_and_a_call_number_give_no_figure():
    facts = _facts(REPORT)
    assert not [f for f in facts if f[2] in (1, 2)], facts
    assert any(v == 58 for _, _, v, _ in facts), facts


def test_the_footer_gives_no_entity():
    ex = extract_text(document_from_text(REPORT, name="report.txt"))
    assert not [e.name for e in ex.entities if "results" in e.name.lower() or e.name.lower().startswith("open call")]


def test_the_first_page_title_stays_with_its_page_number_cut():
    text = ("Study tour to Styria 2025                                  Page 1 of 3\n\n"
            "The Andes Fruit Cluster led 12 companies on the tour, which visited four wood plants.\n")
    ex = extract_text(document_from_text(text, name="report.txt"))
    assert "Study tour to Styria 2025" in {e.name for e in ex.entities if e.label == "Event"}, ex.entities


def test_a_number_of_a_series_is_no_count_but_a_count_after_a_day_still_is():
    facts = _facts("The Alpha Mobility Cluster took part in the fair. In Phase 2 the partners held 40 meetings. "
                   "Day 2 brought 30 visitors. On the first day 25 companies met.")
    assert {v for _, _, v, _ in facts} == {40, 30, 25}, facts
