"""Relations a sentence states in running prose: who is in a partnership, who leads it, who signed.

Press releases and newsletters rarely list a consortium under a "Partners" heading; they
write it out. Each rule reads one sentence, and a partnership is either named in it or
referred to ("the partnership", "the alliance", "its partners") — then it is the
partnership the document is about:

* members: "P brings together / gathers / includes / comprises A, B and C", "its partners
  are A, B and C", "A joined P (as …)", "A and B are partners in P", "A is a member of P"
  → PARTNER_IN; "A is a member of B" where B is a cluster or organisation → MEMBER_OF;
* leaders: "P is led / coordinated by A", "A coordinates the partnership" → A COORDINATES P
  (and is one of its partners); "the partnership is funded by COSME" → P FUNDED_BY COSME;
  "P organised a mission to …" → P COORDINATES the event named after the verb;
* signatories: "A and B signed a memorandum … with C and D" → each PARTY_TO the agreement,
  and PARTICIPATED_IN the event they signed at ("… during the Mediterranean Textile Forum").

The cue words are data (``prose_cues`` in ingest/data/extract/lexicon.yaml), in English,
French, Spanish and Italian.

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = ("The Blue Bridge partnership was launched in 2024. It is coordinated by Alpha Marine Cluster "
...         "and brings together Beta Port Cluster and Gamma Sea Cluster.")
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> sorted((r.source.name, r.type, r.target.name) for r in prose_relations(ctx, ents))
... # doctest: +NORMALIZE_WHITESPACE
[('Alpha Marine Cluster', 'COORDINATES', 'Blue Bridge'), ('Alpha Marine Cluster', 'PARTNER_IN', 'Blue Bridge'),
 ('Beta Port Cluster', 'PARTNER_IN', 'Blue Bridge'), ('Gamma Sea Cluster', 'PARTNER_IN', 'Blue Bridge')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left

from clusternet.ingest.extract.lexicon import fold, number_value
from clusternet.ingest.extract.cuelists import named_network
from clusternet.ingest.extract.joining import TYPED_GAP, joined, network_subject
from clusternet.ingest.extract.mainref import membership_type
from clusternet.ingest.extract.prosectx import ACTORS, Sentences
from clusternet.ingest.extract.raw import RawRel

__all__ = ["prose_relations"]

# "Total project budget is €…, financed by the ERDF": the money of the page's own project
_PROJECT_BUDGET = re.compile(r"(?i)\bproject(?:'s|’s)?\s+(?:total\s+)?budget\b|\bbudget of the (?:project|partnership)\b")


def _gathered(s: Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN for "P brings together / gathers / includes A, B and C"."""
    if not s.has(lo, hi, ACTORS):
        return
    for m in s.cue["gathers"].finditer(s.v, lo, hi):
        p = s.partnership_before(lo, m.start(), si)
        if p is None:
            ev = _gathering_event(s, lo, m.start())     # "The forum brought together A, B and C"
            out.extend(RawRel(a, "PARTICIPATED_IN", ev, lo, hi, 0.6) for a in (s.objects(m.end(), hi) if ev else ()))
            continue
        subj = s.within(lo, m.start(), ACTORS + ("Partnership",))
        about_p = bool(subj) and subj[-1][2] is p and _WHICH.fullmatch(s.v, subj[-1][1], m.start()) is not None
        if subj and subj[0][2].label in ACTORS and not s.anaphor(lo, subj[0][0]) \
                and not s.anaphor(subj[-1][1], m.start()) and not about_p:
            continue            # "Alpha includes …": about an organisation ("Led by Alpha, it includes …": not;
            #                     "Alpha coordinates P, which also involves B": about P)
        for a in s.objects(m.end(), hi):
            out.append(RawRel(a, membership_type(p), p, lo, hi, 0.7))


_WHICH = re.compile(r",\s+which\s+(?:also\s+)?")
_EVENT_SUBJECT = re.compile(r"\W*(?:The|This)\s+(?:\w+\s+)?(?:event|forum|conference|matchmaking|meeting|mission|workshop|"
                            r"fair|summit|seminar|edition)\s+(?:also\s+)?$")


def _gathering_event(s: Sentences, lo, hi):
    """The event a clause is about when it is the subject of "brought together": one named in the
    clause, else the last one named before it for "The forum …"; else None."""
    named = s.within(lo, hi, ("Event",))
    if named and not s.within(named[-1][1], hi, ACTORS + ("Partnership",)):
        return named[-1][2]
    if _EVENT_SUBJECT.fullmatch(s.v, lo, hi):
        before = s.within(0, lo, ("Event",))
        return before[-1][2] if before else None
    return None


_IN_WHICH = re.compile(r",?\s+(?:in which|where)\s+")
_IS_PARTNER = re.compile(r"\s+(?:is|are|was|were)\s+(?:a\s+|one\s+of\s+the\s+)?(?:partners?|members?)\b")


_BOTH = re.compile(r"(?i)(both|the two|all three|all four|the three|the four)\s+clusters")
_NUMBER_WORDS = {"all three": 3, "all four": 4, "the three": 3, "the four": 4}


def _partner_in_which(s: Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN for "the X consortium, in which A (and B) is a partner" (a partnership named just before).

    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> from clusternet.ingest.extract.mentions import build_context
    >>> t = "The BLUE-HYDRO consortium, in which Alfa Marine Cluster is a partner, won."
    >>> out = []; _partner_in_which(Sentences(build_context(t), resolve_mentions(find_mentions(t))), 0, 0, len(t), out)
    >>> [(r.source.name, r.type, r.target.name) for r in out]
    [('Alfa Marine Cluster', 'PARTNER_IN', 'BLUE-HYDRO')]
    """
    if "in which" not in s.v[lo:hi] and "where" not in s.v[lo:hi]:
        return
    for m in _IN_WHICH.finditer(s.v, lo, hi):
        before = s.within(max(lo, m.start() - 60), m.start() + 1, ("Partnership",) + ACTORS)
        if not before or before[-1][2].label != "Partnership":
            continue
        found = s.within(m.end(), hi, ACTORS)
        group = s.group(found) if found and re.fullmatch(r"(?i)(?:the\s+)?", s.v[m.end():found[0][0]]) else []
        both = _BOTH.match(s.v, m.end()) if not group else None
        if both and _IS_PARTNER.match(s.v, both.end()):     # "in which both clusters are partners"
            n = 2 if both.group(1).lower() in ("both", "the two") else _NUMBER_WORDS.get(both.group(1).lower(), 0)
            named = list(dict.fromkeys(x[2] for x in s.within(max(0, lo - 600), m.start(), ("Cluster",))))
            for a in (named[-n:] if n and len(named) >= n else []):
                out.append(RawRel(a, membership_type(before[-1][2]), before[-1][2], lo, hi, 0.6))
            continue
        if group and _IS_PARTNER.match(s.v, group[-1][1]):
            for a in dict.fromkeys(x[2] for x in group):
                out.append(RawRel(a, membership_type(before[-1][2]), before[-1][2], lo, hi, 0.65))


def _led_by(s: Sentences, si, lo, hi, out) -> None:
    """COORDINATES (and PARTNER_IN) for "P is led / coordinated by A"."""
    if not s.has(lo, hi, ACTORS):
        return
    for m in s.cue["led_by"].finditer(s.v, lo, hi):
        nxt = s.cue["gathers"].search(s.v, m.end(), hi)     # "P, led by A, gathers B and C": B, C lead nothing
        end = nxt.start() if nxt else hi
        p = s.partnership_before(lo, m.start(), si) or _fronted(s, si, lo, m, end) or _network_led(s, lo, m.start())
        if p is None:
            continue
        subj = s.within(lo, m.start(), ACTORS + ("Partnership", "Event"))
        if subj and subj[-1][2] is not p and subj[-1][2].label != "Partnership":
            continue            # "BatteryCluster Finland, led by …": about that cluster
        for a in s.objects(m.end(), end)[:3]:
            out.append(RawRel(a, "COORDINATES", p, lo, hi, 0.7))
            out.append(RawRel(a, membership_type(p), p, lo, hi, 0.6))   # a network's coordinator is its member


# between a network's name and "coordinated by": "(MACN) is", ", which is"
_IS_LED = re.compile(r"\s*\)?\s*(?:\([^()]{1,20}\))?\s*,?\s*(?:which\s+)?(?:is|was|has\s+been|are|were)\s+(?:also\s+|jointly\s+)?")


def _network_led(s: Sentences, lo, at):
    """The network named as the subject right before "is coordinated by" ("The X Clusters Network
    (XCN) is coordinated by A"), else None."""
    before = s.within(lo, at, ACTORS)
    if before and named_network(before[-1][2]) and _IS_LED.fullmatch(s.v, before[-1][1], at):
        return before[-1][2]
    return None


# the subject after a fronted clause: "Led by Alpha, it also includes …", "…, the project gathers …"
_FRONTED_SUBJECT = re.compile(r"(?i),\s+(?=it\b|(?:the|this)\s)")


def _fronted(s: Sentences, si, lo, m, hi):
    """The partnership a sentence opening with its leader ("Led by Alpha, it also includes …")
    is about, else None.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> t = "The Blue Bridge partnership started. Led by Alpha Marine Cluster, it also includes Beta Port Cluster."
    >>> ctx = build_context(t); sx = Sentences(ctx, resolve_mentions(find_mentions(t, ctx)))
    >>> _fronted(sx, 1, ctx.sents[1].start, sx.cue["led_by"].search(t, ctx.sents[1].start), len(t)).name
    'Blue Bridge'
    """
    if s.v[lo:m.start()].strip(" \t\n\"“(") or (f := _FRONTED_SUBJECT.search(s.v, m.end(), hi)) is None:
        return None
    return s.partnership_before(f.start(), f.end() + 24, si)


_ITS_PART = re.compile(r"[’']s\s+(?!(?:activities|partners)\b)[a-z]")
# "…, which the Walloon cluster A leads": a relative clause whose subject leads what comes before
_WHICH_ACTOR = re.compile(r",\s+(?:which|that)\s+(?:the\s+)?[^,;.]{2,60}$")


def _leads(s: Sentences, si, lo, hi, out) -> None:
    """COORDINATES (and PARTNER_IN) for "A coordinates the partnership", "A is the lead partner"."""
    v = s.v
    if not s.has(lo, hi, ACTORS):
        return
    for m in s.cue["leads"].finditer(v, lo, hi):         # "A coordinates the partnership"
        named = [x for x in s.within(m.end(), min(hi, m.end() + 60), ("Partnership",))
                 if x[0] - m.end() <= 4 or TYPED_GAP.fullmatch(v, m.end(), x[0])][:1]
        am = s.cue["anaphor"].match(v, m.end(), hi)
        if (named and _ITS_PART.match(v, named[0][1]) or am and _ITS_PART.match(v, am.end())):
            continue        # "leads the partnership's work on markets": a part of it, not the partnership
        p = named[0][2] if named else (s.partnership_before(m.end(), min(hi, m.end() + 40), si) if am else None)
        if p is None and re.match(r"\s*(?:[.;]|$)", v[m.end():hi]):
            p = s.main                                  # "Tenerrdis … is the lead partner."
        rel = _WHICH_ACTOR.search(v, lo, m.start()) if p is None else None
        if rel:                                         # "The project, which A leads, …"
            p = s.partnership_before(lo, rel.start() + 1, si)
        if p is None:
            continue
        before = s.within(lo, m.start(), ACTORS)
        # "…, coordinator of P": the name the apposition follows; else the clause's subject
        who = (s.right_before(before, m.start()) or []) if v[max(0, m.start() - 2)] == "," else s.coordinated(before)
        for a in who or s.the_actor(lo, m.start()) or network_subject(s, lo, m.start()):
            out.append(RawRel(a, "COORDINATES", p, lo, hi, 0.7))
            out.append(RawRel(a, membership_type(p), p, lo, hi, 0.6))


def _funded(s: Sentences, si, lo, hi, out) -> None:
    """FUNDED_BY for "the partnership is funded by COSME" (the partnership referred to, not named)."""
    if s.main is None:
        return
    fm = s.cue["funded_by"].search(s.v, lo, hi)
    if fm and not s.within(lo, hi, ("Partnership",)) and \
            (s.anaphor(lo, fm.start()) or _PROJECT_BUDGET.search(s.v, lo, fm.start())):
        for g in s.within(fm.end(), hi, ("Programme",)):   # "The partnership is funded by COSME"
            out.append(RawRel(s.partnership_before(lo, fm.start(), si) or s.main, "FUNDED_BY", g[2], lo, hi, 0.6))


_THE_PARTNERS = re.compile(r"(?i)\b(?:the|its|our)\s+(?:project\s+|partnership\s+)?partners(?:\s+(?:also|jointly|together))?\s+$")


def _organised(s: Sentences, si, lo, hi, out) -> None:
    """COORDINATES for "P organised a mission to …": P and the event named after the verb."""
    if not s.has(lo, hi, ("Event",)):
        return
    matches = sorted([(m, False) for m in s.cue["organised"].finditer(s.v, lo, hi)]
                     + [(m, True) for m in s.cue["organised_at"].finditer(s.v, lo, hi)], key=lambda x: x[0].start())
    for m, placed_after in matches:     # placed_after: "organised in / at / on …"
        subj = s.within(lo, m.start(), ACTORS + ("Partnership",))
        if placed_after and not (subj and subj[-1][1] >= m.start() - 1):
            continue        # "the forum, organised in Riga by …": a passive, no subject before the verb
        if subj:        # "A and B held …": both did
            ps = s.right_before(subj, m.start()) or [subj[-1][2]]
        else:
            ps = [s.partnership_before(lo, m.start(), si)]
        if ps == [None] and _THE_PARTNERS.search(s.v, lo, m.start()):
            ps = [s.main]          # "the partners organised a mission": the page's partnership did
        evs = s.within(m.end(), hi, ("Event",))
        if evs and not s.within(m.end(), evs[0][0], ACTORS + ("Partnership",)):
            out.extend(RawRel(p, "COORDINATES", evs[0][2], lo, hi, 0.65) for p in ps if p is not None)


_SIGNED_BY = re.compile(r"(?:\s+(?:on|in|at|during)\s+[^,.;]{1,40}?)*\s+(?:by|from)\s+(?:the\s+)?"   # a date or place, then "by"
                        r"(?:(?:directors|presidents|heads|managers|chairs|representatives)\s+of\s+(?:the\s+)?)?")
# "The memorandum was signed by …": the agreement the page has just named
_THE_AGREEMENT = re.compile(r"(?i)\W*(?:the|this|that|a|la|le|el|il)\s+(?:memorandum|agreement|mou|declaration|letter|convention|"
                            r"accord|protocol|charter|protocole|memorando|acuerdo|convenio|accordo|protocollo)\b[^,.;]{0,30}?\s+"
                            r"(?:was|were|has\s+been|have\s+been|is|will\s+be|a\s+été|fue|ha\s+sido|è\s+stato)\s+(?:also\s+)?$")
# who signs for a body: "the president of CCN", "la présidente de l'AMC", "el director del CEAC"
_ROLE_OF = re.compile(r"(?i)\b(?:presidents?|directors?|heads?|chair(?:man|woman|person)?|ceo|managers?|representatives?|"
                      r"mayor|presidente|presidenta|présidente?|directeur|directrice|direttore|direttrice|director[a]?)\s+"
                      r"(?:general\s+|général\s+|generale\s+)?(?:of|du|de|del|della|dell['’]|de\s+la|de\s+l['’]|des)\s*"
                      r"(?:the\s+|la\s+|le\s+|el\s+|l['’]|il\s+)?$")
_BY_SIGNING = re.compile(r"\W*(?:By|In)\s+signing\b")


def _signers(s: Sentences, lo, hi, agrs, sm):
    """The parties of "A and B signed <agreement> with C and D", in reading order (may repeat)."""
    v = s.v
    before = [x for x in s.within(lo, sm.start(), ACTORS + ("Partnership",)) if not s.after_prep(x)
              or _ROLE_OF.search(v, max(0, x[0] - 60), x[0])]      # "the president of CCN and the president of AMTL signed"
    sides = s.right_before(before, sm.start()) or s.coordinated(before)
    if not sides and s.main is not None and s.anaphor(lo, sm.start()):
        sides = [s.main]
    bm = _SIGNED_BY.match(v, sm.end(), hi)        # "… was signed on 26 November by A, B and C"
    if bm and not sides:
        sides = s.objects(bm.end(), hi)
    if not sides and _BY_SIGNING.match(v, lo, sm.end()):    # "By signing the Declaration, A, B and C agreed"
        sides = s.objects(agrs[0][1], hi)
    wm = s.cue["with"].search(v, min(agrs[0][1], sm.end()), hi)
    if wm:
        stop = re.search(r"[.;](?:\s|$)|,\s+(?:which|who|to)\b|\s+(?:to|in order to)\s+[a-z]", v[wm.end():hi])
        end = wm.end() + stop.start() if stop else hi
        sides += [x[2] for x in s.within(wm.end(), end, ACTORS + ("Partnership",))]
    return sides


def _agreement_before(s: Sentences, lo, sm) -> list:
    """``[(start, end, agreement)]`` for a clause opening "The memorandum was signed …" (``sm``: its
    signing cue) that names no agreement: the one named last before it (within a few sentences), else []."""
    if not _THE_AGREEMENT.fullmatch(s.v, lo, sm.start()):
        return []
    named = s.within(max(0, lo - 600), lo, ("Agreement",))
    return [(lo, lo, named[-1][2])] if named else []


def _signed(s: Sentences, si, lo, hi, out) -> None:
    """PARTY_TO for the signatories of an agreement, and PARTICIPATED_IN the event they signed at."""
    v = s.v
    sm = s.cue["signed"].search(v, lo, hi)
    agrs = (s.within(lo, hi, ("Agreement",)) or _agreement_before(s, lo, sm)) if sm else []
    if agrs:
        sides = _signers(s, lo, hi, agrs, sm)
        ev = [x for x in s.within(lo, hi, ("Event", "Organisation")) if s.cue["at_event"].search(v[max(lo, x[0] - 30):x[0]])
              and (x[2].label == "Event" or fold(x[2].name.split()[-1]) in s.event_nouns)]
        for a in dict.fromkeys(sides):
            out.append(RawRel(a, "PARTY_TO", agrs[0][2], lo, hi, 0.65))
            if ev:             # "signed … during the Mediterranean Textile Forum"
                out.append(RawRel(a, "PARTICIPATED_IN", ev[0][2], lo, hi, 0.6))


# "The consortium brings together eleven partners from seven countries." (a count, no names)
_COUNTED_PARTNERS = re.compile(r"(?i)\s*(?:some\s+|around\s+|about\s+)?(\d{1,2}|[a-z]+)\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:partners|organi[sz]ations|members|institutions)\b")


def _counted_consortium(s: Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN for the actors of a paragraph that opens by counting a consortium's partners
    ("The consortium brings together eleven partners … the research side is represented by A and
    B …"), when the paragraph names no more actors than it counts (and the coordinator).

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> t = ("The Blue Bridge project started.\\n\\nThe consortium brings together three partners. Research is "
    ...      "represented by Alpha Marine Cluster and Beta Port Cluster; Gamma Sea Cluster leads it.")
    >>> ctx = build_context(t); out = []
    >>> sx = Sentences(ctx, resolve_mentions(find_mentions(t, ctx)))
    >>> _counted_consortium(sx, 1, ctx.sents[1].start, ctx.sents[1].end, out); sorted(r.source.name for r in out)
    ['Alpha Marine Cluster', 'Beta Port Cluster', 'Gamma Sea Cluster']
    """
    if "partner" not in s.v[lo:hi] and "member" not in s.v[lo:hi]:
        return
    m = s.cue["gathers"].search(s.v, lo, hi)
    c = _COUNTED_PARTNERS.match(s.v, m.end(), hi) if m else None
    n = (number_value(c.group(1)) or 0) if c else 0
    if not n or s.within(lo, hi, ACTORS) or (p := s.partnership_before(lo, m.start(), si)) is None:
        return
    end = s.v.find("\n\n", hi)
    actors = list(dict.fromkeys(x[2] for x in s.within(hi, end if end >= 0 else len(s.v), ACTORS)))
    if 0 < len(actors) <= n + 1:
        out.extend(RawRel(a, "PARTNER_IN", p, lo, hi, 0.55) for a in actors)


# members, then leaders, then signatories: the order relations come out in (ids and tie-breaks see it)
# "Gamma Cluster members such as A and B", "the cluster's members A and B", "two member companies, A
# and B,": the members a sentence names after the word, of the cluster named before it (else the page's)
_MEMBERS_WORD = re.compile(r"(?P<own>(?:[Cc]luster|[Tt]he\s+cluster['’]s)\s+)?(?:['’]s\s+)?\b(?:[Mm]embers?|"
                           r"member\s+(?:companies|organi[sz]ations|firms|SMEs))(?:\s+such\s+as|\s+including|\s+like)?"
                           r"\s*[,:]?\s+(?=[A-Z])")


def _members_listed(s: Sentences, si, lo, hi, out) -> None:
    """MEMBER_OF for the bodies named right after "members (such as)" / "member companies", of the
    cluster named just before that word, else of the page's own cluster."""
    for m in _MEMBERS_WORD.finditer(s.v, lo, hi):
        found = s.within(m.end(), hi, ACTORS)
        listed = s.coordinated(found[:8]) if found and found[0][0] == m.end() else []
        if not listed:
            continue
        before = [x for x in s.within(max(lo, m.start() - 60), m.start() + 1, ("Cluster", "Organisation"))
                  if x[1] >= m.start() - 3]
        owner = before[-1][2] if before else (s.own_cluster() if m.group("own") else None)
        out.extend(RawRel(a, "MEMBER_OF", owner, lo, hi, 0.6) for a in listed if owner is not None and a is not owner)


# "P, the partnership that A (, the X cluster,) has coordinated since 2022"
_THAT_LEADS = re.compile(r"\b(?:that|which)\s+(?:the\s+)?(?=[A-Z])")
_LEADS_AFTER = re.compile(r"(?i)(?:,[^,]{0,80},)?\s+(?:has\s+|have\s+|had\s+)?(?:coordinated|led|coordinates|leads)\b")


def _that_leads(s: Sentences, si, lo, hi, out) -> None:
    """COORDINATES (and PARTNER_IN) for "P, the partnership that A has coordinated since 2022"."""
    for m in _THAT_LEADS.finditer(s.v, lo, hi):
        who = s.within(m.end(), m.end() + 2, ACTORS)
        p = s.partnership_before(lo, m.start(), si)
        if who and p is not None and _LEADS_AFTER.match(s.v, who[0][1], hi):
            out += [RawRel(who[0][2], "COORDINATES", p, lo, hi, 0.65), RawRel(who[0][2], membership_type(p), p, lo, hi, 0.6)]


_RULES = (_gathered, _counted_consortium, joined, _partner_in_which, _led_by, _leads, _funded, _organised, _signed,
          _members_listed, _that_leads)
_UNNAMED_RULES = (_counted_consortium,)


def prose_relations(ctx, ents) -> list[RawRel]:
    """PARTNER_IN, MEMBER_OF, COORDINATES, FUNDED_BY, PARTY_TO and PARTICIPATED_IN read from
    sentences (see the module doc)."""
    s = Sentences(ctx, ents)
    out: list[RawRel] = []
    starts = s.starts
    for si, sent in enumerate(ctx.sents):
        i = bisect_left(starts, sent.start)
        named = i < len(starts) and starts[i] < sent.end     # every rule but one needs a name there
        for rule in (_RULES if named else _UNNAMED_RULES):
            rule(s, si, sent.start, sent.end, out)
    return out
