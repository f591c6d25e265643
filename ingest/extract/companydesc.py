"""What the words before a company's name say about it: "the Danish SME Fjordmoor ApS" is
Fjordmoor ApS, an SME in Denmark; "the Polish SMEs A and B" makes both Polish SMEs. The
description is taken off the name; a table row ending in "SME" says nothing of the row below it.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.mentions import Mention, is_acronym
from clusternet.ingest.resolve.normalise import split_legal_form

__all__ = ["without_descriptor", "described_list"]


_KIND_WORDS = frozenset({"SME", "SMEs", "company", "companies", "firm", "startup", "startups", "start-up", "start-ups",
                         "manufacturer", "supplier"})
_KIND = r"(?P<kind>" + "|".join(sorted(map(re.escape, _KIND_WORDS), key=len, reverse=True)) + r")\s+"
_DESCRIBED_COMPANY = re.compile(r"^(?:(?P<dem>[A-Z][a-z]+)\s+)?(?:[a-z][\w-]*\s+){0,2}" + _KIND + r"(?=[A-Z0-9])")
_DESCRIBED_BEFORE = re.compile(r"(?:\b(?P<dem>[A-Z][a-z]+)\s+)?(?:[a-z][\w-]*\s+){0,2}" + _KIND + r"$"
                               r"|\b[Tt]he\s+(?P<dem2>[A-Z][a-z]+)\s+(?:(?!(?:by|with|of|from|to|in|at|and|for|met|meets)\b)"
                               r"[a-z][\w-]*(?<!ed)\s+){1,3}$")  # "the Spanish recycler ", not "the German delegation visited "


def _demonym_country(word: str) -> str | None:
    """The country of a nationality or regional adjective ("Danish", "Scottish", "Flemish").

    >>> _demonym_country("Danish"), _demonym_country("Strategic")
    ('DK', None)
    """
    regional = load_lexicon().demonym_region(word)
    return adjective_country(word) or (regional[1] if regional else None)


def _may_describe(v: str, start: int) -> bool:
    """A cheap test that the words before ``start`` can be a description (a kind word last, or "the"
    and a capitalised word among the last five), before the regular expression reads them.

    >>> _may_describe("the Danish SME X", 15), _may_describe("met with X", 9)
    (True, False)
    """
    words = v[max(0, start - 60):start].split()[-5:]
    return bool(words) and (words[-1] in _KIND_WORDS or any(
        w in ("the", "The") and nxt[:1].isupper() for w, nxt in zip(words, words[1:])))


def without_descriptor(v: str, m: Mention) -> None:
    """A company's name without what the sentence calls it: "the Danish SME Fjordmoor ApS" is
    Fjordmoor ApS, an SME in Denmark (the country the description states, kept in ``stated_country``).

    >>> m = Mention(0, 32, "Danish SME Fjordmoor Systems ApS", None, "head", 0.7); without_descriptor("", m)
    >>> m.name, m.start, m.label, m.country
    ('Fjordmoor Systems ApS', 11, 'SME', 'DK')
    """
    if m.label not in (None, "Organisation", "SME", "Cluster"):
        return
    d = _DESCRIBED_COMPANY.match(m.name) if m.label != "Cluster" else None
    first, _, rest = m.name.partition(" ")
    code = adjective_country(first) if d is None and rest and m.label != "Cluster" else None
    if code and (split_legal_form(rest)[1] and not any(load_lexicon().label_of_head(w) for w in rest.split())
                 or is_acronym(rest)):      # "the Portuguese Madeiras do Minho, Lda.", "Estonian BTCC"; not "Finnish X Network ry"
        m.name, m.start, m.country = rest, m.start + len(first) + 1, m.country or code
        m.props["stated_country"] = code
        return
    rest = m.name[d.end():] if d is not None else ""
    if d is not None and len(rest) >= 2 and (not d.group("dem") or _demonym_country(d.group("dem"))) \
            and not (len(rest.split()) == 1 and load_lexicon().label_of_head(rest)):   # not "Finnish SME Association"
        m.name, m.start = rest, m.start + d.end()
        m.aliases = [a for a in m.aliases if a.split()[0] not in _KIND_WORDS]     # not "SMEs Fjordmoor ApS"
    else:
        d = None
    if d is None or not d.group("dem"):     # "the German engineering SME Rotorsense": what comes before says
        d = (_DESCRIBED_BEFORE.search(v, max(0, m.start - 60), m.start) if _may_describe(v, m.start) else None) or d
        if d is None or _row_before(v, d):
            return
    dem = d.group("dem") or (d.groupdict().get("dem2"))
    country = _demonym_country(dem) if dem else None
    if country:
        m.country = m.country or country
        m.props["stated_country"] = country
    if (d.group("kind") or "").startswith("SME") and m.label != "Cluster":
        m.label = "SME"
    if (d.group("kind") or "").endswith("s"):     # "the Polish SMEs A and B": the list's next names too
        m.props["described_list"] = (country, m.label)


def _row_before(v: str, d: re.Match) -> bool:
    r"""Whether a description found before a name is the end of a table's row above it ("…\tSME" over
    the next partner's row), not words of the name's own sentence.

    >>> v = "Thermo A/S\tDenmark\tSME\nInstitute X"; _row_before(v, _DESCRIBED_BEFORE.search(v, 0, 23))
    True
    """
    line = v[v.rfind("\n", 0, d.start()) + 1:d.end()]
    return "\n" in d.group(0) and ("\t" in line or "|" in line)


_NEXT_ITEM = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)$")


def described_list(v: str, out: list[Mention]) -> None:
    """The names listed after one a plural description opens take its country and label: in "the
    Polish SMEs A Sp. z o.o. and B Sp. z o.o." both are Polish SMEs.

    >>> a = Mention(16, 17, "A", "SME", "head", props={"described_list": ("PL", "SME")}); b = Mention(22, 23, "B", "Organisation", "head")
    >>> described_list("the Polish SMEs A and B joined", [a, b]); b.country, b.label
    ('PL', 'SME')
    """
    ordered = sorted((m for m in out if m.label in ("Organisation", "SME")), key=lambda m: m.start)
    for prev, m in zip(ordered, ordered[1:]):
        desc = prev.props.get("described_list")
        gap = _NEXT_ITEM.search(v, prev.end, m.start) if desc and m.start > prev.end else None
        if gap is not None and gap.start() == prev.end:
            country, label = desc
            m.country = m.country or country
            m.label = label if m.label == "Organisation" else m.label
            m.props.setdefault("described_list", desc)
