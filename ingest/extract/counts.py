"""Figures stated in prose: "has 375 members", "60% of 91 companies …", "a budget of €2.3billion".

For every number in a sentence: its value (number words, thousands separators, "billion",
currencies, "%", "m²"), its measure (the words that say what is counted) and its subject
(the entity the figure is about). All rules are generic wording rules:

* measure: the noun phrase after the number ("35 industrial members"), coordinated lists
  kept whole ("300 business & innovation, research and investment organisations"), a
  participle before or after it kept ("visited two clusters", "600 SMEs received
  information"), a short line or bracket kept whole ("ESCP agreement signed with at least 4
  additional clusters"); "N% of X" is "share of X"; money is the noun before "of" or after it.
* subject: an entity right after the number ("the 4 CLUSTEM partners"), a place it is
  "present in", the name an appositive follows ("X, a 400 m² space"), the event when the
  figure counts participants, a sector ("the French textile industry"), "The pole …" for the
  last pole named, the entity that is the clause's subject ("X brings together 375"), else
  the first entity of the sentence, else the partnership the text is about (these rules are
  :func:`.countsubj.count_subject`).

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "The Olive Pole (Tunisia) brings together 120 members and 3 research centres."
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> [(f.subject.name, f.measure, f.value) for f in count_facts(ctx, ents, None)]
[('Olive Pole', 'members', 120), ('Olive Pole', 'research centres', 3)]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.bracketcounts import country_count
from clusternet.ingest.extract.countable import contact_line, not_a_count
from clusternet.ingest.extract.countsubj import CLAUSE_VERBS, count_subject
from clusternet.ingest.extract.factsubj import country_of_sentence, measure_country, owner_by_measure, \
    partnership_figure
from clusternet.ingest.extract.measures import agent as _agent, among, lead_words, before_agent, clause_measure, field_label, money_after, \
    funding_rate, money_modifiers, money_period, money_qualifiers, ordinals, predicate_next, staff_measure, taking_part, \
    to_country, with_hedge, with_place, without_hedge, without_own_agent, CURRENCIES
from clusternet.ingest.extract.countparts import part_cue, part_of_before, short_measure
from clusternet.ingest.extract.delegations import in_delegation, on_the_journey
from clusternet.ingest.extract.moneyclauses import money_clause
from clusternet.ingest.extract.lexicon import fold, is_programme_name, load_lexicon, programme_named_in
from clusternet.ingest.extract.origins import countries_of, nationality_part
from clusternet.ingest.extract.nounphrases import inner_place, met_with, passive_participle, past_verb
from clusternet.ingest.extract.numbers import NOT_COUNTS, count_rx, count_value, is_number_word, unit_and_value
from clusternet.ingest.extract.raw import RawFact
from clusternet.ingest.extract.stories import Focus
from clusternet.ingest.extract.proseparts import headline_repeats_dropped, read_apart

__all__ = ["count_facts"]

_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|[^\W\d_](?:[^\W_]|[&'’/-])*|\d[\d.,]*|[&,.;:()\"“”]|(?<=\s)[–—-](?=\s)")
_STOP = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "to", "in", "into", "that", "which",
         "who", "with", "for", "on", "at", "from", "by", "and", "the", "a", "an", "as", "such", "within", "been",
         "equal", "while", "whose", "mostly", "including", "but", "or", "both", "during", "since", "than", "between",
         "along", "across", "throughout", "under", "through", "con", "avec", "para", "pour", "durante", "pendant",
         "dans", "y", "e", "et", "ou"}
_ROMANCE_OF, _HEDGES = frozenset({"de", "del", "des", "du", "della", "delle", "dei", "di", "da", "do", "dos", "das"}), frozenset((
    "over more than around approximately about up to almost nearly at least roughly close circa less "
    "fewer mas menos alrededor cerca casi hasta unas unos plus pres environ moins presque oltre almeno "
    "quasi fino piu mais quase ate au al pelo some the a an our their its of with by further total").split())
_TRAIL = set("of and or , & around over about approximately nearly almost some more up least than worth totalling totaling valued".split())
_ENDS = frozenset(_STOP | _TRAIL | _ROMANCE_OF)     # words a measure never ends on (the lexicon adds Romance articles)
# a word after a comma that opens a clause, not a list's next noun ("18 companies, led by …")
_CLAUSE_OPENERS = {"which", "who", "whose", "including", "such", "led", "held", "run", "both", "each", "all", "while"}
_AND_CLAUSE = set("together they we it its their our also then this these there so now several many most some others all none".split())
_MACRO = ("europe", "european", "eu", "world", "worldwide", "global", "international")


def _words_after(v: str, pos: int, end: int, limit: int = 18):
    return [(t.start(), t.end(), t.group(0)) for t, _ in zip(_TOKEN.finditer(v, pos, end), range(limit))]


def _list_goes_on(toks, i: int) -> bool:
    """Whether the comma at ``i`` goes on with a list of counted nouns, not a clause ("…, led by X") nor a name."""
    ahead = [t[2] for t in toks[i + 1:i + 7]]
    cut = next((k for k, x in enumerate(ahead) if x in ",.;:()" or x[:1].isdigit()), len(ahead))
    nxt = fold(ahead[0]) if ahead else ""
    named = bool(ahead) and ahead[0][:1].isupper() and not ahead[0].isupper() and any(c.islower() for c in ahead[0])
    clause = nxt == "and" and len(ahead) > 1 and (fold(ahead[1]) in _AND_CLAUSE or ahead[1][:1].isupper())   # ", and they …"
    return "and" in [fold(x) for x in ahead[:cut]] and not (nxt.endswith("ed") or nxt in _CLAUSE_OPENERS or named or clause)


def _clause_starts(toks, i: int, f: str, lex) -> bool:
    """Whether the word ``f`` at token ``i`` ends a measure because a clause starts there: "12
    companies led by X", "empresas del Clúster …", "five clusters targeting Canada", "the three
    clusters represent 410 members"."""
    upper_next = i + 1 < len(toks) and toks[i + 1][2][:1].isupper()
    return (f.endswith("ed") and i + 1 < len(toks) and fold(toks[i + 1][2]) == "by"
            or f in _ROMANCE_OF and upper_next or f.endswith("ing") and len(f) > 5 and upper_next
            or f in lex.words("measure_verbs"))


def _noun_phrase(toks, lex, allow_in: bool) -> list[str]:
    """Measure words after a number: up to a stop word, keeping coordinated lists whole."""
    out: list[str] = []
    months = lex.words("months")
    i = 0
    while i < len(toks):
        w = ordinals(toks[i][2])
        f = fold(w)
        if w in ",":
            if not (out and _list_goes_on(toks, i)):
                break
            out.append(",")
            i += 1
            continue
        if w in ".;:()\"“”–—-" or w[:1].isdigit():
            if w[:1].isdigit() and len(out) > 1 and (past_verb(out[-1]) or fold(out[-1]).endswith("ing") and len(out[-1]) > 5):
                out.pop()       # "five partner clusters held 196 meetings", "… companies employing 12,000": the next count's verb
            break       # "57 members – companies, municipalities … –": an aside after the noun
        if out and is_number_word(f) and (f not in NOT_COUNTS or fold(out[-1]) in ("and", ",")):
            while out and fold(out[-1]) in ("and", "or", ",", "&"):
                out.pop()
            break       # "five managers and nine companies": the next count starts
        if not out and (f in months or f in lex.words("not_measures") or f in lex.words("time_kinds")
                        and i + 1 < len(toks) and fold(toks[i + 1][2]) in lex.words("not_measures")):
            return []       # a date, a time: "within two working days"
        if not out and f in ("de", "di", "del") and i + 1 < len(toks) and fold(toks[i + 1][2]) in months:
            return []       # "5 de mayo": a date
        if out and _clause_starts(toks, i, f, lex):
            break
        if f in _STOP and out:
            nxt = fold(toks[i + 1][2]) if i + 1 < len(toks) else ""
            if f in ("and", "or", "of", "&", "y", "e", "et", "ou") and len(out) < 6 and not predicate_next(f, *(t[2] for t in toks[i + 1:i + 3])):
                out.append(w)
                i += 1
                continue
            if f == "from" and i + 1 < len(toks) and toks[i + 1][2][:1].isupper():
                # "clusters from Northern Africa and the Middle East": the origin is part of it
                out.append(w)
                i += 1
                while i < len(toks) and (toks[i][2][:1].isupper() or fold(toks[i][2]) in ("and", "the", "of")):
                    out.append(toks[i][2])
                    i += 1
                continue
            if (f == "in" and len(out) < 5 and (inner := inner_place(toks, i, _STOP))) or (inner := met_with(toks, i, _STOP)):
                out.extend(t[2] for t in toks[i:i + inner])
                i += inner
                continue
            if allow_in and f in ("in", "into", "to") and len(out) < 8:
                out.append(w)
                i += 1
                continue
            break
        if f in _STOP:
            break
        out.append(w)
        i += 1
    ends = _measure_ends("measure_end_words")
    while out and fold(out[-1]) in ends:
        out.pop()
    return out


def _join(words: list[str]) -> str:
    return " ".join(w.strip(".,;:()\"“”") if w != "," else "," for w in words).replace(" ,", ",").strip(" ,")


def _before(v: str, lo: int, pos: int, n: int = 6) -> list[str]:
    seg = re.split(r"[,;:()\[\]]|(?<=\w)\.\s", v[lo:pos])[-1]
    return [w for w in re.findall(r"[\w&'’/-]+", seg)][-n:]


def count_facts(ctx, ents, main, sectors=(), places=None, skip=()) -> list[RawFact]:
    """Figures in the sentences of one document part (tables and the lines in ``skip``, fact-sheet
    fields, are read apart); ``places``: the part's Country entities by key (``country:XX``),
    subjects of counts about one country."""
    occ = sorted(((m.start, m.end, e) for e in list(ents) + list(sectors) for m in e.mentions),
                 key=lambda x: (x[0], -x[1]))
    ostarts = [x[0] for x in occ]
    ok = ("Cluster", "Organisation", "Partnership", "Event", "SME", "Programme", "Region")
    out: list[RawFact] = []
    focus = Focus(ctx, ents, main)      # a newsletter's story speaks of its own partnership and event

    def occ_in(lo, hi):
        return occ[bisect_left(ostarts, lo):bisect_left(ostarts, hi)]

    for si, sent in enumerate(ctx.sents):
        if (apart := read_apart(ctx, sent)) is True or contact_line(ctx.view, sent.start, sent.end):
            continue  # a table row (read by the table rules) but its prose cells, a heading ("issue 2"), a contact line
        out.extend(_sentence_facts(ctx, si, occ_in, ok, focus.at(sent.start), places, tuple(skip) + apart))
    return on_the_journey(headline_repeats_dropped(ctx, out), ents)


# a contact line: an e-mail address, a telephone number, a "Contact:" label
def _sentence_facts(ctx, si, occ_in, ok, page, places, skip=()) -> list[RawFact]:
    """The figures of one sentence in text order, but those in the ``skip`` spans; ``page``: the
    main partnership, the page's event and the cluster its title names."""
    lex = load_lexicon()
    v, sent = ctx.view, ctx.sents[si]
    out: list[RawFact] = []
    prev_noun, last = None, None       # last: the sentence's previous count (measure, where it ends)
    land = country_of_sentence(v[sent.start:sent.end], places) if places else None
    for m in count_rx().finditer(v, sent.start, sent.end):
        if any(s <= m.start() < e for s, e in skip):
            continue
        value = count_value(m, lex)
        if value is None:
            continue
        after = _words_after(v, m.end(), sent.end)
        word_num = not m.group("num")[:1].isdigit()
        if not_a_count(v, m, value, after, word_num):
            continue
        unit, value = unit_and_value(m, value, lex)
        measure_words: list[str] = []
        by_country = country_count(v, sent.start, m, prev_noun) if unit is None else None    # "Spain (9), Italy (5)"
        if unit == "%":
            measure = _share_measure(v, sent, m, after, last, lex)
        elif by_country:
            measure, measure_words = by_country[0], by_country[1]
        else:
            found = _stated_measure(ctx, sent, m, after, unit, word_num, prev_noun, lex,
                                    without_hedge(last[0]) if last else None)
            if found is None:
                continue
            measure, measure_words, unit, after = found
            if measure_words and not prev_noun:
                prev_noun = _head_words(measure_words)
        if not measure or len(re.findall(r"\d+", measure)) >= 3:
            continue
        subj, country, measure = _subject_of(ctx, si, m, after, occ_in, ok, (*page, unit), land, measure, measure_words)
        if subj is None:
            continue
        country = by_country[2] if by_country else country
        measure = without_own_agent(measure, subj.name)
        if m.group("yr") and measure_words:
            measure += " duration"      # "a four-year action plan": how long it runs, not how many there are
        measure = with_hedge(staff_measure(measure, subj.label), m.group("pre"), unit)
        out.append(RawFact(subj, measure, country, value, unit, sent.start, sent.end, 0.55))
        if measure_words:       # the words the text puts after the count ("members", not "members gathered")
            k, tail = next(((k, t) for k in range(len(measure_words), 0, -1)
                            if (t := v.find(measure_words[k - 1], m.end(), sent.end)) >= 0), (0, -1))
            last = (measure if k == len(measure_words) else _join(measure_words[:k]), tail + len(measure_words[k - 1])) \
                if tail >= 0 else None
    return out


@lru_cache(maxsize=4)
def _measure_ends(key: str) -> frozenset[str]:
    """The words a measure never ends on with the lexicon's list ``key`` added, built once per list."""
    return _ENDS | load_lexicon().words(key)


def _head_words(words: list[str]) -> str:
    """A measure's noun before its first preposition, what a later bare count of the sentence counts
    ("71 B2B meetings in X and 38 in Y": B2B meetings).

    >>> _head_words(["B2B", "meetings", "in", "Arequipa"]), _head_words(["participants", "gathered"])
    ('B2B meetings', 'participants')
    """
    ends = _measure_ends("verbs_after_measures")
    cut = next((i for i, w in enumerate(words) if i and (w == "," or fold(w) in ends or past_verb(w))), len(words))
    return _join(words[:cut])


def _share_measure(v: str, sent, m, after, last, lex) -> str:
    """The measure of a percentage: "share of X", else the words before it, else "share"."""
    toks = after
    if len(toks) > 1 and fold(toks[0][2]) in ("are", "were") and toks[1][2][:1].isalpha():
        toks = toks[1:]     # "Over 60% are SMEs": the share of SMEs
    if toks and fold(toks[0][2]) == "of":
        words = []
        for t in toks[1:15]:
            if t[2] in ".;:()":
                break
            words.append(ordinals(t[2]))
        verb = next((i for i, w in enumerate(words) if i and fold(w) in ("were", "are", "was", "is")), None)
        if verb is not None and verb + 1 < len(words):     # "60% of the participants were SMEs", "… of them"
            whole = f"the {without_hedge(last[0])}" if last and [fold(w) for w in words[:verb]] == ["them"] else _join(words[:verb])
            return f"share of {_join(words[verb + 1:])} among {whole}"
        return "share of " + _join(words)
    if (rate := funding_rate(v, m.end(), sent.end)) is not None:
        return rate     # "80% co-financed by the European Regional Development Fund (ERDF)"
    if toks and toks[0][2][:1].isalpha() and fold(toks[0][2]) not in _STOP:
        return "share of " + _join(_noun_phrase(toks, lex, allow_in=False)) + among(v, last, m.start())
    measure = " ".join(w for w in _before(v, sent.start, m.start(), 5)
                       if fold(w) not in ("up", "to", "over", "about", "around", "of"))
    return measure or "share"




def _stated_measure(ctx, sent, m, after, unit, word_num, prev_noun, lex, prev_measure=None):
    """The measure of a count that is no share: (measure, its words, unit, words after), or None;
    ``prev_measure``: the measure of the sentence's count before it."""
    v, lead = ctx.view, lead_words(after, unit, word_num)
    if lead is None:
        return None
    (after, unit), whole = lead, short_measure(prev_measure) or prev_noun
    cued, among_words = part_cue(v, sent.start, m.start(), after, unit)     # "of which 150 are", "dont 160"
    part = part_of_before(cued, whole)
    if part is not None:        # "137 organisations, 112 of which are SMEs", "450 participants, 60 of them from X"
        after, from_words = part
        said = _noun_phrase(after, lex, allow_in=False)      # "nine of which Italian": "Italian companies"
        measure_words = from_words or nationality_part(said, [], None, whole) \
            or said + ([*among_words, *whole.split()] if whole else [])
    else:       # a nationality alone takes the list's noun: "nine Slovak, four Czech and two Hungarian firms"
        measure_words = nationality_part(w := _measure_words(v, sent, m, after, unit, prev_noun, lex), after, prev_measure,
                                      prev_noun) or w
    agent = _agent(v, sent.start, m.start())
    measure_words = before_agent(measure_words, agent)
    measure = _join(measure_words) + agent
    inside = in_delegation(v, sent.start, m.start()) if unit is None and measure_words and not agent else ""
    if inside:      # "companies in the Danish delegation"; not "SMEs included in its delegation"
        words = measure_words[:-1] if len(measure_words) > 1 and fold(measure_words[-1]).endswith("ed") else measure_words
        measure = _join(words) + inside
    if unit == "m²":
        measure = "floor area"
    measure, clause_ok = clause_measure(ctx, sent, m, (measure, agent, unit), CLAUSE_VERBS)
    if not measure_words and measure != "floor area" and not clause_ok:
        return None
    if unit in CURRENCIES and measure and not measure.endswith(")"):
        measure = f"{measure} ({unit})"     # an amount's measure names its currency: "budget (EUR)"
    return measure, measure_words, unit, after


def _measure_words(v: str, sent, m, after, unit, prev_noun, lex) -> list[str]:
    """What a count counts: the noun phrase after it, a money noun or a participle before it, taking part."""
    lead_participle = bool(after) and (fold(after[0][2]).endswith(("ly", "ed")) or fold(after[0][2]) in
                                       ("ready", "interested"))
    measure_words = _noun_phrase(after, lex, allow_in=lead_participle)
    if lead_participle and prev_noun and (len(after) < 2 or not after[1][2][:1].isalnum() or fold(after[1][2]) in _STOP):
        measure_words = [prev_noun] + measure_words
    before = _before(v, sent.start, m.start(), 4)
    while before and fold(before[-1]) in _HEDGES:
        before.pop()
    if unit in CURRENCIES:
        measure_words = _money_words(v, sent, m, measure_words)
    elif before and (fold(before[-1]).endswith("ed") or fold(before[-1]) in lex["participle_verbs"]) and measure_words \
            and not {"for", "with"} & set(measure_words) and "of" not in [fold(w) for w in _before(v, sent.start, m.start(), 3)]:
        measure_words = measure_words + [lex["participle_verbs"].get(fold(before[-1]), before[-1])]     # "represents 740 …"
    origin = countries_of(v, sent.start, m.start(), measure_words)
    if origin:
        return origin       # "186 participants from 14 countries held …": where the participants came from
    measure_words += taking_part(v, after, measure_words, sent.end) or to_country(v, after, measure_words)
    return passive_participle(after, measure_words) if unit is None else measure_words


@lru_cache(maxsize=1)
def _money_nouns() -> frozenset:
    return frozenset(map(fold, load_lexicon().words("money_nouns")))


def _money_words(v: str, sent, m, measure_words: list[str]) -> list[str]:
    """The measure of an amount: the money noun before it ("a budget of €2.3 billion"), else "amount"."""
    prior, nouns = [w for w in _before(v, sent.start, m.start(), 5) if fold(w) not in _HEDGES], _money_nouns()
    noun = next((w for w in reversed(prior) if fold(w) in nouns), None)
    if noun and not any(fold(w) in nouns for w in measure_words):
        near = _before(v, sent.start, m.start(), 6)
        mods = [] if fold(noun).startswith("voucher") else money_modifiers(near, noun, _STOP) or (
            programme_named_in(v[sent.start:sent.end]).split() if fold(noun) in ("grant", "contribution", "funding") else [])
        per = ["per", p.group(1)] if (p := _PER.match(v, m.end(), sent.end)) else measure_words[:2]
        return mods + [noun] + money_period(v, m.end(), sent.end) + money_qualifiers(near, noun) + per
    funder = _FUNDER.search(v, m.end(), sent.end) or _FUNDER.search(v, sent.start, sent.end)     # "EUR 1.6m from the ERDF"
    if funder and is_programme_name(funder.group(1)) and (not measure_words or fold(measure_words[0]) in _FLOW_VERBS):
        return funder.group(1).split() + ["funding"]    # "EUR 960,000 comes from the Single Market Programme"
    if not measure_words:
        named = money_after(v, m.end(), sent.end, _money_nouns()) or money_clause(v, sent.start, m.start(), m.end(),
                                                                                  sent.end, _money_nouns())
        label = None if named else field_label(v, m.start())
        return named or (label.split() if label else ["amount"])
    return measure_words


_PER = re.compile(r"[\s*]*per\s+([\w-]+)")     # what an amount is per: "… EUR 10,000 per SME"
_FUNDER = re.compile(r"\b(?:from|by)\s+(?:the\s+)?((?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)")   # who gives it: "from the SMP"
_FLOW_VERBS = ("comes", "come", "came")     # a copula is a stop word: no measure starts with one


def _subject_of(ctx, si, m, after, occ_in, ok, doc, land, measure, measure_words):
    """(subject, country, measure) of a count: the country the sentence is about (its measure then
    placed), else the entity of :func:`.countsubj.count_subject`; subject None when it has none."""
    v, sent = ctx.view, ctx.sents[si]
    if land is not None:
        subj, country = land, land.country
        measure = with_place(measure, v[m.end():sent.end], land)
    else:
        subj, country = count_subject(ctx, si, m, after, occ_in, ok, doc, v)
        subj = partnership_figure(subj, measure, sent, occ_in, doc[0], v[sent.start:m.start()])
        subj = owner_by_measure(subj, measure, sent.start, sent.end, occ_in, doc[3])
    if subj is None:
        return None, None, measure
    if country is None and subj.label != "Region":
        country = measure_country(measure, v[m.end():sent.end].split(measure_words[-1], 1)[-1]
                                  if measure_words else "")
    if country is None and subj.label == "Region" and subj.country and not any(
            w in fold(measure).split() for w in _MACRO):
        country = subj.country
    return subj, country, measure
