"""What every prose rule (:mod:`.prose`) asks of a document: its mentions in reading order, the
cue regexes built from ``prose_cues`` in ingest/data/extract/lexicon.yaml, and how a sentence's
lists, objects and unnamed partnership ("the partnership", "its", "it") are read.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.cuelists import named_network, outer_mentions
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.mainref import main_of, own_body, title_end
from clusternet.ingest.extract.members import stop_outside_names

__all__ = ["Sentences", "ACTORS", "CLAUSE_END"]

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
            # "LVL organised on the pavilion stage the X Day": active, with its subject right before it
            "organised_at": rx("organised", r"\b(?=\s+(?:in|at|on)\b)"),
            "with": rx("with"),
            "at_event": rx("at_event", r"\s+(?:the\s+|le\s+|la\s+|el\s+|il\s+)?(?:[a-zà-ÿ]+\s+)?$")}


# a clause's subject that is the page's own cluster, unnamed: "Earlier this year the cluster also joined"
_THE_ACTOR = re.compile(r"(?i)(?:\b(?:the|our|this)\s+cluster(?:\s+organi[sz]ation)?|(?<![\w-])(?-i:We))\s+"
                        r"(?:(?:has|have|had|also|recently|now|officially|formally|been)\s+)*(?:become\s+)?$")
# what may stand between two items of a list, and the word that must be there
_LIST_GAP = re.compile(r"(?i)[\s,)]*(?:(?:and|et|y|e|&|as well as)\s+)?(?:(?:the|le|la|les|el|il)\s+)?"
                       r"(?:(?-i:[A-Z])[\w-]*['’]s\s+)?(?:[a-zà-ÿ][\w-]*\s+){0,3}")     # "and Canada's X"
# "Hegan, the Basque Aerospace Cluster, and Aéro Montréal": a description of the first item between the two
_DESCRIBED_GAP = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+,\s+(?:and|&)\s+(?:the\s+)?")
_LIST_JOIN = re.compile(r",|\b(?:and|et|y|e)\b|&")
# where a list of objects ends: a new clause
CLAUSE_END = re.compile(r"[.;:](?:\s|$)|,\s+(?:which|who|whose|where|while|both|each|as well as)\b|"
                         r",?\s+(?:in\s+partnership|in\s+cooperation|in\s+collaboration|together)\s+with\b|"
                         r"\s+and\s+(?!the\b|with\b)[a-z]|\s+(?:to|in order to|for)\s+[a-z]")


# a network the clause names by its kind: "the alliance", "its association"
_NETWORK_REF = re.compile(r"(?i)\b(?:the|this|our|its|their)\s+(alliance|network|association|federation|cluster)\b")


class Sentences:
    """A document's mentions in reading order, and the lookups every prose rule shares."""

    def __init__(self, ctx, ents):
        self.ctx, self.v = ctx, ctx.view
        self.occ, self.starts = outer_mentions(ents)
        self.main = main_of(ents, "Partnership", title_end(ctx))
        self.ents = ents
        self.event_nouns = load_lexicon().words("event_nouns")
        self.cue = _cues()

    def own_cluster(self):
        """The cluster the page is about (its title's, else its most named), else None: what "the
        cluster" means where no cluster is named ("three companies joined the cluster")."""
        if "_own_cluster" not in self.__dict__:
            self._own_cluster = main_of(self.ents, "Cluster", title_end(self.ctx))
        return self._own_cluster

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
        own = self.own_cluster()
        return [own] if own is not None else []

    def previous_subject(self, si) -> list:
        """What "It" opening sentence ``si`` refers to: the first body the sentence before names
        ("FoodTech Jutland is a cluster … It is a member of …"), as a list."""
        if si == 0:
            return []
        prev = self.ctx.sents[si - 1]
        found = self.within(prev.start, prev.end, ACTORS)
        return [found[0][2]] if found else []

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
        stop = stop_outside_names(CLAUSE_END, self.v, lo, hi, self.within(lo, hi, ACTORS))
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
