"""Names that French, Spanish, Italian and Portuguese texts write in sentence case: a capitalised
head noun of a body (``heads`` in lexicon.yaml) and lower-case words after it ("l'Institut des
composites durables", "la Asociación valenciana de empresarios", "l'Agence régionale d'export
des Pays de la Loire"). Capitalised-run rules miss them; a Romance determiner or elision right
before the head says the run is a name (used by :mod:`.finders`).

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; romance_names(build_context("Le Réseau national des pôles matériaux a soutenu la délégation."), out)
>>> [(m.name, m.label) for m in out]
[('Réseau national des pôles matériaux', 'Organisation')]
"""
from __future__ import annotations

from functools import lru_cache

import clusternet.ingest.extract.fastre as re
from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country
from clusternet.ingest.extract.literals import alternation
from clusternet.ingest.extract.mentions import Context, Mention
from clusternet.ingest.extract.rules import label_of_name

__all__ = ["romance_names"]

# what stands right before a name's head: an article, a contraction or an elision ("l'", "dell'")
_BEFORE = r"(?:(?<![\w’'-])(?i:la|le|les|el|los|las|il|lo|gli|del|della|al|alla|au|aux|du|des|dalla|nella|sulla|una|une|" \
          r"un|uno|um|uma|o|a|do|da|no|na|pelo|pela)\s+|(?<![\w’'-])(?i:l|d|dell|all|dall|nell|sull)['’])"
# a connector inside a name, then a lower-case word or a capitalised one (a place: "du Québec")
_LINK = r"(?:de\s+la|de\s+l['’]|de\s+los|de\s+las|della|delle|dell['’]|degli|dei|del|des|du|de|di|da|do|dos|das|d['’]|en|em)"
_LOWER = r"[a-zà-ÿ][a-zà-ÿ-]{2,}"
_UPPER = r"[A-ZÀ-Ý][\w’'-]+"


@lru_cache(maxsize=1)
def _rx() -> re.Pattern:
    """Determiner, capitalised head, then lower-case words and connected words, as one pattern."""
    lex = load_lexicon()
    heads = sorted({h for lab in ("Cluster", "Organisation") for h in lex["heads"][lab] if " " not in h and len(h) > 3},
                   key=len, reverse=True)
    head = alternation([h[:1].upper() + h[1:] for h in heads], False)
    word = r"(?:\s+" + _LINK + r"\s*(?:" + _LOWER + r"|" + _UPPER + r"(?:\s+" + _UPPER + r")?)|\s+" + _LOWER + r")"
    return re.compile(_BEFORE + r"(?P<name>(?:" + head + r")" + word + r"{1,7})")


# participles that open a clause ("basée à", "fundada en") end a name, as the lexicon's romance_name_stops do
# the small words inside a name ("de la", "dell'", "en"): no content of their own
_JOINS = frozenset({"de", "des", "du", "del", "della", "delle", "dei", "degli", "dell", "di", "da", "do", "dos", "das", "la",
                    "las", "los", "le", "les", "l", "d", "en", "em"})
_CLAUSE = re.compile(r"(?:ée?s?|ad[oa]s?|id[oa]s?|at[oaie]|ut[oaie])$")
_CLAUSE_NEXT = re.compile(r"\s+(?:par|por|da|dal|dalla|en|à|a|in|con|avec|sur|depuis|desde|pelo|pela)\b")


def _trimmed(v: str, start: int, name: str) -> str:
    """``name`` cut before a stop word, a participle that opens a clause, or a trailing connector."""
    words, stops = list(re.finditer(r"\S+", name)), load_lexicon().words("romance_name_stops")
    keep, proper = len(words), False
    for i, w in enumerate(words[1:], 1):
        f = fold(w.group(0))
        if f in stops or (_CLAUSE.search(f) and _CLAUSE_NEXT.match(v, start + w.end())) \
                or proper and w.group(0)[:1].islower() and f not in _JOINS:
            keep = i        # "… de Galicia agrupa": a verb after the place that ends a name
            break
        proper = proper or w.group(0)[:1].isupper()
    while keep > 1 and re.fullmatch(_LINK, words[keep - 1].group(0)):
        keep -= 1
    return name[:words[keep - 1].end()]


def romance_names(ctx: Context, out: list[Mention]) -> None:
    """Sentence-case Romance names after a determiner (see the module), each with its head's label."""
    v = ctx.view
    if not re.search(r"[àâçéèêîôûùñóíú]", v):
        return      # no Romance text
    for m in _rx().finditer(v):
        name = _trimmed(v, m.start("name"), m.group("name"))
        words = name.split()
        if len(words) < 2 or not any(w[:1].islower() and fold(re.sub(r"^[dl]['’]", "", w)) not in _JOINS for w in words[1:]):
            continue        # "la Asociación de Galicia": the capitalised-run rules read it
        label, end = label_of_name(name), m.start("name") + len(name)
        edition = _EDITION.match(v, end)
        if label == "Organisation" and edition and fold(words[0]) in load_lexicon().words("dated_event_heads"):
            label = "Event"     # "du Forum international des technologies de l'eau (FITE 2025)": an edition
        if label in ("Cluster", "Organisation", "Event"):
            out.append(Mention(m.start("name"), end, name, label, "romance-name", 0.6, country=_place_at_end(name),
                               aliases=[edition.group(1)] if label == "Event" else []))


_EDITION = re.compile(r"\s*\(([^()]{2,24}?\s(?:19|20)\d{2})\)")     # "(FITE 2025)" after a forum's name


def _place_at_end(name: str) -> str | None:
    """The country of the place a name ends with after its last connector ("… des Pays de la Loire").

    >>> _place_at_end("Agence régionale d'export des Pays de la Loire"), _place_at_end("Institut des composites durables")
    ('FR', None)
    """
    found = re.search(r"(?:^|\s)" + _LINK + r"\s*(" + _UPPER + r"(?:\s+(?:de\s+la\s+|de\s+|del\s+)?" + _UPPER + r")*)$", name)
    return place_country(found.group(1)) if found else None
