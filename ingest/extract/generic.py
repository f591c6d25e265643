"""Generic phrases that read like names but name nothing ("SMEs", "EU clusters").

The annotation guide leaves out generic phrases; these rules drop them before mentions
become entities. They look only at the shape of the phrase and the lexicon, never at
a particular organisation.

>>> [is_generic_name(n) for n in ["SMEs", "EU clusters", "Catalan companies", "Memoranda of Understanding",
...                                "Clusters Go International", "EDOs", "MoU", "Cluster Maritime Tunisien",
...                                "Actualités du cluster", "Basé à Bordeaux"]]
[True, True, True, True, False, True, False, False, True, True]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from functools import lru_cache

from clusternet.ingest.extract.lexicon import country_name, fold, load_lexicon, place_country, town
from clusternet.ingest.extract.lists import adjective_country
from clusternet.ingest.extract.rules import label_of_name

__all__ = ["field_join", "is_generic_name", "plural_acronym", "qualified_plural", "drop_people", "person_context", "describing_word",
           "article_before", "described_before"]

_PLURAL_ACR = re.compile(r"[A-Z][A-Za-z&]*[A-Z]['’]?s")


def plural_acronym(name: str) -> bool:
    """An acronym in the plural ("SMEs", "NGOs", "MoUs") is a kind of thing, not a name.

    >>> plural_acronym("EDOs"), plural_acronym("SPIs"), plural_acronym("CLUSTERS"), plural_acronym("Metropolis")
    (True, True, False, False)
    """
    return bool(_PLURAL_ACR.fullmatch(name)) and sum(c.isupper() for c in name) >= 2


def qualified_plural(name: str) -> bool:
    """A lower-case plural noun after place words or acronyms only ("EU clusters", "Catalan firms").

    >>> qualified_plural("EU clusters"), qualified_plural("Latvian Clusters Network"), qualified_plural("US firms")
    (True, False, True)
    >>> qualified_plural("Canadian cluster"), qualified_plural("Pisco cluster"), qualified_plural("ESCP agreement")
    (True, False, False)
    """
    words = name.split()
    if len(words) < 2:
        return False
    last = words[-1]
    if not (last.islower() and len(last) > 3 and (last.endswith("s") or load_lexicon().label_of_head(last))):
        return False            # "EU clusters", and "a Canadian cluster": a kind of body, named by no name
    if not last.endswith("s"):      # a singular kind needs place words only ("ESCP agreement" is a name)
        if load_lexicon().label_of_head(last) == "Event":
            return False        # "the Chile mission": one journey, which the text describes
        return all(place_country(w) and not w.isupper() for w in words[:-1])
    return all(place_country(w) or w.isupper() for w in words[:-1])


@lru_cache(maxsize=50_000)
def is_generic_name(name: str) -> bool:
    """Whether a candidate name is a generic phrase (see the module doc)."""
    lex = load_lexicon()
    f = fold(name.strip())
    if f in lex.words("generic_names") or f in lex.words("generic_plurals") or f in lex.words("months") \
            or re.match(r"(?:day|dia|jour|giorno|tag)\s+\d|(?:wp|work\s+package)\s*\d", f):
        return True         # "Monday 9 February (New Delhi)", "Day 1, Ede (Gelderland)": a date, no body there;
        # "WP1 Project management": a project's work package, no project
    return (plural_acronym(name.strip()) or qualified_plural(name.strip()) or dotted_country(name.strip())
            or admin_area(name.strip()) or field_phrase(name.strip()) or lone_adjective(name.strip())
            or placed_kind(name.strip()) or f.split(" ", 1)[0] in lex.words("never_first_words"))


def placed_kind(name: str) -> bool:
    """A generic acronym after place words only ("Vilnius SME", "Kaunas SMEs"): a kind of body
    somewhere, no name.

    >>> placed_kind("Vilnius SME"), placed_kind("Baltic SME Network"), placed_kind("SME")
    (True, False, False)
    """
    words = name.split()
    if len(words) < 2 or words[-1].rstrip("s’'").upper() not in load_lexicon()["generic_acronyms"]:
        return False
    lex = load_lexicon()
    return all(place_country(w) or lex.city(w) or town(w) for w in words[:-1])


def lone_adjective(name: str) -> bool:
    """A place adjective alone ("European", "Spanish") qualifies a name, it is none.

    >>> lone_adjective("European"), lone_adjective("Spanish"), lone_adjective("Spain"), lone_adjective("Europa")
    (True, True, False, False)
    """
    if " " in name or not name[:1].isupper():
        return False
    f = fold(name)
    if f in ("european", "international", "transnational", "interregional", "national", "regional", "global"):
        return True
    code = place_country(name)
    lex = load_lexicon()
    return bool(code) and (f in lex.region_demonyms or (f.endswith(("an", "ish", "ese", "ian", "ic", "ch")) and not lex.region(name)
                                                        and not lex.city(name) and fold(country_name(code)) != f))


def field_phrase(name: str) -> bool:
    """A phrase of field words only ("Information Technology", "Science & Technology") names no body.

    >>> field_phrase("Science & Technology"), field_phrase("Research and Innovation"), field_phrase("Innovation Norway")
    (True, True, False)
    """
    lex = load_lexicon()
    words = [fold(w) for w in re.split(r"[\s,]+", name) if w and fold(w) not in lex.words("connectors")]
    return bool(words) and all(w in lex.words("field_words") for w in words)


_ADMIN = re.compile(r"(?i)(?:the\s+)?(?:autonomous\s+)?(?:community|region|province|prefecture|county|state|governorate|"
                    r"voivodeship|canton|department|région|región|regione|provincia|comunidad|comunitat)\s+"
                    r"(?:of|de|du|del|di|de\s+la)\s+(.+)")


def admin_area(name: str) -> bool:
    """"Autonomous Community of Andalusia", "Province of Hebei": a place (found as one), not a body.

    >>> admin_area("Autonomous Community of Andalusia"), admin_area("Community of Practice of Clusters")
    (True, False)
    """
    m = _ADMIN.fullmatch(name)
    return bool(m) and bool(place_country(m.group(1)))


def dotted_country(name: str) -> bool:
    """"U.S", "U.K.": a dotted country abbreviation is the country, never an organisation.

    >>> dotted_country("U.S"), dotted_country("U.S. Department of Commerce"), dotted_country("S.p.A")
    (True, False, False)
    """
    letters = name.replace(".", "")
    return "." in name and len(letters) == 2 and letters.isupper() and bool(place_country(letters))


_BYLINE = re.compile(r"(?i)(?:\b(?:submitted|posted|written|published|authored|edited|photo|photos|credits?)\s+by|"
                     r"\b(?:Mr|Mrs|Ms|Mme|Dr|Prof|Sr|Sra)\.?)\s*$")


_BYLINE_ENDS = ("by", "Mr", "Mrs", "Ms", "Mme", "Dr", "Prof", "Sr", "Sra")


def person_context(view: str, start: int) -> bool:
    """Whether the words before a name make it a person ("Submitted by …", "Prof. …", "Mrs …").

    >>> person_context("News. Submitted by Anna Berg", 19), person_context("organised by Alfa", 13)
    (True, False)
    """
    seg = view[max(0, start - 16):start].rstrip(" .")
    return seg.endswith(_BYLINE_ENDS) and bool(_BYLINE.search(view[max(0, start - 16):start]))


_ROLE_AFTER = re.compile(r",\s+(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:manager|president|ceo|director|chair\w*|"
                         r"secretary|head|founder|minister|commissioner|professor|officer)\b", re.I)


def introduced_person(view: str, m) -> bool:
    """Whether a short unlabelled name is a person its role follows: "Ana Ruiz, general manager of …".

    >>> from types import SimpleNamespace as M
    >>> v = "signed by Ana Ruiz, general manager of Hegan"
    >>> introduced_person(v, M(name="Ana Ruiz", start=10, end=18)), introduced_person(v, M(name="Hegan", start=39, end=44))
    (True, False)
    """
    if not view.startswith(",", m.end):
        return False        # what _ROLE_AFTER needs first: most names are not followed by a comma
    words = m.name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words) \
        and label_of_name(m.name) is None and _ROLE_AFTER.match(view, m.end) is not None


def titled_person(name: str) -> bool:
    """Whether a name is a person named with an office ("Prime Minister Abe", "International Project
    Manager Esma Akyüz"): an office of ``person_offices`` followed by one to three capitalised words
    that name no body.

    >>> titled_person("President Juncker"), titled_person("Prime Minister Abe"), titled_person("Manager Cluster Rhône")
    (True, True, False)
    """
    words = name.split()
    offices = load_lexicon().words("person_offices")
    if len(words) < 2 or not any(w.lower() in offices for w in words[:-1]):
        return False        # every office ends with a word of its own ("prime minister": "minister")
    for k in range(len(words) - 1, 0, -1):
        if fold(words[k - 1]) in offices or k > 1 and fold(" ".join(words[k - 2:k])) in offices:
            rest = words[k:]
            return 1 <= len(rest) <= 3 and all(w[:1].isupper() and not w.isupper() for w in rest) \
                and label_of_name(" ".join(rest)) is None and not any(load_lexicon().label_of_head(w) for w in rest)
    return False


def drop_people(view: str, out: list) -> None:
    """Withdraw (in place) the mentions that are people or titles, not organisations."""
    titles = load_lexicon().words("person_titles")
    out[:] = [m for m in out if m.label in ("Country", "Region", "City", "Demonym")
              or not (fold(m.name) in titles or person_context(view, m.start) or introduced_person(view, m)
                      or titled_person(m.name))]


_LAST_WORD = re.compile(r"([\w-]+)\s*$")
_AND_WORD = re.compile(r"\s*and\s+([\w-]+)")


def field_join(text: str, i: int) -> bool:
    """Whether the " and " at ``text[i]`` joins two field words inside one name ("Science and Technology").

    >>> s = "the Municipal Science and Technology Commission and Alfa"
    >>> field_join(s, s.find(" and ")), field_join(s, s.rfind(" and "))
    (True, False)
    """
    words = load_lexicon().words("field_words")
    left = _LAST_WORD.search(text, max(0, i - 80), i)       # a window: cost follows the words, not the text
    right = _AND_WORD.match(text, i)
    return bool(left and right) and fold(left.group(1)) in words and fold(right.group(1)) in words


def describing_word(word: str) -> bool:
    """Whether one capitalised word before a lower-case "cluster" describes it rather than names
    it: a determiner ("El clúster", "Nuestro clúster"), a number ("Fourteen cluster managers"), "X-based".

    >>> describing_word("Nuestro"), describing_word("Graz-based"), describing_word("Olive")
    (True, True, False)
    """
    w, lex = fold(word), load_lexicon()
    return w.endswith("-based") or any(w in lex.words(k) for k in ("determiners", "romance_determiners", "number_words"))


_A_BEFORE = re.compile(r"\b(?:a|an)\s+$")
_IN_BEFORE = re.compile(r"\bin\s+$")


def article_before(view: str, start: int) -> bool:
    """Whether "a" or "an" stands right before ``start``: "a Spanish Textile Business Association"
    describes a body, it does not name one.

    >>> article_before("met a Spanish Textile Cluster", 6), article_before("met the Alpha Cluster", 8)
    (True, False)
    """
    return bool(_A_BEFORE.search(view[max(0, start - 4):start]))


def described_before(view: str, start: int, first: str) -> bool:
    """Whether the words before a capitalised run whose first word is ``first`` say it is no name:
    an article (:func:`article_before`), or "in" before a language ("– in Slovenian Grozd …": the
    language a translated name is given in).

    >>> described_before("– in Slovenian Grozd kovinarjev", 5, "Slovenian"), described_before("in Alpha Cluster", 3, "Alpha")
    (True, False)
    """
    return article_before(view, start) or bool(_IN_BEFORE.search(view[max(0, start - 4):start]) and adjective_country(first))

