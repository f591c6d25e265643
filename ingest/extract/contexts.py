"""Cue-driven mentions: "such as" lists, "organised by X", quoted names, acronyms, head nouns and
descriptor phrases. The cue lists and head-noun chunks (:func:`cue_lists`, :func:`head_chunks`) live
in :mod:`.cueheads`, copulas and appositions ("X is a …", "X, the …") in :mod:`.descriptions`."""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.acronyms import lone_acronym
from clusternet.ingest.extract.cueheads import cue_lists, head_chunks
from clusternet.ingest.extract.descriptions import appositions, copulas
from clusternet.ingest.extract.lexicon import country_name, fold, load_lexicon, place_country
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.mentions import Context, Mention, chunks, is_acronym, is_cap
from clusternet.ingest.extract.rules import clean, first_of_two, label_of_name, place_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["cue_lists", "copulas", "appositions", "quoted", "head_chunks", "acronym_mentions", "described_names", "NAME_RUN"]


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
                    or not _LETTER.search(name) or "\t" in m.group(0):     # nor cells of a table's rows
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
