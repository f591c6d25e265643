"""Companies named by a legal form that a capitalised run cannot hold: one written with stops,
small letters or a slash ("Ostrava Drives s.r.o.", "NavCom Offshore Sp. z o.o.", "Singapore
Sensors Pte. Ltd."). The capitalised words right before such a form are a company's name, however
the sentence goes on; forms a run does hold ("GmbH", "UAB") are read with the run's head noun.

The forms are data (``legal_forms`` in ingest/data/normalise/legal_forms.yaml).

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; legal_form_names(build_context("NavCom Offshore Sp. z o.o. and Ostrava Drives s.r.o. joined."), out)
>>> [(m.name, m.label) for m in out]
[('NavCom Offshore Sp. z o.o.', 'Organisation'), ('Ostrava Drives s.r.o.', 'Organisation')]
>>> out = []; legal_form_names(build_context("Frigoríficos del Segre, S.L. joined."), out); out[0].name
'Frigoríficos del Segre, S.L.'

"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.mentions import Context, Mention, last_chunk
from clusternet.ingest.extract.rules import legal_form, place_of_name
from clusternet.ingest.extract.runs import without_determiners
from clusternet.ingest.resolve.normalise import legal_forms

__all__ = ["legal_form_names"]


@lru_cache(maxsize=1)
def _form_rx() -> re.Pattern:
    """The forms a run cannot hold (a stop, a slash or a small first letter), longest first, each
    stop optionally followed by a space ("Sp. z o.o." = "Sp.z o. o.")."""
    forms = [f for _, f in legal_forms() if "." in f or "/" in f or "(" in f or f[:1].islower()]
    alts = []
    for f in sorted(forms, key=len, reverse=True):
        parts = [re.escape(p) for p in f.split(" ")]
        alts.append(r"\s+".join(p.replace(r"\.", r"\.\s?") for p in parts))
    return gated(re.compile(r"(?<=[^\W\d_]),? (?:" + "|".join(alts) + r")(?![^\W_])"))     # ", S.L.": a comma may come first


@lru_cache(maxsize=1)
def _prefix_rx() -> re.Pattern:
    """A form written before the name (``prefix_legal_forms``), then two to six capitalised words."""
    forms = "|".join(sorted(map(re.escape, load_lexicon()["prefix_legal_forms"]), key=len, reverse=True))
    return gated(re.compile(r"(?<![\w(/-])(" + forms + r")\s+((?:[A-ZÀ-Ž][\w'’&.-]*)(?:\s+[A-ZÀ-Ž][\w'’&-]*){1,5})"))


def prefix_form_names(ctx: Context, out: list[Mention]) -> None:
    """Append a mention for each company named after a form written first: "UAB Duonos Ratas",
    "PT Kakao Jawa Timur" (placed in the form's country unless the name says otherwise).

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; prefix_form_names(build_context("They met UAB Duonos Ratas and SIA Zemgales Auzas."), out)
    >>> [(m.name, m.country) for m in out]
    [('UAB Duonos Ratas', 'LT'), ('SIA Zemgales Auzas', 'LV')]
    """
    v, countries = ctx.view, load_lexicon()["prefix_legal_forms"]
    for m in _prefix_rx().finditer(v):
        words = m.group(2).split()
        while words and (words[-1] in ("And", "The") or words[-1].rstrip(".") in countries):
            words.pop()
        if not words:
            continue
        end = m.start(2) + len(" ".join(words)) if v[m.start(2):].startswith(" ".join(words)) else m.end()
        name = " ".join(v[m.start():end].split())
        c, r = place_of_name(name)
        out.append(Mention(m.start(), end, name, "Organisation", "legal-form", 0.7, country=c or countries[m.group(1)],
                           region=r))


def legal_form_names(ctx: Context, out: list[Mention]) -> None:
    """Append a mention for each company named before a legal form (see the module doc)."""
    prefix_form_names(ctx, out)
    v = ctx.view
    for m in _form_rx().finditer(v):
        run = last_chunk(v, max(ctx.sents[ctx.sent_at(m.start())].start, m.start() - 120), m.start())
        if run is None or run[-1][1] != m.start():
            continue
        words = without_determiners(run)   # "The Polish SMEs X": the description is read off later
        while words and legal_form(words[0][2]) and len(words) > 2 and words[1][2] in ("and", "&"):
            words = words[2:]       # "… (Pty) Ltd and Umgeni Wagon Works (Pty) Ltd": the second company
        if not words:
            continue
        start, end = words[0][0], m.start() + len(m.group(0).rstrip())    # "o.o. (Town)": the form's last stop
        name = " ".join(v[start:end].split())
        c, r = place_of_name(name)
        out.append(Mention(start, end, name, "Organisation", "legal-form", 0.7, country=c, region=r))
