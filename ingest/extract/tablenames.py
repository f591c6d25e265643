"""Names a table gives (used by :mod:`.finders`): the first cell of a row whose other cells name
one country is an organisation's name, in that country; a first column headed "Cluster" labels
them clusters.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.generic import is_generic_name
from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country
from clusternet.ingest.extract.mentions import Context, Mention, is_acronym
from clusternet.ingest.extract.rules import _namey, clean, label_of_name
from clusternet.ingest.extract.placewords import is_place
from clusternet.ingest.extract.view import TABLE_RULE

__all__ = ["table_rows"]


def _column_kind(header: str | None) -> str | None:
    """The label a table's first column header gives its names: "Cluster" or "Clusters" -> Cluster.

    >>> _column_kind("| Cluster | Country |"), _column_kind("| Partner | Country |")
    ('Cluster', None)
    """
    first = next((c.strip() for c in (header or "").split("|") if c.strip()), "")
    return "Cluster" if fold(first) in ("cluster", "clusters", "cluster organisation", "cluster organisations") else None


_CELL_ROLE = re.compile(r"(?i)\s*(?:[–—-]\s*|\(\s*)(?:lead\s+partner|coordinator|project\s+lead|leader|partner|"
                        r"associated\s+partner)\)?\s*$")


def _translated(inner: str) -> bool:
    """Whether a bracket after a name in a cell holds the name again in other words: capitalised
    words, none a place ("(Adriatic Tourism Cluster)", not "(Dalmatia)").

    >>> _translated("Adriatic Tourism Cluster"), _translated("Dalmatia"), _translated("lead partner")
    (True, False, False)
    """
    words = inner.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words if len(w) > 3) and not is_place(inner.strip())


def _own_words(name: str) -> bool:
    """Whether a first cell reads as a name in its own language, capitalised on its first word
    only ("Slavonski drvni klaster" beside its country): two to six words, none a number.

    >>> _own_words("Slavonski drvni klaster"), _own_words("Total"), _own_words("other members")
    (True, False, False)
    """
    words = name.split()
    return 2 <= len(words) <= 6 and words[0][:1].isupper() and not is_acronym(words[0]) and not is_generic_name(name)


def table_rows(ctx: Context, out: list[Mention]) -> None:
    """The first cell of a table row whose other cells name one country: an organisation's name.

    ("| Energy Valley | Netherlands | 140 |" in a partner table.) The row's country is its
    country; rows without a country cell, header rows and numbers are left alone.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []
    >>> table_rows(build_context("| Partner | Country |\\n|---|---|\\n| Energy Valley | Netherlands |\\n"), out)
    >>> [(m.name, m.country) for m in out]
    [('Energy Valley', 'NL')]
    """
    v = ctx.view
    generic = load_lexicon().words("generic_names")
    kind, prev = None, None     # the label the table's first column is headed with ("| Cluster | Country |")
    for line in ctx.lines:
        raw = v[line.start:line.end]
        if raw.count("|") < 2 and "\t" not in raw:
            kind, prev = None, None
            continue
        if TABLE_RULE.fullmatch(raw):
            kind = _column_kind(prev)
            continue
        prev = raw
        cells = [(c.start(), c.end()) for c in re.finditer(r"[^|\t]+", raw) if c.group(0).strip()]
        if len(cells) < 2:
            continue
        codes = {place_country(raw[a:b].strip()) for a, b in cells[1:] if is_place(raw[a:b].strip())}
        codes.discard(None)
        if len(codes) != 1:
            continue
        s, e, name = clean(v, line.start + cells[0][0], line.start + cells[0][1])
        role = _CELL_ROLE.search(name)      # "Alpine Tourism Cluster (ATC) – coordinator": the role is no name
        if role:
            name, e = name[:role.start()], s + role.start()
        am = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)       # "Atlantic Ports Network (APN)"
        translated = bool(am) and _translated(am.group(2))     # "Jadranski turistički klaster (Adriatic Tourism Cluster)"
        if (not name or is_place(name) or fold(name) in generic or re.search(r"\d", name)
                or len(name.split()) > 8 or not (translated or _namey(v, s, e, strict=False) or _own_words(name))):
            continue
        aliases = []
        if am and (is_acronym(am.group(2).strip()) or translated):
            name, aliases = am.group(1).strip(), [am.group(2).strip()]
            k = v.find(name, s, e)
            e = k + len(name) if k >= 0 else e
        out.append(Mention(s, e, name, label_of_name(name) or kind, "table-row", 0.7, country=codes.pop(), aliases=aliases))
