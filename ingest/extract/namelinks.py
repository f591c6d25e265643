"""Name keys and the links between them: which names within a document are one thing.

A name is compared in its :func:`norm` form. Names, aliases and acronyms are linked with a
union-find; an acronym two different long names claim (two "CSM"s) links nothing; near-identical
spellings, a name and the same name with a type word ("X project"), and names that differ only by
a place adjective ("catalan" / "catalonia") are linked; "X Y" with X and Y both named is a part Y of X.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from clusternet.ingest.extract.eventlinks import link_event_heads
from clusternet.ingest.extract.translatednames import link_translations
from clusternet.ingest.extract.lexicon import country_code, load_lexicon
from clusternet.ingest.extract.mentions import Mention, initials_match, is_acronym
from clusternet.ingest.resolve.normalise import split_legal_form

__all__ = ["link_names", "norm"]


@lru_cache(maxsize=300_000)
def norm(text: str) -> str:
    """The form names are compared in (same as the shared scorer's).

    >>> norm("The Stone & Marble Cluster")
    'stone and marble cluster'
    """
    t = unicodedata.normalize("NFKD", str(text))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold().replace("&", " and ")
    t = re.sub(r"[^\w\s]", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"^the ", "", t)


class _UF:
    def __init__(self):
        self.p: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted((norm(s) for s in load_lexicon()["type_suffixes"]), key=len, reverse=True))


@lru_cache(maxsize=100_000)
def _strip_type(name: str) -> str | None:
    n = norm(name)
    for suf in _suffixes():
        if suf and n.endswith(" " + suf) and len(n) > len(suf) + 1:
            return n[: -len(suf) - 1].strip()
        if suf and n.startswith(suf + " ") and (suf == "escp" or len(name.split()) == len(suf.split()) + 1):
            return n[len(suf) + 1:]     # "ESCP X", "European Strategic Cluster Partnership DIGIX"
    m = re.match(r"^(\w+) escp eu$", n)
    return m.group(1) if m else None


def _similar(a: str, b: str) -> bool:
    if len(a) < 8 or len(b) < 8:
        return False
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or fuzz.ratio(a, b) < 90:
        return False
    return all(x == y or (len(x) >= 5 and fuzz.ratio(x, y) >= 85) for x, y in zip(ta, tb))


def link_names(strong: list[Mention], weak: list[Mention]) -> tuple[_UF, set[str], set[str], dict[str, str]]:
    """Link the names of the strong and weak mentions: (the union-find, the keys kept, the
    ambiguous acronyms, each part's parent key).

    >>> s = [Mention(0, 21, "Baltic Marine Cluster", "Cluster", "paren-alias", aliases=["BMC"])]
    >>> uf, keys, ambiguous, parts = link_names(s, [Mention(40, 43, "BMC", None, "acronym")])
    >>> uf.find("bmc") == uf.find("baltic marine cluster"), sorted(keys)
    (True, ['baltic marine cluster', 'bmc'])
    """
    ambiguous = _ambiguous_aliases(strong)
    uf = _UF()
    keys = _link_strong(strong, ambiguous, uf)
    _add_weak(strong, weak, ambiguous, uf, keys)
    ks = sorted(keys)
    later = {norm(m.name) for m in strong + weak if m.props.get("next_edition")} | _other_editions(strong + weak)
    _link_spellings(ks, uf, later)
    _link_first_of(ks, uf, later)
    _link_short_forms(strong + weak, ks, uf)
    link_translations(sorted({m.name for m in strong + weak}), keys, uf, norm)
    link_event_heads(sorted({norm(x) for m in strong + weak if m.label == "Event" for x in (m.name, *m.aliases)}
                            - set(later)), uf)
    _link_kind_suffix(ks, uf)
    _link_legal_forms(ks, uf)
    for short, long in load_lexicon()["agreement_short_forms"].items():
        if short in keys and long in keys:      # "the MoU" is the page's memorandum of understanding
            uf.union(long, short)
    _link_places(ks, uf)
    return uf, keys, ambiguous, _link_parts(ks, uf)


def _link_legal_forms(ks: list[str], uf: _UF) -> None:
    """Link a company's name to the same name without its legal form ("Mekong Fresh Ltd" and
    "Mekong Fresh"), when the bare name has two words or more, or one of six letters or more.

    >>> uf = _UF(); _link_legal_forms(["acme robotics", "acme robotics gmbh"], uf)
    >>> uf.find("acme robotics gmbh") == uf.find("acme robotics")
    True
    """
    keys = set(ks)
    for k in ks:
        base, form = split_legal_form(k)
        if form and base != k and (len(base.split()) >= 2 or len(base) >= 6) and base in keys:
            uf.union(base, k)


def _ambiguous_aliases(strong: list[Mention]) -> set[str]:
    """Acronyms and short forms claimed by two different long names: they identify neither ("CSM"
    of two names, "Rail Cluster" of "the Portuguese Rail Cluster" and "the Slovenian Rail Cluster")."""
    claims: dict[str, set[str]] = defaultdict(set)
    for m in strong:
        for a in m.aliases:
            if norm(a) != norm(m.name):
                claims[norm(a)].add(norm(m.name))
    return {a for a, names in claims.items() if len({n for n in names}) > 1
            and not all(_similar(x, y) for x in names for y in names)}


def _link_strong(strong: list[Mention], ambiguous: set[str], uf: _UF) -> set[str]:
    """The keys of the strong mentions, each linked to its unambiguous aliases in ``uf``."""
    keys = set()
    for m in strong:
        k = norm(m.name)
        if not k:
            continue
        keys.add(k)
        uf.find(k)
        for a in m.aliases:
            ak = norm(a)
            if ak and ak not in ambiguous:
                uf.union(k, ak)
                keys.add(ak)
    return keys


def _add_weak(strong: list[Mention], weak: list[Mention], ambiguous: set[str], uf: _UF, keys: set[str]) -> None:
    """Add to ``keys`` the typed names' bases and the weak names that are repeated, typed or labelled."""
    # repeated or typed acronyms and capitals become entities of their own
    counts = Counter(norm(m.name) for m in weak)
    typed = set()
    for m in strong + weak:
        base = _strip_type(m.name)
        if base:
            typed.add(base)
            if base in keys or counts.get(base, 0) >= 1:
                uf.union(base, norm(m.name))
                keys.update((base, norm(m.name)))
    for m in weak:
        k = norm(m.name)
        if k in ambiguous:
            continue
        if k in keys or counts[k] >= 2 or k in typed or m.label:
            keys.add(k)
            uf.find(k)


_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def _other_editions(ms: list[Mention]) -> set[str]:
    """The keys of the editions of a name after the first one the text names, when it names two
    years of one name ("… Days 2025" in the title, "… Days 2026" below): the bare name is the first.

    >>> ms = [Mention(0, 9, "Days 2025", "Event", "x"), Mention(50, 59, "Days 2026", "Event", "x")]
    >>> _other_editions(ms)
    {'days 2026'}
    """
    first: dict[str, str] = {}
    out = set()
    for m in sorted(ms, key=lambda m: m.start):
        key = norm(m.name)
        base, _, year = key.rpartition(" ")
        if base and _YEAR_ONLY.fullmatch(year):
            if first.setdefault(base, key) != key:
                out.add(key)
    return out


def _link_spellings(ks: list[str], uf: _UF, later=frozenset()) -> None:
    """Link near-identical spellings, and a name to a longer one it starts ("European Foundation for …"),
    or to its edition of a year ("Matchmaking Event 2024") unless that is a ``later`` one."""
    preps = load_lexicon().words("prepositions")
    by_first = defaultdict(list)
    for k in ks:
        by_first[k[:1]].append(k)
    for group in by_first.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _similar(a, b):
                    uf.union(a, b)
                elif b.startswith(a + " ") and len(a.split()) >= 2 and (b[len(a) + 1:].split()[0] in preps
                                                                        or _and_topic(a, b, preps)
                                                                        or _YEAR_ONLY.fullmatch(b[len(a) + 1:])
                                                                        and b not in later):
                    uf.union(a, b)      # "… for Cluster Excellence", "Matchmaking Event" + " 2024"
    _link_place_prefixed(ks, uf)


def _link_first_of(ks: list[str], uf: _UF, later=frozenset()) -> None:
    """Link a name of two words or more to the same name after "first" (in the text's language): "primera
    mision empresarial a estados unidos" is the page's "mision empresarial a estados unidos".

    >>> uf = _UF(); _link_first_of(["business mission to japan", "first business mission to japan"], uf)
    >>> uf.find("business mission to japan") == uf.find("first business mission to japan")
    True
    """
    firsts, keys = load_lexicon().words("first_ordinals"), set(ks)
    for b in ks:
        first, _, rest = b.partition(" ")
        if first in firsts and len(rest.split()) >= 2 and rest in keys and not {b, rest} & later:
            uf.union(b, rest)


def _and_topic(a: str, b: str, preps) -> bool:
    """Whether ``b`` is ``a`` (four words or more) with one more topic after "and": "… on Bioeconomy"
    and "… on Bioeconomy and Bio-based Materials", not a second body ("… and of the Cyprus …").

    >>> _and_topic("online matchmaking on bioeconomy", "online matchmaking on bioeconomy and materials", ())
    True
    """
    tail = b[len(a) + 1:].split()
    return len(a.split()) >= 4 and len(tail) >= 2 and tail[0] == "and" and tail[1] not in preps \
        and tail[1] not in load_lexicon().words("determiners")


def _link_kind_suffix(ks: list[str], uf: _UF) -> None:
    """Link a one-word name to the same word with a cluster's head noun after it, when only one such
    name claims it: "Forestia" and "Forestia Cluster" (a place is never the short form: "Styria" and
    "Styria Cluster" stay apart).

    >>> uf = _UF(); _link_kind_suffix(["forestia", "forestia cluster"], uf); uf.find("forestia") == uf.find("forestia cluster")
    True
    """
    lex = load_lexicon()
    heads = {h for h, label in lex.heads.items() if label == "Cluster" and " " not in h}
    keyset, claims = set(ks), defaultdict(list)
    for b in ks:
        words = b.split()
        if len(words) == 2 and words[-1] in heads and words[0] in keyset:
            claims[words[0]].append(b)
    for a, longer in claims.items():
        if len(longer) == 1 and not (country_code(a) or a in lex.regions or lex.city(a)):
            uf.union(a, longer[0])


def _link_place_prefixed(ks: list[str], uf: _UF) -> None:
    """Link a name of two words or more to the same name after one place word: "india matchmaking
    event" and "eu india matchmaking event" (a run cut at "EU – India")."""
    keys = set(ks)
    for b in ks:
        first, _, rest = b.partition(" ")
        if len(rest.split()) >= 2 and rest in keys and (first in ("eu", "euro") or country_code(first)):
            uf.union(b, rest)


def _link_short_forms(ms: list[Mention], ks: list[str], uf: _UF) -> None:
    """Link a one-word acronym or camel-case name to the one longer name it starts, when nothing
    else claims it: "BioM" and "BioM Biotech Cluster Development GmbH" (the text's short form).

    >>> uf = _UF(); _link_short_forms([Mention(0, 4, "BioM", None, "acronym")], ["biom", "biom biotech gmbh"], uf)
    >>> uf.find("biom") == uf.find("biom biotech gmbh")
    True
    """
    acronyms = {norm(m.name): m.name.strip() for m in ms if " " not in m.name.strip() and is_acronym(m.name.strip())
                and m.rule != "programme"}      # a known programme's own name ("ESCP-4i") is no one's short form
    bodies = {norm(m.name) for m in ms if m.label in ("Partnership", "Cluster", "Organisation")}
    events = {norm(x) for m in ms if m.label in ("Event", "Agreement") for x in (m.name, *m.aliases)}
    keyset, sizes = set(ks), None
    for a in sorted(acronyms):
        if a not in keyset:
            continue
        sizes = sizes or Counter(uf.find(k) for k in ks)    # the keys each root holds, counted again after a link
        if sizes[uf.find(a)] > 1:
            continue        # already the short form of another name ("EU" of "European Union")
        longer = {uf.find(k) for k in _starting(ks, a + " ")
                  if not (a in bodies and k in events)}    # "SolarLink Business Mission to Chile": its event, "… Joint Declaration"
        if not longer and sum(c.isalpha() for c in a) >= 6 and acronyms[a].isupper():   # "CLUSTER-CORD": "Clusters & Co…"
            longer = {uf.find(k) for k in ks if len(k.split()) >= 3 and initials_match(acronyms[a], k.split())
                      and _word_starts_spelt(acronyms[a], k.split()) >= 2 and not (a in bodies and k in events)}
        if not longer and 3 <= len(a) <= 5 and acronyms[a].isalpha() and acronyms[a].isupper():   # "NEDH": "North-East …"
            longer = {uf.find(k) for k in ks if a in _initials(k) and not (a in bodies and k in events)}
        if len(longer) == 1:
            uf.union(longer.pop(), a)
            sizes = None


@lru_cache(maxsize=100_000)
def _initials(key: str) -> tuple[str, ...]:
    """The acronyms a name key spells exactly by its words' first letters, connectors, an elided
    article and a legal form left out; also without a closing head noun ("Cluster"); () for a
    name of fewer than three such words.

    >>> _initials("north east digital health cluster"), _initials("forum international des technologies de l eau")
    (('nedhc', 'nedh'), ('fite',))
    """
    lex = load_lexicon()
    words = [w for w in split_legal_form(key)[0].split() if len(w) > 1 and w not in lex.words("connectors")]
    if len(words) < 3:
        return ()
    spelt = "".join(w[0] for w in words)
    heads = {h for label in ("Cluster", "Organisation", "Partnership") for h in lex["heads"][label]}
    return (spelt, spelt[:-1]) if words[-1] in heads else (spelt,)


def _word_starts_spelt(acr: str, words: list[str]) -> int:
    """How many of the words' first letters the acronym spells, in order: "CLUSTER-CORD" spells the
    C of "clusters" and of "cooperation" and the R of "regional", "AUTO-MED" only the A of
    "automotive industry association".

    >>> _word_starts_spelt("CLUSTER-CORD", "clusters cooperation for regional development".split())
    3
    >>> _word_starts_spelt("AUTO-MED", "automotive industry association".split())
    1
    """
    letters = [c for c in acr.lower() if c.isalnum()]
    i = n = 0
    for w in words:
        for j, c in enumerate(w):
            if i < len(letters) and c == letters[i]:
                n += j == 0
                i += 1
    return n


def _starting(ks: list[str], head: str) -> list[str]:
    """The keys of sorted ``ks`` that start with ``head`` (they lie side by side)."""
    i = j = bisect_left(ks, head)
    while j < len(ks) and ks[j].startswith(head):
        j += 1
    return ks[i:j]


def _link_places(ks: list[str], uf: _UF) -> None:
    """Link keys that are one name once place adjectives read as places ("catalan/catalonia government")."""
    by_place = defaultdict(list)
    for k in ks:
        by_place[_place_key(k)].append(k)
    for same in (g for g in by_place.values() if len(g) > 1):
        for k in same[1:]:
            uf.union(same[0], k)


def _link_parts(ks: list[str], uf: _UF) -> dict[str, str]:
    """Link "X Y" to a known Y (when X is known too); the part -> its parent X."""
    keyset = set(ks)
    parent_of = {}
    for k in ks:
        t = k.split()
        for i in range(1, len(t)):
            x, y = " ".join(t[:i]), " ".join(t[i:])
            if x in keyset and y in keyset and len(t[i:]) >= 2:
                uf.union(k, y)
                if x not in _suffixes():        # "European Strategic Cluster Partnership … X": X's kind, no parent
                    parent_of[y] = x
    return parent_of


def _place_key(key: str) -> str:
    """A normalised name with its place adjectives read as the place: "catalan government" and
    "catalonia government" are one body.

    >>> _place_key("catalan government") == _place_key("catalonia government")
    True
    """
    lex = load_lexicon()
    words = key.split()
    if len(words) < 2:
        return key
    out = []
    for w in words:
        reg = lex.region_demonyms.get(w)
        out.append(norm(reg) if reg else w)
    return " ".join(out)
