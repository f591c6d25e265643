"""What an amount is when no money noun stands right before it (issue 15, eighteenth round): the
subject of the copula before it ("Budget for the years 2025–2027 is EUR 980,000", "El presupuesto
total … asciende a"), what it is "of"/"in" after it ("EUR 1,480,000 of financial support"), what
something is "worth"; a fact-sheet field with a rate in brackets; a duration in brackets after
dates; a delegation's make-up said in Spanish or Italian. Before this round each came out as
"amount (EUR)", was missed, or lost its delegation."""
from __future__ import annotations

import pytest

from helpers.extracted import text_by_name


@pytest.mark.parametrize("text, value, measure", [
    ("# BIOSOIL\n\nBIOSOIL is an ESCP-4i partnership. Budget for the years 2025–2027 is EUR 980,000.\n",
     980000, "Budget for the years 2025–2027 (EUR)"),
    ("# OLIVARIA\n\nOLIVARIA es una alianza de clústeres. El presupuesto total de OLIVARIA asciende a 1.080.000 EUR.\n",
     1080000, "presupuesto total (EUR)"),
    ("# TOURLINK\n\nTOURLINK is a Eurocluster. After the evaluation, 148 SMEs were selected and received in total "
     "EUR 1,480,000 of financial support.\n", 1480000, "financial support (EUR)"),
    ("# Success story\n\nThe ROBOLINK partnership brought two firms together: a five-year supply agreement, worth an "
     "estimated EUR 1.4 million.\n", 1400000, "estimated value (EUR)"),
])
def test_an_amount_takes_the_money_noun_its_clause_gives(text, value, measure):
    _, _, facts = text_by_name(text)
    assert measure in {f[1] for f in facts if f[2] == value}, facts


def test_a_field_with_a_rate_in_brackets_gives_the_amount_and_the_rate():
    _, _, facts = text_by_name(
        "# HEATLINK\n\nHEATLINK is an Interreg project.\n\n## Project facts\n\nDuration: 01.04.2024 – 31.03.2027 "
        "(36 months)\n\nERDF co-financing: EUR 1,984,480 (80 %)\n")
    assert ("HEATLINK", "ERDF co-financing (EUR)", 1984480) in facts, facts
    assert ("HEATLINK", "ERDF co-financing rate (%)", 80) in facts, facts
    assert ("HEATLINK", "duration (months)", 36) in facts, facts


@pytest.mark.parametrize("text, value, measure", [
    ("# Misión empresarial a Chile\n\nEl clúster llevó a Chile su primera misión empresarial. La delegación estuvo "
     "formada por once personas de siete entidades.\n", 11, "personas en la delegación"),
    ("# Missione in Vietnam\n\nDal 16 al 20 marzo 2026 una delegazione di 22 persone ha visitato Hanoi.\n",
     22, "persone"),
    ("# The business mission to Chile\n\nThe delegation was composed from 17 persons: five cluster managers (one of "
     "each partner cluster) and 12 representatives of SMEs.\n", 12, "representatives of SMEs in the delegation"),
])
def test_a_delegations_make_up_is_said_in_the_delegation(text, value, measure):
    _, _, facts = text_by_name(text)
    got = {f[1] for f in facts if f[2] == value}
    assert any(m.startswith(measure) and ("delega" in m) for m in got), facts
