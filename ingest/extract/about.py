"""A page's "About X" sections: the boilerplate a press release or news page closes with
("About CATGA", "À propos de Compositec", "Sobre Envatec", "Chi siamo – Il DiMA …"). What such a
section states without naming its subject again ("It brings together 164 members", "It is a
member of the national network") is about X.

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "News of the day.\\n\\nAbout Blue Harbour Cluster\\n\\nFounded in 2009, it brings together 164 members.\\n"
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> [(e.name, text[s:e_].split()[0]) for s, e_, e in about_sections(ctx, ents)]
[('Blue Harbour Cluster', 'Founded')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_right

from clusternet.ingest.extract.resolve import norm

__all__ = ["about_sections", "about_owner"]

BODIES = ("Cluster", "Organisation", "SME", "Partnership")
MAX_SECTION = 1500      # an "About" section runs to the next heading, at most this many characters

# the words that open an "About" heading or lead-in, in the languages of the corpus
_ABOUT = re.compile(r"(?i)[\W_]*(?:about(?:\s+us)?|à\s+propos(?:\s+d[eu']|\s+des)?|a\s+propos(?:\s+d[eu'])?|"
                    r"sobre|acerca\s+de|über|chi\s+siamo|chi\s+è|qui\s+sommes[-\s]nous)(?=[\s'’:–—*]|$)")
# where the lead-in's name ends on a line that goes on with the text ("**About X** – X is …")
_LEAD_END = re.compile(r"\*\*|\s[–—-]\s|:\s|$", re.M)


def about_sections(ctx, ents) -> list[tuple[int, int, object]]:
    """(start, end, body) of each "About X" section of ``ctx``: from the end of its heading or
    lead-in to the next heading, and the body the heading names (else the first body its text
    names)."""
    out = []
    heads = [i for i, ln in enumerate(ctx.lines) if ln.heading]
    for i, line in enumerate(ctx.lines):
        m = _ABOUT.match(ctx.view, line.start, line.end)
        if m is None:
            continue
        name_end = _LEAD_END.search(ctx.view, m.end() + 1, line.end + 1)
        body_start = name_end.end() if name_end and name_end.start() < line.end else line.end
        nxt = next((ctx.lines[k].start for k in heads if k > i), len(ctx.view))
        end = min(nxt, body_start + MAX_SECTION)
        said = ctx.view[m.end():name_end.start() if name_end else line.end].strip(" '’*:–—-\t")
        owner = _named(ents, said) if said else _first_body(ents, body_start, min(end, body_start + 200))
        if owner is not None and body_start < end:
            out.append((body_start, end, owner))
    return out


def _named(ents, said: str):
    """The one body whose name or alias is ``said`` (a heading's words after "About", with or
    without its article), else None ("About the parties" names no one body)."""
    key = norm(re.sub(r"(?i)^(?:the|le|la|les|el|los|il|l['’])\s*", "", said))
    found = {e for e in ents if e.label in BODIES
             and key in {norm(n) for n in (e.name, *e.aliases, re.split(r"\s[–—-]\s", e.name)[0])}}
    return found.pop() if len(found) == 1 else None


def _first_body(ents, lo: int, hi: int):
    """The body whose mention starts first within ``[lo, hi)``, else None."""
    found = [(m.start, e) for e in ents if e.label in BODIES for m in e.mentions if lo <= m.start < hi]
    return min(found, key=lambda x: x[0])[1] if found else None


def about_owner(sections: list[tuple[int, int, object]], pos: int):
    """The body of the "About" section holding ``pos``, else None.

    >>> about_owner([(10, 50, "X"), (80, 90, "Y")], 30), about_owner([(10, 50, "X")], 60)
    ('X', None)
    """
    k = bisect_right([s for s, _, _ in sections], pos) - 1
    return sections[k][2] if k >= 0 and pos < sections[k][1] else None
