"""Dash definitions in running text: "ACR – Long Name" and "Long Name - ACR" name one body, the
acronym its alias; two places either side of a dash ("EU – India Matchmaking Event") define nothing.

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; dash_definitions(build_context("We met CGEM – Confederation of Moroccan Enterprises in Rabat."), out)
>>> [(m.name, m.aliases) for m in out]
[('Confederation of Moroccan Enterprises', ['CGEM'])]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.mentions import (Context, Mention, chunks, initials_match, is_acronym, is_cap, is_strand_name,
    sh_expand, tokens)
from clusternet.ingest.extract.rules import clean, label_of_name

__all__ = ["dash_definitions"]


_DASH = re.compile(r"(?<=\S)\s+[-–—]\s+(?=\S)")


def _place_acronym(word: str) -> bool:
    """Whether an upper-case word names a country or a union ("EU – India Matchmaking Event"
    pairs two places; it defines no acronym).

    >>> _place_acronym("EU"), _place_acronym("US"), _place_acronym("ECCP")
    (True, True, False)
    """
    return fold(word) in load_lexicon().words("generic_acronyms") or country_code(word) is not None


def dash_definitions(ctx: Context, out: list[Mention]) -> None:
    """"ACR – Long Name" and "Long Name - ACR" in running text."""
    v = ctx.view
    for line in ctx.lines:
        if line.heading or "-" not in line.text and "–" not in line.text and "—" not in line.text:
            continue        # the line has none of the dashes _DASH needs
        for m in _DASH.finditer(v, line.start, line.end):
            left = tokens(v, max(line.start, m.start() - 120), m.start())
            right = tokens(v, m.end(), min(line.end, m.end() + 160))
            if not left or not right:
                continue
            lw, rw = left[-1], right[0]
            if is_acronym(lw[2]) and not is_acronym(rw[2]) and not _place_acronym(lw[2]) and not is_strand_name(lw[2]):
                # (not "KESTREL-4i – Photonics Clusters Going Global": a coined name and its tagline)
                ch = chunks(v, m.end(), min(line.end, m.end() + 160))
                if ch and ch[0][0][0] == rw[0] and (len(ch[0]) > 1 or label_of_name(ch[0][0][2])):
                    span = ch[0]
                    if not initials_match(lw[2], [w[2] for w in span]):
                        # "CGEM - Confederation generale du enterprise du Maroc": the words the
                        # acronym spells, lower-case ones included, beat the capitalised run
                        exp = sh_expand(lw[2], right[:10], backwards=False)
                        span = exp or span
                    s, e, name = clean(v, span[0][0], span[-1][1])
                    out.append(Mention(s, e, name, label_of_name(name), "dash-def", 0.8, aliases=[lw[2]]))
                else:
                    exp = sh_expand(lw[2], right[:12], backwards=False)
                    if exp:
                        s, e, name = clean(v, exp[0][0], exp[-1][1])
                        out.append(Mention(s, e, name, label_of_name(name), "dash-def", 0.75, aliases=[lw[2]]))
            elif is_acronym(rw[2]) and not is_acronym(lw[2]) and (len(right) == 1 or not is_cap(right[1][2])
                                                                  or v[rw[1]:rw[1] + 1] in ",.;:)"):
                ch = chunks(v, max(line.start, m.start() - 120), m.start())
                seg_start = max(v.rfind(":", line.start, m.start()) + 1, line.start)
                seg = v[seg_start:m.start()]
                if ch and ch[-1][-1][1] == lw[1] and len(ch[-1]) > 1 and (
                        initials_match(rw[2], [w[2] for w in ch[-1]]) or not v[seg_start:ch[-1][0][0]].strip()):
                    # the run is the acronym's long form, or all the segment holds (not the tail of a
                    # longer name whose lower-case words broke the run: "… via the Themes of X – ACR")
                    s, e, name = clean(v, ch[-1][0][0], ch[-1][-1][1])
                    out.append(Mention(s, e, name, label_of_name(name), "dash-def", 0.8, aliases=[rw[2]]))
                elif seg.strip()[:1].isupper() and len(seg.split()) <= 5 and "," not in seg:
                    s, e, name = clean(v, seg_start, m.start())
                    out.append(Mention(s, e, name, label_of_name(name), "dash-def", 0.75, aliases=[rw[2]]))
