"""Mentions -> entities: one entity per real thing within a document.

The mentions that name things are cleaned up (a name inside a structured one is part of it;
"A and B" may be two names; "X of the Y" with Y named on its own is X), their names linked
(:mod:`.namelinks`: union-find over names, aliases and acronyms; an acronym two different long
names claim (two "CSM"s) links nothing; near-identical spellings merge; "X project" is X), and
each linked group becomes one entity.
"""
from __future__ import annotations

import bisect
import itertools
import clusternet.ingest.extract.fastre as re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from clusternet.ingest.extract.entitylabels import entity_label
from clusternet.ingest.extract.generic import is_generic_name
from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.mentions import Mention, eu_as_adjective, is_acronym
from clusternet.ingest.extract.namelinks import _strip_type, link_names, norm
from clusternet.ingest.extract.rules import label_of_name, place_of_name
from clusternet.ingest.extract.placewords import is_place
from clusternet.ingest.resolve.normalise import split_legal_form

__all__ = ["DocEntity", "norm", "resolve_mentions", "STRONG_RULES"]

STRONG_RULES = ("typed", "list-item", "speaker-org", "title-def", "country-list", "paren-alias", "dash-def", "cue:", "copula", "apposition", "quoted", "head",
                "event-", "agreement", "programme", "institution", "country-paren", "table-row")
PLACE_LABELS = ("Country", "City", "Demonym")


@dataclass(eq=False)
class DocEntity:
    key: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None
    region: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    props: dict = field(default_factory=dict)
    confidence: float = 0.5


def resolve_mentions(mentions: list[Mention]) -> list[DocEntity]:
    """The entities the mentions name, one per linked group of names."""
    named = _named_mentions(mentions)
    strong = [m for m in named if m.rule.startswith(STRONG_RULES)]
    weak = [m for m in named if not m.rule.startswith(STRONG_RULES)]
    uf, keys, ambiguous, parent_of = link_names(strong, weak)
    return _entities(strong + weak, keys, ambiguous, uf, parent_of)


def _named_mentions(mentions: list[Mention]) -> list[Mention]:
    """The mentions that name a thing (no place, no generic word), cleaned up for linking."""
    named = [m for m in mentions if m.label not in PLACE_LABELS and m.label != "Region" and not is_generic_name(m.name)]
    named = _drop_covered(named)
    named = _quoted_wins(named)
    named = _split_pairs(named)
    return _drop_known_tail(named)


def _drop_covered(named: list[Mention]) -> list[Mention]:
    """The mentions without head/caps/acronym/typed ones strictly inside a structured one."""
    # a head/caps/acronym mention strictly inside a structured one is part of that name
    covered = _strictly_inside([(m.start, m.end) for m in named if m.rule.startswith((
        "country-list", "paren-alias", "dash-def", "cue:", "copula", "event-in", "quoted", "title-def", "programme"))])
    named = [m for m in named if not (m.rule in ("head", "caps", "acronym", "typed", "event-ordinal") and covered(m))]
    # a programme's known name at the start of its longer one ("Interreg" in "Interreg Central Baltic programme")
    longer_programmes = _strictly_inside([(m.start, m.end) for m in named if m.rule == "head" and m.label == "Programme"])
    named = [m for m in named if not (m.rule == "programme" and longer_programmes(m))]
    # a strict cue's name cut at a small word ("visited the Centre" + " for Process Innovation")
    longer = {m.start: m.name for m in named if m.rule == "head"}
    named = [m for m in named if not (m.rule.startswith("cue:") and _cut_before_of(m.name, longer.get(m.start)))]
    # a cue list's item cut at a small word ("includes the Institute" + " for Circular Materials (ICM)")
    defined = _strictly_inside([(m.start, m.end) for m in named if m.rule.startswith(("paren-alias", "dash-def", "legal-form"))])
    named = [m for m in named if not (m.rule.startswith("cue:") and defined(m))]
    # an EU body's name holds a programme's ("European Innovation Council and SMEs Executive Agency")
    # or a shorter cut of it ("organised with the Delegation of the European Union" + " to Canada")
    bodies = [(m.start, m.end) for m in named if m.rule == "institution" and (" and " in m.name or "Delegation" in m.name)]
    if not bodies:
        return named
    in_body = _strictly_inside(bodies)
    return [m for m in named if not ((m.rule != "institution" or m.name == "European Union") and in_body(m))]


_SMALL_WORD_TAIL = re.compile(r" (?:for|of|on|de|du|des|del|della|di) [A-Z]")


def _cut_before_of(name: str, longer: str | None) -> bool:
    """Whether ``name`` is ``longer`` cut before its "for …" or "of …" part.

    >>> _cut_before_of("Centre", "Centre for Process Innovation"), _cut_before_of("Alpha", "Alpha Beta")
    (True, False)
    """
    return bool(longer) and longer.startswith(name) and _SMALL_WORD_TAIL.match(longer[len(name):]) is not None


def _strictly_inside(spans: list[tuple[int, int]]):
    """A test of whether a mention lies strictly inside one of ``spans`` (the 8 starting last before it).

    >>> inside = _strictly_inside([(0, 20)]); inside(Mention(5, 9, "x", None, "head")), inside(Mention(0, 20, "x", None, "head"))
    (True, False)
    """
    spans = sorted(spans)
    starts = [s for s, _ in spans]

    def inside(m) -> bool:
        i = bisect.bisect_right(starts, m.start)
        return any(s0 <= m.start and m.end <= e0 and (s0, e0) != (m.start, m.end) for s0, e0 in spans[max(0, i - 8):i])
    return inside


def _entities(ms: list[Mention], keys: set[str], ambiguous: set[str], uf,
              parent_of: dict[str, str]) -> list[DocEntity]:
    """One entity per linked group of mentions, with ``part_of`` set; generic names dropped."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        k = norm(m.name)
        if k in keys and k not in ambiguous:
            groups[uf.find(k)].append(m)
    out = []
    for root, group in groups.items():
        out.append(_entity(root, group))
    roots = {uf.find(k): e for e in out for k in [e.key]}
    for y, x in parent_of.items():
        child, parent = roots.get(uf.find(y)), roots.get(uf.find(x))
        if child is not None and parent is not None and child is not parent:
            child.props["part_of"] = parent
    return [e for e in out if e is not None and not is_generic_name(e.name)]


_OF_TAIL = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$")


def _quoted_wins(named: list[Mention]) -> list[Mention]:
    """A definition inside a quoted name is part of it: 'the project “Innovation in Cluster
    Excellence” (ICE)' names the whole quote, and ICE is its acronym.

    >>> q = Mention(13, 43, "Innovation in Cluster Excellence", "Partnership", "quoted", 0.75)
    >>> d = Mention(27, 43, "Cluster Excellence", None, "paren-alias", 0.8, aliases=["ICE"])
    >>> [(m.name, m.aliases) for m in _quoted_wins([q, d])]
    [('Innovation in Cluster Excellence', ['ICE'])]
    """
    quoted = [m for m in named if m.rule == "quoted"]
    if not quoted:
        return named
    out = []
    for m in named:
        outer = None
        if m.rule in ("paren-alias", "dash-def"):
            outer = next((q for q in quoted if q is not m and q.start <= m.start and m.end <= q.end
                          and (q.start, q.end) != (m.start, m.end)), None)
        if outer is not None:
            outer.aliases.extend(a for a in m.aliases if a not in outer.aliases)
            continue
        out.append(m)
    return out


def _drop_known_tail(named: list[Mention]) -> list[Mention]:
    """"DG Enterprise and Industry of the European Commission": when the part after "of (the)" is a
    body named on its own, the name is the part before it (the whole stays an alias).

    >>> ms = [Mention(0, 3, "Alfa Beta Unit of the Gamma Agency", None, "cue:by"), Mention(9, 12, "Gamma Agency", None, "head")]
    >>> [m.name for m in _drop_known_tail(ms)]
    ['Alfa Beta Unit', 'Gamma Agency']
    """
    known = {norm(m.name) for m in named if m.rule.startswith(STRONG_RULES) and label_of_name(m.name) == "Organisation"}
    out = []
    for m in named:
        tail = _OF_TAIL.match(m.name) if " of " in m.name else None
        if tail and norm(tail.group(2)) in known and len(tail.group(1).split()) >= 2 \
                and label_of_name(tail.group(1)) is None and not is_place(tail.group(2)):
            m = replace(m, name=tail.group(1), aliases=[*m.aliases, m.name])
        out.append(m)
    return out


_ROMANCE_AND = re.compile(r" (?:y|e|et|i|und) (?:(?:la|el|le|les|il|lo|los|las|die|der|das|o|a) |l['’])?")


def _romance_pair(name: str) -> tuple[str, str] | None:
    """"Clúster X y la Asociación Y", "Distretto X e la Camera Y": two bodies joined by y/e/et/i/und.

    >>> _romance_pair("Clúster Marítimo de Canarias y la Asociación de Empresas del Mar")
    ('Clúster Marítimo de Canarias', 'Asociación de Empresas del Mar')
    >>> _romance_pair("Cámara de Comercio e Industria de Madrid")
    """
    ms = list(_ROMANCE_AND.finditer(name))
    if len(ms) != 1:
        return None
    left, right = name[:ms[0].start()], name[ms[0].end():]
    ok = all(len(x.split()) >= 2 and label_of_name(x) in ("Cluster", "Organisation") for x in (left, right))
    return (left, right) if ok else None


def _split_pairs(named: list[Mention]) -> list[Mention]:
    """A mention "A and B" is two mentions when each side is named elsewhere ("BioCat and
    Health Cluster Portugal also signed …") or is a full name by its head noun ("Beta Port
    Cluster and Gamma Sea Cluster"); "Vietnam and Canada" is two places, left to the place rules.
    """
    lex = load_lexicon()
    known = {norm(n) for m in named if " and " not in m.name for n in (m.name, *m.aliases)}
    bodies = {(m.start, m.end) for m in named if m.rule == "institution"}
    out = []
    for m in named:
        halves = _romance_pair(m.name)
        if halves:
            bare = dict(aliases=[], label=None, country=None, region=None)
            out.append(replace(m, end=m.start + len(halves[0]), name=halves[0], **bare))
            out.append(replace(m, start=m.end - len(halves[1]), name=halves[1], **bare))
            continue
        i = m.name.find(" and ") if (m.start, m.end) not in bodies else -1     # an EU body's name is one name
        if i > 0 and m.name.count(" and ") == 1:
            left, right = m.name[:i], m.name[i + 5:]
            if is_place(left) and is_place(right):
                continue            # "Vietnam and Canada": two places, found as places
            both_named = all(len(x.split()) >= 2 and label_of_name(x) in ("Cluster", "Organisation")
                             and lex.label_of_head(x.split()[-1]) for x in (left, right))
            if norm(left) in known and norm(right) in known or both_named:
                bare = dict(aliases=[], label=None, country=None, region=None)
                out.append(replace(m, end=m.start + len(left), name=left, **bare))
                out.append(replace(m, start=m.end - len(right), name=right, **bare))
                continue
        out.append(m)
    return out


def _entity(root: str, ms: list[Mention]) -> DocEntity | None:
    strong = [m for m in ms if m.rule.startswith(STRONG_RULES)] or ms
    names = [m.name for m in strong if not is_acronym(m.name)] or [m.name for m in strong]
    every = {norm(m.name): m.name for m in strong}
    names = [n for n in names if _strip_type(n) is None or norm(_strip_type(n)) not in every] or [
        every[norm(_strip_type(n))] for n in names]     # "European Strategic Cluster Partnership … KESTREL-4i"
    cnt = Counter(names)
    defined = {m.name for m in strong if m.rule == "title-def"}     # what the page's title or fact sheet calls it
    # an edition's name ("Danubian Cluster Days 2025") over the bare name of the series it also has
    edition = {n for n in cnt if re.search(r"\s(?:19|20)\d\d$", n) and n[:-5] in cnt}
    name = max(cnt, key=lambda n: (n in defined, n in edition, label_of_name(n) is not None, cnt[n],
                                   len(n) if len(n) < 80 else 0, n))
    label, name = entity_label(name, ms), " ".join(name.split())     # a title broken over two lines reads as one
    aliases = set()
    for m in ms:
        for a in [m.name, *m.aliases]:
            if norm(a) != norm(name) and a.strip():
                aliases.add(a.strip())
    cvotes = Counter(m.country for m in ms if m.country)
    country = cvotes.most_common(1)[0][0] if cvotes else None
    c2, region = place_of_name(name)
    stated = next((m.props["stated_country"] for m in ms if "stated_country" in m.props), None)
    formed = None if stated or c2 or country else _form_country(name)
    country = stated or c2 or country or formed     # the name's own place word ("Colombian …") beats
    # its surroundings, not what the text says of it ("the Spanish SME Cables del Caribe"); a one-country legal
    # form places a company the text does not ("Pilbara Sensing Pty Ltd")
    region = next((m.region for m in ms if m.region), None) or region
    conf = min(0.97, max(m.conf for m in ms) + 0.04 * (len({m.start for m in ms}) - 1))
    e = DocEntity(root, label, name, aliases, country, region, sorted(ms, key=lambda m: m.start), {}, round(conf, 2))
    if formed:
        e.props["country_from"] = "legal-form"      # a place the text states still gives its region
    for m in ms:
        for k, v in m.props.items():
            if k in ("date", "place", "parent", "copula_head"):
                e.props.setdefault(k, v)
    return e


def _form_country(name: str) -> str | None:
    """The country of a legal form used in one country only (``legal_form_countries`` in the lexicon).

    >>> _form_country("Pilbara Sensing Pty Ltd"), _form_country("Ostrava Drives s.r.o."), _form_country("Alpha")
    ('AU', None, None)
    """
    form = split_legal_form(name)[1]
    return load_lexicon()["legal_form_countries"].get(form) if form else None


def _short_form(e) -> tuple[str, ...]:
    """A body's name without its legal form when that still names it ("AquaTech Moravia z.s." is
    "AquaTech Moravia" in the headline, "Kärkimetalli Oy" is "Kärkimetalli's engineers"): two words
    or one of five letters or more, not a place.

    >>> E = lambda n, l="Organisation": type("E", (), {"name": n, "label": l})
    >>> _short_form(E("AquaTech Moravia z.s.")), _short_form(E("Kärkimetalli Oy")), _short_form(E("Nord AS"))
    (('AquaTech Moravia',), ('Kärkimetalli',), ())
    >>> _short_form(E("Alpha GmbH", "Event"))
    ()
    """
    if e.label not in ("Organisation", "Cluster", "SME"):
        return ()
    base, form = split_legal_form(e.name)
    return (base,) if form and (len(base.split()) >= 2 or len(base) >= 5) and not is_place(base) else ()


def _own_words(ents: list[DocEntity]) -> dict[str, DocEntity]:
    """The one word of a company's two-word name that names it alone ("Urola" of "Mecanizados
    Urola, S.L."): a capitalised word of five letters or more before a legal form, no place, no head
    noun, and in no other entity's name.

    >>> E = lambda n, l="SME": DocEntity(n.lower(), l, n)
    >>> sorted(_own_words([E("Mecanizados Urola, S.L."), E("Urola Valley Cluster", "Cluster"), E("Herrajes Bidasoa SL")]))
    ['Bidasoa', 'Herrajes', 'Mecanizados']
    """
    lex, words = load_lexicon(), defaultdict(set)
    for e in ents:
        for w in re.findall(r"[^\W\d_][\w'’-]*", " ".join((e.name, *e.aliases))):
            words[w].add(id(e))
    out = {}
    for e in ents:
        base, form = split_legal_form(e.name)
        if e.label in ("SME", "Organisation") and form and len(parts := base.split()) == 2:
            out.update({w: e for w in parts if len(w) >= 5 and w[:1].isupper() and words[w] == {id(e)}
                        and not is_place(w) and not lex.label_of_head(w.lower())})
    return out


_WORDISH = re.compile(r"[\w-]")


def name_occurrences(view: str, names: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each whole-word occurrence of ``names`` in ``view``, left to right
    without overlaps, the earlier name of the list where two start at one place: what a pattern
    alternating the names in that order finds, without making a pattern for each document.

    >>> name_occurrences("Alpha Beta, Alphabet and Alpha", ["Alpha Beta", "Alpha"])
    [(0, 10, 'Alpha Beta'), (25, 30, 'Alpha')]
    """
    first: dict[int, tuple[int, str]] = {}     # start -> (end, name) of the first name whole there
    for name in names:
        i = view.find(name)
        while i >= 0:
            end = i + len(name)
            if i not in first and not (i and _WORDISH.match(view, i - 1)) and not _WORDISH.match(view, end):
                first[i] = (end, name)
            i = view.find(name, i + 1)
    out, reach = [], 0
    for i in sorted(first):
        if i >= reach:
            out.append((i, *first[i]))
            reach = first[i][0]
    return out


def mention_again(view: str, ents: list[DocEntity]) -> None:
    """Add the later mentions of a known name that no rule picked up (in place).

    A name the rules found once ("Agropole (France)") is the same entity wherever the
    text repeats it exactly ("coordinated by Agropole"): relation rules need every
    mention. Only capitalised names of four characters or more (or acronyms) are
    searched, case-sensitively, outside the spans of existing mentions.

    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> text = "Partners: Agropole (France). The consortium is coordinated by Agropole."
    >>> ents = resolve_mentions(find_mentions(text))
    >>> mention_again(text, ents)
    >>> [len(e.mentions) for e in ents if e.name == "Agropole"]
    [2]
    """
    owner: dict[str, DocEntity] = {}
    for e in ents:
        if e.label in ("Sector",):
            continue
        for n in (e.name, *e.aliases, *_short_form(e)):
            n = n.strip()
            if len(n) >= 4 and n[:1].isupper() or is_acronym(n) and len(n) >= 2:
                owner.setdefault(n, e)
    for n, e in _own_words(ents).items():
        owner.setdefault(n, e)
    if not owner:
        return
    taken = sorted((m.start, m.end) for e in ents for m in e.mentions)
    starts = [t[0] for t in taken]
    reach = list(itertools.accumulate((t[1] for t in taken), max))   # furthest end so far
    for start, end, name in name_occurrences(view, sorted(owner, key=len, reverse=True)):
        i = bisect.bisect_right(starts, start)
        if (i and reach[i - 1] > start) or (i < len(taken) and taken[i][0] < end):
            continue        # inside or across a mention already read
        if name == "EU" and eu_as_adjective(view, end):
            continue        # "EU clusters": no mention of the Union
        e = owner[name]
        e.mentions.append(Mention(start, end, name, e.label, "again", 0.5))
    for e in ents:
        e.mentions.sort(key=lambda x: x.start)
