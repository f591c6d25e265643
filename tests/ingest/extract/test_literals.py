"""The literal guard skips only scans that could not have matched."""
import re
from pathlib import Path

from clusternet.ingest.extract.lexicon import load_lexicon, programme_patterns
from clusternet.ingest.extract.literals import may_match, required_literal

SEEDS = Path("/work/shared/corpus/seeds")


def _patterns():
    return list(load_lexicon()["agreement_patterns"]) + list(programme_patterns())


def test_a_skipped_scan_would_have_found_nothing():
    texts = ["A Memorandum of Understanding was signed.", "the memorandum of understanding",
             "Convenio de colaboración firmado", "Horizon 2020 and Horizon Europe", "MOU", "Mou signed",
             "letter of intent", "Letter Of Intent"]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.iterdir())[:20]]
    for pat in _patterns():
        for t in texts:
            if not may_match(pat, t):
                assert re.search(pat, t) is None, (pat, t[:60])


def test_flags_alternations_and_lookarounds_are_never_skipped():
    for pat in [r"(?i)memorandum", r"MoU|Memorandum", r"(?<=x)abc", r"x(?=abc)"]:
        assert may_match(pat, "no such words here"), pat


def test_an_optional_last_letter_is_not_required():
    assert required_literal(r"Euroclusters?\b") == "Eurocluster"
    assert may_match(r"Euroclusters?\b", "the Eurocluster")
