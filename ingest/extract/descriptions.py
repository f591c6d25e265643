"""What the text says a name is, right beside it: a copula ("Techtera is the French textile
cluster") or an apposition ("Techtera, the French textile cluster, …"). The name takes the
description's label and country, and the description is no second entity. Run by :mod:`.finders`.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon, place_country
from clusternet.ingest.extract.mentions import Context, Mention, last_chunk
from clusternet.ingest.extract.rules import clean, label_of_name, legal_form
from clusternet.ingest.extract.placewords import is_place

__all__ = ["copulas", "appositions"]


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
