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

import re
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.mainref import main_of, membership_type, title_end
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
        return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(alts) + ")" + tail)

    return {"group": re.compile(r"(?i)\s*(?:the\s+|le\s+|la\s+|el\s+|il\s+)?" + group + r"\b"),
            "anaphor": re.compile(r"(?i)(?:" + "|".join(f.replace("{group}", group) for f in raw["anaphora"])
                                  + r")\b"),
            "gathers": rx("gathers"), "joined": rx("joined"), "led_by": rx("led_by"),
            "leads": rx("leads", r"\b\s*"), "funded_by": rx("funded_by"), "signed": rx("signed"),
            "organised": rx("organised", r"\b(?!\s+(?:by|in|at|on|par|por|da)\b)"),
            "with": rx("with"),
            "at_event": rx("at_event", r"\s+(?:the\s+|le\s+|la\s+|el\s+|il\s+)?(?:[a-zà-ÿ]+\s+)?$")}


# what may stand between two items of a list, and the word that must be there
_LIST_GAP = re.compile(r"(?i)[\s,)]*(?:(?:and|et|y|e|&|as well as)\s+)?(?:(?:the|le|la|les|el|il)\s+)?"
                       r"(?:[a-zà-ÿ][\w-]*\s+){0,3}")
_LIST_JOIN = re.compile(r",|\b(?:and|et|y|e)\b|&")
# where a list of objects ends: a new clause
_CLAUSE_END = re.compile(r"[.;:](?:\s|$)|,\s+(?:which|who|whose|where|while|both|each|as well as)\b|"
                         r",?\s+(?:in\s+partnership|in\s+cooperation|in\s+collaboration|together)\s+with\b|"
                         r"\s+and\s+(?!the\b|with\b)[a-z]|\s+(?:to|in order to|for)\s+[a-z]")


def prose_relations(ctx, ents) -> list[RawRel]:
    """PARTNER_IN, MEMBER_OF, COORDINATES, FUNDED_BY, PARTY_TO and PARTICIPATED_IN read from
    sentences (see the module doc)."""
    v = ctx.view
    occ = sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: (x[0], -x[1]))
    # a shorter mention inside a longer one is part of it
    kept, last_end = [], -1
    for x in occ:
        if x[0] >= last_end:
            kept.append(x)
            last_end = x[1]
    occ = kept
    starts = [x[0] for x in occ]
    parts = [e for e in ents if e.label == "Partnership"]
    main = main_of(ents, "Partnership", title_end(ctx))
    event_nouns = load_lexicon().words("event_nouns")
    cue = _cues()
    out: list[RawRel] = []

    def anaphor(lo, hi) -> bool:
        return lo < hi and cue["anaphor"].search(v[lo:hi]) is not None

    def joined(a, b) -> bool:
        """Whether two mentions are items of one list ("A, B and the C"), or one name twice."""
        gap = v[a[1]:b[0]]
        return a[2] is b[2] or (_LIST_GAP.fullmatch(gap) is not None and _LIST_JOIN.search(gap) is not None)

    def coordinated(found):
        """The first entity of a clause and those joined to it by commas or "and"."""
        group = found[:1]
        for x in found[1:]:
            if not joined(group[-1], x):
                break
            group.append(x)
        return list(dict.fromkeys(x[2] for x in group))

    def right_before(found, pos):
        """The list of names that ends just before ``pos`` ("…, where A and the B signed")."""
        if not found or found[-1][1] < pos - 40:
            return None
        k = len(found) - 1
        while k and joined(found[k - 1], found[k]):
            k -= 1
        return list(dict.fromkeys(x[2] for x in found[k:]))

    def within(lo, hi, labels):
        return [x for x in occ[bisect_left(starts, lo):bisect_left(starts, hi)] if x[2].label in labels]

    def after_prep(x) -> bool:
        """Whether a mention is the object of a preposition ("hosted by B", "at the Forum")."""
        return re.search(r"\b(?:by|from|of|with|at|during|in|par|avec|por|con)\s+(?:the\s+|le\s+|la\s+|el\s+)?$",
                         v[max(0, x[0] - 12):x[0]], re.I) is not None

    def objects(lo, hi):
        colon = re.match(r"[^.;:]{0,80}?:\s", v[lo:hi])       # "… five cluster organisations: A, B …"
        if colon and not within(lo, lo + colon.end(), ACTORS):
            lo += colon.end()
        stop = _CLAUSE_END.search(v, lo, hi)
        # "A hosted by B", "A from C": B and C are not items of the list
        found = within(lo, stop.start() if stop else hi, ACTORS)
        return [x[2] for i, x in enumerate(found) if i == 0 or not after_prep(x)]

    def partnership_before(lo, hi, si):
        """The partnership a clause is about: named in it, else referred to, else None."""
        named = within(lo, hi, ("Partnership",))
        if named:
            return named[-1][2]
        if anaphor(lo, hi):
            prev = within(ctx.sents[max(0, si - 3)].start, lo, ("Partnership",))
            return prev[-1][2] if prev else main
        return None

    for si, sent in enumerate(ctx.sents):
        lo, hi = sent.start, sent.end
        # members
        for m in cue["gathers"].finditer(v, lo, hi):
            p = partnership_before(lo, m.start(), si)
            if p is None:
                continue
            subj = within(lo, m.start(), ACTORS + ("Partnership",))
            if subj and subj[0][2].label in ACTORS and not anaphor(lo, subj[0][0]):
                continue            # "Alpha includes …": the sentence is about an organisation
            for a in objects(m.end(), hi):
                out.append(RawRel(a, "PARTNER_IN", p, lo, hi, 0.7))
        for m in cue["joined"].finditer(v, lo, hi):
            tail = v[m.end():hi]
            named = within(m.end(), min(hi, m.end() + 80), ("Partnership",) + ACTORS)
            target = named[0][2] if named and named[0][0] - m.end() <= 6 else None
            if target is None:
                ana = cue["anaphor"].match(tail.lstrip()) or cue["group"].match(tail)
                target = main if ana else None
            if target is None:
                continue
            who = coordinated(within(lo, m.start(), ACTORS))
            kind = membership_type(target)
            for a in who:
                if a is not target:
                    out.append(RawRel(a, kind, target, lo, hi, 0.7))
        # leaders
        for m in cue["led_by"].finditer(v, lo, hi):
            p = partnership_before(lo, m.start(), si)
            if p is None:
                continue
            subj = within(lo, m.start(), ACTORS + ("Partnership", "Event"))
            if subj and subj[-1][2] is not p and subj[-1][2].label != "Partnership":
                continue            # "BatteryCluster Finland, led by …": about that cluster
            for a in objects(m.end(), hi)[:3]:
                out.append(RawRel(a, "COORDINATES", p, lo, hi, 0.7))
                out.append(RawRel(a, "PARTNER_IN", p, lo, hi, 0.6))
        for m in cue["leads"].finditer(v, lo, hi):         # "A coordinates the partnership"
            named = within(m.end(), min(hi, m.end() + 4), ("Partnership",))
            p = named[0][2] if named else (partnership_before(m.end(), min(hi, m.end() + 40), si)
                                          if cue["anaphor"].match(v, m.end(), hi) else None)
            if p is None and re.match(r"\s*(?:[.;]|$)", v[m.end():hi]):
                p = main                                  # "Tenerrdis … is the lead partner."
            if p is None:
                continue
            for a in coordinated(within(lo, m.start(), ACTORS)):
                out.append(RawRel(a, "COORDINATES", p, lo, hi, 0.7))
                out.append(RawRel(a, "PARTNER_IN", p, lo, hi, 0.6))
        fm = cue["funded_by"].search(v, lo, hi)
        if fm and main is not None and not within(lo, hi, ("Partnership",)) and anaphor(lo, fm.start()):
            for g in within(fm.end(), hi, ("Programme",)):   # "The partnership is funded by COSME"
                out.append(RawRel(partnership_before(lo, fm.start(), si) or main, "FUNDED_BY", g[2], lo, hi, 0.6))
        for m in cue["organised"].finditer(v, lo, hi):
            subj = within(lo, m.start(), ACTORS + ("Partnership",))
            p = subj[-1][2] if subj else partnership_before(lo, m.start(), si)
            evs = within(m.end(), hi, ("Event",))
            if p is not None and evs and not within(m.end(), evs[0][0], ACTORS + ("Partnership",)):
                out.append(RawRel(p, "COORDINATES", evs[0][2], lo, hi, 0.65))
        # signatories
        agrs = within(lo, hi, ("Agreement",))
        sm = cue["signed"].search(v, lo, hi)
        if agrs and sm:
            before = [x for x in within(lo, sm.start(), ACTORS + ("Partnership",)) if not after_prep(x)]
            sides = right_before(before, sm.start()) or coordinated(before)
            if not sides and main is not None and anaphor(lo, sm.start()):
                sides = [main]
            wm = cue["with"].search(v, min(agrs[0][1], sm.end()), hi)
            if wm:
                stop = re.search(r"[.;](?:\s|$)|,\s+(?:which|who|to)\b|\s+(?:to|in order to)\s+[a-z]", v[wm.end():hi])
                end = wm.end() + stop.start() if stop else hi
                sides += [x[2] for x in within(wm.end(), end, ACTORS + ("Partnership",))]
            ev = [x for x in within(lo, hi, ("Event", "Organisation")) if cue["at_event"].search(v[max(lo, x[0] - 30):x[0]])
                  and (x[2].label == "Event" or fold(x[2].name.split()[-1]) in event_nouns)]
            for a in dict.fromkeys(sides):
                out.append(RawRel(a, "PARTY_TO", agrs[0][2], lo, hi, 0.65))
                if ev:             # "signed … during the Mediterranean Textile Forum"
                    out.append(RawRel(a, "PARTICIPATED_IN", ev[0][2], lo, hi, 0.6))
    return out
