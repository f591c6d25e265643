"""``fastre`` compiles the rule modules' patterns with a search set of the characters a match can
start with; every search must give exactly what ``re`` gives. Checked here on every pattern the
rule modules hold, over real text (the seeds and the project's documents) and over characters
whose case folding is unusual (the Kelvin sign, the long s, dotted and dotless i, ß, ligatures)."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import clusternet.ingest.extract as extract_pkg
from clusternet.ingest.extract import fastre

ROOT = Path(__file__).resolve().parents[3]
ODD = "K Kelvin \u212a ſ long s İstanbul ı ß STRASSE ﬁnance Ǆ ǅ ǆ Σ σ ς Ω Ω \u00a0 É é œ Œ 5 ٣ ४ \u2003 ǈ"


def _patterns() -> list[re.Pattern]:
    """The compiled patterns held at module level by the extraction modules."""
    out = []
    for info in pkgutil.iter_modules(extract_pkg.__path__):
        mod = importlib.import_module(f"{extract_pkg.__name__}.{info.name}")
        out += [v for v in vars(mod).values() if isinstance(v, re.Pattern) and isinstance(v.pattern, str)]
    return out


def _text() -> str:
    docs = sorted((ROOT / "examples" / "documents").glob("*")) + sorted((ROOT / "tests" / "data" / "press").glob("*.txt"))
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in docs) + "\n" + ODD


@pytest.fixture(scope="module")
def text() -> str:
    return _text()


def test_the_rule_modules_hold_patterns_that_get_a_search_set():
    pats = _patterns()
    assert len(pats) > 50
    assert sum(fastre.skips(fastre.compile(p.pattern, p.flags)) for p in pats) > 10


def test_every_pattern_finds_what_re_finds(text):
    for p in _patterns():
        ours = fastre.compile(p.pattern, p.flags)
        plain = re.compile(p.pattern, p.flags)
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)], p.pattern


def test_an_engine_it_cannot_read_falls_back_to_re(monkeypatch):
    def broken(pattern, flags):
        raise RuntimeError("another engine")

    monkeypatch.setattr(fastre, "_with_skip", broken)
    fastre._compiled.cache_clear()
    try:
        rx = fastre.compile(r"(?i)(?=[bc])(?<![\w-])backed\s+by")
        assert [m.span() for m in rx.finditer("It was Backed by A.")] == [(7, 16)]
    finally:
        fastre._compiled.cache_clear()
