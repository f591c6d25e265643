"""Companies the page presents as SMEs take the SME label.

A strategy team counts the SMEs of a delegation or a consortium, so a company the text calls an SME
is one: described after its name ("Hartl Guss GmbH, a family-owned SME", "Kysuce s.r.o. – wiring
harnesses (SME)"), before it ("the Leiria SME Pinhal Design", "la PME Voltika SARL", "la pyme
tecnológica Ictiosense"), by its row of a table (a cell reading "SME" or "pyme"), or as a company
of a list the sentence says are SMEs ("Among the SMEs were A, B and C"). The words are lexicon data
(``sme_words``: the singular, ``sme_plurals``).

>>> from types import SimpleNamespace as E
>>> v = "Visits: Hartl Guss GmbH, a family-owned SME (85 employees), and the LMC, a centre open to SMEs."
>>> ents = [E(label="Organisation", name="Hartl Guss GmbH", mentions=[E(start=8, end=23)]),
...         E(label="Organisation", name="LMC", mentions=[E(start=73, end=76)])]
>>> relabel_smes(v, ents); [e.label for e in ents]
['SME', 'Organisation']
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_right
from functools import lru_cache

from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.resolve.normalise import split_legal_form

__all__ = ["relabel_smes"]

# a full stop ending a sentence, not a legal form's ("Sp. z o.o. and"): two letters, the stop, a capital
_SENTENCE_END = re.compile(r"[a-z0-9)]{2}[.!?]\s+(?=[A-Z])")
# words that make the SME word a complement, not the company's kind ("an association of SME exporters")
_NOT_BETWEEN = frozenset("of for with to by from and or de des du para per pour di del della dei delle".split())


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    """(after, before, cell, list cue, group) patterns built from the lexicon's SME words."""
    lex = load_lexicon()
    one = "|".join(re.escape(str(w)) for w in lex["sme_words"])
    many = "|".join(re.escape(str(w)) for w in lex["sme_plurals"])
    after = re.compile(r"\**\s*(?:\([^()\n]{0,60}\)\s*)?(?:,\s*[A-Z][\w'’-]+\s*)?(?:,|–|—|-|:)\s*"
                       r"(?:(?i:an?|the|une?|una?|la|le)\s+(?P<words>(?:[\w'’-]+\s+){0,4}?))?(?:" + one + r")\b")
    before = re.compile(r"(?i)\b(?:the|a|an|la|le|une|una|un|its|their|our)\s+(?:[\w'’-]+\s+){0,3}?(?:" + one
                        + r")(?:\s+[a-zà-ÿ]+)?\s+(?:\*\*)?$")
    cell = re.compile(r"(?i)(?:^|\t|\||\s{2})\s*(?:" + one + r")\s*(?:$|\t|\||\s{2})|\((?:" + one + r")\)")
    cue = re.compile(r"(?i)\b(?:" + many + r")\b(?:\s*:|[^.;:\n]{0,30}?\b(?:were|are|among\s+(?:them|which|whom)|"
                     r"including|such\s+as|like|comme|como|come|tra\s+cui|entre\s+(?:ellas|ellos)|dont|"
                     r"parmi\s+(?:elles|eux|lesquelles|lesquels))\b|(?:\s+[a-zà-ÿ]+){0,3}\s*:)"
                     r"|\b(?:the|las|los|les|le|i|gli)\s+(?:[\w'’-]+\s+){0,2}?(?:" + many + r")\s+(?=[A-Z*])")
    full = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in lex["sme_in_full"])
    group = re.compile(r"(?i)\b(?:" + many + "|" + full + r")\b")
    return after, before, cell, cue, group


def relabel_smes(view: str, ents, lines=()) -> None:
    """Give (in place) the SME label to each organisation the page presents as an SME (``lines``:
    the view's lines, for the lists and tables a lead says are of SMEs)."""
    starts, led = [ln.start for ln in lines], _sme_lists(lines)
    for e in ents:
        if e.label != "Organisation":
            continue
        formed = split_legal_form(e.name)[1] is not None    # a company by its legal form: a list may say it is an SME
        if any(_said_sme(view, m.start, m.end, formed) or formed and bisect_right(starts, m.start) - 1 in led
               for m in e.mentions[:8]):
            e.label = "SME"


def _said_sme(view: str, s: int, e: int, formed: bool) -> bool:
    """Whether the mention at ``view[s:e]`` is presented as an SME there (``formed``: the name ends in
    a legal form)."""
    after, before, cell, *_ = _patterns()
    am = after.match(view, e, min(len(view), e + 160))
    if am and not _NOT_BETWEEN & set((am.group("words") or "").lower().split()) and "\n" not in am.group(0):
        return True
    if before.search(view, max(0, s - 80), s):
        return True
    line_start, line_end = view.rfind("\n", max(0, s - 300), s) + 1, view.find("\n", e, e + 300)
    if cell.search(view, max(line_start, s - 300), line_end if line_end >= 0 else min(len(view), e + 300)):
        return True     # the row's cells, read no further than 300 characters either side
    return formed and _listed_as_sme(view, s)     # only a company by its legal form: an acronym may be a cluster


def _listed_as_sme(view: str, s: int) -> bool:
    """Whether the name at ``s`` stands in a sentence's list the sentence says are SMEs
    ("Among the SMEs were the Polish Agrosusz Sp. z o.o., the Italian Frigomec S.r.l. …").

    >>> v = "14 companies came. Among the SMEs were Agrosusz Sp. z o.o. and Frigomec S.r.l."
    >>> _listed_as_sme(v, v.index("Frigomec")), _listed_as_sme(v, 0)
    (True, False)

    The companies a sentence lists are SMEs too when the sentence before says they are:
    >>> v = "It brought 12 representatives of SMEs. Among the companies were Alpha AB and Beta Oy."
    >>> _listed_as_sme(v, v.index("Beta"))
    True
    """
    para = max(view.rfind("\n\n", 0, s), s - 400, 0)
    start = para
    for b in _SENTENCE_END.finditer(view, para, s):
        start = b.end()
    if _patterns()[3].search(view, start, s) is not None:
        return True
    cw = _COMPANIES_WERE.search(view, start, s)
    return bool(cw and _patterns()[4].search(view, max(para, cw.start() - 300), cw.start()))


# a sentence listing the companies ("Among the companies were", "Between the companies were")
_COMPANIES_WERE = re.compile(r"(?i)\b(?:among|between)\s+(?:the|them|these)\s+(?:\w+\s+)?(?:companies|firms)\s+"
                             r"(?:were|are)\b")


def _sme_lists(lines) -> set[int]:
    r"""The indexes of the ``lines`` that are items of a list or rows of a table whose lead, the
    heading or colon-ended line right above it, speaks of SMEs: "### Small and medium-sized
    enterprises" over a table of companies, "… nine small and medium enterprises. Participants were:"
    over a list.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> v = "The delegation: nine SMEs. Participants were:\n\n- Alpha Sp. z o.o.\n- Beta Oy\nThanks:\n- Gamma AB\n"
    >>> lines = build_context(v).lines; [lines[k].text.strip() for k in sorted(_sme_lists(lines))]
    ['Alpha Sp. z o.o.', 'Beta Oy']
    """
    out, led = set(), False
    for k, line in enumerate(lines):
        if not _item(line):
            continue
        if k == 0 or not _item(lines[k - 1]):     # a list's first item (a table's header row): read its lead
            led = _led_by_smes(lines, k)
        if led:
            out.add(k)
    return out


def _led_by_smes(lines, k: int) -> bool:
    """Whether the lead of the list whose first item is line ``k`` (the heading or colon-ended line
    right above it, read with the line before) speaks of SMEs."""
    if k == 0 or not (lines[k - 1].heading or lines[k - 1].text.rstrip().endswith(":")):
        return False
    lead = " ".join(ln.text.strip() for ln in lines[max(0, k - 2):k])[-300:]
    return _patterns()[4].search(lead) is not None


def _item(line) -> bool:
    """A list's item or a table's row."""
    return line.bullet or line.text.lstrip().startswith("|")
