"""The entity a figure stated in prose is about (the subject rules of :func:`.counts.count_facts`).

The rules are tried in this order, the first that finds an entity wins: an entity right after
the number ("the 4 CLUSTEM partners"), the page's one agreement for what it commits to every year
or for who signs it ("two joint B2B events a year"), a place it is "present in", the name an appositive
follows ("X, a 400 m² space"; "X – an electronic platform … including 35 members"), the event
when the figure counts participants, a sector ("the French textile industry"), the partnership
of "Together, the four partners …", "The pole …" for the last pole named, the entity that is
the clause's subject ("X brings together 375"), the partnership for money with no actor of its
own, else the first entity of the sentence (or of the sentences before), else the partnership
the text is about.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.factsubj import AFTER_NAME, bracket_owner, heading_owner, event_cue, event_subject, event_with, is_counted, \
    named_actor, with_broken_start, agreement_count
from clusternet.ingest.extract.lexicon import country_code, fold, load_lexicon
from clusternet.ingest.extract.anaphors import ANAPHORA, anaphora
from clusternet.ingest.extract.mainref import main_of, title_end
from clusternet.ingest.extract.measures import CURRENCIES
from clusternet.ingest.extract.stories import page_default

__all__ = ["count_subject", "CLAUSE_VERBS"]

# verbs after a name that make it the subject of the count that follows ("X brings together 375")
CLAUSE_VERBS = {"has", "have", "is", "are", "was", "brings", "bring", "gathers", "gather", "includes", "include",
                "counts", "count", "consists", "accounts", "provides", "offers", "employs", "represents", "groups",
                "unites", "comprises", "involves", "reached", "reaches", "totals", "numbers", "hosts", "supports"}
_PARTICIPATION = re.compile(r"(?i)^\W*(?:\w+\W+){0,8}?(?:participat\w*|attend\w*|took part|travel+ed|joined)\b")
_PRESENT = re.compile(r"(?i)^\W*(?:\w+\W+){0,4}?(?:present|based|located|hosted|gathered)\s+(?:in|at)\s+(?:the\s+)?$")
# bodies above the partnership (the EU, the Commission) are rarely what a count is about
_INSTITUTIONS = ("European Union", "European Commission", "European Parliament", "Council of the European Union")
_GROUP_SUBJECT = re.compile(r"(?i)^\W*together\b|\b(?:the|its|our|their)\s+(?:\w+\s+)?(?:partners|partnership|"
                            r"consortium|alliance|project)\b")


def count_subject(ctx, si, m, after, occ_in, ok, doc, v):
    """The entity a count is about; ``doc``: a :class:`.stories.Focus` tuple (the partnership and
    event the count's story or page is about, the cluster the title names, the cluster the page
    speaks for) and the count's unit. Returns (entity, country or None). Through :func:`.counts.count_facts`:

    >>> from clusternet.ingest.extract.counts import count_facts
    >>> from clusternet.ingest.extract.mentions import build_context
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> text = "The Olive Pole (Tunisia) was founded in 2005. The pole brings together 120 members."
    >>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
    >>> [(f.subject.name, f.measure, f.value) for f in count_facts(ctx, ents, None)]
    [('Olive Pole', 'members', 120)]
    """
    main, page_event, _, _, unit = doc
    sent = ctx.sents[si]
    if unit not in CURRENCIES:
        ok = tuple(x for x in ok if x != "Programme")     # a programme's figures are money, not members
    found = (_named_after(v, m, occ_in, ok) or _possessor(v, m, occ_in, ok) or bracket_owner(v, m, occ_in, ok)
             or agreement_count(v, m, occ_in) or _named_event_with(v, sent, m, occ_in, ok) or _joined_group(ctx, v, sent, m, occ_in, ok, main)
             or _present_in(v, sent, m, occ_in, ok)
             or _appositive(v, sent, m, occ_in, ok) or _dash_appositive(v, sent, m, occ_in, ok)
             or _relative_owner(v, sent, m, occ_in, ok) or _delegation_sender(v, sent, m, occ_in, ok)
             or _counted_event(ctx, si, m, occ_in, ok, page_event, unit, v))
    if found:
        return found
    opener = _AGENT_OPENER.match(v, sent.start, m.start())
    before = [x for x in occ_in(opener.end() if opener else sent.start, m.start())]
    if v[sent.start:sent.start + 1].islower() and si and not before:
        # a line that goes on from the sentence before ("… 550 companies. with more than 60,000 jobs")
        sent = ctx.sents[si - 1]
        before = [x for x in occ_in(sent.start, sent.end)]
    return (_sector(v, sent, before) or _national_anaphor(v, sent, m, before, occ_in, ok)
            or _group(v, sent, m, before, occ_in, ok, main)
            or _project_money(before, unit)
            or (_previous_sentence_subject(ctx, si, sent, before, occ_in, ok, main) if before else None)   # "It is funded by X …"
            or anaphora(v, sent, m, before, occ_in, ok, title_end(ctx))
            or _clause_subject(v, before, ok)
            or _money_owner(v, sent, m, before, ok, main, unit, lambda: heading_owner(ctx, si, occ_in, ok))
            or (_previous_sentence_subject(ctx, si, sent, before, occ_in, ok, main) if not before else None)
            or ((main, None) if opener and not before and main is not None else None)     # "Under the coordination of A, 25 SMEs …"
            or _first_named(ctx, si, sent, m, before, occ_in, ok, page_default(ctx, sent, doc), v))


# "Led by A, the consortium counts …", "Under the coordination of A, …": A is not the clause's subject
_AGENT_OPENER = re.compile(r"\W*(?:(?:Led|Coordinated|Organi[sz]ed|Hosted|Supported|Funded|Co-funded|Founded|Run|Managed|"
                           r"Chaired|Initiated)\s+by|Under\s+the\s+(?:coordination|leadership|lead)\s+of|"
                           r"(?:Together|Jointly)\s+with|In\s+(?:cooperation|collaboration|partnership)\s+with)\s[^,;.]{2,120},\s+")


def _named_after(v, m, occ_in, ok):
    """1. "the 4 CLUSTEM partners": (the name right after the number, None), or None."""
    right = [x for x in occ_in(m.end(), m.end() + 3) if x[2].label in ok and x[2].label != "Region"
             and x[2].name not in _INSTITUTIONS]
    if right and re.fullmatch(r"\s*", v[m.end():right[0][0]]) and not is_counted(v, right[0]) \
            and not (_DELEGATION_OF.search(v, max(0, m.start() - 30), m.start()) and _MEMBERS_AFTER.match(v, right[0][1])):
        return right[0][2], None    # not "a delegation of eleven LCCT member companies": the journey's
    return None


def _possessor(v, m, occ_in, ok):
    """1a. "One of Urola's eight meetings": (the name the count's noun belongs to, None), or None."""
    left = [x for x in occ_in(max(0, m.start() - 80), m.start()) if x[2].label in ok]
    return (left[-1][2], None) if left and re.fullmatch(r"['’]s\s+", v[left[-1][1]:m.start()]) else None


_DELEGATION_OF = re.compile(r"(?i)\b(?:delegation|delegaci[oó]n|d[ée]l[ée]gation|delegazione)\s+(?:of|de|di)\s+$")
_MEMBERS_AFTER = re.compile(r"(?i)\s+(?:member|membres?|socios?|soci|associate)\b")


# "Three companies joined the cluster", "12 new members have joined the network": the group joined
_JOINED_GROUP = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,3}?(?:have\s+|has\s+)?(?:joined|became\s+members\s+of)\s+(?:the|our)\s+"
                           r"(cluster|network|partnership|association|alliance|project)\b")


_JOINED_NAMED = re.compile(r"\b(?:have\s+|has\s+)?joined\s+(?:the\s+)?(?=[A-Z])")


_WITH_COUNT = re.compile(r"\s+with\s+$")     # the count's match already holds its hedge ("with some 40 SMEs")


def _named_event_with(v, sent, m, occ_in, ok):
    """1a. "… organised a matchmaking event in Singapore with 40 SMEs": (the event, None), or None."""
    before = [x for x in occ_in(sent.start, m.start()) if x[2].label in ok]
    last = max(before, key=lambda x: x[1]) if before else None
    if last is not None and last[2].label == "Event" and _WITH_COUNT.fullmatch(v, last[1], m.start()):
        return last[2], None
    return None


def _joined_group(ctx, v, sent, m, occ_in, ok, main):
    """1b. "Three companies joined the cluster": (the page's cluster, or its partnership, None);
    "Two clusters, A and B, joined P": (P, None); else None.

    >>> from clusternet.ingest.extract.counts import count_facts
    >>> from clusternet.ingest.extract.mentions import build_context
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> text = "Alpine Wood Cluster news\\n\\nThree companies joined the cluster in May: Abies GmbH and Larix AG."
    >>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
    >>> [(f.subject.name, f.value) for f in count_facts(ctx, ents, None)]
    [('Alpine Wood Cluster', 3)]
    """
    jm = _JOINED_NAMED.search(v, m.end(), sent.end)
    jm = None if jm and v[max(m.end(), jm.start() - 5):jm.start()].rstrip().endswith(" and") else jm   # "has 40 members and joined X"
    at = sorted(occ_in(jm.end(), jm.end() + 1), key=lambda x: x[0] - x[1]) if jm else []
    if at and at[0][2].label == "Event" and "Event" in ok:
        return at[0][2], None           # "15 companies joined the GreenShip mission to Chile": the mission
    named = [x for x in at if x[2].label in ("Partnership", "Cluster", "Organisation") and x[2].label in ok]
    if named:
        return named[0][2], None        # "Two more clusters, A and B, joined BIOMED-4i"
    gm = _JOINED_GROUP.match(v, m.end(), sent.end)
    if gm is None:
        return None
    if gm.group(1).lower() in ("partnership", "project", "alliance"):
        return (main, None) if main is not None and main.label in ok else None
    ents = list({id(x[2]): x[2] for x in occ_in(0, len(v))}.values())
    own = main_of(ents, "Cluster", title_end(ctx))      # the page's own cluster, as prosectx.own_cluster reads it
    return (own, None) if own is not None and own.label in ok else None


def _present_in(v, sent, m, occ_in, ok):
    """2. "30 clusters present in the X": (the place, None), or None."""
    for s, e, ent in occ_in(m.end(), min(sent.end, m.end() + 80)):
        if ent.label in ok and _PRESENT.match(v[m.end():s]):
            return ent, None
    return None


def _appositive(v, sent, m, occ_in, ok):
    """3. "X, a 400 m² space", "X, a family company with 120 employees", "X, a Tampere-based SME of
    about 60 people": (the name the appositive follows, None), or None."""
    lead = v[max(sent.start, m.start() - 80):m.start()]
    am = re.search(r",\s+(?:a|an)\s+$", lead) or _DESCRIBED_WITH.search(lead)
    if am:
        left = [x for x in occ_in(sent.start, m.start()) if x[1] >= m.start() - len(lead) + am.start() - 1]
        if left and left[-1][2].label in ok:
            return left[-1][2], None
    return None


_DESCRIBED_WITH = re.compile(r",\s+(?:a|an)\s+(?!(?:total|number|maximum|minimum|record)\s+of\b)(?:[\w-]+\s+){1,4}"
                             r"(?:with|of|employing|counting|gathering|representing)\s+"
                             r"(?:more\s+than\s+|over\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$")


def _dash_appositive(v, sent, m, occ_in, ok):
    """3b. "the Balkan Cluster – an electronic platform … including over 35 members": (the name the
    dash follows, None), or None."""
    dm = re.search(r"\s[–—-]\s+(?:a|an)\s[^–—.;()]*$", v[sent.start:m.start()])
    if dm:
        left = [x for x in occ_in(sent.start, sent.start + dm.start() + 1) if x[1] >= sent.start + dm.start() - 1]
        if left and left[-1][2].label in ok and left[-1][2].label != "Event":
            return left[-1][2], None
    return None


# (a count's match starts at its hedge: "its more than 140" ends here before "more")
_RELATIVE_ITS = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,\s*(?:(?:whose|dont\s+les|cuy[oa]s|i\s+cui)\s+(?:more\s+than\s+|over\s+|about\s+)?"
                           r"|(?:which|who|that)\s+(?:(?:[a-z]+\s+){1,3}(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?|(?:now\s+|"
                           r"today\s+|already\s+|also\s+)?(?:has|counts|gathers|groups|represents|unites|brings\s+together|includes|comprises|employs)\s+))$")


def _relative_owner(v, sent, m, occ_in, ok):
    """3c. "the X Cluster (XC), which presented its 140 member companies", "X, which will open its
    network of 260 members", "X, which counts 90 members", "X, whose 47 members", the event "X, which
    was visited by 9,000 professionals": (X, None), or None."""
    for s, e, ent in reversed(list(occ_in(sent.start, m.start()))):
        if ent.label in ok and (_RELATIVE_EVENT if ent.label == "Event" else _RELATIVE_ITS).match(v[e:m.start()]):
            return ent, None
    return None


# "the fair AgroBio 2026, which was visited this year by about 9,000 professionals", "…, which attracted 300 visitors"
_RELATIVE_EVENT = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,\s*which\s+(?:(?:was|were|has\s+been)\s+(?:[a-z]+\s+){0,3}?(?:visited|"
                             r"attended)\s+(?:[a-z]+\s+){0,3}?by|attracted|gathered|welcomed|drew|brought\s+together)\s+$")


# "X brought a delegation of 12 companies", "X sent its team of nine": the group X sent
_SENT_GROUP = re.compile(r"(?:\s*\([^()]{1,40}\))?,?\s+(?:also\s+)?(?:brought|sent|led|headed|took)\s+(?:a|an|its|their|the)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:delegation|group|team)\s+of\s+(?:some\s+|about\s+|around\s+)?$")


def _delegation_sender(v, sent, m, occ_in, ok):
    """3d. "The X Cluster brought a delegation of 12 companies": (X, None), or None.

    >>> from clusternet.ingest.extract.counts import count_facts
    >>> from clusternet.ingest.extract.mentions import build_context
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> text = "The Riga Food Cluster brought a delegation of 12 companies to the Baltic Days 2025."
    >>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
    >>> [(f.subject.name, f.value) for f in count_facts(ctx, ents, None)]
    [('Riga Food Cluster', 12)]
    """
    for s, e, ent in reversed(list(occ_in(sent.start, m.start()))):
        if ent.label in ok and ent.label != "Event" and _SENT_GROUP.fullmatch(v[e:m.start()]):
            return ent, None
    return None


def _counted_event(ctx, si, m, occ_in, ok, page_event, unit, v):
    """4. attendance, meetings, a delegation, "the event": (the event the sentence is about, None), or None."""
    sent = ctx.sents[si]
    actor = named_actor(v, [x for x in occ_in(sent.start, m.start()) if x[2].name not in _INSTITUTIONS], ok,
                        CLAUSE_VERBS | {"visited"})
    span = with_broken_start(ctx, si)
    if page_event is not None and (event_cue(v[span.start:span.end]) or event_with(v, sent.start, m.start())) \
            and not actor and unit != "%" and unit not in CURRENCIES:        # shares and money are no attendance
        ev = event_subject(span, occ_in, page_event, v)
        if ev is not None:
            return ev, None
    if _PARTICIPATION.match(v[m.end():sent.end]) and not actor:
        evs = [x[2] for x in occ_in(sent.start, sent.end) if x[2].label == "Event"]
        prev = [x[2] for x in occ_in(0, sent.start) if x[2].label == "Event"]
        ev = evs[0] if evs else (prev[-1] if prev else None)   # never an event the text names only later
        if ev is not None:
            return ev, None
    return None


def _sector(v, sent, before):
    """5. "the French textile industry consists of 550 companies": (the sector, its country), or None."""
    for s, e, ent in before:
        if ent.label == "Sector" and re.match(r"\s+(?:industry|industries|sector)\s+(?:consists|has|is|employs|accounts|"
                                               r"counts|represents|includes|comprises|generates|brings|gathers)\b",
                                               v[e:e + 40]):
            dm = re.search(r"([A-Z][a-zé]+)\s+$", v[max(sent.start, s - 20):s])
            return ent, (country_code(dm.group(1)) if dm else None)
    return None


# "the Slovak lead partner", "the Ukrainian cluster": one body named before, by its country
_NATIONAL = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+(?:lead\s+)?(?:partner|cluster|coordinator|member|association|pole|"
                       r"organi[sz]ation)\b(?!\s+of\b)")


def _national_anaphor(v, sent, m, before, occ_in, ok):
    """5a. "The Slovak lead partner represents 54 members": (the body of that country named last
    before, None), or None when the sentence names a body before the count."""
    nm = _NATIONAL.search(v, sent.start, m.start())
    if nm is None or [x for x in before if x[2].label in ok and x[0] < nm.start() and ";" not in v[x[1]:nm.start()]]:
        return None     # "A, the Slovak partner, has …": about A
    code = country_code(nm.group(1))
    if code is None:
        return None
    prior = [x[2] for x in occ_in(max(0, sent.start - 3000), nm.start())
             if x[2].label in ("Cluster", "Organisation") and x[2].label in ok and x[2].country == code]
    return (prior[-1], None) if prior else None


def _group(v, sent, m, before, occ_in, ok, main):
    """5b. "Together, the four partners represent …", "its members employ …": (the partnership, else
    the one agreement named before, None), or None."""
    gm = _GROUP_SUBJECT.search(v[sent.start:m.start()])
    if gm and not [x for x in before if x[2].label in ok and x[2].label != "Partnership"]:
        named = [x[2] for x in before if x[2].label == "Partnership"]
        prior = named or [x[2] for x in occ_in(max(0, sent.start - 3000), sent.start) if x[2].label == "Partnership"]
        if prior or main is not None:
            return (prior[-1] if prior else main), None
        signed = [x[2] for x in occ_in(max(0, sent.start - 3000), sent.start) if x[2].label == "Agreement"]
        if len(set(signed)) == 1:
            return signed[0], None      # "Together the three clusters represent …" after the agreement they signed
    return None


_IT = re.compile(r"\s*(?:It|They)\s")
# "Founded in 2009 and based in Turin, it gathers 148 members": a pronoun is the clause's subject
_IT_BEFORE = re.compile(r"(?:[,;]\s+|\band\s+)(?:it|they)\s+(?:[a-z]+\s+){1,3}$")
_IT_FUNDED = re.compile(r"\s*(?:It|They)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:co-)?(?:funded|financed|"
                        r"supported)\s+(?:by|under|through)\s")


def _previous_sentence_subject(ctx, si, sent, before, occ_in, ok, main):
    """7c. "… It gathers more than 750 members": (what the sentence before was about: the thing its
    opening "The partnership" names, or the name it opens with, None), or None."""
    if not si or not _IT.match(ctx.view, sent.start) or before and not _IT_FUNDED.match(ctx.view, sent.start):
        return None     # "It is funded by Horizon Europe with …": the funder is not what "it" is
    prev = ctx.sents[si - 1]
    am = ANAPHORA.match(ctx.view, prev.start)
    if am and fold(am.group(1)) in ("partnership", "project", "consortium") and main is not None:
        return main, None
    if am and load_lexicon().label_of_head(fold(am.group(1))):
        return anaphora(ctx.view, prev, am, [], occ_in, ok)
    first = [x for x in occ_in(prev.start, prev.start + 80) if x[2].label in ok]
    return (first[0][2], None) if first and not ctx.view[prev.start:first[0][0]].strip(" \"“") else None


def _project_money(before, unit):
    """6b. money after a project named last in its sentence ("A coordinates P, a two-year project
    funded by Erasmus+ with a budget of EUR 400,000"): (P, None), or None."""
    named = [x for x in before if x[2].label != "Programme"]
    if unit in CURRENCIES and named and named[-1][2].label == "Partnership":
        return named[-1][2], None
    return None


def _clause_subject(v, before, ok):
    """7. a name followed by "has", "brings together", "gathers" …: (the clause's subject, None), or None."""
    for s, e, ent in reversed(before):
        vm = re.match(AFTER_NAME + r"(?:also\s+|now\s+|already\s+)?([a-z]+)", v[e:e + 100])
        if ent.label in ok and vm and vm.group(1) in CLAUSE_VERBS:
            return ent, None
    return None


def _money_owner(v, sent, m, before, ok, main, unit, profiled=lambda: None):
    """7b. money with no actor of its own: (the body whose profile the section is, as ``profiled()``
    finds it, else the partnership or project the text is about, None), or None."""
    if unit not in CURRENCIES or main is None:
        return None
    unowned = not [x for x in before if x[2].label in ok]
    body = profiled() if unowned else None
    if body is not None:
        return body, None
    if unowned or re.search(r"(?i)\b(?:project|partnership|consortium)\b", v[sent.start:m.start()]):
        return main, None
    return None


_COUNTED_LIST = re.compile(r"[^:.;\n]{0,60}:\s")


def _first_named(ctx, si, sent, m, before, occ_in, ok, main, v):
    """8. (the first name of the sentence, a pronoun's name in the sentences before, else ``main``; None)."""
    here = [x for x in before if x[2].label in ok and x[2].name not in _INSTITUTIONS]
    if here:
        return here[0][2], None
    listed = _COUNTED_LIST.match(v, m.end(), sent.end)      # "four new members: A, B and C": the counted, no owner
    later = [x for x in occ_in(m.start(), sent.end) if x[2].label in ok + ("Agreement",)    # "10 … issued the Declaration"
             and x[2].name not in _INSTITUTIONS and not (listed and x[0] >= listed.end())]
    if re.match(r"\s*(?:It|Its|The|This|They)\b", v[sent.start:sent.start + 6]) or not later \
            or _IT_BEFORE.search(v, max(sent.start, m.start() - 60), m.start()):
        for j in range(si - 1, max(-1, si - 3), -1):
            if "\n\n" in v[ctx.sents[j].end:sent.start] and not ctx.lines[ctx.sents[j].line].heading \
                    and not v[sent.start:sent.end].rstrip().endswith(":"):
                break       # a paragraph's figures are not the paragraph above's (a heading above it is its own)
            am = ANAPHORA.match(v, ctx.sents[j].start)
            if am and fold(am.group(1)) in ("project", "partnership", "consortium") and main is not None \
                    and main.label == "Partnership":
                return main, None       # "The project, which A leads, …": the paragraph is about the project
            prev = [x for x in occ_in(ctx.sents[j].start, ctx.sents[j].end) if x[2].label in ok
                    and x[2].name not in _INSTITUTIONS]
            if prev:
                return prev[0][2], None
            if ctx.view[ctx.sents[j].start:ctx.sents[j].end].rstrip().endswith(":"):
                break       # "Key figures:" leads a list of the page's own figures, not the paragraph above's
    return (later[0][2] if later else main), None
