"""Countries the text implies for entities that do not carry one in their own mention.

Run after mentions are resolved into entities, before relations. Each rule is generic
(cue words and the place gazetteer, no names of organisations) and only fills a country
(and region) that is still missing:

1. "X was established / is based / located / headquartered in <place>".
2. "<Core> is a … <country or demonym> …" for an entity named "<Core> cluster/pole".
3. Objects of a visit ("a visit to X", "visits to local clusters such as X, Y") take the
   place of the event they belong to (the nearest placed event before them), or else of
   the nearest place named before them.
4. A city, region or regional adjective in the same sentence (all pointing at one country),
   or else in the sentence before it on the same paragraph: "held … in Madrid. … the X".

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "The Foundation for Alpha Excellence was established in Catalonia in 2003."
>>> ctx = build_context(text); ms = find_mentions(text, ctx); ents = resolve_mentions(ms)
>>> infer_places(ctx, ents, ms)
>>> [(e.name, e.country, e.region) for e in ents if e.label == "Organisation"]
[('Foundation for Alpha Excellence', 'ES', 'Catalonia')]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon

__all__ = ["infer_places"]

PLACED = ("Cluster", "Organisation", "SME", "Event")
_PLACE_LABELS = ("Country", "Region", "City", "Demonym")
_LOCATED = re.compile(r"(?i)\b(?:established|founded|based|located|headquartered|headquarters?\s+(?:is\s+)?|situated|"
                      r"set\s+up|created|registered|(?P<held>held|taking\s+place|takes\s+place|took\s+place))\s+in\s+(?:the\s+)?")
_VISIT = re.compile(r"(?i)\b(?:visits?\s+to|visiting|visited|local)\b")
_WORD = re.compile(r"\b[A-Z][\w'’-]+")


def _region_of(m) -> str | None:
    if m.label == "City":
        return m.name
    if m.label in ("Region", "Demonym"):
        return m.region
    return None


def _assign(ent, country: str | None, region: str | None, how: str) -> None:
    if country and not ent.country:
        ent.country = country
        ent.region = ent.region or region
        ent.props.setdefault("country_from", how)


def infer_places(ctx, ents, mentions) -> None:
    """Fill ``country``/``region`` of entities in place (see the module doc for the rules)."""
    lex = load_lexicon()
    v = ctx.view
    places = sorted((m for m in mentions if m.label in _PLACE_LABELS and m.country), key=lambda m: m.start)
    pstarts = [m.start for m in places]
    occ = sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: (x[0], -x[1]))
    ostarts = [x[0] for x in occ]

    def places_in(lo, hi):
        return places[bisect_left(pstarts, lo):bisect_left(pstarts, hi)]

    def occ_in(lo, hi):
        return occ[bisect_left(ostarts, lo):bisect_left(ostarts, hi)]

    def in_name(p):
        """A place word inside a name ("Battery Cluster Saxony") says nothing of the next sentence."""
        return any(x[0] <= p.start and p.end <= x[1] and x[2].label not in _PLACE_LABELS
                   and fold(" ".join(v[x[0]:x[1]].split())) in {fold(n) for n in (x[2].name, *x[2].aliases)}
                   for x in occ_in(max(0, p.start - 120), p.start + 1))

    def open_(ent):
        return ent.label in PLACED and not ent.country

    # 0. a table row with a country cell: "| Baltic Marine Cluster | Poland | 140 |"
    for line in ctx.lines:
        raw = ctx.text[line.start:line.end]
        if "\t" not in raw and raw.count("|") < 2:
            continue
        cells = [c.strip() for c in re.split(r"\t|\|", raw)]
        codes = {country_code(c) for c in cells if c and len(c) > 3 and country_code(c)}
        if len(codes) == 1:
            code = codes.pop()
            for _, _, ent in occ_in(line.start, line.end):
                if open_(ent):
                    _assign(ent, code, None, "table-row")
    # 0b. "BioM, Munich, Germany, and …": a place set off by commas right after the name
    _appositive_places(v, places, occ_in, open_)
    # 1. "established / based / located in <place>"
    for sent in ctx.sents:
        for m in _LOCATED.finditer(v, sent.start, sent.end):
            after = [p for p in places_in(m.end(), m.end() + 3)]
            before = [x for x in occ_in(sent.start, m.start()) if x[2].label in PLACED]
            if after and before:
                p = after[0]
                # "X was established in P": the subject; "… the Forum held in P": the nearest name
                subj = before[-1][2] if m.group("held") else before[0][2]
                _assign(subj, p.country, _region_of(p), "located-in")
    # 1b. "BioCat from Catalonia", "Portugal's Energy Cluster": a place right beside the name
    for p in places:
        tail = re.match(r"['’]s\s+(?:the\s+)?", v[p.end:p.end + 8]) if p.label == "Country" else None
        if tail:
            nxt = occ_in(p.end + tail.end(), p.end + tail.end() + 1)
            for _, _, ent in nxt:
                if open_(ent):
                    _assign(ent, p.country, None, "possessive")
        head = re.search(r"\s+(?:from|of)\s+(?:the\s+)?$", v[max(0, p.start - 12):p.start])
        if head:
            stop = p.start - len(head.group(0))
            for _, _, ent in (x for x in occ_in(stop - 120, stop) if x[1] == stop):
                if open_(ent):
                    _assign(ent, p.country, _region_of(p), "from")
    # 2. "<Core> is a traditional Chile liqueur" names the country of the "<Core> cluster"
    by_core: dict[str, list] = {}
    for e in ents:
        if open_(e):
            for n in {e.name, *e.aliases}:
                core = re.sub(r"(?i)\s+(?:cluster|pole|pôle)$", "", n)
                if core != n:
                    by_core.setdefault(fold(core), []).append(e)
    if by_core:
        for sent in ctx.sents:
            sm = re.match(r"\s*(?:The\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(?:is|are|was)\s", v[sent.start:sent.end])
            if not sm or fold(sm.group(1)) not in by_core:
                continue
            for w in _WORD.findall(v, sent.start + sm.end(), sent.end):
                c = country_code(w) if len(w) > 3 else None
                if c:
                    for e in by_core[fold(sm.group(1))]:
                        _assign(e, c, None, "defined")
                    break
    # 3. objects of a visit take the place of the event (or the last place named before)
    events = [(x[0], x[2]) for x in occ if x[2].label == "Event" and x[2].country]
    estarts = [s for s, _ in events]
    for sent in ctx.sents:
        vm = _VISIT.search(v, sent.start, sent.end)
        if not vm:
            continue
        objs = [x[2] for x in occ_in(vm.end(), sent.end) if open_(x[2]) and x[2].label != "Event"]
        if not objs:
            continue
        i = bisect_right(estarts, vm.start())
        country = region = None
        if i and vm.start() - events[i - 1][0] < 3000:
            ev = events[i - 1][1]
            country, region = ev.country, ev.region
        else:
            prior = [p for p in places_in(max(0, vm.start() - 1500), vm.start()) if fold(p.name) not in lex.macro]
            if prior:
                country, region = prior[-1].country, _region_of(prior[-1])
        for e in objs:
            _assign(e, country, region, "visit")
    # 4. a city, region or regional adjective nearby, all of one country
    for si, sent in enumerate(ctx.sents):
        here = [x[2] for x in occ_in(sent.start, sent.end) if open_(x[2])]
        if not here:
            continue
        near = [p for p in places_in(sent.start, sent.end) if p.label != "Country"]
        if not near and si and _same_paragraph(v, ctx.sents[si - 1].end, sent.start):
            prev = ctx.sents[si - 1]
            near = [p for p in places_in(prev.start, prev.end) if p.label != "Country" and not in_name(p)]
        countries = {p.country for p in near}
        if len(countries) == 1:
            p = near[-1]
            for e in here:
                if not any(p.start >= m.start and p.end <= m.end for m in e.mentions):
                    _assign(e, p.country, _region_of(p), "nearby")


_APPOSITION_END = re.compile(r"\s*(?:[,.;)]|and\b|et\b|y\b|e\b|$)")


def _appositive_places(v: str, places: list, occ_in, open_) -> None:
    """"A, Munich, Germany, and B": a city, region or country set off by commas right after a
    name is where it is (a country after the city confirms it)."""
    for i, p in enumerate(places):
        if v[p.start - 2:p.start] != ", ":
            continue
        end = p.end
        if i + 1 < len(places) and v[end:places[i + 1].start] == ", " and places[i + 1].label == "Country":
            end = places[i + 1].end
        if not _APPOSITION_END.match(v, end):
            continue
        for _, _, ent in (x for x in occ_in(p.start - 160, p.start - 1) if x[1] == p.start - 2):
            if open_(ent):
                _assign(ent, p.country, _region_of(p), "apposition")


def _same_paragraph(v: str, a: int, b: int) -> bool:
    return "\n\n" not in v[a:b] and "\n \n" not in v[a:b]
