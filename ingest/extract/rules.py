"""The context rules that turn capitalised chunks into mentions (see mentions.py)."""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_code, fold, is_programme_name, load_lexicon, place_country, town
from clusternet.ingest.resolve.normalise import is_legal_form, split_legal_form
from clusternet.ingest.extract.placewords import is_place
from clusternet.ingest.extract.namelang import after_translation
from clusternet.ingest.extract.mentions import (Context, Mention, initials_match, is_acronym, is_cap,
    last_chunk, sh_expand, tokens, view_memo)

__all__ = ["label_of_name", "place_of_name", "paired_place", "clean", "first_of_two", "EVENT_NOUN_AFTER"]

_NAMEY = re.compile(r"^[\w'’.&@+\-/ ()]+$")
# a leading article, or an elided one before a capital ("l'Agence …", "dell'Emilia")
_ARTICLE = re.compile(r"(?i)(?:the|a|an|le|la|les|el|il)\s+|(?-i:(?:l|d|dell|nell|all|sull)['’](?=[A-ZÀ-Ý]))"
                      r"|(?-i:(?:And|But|Or|It|Chaque|Each|Every|Also|Then|Yet)\s+(?=[A-ZÀ-Ý]))")   # "And ArcticFood Cluster"
_ARTICLE_FIRST = "tTaAlLeEiIıİdnsBOCY"     # what an _ARTICLE match starts with (case-blind "i" also matches "ı", "İ")
# "COSME-funded X", "Lyon-based X": who funds it or where it sits, not part of its name
_ROLE_PREFIX = re.compile(r"(?i)(?:[\w’'.]+-){1,2}(?:funded|financed|backed|supported|sponsored|led|based)\s+(?=[A-Z0-9])")


_CLEANED: dict = {"view": None, "map": {}}   # the spans of the view read last, cleaned once each


def clean(view: str, s: int, e: int) -> tuple[int, int, str]:
    """Trim spaces, quotes, a leading article and a "COSME-funded"-style prefix; return the
    span and its one-line name.

    >>> clean("the EU-funded Blue Partnership", 0, 30)
    (14, 30, 'Blue Partnership')
    >>> clean("l'Agence Marocaine", 0, 18)[2], clean("L'Oréal", 0, 7)[2]
    ('Agence Marocaine', "L'Oréal")

    """
    seen = view_memo(_CLEANED, view)
    hit = seen.get((s, e))
    if hit is None:
        hit = seen[s, e] = _clean(view, s, e)
    return hit


def _clean(view: str, s: int, e: int) -> tuple[int, int, str]:
    """:func:`clean`, computed."""
    seg = view[s:e]
    ls = len(seg) - len(seg.lstrip(" \t\"“”'‘’,;:-–"))
    rs = len(seg) - len(seg.rstrip(" \t\"“”'‘’,;:.-–"))
    s, e = s + ls, e - rs
    m = _ARTICLE.match(view, s, e) if view[s:s + 1] in _ARTICLE_FIRST else None
    if m and e - m.end() > 2:
        s = m.end()
    m = _ROLE_PREFIX.match(view, s, e) if view.find("-", s, e) >= 0 else None   # the prefix has a hyphen
    if m and e - m.end() > 2:
        s = m.end()
    return s, e, " ".join(view[s:e].split())


def _head_first_then_region(lex, words: list[str]) -> bool:
    """Whether a name opens with a cluster's head and ends with a region ("Cluster Nautique Occitanie")
    or goes on with a Romance adjective ("Cluster Tecnologico Lombardo"): the Romance order, whatever its accents say."""
    return len(words) >= 2 and lex.label_of_head(words[0]) == "Cluster" and (len(words) >= 3 and bool(lex.region(words[-1]))
        or any(len(w) > 5 and fold(w).endswith(tuple(lex["romance_adjective_endings"])) for w in words[1:]))


# the endings of the English nouns a cluster's head may qualify ("Cluster Mapping", "Cluster Navigators Ltd")
_ABSTRACT = re.compile(r"(?i)(?:ics|ing|ence|ance|ment|tion|sion|ity|ship|ism|ness|cy|ers?|ors?|ants?)$")


def _cluster_then_names(lex, words: list[str]) -> bool:
    """Whether a name opens with a cluster's head followed by names, not by the English noun the head
    would qualify: "Cluster Salud Murcia", "Cluster Lignum Jura", not "Cluster Mapping", "Cluster Days".

    >>> lex = load_lexicon()
    >>> _cluster_then_names(lex, ["Cluster", "Eau", "Sud"]), _cluster_then_names(lex, ["Cluster", "Excellence"])
    (True, False)
    """
    return len(words) >= 2 and lex.label_of_head(words[0]) == "Cluster" and words[0][:1].isupper() \
        and all(w[:1].isupper() and not lex.label_of_head(w) and not _ABSTRACT.search(w) for w in words[1:])


def _place_words(lex, words: str) -> bool:
    """Whether the words after a head name one place: a region, a city, a country, a town.

    >>> _place_words(load_lexicon(), "Bosnia and Herzegovina"), _place_words(load_lexicon(), "Pirmasens")
    (True, True)
    """
    return bool(lex.region(words) or lex.city(words) or place_country(words) or town(words))


def name_words(name: str) -> list[str]:
    """A name's words, split at spaces, hyphens and dashes, as head nouns are looked for in them.

    >>> name_words("Agri-Food Hub – Vidin")
    ['Agri', 'Food', 'Hub', 'Vidin']
    """
    return [w for w in re.split(r"[\s\-–]+", name) if w]


@lru_cache(maxsize=100_000)
def label_of_name(name: str) -> str | None:
    """The label a name's head noun gives, or None when it has none; a cluster's name keeps its
    label under a legal form ("Kuitu Cluster Oy", "Holzbau-Cluster Tirol GmbH").

    >>> label_of_name("Kuitu Cluster Oy"), label_of_name("Kuitu Consulting Oy")
    ('Cluster', 'Organisation')
    """
    base, form = split_legal_form(name) if " " in name else (name, None)
    if form and base and _head_label(base) == "Cluster":
        return "Cluster"
    return _head_label(name)


def _head_label(name: str) -> str | None:
    """The label a name's head noun gives, or None when it has none.

    >>> [label_of_name(n) for n in ["Cluster of Smart Health", "Pôle Véhicule du Futur",
    ...   "European Foundation for Cluster Excellence", "France Clusters", "Cluster Economics", "Big Booster",
    ...   "Nordic Cluster Meet UP 2018", "Nova Consulting GmbH", "Alpine Hydrogen Forum 2025",
    ...   "Mechatronics Cluster Upper Austria", "Digital Matchmaking Forum", "Cluster Nautique Occitanie"]]
    ['Cluster', 'Cluster', 'Organisation', 'Organisation', None, None, 'Event', 'Organisation', 'Event', 'Cluster', 'Event', 'Cluster']
    """
    lex = load_lexicon()
    words = name_words(name)
    preps = lex.words("prepositions")
    cut = next((i for i, w in enumerate(words) if fold(w) in preps and i > 0), len(words))
    if cut == 1 and words[0] == "Clusters":
        return None         # "Clusters for a Circular Plastics Value Chain": what a project does, no body
    head_part = words[:cut]
    romance = bool(re.search(r"[àâçéèêëîïôûùüÿñóíúÀ-Ý]", name)) or any(fold(w) in
                                                                        ("de", "du", "des", "del", "della", "di", "y", "per") for w in words) \
        or _head_first_then_region(lex, words) or _cluster_then_names(lex, head_part)
    best = None
    for i, w in enumerate(head_part):
        lab = lex.label_of_head(w)
        if not lab:
            continue
        rest = head_part[i + 1:]
        compound = fold(w) not in lex.heads        # "Holzcluster Steiermark": a compound leads its name
        # an English head comes last (or before a place or an acronym): "Cluster Mapping" is no cluster
        if rest and not romance and fold(w) not in lex.words("head_first") and not compound and not all(place_country(x) or lex.city(x) or x.isupper() or x[:1].isdigit()
                                            or lex.label_of_head(x) or town(x) for x in rest) \
                and not _place_words(lex, " ".join(rest)):    # "… Cluster Upper Austria", "… Cluster Bosnia and Herzegovina"
            continue
        if fold(w) in lex.words("network_heads") and lab == "Cluster":
            lab = "Organisation"
        if lab == "Partnership" and "Organisation" in lex.head_labels(w) and rest \
                and all(place_country(x) or lex.city(x) or lex.region(x) for x in rest):
            lab = "Organisation"    # "Water Alliance Netherlands": a national body, not a partnership
        if fold(w) in lex.words("dated_event_heads") and (rest and all(x[:1].isdigit() for x in rest)
                                                         or i and lex.label_of_head(head_part[i - 1]) == "Event"):
            lab = "Event"           # "Alpine Hydrogen Forum 2025", "Digital Matchmaking Forum": an event
        # an English head noun first, with no preposition after it, is a modifier ("Cluster Economics")
        if i == 0 and len(head_part) > 1 and cut == len(words) and not romance and not compound \
                and fold(w) not in lex.words("head_first"):
            continue
        best = lab
    if best is None and cut < len(words) and len(head_part) == 1:
        return _company(name)
    last = len(head_part)
    while last > 1 and head_part[last - 1][:1].isdigit():
        last -= 1                   # a year or an edition number after the head: "Meet Up 2018"
    for i in range(1, len(words) - 1):  # two-word heads ("competitiveness pole", "info day", "Meet UP")
        lab = lex.label_of_head(words[i] + " " + words[i + 1]) or lex.heads.get(fold(words[i] + words[i + 1]))
        if lab and i + 1 >= last - 1:
            best = lab
    return best if best is not None else _company(name)


def _company(name: str) -> str | None:
    """"Organisation" for a capitalised name that ends in a legal form ("Alpha Consulting GmbH",
    "Teillage de la Dendre SRL", "Kinta Test Sdn Bhd"), else None.

    >>> _company("Kinta Precision Test Sdn Bhd"), _company("Alpine Hydrogen Forum")
    ('Organisation', None)
    """
    form = split_legal_form(name)[1] if " " in name and name[:1].isupper() else None
    return "Organisation" if form and form[:1].isupper() else None     # not "ry", "e.V.": associations, clusters too


_EU_PAIR = re.compile(r"^(?:the\s+)?(?:EU|Europe|European\s+Union)\s*[-–/]\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=\s|$)")


# an event's lower-case noun after an upper-case word of its name ("the Warsaw B2B session")
EVENT_NOUN_AFTER = re.compile(r" (sessions?|meetings?|events?|days?|forum|workshops?|missions?|visits?)\b")


@lru_cache(maxsize=100_000)
def place_of_name(name: str) -> tuple[str | None, str | None]:
    """(country, region) that words inside a name point at ("Startup Maroc", "Catalan Water …").

    >>> place_of_name("U.S. Department of Commerce"), place_of_name("Colombian Private Council")
    (('US', None), ('CO', None))
    >>> place_of_name("Latin American Aerospace Week"), place_of_name("Study visit from Kenya")
    ((None, None), (None, None))

    The partner of an "EU–X" pairing is whom the thing is with, not where it is:
    >>> place_of_name("EU-Japan Centre for Industrial Cooperation")
    (None, None)
    """
    lex = load_lexicon()
    name = split_legal_form(name)[0] or name        # its legal form places nothing ("S.A. de C.V." is no Cape Verde)
    name = name.split(" from ")[0]                  # "Study visit from Bangladesh": whence, not where
    words = _EU_PAIR.sub("", name).replace("-", " ").split()
    macro = {k for n in (3, 2) for i in range(len(words) - n + 1) if fold(" ".join(words[i:i + n])) in lex.macro
             for k in range(i, i + n)}     # "Latin American …": an area larger than a country, not "American"
    country, region = None, None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            w = " ".join(words[i:i + n])
            if not w[:1].isupper() or macro.intersection(range(i, i + n)):
                continue
            f = fold(w)
            if lex.region(w) and not region:
                region, country = lex.regions[f][0], country or lex.regions[f][1]
            elif f in lex.region_demonyms and not region:
                region = lex.region_demonyms[f]
                country = country or lex.regions[fold(region)][1]
            elif n == 1 and len(w) > 3 and not region and lex.city(w) and lex.city(w)[0]:
                country = country or lex.city(w)[0]
                region = region or lex.city(w)[1]
            elif n == 1 and re.fullmatch(r"(?:[A-Z]\.){2}|[A-Z]\.[A-Z]", w) and not legal_form(w):   # "U.S. …", not "S.A."
                country = country or country_code(w.replace(".", ""))
            elif len(w) > 3 or w.isupper() and len(w) == 2 and False:
                c = country_code(w)
                if c and not country:
                    country = c
    return country, region


def paired_place(name: str) -> str | None:
    """The country an "EU–X" pairing names, for an event held there when the text says no other place.

    >>> paired_place("EU-Singapore matchmaking event"), paired_place("Baltic Days")
    ('SG', None)
    """
    m = _EU_PAIR.match(name)
    return place_of_name(re.split(r"\s*[-–/]\s*", m.group(0), maxsplit=1)[-1])[0] if m else None


def _namey(view: str, s: int, e: int, strict: bool) -> bool:
    """Whether a span reads as a name: capitalised words and connectors (lower words if not strict)."""
    toks = tokens(view, s, e)
    if not toks or not is_cap(toks[0][2]):
        return False
    conn = load_lexicon().words("connectors")
    lower = [t for t in toks if not is_cap(t[2]) and fold(t[2]) not in conn]
    return not lower if strict else len(lower) <= max(1, len(toks) // 3)


_PAREN = re.compile(r"\(([^()\n]{1,80})\)")
_SEP = re.compile(r"(?:\||;|,|:|\band\b|\bwere\b|\bare\b|\bsuch as\b|\bincluding\b|\bnamely\b)\s*", re.I)


def iso_is_acronym(v: str, m: re.Match) -> bool:
    """"Cluster of Smart Grace (CG)": a two-letter code that spells the name before it is an acronym."""
    inner = m.group(1).strip()
    if len(inner) != 2 or not inner.isupper():
        return False
    seen = view_memo(_ISO_SEEN, v)      # place and partner-list rules ask of the same brackets: read each once
    key = (m.start(), inner)
    if key not in seen:
        last = last_chunk(v, max(0, m.start() - 150), m.start())
        seen[key] = last is not None and last[-1][1] >= m.start() - 2 and (
            initials_match(inner, [w[2] for w in last]) or bool(sh_expand(inner, last, backwards=True)))
    return seen[key]


_ISO_SEEN: dict = {"view": None, "map": {}}


@lru_cache(maxsize=20_000)
def paren_parts(inner: str) -> list[str]:
    """The parts of a bracketed place: "Barcelona, Spain", "Turin - Italy", "Lyon / FR".

    >>> paren_parts(" Severozapad, CZ ")
    ['Severozapad', 'CZ']
    """
    return [p.strip() for p in re.split(r"\s*(?:,|\s[-–—/]\s)\s*", inner.strip())]


def paren_country(inner: str) -> str | None:
    """The country a bracketed place gives: "(Tunisia)", "(ES)", "(Barcelona, Spain)", "(Lyon – FR)".

    >>> paren_country("Tunisia"), paren_country("Barcelona, Spain"), paren_country("Turin - Italy"), paren_country("2019, Spain")
    ('TN', 'ES', 'IT', None)
    >>> paren_country("coordinator, France"), paren_country("France; lead partner"), paren_country("Lyon/France")
    ('FR', 'FR', 'FR')
    """
    inner = inner.strip()
    if place_country(inner) and is_place(inner):
        return place_country(inner)
    parts = [p for p in re.split(r"\s*(?:[,;]|\s[-–—/]\s|(?<=[a-z])/(?=[A-Z]))\s*", inner) if p and not p[:1].islower()]
    if len(parts) == 1 and len(parts[0]) < len(inner):        # "coordinator, France": the role aside
        return place_country(parts[0]) if is_place(parts[0]) else None
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return None
    last = parts[1]
    code = place_country(last) if is_place(last) else None
    return code if code and len(parts[0].split()) <= 4 else None


def legal_form(text: str) -> bool:
    """Whether ``text`` is a company's legal form ("PLC", "S.A.", "GmbH", "OÜ"; ingest/data/normalise/legal_forms.yaml).

    >>> legal_form("PLC"), legal_form("S.A."), legal_form("Agency")
    (True, True, False)
    """
    return is_legal_form(text.strip().rstrip(","))


_DESCRIBED_AS = re.compile(r"\b(?:is|was|are|were|as|becomes|became)\s+(?:a|an)\s+$")


def _opens_legal_form(v: str, m: re.Match) -> bool:
    """Whether a one-word bracket and the word after it are a legal form ("(Pty) Ltd"), not an alias.

    >>> t = "Mzansi Rail (Pty) Ltd"; _opens_legal_form(t, _PAREN.search(t))
    True
    """
    after = v[m.end():m.end() + 9].split()
    return " " not in m.group(1) and legal_form(f"{m.group(0)} {after[0] if after else ''}")


def paren_aliases(ctx: Context, out: list[Mention]) -> None:
    """"Long Name (ACR)", "Name (Other Name)", "Country (Org)"."""
    v = ctx.view
    lex = load_lexicon()
    generic = {fold(a) for a in lex["generic_acronyms"]}
    months = lex.words("months")
    for m in _PAREN.finditer(v):
        inner = m.group(1).strip()
        if not inner or is_place(inner) or town(inner) or fold(inner) in generic or fold(inner.split()[0]) in months \
                or paren_country(inner) or legal_form(inner) or _opens_legal_form(v, m):
            continue    # "(Severozapad, CZ)" says where the name is, it is no other name for it
        inner = after_translation(inner)
        year = re.search(r"\s((?:19|20)\d\d)$", inner)
        open_at = m.start()
        if year and v[max(0, open_at - 6):open_at].rstrip().endswith(year.group(1)):
            inner = inner[:year.start()]        # "… Fair 2026 (GBPF 2026)": the acronym names the edition too
            open_at = v.rfind(year.group(1), 0, open_at)
        itoks = inner.split()
        if not all(is_cap(w) or fold(w) in lex.words("connectors") for w in itoks) or len(itoks) > 8 \
                or not re.search(r"[^\W\d_]", itoks[0]):
            continue    # "(1,900 grain and dairy farmers)" counts, it names nothing
        line_start = v.rfind("\n", 0, m.start()) + 1
        words = last_chunk(v, max(line_start, open_at - 200), open_at)
        if words is None or words[-1][1] < open_at - 2:
            continue
        if len(itoks) == 1 and is_acronym(inner) and not initials_match(inner, [w[2] for w in words]):
            exp = sh_expand(inner, words, backwards=True)
            if exp:
                words = exp
        s, e, name = clean(v, words[0][0], words[-1][1])
        if not name:
            continue
        if is_place(name) and country_code(name):
            # "Spain (Acme)": an organisation of that country
            out.append(Mention(m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())),
                               m.start(1) + len(m.group(1).rstrip()), inner, label_of_name(inner), "country-paren", 0.7,
                               country=country_code(name)))
            continue
        if is_place(name) or _DESCRIBED_AS.search(v, max(0, s - 14), s):
            continue    # "X is a European Strategic Cluster Partnership (ESCP-4i)": what X is, not a second name
        if is_programme_name(inner) and not is_programme_name(name):
            continue    # "two European Strategic Cluster Partnerships (ESCP-4i)": the programme's own name is found apart
        out.append(Mention(s, e, name, label_of_name(name), "paren-alias", 0.85,
                           aliases=[inner] + ([f"{inner} {year.group(1)}"] if year and inner != m.group(1).strip() else [])
                           + [w for w in itoks[1:] if is_programme_name(w) and is_programme_name(name)]))   # "(SMP COSME)"


def first_of_two(name: str) -> str:
    """The first of two names a descriptor's run joined by "and" when only the second has a head
    noun of its own ("Ocean Tech Arendal and Mare Nostrum Cluster"); else the name.

    >>> first_of_two("Ocean Tech Arendal and Mare Nostrum Cluster"), first_of_two("Food and Drink Cluster")
    ('Ocean Tech Arendal', 'Food and Drink Cluster')
    """
    first, _, second = name.partition(" and ")
    if len(first.split()) >= 2 and len(second.split()) >= 2 and label_of_name(second) and not label_of_name(first):
        return first
    return name
