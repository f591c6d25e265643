"""Partner lists whose items carry their country in brackets: "Alpha Agency (ES)",
"Beta Chamber, Hamburg (Germany)", "Gamma Agency, PLC (Severozapad, CZ)", "A / B (Slovenia)".

Each item becomes a name with its country (and region), split as people write them: a legal
form stays in the name, "A / B" is two names unless B is a place, ", City" and "(Region, CC)"
say where the name is.

>>> from clusternet.ingest.extract.mentions import build_context
>>> out = []; country_list_items(build_context("Partners: Alpha Agency, PLC (Severozapad, CZ), Beta Hub (Spain)"), out, [0])
>>> [(m.name, m.country, m.region) for m in out if m.label != "Region"]
[('Alpha Agency, PLC', 'CZ', 'Severozapad'), ('Beta Hub', 'ES', None)]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, town
from clusternet.ingest.extract.listblocks import raw_lines
from clusternet.ingest.extract.mentions import Context, Mention, is_acronym, last_chunk
from clusternet.ingest.extract.rules import (legal_form, _PAREN, _SEP, _namey, clean, iso_is_acronym,
                                             label_of_name, paren_country, paren_parts)
from clusternet.ingest.extract.placewords import is_place

__all__ = ["country_list_items", "dashed_country_items"]


# a clause inside an item ("MedLink, represented by its coordinator, X (DE)"): the name is its last run
_CLAUSE_IN = re.compile(r",\s+[a-z]")


def country_list_items(ctx: Context, out: list[Mention], gid: list[int]) -> None:
    """Items followed by "(Country)" or "(ES)": names with their country (partner lists)."""
    v = ctx.view
    for line in ctx.lines:
        parens = [m for m in _PAREN.finditer(v, line.start, line.end)
                  if paren_country(m.group(1))
                  and not iso_is_acronym(v, m)]
        if not parens:
            continue
        piped = "|" in line.text or line.bullet
        gid[0] += 1
        prev_end = line.start
        for m in parens:
            seg_start = prev_end
            if piped:
                cut = v.rfind("|", seg_start, m.start())
                s0 = cut + 1 if cut >= 0 else seg_start
            elif prev_end > line.start:
                # the next item of the same list: after ", " or " and "
                jm = re.match(r"\s*(?:,|;|\.)?\s*(?:and\s+|&\s+)?", v[seg_start:m.start()])
                s0 = seg_start + jm.end()
            else:
                # the first item starts after the last separator before the parenthesis
                seps = [sm for sm in _SEP.finditer(v, seg_start, m.start()) if sm.group(0).strip().lower() != "and"]
                while seps and legal_form(v[seps[-1].end():m.start()].strip()):
                    seps.pop()      # "Agency of Usti Region, PLC (CZ)": the legal form is part of the name
                s0 = seps[-1].end() if seps else seg_start
                s0 = _same_sentence(ctx, s0, m.start())
            s0 = max(s0, ctx.text.rfind("\n", s0, m.start()) + 1)   # an item never starts on an earlier line
            s, e, name = clean(v, s0, m.start())
            close = v.rfind(")", s0, m.start())
            alias = None
            if close >= 0 and "|" not in line.text and not v[close + 1:m.start()].strip():     # bullets too
                opened = v.rfind("(", s0, close)     # "Name (ACR) (Region, DE)": ACR is the name's acronym
                if opened > s0:
                    alias = v[opened + 1:close].strip()
                    s, e, name = clean(v, s0, opened)
            elif close >= 0 and not piped:
                s, e, name = clean(v, close + 1, m.start())
            if not name or not (piped or _namey(v, s, e, strict=True)) or _CLAUSE_IN.search(name) \
                    or name[:1].islower() and not name[1:2].isupper():       # "- to organise a stand at X (UAE);"
                last = last_chunk(v, s0, m.start())
                near = v[max(s0, m.start() - 8):m.start()]
                limit = min(m.start(), m.start() - (len(near) - len(near.rstrip())) + 1)   # past masked bold marks
                if last is None or last[-1][1] < limit - 2:
                    prev_end = m.end()
                    continue
                s, e, name = clean(v, last[0][0], last[-1][1])
            prev_end = m.end()
            code = paren_country(m.group(1))
            if is_place(name) or _PLACED_AT.search(v, max(0, s - 30), s):
                continue        # "based in Fiorano Modenese (Emilia-Romagna, Italy)": a town the gazetteer lacks
            region_here = _paren_region(v, m, code, out)
            alias = alias or _paren_acronym(paren_parts(m.group(1)))
            for ps, pe, part, region in _item_parts(v, s, e, name):
                mm = _split_item(v, ps, pe, part, code, "country-list", gid[0], line)
                mm.region = mm.region or region or region_here
                if alias and is_acronym(alias) and alias not in mm.aliases:
                    mm.aliases.append(alias)
                out.append(mm)


# the words that put a place, not a body, right after them
_PLACED_AT = re.compile(r"(?i)\b(?:based|located|headquartered|situated|seated|sited)\s+in\s+$")


def _same_sentence(ctx: Context, s0: int, at: int) -> int:
    """Where an item before ``at`` starts when the sentence holding ``at`` starts after ``s0`` and
    leaves a name ("… Network (Italy). Delta Cluster (PT)": Delta Cluster), else ``s0``."""
    start = ctx.sents[ctx.sent_at(at)].start if ctx.sents else s0
    if start <= s0:
        return s0
    s, e, name = clean(ctx.view, start, at)
    return start if name and _namey(ctx.view, s, e, strict=True) else s0


def _paren_region(v: str, m, code: str, out: list[Mention]) -> str | None:
    """The region of "(Severozapad, CZ)" after a name: a Region mention of that country when the
    gazetteer does not know it (a known one is found by the place rules), and its name."""
    parts = paren_parts(m.group(1))
    if len(parts) == 1 and not country_code(parts[0]) and load_lexicon().region(parts[0]):
        return parts[0]     # "(Catalonia)": a region the gazetteer knows, in the country it gives
    if len(parts) != 2 or not parts[0][:1].isupper() or len(parts[0].split()) > 4:
        return None
    first = parts[0]
    if country_code(first) or _paren_acronym(parts):
        return None     # "(DWC, Portugal)": the name's acronym, not a place
    _unknown_region(v.find(first, m.start(1), m.end(1)), first, code, out)
    return first


def _paren_acronym(parts: list[str]) -> str | None:
    """The name's acronym of "(DWC, Portugal)", else None (a place: "(NRW, Germany)" is not one).

    >>> _paren_acronym(["DWC", "Portugal"]), _paren_acronym(["Lazio", "Italy"])
    ('DWC', None)
    """
    if len(parts) == 2 and is_acronym(parts[0]) and not is_place(parts[0]):
        return parts[0]
    return None


def _item_region(v: str, m, code: str, out: list[Mention]) -> str | None:
    """The place of "Name – Vojvodina, Serbia" (the part before the country), a Region mention of
    that country when the gazetteer does not know it, as in brackets (:func:`_paren_region`)."""
    place = m.group("city")
    if not place or country_code(place) or len(place.split()) > 4:
        return None
    _unknown_region(m.start("city"), place, code, out)
    return place


def _unknown_region(start: int, place: str, code: str, out: list[Mention]) -> None:
    """A Region mention of country ``code`` for ``place`` at ``start``, when the gazetteer does
    not know it (a known place is found by the place rules)."""
    if not is_place(place):
        out.append(Mention(start, start + len(place), place, "Region", "paren-region", 0.7, country=code, region=place))


_PLACE_TAIL = re.compile(r",\s+([^,()/]{2,40})$")


def _item_parts(v: str, s: int, e: int, name: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, region) of the names in one list item: "Filas / Lazio" is Filas in
    Lazio, "City of Ljubljana / RRA LUR" two names, "MMC, Montreal" MMC in Montreal.

    >>> [(x[2], x[3]) for x in _item_parts("MMC, Montreal", 0, 13, "MMC, Montreal")]
    [('MMC', 'Montreal')]
    >>> [x[2] for x in _item_parts("City of Ljubljana / RRA LUR", 0, 27, "City of Ljubljana / RRA LUR")]
    ['City of Ljubljana', 'RRA LUR']
    """
    region = None
    tail = _PLACE_TAIL.search(name)
    if tail and (is_place(tail.group(1).strip()) or town(tail.group(1).strip())):    # "…, Växjö (Sweden)"
        region, name = tail.group(1).strip(), name[:tail.start()]
        e = s + len(name)
    parts = [x.strip() for x in name.split(" / ")] if " / " in name else [name]
    if len(parts) == 2 and is_place(parts[1]):
        return [(s, s + len(parts[0]), parts[0], parts[1])]
    out, pos = [], s
    for part in parts:
        k = v.find(part, pos, e + 1)
        k = k if k >= 0 else pos
        out.append((k, k + len(part), part, region))
        pos = k + len(part)
    return [x for x in out if x[2]]


# the left of a dashed item that is no name: a time, a "Label:" or two long lower-case words
_DESCRIPTIVE = re.compile(r"^\s*\d{1,2}[:.h]\d\d|:\s|\b[a-z]{4,}\s+(?:[a-z]+\s+)*?[a-z]{4,}\b")


def _split_item(v: str, s: int, e: int, name: str, code, rule: str, group, line) -> Mention:
    """"ACR – Name", "Name - ACR", "Name ACR" inside one item."""
    aliases = []
    m = re.match(r"^(.*?)\s+[-–—]\s+(.*)$", name)
    props = {}
    if m:
        left, right = m.group(1), m.group(2)
        if is_acronym(left.split()[-1]) and len(left.split()) == 1:
            aliases.append(left)
            name = right
            aliases.append(m.group(0))
        elif is_place(right) and not is_place(left):      # "Alpha Wood Cluster – Valencia (Spain)": where it is
            name = left
            props["item_place"] = right
        elif is_acronym(right) or (len(right.split()) == 1 and not right[0].isupper()) or "@" in right:
            aliases.append(right)
            name = left
        elif label_of_name(right) and label_of_name(left):
            props["parent"] = right
            aliases.append(m.group(0))
            name = left
        elif _DESCRIPTIVE.search(left) and right[:1].isupper() and len(right.split()) <= 5:
            name = right        # "09:30 Keynote: grid flexibility in the Baltics – Elering (Estonia)": the speaker's body
    words = name.split()
    if len(words) > 2 and is_acronym(words[-1]) and not is_acronym(words[-2]) and not legal_form(words[-1]) \
            and words[-1] != code \
            and fold(words[-1]) not in {fold(a) for a in load_lexicon()["generic_acronyms"]}:   # "… Forum ICT" keeps ICT
        aliases.append(words[-1])
        name = " ".join(words[:-1])
    name = re.sub(r"^(?i:the)\s+", "", name)
    # the span of the name part inside the item
    k = v.find(name, s, e + 1)
    ns, ne = (k, k + len(name)) if k >= 0 else (s, e)
    mm = Mention(ns, ne, name, label_of_name(name) or None, rule, 0.85, country=code, aliases=aliases,
                 group=group, props=props, region=props.pop("item_place", None))
    return mm


# a list line "Name – Country" (or "Name - City, Country"): the name and where it is
_DASHED_ITEM = re.compile(r"[ \t]*(?:[-*•▪●]\s+)?(?P<name>[A-Z0-9][^\n]{1,80}?)(?:\s+\((?P<acr>[A-Z][\w&-]{1,12}(?:\s[A-Z][\w&-]{1,12})?)\))?"
                          r"(?:\s+\([a-z][a-z -]{1,30}\))?"     # "… (host) – Portugal": a role, no part of the name
                          r"\s+[–—-]\s+(?:(?P<city>[A-Z][\w'’. -]{1,30}),\s+)?(?P<country>[A-Z][\w'’. -]{1,40}?)"
                          r"(?:\s+[–—-]\s+[a-z][\w -]{1,30})?[ \t]*$")      # "… – Belgium – coordinator"


def dashed_country_items(ctx: Context, out: list[Mention], gid: list[int]) -> None:
    """Lines of a list written "Name – Country": each name with its country.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> t = "Partners\\n\\nPolymeris Atlantique – France\\nPlastiwin Cluster (PWC) - Belgium - coordinator\\n"
    >>> out = []; dashed_country_items(build_context(t), out, [0])
    >>> [(m.name, m.country, m.aliases) for m in out]
    [('Polymeris Atlantique', 'FR', []), ('Plastiwin Cluster', 'BE', ['PWC'])]
    >>> out = []; dashed_country_items(build_context("Partners\\n\\nRegional Agency Backa (RDA Backa) – Vojvodina, Serbia\\n"), out, [0])
    >>> [(m.name, m.country, m.region, m.aliases) for m in out if m.label != "Region"]
    [('Regional Agency Backa', 'RS', 'Vojvodina', ['RDA Backa'])]
    """
    v = ctx.view
    group = None
    for line in raw_lines(ctx.text):       # the text's own lines: a list's lines are never joined
        if "–" not in line.text and "-" not in line.text and "—" not in line.text:
            continue
        m = _DASHED_ITEM.fullmatch(v, line.start, line.end)
        code = country_code(m.group("country")) if m else None
        if code is None or not _namey(v, m.start("name"), m.end("name"), strict=False) or is_place(m.group("name")):
            continue
        if group is None:
            gid[0] += 1
            group = gid[0]
        s, e, name = clean(v, m.start("name"), m.end("name"))
        region = _item_region(v, m, code, out)
        out.append(Mention(s, e, name, label_of_name(name), "country-list", 0.75, country=code, group=group,
                           aliases=[m.group("acr")] if m.group("acr") else [], region=region))

