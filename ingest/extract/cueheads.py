"""Names a cue phrase lists ("such as A, B and C", "organised by X") and capitalised runs a
head noun labels ("Olive Oil Cluster", "the Alsace textile pole"); re-exported by :mod:`.contexts`."""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from typing import NamedTuple

from clusternet.ingest.extract.generic import article_before, described_before, describing_word, field_join
from clusternet.ingest.extract.lexicon import country_code, country_name, fold, is_programme_name, load_lexicon, \
    place_country
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.literals import alternation, initials
from clusternet.ingest.extract.mentions import Context, Mention, chunks, initials_match, is_acronym, is_cap, tokens
from clusternet.ingest.extract.runs import and_in_name, place_word, split_at_and, trim_span, with_dashed_partner
from clusternet.ingest.extract.rules import EVENT_NOUN_AFTER, clean, label_of_name, place_of_name
from clusternet.ingest.extract.placewords import is_place

__all__ = ["cue_lists", "head_chunks"]

_PLACE_DASH = re.compile(r"([^–—-]+?)\s+[–—-]\s+(?=\S)")     # "Poland – …": a place before a dash
# cues that introduce one name right after them, not a list
_STRICT_CUES = ("at", "by", "like", "together with", "visiting")
# cues after which a single word may still be a name ("such as Tecnalia")
_ONE_WORD_CUES = ("such as", "including", "include", "includes", "included", "comprises", "comprise",
                  "brings together", "bring together", "gathers", "joined by", "namely", "visit to", "visits to",
                  "visited", "organised by", "organized by", "support of", "by", "hosted by", "coordinated by",
                  "co-organised by", "co-organized by", "jointly organised by", "jointly organized by",
                  "facilitated by", "initiated by", "launched by", "managed by", "implemented by", "promoted by",
                  "signed by", "signed with", "together with", "in collaboration with", "in partnership with")
# cues whose items take the label of a head noun before the cue ("clusters such as …")
_LABEL_CUES = ("such as", "including", "include", "includes", "namely", "were", "are")


_NUMBERED = re.compile(r"\d+\w*")
_CUE_LIST_END = re.compile(r",?\s+(?:as well as|but also|which|who|that|where|to|for|in order)\b|[.;:](?:\s|$)")
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{1,60})\)$")
_ITEM_MARK = re.compile(r"[(),]|(?= and )")   # brackets, commas and where " and " starts (overlaps too)
_CUE_WORD = re.compile(r"[\w'’-]+")


class _Cue(NamedTuple):
    """One cue match: its folded words, whether it is strict, and what its items share."""
    word: str
    strict: bool
    label: str | None
    group: int
    list_cue: str


def _cue_regex(words) -> re.Pattern:
    """One case-blind regex of the cue words as whole words, longest first."""
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(initials(words) + r"(?<![\w-])(?:" + alternation(alts, True) + r")(?![\w-])", re.I)


def _list_items(v: str, start: int, end: int):
    """Split "A (x), the B, C and D, as well as …" into item spans; stop at a non-name item."""
    seg = v[start:end]
    stop = _CUE_LIST_END.search(seg)
    if stop:
        seg = seg[:stop.start()]
    items, depth, cur = [], 0, 0
    for pm in _ITEM_MARK.finditer(seg):     # the only characters that matter, in order
        i = pm.start()
        c = seg[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (c == "," or (seg.startswith(" and ", i) and not field_join(seg, i)
                                          and (seg[:i].rstrip().endswith(")") or seg.find(" and ", i + 1) < 0)
                                          and not and_in_name(load_lexicon(), seg[cur:i], re.split(r"[,;.]", seg[i + 5:])[0]))):
            items.append((start + cur, start + i))
            cur = i + (1 if c == "," else 5)
    items.append((start + cur, start + len(seg)))
    return items


def cue_lists(ctx: Context, out: list[Mention], gid: list[int]) -> None:
    """Names listed after a cue phrase, one group per cue ("such as A and B", "organised by X").

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; cue_lists(build_context("Clusters such as Alpha Robotics and BETA joined."), out, [0])
    >>> [(m.name, m.label, m.rule, m.group) for m in out]
    [('Alpha Robotics', 'Cluster', 'cue:such as', 1), ('BETA', 'Cluster', 'cue:such as', 1)]
    """
    lex = load_lexicon()
    v = ctx.view
    rx = _cue_regex(lex["list_cues"] + lex["object_cues"])
    for sent in ctx.sents:
        if ctx.lines[sent.line].heading:
            continue
        for m in _cue_matches(rx, v, sent):
            cue = fold(m.group(0)) if m.re is not _COUNTED_COLON else "including"
            strict = cue in _STRICT_CUES
            items = _cue_items(v, m, sent.end, strict)
            if items is None:
                continue
            before = v[max(sent.start, m.start() - 60):m.start()]
            label = _cue_label(lex, v[sent.start:m.start()])
            gid[0] += 1
            info = _Cue(cue, strict, label, gid[0], fold(before[-40:] + " " + m.group(0)))
            _cue_item_mentions(lex, v, items, info, out)


# "Three companies joined the cluster this quarter: A, B and C": a count of actors, then the names after a colon
_COUNTED_COLON = re.compile(r"\b(?:companies|firms|members|partners|clusters|organi[sz]ations|SMEs|participants)\b"
                            r"[^.:;\n]{0,60}?:\s")


def _cue_matches(rx: re.Pattern, v: str, sent):
    """The cue phrases of a sentence, and a colon after a count of actors (read as "including")."""
    yield from rx.finditer(v, sent.start, sent.end)
    if ":" in sent.text:
        yield from _COUNTED_COLON.finditer(v, sent.start, sent.end)


def _cue_items(v: str, m: re.Match, sent_end: int, strict: bool) -> list[tuple[int, int]] | None:
    """The item spans after a cue: the list, or for a strict cue the one chunk right after it (None if none)."""
    if not strict:
        return _list_items(v, m.end(), sent_end)
    ch0 = chunks(v, m.end(), min(sent_end, m.end() + 150))
    gap = v[m.end():ch0[0][0][0]] if ch0 else "x"
    if not ch0 or not re.fullmatch(r"\s*(?:the\s+)?", gap):
        return None
    return [(p[0][0], p[-1][1]) for p in split_at_and(load_lexicon(), v, ch0[0])]


def _cue_label(lex, text: str) -> str | None:
    """The Cluster/Organisation label of the last head word before the cue ("the clusters such as …")."""
    for w in reversed(_CUE_WORD.findall(text)):
        lab = lex.label_of_head(w)
        if lab in ("Cluster", "Organisation"):
            return lab
    return None


def _cue_item_mentions(lex, v: str, items: list[tuple[int, int]], cue: _Cue, out: list[Mention]) -> None:
    """A mention per name item of one cue's list, up to the first item that is not a name."""
    generic_names = lex.words("generic_names")
    for s0, e0 in items:
        item = _item_name(lex, v, s0, e0)
        if item is None:
            break
        s, e, name, alias = item
        verdict = _item_verdict(lex, name, cue.word, generic_names)
        if verdict == "stop":
            break
        if verdict == "skip":
            continue
        lab = label_of_name(name) or (cue.label if cue.word in _LABEL_CUES else None)
        parts = [p.strip() for p in alias.split(",")] if alias else []
        place = alias and all(is_place(p) for p in parts) and not initials_match(alias, name.split())   # not "(CG)" of "Cluster … Grace"
        aliases = [alias] if alias and not place else []
        c, r = place_of_name(name)
        if place:       # "(Spain)", "(Galicia, Spain)"
            c = place_country(parts[-1]) or place_country(parts[0]) or c
        out.append(Mention(s, e, name, lab, "cue:" + cue.word, 0.75 if not cue.strict else 0.65, country=c,
                           region=r, aliases=aliases, group=cue.group, list_cue=cue.list_cue))


def _item_name(lex, v: str, s0: int, e0: int) -> tuple[int, int, str, str | None] | None:
    """The name span of one list item and its bracketed alias; None when the item is no capitalised name."""
    s, e, name = clean(v, s0, e0)
    if not name:
        return None
    alias = None
    pm = _TRAILING_PAREN.search(name)
    if pm:
        alias = pm.group(1)
        e = s + len(v[s:e]) - len(v[s:e]) + (v.rfind("(", s, e) - s)
        s, e, name = clean(v, s, e)
    toks = tokens(v, s, e)
    if not toks or not is_cap(toks[0][2]):
        return None
    ch = chunks(v, s, e)
    if not ch or ch[0][0][0] != s:
        return None
    span = ch[0]
    # a name may end with a lower-case head noun ("the Pisco cluster")
    ns, ne = span[0][0], span[-1][1]
    tail = re.match(r"\s+([a-z][\w-]*)", v[ne:e])
    if tail and lex.label_of_head(tail.group(1)):
        lead = _descriptors(lex, span)
        if 0 < lead < len(span):    # "the French ICT Cap Digital cluster": the name is Cap Digital
            said = next((adjective_country(w[2]) for w in span[:lead] if adjective_country(w[2])), None)
            ns = span[lead][0]
            s, e, name = clean(v, ns, ne)
            return s, e, name, alias or said      # the nationality, read like a "(Country)" after it
        else:
            ne += tail.end()
    s, e, name = clean(v, ns, ne)
    return s, e, name, alias


def _descriptors(lex, span) -> int:
    """How many words open a described name with a nationality or a generic acronym ("French ICT …").

    >>> _descriptors(load_lexicon(), [(0, 6, "French"), (7, 10, "ICT"), (11, 14, "Cap"), (15, 22, "Digital")])
    2
    """
    generic = {fold(a) for a in lex["generic_acronyms"]}
    n = 0
    while n < len(span) and (fold(span[n][2]) in generic or adjective_country(span[n][2])):
        n += 1
    return n


def _item_verdict(lex, name: str, cue: str, generic_names) -> str | None:
    """"skip" for an item that is no name here, "stop" for one that ends the list, else None."""
    if is_place(name) or fold(name) in lex.words("generic_acronyms") or fold(name) in generic_names:
        return "skip"
    if fold(name) in lex.words("determiners") or fold(name) in lex.macro:
        return "stop"
    one = len(name.split()) == 1
    if one and not (is_acronym(name) or re.search(r"\d|[a-z][A-Z]", name) or
                    (cue in _ONE_WORD_CUES and not country_code(name))):
        return "skip"
    return None


# the words after a chunk, read in place (pos/endpos: no copy of the rest of the line)
_T1 = re.compile(r"\s+([a-z][\w-]*)\b")
_T2 = re.compile(r"\s+(?!(?:the|a|an|our|this|its|their|that)\s)[a-z][\w-]*\s+(cluster|pole|pôle)\b")   # not "Without the cluster"
_T3 = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:cluster|pole|pôle)\b")
_TU = re.compile(r"\s+([A-Z]+)\b")
_EVENT_AFTER = re.compile(r"\s+(?:trade\s+fair|trade\s+show|fair|exhibition|expo)\b")
_MEETING_AFTER = re.compile(r"\s+(?:symposium|conference|congress|summit|convention)\b")
_NUMBERED_EDITION = re.compile(r"[A-Za-z]-?\d{1,4}$")      # "EVS38", "COP-29": an edition's number in its name
_YEAR_FAIR = re.compile(r"\s+((?:19|20)\d\d)" + _EVENT_AFTER.pattern)
_THE_BEFORE = re.compile(r"\bthe\s+$")
_AT = re.compile(r"\s+at\s+([A-Z][\w'’-]+)")
_TYPED_NOUNS = ("project", "consortium", "initiative", "partnership", "delegation", "escp")
_CLUSTER_NOUNS = ("cluster", "pole", "pôle")


def head_chunks(ctx: Context, out: list[Mention]) -> None:
    """Capitalised runs whose head noun gives a label ("Solar Energy Cluster", "Olive Oil Cluster").

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> out = []; head_chunks(build_context("We met the Olive Oil Cluster and the Alpha project."), out)
    >>> [(m.name, m.label, m.rule) for m in out]
    [('Olive Oil Cluster', 'Cluster', 'head'), ('Alpha', 'Partnership', 'typed')]
    """
    lex = load_lexicon()
    v = ctx.view
    spans_of: dict[str, list[tuple[int, int, str]]] = {}
    for line in ctx.lines:
        for whole in chunks(v, line.start, line.end):
            for span in split_at_and(lex, v, with_dashed_partner(lex, v, trim_span(lex, whole))):
                _head_span(lex, v, line, span, out, spans_of)
    for spans in spans_of.values():
        if len(spans) >= 3:  # a name repeated mid-sentence is a name even without a head noun
            for s, e, name in spans:
                out.append(Mention(s, e, name, "Organisation", "head", 0.55))


# a page word of a body ("News of the X Cluster", "Members of the Y Network"): the body is the name
_GENERIC_OF = re.compile(r"(\w+)\s+(?:of|from)\s+(?:the\s+)?([A-Z].+)$")


def _head_span(lex, v: str, line, span, out: list[Mention], spans_of: dict) -> None:
    """The mention one trimmed chunk gives, or its span kept in ``spans_of`` when it has no label yet."""
    s, e, name = clean(v, span[0][0], span[-1][1])
    if (lead := _PLACE_DASH.match(name)) and is_place(lead.group(1)):
        s, name = s + lead.end(), name[lead.end():]     # "### Poland – Baltic Cable Cluster and members"
    place = is_place(name)
    if place and len(span) <= 2 and not line.heading:
        _place_then_noun(v, line, s, e, name, out)
        return
    if place or fold(name) in lex.words("generic_names"):
        return
    if _noun_after(lex, v, line, span, (s, e, name), out):
        return
    if _at_city(v, line, span, (s, e, name), out):
        return
    if len(span) < 2:
        return
    upper = name.isupper()
    if upper and line.heading:
        return
    lab = label_of_name(name)
    if described_before(v, s, span[0][2]) and not (lab == "Event" and len(span) >= 3 and not place_of_name(span[0][2])[0]):
        return  # "a Spanish Textile Business Association" describes; "a Floating Wind Supplier Day" names
    gm = _GENERIC_OF.match(name) if not lab else None
    if gm and fold(gm.group(1)) in lex.words("generic_names") and label_of_name(gm.group(2)):
        s, name = s + gm.start(2), gm.group(2)      # "News of the Alpine Wood Cluster": the cluster
        lab = label_of_name(name)
    if not lab and _ends_in_country(lex, span) and not line.heading and not _INSIDE_LONGER.search(v, max(0, s - 4), s):
        c, r = place_of_name(name)      # "Offshore Wind Norway", "Business Finland": a national body
        out.append(Mention(s, e, name, "Organisation", "national", 0.6, country=c, region=r))
        return
    if not lab:
        if not line.heading and not upper and s > line.start + 2:
            spans_of.setdefault(fold(name), []).append((s, e, name))
        return
    generic = lex.words("generic_acronyms")     # folded, as the words are
    dets = lex.words("determiners")
    words = [fold(w[2]) for w in span]
    content = [w for w in words if not lex.label_of_head(w) and w not in dets and w not in generic
               and w not in lex.words("connectors") and w not in _ARTICLES and not _NUMBERED.fullmatch(w)]
    edition = lab == "Event" and _ORDINAL.fullmatch(words[0]) is not None
    if not content and not (lab == "Event" and re.match(r"\s*(?:19|20)\d\d\b", v[e:e + 6])) and not edition:
        return      # "the Cluster Day" is none, "the Cluster Day 2024" and "the 5th Cluster Day" are editions
    noun = EVENT_NOUN_AFTER.match(v, e) if lab == "Event" and name.split()[-1].isupper() else None
    if noun:        # "the Warsaw B2B session": the lower-case noun is the name's
        e, name = noun.end(), f"{name} {noun.group(1)}"
    c, r = place_of_name(name)
    out.append(Mention(s, e, name, lab, "head", 0.7, country=c, region=r))


def _place_then_noun(v: str, line, s: int, e: int, name: str, out: list[Mention]) -> None:
    """"the Alsace textile pole": a place and a lower-case head noun name a cluster."""
    t3 = _T3.match(v, e, line.end)
    if t3 and re.search(r"\bthe\s+$", v[max(0, s - 5):s]):
        ne = t3.end()
        c, r = place_of_name(name)
        out.append(Mention(s, ne, " ".join(v[s:ne].split()), "Cluster", "head", 0.6, country=c, region=r))


_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
# the Romance articles that open a sentence's bare head noun: "Il Distretto conta …", "El Clúster reúne …"
_ARTICLES = frozenset({"il", "lo", "la", "le", "les", "l'", "l’", "el", "los", "las", "gli", "i"})
# what stands right before a run that is only the end of something longer: "Big 5 Construct Egypt",
# "(Carlos Carrillo Titsa Spain)"
_INSIDE_LONGER = re.compile(r"(?:\d\s|\()$")
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "upper", "lower", "greater", "mainland", "rural", "coastal", "continental", "metropolitan"})


def _ends_in_country(lex, span) -> bool:
    """Whether a run of capitalised words ends in a country's name and is no place itself: "Offshore
    Wind Norway", "Business Finland" (not "Northern Norway", "Greater London", "EU Norway").

    >>> _ends_in_country(load_lexicon(), [(0, 8, "Offshore"), (9, 13, "Wind"), (14, 20, "Norway")])
    True
    >>> _ends_in_country(load_lexicon(), [(0, 8, "Northern"), (9, 15, "Norway")])
    False
    """
    last = span[-1][2]
    code = country_code(last)
    if code is None or len(span) < 2 or fold(last) != fold(country_name(code)):
        return False        # a country's adjective or code ends no name here
    first = [fold(w[2]) for w in span[:-1]]
    return not any(w in _COMPASS or w in lex.macro or place_word(lex, w) or w in lex.words("determiners")
                   or w in lex.words("connectors") or w.isdigit() for w in first)


def _noun_after(lex, v: str, line, span, named: tuple[int, int, str], out: list[Mention]) -> bool:
    """Mentions a lower-case noun after the chunk types ("X project", "X programme", "X cluster");
    True when that mention is the chunk's last."""
    s, e, name = named
    yf = _YEAR_FAIR.match(v, e, line.end)
    if yf and _THE_BEFORE.search(v, max(0, s - 5), s):      # "the Nor-Shipping 2025 fair": that edition
        out.append(Mention(s, yf.end(1), f"{name} {yf.group(1)}", "Event", "typed-event", 0.65))
        return True
    t1 = _T1.match(v, e, line.end)
    if t1 and line.heading and fold(t1.group(1)) in _TYPED_NOUNS[:4] and not is_programme_name(name) \
            and fold(name) not in lex.words("generic_names") and not (len(span) == 1 and fold(name) in lex.words("determiners")):
        out.append(Mention(s, e, name, "Partnership", "typed", 0.7, props={"typed": fold(t1.group(1))}))   # "# SolarLink partnership"
    elif t1 and not line.heading:
        t2 = _T2.match(v, e, line.end)
        w1 = fold(t1.group(1))
        if w1 in _TYPED_NOUNS:
            opens = len(span) == 1 and not is_acronym(name) and re.search(r"(?:^|[.!?:]\s+|\n\s*)$", v[max(0, s - 3):s])
            if not (len(span) == 1 and fold(name) in lex.words("determiners") or opens) and not is_programme_name(name):
                out.append(Mention(s, e, name, "Partnership", "typed", 0.7, props={"typed": w1}))
        elif (_EVENT_AFTER.match(v, e, line.end) or _NUMBERED_EDITION.search(name) and _MEETING_AFTER.match(v, e, line.end)) \
                and _THE_BEFORE.search(v, max(0, s - 5), s) and not name[:1].isdigit():
            # "the JIMTOF trade fair", "the Hannover Messe exhibition", "the EVS38 symposium": the event itself
            out.append(Mention(s, e, name, "Event", "typed-event", 0.65))
            return True
        elif w1 in ("programme", "program") and len(span) >= 2:     # "the BSR STARS Innovation Express program"
            out.append(Mention(s, t1.end(), " ".join(v[s:t1.end()].split()), "Programme", "head", 0.7))
            return True
        elif (w1 in _CLUSTER_NOUNS or t2) and len(name.split()) <= 3 and not country_code(name) \
                and not (len(span) == 1 and (place_word(lex, name) or describing_word(name))) \
                and not article_before(v, s):
            ne = t1.end() if w1 in _CLUSTER_NOUNS else t2.end()
            out.append(Mention(s, ne, " ".join(v[s:ne].split()), "Cluster", "head", 0.65))
            return True
        elif w1 in _CLUSTER_NOUNS and len(name.split()) > 3:
            return True     # "the Italian ICT Smart Valley cluster": a description before the name, read by the cue rules
    elif t1 is None and name.isupper() and not line.heading:
        tu = _TU.match(v, e, line.end)
        if tu and fold(tu.group(1)) in _TYPED_NOUNS:
            out.append(Mention(s, e, name, "Partnership", "typed", 0.7, props={"typed": fold(tu.group(1))}))
    return False


def _at_city(v: str, line, span, named: tuple[int, int, str], out: list[Mention]) -> bool:
    """"Alpha Research Centre at Lyon": an unlabelled name placed at a city is an Organisation there."""
    s, e, name = named
    at = _AT.match(v, e, line.end)
    if at and len(span) >= 2 and load_lexicon().city(at.group(1)) and not label_of_name(name):
        c = load_lexicon().city(at.group(1))
        out.append(Mention(s, e, name, "Organisation", "head", 0.6, country=c[0], region=c[1]))
        return True
    return False
