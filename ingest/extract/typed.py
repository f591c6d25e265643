"""Names a type noun introduces: "the cluster's ESCP, BATT-LINK, is …", "the project NOVA-TEX",
"our partnership BlueBridge". The name right after the noun (bare, or between commas) is a
partnership of that type; the noun after a name ("the NOVA project") is read by
:mod:`.cueheads`.

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; typed_before(build_context("Its ESCP, BATT-LINK, is funded by COSME."), out)
>>> [(m.name, m.label, m.rule, m.props) for m in out]
[('BATT-LINK', 'Partnership', 'typed', {'typed': 'escp'})]
"""
from __future__ import annotations

import re

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.mentions import Context, Mention, chunks, is_acronym

__all__ = ["typed_before"]

_BEFORE = re.compile(r"(?i)\b(ESCP|project|partnership|consortium)(,\s+|\s+)(?-i:(?=[A-Z0-9]))")


def typed_before(ctx: Context, out: list[Mention]) -> None:
    """A partnership named right after its type noun (between commas, or an acronym straight after it)."""
    v = ctx.view
    for sent in ctx.sents:
        low = sent.text.lower()
        if "escp" not in low and "project" not in low and "partnership" not in low and "consortium" not in low:
            continue
        for m in _BEFORE.finditer(v, sent.start, sent.end):
            name = _name_at(v, m.end(), sent.end, comma=m.group(2).startswith(","))
            if name:
                s, e, text = name
                out.append(Mention(s, e, text, "Partnership", "typed", 0.7, props={"typed": fold(m.group(1))}))


def _name_at(v: str, pos: int, end: int, comma: bool):
    """The name starting at ``pos``: one capitalised run closed by a comma (after ", ") or an
    acronym ("the project NOVA-TEX"); None otherwise."""
    ch = chunks(v, pos, min(end, pos + 80))
    if not ch or ch[0][0][0] != pos:
        return None
    s, e = ch[0][0][0], ch[0][-1][1]
    text = v[s:e]
    if fold(text) in load_lexicon().words("generic_names"):
        return None
    if comma and v[e:e + 1] == ",":
        return s, e, text
    return (s, e, text) if len(ch[0]) == 1 and is_acronym(text.replace("-", "")) else None
