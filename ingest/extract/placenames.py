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
from bisect import bisect_left
from itertools import accumulate

from clusternet.ingest.extract.lexicon import (accents_clash, country_code, fold, is_subdivision_code, load_lexicon,
                                               place_country, subdivision_country, town)
from clusternet.ingest.extract.mentions import Context, Mention, chunks
from clusternet.ingest.extract.placing import PLACE_LABELS
from clusternet.ingest.extract.rules import iso_is_acronym

__all__ = ["place_mentions"]


_ISO_PAREN = re.compile(r"\(([A-Z]{2})\)")
_X_REGION = re.compile(r"\b([A-Z][\w'’\-]+(?:[ -][A-Z][\w'’\-]+)*) region\b")

_TOWN_BEFORE_BRACKET = re.compile(r"([A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2})\s*\($")


def town_province(v: str, m: re.Match) -> str | None:
    """The country of a town whose state or province code follows it in brackets ("Curitiba (PR)":
    BR, "Carpi (MO)": IT), else None: such a code is not a country.

    >>> town_province("Curitiba (PR)", re.search(r"\\((PR)\\)", "Curitiba (PR)"))
    'BR'
    """
    at = v.find("(", m.start(), m.end()) + 1
    tm = _TOWN_BEFORE_BRACKET.search(v, max(0, at - 40), at) if at else None
    place = town(tm.group(1)) if tm else None
    code = m.group(1).strip()
    return place[1] if place and place[1] != country_code(code) and is_subdivision_code(place[1], code) else None


def place_mentions(ctx: Context, out: list[Mention]) -> None:
    """Countries (names, ISO codes in brackets, adjectives) and sub-national regions."""
    lex = load_lexicon()
    v = ctx.view
    taken = _Taken(out)
    for line in ctx.lines:
        taken.line_from = len(out)
        for m in _ISO_PAREN.finditer(v[line.start:line.end]):
            mm = _ISO_PAREN.search(v, line.start + m.start())
            c = town_province(v, mm) or country_code(m.group(1))
            if c and not iso_is_acronym(v, mm):
                s = line.start + m.start(1)
                out.append(Mention(s, s + 2, c, "Country", "iso", 0.9, country=c))
        for span in chunks(v, line.start, line.end):
            _span_places(lex, v, span, out, taken)
        # "the Coquimbo region", "the X region": a region even if the gazetteer lacks it
        seg = v[line.start:line.end]
        for m in _X_REGION.finditer(seg) if " region" in seg else ():
            name = m.group(1)
            if not fold(name) in lex.regions and not country_code(name) and not lex.city(name):
                s = line.start + m.start(1)
                _add_headed(lex, v, (s, s + len(name), line.start + m.end()), name, None, out, "x-region")
        if _HEAD_HINT.search(seg):
            _headed_regions(lex, v, line.start, line.end, out)


class _Taken:
    """Whether a span overlaps a mention already in ``out``: those the earlier finders made (an
    index of their starts and furthest ends) and those made on the current line since
    ``line_from`` (a place of one line lies inside it).

    >>> t = _Taken([Mention(10, 20, "A", "Cluster", "head")]); t.overlaps(15, 25), t.overlaps(20, 25)
    (True, False)
    """

    def __init__(self, out: list[Mention]):
        spans = sorted((m.start, m.end) for m in out)
        self.out, self.starts = out, [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))
        self.line_from = len(out)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e)         # the earlier mentions starting before ``e``
        return bool(i and self.reach[i - 1] > s) or any(m.start < e and s < m.end for m in self.out[self.line_from:])


def _span_places(lex, v: str, span, out: list[Mention], taken: _Taken) -> None:
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
            if f in regions and not accents_clash(name, regions[f][0]):
                reg, cc = regions[f]
                # "Region SUD Provence-…" : take a leading "Region"/"Région" word in
                if i > 0 and fold(span[i - 1][2]) in ("region", "région", "regione", "región"):
                    s = span[i - 1][0]
                elif i + n < k and fold(span[i + n][2]) in lex.words("region_heads"):
                    e = span[i + n][1]        # "Lubelskie Voivodeship": the head word is part of the name
                    n, f = n + 1, ""
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
    _town(v, span, out, taken)


# where a body's town is said: "(Mrągowo)", "from Narayanganj", "based in Prešov", a cell "| Borås |",
# after its acronym or bold name: "**Shannon Institute (SIPF)**, Limerick – research"
_TOWN_BEFORE = re.compile(r"(?:\(|(?:^|\s)(?:from|in|at|near|de|à|en|di|da)\s+|\|\s*|(?:\)|\*\*),\s*)$")
_TOWN_AFTER = re.compile(r"\s*(?:[(),;|]|\.(?:\s|$)|$|[–—]\s)|\s+(?:in|on|from)\s+(?:\d|(?-i:[A-Z][a-zé]+)\s+\d)")  # "… in Pordenone in May 2026"


def _town(v: str, span, out: list[Mention], taken: _Taken) -> None:
    """A chunk that is a town of the general reference (:func:`.lexicon.town`), and nothing the
    gazetteer knows, where the text says a body is there: a City of the town's country.

    >>> out = []; _town("Mleczarnia Sp. z o.o. (Mrągowo) makes cheese", [(23, 30, "Mrągowo")], out, _Taken(out))
    >>> [(m.name, m.country) for m in out]
    [('Mrągowo', 'PL')]
    """
    if not span or len(span) > 3:
        return
    s, e = span[0][0], span[-1][1]
    if not (_TOWN_BEFORE.search(v, max(0, s - 12), s) and _TOWN_AFTER.match(v, e)):
        return          # the cheap test first: most chunks stand where no town is said
    found = town(" ".join(v[s:e].split()))
    if found and not taken.overlaps(s, e):
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


# "Nakuru County", "Opole Voivodeship", "Almaty Region", "province of Foggia", "Capital Region of
# Denmark": an administrative area named with its head word, even if the gazetteer lacks it
_HEAD_HINT = re.compile(r"(?i)\b(?:region|voivodeship|county|province|prefecture|oblast|governorate)\b")
_NAME = r"[A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)*"
_HEADED = re.compile(rf"\b({_NAME}(?: {_NAME}){{0,2}}) (Region|Voivodeship|County|Province|Prefecture|Oblast|Governorate)"
                     rf"(?: of ({_NAME}(?: {_NAME})?))?\b")
_HEAD_FIRST = re.compile(rf"\b(?:[Tt]he )?(province|region|county|voivodeship|prefecture|oblast) of ({_NAME}(?: {_NAME})?)\b")


def _headed_regions(lex, v: str, start: int, end: int, out: list[Mention]) -> None:
    """Regions the text names with an administrative head word, where no place is found yet.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; place_mentions(build_context("Farms in Nakuru County, Kenya, and the province of Foggia."), out)
    >>> [(m.name, m.label, m.country) for m in out if m.label == "Region"]
    [('Nakuru County', 'Region', 'KE'), ('province of Foggia', 'Region', 'IT')]
    """
    for m in _HEADED.finditer(v, start, end):
        of = m.group(3) and country_code(m.group(3))
        s = m.start(1) + (4 if m.group(1).startswith("The ") else 0)
        _add_headed(lex, v, (s, m.end(2), m.end() if of else m.end(2)), v[s:m.end(1)], of or None, out)
    for m in _HEAD_FIRST.finditer(v, start, end):
        _add_headed(lex, v, (m.start(1), m.end(), m.end()), m.group(2), None, out)


_AFTER_COUNTRY = re.compile(r"(?:\s+(?:of|in)(?:\s+the)?|\s*,|\s*\()\s*([A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def _country_after(v: str, e: int) -> str | None:
    """The country said right after a region: "the Centro region of Portugal", "Nakuru County, Kenya".

    >>> _country_after("the Centro region of Portugal.", 17), _country_after("Nakuru County (Kenya)", 13)
    ('PT', 'KE')
    """
    m = _AFTER_COUNTRY.match(v, e)
    return country_code(m.group(1)) if m else None


def _town_before(v: str, s: int, out: list[Mention]) -> str | None:
    """The country of the town a region stands in brackets after: "Murska Sobota (Pomurje region)"."""
    before = v[max(0, s - 3):s]
    return next((x.country for x in out if x.label == "City" and x.country and "(" in v[x.end:s]
                 and v[x.end:s].strip(" (") == "" and "(" in before), None)


def _same_body(x: Mention, s: int, e: int) -> bool:
    """Whether ``x`` reads the region's own words as a body of no kind ("Bács-Kiskun County (Hungary)"
    in a list of names with countries)."""
    return x.start == s and x.end == e and x.label in (None, "Organisation") and not x.aliases


def _add_headed(lex, v: str, at: tuple, core: str, code: str | None, out: list[Mention],
                rule: str = "headed-region") -> None:
    """Add the Region named ``v[at[0]:at[2]]`` unless a place or a larger area stands on ``v[at[0]:at[1]]``."""
    s, head_end, e = at
    words = [fold(w) for w in core.replace("-", " ").split()]
    generic = lex.words("field_words") | (set() if code else lex.words("not_region_words"))
    if any(w in lex.macro or w in generic for w in words) or fold(core) in lex.macro or country_code(core):
        return          # "Danube Region", "Innovation Region", "European Region": no administrative area
    over = [x for x in out if x.start < head_end and s < x.end and (x.label in PLACE_LABELS or _same_body(x, s, e))]
    if not core or any(x.label in PLACE_LABELS and (x.label != "City" or x.start < s or head_end < x.end) for x in over):
        return          # a place the gazetteer knows, or a wider one, stands there already
    gone = {id(x) for x in over}
    out[:] = [x for x in out if id(x) not in gone]      # "Opole" of "Opole Voivodeship"
    name = " ".join(v[s:e].split())
    known = lex.region(core + " Region")         # "the Norte region": the gazetteer's Norte Region
    code = code or (known and known[1]) or _country_after(v, e) or place_country(core) \
        or subdivision_country(core) or (town(core) or (None, None))[1] or _town_before(v, s, out)
    region = name if rule == "headed-region" else " ".join(core.split())     # "the Jiangsu region": Jiangsu
    out.append(Mention(s, e, name, "Region", rule, 0.75, country=code, region=region))
