"""Relations a cue phrase gives to every item of the list that follows (or precedes) it.

Reports name a partnership's members, a delegation, the signatories of a declaration and
the partners of a lead partner as a list, introduced by a phrase that says what the items
are. Each rule here is one such phrase; every item of its list takes the relation:

* "the members / participant entities of X were A, B and C" → MEMBER_OF X (PARTNER_IN when
  X is a partnership);
* "A is (an initiator and) a coordinator of X", "A is coordinating X" → A COORDINATES X;
* "P is led by A, in partnership with B, C and D" → B, C, D PARTNER_IN P;
* "ten associations from Spain, France and Poland issued the Declaration" → each country
  PARTY_TO the declaration (the guide allows a country as a signatory);
* "A and B renewed their Cooperation Agreement" → A and B PARTY_TO it;
* "A, B and C jointly organised the X Event" → each COORDINATES the event.

The cue words are data (``relation_list_cues`` in ingest/data/extract/lexicon.yaml).

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "The members of the Alpha Marine Cluster are Beta Port Authority and Gamma Sea Institute."
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> sorted((r.source.name, r.type, r.target.name) for r in cue_list_relations(ctx, ents, {}))
[('Beta Port Authority', 'MEMBER_OF', 'Alpha Marine Cluster'), ('Gamma Sea Institute', 'MEMBER_OF', 'Alpha Marine Cluster')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
import threading
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.lexicon import load_lexicon
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.gates import gated
from clusternet.ingest.extract.members import its_members, the_partners
from clusternet.ingest.extract.mainref import OWN_KINDS, main_of, own_body, membership_type, title_end
from clusternet.ingest.extract.raw import RawRel

__all__ = ["cue_list_relations", "Occ", "list_end", "ORGANISED_OBJ", "outer_mentions"]

ACTORS = ("Cluster", "Organisation", "SME")
GROUPS = ACTORS + ("Partnership",)
# a sentence about the document's partnership without its name
_THE_PROJECT = re.compile(r"(?i)\b(?:the|this|our)\s+(?:project|partnership|consortium|initiative|alliance)\b")
# where a list after a cue ends: the end of the clause
_LIST_END = re.compile(r"[.;](?:\s|$)|\n|,\s+(?:which|who|whose|where|while|to|in order)\b|(?<!\s)\s+(?:to|in order to)\s+[a-z]")


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    """The cue regexes, from ``relation_list_cues`` in the lexicon."""
    raw = load_lexicon()["relation_list_cues"]
    out = {k: gated(re.compile(with_initials(r"(?i)(?:(?<![\w-])|(?=,))(?:"      # a cue may open with its comma
                                             + alternation(sorted(v, key=len, reverse=True), True) + r")\b")))
           for k, v in raw.items() if k != "stems"}
    out["list_verb"] = re.compile(r"(?i)(?:" + "|".join(raw["list_verb"]) + r")(?!\w)")   # it follows a name directly
    return out


class Occ:
    """Every mention of the document's entities, by position (nested ones dropped)."""

    def __init__(self, ents, title: int = 0):
        self.items, self.starts = outer_mentions(ents)
        self.main = main_of(ents, "Partnership", title)   # the partnership the document is about
        self.ents, self.title = ents, title

    def within(self, lo: int, hi: int, labels) -> list:
        """Mentions starting in [lo, hi) whose entity has one of ``labels``."""
        return [x for x in self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)] if x[2].label in labels]

    def in_name(self, lo: int, hi: int) -> bool:
        """Whether ``[lo, hi)`` lies inside a mention (a cue word that is part of a name: "Kansai
        Robotics Consortium")."""
        i = bisect_left(self.starts, lo + 1)
        return i > 0 and self.items[i - 1][0] <= lo and hi <= self.items[i - 1][1]


_LAST_OCC = threading.local()     # per thread: the app extracts in several sessions at once


def outer_mentions(ents) -> tuple[list, list[int]]:
    """The mentions of ``ents`` by position without nested ones, and their starts: read again only
    when the entities or their mentions changed since the last call (the list, page and prose
    rules ask per part). Do not change the lists."""
    sizes = [(e, len(e.mentions)) for e in ents]
    last = _LAST_OCC.__dict__.setdefault("memo", {"ents": None, "sizes": [], "occ": None})
    if last["ents"] is not ents or len(last["sizes"]) != len(sizes) \
            or any(a is not c or b != d for (a, b), (c, d) in zip(sizes, last["sizes"])):
        occ = sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: (x[0], -x[1]))
        items, end = [], -1
        for x in occ:
            if x[0] >= end:
                items.append(x)
                end = x[1]
        last.update(ents=ents, sizes=sizes, occ=(items, [x[0] for x in items]))
    return last["occ"]


def list_end(v: str, lo: int, hi: int) -> int:
    """Where the list starting at ``lo`` ends (the clause's end, at most ``hi``).

    >>> list_end("A, B and C, which met. D", 0, 24)
    10
    """
    m = _LIST_END.search(v, lo, hi)
    return m.start() if m else hi


def cue_list_relations(ctx, ents, places) -> list[RawRel]:
    """The relations of all cue-list rules (see the module doc)."""
    occ = Occ(ents, title_end(ctx))
    out: list[RawRel] = []
    for si in _cue_sentences(ctx):
        sent = ctx.sents[si]
        for rule in (_member_lists, _coordinator_of, _coordinator_named, _partners_of_leader, _issuing_countries, _network_gathers,
                     _appositive_member, its_members, the_partners, _their_agreement, _active_organisers):
            out.extend(rule(ctx.view, sent.start, sent.end, occ, places))
    return out


def _cue_sentences(ctx) -> list[int]:
    """The sentences holding one of the cues' stems (``stems`` in the lexicon: every cue contains
    one), found with plain string search: the rules' regexes then read only these.

    >>> from clusternet.ingest.extract.mentions import build_context
    >>> _cue_sentences(build_context("Nothing here. Its members are A and B."))
    [1]
    """
    low = ctx.view.lower()
    found = set()
    for stem in load_lexicon()["relation_list_cues"]["stems"]:
        i = low.find(stem)
        while i >= 0:
            found.add(ctx.sent_at(i))
            i = low.find(stem, i + len(stem))
    return sorted(found)


def _member_lists(v, lo, hi, occ, places) -> list[RawRel]:
    """"The members of X are A, B and C" → MEMBER_OF X (PARTNER_IN a partnership).

    >>> _member_lists("no cue here", 0, 11, Occ([]), {})
    []
    """
    out = []
    for m in _cues()["members_of"].finditer(v, lo, hi):
        owner = occ.within(m.end(), min(hi, m.end() + 6), GROUPS)
        if owner:
            out.extend(_members_listed(v, owner[0][2], owner[0][1], lo, hi, occ))
    for m in _cues()["members_after"].finditer(v, lo, hi):     # "The X members were A, B and C"
        owner = [x for x in occ.within(max(lo, m.start() - 80), m.start(), GROUPS)
                 if v[x[1]:m.start()] in (" ", "'s ", "’s ")]
        if owner:
            out.extend(_members_listed(v, owner[-1][2], m.end(), lo, hi, occ))
    return out


def _members_listed(v, x, pos, lo, hi, occ) -> list[RawRel]:
    """The actors listed after a list verb at ``pos`` ("are", "were", "include") are members of ``x``."""
    verb = _cues()["list_verb"].match(v, pos, hi)
    if not verb:
        return []
    kind = membership_type(x)
    return [RawRel(a, kind, x, lo, hi, 0.65) for s, e, a in occ.within(verb.end(), list_end(v, verb.end(), hi), ACTORS)
            if a is not x]


def _coordinator_of(v, lo, hi, occ, places) -> list[RawRel]:
    """"A is (an initiator and) a coordinator of X" / "A is coordinating X" → A COORDINATES X.

    >>> _coordinator_of("no cue here", 0, 11, Occ([]), {})
    []
    """
    out = []
    for m in _cues()["coordinator_of"].finditer(v, lo, hi):
        subj = occ.within(lo, m.start(), GROUPS)
        objs = occ.within(m.end(), min(hi, m.end() + 6), GROUPS + ("Event",))
        if not subj and objs and not v[lo:m.start()].strip():     # "The coordinator of P, A, said …"
            subj = [x for x in occ.within(objs[0][1], min(hi, objs[0][1] + 60), GROUPS)
                    if _DESCRIBED_LEAD.fullmatch(v, objs[0][1] + 1, x[0]) and v[objs[0][1]:objs[0][1] + 1] == ","][:1]
        if subj and objs and subj[0][2] is not objs[0][2] and not occ.within(subj[0][1], m.start(), GROUPS[:-1]):
            out.append(RawRel(subj[0][2], "COORDINATES", objs[0][2], lo, hi, 0.65))
    return out


# what may stand between a cue and the name it introduces: "the Portuguese textile cluster "
_DESCRIBED_LEAD = re.compile(r"\s*(?:(?:the|la|le|l')\s*)?(?:[A-Z][a-z]+\s+)?"
                             r"(?:(?!(?:together|along|with|by|and|as|from|of|to|in|at)\b)[a-z][\w-]*(?<!ed)\s+){0,3}")


def _coordinator_named(v, lo, hi, occ, places) -> list[RawRel]:
    """"P … its coordinator, the Portuguese cluster A" → A COORDINATES P and is one of its partners
    (P: the partnership named before in the sentence, else the document's).

    >>> from clusternet.ingest.extract.finders import find_mentions
    >>> from clusternet.ingest.extract.resolve import resolve_mentions
    >>> t = "The project LOOPWOOD met at its coordinator, the Finnish wood cluster Lahti Wood Cluster."
    >>> [(r.source.name, r.type, r.target.name) for r in _coordinator_named(t, 0, len(t), Occ(resolve_mentions(find_mentions(t))), {})]
    [('Lahti Wood Cluster', 'COORDINATES', 'LOOPWOOD'), ('Lahti Wood Cluster', 'PARTNER_IN', 'LOOPWOOD')]
    >>> t = "The project LOOPWOOD met. Its coordinator, together with Beta Cluster, presented it."
    >>> _coordinator_named(t, 0, len(t), Occ(resolve_mentions(find_mentions(t))), {})
    []
    """
    out = []
    for m in _cues()["coordinator_named"].finditer(v, lo, hi):
        first = occ.within(m.end(), min(hi, m.end() + 60), ACTORS)[:1]
        if first and not _DESCRIBED_LEAD.fullmatch(v, m.end(), first[0][0]):
            continue
        named = occ.within(lo, m.start(), ("Partnership",))
        p = named[-1][2] if named else occ.main
        if first and p is not None:
            out += [RawRel(first[0][2], "COORDINATES", p, lo, hi, 0.65), RawRel(first[0][2], "PARTNER_IN", p, lo, hi, 0.6)]
    return out


def _partners_of_leader(v, lo, hi, occ, places) -> list[RawRel]:
    """"P is led by A, in partnership with B and C" → B and C PARTNER_IN P.

    >>> _partners_of_leader("no cue here", 0, 11, Occ([]), {})
    []
    """
    m = _cues()["with_partners"].search(v, lo, hi)
    if not m:
        return []
    led = _cues()["led_by"].search(v, lo, m.start())
    if not led:
        return []
    named = occ.within(lo, led.start(), ("Partnership",))
    p = named[-1][2] if named else (occ.main if _THE_PROJECT.search(v, lo, led.start()) else None)
    if p is None:
        return []
    end = list_end(v, m.end(), hi)
    return [RawRel(a, "PARTNER_IN", p, lo, hi, 0.6) for s, e, a in occ.within(m.end(), end, ACTORS)]


# "The agreement … was signed … by A": the agreement's own signatories, named after it
_SIGNATORIES_AFTER = re.compile(r"(?i)\b(?:the\s+(?:agreement|memorandum|mou|charter|declaration|convention|accord)|it)\b"
                                r"[^.;\n]{0,80}?\b(?:signed|issued|adopted)\b[^.;\n]{0,60}?\bby\b")


def _issuing_countries(v, lo, hi, occ, places) -> list[RawRel]:
    """"N associations from Spain, France and Poland issued the Declaration" → each country
    PARTY_TO the agreement (when no signatory is named by its own name).

    >>> _issuing_countries("no cue here", 0, 11, Occ([]), {})
    []
    """
    m = _cues()["issued"].search(v, lo, hi)
    if not m:
        return []
    agr = occ.within(m.end(), min(hi, m.end() + 12), ("Agreement",))
    fm = re.search(r"(?i)\bfrom\s+", v[lo:m.start()])
    para = v.find("\n\n", hi, hi + 600)
    if not agr or not fm or occ.within(lo, m.start(), GROUPS) or _SIGNATORIES_AFTER.search(v, hi, para if para >= 0 else hi + 600):
        return []       # no country signs when the next lines say who signed ("… was signed … by A, B and C")
    a, b = lo + fm.end(), m.start()
    codes = [p for p in places.values() if p.label == "Country" and any(a <= mm.start < b for mm in p.mentions)]
    return [RawRel(p, "PARTY_TO", agr[0][2], lo, hi, 0.6) for p in codes]


def named_network(ent) -> bool:
    """Whether an entity is an organisation named as a network of members ("… Network", "… Association").

    >>> named_network(type("E", (), {"label": "Organisation", "name": "Baltic Ports Network"})())
    True
    """
    return ent.label == "Organisation" and _cues()["network_word"].search(ent.name) is not None


def _is_network(ent) -> bool:
    """Whether an entity can have members: a cluster, or an organisation named as a network."""
    return ent.label == "Cluster" or named_network(ent)


def _network_gathers(v, lo, hi, occ, places) -> list[RawRel]:
    """"The Alpha Cluster brings together A, B and C" → each MEMBER_OF the cluster (a cluster or
    network opening the sentence; a partnership's members are read by prose.py).

    >>> _network_gathers("no cue here", 0, 11, Occ([]), {})
    []
    """
    m = _cues()["network_gathers"].search(v, lo, hi)
    if not m:
        return []
    subj = occ.within(lo, m.start(), GROUPS)
    if not subj or subj[0][0] > lo + 6 or not _is_network(subj[0][2]) or occ.within(subj[0][1], m.start(), GROUPS):
        return []
    end = list_end(v, m.end(), hi)
    return [RawRel(a, "MEMBER_OF", subj[0][2], lo, hi, 0.6) for s, e, a in occ.within(m.end(), end, ACTORS)
            if a is not subj[0][2]]


def _appositive_member(v, lo, hi, occ, places) -> list[RawRel]:
    """"A, a member of the B network, …" → A MEMBER_OF B (PARTNER_IN when B is a partnership).

    >>> _appositive_member("no cue here", 0, 11, Occ([]), {})
    []
    """
    out = []
    for m in _cues()["member_apposition"].finditer(v, lo, hi):
        before = occ.within(lo, m.start(), ACTORS)
        who = [x for x in before if x[1] >= m.start() - 1] or _described_before(v, before, m.start())
        n = load_lexicon()["number_words"].get(m.group(0).split()[1].lower(), 1) if _COUNTED.match(m.group(0)) else 1
        if who and n > 1:       # "A and B, two of the cluster's members"
            who = before[-n:] if len(before) >= n else []
        of = [x[2] for x in occ.within(m.end(), min(hi, m.end() + 6), GROUPS)] or _own_group(m.group(0), occ)
        for x in who if of else ():
            if x[2] is not of[0]:
                out.append(RawRel(x[2], membership_type(of[0]), of[0], lo, hi, 0.6))
    return out


# a description between a body and a member cue: "A – Vilnius SME making lasers, member of B",
# "A, a young SME from Vaasa and member of B" (no clause of its own, no second body)
_DESCRIPTION = re.compile(r"(?:\s*[,–—-]\s+|\s+(?:in|from)\s+)[^.;:()\n]{0,90}")


def _described_before(v: str, before: list, cue: int) -> list:
    """[the body] a description that ends at a member cue (at ``cue``) describes, else [].

    >>> _described_before("A – a maker of lasers, member of B", [(0, 1, "A")], 22)
    [(0, 1, 'A')]
    """
    if not before:
        return []
    last = before[-1]
    gap = _DESCRIPTION.fullmatch(v, last[1], cue)
    return [last] if gap and not re.search(r"\b(?:is|are|was|were|has|have|will|which|who)\b", v[last[1]:cue]) else []


_COUNTED = re.compile(r",\s+(?:one|two|three|four|five|six)\s+of\b", re.I)     # "A and B, two of …"


def _own_group(cue: str, occ) -> list:
    """[the body a page speaks for] when a member cue names no group ("one of our members",
    "two of the cluster's members"), else []."""
    km = re.search(r"(?i)\b(?:our|its|the\s+(cluster|network|association)[’']s)\s+members$", cue)
    if km is None:
        return []
    body = own_body(occ.ents, km.group(1) or "cluster", occ.title)
    return [body] if body is not None else []


_THEIR = re.compile(r"(?i)\b(?:their|its|the(?:ir)?\s+(?:joint|mutual|bilateral))\s+(?:[\w-]+\s+){0,3}$")


def _their_agreement(v, lo, hi, occ, places) -> list[RawRel]:
    """"A and B (officially) renewed their Cooperation Agreement" → the actors named before it
    are its parties.

    >>> _their_agreement("no cue here", 0, 11, Occ([]), {})
    []
    """
    out = []
    for s, e, agr in occ.within(lo, hi, ("Agreement",)):
        if not _THEIR.search(v, max(lo, s - 40), s):
            continue
        parties = occ.within(lo, s, ACTORS)
        if len({id(x[2]) for x in parties}) >= 2:
            out.extend(RawRel(a, "PARTY_TO", agr, lo, hi, 0.6) for _, _, a in parties)
    return out


ORGANISED_OBJ = gated(re.compile(with_initials(r"(?i)\b(?:jointly\s+|co-?)?(?:organi[sz]ed|organi[sz]es|hosted|hosts|"
                                               r"convened|co-hosted)\s+(?:the|an?|this|their)?\s*")))


_OUR = re.compile(r"\b(?:[Oo]ur|[Tt]he)\s+(" + "|".join(OWN_KINDS) + r")\s*$")


def _active_organisers(v, lo, hi, occ, places) -> list[RawRel]:
    """"A, B and C jointly organised the X Event" → the actors before the verb COORDINATE the
    event named right after it.

    >>> _active_organisers("no cue here", 0, 11, Occ([]), {})
    []
    """
    out = []
    for m in ORGANISED_OBJ.finditer(v, lo, hi):
        ev = occ.within(m.end(), min(hi, m.end() + 3), ("Event",))
        who = occ.within(lo, m.start(), ACTORS)
        we = _OUR.search(v, lo, m.start()) if ev and not who else None
        body = own_body(occ.ents, we.group(1), occ.title) if we else None
        if body is not None:      # "Our network co-organised the X Matchmaking"
            who = [(we.start(), we.end(), body)]
        if ev and who and not re.search(r"(?i)\b(?:by|was|were|is|are|been|be)\s*$", v[lo:m.start()]):
            out.extend(RawRel(a, "COORDINATES", ev[0][2], lo, hi, 0.65) for _, _, a in who)
    return out
