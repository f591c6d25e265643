"""A name given in brackets after a lower-case description of it: "a Danish construction
cluster (InnoBYG)", "a cluster of Czech nanotechnologies (Nanoprogress)", "the regional
development agency (ADRAVE)".

The description's head noun gives the label and a country word in it the country; the
bracketed name is the entity (the description is not a name of its own).

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; described_in_brackets(build_context("It met a Danish construction cluster (InnoBYG) there."), out)
>>> [(m.name, m.label, m.country) for m in out]
[('InnoBYG', 'Cluster', 'DK')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, load_lexicon, place_country
from clusternet.ingest.extract.literals import with_initials
from clusternet.ingest.extract.mentions import Context, Mention

__all__ = ["described_in_brackets", "bracketed_programme"]

# "a/an/the" + up to six lower-case or country words + "(Name)"
_DESCRIBED = re.compile(with_initials(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){0,6}?[a-z][\w’'-]*)\s+\(([A-Z][^()\n]{1,60})\)"))


def described_in_brackets(ctx: Context, out: list[Mention]) -> None:
    """Names in brackets after a description whose head noun (or a noun in it) has a label."""
    lex = load_lexicon()
    for m in _DESCRIBED.finditer(ctx.view):
        desc, name = m.group(1), m.group(2).strip()
        words = desc.split()
        if any(w[:1].isupper() and not place_country(w) for w in words):
            continue    # a capitalised word that is no place: the words before are a name (other rules)
        label = next((lex.label_of_head(w) for w in reversed(words) if lex.label_of_head(w)), None)
        if label not in ("Cluster", "Organisation") or country_code(name) or "," in name:
            continue
        code = next((place_country(w) for w in words if w[:1].isupper() and place_country(w)), None)
        s = m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
        out.append(Mention(s, s + len(name), name, label, "described-item", 0.75, country=code))


def bracketed_programme(v: str, out: list) -> None:
    """A programme named again in brackets right after its name ("European Strategic Cluster Partnership
    for Going International (ESCP-4i)") is that programme: the bracketed mention takes the name before it.

    >>> from clusternet.ingest.extract.mentions import Mention
    >>> t = "a European Strategic Cluster Partnership (ESCP) funded"
    >>> out = [Mention(2, 40, "European Strategic Cluster Partnership", "Programme", "programme"),
    ...        Mention(42, 46, "ESCP", "Programme", "programme")]
    >>> bracketed_programme(t, out); out[1].name, out[1].aliases
    ('European Strategic Cluster Partnership', ['ESCP'])
    """
    progs = sorted((m for m in out if m.label == "Programme"), key=lambda m: m.start)
    by_start = {m.start: m for m in progs}
    for m in progs:
        gap = re.match(r"\s*\(\s*", v[m.end:m.end + 6])
        inner = by_start.get(m.end + gap.end()) if gap else None
        if inner is not None and inner is not m and v[inner.end:inner.end + 1] == ")" and inner.name != m.name:
            inner.aliases.append(inner.name)
            inner.name = m.name
