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
from functools import lru_cache

from clusternet.ingest.extract.cuelists import named_network, outer_mentions
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.mainref import main_of, membership_type, own_body, title_end
from clusternet.ingest.extract.raw import RawRel

__all__ = ["prose_relations"]

ACTORS = ("Cluster", "Organisation", "SME")
@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    """The cue regexes, built from ``prose_cues`` in ingest/data/extract/lexicon.yaml."""
    raw = load_lexicon()["prose_cues"]
    group = "(?:" + "|".join(sorted(set(raw["group_nouns"]), key=len, reverse=True)) + ")"

    def rx(key: str, tail: str = r"\b") -> re.Pattern:
        alts = sorted((f.replace("{group}", group) for f in raw[key]), key=len, reverse=True)
        return gated(re.compile(with_initials(r"(?i)(?<![\w-])(?:" + alternation(alts, True) + ")" + tail)))

    return {"group": re.compile(r"(?i)\s*(?:the\s+|le\s+|la\s+|el\s+|il\s+)?" + group + r"\b"),
            "anaphor": re.compile(r"(?i)(?:" + "|".join(f.replace("{group}", group) for f in raw["anaphora"])
                                  + r")\b"),
            "gathers": rx("gathers"), "joined": rx("joined"), "led_by": rx("led_by"),
            "leads": rx("leads", r"\b\s*"), "funded_by": rx("funded_by"), "signed": rx("signed"),
            "organised": rx("organised", r"\b(?!\s+(?:by|in|at|on|par|por|da)\b)"),
            "with": rx("with"),
            "at_event": rx("at_event", r"\s+(?:the\s+|le\s+|la\s+|el\s+|il\s+)?(?:[a-zà-ÿ]+\s+)?$")}


# "Total project budget is €…, financed by the ERDF": the money of the page's own project
_PROJECT_BUDGET = re.compile(r"(?i)\bproject(?:'s|’s)?\s+(?:total\s+)?budget\b|\bbudget of the (?:project|partnership)\b")
# a clause's subject that is the page's own cluster, unnamed: "Earlier this year the cluster also joined"
_THE_ACTOR = re.compile(r"(?i)\b(?:the|our|this)\s+cluster(?:\s+organi[sz]ation)?\s+(?:(?:has|have|had|also|recently|now|"
                        r"officially|formally|been)\s+)*(?:become\s+)?$")
# what may stand between two items of a list, and the word that must be there
_LIST_GAP = re.compile(r"(?i)[\s,)]*(?:(?:and|et|y|e|&|as well as)\s+)?(?:(?:the|le|la|les|el|il)\s+)?"
                       r"(?:[a-zà-ÿ][\w-]*\s+){0,3}")
# "Hegan, the Basque Aerospace Cluster, and Aéro Montréal": a description of the first item between the two
_DESCRIBED_GAP = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+,\s+(?:and|&)\s+(?:the\s+)?")
_LIST_JOIN = re.compile(r",|\b(?:and|et|y|e)\b|&")
# where a list of objects ends: a new clause
_CLAUSE_END = re.compile(r"[.;:](?:\s|$)|,\s+(?:which|who|whose|where|while|both|each|as well as)\b|"
                         r",?\s+(?:in\s+partnership|in\s+cooperation|in\s+collaboration|together)\s+with\b|"
                         r"\s+and\s+(?!the\b|with\b)[a-z]|\s+(?:to|in order to|for)\s+[a-z]")


# a network the clause names by its kind: "the alliance", "its association"
_NETWORK_REF = re.compile(r"(?i)\b(?:the|this|our|its|their)\s+(alliance|network|association|federation|cluster)\b")


class _Sentences:
    """A document's mentions in reading order, and the lookups every prose rule shares."""

    def __init__(self, ctx, ents):
        self.ctx, self.v = ctx, ctx.view
        self.occ, self.starts = outer_mentions(ents)
        self.main = main_of(ents, "Partnership", title_end(ctx))
        self.ents = ents
        self.event_nouns = load_lexicon().words("event_nouns")
        self.cue = _cues()

    def anaphor(self, lo, hi) -> bool:
        """Whether ``v[lo:hi]`` refers to a partnership without naming it ("the partnership")."""
        return lo < hi and self.cue["anaphor"].search(self.v[lo:hi]) is not None

    def joined(self, a, b) -> bool:
        """Whether two mentions are items of one list ("A, B and the C"), or one name twice."""
        gap = self.v[a[1]:b[0]]
        return a[2] is b[2] or (_LIST_GAP.fullmatch(gap) is not None and _LIST_JOIN.search(gap) is not None) \
            or _DESCRIBED_GAP.fullmatch(gap) is not None

    def group(self, found) -> list:
        """The first mention of a clause and those joined to it by commas or "and"."""
        group = found[:1]
        for x in found[1:]:
            if not self.joined(group[-1], x):
                break
            group.append(x)
        return group

    def coordinated(self, found):
        """The entities of :meth:`group`, each once."""
        return list(dict.fromkeys(x[2] for x in self.group(found)))

    def right_before(self, found, pos):
        """The list of names that ends just before ``pos`` ("…, where A and the B signed")."""
        if not found or found[-1][1] < pos - 40:
            return None
        k = len(found) - 1
        while k and self.joined(found[k - 1], found[k]):
            k -= 1
        return list(dict.fromkeys(x[2] for x in found[k:]))

    def the_actor(self, lo, hi) -> list:
        """The page's own cluster when a clause's subject refers to it unnamed ("the cluster also
        joined"): the cluster named in the title, else the most named one; [] otherwise."""
        if not _THE_ACTOR.search(self.v, lo, hi) or self.within(lo, hi, ACTORS + ("Partnership",)):
            return []
        if "main_actor" not in self.__dict__:
            self.main_actor = main_of(self.ents, "Cluster", title_end(self.ctx))
        return [self.main_actor] if self.main_actor is not None else []

    def has(self, lo, hi, labels) -> bool:
        """Whether a kept mention starting in ``[lo, hi)`` has one of ``labels`` (a rule's precondition)."""
        occ, starts = self.occ, self.starts
        return any(x[2].label in labels for x in occ[bisect_left(starts, lo):bisect_left(starts, hi)])

    def within(self, lo, hi, labels):
        """The kept mentions starting in ``[lo, hi)`` whose entity has one of ``labels``."""
        occ, starts = self.occ, self.starts
        return [x for x in occ[bisect_left(starts, lo):bisect_left(starts, hi)] if x[2].label in labels]

    def after_prep(self, x) -> bool:
        """Whether a mention is the object of a preposition ("hosted by B", "at the Forum")."""
        return re.search(r"\b(?:by|from|of|with|at|during|in|par|avec|por|con)\s+(?:the\s+|le\s+|la\s+|el\s+)?$",
                         self.v[max(0, x[0] - 12):x[0]], re.I) is not None

    def objects(self, lo, hi):
        """The actors listed as the objects of a verb ending at ``lo``, up to the clause's end."""
        colon = re.match(r"[^.;:]{0,80}?:\s", self.v[lo:hi])       # "… five cluster organisations: A, B …"
        if colon and not self.within(lo, lo + colon.end(), ACTORS):
            lo += colon.end()
        stop = _CLAUSE_END.search(self.v, lo, hi)
        # "A hosted by B", "A from C": B and C are not items of the list
        found = self.within(lo, stop.start() if stop else hi, ACTORS)
        return [x[2] for i, x in enumerate(found) if i == 0 or not self.after_prep(x)]

    def network_named(self, lo, hi):
        """The network or cluster a clause refers to by its kind ("the alliance", "the cluster")
        when the page names one of that kind, else None."""
        m = _NETWORK_REF.search(self.v, lo, hi)
        body = own_body(self.ents, m.group(1), title_end(self.ctx)) if m else None
        return body if body is not None and (named_network(body) or body.label == "Cluster") else None

    def partnership_before(self, lo, hi, si):
        """The partnership (or network of members) a clause is about: named in it, else referred
        to ("the partnership", "the alliance", "its"), else None."""
        named = self.within(lo, hi, ("Partnership",))
        if named:
            return named[-1][2]
        if self.anaphor(lo, hi):
            net = self.network_named(lo, hi)
            if net is not None:
                return net
            prev = [x for x in self.within(self.ctx.sents[max(0, si - 3)].start, lo, ("Partnership", "Organisation"))
                    if x[2].label == "Partnership" or named_network(x[2])]
            return prev[-1][2] if prev else self.main
        return None


def _gathered(s: _Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN for "P brings together / gathers / includes A, B and C"."""
    if not s.has(lo, hi, ACTORS):
        return
    for m in s.cue["gathers"].finditer(s.v, lo, hi):
        p = s.partnership_before(lo, m.start(), si)
        if p is None:
            continue
        subj = s.within(lo, m.start(), ACTORS + ("Partnership",))
        if subj and subj[0][2].label in ACTORS and not s.anaphor(lo, subj[0][0]):
            continue            # "Alpha includes …": the sentence is about an organisation
        for a in s.objects(m.end(), hi):
            out.append(RawRel(a, membership_type(p), p, lo, hi, 0.7))


# "is a partner in the Interreg project RIVERLINK": a programme and a type noun before the name
_TYPED_GAP = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){0,5}(?:project|partnership|ESCP|consortium)\s+")


def _network_subject(s: _Sentences, lo, hi) -> list:
    """The network a clause's unnamed subject refers to ("The alliance coordinates …"), as a list."""
    net = s.network_named(lo, hi) if not s.within(lo, hi, ACTORS + ("Partnership",)) else None
    return [net] if net is not None else []


def _joined(s: _Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN or MEMBER_OF for "A joined P", "A and B are partners in P", "A is a member of B"."""
    v, cue = s.v, s.cue
    if not s.has(lo, hi, ACTORS + ("Partnership",)):
        return
    for m in cue["joined"].finditer(v, lo, hi):
        tail = v[m.end():hi]
        named = s.within(m.end(), min(hi, m.end() + 80), ("Partnership",) + ACTORS)
        target = named[0][2] if named and (named[0][0] - m.end() <= 6 or _TYPED_GAP.fullmatch(v, m.end(), named[0][0])) \
            else None
        if target is None:      # "joined the network", "… the cluster", "… the partnership"
            ana = cue["anaphor"].match(tail.lstrip()) or cue["group"].match(tail)
            target = s.network_named(m.end(), min(hi, m.end() + 30)) or (s.main if ana else None)
        if target is None:
            continue
        who = s.coordinated(s.within(lo, m.start(), ACTORS)) or s.the_actor(lo, m.start()) \
            or _network_subject(s, lo, m.start())
        if not who and named and ":" in v[named[0][1]:hi]:
            who = s.objects(named[0][1], hi)     # "Three companies joined X this quarter: A, B and C"
        kind = membership_type(target)
        for a in who:
            if a is not target:
                out.append(RawRel(a, kind, target, lo, hi, 0.7))


_IN_WHICH = re.compile(r",?\s+(?:in which|where)\s+")
_IS_PARTNER = re.compile(r"\s+(?:is|are|was|were)\s+(?:a\s+|one\s+of\s+the\s+)?(?:partners?|members?)\b")


_BOTH = re.compile(r"(?i)(both|the two|all three|all four|the three|the four)\s+clusters")
_NUMBER_WORDS = {"all three": 3, "all four": 4, "the three": 3, "the four": 4}


def _partner_in_which(s: _Sentences, si, lo, hi, out) -> None:
    """PARTNER_IN for "the X consortium, in which A (and B) is a partner" (a partnership named just before).

    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> from clusternet.ingest.extract.mentions import build_context
    >>> t = "The BLUE-HYDRO consortium, in which Alfa Marine Cluster is a partner, won."
    >>> out = []; _partner_in_which(_Sentences(build_context(t), resolve_mentions(find_mentions(t))), 0, 0, len(t), out)
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


def _led_by(s: _Sentences, si, lo, hi, out) -> None:
    """COORDINATES (and PARTNER_IN) for "P is led / coordinated by A"."""
    if not s.has(lo, hi, ACTORS):
        return
    for m in s.cue["led_by"].finditer(s.v, lo, hi):
        p = s.partnership_before(lo, m.start(), si)
        if p is None:
            continue
        subj = s.within(lo, m.start(), ACTORS + ("Partnership", "Event"))
        if subj and subj[-1][2] is not p and subj[-1][2].label != "Partnership":
            continue            # "BatteryCluster Finland, led by …": about that cluster
        for a in s.objects(m.end(), hi)[:3]:
            out.append(RawRel(a, "COORDINATES", p, lo, hi, 0.7))
            out.append(RawRel(a, "PARTNER_IN", p, lo, hi, 0.6))


def _leads(s: _Sentences, si, lo, hi, out) -> None:
    """COORDINATES (and PARTNER_IN) for "A coordinates the partnership", "A is the lead partner"."""
    v = s.v
    if not s.has(lo, hi, ACTORS):
        return
    for m in s.cue["leads"].finditer(v, lo, hi):         # "A coordinates the partnership"
        named = [x for x in s.within(m.end(), min(hi, m.end() + 60), ("Partnership",))
                 if x[0] - m.end() <= 4 or _TYPED_GAP.fullmatch(v, m.end(), x[0])][:1]
        p = named[0][2] if named else (s.partnership_before(m.end(), min(hi, m.end() + 40), si)
                                      if s.cue["anaphor"].match(v, m.end(), hi) else None)
        if p is None and re.match(r"\s*(?:[.;]|$)", v[m.end():hi]):
            p = s.main                                  # "Tenerrdis … is the lead partner."
        if p is None:
            continue
        for a in s.coordinated(s.within(lo, m.start(), ACTORS)) or s.the_actor(lo, m.start()) \
                or _network_subject(s, lo, m.start()):
            out.append(RawRel(a, "COORDINATES", p, lo, hi, 0.7))
            out.append(RawRel(a, "PARTNER_IN", p, lo, hi, 0.6))


def _funded(s: _Sentences, si, lo, hi, out) -> None:
    """FUNDED_BY for "the partnership is funded by COSME" (the partnership referred to, not named)."""
    if s.main is None:
        return
    fm = s.cue["funded_by"].search(s.v, lo, hi)
    if fm and not s.within(lo, hi, ("Partnership",)) and \
            (s.anaphor(lo, fm.start()) or _PROJECT_BUDGET.search(s.v, lo, fm.start())):
        for g in s.within(fm.end(), hi, ("Programme",)):   # "The partnership is funded by COSME"
            out.append(RawRel(s.partnership_before(lo, fm.start(), si) or s.main, "FUNDED_BY", g[2], lo, hi, 0.6))


def _organised(s: _Sentences, si, lo, hi, out) -> None:
    """COORDINATES for "P organised a mission to …": P and the event named after the verb."""
    if not s.has(lo, hi, ("Event",)):
        return
    for m in s.cue["organised"].finditer(s.v, lo, hi):
        subj = s.within(lo, m.start(), ACTORS + ("Partnership",))
        p = subj[-1][2] if subj else s.partnership_before(lo, m.start(), si)
        evs = s.within(m.end(), hi, ("Event",))
        if p is not None and evs and not s.within(m.end(), evs[0][0], ACTORS + ("Partnership",)):
            out.append(RawRel(p, "COORDINATES", evs[0][2], lo, hi, 0.65))


_SIGNED_BY = re.compile(r"(?:\s+(?:on|in|at|during)\s+[^,.;]{1,40}?)*\s+by\s+(?:the\s+)?")   # a date or place, then "by"
_BY_SIGNING = re.compile(r"\W*(?:By|In)\s+signing\b")


def _signers(s: _Sentences, lo, hi, agrs, sm):
    """The parties of "A and B signed <agreement> with C and D", in reading order (may repeat)."""
    v = s.v
    before = [x for x in s.within(lo, sm.start(), ACTORS + ("Partnership",)) if not s.after_prep(x)]
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


def _signed(s: _Sentences, si, lo, hi, out) -> None:
    """PARTY_TO for the signatories of an agreement, and PARTICIPATED_IN the event they signed at."""
    v = s.v
    agrs = s.within(lo, hi, ("Agreement",))
    sm = s.cue["signed"].search(v, lo, hi) if agrs else None
    if agrs and sm:
        sides = _signers(s, lo, hi, agrs, sm)
        ev = [x for x in s.within(lo, hi, ("Event", "Organisation")) if s.cue["at_event"].search(v[max(lo, x[0] - 30):x[0]])
              and (x[2].label == "Event" or fold(x[2].name.split()[-1]) in s.event_nouns)]
        for a in dict.fromkeys(sides):
            out.append(RawRel(a, "PARTY_TO", agrs[0][2], lo, hi, 0.65))
            if ev:             # "signed … during the Mediterranean Textile Forum"
                out.append(RawRel(a, "PARTICIPATED_IN", ev[0][2], lo, hi, 0.6))


# members, then leaders, then signatories: the order relations come out in (ids and tie-breaks see it)
_RULES = (_gathered, _joined, _partner_in_which, _led_by, _leads, _funded, _organised, _signed)


def prose_relations(ctx, ents) -> list[RawRel]:
    """PARTNER_IN, MEMBER_OF, COORDINATES, FUNDED_BY, PARTY_TO and PARTICIPATED_IN read from
    sentences (see the module doc)."""
    s = _Sentences(ctx, ents)
    out: list[RawRel] = []
    starts = s.starts
    for si, sent in enumerate(ctx.sents):
        i = bisect_left(starts, sent.start)
        if i == len(starts) or starts[i] >= sent.end:
            continue        # no name starts in the sentence: every rule needs one there
        for rule in _RULES:
            rule(s, si, sent.start, sent.end, out)
    return out
