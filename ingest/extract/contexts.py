"""Cue-driven mentions: "such as" lists, "organised by X", "X is a …", quoted names, head nouns.
The cue lists and head-noun chunks (:func:`cue_lists`, :func:`head_chunks`) live in :mod:`.cueheads`."""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.acronyms import lone_acronym
from clusternet.ingest.extract.cueheads import cue_lists, head_chunks
from clusternet.ingest.extract.lexicon import country_code, country_name, fold, load_lexicon, place_country
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.mentions import Context, Mention, chunks, is_acronym, is_cap, last_chunk
from clusternet.ingest.extract.rules import clean, first_of_two, label_of_name, legal_form, place_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["cue_lists", "copulas", "quoted", "head_chunks", "acronym_mentions", "described_names", "NAME_RUN"]


_COPULA = re.compile(r"(?<!\s)\s+(?:is|was|has been|acts as|are)\s+(?:one\s+of\s+the|a|an|the)\s+((?:[\w'’-]+\s+){0,5})([\w'’-]+)\b")


def _copula_head(lex, adjs: list[str], last: str):
    """The head noun of the phrase after "is a": its last head word before a preposition, participle
    or verb ("a national research company established …"; "the delegates had 31 meetings" is a clause)."""
    words, best, verbs = adjs + [last], None, lex.words("predicate_verbs")
    for i, w in enumerate(words):
        f = fold(w)
        if f in _PHRASE_END or (i and (f.endswith("ed") or f in verbs)):
            break
        if lex.label_of_head(w):
            best = i
    return (words[best], words[:best]) if best is not None else (None, words)


def _described(v: str, start: int, n_words: int) -> tuple[int, int] | None:
    """Span of the first ``n_words`` words from ``start`` (the words before a head noun:
    "French textile" in "a French textile cluster"), for the sectors they may name."""
    words = list(re.finditer(r"\S+", v[start:start + 200]))[:n_words]
    return (start + words[0].start(), start + words[-1].end()) if words else None


_LAST_PAREN = re.compile(r"\([^()]*\)\s*$")
_AFTER_HEAD = re.compile(r"\s+(?:of|in|from|(?:based|located|headquartered)\s+in)\s+(?:the\s+)?"
                         r"([A-Z][\w'’\-]+(?:[\s-][A-Z][\w'’\-]+)*)")


_AT_PLACE = re.compile(r"\s(?:à|in|en|a|au)\s+\S+$")
_PHRASE_END = {"in", "of", "for", "with", "that", "which", "who", "and", "to", "from", "on", "at", "by", "whose",
               "located", "based", "since", "according", "de", "du", "des", "del", "della", "di"}


def copulas(ctx: Context, out: list[Mention]) -> None:
    """"X (ACR) is a Turkish association located in Ankara": X, its label, country and place."""
    lex = load_lexicon()
    v = ctx.view
    for si, sent in enumerate(ctx.sents):
        for m in _COPULA.finditer(v, sent.start, sent.end):
            head, adjs = _copula_head(lex, m.group(1).split(), m.group(2))
            if head is None:
                continue
            lab = lex.label_of_head(head)
            pre = v[sent.start:m.start()]
            bare = _LAST_PAREN.sub("", pre)
            pre = bare.rstrip() if bare != pre else pre     # "X (ACR) is …": X
            span = last_chunk(v, sent.start, sent.start + len(pre))
            if span is None or span[-1][1] < sent.start + len(pre.rstrip()) - 1:
                continue
            s, e, name = clean(v, span[0][0], span[-1][1])
            if " by " in f" {name} ":
                name = name.split(" by ")[0]
                e = s + len(name)
            if not name or is_place(name) or fold(name) in ("it", "this", "the foundation", "the pole"):
                continue
            country = None
            for a in adjs:
                c = country_code(a) if a[:1].isupper() else None
                if c:
                    country = c
            rest = v[m.end():sent.end]
            region = None
            lm = re.search(r"\b(?:located|based|established|headquartered)\s+in\s+(?:the\s+)?([A-Z][\w'’\-]+(?:[\s-][A-Z][\w'’\-]+)*)", rest)
            if lm:
                place = lm.group(1)
                pc = place_country(place)
                if pc:
                    country = country or pc
                    if not country_code(place):
                        region = place
            if not country and lab != "Partnership":     # a partnership spans countries: its partners' are not its own
                country = _first_country_word(lex, rest.split(":")[0] + " " + pre)
            props = {"copula_head": head}
            if adjs:
                props["described"] = _described(v, m.start(1), len(adjs))
            out.append(Mention(s, e, name, label_of_name(name) or lab, "copula", 0.8, country=country,
                               region=region, props=props))


def _first_country_word(lex, text: str) -> str | None:
    """The country of the first country word of ``text`` that is not part of a larger region's
    name ("Latin America" is no America).

    >>> from clusternet.ingest.extract.lexicon import load_lexicon
    >>> _first_country_word(load_lexicon(), "markets in Latin America and Brazil")
    'BR'
    >>> _first_country_word(load_lexicon(), "set up under the Italian Law")
    'IT'
    """
    prev = None
    for m in re.finditer(r"\b[A-Z][\w'’-]+", text):
        w, before, prev = m.group(0), prev, m
        if before is not None and not text[before.end():m.start()].strip() and fold(f"{before.group(0)} {w}") in lex.macro:
            continue
        c = country_code(w) if len(w) > 3 else None
        if c:
            return c
    return None


_APPOSITION = re.compile(r",\s+(?:the|a|an|le|la|el|il|lo|un|une|una|uno)\s+((?:[\w'’-]+\s+){0,4})([\w'’-]+)"
                         r"(?=\s*[,;.)]|\s+(?:in|of|from|based|located|that|which|who|to|for|with|de|du|des|del|della|di)\b)")


_EDITION_YEAR = re.compile(r"\s+(?:19|20)\d{2}")
# a phrase of time opening a sentence ("In October", "On 3 May", "During Day 2")
_TIME_PHRASE = re.compile(r"(?i)(?:in|on|at|during|from|after|before|since|by|until|last|this|next|early|late)\s")


def appositions(ctx: Context, out: list[Mention]) -> None:
    """"Techtera, the French textile cluster, …": the name before the comma is what the
    description says (label, country), and the description is not a second entity.

    Runs after :func:`.cueheads.head_chunks`, whose "the <place> … cluster" mention of the same
    words it withdraws. Discourse words and days ("Meanwhile, the …", "On Monday, the …")
    are never the name.
    """
    lex = load_lexicon()
    v = ctx.view
    never = lex.words("determiners") | lex.words("not_names") | lex.words("months") | lex.words("generic_names")
    for sent in ctx.sents:
        for m in _APPOSITION.finditer(v, sent.start, sent.end):
            words = m.group(1).split() + [m.group(2)]
            head, adjs = _copula_head(lex, words[:-1], words[-1])
            rest = words[len(adjs) + 1:] if head else []
            if head is None or (rest and fold(rest[0]) not in _PHRASE_END and not fold(rest[0]).endswith(("ed", "ing"))):
                continue                     # no head noun, or the phrase runs on past it
            if legal_form(head):
                continue                     # "A, the German SME Rotorsense GmbH, …": a second company, no description
            last = last_chunk(v, sent.start, m.start())
            if last is None or v[last[-1][1]:m.start()].strip() and not _EDITION_YEAR.fullmatch(v, last[-1][1], m.start()) \
                    or _part_of_marked(ctx.text, sent.start, last[0][0], last[-1][1], m.start()):
                continue        # the name runs up to the comma (bold marks masked), or to an edition's year ("Expo X 2025, the fair …")
            s, e, name = clean(v, last[0][0], m.start())
            f = fold(name)
            if not name or is_place(name) or f in never or f.split()[0] in never or _TIME_PHRASE.match(name) \
                    or _AT_PLACE.search(name):
                continue                     # "In October, a matchmaking event …": when, not who; "Basée à Saguenay, la …"
            if s == sent.start and " " not in name and f.endswith("ly"):
                continue                     # "Similarly, the …": an adverb opening the sentence
            country = next((c for c in (place_country(a) for a in adjs if a[:1].isupper()) if c), None)
            regional = next((r for r in map(lex.demonym_region, adjs) if r), None)
            region = regional[0] if regional else None
            if region and not country:
                country = regional[1]
            if not country:                  # "the textile cluster of the Czech Republic"
                head_end = _described(v, m.start(1), len(adjs) + 1)[1]
                after = _AFTER_HEAD.match(v, head_end, sent.end)
                country = place_country(after.group(1)) if after else None
                if country and after.group(0).split()[0] == "from" and not country_code(after.group(1)):
                    region = after.group(1)  # "a competitiveness cluster from Brittany": there, in the country
            if not country and m.group(0).split()[1].lower() in lex.words("romance_determiners"):   # "le pôle … français"
                country = next((place_country(w) for w in v[m.start(1):m.end()].split()[1:5] if w[:1].islower() and place_country(w)), None)
            lab = label_of_name(name) or lex.label_of_head(head)
            out[:] = [x for x in out if not (x.rule == "head" and m.start(1) <= x.start < m.end())]
            props = {"copula_head": head, **({"described": _described(v, m.start(1), len(adjs))} if adjs else {})}
            out.append(Mention(s, e, name, lab, "apposition", 0.7, country=country, region=region, props=props))


def _part_of_marked(t: str, lo: int, s: int, e: int, comma: int) -> bool:
    """Whether the words ``s``..``e`` before a comma close a bold or italic run that opened before
    them ("**X – Valorising food in Central European SMEs**, a project …": the name is the whole run).

    >>> t = "**X CE – Food in Central SMEs**, a project"; _part_of_marked(t, 0, 16, 29, 31), _part_of_marked(t, 0, 2, 29, 31)
    (True, False)
    """
    mark = t[e:comma].strip()
    if not mark:
        return False
    opened = t.rfind(mark, lo, s)
    return opened >= 0 and bool(t[opened + len(mark):s].strip())


_QUOTED = re.compile(r"[\"“«]\s*([^\"”»\n]{3,90}?)\s*[\"”»]")
_TITLED = re.compile(r"(?:titled|entitled|called|named)\s*$")


def quoted(ctx: Context, out: list[Mention]) -> None:
    """"the “Moving the future” ESCP", "the seminar titled “…”", "the project “…”"."""
    lex, v = load_lexicon(), ctx.view
    for m in _QUOTED.finditer(v):
        inner = m.group(1)
        if not inner[:1].isupper() or len(inner.split()) > 12:
            continue
        after = re.match(r"\s+([\w-]+)", v[m.end():m.end() + 30])
        before = re.search(r"([\w-]+)(?:\s+[A-Z0-9])?\s+(?:titled|entitled|called|named)?\s*$", v[max(0, m.start() - 40):m.start()])
        lab, props = None, {}
        if after and lex.label_of_head(after.group(1)):
            lab = lex.label_of_head(after.group(1))
        elif before and lex.label_of_head(before.group(1)) and _TITLED.search(v, max(0, m.start() - 40), m.start()):
            lab = lex.label_of_head(before.group(1))
        elif before and fold(before.group(1)) in lex.words("session_heads") | lex.words("event_nouns"):
            session = fold(before.group(1)) in lex.words("session_heads")      # 'the panel “…”', 'Workshop A “…”'
            lab, props = "Event", {"session": True} if session else {}      # 'Closing event “…”', 'the webinar “…”'
        elif before and fold(before.group(1)) in ("project", "partnership", "consortium"):
            lab = "Partnership"         # 'the DTP Project “Danubiovalnet”', 'the project “…”'
        if not lab or lab == "Cluster" and after is None:
            continue
        if after and fold(after.group(1)) in ("escp", "initiative", "project", "partnership"):
            lab = "Partnership" if fold(after.group(1)) != "initiative" or "programme" in v[m.end():m.end() + 60] else lab
        out.append(Mention(m.start(1), m.end(1), inner, lab, "quoted", 0.75, props=props if lab == "Event" else {}))


def acronym_mentions(ctx: Context, out: list[Mention]) -> None:
    """Every standalone acronym or all-caps name (linked to a defined entity later, or kept if repeated)."""
    lex, v = load_lexicon(), ctx.view
    generic = {fold(a) for a in lex["generic_acronyms"]}
    words_in_caps = generic | set(lex.heads)        # "DAY 1 – PLENARY": a word in capitals, no name
    dets_the = lex.words("determiners") | {"the"}
    for line in ctx.lines:
        for span in chunks(v, line.start, line.end):
            words = [w for w in span]
            while len(words) > 1 and fold(words[0][2]) in dets_the:
                words = words[1:]
            if len(words) == 2 and is_acronym(words[1][2]) and adjective_country(words[0][2]):
                words = words[1:]       # "the Moroccan MESRSFC": the acronym, described
            if len(words) == 1 and is_acronym(words[0][2]) and fold(words[0][2]) not in words_in_caps:
                out.extend(lone_acronym(v, *words[0]))
            elif len(words) > 1 and all(w[2].isupper() for w in words) and not line.heading:
                s, e, name = clean(v, words[0][0], words[-1][1])
                if not is_place(name) and not any(fold(w[2]) in generic for w in words[:1]):
                    out.append(Mention(s, e, name, label_of_name(name), "caps", 0.55))


_NAME_WORD = r"[A-Z0-9][\w'’&-]*"
_NAME = (_NAME_WORD + r"(?:\s+(?:(?:de|du|des|da|do|della|di|del|la|le|of|for|and|&)\s+)?" + _NAME_WORD + r")*")
NAME_RUN = _NAME        # a name's words as a pattern, for the rules that read a name after its kind


def _alternation(words) -> str:
    return alternation(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _descriptor_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Regexes of the descriptor phrases (vocabulary in lexicon.yaml, ``descriptors_*``)."""
    lex = load_lexicon()
    partnership_heads = [w for w, lab in lex["descriptors_first"].items() if lab == "Partnership"]
    # a place word, up to two lower-case words, a descriptor noun, then the name it describes
    after_place = re.compile(r"(?<![\w-])(?P<place>[A-Z][\w'’-]+)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>"
                             + _alternation(lex["descriptors_after_place"]) + r")(?:,(?=\s+[A-Z][^,.;]{2,60},))?\s+(?P<name>"
                             + _NAME + ")")
    # the Romance order: descriptor, an optional demonym, the name ("le cluster espagnol Hegan")
    first = re.compile(r"(?<![\w-])(?P<head>" + _alternation(lex["descriptors_first"])
                       + r")\s+(?:(?P<adj>[a-zà-ÿ]+)\s+)?(?P<name>" + _NAME + ")")
    # "AeroMed Connect, partenariat stratégique européen …": a name and the kind it is (its bold marks
    # masked as spaces before the comma)
    name_then_kind = re.compile(r"(?<![\w-])(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,4})[ \t]*,\s+"
                                r"(?:(?:le|la|un|une|una|el|il|uno)\s+)?(?P<head>(?i:" + _alternation(partnership_heads)
                                + r"))\b")
    return tuple(gated(re.compile(with_initials(rx.pattern, rx.flags), rx.flags)) for rx in (after_place, first, name_then_kind))


@lru_cache(maxsize=50_000)
def demonym_country(word: str) -> str | None:
    """The country of a demonym (:func:`..resolve.normalise.demonym_country`), once per word.

    >>> demonym_country("Irish"), demonym_country("Cluster")
    ('IE', None)
    """
    from clusternet.ingest.resolve.normalise import demonym_country as country_of_demonym

    return country_of_demonym(word)


_LETTER = re.compile(r"[^\W\d_]")


def _romance_descriptions(ctx: Context, out: list[Mention], drop: list[tuple[int, int]]) -> None:
    """Mentions from descriptor-first phrases: "le cluster espagnol Hegan", "le salon Aeroexpo à Casablanca"."""
    lex = load_lexicon()
    v = ctx.view
    generic_names = lex.words("generic_names")
    done = {x.start for x in out if x.rule == "apposition-desc"}
    for line in ctx.lines:
        if line.heading:
            continue
        for m in _descriptor_patterns()[1].finditer(v, line.start, line.end):
            adj, name = m.group("adj"), m.group("name")
            if m.start("name") in done:
                continue            # "the Irish cluster BioConnect Ireland", read already
            code = demonym_country(adj) if adj else None
            if (adj and not code and not adj.startswith("europe")) or is_place(name) or fold(name) in generic_names or is_cap(m.group("head")) \
                    or not _LETTER.search(name):
                continue
            label = lex["descriptors_first"][m.group("head")]
            region = None
            at = re.match(r"\s+(?:à|en|in|a)\s+(?P<place>[A-Z][\w'’-]+)", v[m.end("name"):line.end])
            if label == "Event" and at and place_country(at.group("place")):
                code, region = place_country(at.group("place")), at.group("place")
            out.append(Mention(m.start("name"), m.end("name"), name, label, "apposition-desc", 0.75,
                               country=code, region=region))
            drop.append((m.start("head"), m.start("name")))
        for m in _descriptor_patterns()[2].finditer(v, line.start, line.end) if "," in line.text else ():
            name = m.group("name")
            if not is_place(name) and fold(name) not in generic_names:
                out.append(Mention(m.start("name"), m.end("name"), name, "Partnership", "apposition-desc", 0.7))


def _place_descriptions(ctx: Context, out: list[Mention], drop: list, joined: list) -> None:
    """Mentions from a place, a descriptor and a name ("the Lyon-based cluster X", "the Irish
    cluster Y"); the descriptor's span goes to ``drop``, a run of two names to ``joined``."""
    lex = load_lexicon()
    v = ctx.view
    generic_names = lex.words("generic_names")
    for line in ctx.lines:
        for m in _descriptor_patterns()[0].finditer(v, line.start, line.end) if not line.heading else ():
            place, name = re.sub(r"-based$", "", m.group("place")), m.group("name")    # "the Lyon-based cluster X"
            code = place_country(place)
            if not code or is_place(name) or fold(name) in generic_names or lex.label_of_head(name.split()[0]) \
                    or not _LETTER.search(name):
                continue        # not "the Finnish SME Association": the kind word opens the name; not "… cluster 120"
            c, r = place_of_name(place)
            name = first_of_two(name)
            if name != m.group("name"):     # the run of both names is no name of its own
                joined.append((m.start("name"), m.end("name")))
            out.append(Mention(m.start("name"), m.start("name") + len(name), name,
                               lex["descriptors_after_place"][m.group("head")], "apposition-desc", 0.75,
                               country=c or code, region=r))
            drop.append((m.start("place"), m.start("name")))


@lru_cache(maxsize=1)
def _kind_first() -> re.Pattern:
    """A determiner, up to two lower-case words and a company's kind before a name ("the denim producer X")."""
    lex = load_lexicon()
    kinds = [k for k in lex["descriptors_after_place"] if k in lex.words("company_kinds")]
    return gated(re.compile(r"(?<![\w-])(?:the|a|an|its|our|their)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>" + _alternation(kinds)
                            + r")\s+(?P<name>" + _NAME + ")"))


def _kind_descriptions(ctx: Context, out: list[Mention], drop: list) -> None:
    """Mentions from a company's kind before a name with no head of its own: "the research
    institute INESC Mar", "the denim producer Sahel Denim" (the kind's span goes to ``drop``)."""
    lex = load_lexicon()
    v, done = ctx.view, {x.start for x in out if x.rule == "apposition-desc"}
    for line in ctx.lines:
        for m in _kind_first().finditer(v, line.start, line.end) if not line.heading else ():
            name = first_of_two(m.group("name"))
            if m.start("name") in done or is_place(name) or fold(name) in lex.words("generic_names") \
                    or any(lex.label_of_head(w) for w in name.split()) or not _LETTER.search(name):
                continue        # "the company Alpha Cluster": the name's own head says what it is
            out.append(Mention(m.start("name"), m.start("name") + len(name), name,
                               lex["descriptors_after_place"][m.group("head")], "apposition-desc", 0.7))
            drop.append((m.start("head"), m.start("name")))


def described_names(ctx: Context, out: list[Mention]) -> None:
    """Names introduced by a place and a descriptor, and names that open with a demonym.

    "the Irish cluster BioConnect Ireland" names BioConnect Ireland (a Cluster in IE); the
    descriptor ("Irish cluster") is not a name of its own, so mentions of it from other
    rules are dropped. "the Hungarian Pannon Agri Cluster" keeps its name and gets the
    name without the demonym as an alias when that part is distinctive (not only sector
    words and head nouns): other mentions without the demonym then resolve to it.

    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> [(m.name, m.label, m.country) for m in find_mentions("It is led by the Irish cluster BioConnect Ireland.")
    ...  if m.label == "Cluster"]
    [('BioConnect Ireland', 'Cluster', 'IE')]
    """
    lex = load_lexicon()
    drop: list[tuple[int, int]] = []
    joined: list[tuple[int, int]] = []
    _place_descriptions(ctx, out, drop, joined)
    _kind_descriptions(ctx, out, drop)
    _romance_descriptions(ctx, out, drop)
    if drop:
        def descriptor(x: Mention) -> bool:
            return x.label not in ("Country", "Region", "City", "Demonym") and (any(
                a <= x.start and x.end <= b + 1 for a, b in drop) or (x.start, x.end) in joined)
        out[:] = [x for x in out if not descriptor(x)]
    for x in out:       # "the COSME programme" is COSME
        pm = re.fullmatch(r"(?:the\s+)?(\S.*?)\s+(?:programme|program)", x.name) if x.label == "Programme" else None
        if pm and (is_acronym(pm.group(1)) or is_cap(pm.group(1).split()[0])):
            x.aliases.append(x.name)
            x.name, x.end = pm.group(1), x.start + x.name.find(pm.group(1)) + len(pm.group(1))
    sectors = set(lex.sectors)
    conn = lex.words("connectors")
    for x in out:
        if x.rule == "apposition-desc" or x.label not in ("Cluster", "Organisation", None) or x.aliases:
            continue
        words = x.name.split()
        code = demonym_country(words[0]) if len(words) >= 3 else None
        if len(words) < 3 or not code or fold(words[0]) == fold(country_name(code)):
            continue                 # "Portugal Health Cluster": a country's name is part of the name
        core = words[1:]
        distinctive = [w for w in core if fold(w) not in sectors and not lex.label_of_head(w) and fold(w) not in conn]
        if distinctive and is_cap(core[0]):
            x.aliases.append(" ".join(core))
            x.country = x.country or code
