"""Place mentions in a document: countries (names, adjectives, ISO codes in brackets), the
gazetteer's regions and cities, "the X region", and a town of the general reference where the text
says a body is there ("(Mrągowo)", "from Narayanganj").

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; place_mentions(build_context("Alpha Cluster (Spain) met Beta Oy from Espoo."), out)
>>> [(m.name, m.label, m.country) for m in out]
[('Spain', 'Country', 'ES'), ('Espoo', 'City', 'FI')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, town
from clusternet.ingest.extract.mentions import Context, Mention, chunks
from clusternet.ingest.extract.rules import iso_is_acronym

__all__ = ["place_mentions"]


_ISO_PAREN = re.compile(r"\(([A-Z]{2})\)")
_X_REGION = re.compile(r"\b([A-Z][\w'’\-]+(?:[ -][A-Z][\w'’\-]+)*) region\b")


def place_mentions(ctx: Context, out: list[Mention]) -> None:
    """Countries (names, ISO codes in brackets, adjectives) and sub-national regions."""
    lex = load_lexicon()
    v = ctx.view
    for line in ctx.lines:
        for m in _ISO_PAREN.finditer(v[line.start:line.end]):
            c = country_code(m.group(1))
            mm = _ISO_PAREN.search(v, line.start + m.start())
            if c and not iso_is_acronym(v, mm):
                s = line.start + m.start(1)
                out.append(Mention(s, s + 2, c, "Country", "iso", 0.9, country=c))
        for span in chunks(v, line.start, line.end):
            _span_places(lex, v, span, out)
        # "the Coquimbo region", "the X region": a region even if the gazetteer lacks it
        seg = v[line.start:line.end]
        for m in _X_REGION.finditer(seg) if " region" in seg else ():
            name = m.group(1)
            if not fold(name) in lex.regions and not country_code(name) and not lex.city(name):
                s = line.start + m.start(1)
                out.append(Mention(s, s + len(name), name, "Region", "x-region", 0.7))


def _span_places(lex, v: str, span, out: list[Mention]) -> None:
    """The places of one chunk: at each word, the longest name (4 words down to 1) the gazetteer knows."""
    macro, regions, demonyms, cities = lex.macro, lex.regions, lex.region_demonyms, lex.cities
    i, k = 0, len(span)
    while i < k:
        hit = 0
        for n in range(min(4, k - i), 0, -1):     # the longest name first
            s, e = span[i][0], span[i + n - 1][1]
            name = " ".join(v[s:e].split()) if n > 1 else span[i][2]    # a word holds no space
            f = fold(name)
            if f in macro:
                hit = n
                break
            if f in regions:
                reg, cc = regions[f]
                # "Region SUD Provence-…" : take a leading "Region"/"Région" word in
                if i > 0 and fold(span[i - 1][2]) in ("region", "région", "regione", "región"):
                    s = span[i - 1][0]
                out.append(Mention(s, e, name if f == fold(reg) else " ".join(v[s:e].split()), "Region",
                                   "region", 0.9, country=cc, region=reg))
                hit = n
                break
            if f in demonyms:
                out.append(Mention(s, e, name, "Demonym", "region-adj", 0.6, region=demonyms[f],
                                   country=regions[fold(demonyms[f])][1]))
                hit = n
                break
            city = cities.get(f)      # lex.city(name)
            if n <= 3 and (len(name) > 3 or name.isupper() and n > 1):
                c = country_code(name)
                if c and (not city or city[0] == c and city[1] is None):     # Singapore, the city-state
                    out.append(Mention(s, e, name, "Country", "country", 0.9, country=c))
                    hit = n
                    break
            if city and not _inside_name(span, i, n):
                cc, reg = city
                out.append(Mention(s, e, name, "City", "city", 0.8, country=cc, region=reg))
                hit = n
                break
        i += hit or 1
    _town(v, span, out)


# where a body's town is said: "(Mrągowo)", "from Narayanganj", "based in Prešov", a cell "| Borås |"
_TOWN_BEFORE = re.compile(r"(?:\(|(?:^|\s)(?:from|in|at|near|de|à|en|di|da)\s+|\|\s*)$")
_TOWN_AFTER = re.compile(r"\s*(?:[),;|]|\.(?:\s|$)|$)")


def _town(v: str, span, out: list[Mention]) -> None:
    """A chunk that is a town of the general reference (:func:`.lexicon.town`), and nothing the
    gazetteer knows, where the text says a body is there: a City of the town's country.

    >>> out = []; _town("Mleczarnia Sp. z o.o. (Mrągowo) makes cheese", [(23, 30, "Mrągowo")], out)
    >>> [(m.name, m.country) for m in out]
    [('Mrągowo', 'PL')]
    """
    if not span or len(span) > 3:
        return
    s, e = span[0][0], span[-1][1]
    if not (_TOWN_BEFORE.search(v, max(0, s - 12), s) and _TOWN_AFTER.match(v, e)):
        return          # the cheap test first: most chunks stand where no town is said
    found = town(" ".join(v[s:e].split()))
    if found and not any(m.start < e and s < m.end for m in out):
        out.append(Mention(s, e, found[0], "City", "town", 0.7, country=found[1]))


def _inside_name(span, i: int, n: int) -> bool:
    """Whether the words ``span[i:i+n]`` stand between two capitalised words of one run ("Arctic
    Hull Tech"): a city's name inside another name places nothing.

    >>> _inside_name([(0, 6, "Arctic"), (7, 11, "Hull"), (12, 16, "Tech")], 1, 1)
    True
    >>> _inside_name([(0, 7, "Hamburg"), (8, 12, "Port")], 0, 1)
    False
    """
    return 0 < i and i + n < len(span) and span[i - 1][2][:1].isupper() and span[i + n][2][:1].isupper() \
        and span[i - 1][1] + 1 == span[i][0] and span[i + n - 1][1] + 1 == span[i + n][0]
