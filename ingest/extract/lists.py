"""Names that lists and roles vouch for, where no head noun does.

* "The 22 clusters participating are: fashion (MODACC), water (Aqua Partnership), …":
  three or more "<lower-case description> (<Name>)" items in one sentence are names, of
  the kind the words before the list say ("clusters" -> Cluster).
* "the Cluster Manager of FEMAC": what a cluster manager manages is a cluster.
* A country adjective right before such a name ("Cluster Manager of Hungarian Alfa Klaszter")
  gives it its country and is not part of it.

>>> from clusternet.ingest.extract.mentions import build_context
>>> ctx = build_context("The clusters taking part: fashion (MODA), water (Aqua Hub) and wine (Vinalia).")
>>> out = []; described_items(ctx, out, [0])
>>> [(m.name, m.label) for m in out]
[('MODA', 'Cluster'), ('Aqua Hub', 'Cluster'), ('Vinalia', 'Cluster')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country
from clusternet.ingest.extract.literals import with_initials
from clusternet.ingest.extract.mentions import Context, Mention, chunks, is_acronym
from clusternet.ingest.extract.rules import clean, label_of_name
from clusternet.ingest.extract.placewords import is_place
from clusternet.ingest.resolve.normalise import demonym_country

__all__ = ["adjective_country", "bullet_places", "described_items", "role_objects", "placed_acronyms", "joined_runs"]

_ITEM = re.compile(r"(?:^|[,:;]|\band\b)\s*(?:the\s+)?[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){0,5}\s*\(([^()\n]{2,60})\)")


def _list_label(lex, before: str) -> str | None:
    """The label the nearest head noun before a list gives its items ("the 22 clusters are:")."""
    for w in reversed(re.findall(r"[\w'’-]+", before)):
        lab = lex.label_of_head(w)
        if lab in ("Cluster", "Organisation", "Partnership"):
            return "Cluster" if fold(w).startswith("cluster") else lab
    return None


def described_items(ctx: Context, out: list[Mention], gid: list[int]) -> None:
    """Three or more "<description> (<Name>)" items in one sentence: each Name is a name."""
    lex = load_lexicon()
    generic = {fold(a) for a in lex["generic_acronyms"]}
    v = ctx.view
    for sent in ctx.sents:
        if v.count("(", sent.start, sent.end) < 3:
            continue        # each item holds its own "(": fewer than three cannot make a list
        items = list(_ITEM.finditer(v, sent.start, sent.end))
        if len(items) < 3:
            continue
        gid[0] += 1
        kind = _list_label(lex, v[sent.start:items[0].start()])
        for m in items:
            s, e, name = clean(v, m.start(1), m.end(1))
            if not name[:1].isupper() or is_place(name) or fold(name) in generic or re.search(r"\d{4}", name):
                continue
            lab = kind if kind == "Cluster" else (label_of_name(name) or kind or "Organisation")
            out.append(Mention(s, e, name, lab, "described-item", 0.75, group=gid[0]))


_ROLE = re.compile(with_initials(r"\b(?:(?P<cl>[Cc]luster)\s+)?(?:[Gg]eneral\s+[Mm]anager|[Mm]anaging\s+[Dd]irector|"
                   r"[Ee]xecutive\s+[Dd]irector|"
                   r"[Mm]anager|[Dd]irector(?:[- ][Gg]eneral)?|[Cc]oordinator|[Pp]resident|CEO|[Cc]hair(?:man|woman|person)?|"
                   r"[Ss]ecretary[- ][Gg]eneral|[Ff]ounder)\s+of\s+(?:the\s+)?"))


def role_objects(ctx: Context, out: list[Mention]) -> None:
    """"Cluster Manager of X": X is a cluster (a country adjective before it is its country).

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; role_objects(build_context("said the Cluster Manager of Hungarian Alfa Klaszter."), out)
    >>> [(m.name, m.label, m.country) for m in out]
    [('Alfa Klaszter', 'Cluster', 'HU')]
    """
    v = ctx.view
    for m in _ROLE.finditer(v):
        ch = chunks(v, m.end(), min(len(v), m.end() + 120))
        if not ch or ch[0][0][0] != m.end():
            continue
        words = ch[0]
        country = None
        if len(words) > 1 and adjective_country(words[0][2]):
            country = adjective_country(words[0][2])
            if not all(load_lexicon().label_of_head(w[2]) for w in words[1:]):
                words = words[1:]       # "Hungarian Alfa Klaszter" is Alfa Klaszter; "Serbian Cluster Network" stays
        s, e, name = clean(v, words[0][0], words[-1][1])
        if not name or is_place(name):
            continue
        lab = label_of_name(name)
        if not m.group("cl"):       # "president of Aéro Montréal": a body, a cluster only if its name says so
            if lab is None and len(words) < 2 and not is_acronym(name) or lab in ("Event", "Agreement"):
                continue
            out.append(Mention(s, e, name, lab or "Organisation", "role-of", 0.7, country=country))
            continue
        out.append(Mention(s, e, name, lab if lab not in (None, "Organisation") else "Cluster", "role-of", 0.75,
                           country=country))


def adjective_country(word: str) -> str | None:
    """The country of a capitalised nationality adjective ("Moroccan"; the normaliser's demonyms),
    None for a country's own name or an acronym.

    >>> adjective_country("Moroccan"), adjective_country("Morocco"), adjective_country("MASCIR")
    ('MA', None, None)
    """
    if not word[:1].isupper() or word.isupper() or len(word) < 4:
        return None
    return demonym_country(word)


_PLACED = re.compile(with_initials(r"\b([A-Z][\w&\-]{1,14})\s+(?:from|in|based\s+in)\s+(?:the\s+)?"
                                   r"([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)"))


def placed_acronyms(ctx: Context, out: list[Mention]) -> None:
    """"IDEPA from Asturias", "MNC in Casablanca": an acronym placed by "from/in <place>" is a body there.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; placed_acronyms(build_context("with IDEPA from Asturias and SMEs in Spain."), out)
    >>> [(m.name, m.country, m.region) for m in out]
    [('IDEPA', 'ES', 'Asturias')]
    """
    lex = load_lexicon()
    generic = {fold(a) for a in lex["generic_acronyms"]}
    v = ctx.view
    for m in _PLACED.finditer(v):
        name, place = m.group(1), m.group(2)
        if not is_acronym(name) or fold(name) in generic or is_place(name) \
                or re.search(r"[A-Z][\w'’-]*\s+$", v[max(0, m.start() - 30):m.start()]):
            continue              # "THE NEXT SOCIETY in …": the last word of a longer name
        code = place_country(place) or place_country(place.split()[0])
        if not code or fold(place) in lex.macro:
            continue
        reg = lex.region(place) or lex.region(place.split()[0])
        region = reg[0] if reg else (place.split()[0] if lex.city(place.split()[0]) else None)
        out.append(Mention(m.start(1), m.end(1), name, label_of_name(name) or "Organisation", "placed-acronym", 0.7,
                           country=code, region=region))


_TAIL_PLACE = re.compile(r"\s*(?:,|\s[-–—|]\s|:)\s*([A-Z][\w'’.\- ]{1,40}?)(?:\s*(?:,|\s[-–—]\s)\s*([A-Z][\w'’.\- ]{1,40}?))?\s*[.;]?\s*$")


_TRAILING_ACRONYM = re.compile(r"\s*\(([A-Z][\w&-]{1,12})\)\s*$")
_TRAILING_ROLE = re.compile(r"\s*\([a-z][a-z .-]{2,30}\)\s*$")        # "(coordinator)", "(lead partner)"


def bullet_places(ctx: Context, out: list[Mention], gid: list[int]) -> None:
    """A bullet line "Name, Country", "Name – City, Country": the name with its country.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; bullet_places(build_context("Partners:\\n- Alfa Cluster, Spain\\n- Beta Hub – Graz, Austria\\n"
    ...                                       "- Gamma Cluster (lead partner), Italy\\n"), out, [0])
    >>> [(m.name, m.country) for m in out]
    [('Alfa Cluster', 'ES'), ('Beta Hub', 'AT'), ('Gamma Cluster', 'IT')]
    """
    v = ctx.view
    gid[0] += 1
    for line in ctx.lines:
        if not line.bullet or line.heading:
            continue
        seg = v[line.start:line.end]
        m = _TAIL_PLACE.search(seg)
        if not m or m.start() == 0:
            continue
        place = (m.group(2) or m.group(1)).strip()
        if not is_place(place) or (m.group(2) and not is_place(m.group(1).strip())):
            continue
        s, e, name = clean(v, line.start, line.start + m.start())
        if not name[:1].isupper() or len(name.split()) > 10 or is_place(name) or "," in name:
            continue
        role = _TRAILING_ROLE.search(v, s, e)         # "Water Cluster X (coordinator), Italy": no part of the name
        if role:
            s, e, name = clean(v, s, role.start())
        acr = _TRAILING_ACRONYM.search(v, s, e)       # "Polski Klaster … (PKME), Poland": the acronym is an alias
        if acr:
            e = acr.start()
            name = " ".join(v[s:e].split())
        out.append(Mention(s, e, name, label_of_name(name), "country-list:bullet", 0.8, country=place_country(place),
                           group=gid[0], aliases=[acr.group(1)] if acr else []))


def joined_runs(v: str, occ: list, join) -> list[tuple[int, int]]:
    """(first, last) indexes of the runs of ``occ`` (spans ``(start, end, …)`` sorted by start) that
    only ``join`` separates in ``v``: the names of one list ("A, B and C").

    >>> import re
    >>> joined_runs("A, B and C met D.", [(0, 1), (3, 4), (9, 10), (15, 16)], re.compile(r",\\s*|\\s+and\\s+"))
    [(0, 2), (3, 3)]
    """
    runs, k = [], 0
    while k < len(occ):
        j = k
        while j + 1 < len(occ) and join.fullmatch(v, occ[j][1], occ[j + 1][0]):
            j += 1
        runs.append((k, j))
        k = j + 1
    return runs
