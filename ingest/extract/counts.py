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
  the first entity of the sentence, else the partnership the text is about.

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "The Olive Pole (Tunisia) brings together 120 members and 3 research centres."
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> [(f.subject.name, f.measure, f.value) for f in count_facts(ctx, ents, None)]
[('Olive Pole', 'members', 120), ('Olive Pole', 'research centres', 3)]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.factsubj import (country_of_sentence, event_cue, event_subject, event_with, is_counted,
    main_event, measure_country, named_actor, with_broken_start)
from clusternet.ingest.extract.measures import agent as _agent, among, decimal_thousands, money_modifiers, own_clause, place_adjective, taking_part, \
    to_country, with_place
from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.raw import RawFact, parse_number

__all__ = ["count_facts", "ordinals"]

# number words that never start a count here: "one of the partners", "dozens of"
_NOT_COUNTS = {"one", "dozen"}


@lru_cache(maxsize=1)
def _count_rx() -> re.Pattern:
    """A number (digits or a word of ``number_words`` in lexicon.yaml) with what qualifies it."""
    words = sorted((w for w in load_lexicon()["number_words"] if w not in _NOT_COUNTS), key=len, reverse=True)
    numwords = "(?:" + "|".join(map(re.escape, words)) + r")\b"
    return re.compile(
        r"(?<![\w.,/-])(?P<pre>(?:over|more than|around|approximately|about|up to|almost|nearly|at least|some)\s+|\+)?"
        r"(?P<cur>€\s?|EUR\s?|\$|£)?(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?|" + numwords + r")(?![\w.,]\d)"
        r"(?P<mult>\s?(?:billion|million|thousand|bn|mio)\b)?(?:\s*(?P<pct>%|per cent\b|percent\b))?"
        r"(?P<unit>\s?(?:m²|m2|sqm|km|hectares|ha)\b|\s?m²)?(?P<yr>-years?\b)?", re.I)


_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|[^\W\d_][\w&'’/-]*|\d[\d.,]*|[&,.;:()\"“”]")
_CLAUSE_WORD = re.compile(r"[\w&'’/-]+")
_ORD = {"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth"}
_ORD_RX = re.compile(r"\b(\d)\s*(?:st|nd|rd|th)\b")
_STOP = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "to", "in", "into", "that", "which",
         "who", "with", "for", "on", "at", "from", "by", "and", "the", "a", "an", "as", "such", "within", "been",
         "equal", "while", "whose", "mostly", "including", "but", "or", "both", "during", "since", "than", "between"}
_HEDGES = {"over", "more", "than", "around", "approximately", "about", "up", "to", "almost", "nearly", "at", "least",
           "some", "the", "a", "an", "our", "their", "its", "of", "with", "by", "further", "total"}
_TRAIL = {"of", "and", "or", ",", "&", "around", "over", "about", "approximately", "nearly", "almost", "some", "more",
          "up", "least", "than"}
_CLAUSE_VERBS = {"has", "have", "is", "are", "was", "brings", "bring", "gathers", "gather", "includes", "include",
                 "counts", "count", "consists", "accounts", "provides", "offers", "employs", "represents", "groups",
                 "unites", "comprises", "involves", "reached", "reaches", "totals", "numbers", "hosts", "supports"}
_PARTICIPATION = re.compile(r"(?i)^\W*(?:\w+\W+){0,8}?(?:participat\w*|attend\w*|took part|travel+ed|joined)\b")
_PRESENT = re.compile(r"(?i)^\W*(?:\w+\W+){0,4}?(?:present|based|located|hosted|gathered)\s+(?:in|at)\s+(?:the\s+)?$")
_MONEY_NOUNS = {"budget", "turnover", "amount", "funding", "investment", "investments", "revenue", "revenues", "value",
                "cost", "costs", "grant", "capital", "sales", "financing", "contribution"}
# bodies above the partnership (the EU, the Commission) are rarely what a count is about
_INSTITUTIONS = ("European Union", "European Commission", "European Parliament", "Council of the European Union")
_MACRO = ("europe", "european", "eu", "world", "worldwide", "global", "international")
_ANAPHORA = re.compile(r"\s*(?:The|This|the|this)\s+([a-zé]+)\b")


def ordinals(text: str) -> str:
    """'SMEs in 3 rd country' -> 'SMEs in third country' (ordinal digits as words).

    >>> ordinals("3<sup>rd</sup> markets"), ordinals("the 2nd call")
    ('3<sup>rd</sup> markets', 'the second call')
    """
    return _ORD_RX.sub(lambda m: _ORD.get(m.group(1), m.group(0)), text)


def _value(m, lex):
    num = m.group("num")
    if fold(num) in lex["number_words"]:
        return lex["number_words"][fold(num)]
    pn = parse_number(num)
    return decimal_thousands(num) or (pn[0] if pn else None)       # "406,364.70": thousands and decimals


def _words_after(v: str, pos: int, end: int, limit: int = 18):
    return [(t.start(), t.end(), t.group(0)) for t, _ in zip(_TOKEN.finditer(v, pos, end), range(limit))]


def _noun_phrase(toks, lex, allow_in: bool) -> list[str]:
    """Measure words after a number: up to a stop word, keeping coordinated lists whole."""
    out: list[str] = []
    months = lex.words("months")
    i = 0
    while i < len(toks):
        w = ordinals(toks[i][2])
        f = fold(w)
        if w in ",":
            ahead = [t[2] for t in toks[i + 1:i + 7]]
            cut = next((k for k, x in enumerate(ahead) if x in ",.;:()" or x[:1].isdigit()), len(ahead))
            if out and "and" in [fold(x) for x in ahead[:cut]]:
                out.append(",")
                i += 1
                continue
            break
        if w in ".;:()\"“”" or w[:1].isdigit():
            break
        if out and f in lex["number_words"] and f not in _NOT_COUNTS:
            while out and fold(out[-1]) in ("and", "or", ",", "&"):
                out.pop()
            break       # "five managers and nine companies": the next count starts
        if not out and (f in months or f in lex.words("not_measures")):
            return []
        if not out and f in ("de", "di", "del") and i + 1 < len(toks) and fold(toks[i + 1][2]) in months:
            return []       # "5 de mayo": a date
        if f in _STOP and out:
            if f in ("and", "or", "of", "&") and len(out) < 6:
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
            if allow_in and f in ("in", "into", "to") and len(out) < 8:
                out.append(w)
                i += 1
                continue
            break
        if f in _STOP:
            break
        out.append(w)
        i += 1
    while out and fold(out[-1]) in _STOP | _TRAIL:
        out.pop()
    return out


def _join(words: list[str]) -> str:
    return " ".join(w.strip(".,;:()\"“”") if w != "," else "," for w in words).replace(" ,", ",").strip(" ,")


def _before(v: str, lo: int, pos: int, n: int = 6) -> list[str]:
    seg = re.split(r"[,;:()\[\]]|(?<=\w)\.\s", v[lo:pos])[-1]
    return [w for w in re.findall(r"[\w&'’/-]+", seg)][-n:]


def count_facts(ctx, ents, main, sectors=(), places=None) -> list[RawFact]:
    """Figures in the sentences of one document part (tables are read apart); ``places``: the
    part's Country entities by key (``country:XX``), subjects of counts about one country."""
    lex = load_lexicon()
    mult = lex["multipliers"]
    v = ctx.view
    occ = sorted(((m.start, m.end, e) for e in list(ents) + list(sectors) for m in e.mentions),
                 key=lambda x: (x[0], -x[1]))
    ostarts = [x[0] for x in occ]
    ok = ("Cluster", "Organisation", "Partnership", "Event", "SME", "Programme", "Region")
    out: list[RawFact] = []
    page_event = main_event(ents, ctx)

    def occ_in(lo, hi):
        return occ[bisect_left(ostarts, lo):bisect_left(ostarts, hi)]

    for si, sent in enumerate(ctx.sents):
        raw = ctx.text[sent.start:sent.end]
        if "\t" in raw or raw.count("|") >= 2 or ctx.lines[sent.line].heading \
                and not re.match(r"\s*\d{1,3}\s+[a-z]{3,}\b[^\d]*$", raw):   # "12 reasons for the membership:"
            continue  # a table row (read by the table rules) or a heading ("issue 2")
        prev_noun, last = None, None       # last: the sentence's previous count (measure, where it ends)
        land = country_of_sentence(v[sent.start:sent.end], places) if places else None
        for m in _count_rx().finditer(v, sent.start, sent.end):
            value = _value(m, lex)
            if value is None:
                continue
            num = m.group("num")
            after = _words_after(v, m.end(), sent.end)
            nxt = fold(after[0][2]) if after else ""
            if re.fullmatch(r"(?:st|nd|rd|th)", nxt) or _ORD_RX.match(v[m.start("num"):m.end() + 3]):
                continue  # an ordinal ("3rd markets"), not a count
            if not (m.group("pct") or m.group("cur") or m.group("mult")) and isinstance(value, int) \
                    and 1900 <= value <= 2100:
                continue  # a year
            if re.match(r"[:/°]|\.\d|-\d", v[m.end("num"):m.end("num") + 2] or "x") \
                    or v[max(0, m.start("num") - 3):m.start("num")].strip() in ("N°", "N", "°", "ISO", "No"):
                continue
            word_num = fold(num) in lex["number_words"]
            if word_num and not after:
                continue
            unit = "%" if m.group("pct") else None
            if m.group("cur"):
                unit = lex["currencies"].get(fold(m.group("cur").strip()), "EUR")
            if m.group("mult"):
                value = value * mult[fold(m.group("mult").strip())]
            if m.group("yr"):
                unit = "years"
            if m.group("unit"):
                unit = m.group("unit").strip().replace("m2", "m²").replace("sqm", "m²")
            measure_words: list[str] = []
            if unit == "%":
                toks = after
                if toks and fold(toks[0][2]) == "of":
                    words = []
                    for t in toks[1:15]:
                        if t[2] in ".;:()":
                            break
                        words.append(ordinals(t[2]))
                    measure = "share of " + _join(words)
                elif toks and toks[0][2][:1].isalpha() and fold(toks[0][2]) not in _STOP:
                    measure = "share of " + _join(_noun_phrase(toks, lex, allow_in=False)) + among(v, last, m.start())
                else:
                    measure = " ".join(w for w in _before(v, sent.start, m.start(), 5)
                                       if fold(w) not in ("up", "to", "over", "about", "around", "of"))
                    measure = measure or "share"
            else:
                if after and fold(after[0][2]) in ("euros", "euro", "eur", "dollars", "usd"):
                    unit = "USD" if fold(after[0][2]) in ("dollars", "usd") else "EUR"
                    after = after[1:]
                if word_num and after and not (after[0][2][:1].islower() or re.match(r"\d(?:st|nd|rd|th)", after[0][2])
                                               or re.fullmatch(r"[A-Z0-9]{2,}E?s?", after[0][2])
                                               or place_adjective(after[0][2])):   # "twelve SMEs", "four European"
                    continue
                if len(after) > 2 and fold(after[0][2]) == "of" and fold(after[1][2]) in ("the", "these", "its", "their", "our"):
                    after = after[2:]       # "two of the most important clusters": a part of a group
                if unit in ("EUR", "USD") and after and fold(after[0][2]) == "as":
                    after = after[1:]       # "€ 406,364.70 as partner co-financing"
                lead_participle = bool(after) and (fold(after[0][2]).endswith(("ly", "ed")) or fold(after[0][2]) in
                                                   ("ready", "interested"))
                measure_words = _noun_phrase(after, lex, allow_in=lead_participle)
                if lead_participle and prev_noun:
                    measure_words = [prev_noun] + measure_words
                before = _before(v, sent.start, m.start(), 4)
                while before and fold(before[-1]) in _HEDGES:
                    before.pop()
                if unit == "EUR" or unit == "USD":
                    prior = [w for w in _before(v, sent.start, m.start(), 5) if fold(w) not in _HEDGES]
                    noun = next((w for w in reversed(prior) if fold(w) in _MONEY_NOUNS), None)
                    if noun and not any(fold(w) in _MONEY_NOUNS for w in measure_words):
                        measure_words = money_modifiers(_before(v, sent.start, m.start(), 6), noun, _STOP) + [noun] \
                            + measure_words[:2]
                    elif not measure_words:
                        measure_words = ["amount"]
                elif before and fold(before[-1]).endswith("ed") and measure_words \
                        and "of" not in [fold(w) for w in _before(v, sent.start, m.start(), 3)]:
                    measure_words = measure_words + [before[-1]]      # not "composed of 30 participants"
                measure_words += taking_part(v, after, measure_words, sent.end) or to_country(v, after, measure_words)
                agent = _agent(v, sent.start, m.start())
                if agent and measure_words and fold(measure_words[-1]) == fold(agent.split()[0]):
                    measure_words = measure_words[:-1]      # "meetings conducted" + " conducted by …"
                measure = _join(measure_words) + agent
                if unit == "m²":
                    measure = "floor area"
                # a short line or bracket is its own measure ("ESCP agreement signed with at least 4 …")
                lo, hi = own_clause(ctx, sent, m.start(), m.end(), _CLAUSE_VERBS)
                clause = [] if lo < 0 else [
                    w for w in _CLAUSE_WORD.findall(v[lo:m.start()] + " " + v[m.end():hi])
                    if fold(w) not in ("at", "least", "over", "around", "approximately", "about", "a")]
                if 3 <= len(clause) <= 12 and not agent and not re.search(r"\d", v[lo:m.start()] + v[m.end():hi]) \
                        and not m.group("pct") and unit is None:
                    measure = ordinals(" ".join(clause))
                if not measure_words and measure != "floor area" and not (3 <= len(clause) <= 12):
                    continue
                if measure_words and not prev_noun:
                    prev_noun = measure_words[-1] if len(measure_words) == 1 else measure_words[0]
            if not measure or len(re.findall(r"\d+", measure)) >= 3:
                continue
            if land is not None:
                subj, country = land, land.country
                measure = with_place(measure, v[m.end():sent.end], land)
            else:
                subj, country = _subject(ctx, si, m, after, occ_in, ok, (main, page_event, unit), v)
            if subj is None:
                continue
            if country is None and subj.label != "Region":
                country = measure_country(measure, v[m.end():sent.end].split(measure_words[-1], 1)[-1]
                                          if measure_words else "")
            if country is None and subj.label == "Region" and subj.country and not any(
                    w in fold(measure).split() for w in _MACRO):
                country = subj.country
            out.append(RawFact(subj, measure, country, value, unit, sent.start, sent.end, 0.55))
            if measure_words:
                tail = v.find(measure_words[-1], m.end(), sent.end)
                last = (measure, tail + len(measure_words[-1])) if tail >= 0 else None
    return out


_GROUP_SUBJECT = re.compile(r"(?i)^\W*together\b|\b(?:the|its|our|their)\s+(?:\w+\s+)?(?:partners|partnership|"
                            r"consortium|alliance|project)\b")


def _subject(ctx, si, m, after, occ_in, ok, doc, v):
    """The entity a count is about; ``doc``: the part's main partnership, its page event and the
    count's unit. Returns (entity, country or None)."""
    main, page_event, unit = doc
    sent = ctx.sents[si]
    # 1. "the 4 CLUSTEM partners": a name right after the number
    right = [x for x in occ_in(m.end(), m.end() + 3) if x[2].label in ok and x[2].label != "Region"
             and x[2].name not in _INSTITUTIONS]
    if right and re.fullmatch(r"\s*", v[m.end():right[0][0]]) and not is_counted(v, right[0]):
        return right[0][2], None
    # 2. "30 clusters present in the X"
    for s, e, ent in occ_in(m.end(), min(sent.end, m.end() + 80)):
        if ent.label in ok and _PRESENT.match(v[m.end():s]):
            return ent, None
    # 3. "X, a 400 m² space"
    lead = v[max(sent.start, m.start() - 40):m.start()]
    am = re.search(r",\s+(?:a|an)\s+$", lead)
    if am:
        left = [x for x in occ_in(sent.start, m.start()) if x[1] >= m.start() - len(lead) + am.start() - 1]
        if left and left[-1][2].label in ok:
            return left[-1][2], None
    # 3b. "the Balkan Cluster – an electronic platform … including over 35 members": the name the dash follows
    dm = re.search(r"\s[–—-]\s+(?:a|an)\s[^–—.;()]*$", v[sent.start:m.start()])
    if dm:
        left = [x for x in occ_in(sent.start, sent.start + dm.start() + 1) if x[1] >= sent.start + dm.start() - 1]
        if left and left[-1][2].label in ok and left[-1][2].label != "Event":
            return left[-1][2], None
    # 4. attendance, meetings, a delegation, "the event": the event the sentence is about
    actor = named_actor(v, [x for x in occ_in(sent.start, m.start()) if x[2].name not in _INSTITUTIONS], ok,
                        _CLAUSE_VERBS | {"visited"})
    span = with_broken_start(ctx, si)
    if page_event is not None and (event_cue(v[span.start:span.end]) or event_with(v, sent.start, m.start())) \
            and not actor and unit not in ("%", "EUR", "USD"):        # shares and money are no attendance
        ev = event_subject(span, occ_in, page_event)
        if ev is not None:
            return ev, None
    if _PARTICIPATION.match(v[m.end():sent.end]) and not actor:
        evs = [x[2] for x in occ_in(sent.start, sent.end) if x[2].label == "Event"]
        prev = [x[2] for x in occ_in(0, sent.start) if x[2].label == "Event"]
        ev = evs[0] if evs else (prev[-1] if prev else None)   # never an event the text names only later
        if ev is not None:
            return ev, None
    before = [x for x in occ_in(sent.start, m.start())]
    if v[sent.start:sent.start + 1].islower() and si and not before:
        # a line that goes on from the sentence before ("… 550 companies. with more than 60,000 jobs")
        sent = ctx.sents[si - 1]
        before = [x for x in occ_in(sent.start, sent.end)]
    # 5. "the French textile industry consists of 550 companies": a sector and its country
    for s, e, ent in before:
        if ent.label == "Sector" and re.match(r"\s+(?:industry|industries|sector)\s+(?:consists|has|is|employs|accounts|"
                                               r"counts|represents|includes|comprises|generates|brings|gathers)\b",
                                               v[e:e + 40]):
            dm = re.search(r"([A-Z][a-zé]+)\s+$", v[max(sent.start, s - 20):s])
            return ent, (country_code(dm.group(1)) if dm else None)
    # 5b. "Together, the four partners represent …", "its members employ …": the partnership
    gm = _GROUP_SUBJECT.search(v[sent.start:m.start()])
    if gm and not [x for x in before if x[2].label in ok and x[2].label != "Partnership"]:
        named = [x[2] for x in before if x[2].label == "Partnership"]
        prior = named or [x[2] for x in occ_in(max(0, sent.start - 3000), sent.start) if x[2].label == "Partnership"]
        if prior or main is not None:
            return (prior[-1] if prior else main), None
    # 6. "The pole is …": the last entity named with that word
    am = _ANAPHORA.match(v, sent.start) or _ANAPHORA.search(v, max(sent.start, m.start() - 60), m.start())
    if am and not [x for x in before if am.start(1) - 2 <= x[0] <= am.end(1) + 1]:
        word = fold(am.group(1))
        if load_lexicon().label_of_head(word):
            prior = [x[2] for x in occ_in(max(0, sent.start - 3000), am.start())
                     if x[2].label in ok and word in fold(x[2].name).split()]
            if prior:
                return prior[-1], None
    # 7. the clause's subject: a name followed by "has", "brings together", "gathers" …
    for s, e, ent in reversed(before):
        vm = re.match(r"\s*(?:\([^()]{1,40}\)\s*)?(?:also\s+|now\s+|already\s+)?([a-z]+)", v[e:e + 60])
        if ent.label in ok and vm and vm.group(1) in _CLAUSE_VERBS:
            return ent, None
    # 7b. money with no actor of its own: the partnership or project the text is about
    if unit in ("EUR", "USD") and main is not None and (not [x for x in before if x[2].label in ok] or re.search(
            r"(?i)\b(?:project|partnership|consortium)\b", v[sent.start:m.start()])):
        return main, None
    # 8. the first name of the sentence; a pronoun's name in the sentences before
    here = [x for x in before if x[2].label in ok and x[2].name not in _INSTITUTIONS]
    if here:
        return here[0][2], None
    later = [x for x in occ_in(m.start(), sent.end) if x[2].label in ok + ("Agreement",)    # "10 … issued the Declaration"
             and x[2].name not in _INSTITUTIONS]
    if re.match(r"\s*(?:It|Its|The|This|They)\b", v[sent.start:sent.start + 6]) or not later:
        for j in range(si - 1, max(-1, si - 3), -1):
            prev = [x for x in occ_in(ctx.sents[j].start, ctx.sents[j].end) if x[2].label in ok
                    and x[2].name not in _INSTITUTIONS]
            if prev:
                return prev[0][2], None
    if later:
        return later[0][2], None
    return main, None
