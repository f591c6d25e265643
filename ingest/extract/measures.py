"""The words of a counted measure beyond the noun after the number (used by :mod:`.counts`):
who did it ("meetings conducted by the EU Delegation"), the verb of taking part ("persons took
part"), the country it goes to ("trade missions to Japan"), the qualifiers of a money noun
("Total project budget"), and place adjectives that may follow a number word ("four European").

>>> agent("Overall, the delegation held 90 meetings", 0, 29)
' held by the delegation'
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
import itertools
from functools import lru_cache

from clusternet.ingest.extract.countparts import part_cues_rx
from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.nounphrases import past_verb

__all__ = ["romance_predicate_words", "among", "agent", "money_after", "field_label", "with_hedge", "without_hedge", "ordinals", "HEDGES",
           "ORDINAL_DIGIT", "CURRENCIES", "money_modifiers", "money_qualifiers", "place_adjective", "taking_part", "to_country", "with_place", "decimal_thousands",
           "own_clause", "clause_measure", "money_period", "predicate_next", "without_own_agent", "lead_words"]


def decimal_thousands(num: str) -> float | None:
    """'406,364.70' -> 406364.7 (thousands separators and two decimals); else None.

    >>> decimal_thousands("406,364.70"), decimal_thousands("1,161,042")
    (406364.7, None)
    """
    dm = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+)[.,](\d{1,2})", num)
    return float(re.sub(r"[.,]", "", dm.group(1)) + "." + dm.group(2)) if dm else None


_AGENT = re.compile(r"(?:^|[,;:]\s*|\b[A-Z][a-z]+,\s+|\bTogether\s+)((?:the|The)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
                    r"(?:have\s+|has\s+|had\s+)?(conducted|held|organised|organized|hosted|represent)\s+(?:over\s+|more\s+than\s+|some\s+|about\s+|"
                    r"around\s+|nearly\s+|almost\s+|a\s+total\s+of\s+)?$")


def agent(v: str, lo: int, pos: int) -> str:
    """Who did what is counted, when a described group did it ("the EU Delegation conducted more
    than 100 meetings" -> " conducted by the EU Delegation"); else "".

    >>> agent("Overall, the EU Delegation conducted more than 100 meetings", 0, 47)
    ' conducted by the EU Delegation'
    >>> agent("Together the three clusters represent 200 companies", 0, 38)
    ' represented by the three clusters'
    """
    am = _AGENT.search(v[max(lo, pos - 90):pos])
    verb = load_lexicon()["participle_verbs"].get(fold(am.group(2)), am.group(2)) if am else ""
    return f" {verb} by {am.group(1)[0].lower() + am.group(1)[1:]}" if am else ""


def predicate_next(conj: str, word: str = "", then: str = "") -> bool:
    """Whether ``word`` after the conjunction ``conj`` opens the sentence's next predicate, so that a
    counted noun ends before the conjunction ("9 clusters and represents …", "35 participantes y aprobó …",
    "40 members and joined the …": a past verb with ``then``, the word after it, an article or a name).

    >>> predicate_next("y", "aprobó"), predicate_next("et", "ont"), predicate_next("y", "empresas")
    (True, True, False)
    >>> predicate_next("and", "joined", "the"), predicate_next("and", "registered", "participants")
    (True, False)
    """
    lex, f = load_lexicon(), fold(conj)
    if f == "and":
        return fold(word) in lex.words("predicate_verbs") or past_verb(word) and (
            fold(then) in ("the", "a", "an", "its", "their", "our", "his", "her") or then[:1].isupper())
    return fold(word) in _romance_predicates().get(f, ()) or (f in ("y", "e") and len(word) > 4 and word.endswith(("ó", "ò")))


@lru_cache(maxsize=1)
def _romance_predicates() -> dict[str, frozenset[str]]:
    return {k: frozenset(fold(w) for w in v) for k, v in load_lexicon()["romance_predicate_verbs"].items()}


@lru_cache(maxsize=1)
def romance_predicate_words() -> frozenset[str]:
    """Every Romance verb that opens a clause after a count, whatever the conjunction before it
    ("nove italiane ha visitato …"), folded.

    >>> "ha" in romance_predicate_words(), "empresas" in romance_predicate_words()
    (True, False)
    """
    return frozenset().union(*_romance_predicates().values())


def before_agent(words: list[str], agent: str) -> list[str]:
    """A measure's words when :func:`agent` says who did what is counted: without the verb it repeats
    and without whom it was done with ("meetings with X conducted" + " conducted by …" -> meetings).

    >>> before_agent(["meetings", "with", "Peruvian", "companies"], " conducted by the delegation")
    ['meetings']
    """
    if not agent:
        return words
    words = list(itertools.takewhile(lambda w: fold(w) not in ("with", "between"), words))
    return words[:-1] if words and fold(words[-1]) == fold(agent.split()[0]) else words


def money_modifiers(words: list[str], noun: str, stop=frozenset()) -> list[str]:
    """The words that qualify a money noun before it ("Total project budget is €…" -> Total, project).

    >>> money_modifiers(["Total", "project", "budget", "is"], "budget")
    ['Total', 'project']
    """
    i = max(k for k, w in enumerate(words) if w == noun)
    out: list[str] = []
    lex = load_lexicon()
    for w in reversed(words[:i][-2:]):
        if fold(w) in stop or fold(w) in ("of", "our", "their", "its") or not w.isalpha() \
                or fold(w) in lex.words("romance_determiners"):
            break
        out.insert(0, w)
    return out


def money_qualifiers(words: list[str], noun: str) -> list[str]:
    """The words after a money noun that qualify it, as French, Spanish and Italian put them.

    >>> money_qualifiers(["un", "presupuesto", "total", "de"], "presupuesto")
    ['total']
    """
    i = max(k for k, w in enumerate(words) if w == noun)
    after = list(itertools.takewhile(lambda w: fold(w) in load_lexicon().words("money_qualifiers_after"), words[i + 1:]))
    return after[:1]


def place_adjective(word: str) -> bool:
    """A capitalised word that names a country or a macro-region ("four European clusters").

    >>> place_adjective("European"), place_adjective("Strategic")
    (True, False)
    """
    f = fold(word)
    return bool(country_code(word) and len(word) > 3) or any(x in load_lexicon().macro for x in (f, f[:-1], f[:-2]))


_TAKING_PART = re.compile(r"(?i)[^.;:]{0,140}?\b(took part|participated|attended|participate)\b")


def taking_part(v: str, after, measure_words: list[str], end: int) -> list[str]:
    """The verb of taking part when it follows a short counted noun in its clause
    ("80 persons from research … took part" -> "persons took part"); else nothing.

    >>> taking_part("80 persons from research took part.", [(3, 10, "persons")], ["persons"], 34)
    ['took part']
    """
    if not after or not measure_words or len(measure_words) > 2 or any(
            fold(w) in ("participating", "participated", "participants", "attended", "attending", "part")
            for w in measure_words):
        return []
    tm = _TAKING_PART.match(v, after[0][1], end)
    if tm is None or re.search(r"\b(?:which|who|that|while)\b", tm.group(0)[:tm.start(1) - tm.start()]):
        return []
    return [tm.group(1)]


def to_country(v: str, after, measure_words: list[str]) -> list[str]:
    """The country a counted noun goes to or is in, right after it ("8 trade missions to Japan").

    >>> to_country("8 trade missions to Japan, with", [(2, 7, "trade"), (8, 16, "missions")], ["trade", "missions"])
    ['to', 'Japan']
    """
    if not measure_words or not after:
        return []
    last = next((t for t in after if t[2] == measure_words[-1]), None)
    cm = re.match(r"\s+(to|in)\s+([A-Z][a-z]+)\b(?!\s[A-Z])", v[last[1]:last[1] + 40]) if last else None
    if cm and cm.group(1) == "to" and fold(last[2]).rstrip("s") not in load_lexicon().words("event_references"):
        return []       # "a mission with 22 clusters to Singapore": the mission goes there, not the clusters
    return [cm.group(1), cm.group(2)] if cm and len(cm.group(2)) > 3 and country_code(cm.group(2)) else []


def with_place(measure: str, rest: str, land) -> str:
    """'clusters' + ' in Serbia …' -> 'clusters in Serbia' (the country a count is about)."""
    pm = re.match(r"\s*" + re.escape(measure.split()[-1]) + r"\s+(in\s+(?:the\s+)?[A-Z][\w-]+)", rest) if measure else None
    return f"{measure} {pm.group(1)}" if pm and country_code(pm.group(1).split()[-1]) == land.country else measure


def own_clause(ctx, sent, s: int, e: int, verbs) -> tuple[int, int]:
    """The bracket around a number, or its line when the sentence is the whole line; else (-1, -1)."""
    v = ctx.view
    o = v.rfind("(", sent.start, s)
    c = v.find(")", e, sent.end)
    if o >= 0 and c >= 0 and v.rfind(")", o, s) < 0:
        return o + 1, c
    line = ctx.lines[sent.line]
    if v[line.start:sent.start].strip() == "" and v[sent.end:line.end].strip(" .") == "" \
            and (line.bullet or line.heading or not v[line.start:line.end].rstrip().endswith((".", ":"))) \
            and not any(fold(w) in verbs for w in re.findall(r"[\w&'’/-]+", v[sent.start:sent.end])):
        # a line without a verb of its own ("ESCP agreement signed with 4 additional clusters")
        return sent.start, sent.end
    return -1, -1


# a name of three capitalised words in the clause: the line says who, where or for what, it is no measure
_NAME_AFTER = re.compile(r"\b[A-Z][\w-]*\s+[A-Z][\w-]*\s+[A-Z]")
_CLAUSE_WORD = re.compile(r"[\w&'’/-]+")


_BRACKETED = re.compile(r"\([^()]*\)")


def clause_measure(ctx, sent, m, stated: tuple, verbs) -> tuple[str, bool]:
    """A short line or bracket as its own measure ("ESCP agreement signed with at least 4 …"):
    (the measure, whether the clause has 3 to 12 words); ``stated`` is (the measure read so far, its
    agent, its unit), ``verbs`` the verbs that make a line a sentence of its own."""
    measure, agent, unit = stated
    v = ctx.view
    lo, hi = own_clause(ctx, sent, m.start(), m.end(), verbs)
    text = _BRACKETED.sub(" ", v[lo:m.start()] + " " + v[m.end():hi]) if lo >= 0 else ""   # "(India, Brazil)": what, not which
    clause = [w for w in _CLAUSE_WORD.findall(text) if fold(w) not in ("at", "least", "over", "around", "approximately", "about", "a")]
    if 3 <= len(clause) <= 12 and not agent and not re.search(r"\d", v[lo:m.start()] + v[m.end():hi]) \
            and not m.group("pct") and unit is None and not _NAME_AFTER.search(v, lo, hi) \
            and not part_cues_rx().search(fold(v[lo:m.start()])):      # "(among them 21 SMEs)": a part, read as one
        measure = ordinals(" ".join(clause))
    return measure, 3 <= len(clause) <= 12


def among(v: str, last, pos: int) -> str:
    """The population a share is of, when it follows another count after a dash or a comma
    ("47.000 cluster members – around 85% SMEs" -> " among cluster members"); ``last``: (measure,
    end) or None.

    >>> among("47 members – around 85% SMEs", ("members", 10), 20)
    ' among members'
    """
    if last and re.fullmatch(r"\s*[–—,-]\s*(?:around|about|over|some|nearly|almost|approximately)?\s*", v[last[1]:pos]):
        return " among " + last[0]
    return ""


def money_after(v: str, pos: int, end: int, nouns) -> list[str] | None:
    """The money noun (one of ``nouns``) a copula puts after an amount, with up to three words
    before it ("… of which EUR 920,000 is the EU grant": EU grant); else None.

    >>> money_after("EUR 920,000 is the EU grant.", 11, 28, {"grant"})
    ['EU', 'grant']
    """
    cm = _COPULA_AFTER.match(v, pos, end)
    words = cm.group(1).split() if cm else []
    at = next((k for k, w in enumerate(words) if fold(w) in nouns), None)
    return words[:at + 1] if at is not None else None


_COPULA_AFTER = re.compile(r"\s+(?:is|are|was|were|will\s+be|represents?)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
                           r"((?:[\w-]+\s+){0,3}[\w-]+)")


# the currencies a stated amount may be in, as its measure names them ("budget (EUR)"); the
# lexicon maps their words and signs
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "PLN", "CZK", "HUF", "RON", "BGN", "SEK", "NOK", "DKK", "ISK", "JPY", "KRW",
              "CNY", "INR", "CAD", "AUD", "SGD", "BRL", "MXN", "ZAR", "TRY", "MAD", "TND")
# the words that hedge a stated number ("more than 40"), in the order the count pattern tries them
HEDGES = ("over", "more than", "around", "approximately", "about", "up to", "almost", "nearly", "at least", "some",
          "roughly", "close to", "circa", "less than", "fewer than",
          # Spanish, French, Italian, Portuguese: "más de 1.200 empresas" -> "empresas (más de)"
          "más de", "mas de", "más del", "menos de", "al menos", "alrededor de", "cerca de", "casi", "hasta", "unas", "unos",
          "plus de", "près de", "pres de", "environ", "au moins", "jusqu'à", "presque", "moins de",
          "oltre", "almeno", "circa", "quasi", "fino a", "più di", "mais de", "pelo menos", "quase", "até")
_HEDGED = re.compile(r" \((?:" + "|".join(h for h in HEDGES if h != "some") + r")\)$")
_ORD = {"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth"}
ORDINAL_DIGIT = re.compile(r"\b(\d)\s*(?:st|nd|rd|th)\b")


_PERIOD = re.compile(r"(?:\s+(?:million|m|bn|billion|thousand))?\s+for\s+(?:the\s+(?:years|period)\s+)?"
                     r"((?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d)\b")


def money_period(v: str, end: int, hi: int) -> list[str]:
    """The years an amount is for, right after it ("EUR 1.5 million for 2024–2027"), as measure words.

    >>> t = "a budget of EUR 1.5 million for the years 2024–2027."
    >>> money_period(t, t.index(" million"), len(t)), money_period(t, t.index(" for"), t.index(" for"))
    (['for', '2024–2027'], [])
    """
    pm = _PERIOD.match(v, end, hi)
    return ["for", re.sub(r"\s+", "", pm.group(1))] if pm else []


def ordinals(text: str) -> str:
    """'SMEs in 3 rd country' -> 'SMEs in third country' (ordinal digits as words).

    >>> ordinals("3<sup>rd</sup> markets"), ordinals("the 2nd call")
    ('3<sup>rd</sup> markets', 'the second call')
    """
    return ORDINAL_DIGIT.sub(lambda m: _ORD.get(m.group(1), m.group(0)), text)


def without_hedge(measure: str) -> str:
    """A measure without the hedge :func:`with_hedge` gave it.

    >>> without_hedge("members (more than)"), without_hedge("budget (EUR)")
    ('members', 'budget (EUR)')
    """
    return _HEDGED.sub("", measure)


_FUNDED = re.compile(r"\s*(?P<verb>co-?financed|co-?funded|financed|funded)\s+by\s+(?:the\s+)?(?P<funder>[^\W\d][^,;:.()]{1,80}?)"
                     r"\s*(?:\((?P<short>[A-Z][\w+-]{1,12})\)|(?=[,;:.]|\s+(?:through|under|via|and|with)\b|$))")


def funding_rate(v: str, pos: int, end: int) -> str | None:
    """The measure of a share some funder pays, said right after the percentage ("80% co-financed by
    the European Regional Development Fund (ERDF)" -> "ERDF co-financing rate"), else None.

    >>> t = "a budget of €2.4 million, 80% co-financed by the European Regional Development Fund (ERDF)."
    >>> funding_rate(t, t.index("%") + 1, len(t)), funding_rate("80% of the SMEs", 3, 15)
    ('ERDF co-financing rate', None)
    """
    m = _FUNDED.match(v, pos, end)
    if m is None:
        return None
    kind = "co-funding" if "fund" in m.group("verb").lower() else "co-financing"
    return f"{m.group('short') or m.group('funder').strip()} {kind} rate"


def staff_measure(measure: str, label: str) -> str:
    """A company's bare "people" are its employees ("X, an SME of about 60 people").

    >>> staff_measure("people", "SME"), staff_measure("people", "Event"), staff_measure("people trained", "SME")
    ('employees', 'people', 'people trained')
    """
    return "employees" if label in ("SME", "Organisation") and measure in ("people", "persons", "staff") else measure


def with_hedge(measure: str, pre: str | None, unit: str | None) -> str:
    """A measure with the words that hedge its number, in brackets, as annotators write it.

    >>> with_hedge("members", "more than ", None), with_hedge("members", "+", None), with_hedge("share", "over ", "%")
    ('members (more than)', 'members (more than)', 'share')
    """
    hedge = "more than" if pre == "+" else " ".join((pre or "").split()).lower()
    if not hedge or hedge == "some" or unit == "%":
        return measure
    return f"{measure} ({hedge})"


# "EU contribution: EUR 2,160,000, of which …": the field's label names the amount
_FIELD_LABEL = re.compile(r"[\s*#>•-]*([^\W\d_][^:\n\d]{1,60}?)\s*(?:\*+\s*)?:\s*(?:\*+\s*)?(?:(?:€|" + "|".join(CURRENCIES) + r"|\$|£)\s*)?$")


def field_label(v: str, pos: int) -> str | None:
    """The label of a fact-sheet field whose amount starts at ``pos`` ("EU contribution: EUR …").

    >>> field_label("EU contribution: EUR 2,160,000, of which 75 %", 21)
    'EU contribution'
    """
    label = _FIELD_LABEL.match(v, v.rfind("\n", 0, pos) + 1, pos)
    return label.group(1) if label else None


_BY = re.compile(r"\sby\s")


def without_own_agent(measure: str, subject: str) -> str:
    """A measure without the agent that names its own subject ("B2B meetings hosted by the Wood
    Days 2025" of the Wood Days 2025 is "B2B meetings"), a hedge after it kept.

    >>> without_own_agent("B2B meetings hosted by the Wood Days 2025 (more than)", "Wood Days 2025")
    'B2B meetings (more than)'
    >>> without_own_agent("members represented by the alliance", "Wood Days 2025")
    'members represented by the alliance'
    """
    if subject not in measure or not _BY.search(measure):
        return measure      # the usual case, decided without a pattern made for this subject
    m = re.search(r"(?:\s+[\w-]+(?:ed|held|run|met|made))?\s+by\s+(?:the\s+)?" + re.escape(subject) + r"(?=$|\s\()", measure)
    return measure[:m.start()] + measure[m.end():] if m and m.start() > 0 else measure


_CURRENCY_WORDS = ("euros", "euro", "eur", "dollars", "usd")


def lead_words(after, unit, word_num):
    """The words after a count without a currency word, "of the" or "as" (with the unit they state), or
    None when a number word is not followed by what it counts ("four European …" is, "Two of …" is not)."""
    after = after[1:] if len(after) > 1 and fold(after[0][2]) in ("de", "di") and fold(after[1][2]) in _CURRENCY_WORDS \
        else after      # "1,2 millones de euros", "1,2 milioni di euro"
    cur = fold(after[0][2]).replace("’", "'").removeprefix("d'") if after else ""
    if cur in _CURRENCY_WORDS:
        unit = "USD" if cur in ("dollars", "usd") else "EUR"
        after = after[1:]
    if word_num and after and not (after[0][2][:1].islower() or re.match(r"\d(?:st|nd|rd|th)", after[0][2])
                                   or re.fullmatch(r"[A-Z0-9]{2,}E?s?", after[0][2])
                                   or place_adjective(after[0][2])):   # "twelve SMEs", "four European"
        return None
    if len(after) > 2 and fold(after[0][2]) == "of" and fold(after[1][2]) in ("the", "these", "its", "their", "our"):
        after = after[2:]       # "two of the most important clusters": a part of a group
    if unit in CURRENCIES and after and fold(after[0][2]) == "as":
        after = after[1:]       # "€ 406,364.70 as partner co-financing"
    return after, unit
