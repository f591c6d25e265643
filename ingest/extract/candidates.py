"""Stage 2 of the pipeline: the hand rules propose, with high recall, what the decisions
(:mod:`.decide`) then keep or drop: entities with a label, relation candidate pairs, facts.

A :class:`Proposal` holds one text part's reading (context, mentions, entities, places,
sectors) and what the rules made of it; :func:`pair_candidates` adds the pairs the rules did
not relate but a model may: two names in one sentence, a name and its own place, and each
actor with the document's main partnership and main event.

>>> p = propose("The Olive Cluster (Tunisia) attended the Agri Forum in Tunis.")
>>> sorted(e.label for e in p.ents)      # a forum held in a place is an event
['Cluster', 'Event']
>>> any(c.rule_types == {"LOCATED_IN"} for c in pair_candidates(p))
True
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from clusternet.ingest.extract.facts import find_facts
from clusternet.ingest.extract.memberlabels import relabel_alliances, relabel_grouped, relabel_member_bodies, relabel_partners, relabel_projects
from clusternet.ingest.extract.smes import relabel_smes
from clusternet.ingest.extract.geo import infer_places
from clusternet.ingest.extract.mainref import main_of, title_end
from clusternet.ingest.extract.lexicon import country_name
from clusternet.ingest.extract.finders import find_mentions
from clusternet.ingest.extract.mentions import Context, Mention, build_context
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.relations import find_relations, located_once_relabelled
from clusternet.ingest.extract.resolve import DocEntity, mention_again, norm, resolve_mentions
from clusternet.ingest.extract.samejourney import name_kickoffs, same_journeys
from clusternet.ingest.extract.sectors import find_sectors

__all__ = ["Proposal", "Pair", "propose", "pair_candidates", "main_entity", "node_key"]

MAX_PAIR_CHARS = 300     # two names further apart in one sentence are not paired
NEAR_SENTENCES = 2       # an actor is paired with groups named this many sentences around it
ACTORS = ("Cluster", "Organisation", "SME", "Partnership")


@dataclass
class Proposal:
    """What the rules read and proposed in one text part (offsets are into ``ctx.text``)."""
    ctx: Context
    mentions: list[Mention]
    ents: list[DocEntity]
    places: dict[str, DocEntity]
    sectors: list[DocEntity]
    sector_rels: list[RawRel]
    rels: list[RawRel]
    facts: list = field(default_factory=list)


@dataclass(eq=False)
class Pair:
    """A candidate relation: ``source`` and ``target`` (an entity, or a ``country:XX`` id),
    the rules' types for it, and the span that shows both."""
    source: DocEntity
    target: object
    start: int
    end: int
    rule_types: set[str] = field(default_factory=set)
    origin: set[str] = field(default_factory=set)
    rule_names: set[str] = field(default_factory=set)   # "type@family" of each rule proposing it


def node_key(x) -> object:
    """The identity of a relation end (an entity object or a country id string)."""
    if isinstance(x, str):
        return x
    if x.label == "Country":
        return "country:" + x.country
    return id(x)


def main_entity(ents: list[DocEntity], label: str) -> DocEntity | None:
    """The document's most mentioned entity of ``label`` (ties: the earliest); the one rule
    of :func:`.mainref.main_of`, without a title to prefer."""
    return main_of(ents, label)


def propose(text: str, tables=()) -> Proposal:
    """Run the rules on one text part: mentions, entities, places, sectors, relations, facts."""
    ctx = build_context(text)
    mentions = find_mentions(text, ctx)
    ents = resolve_mentions(mentions)
    mention_again(ctx.view, ents)
    relabel_member_bodies(ctx.view, ents)
    relabel_grouped(ctx.view, ents)
    relabel_projects(ctx, ents)
    relabel_smes(ctx.view, ents, ctx.lines)
    infer_places(ctx, ents, mentions)
    ents = same_journeys(ents)
    name_kickoffs(ents, main_of(ents, "Partnership", title_end(ctx)))
    places = _places(mentions, ents)
    secs, sec_rels = find_sectors(ctx, ents)
    rels = find_relations(ctx, ents, places, mentions)
    relabel_partners(ctx.view, rels)
    were = {id(e) for e in ents if e.label == "Partnership"}
    relabel_alliances(ctx.view, ents, rels)
    rels += located_once_relabelled(ctx, ents, places, mentions, were)
    facts = find_facts(ctx, ents, mentions, list(tables), secs, places)
    return Proposal(ctx, mentions, ents, places, secs, sec_rels, rels, facts)


def _places(mentions, ents) -> dict[str, DocEntity]:
    """Country and Region entities from place mentions."""
    out: dict[str, DocEntity] = {}
    inside = _inside_names(mentions, ents)
    for m in mentions:
        if m.label == "Region" and id(m) in inside:
            continue        # "ITA Aragon", "Brittany Innovation": the region is part of a name
        if m.label == "Country" and m.country:
            e = out.setdefault("country:" + m.country, DocEntity("country:" + m.country, "Country",
                                                                  country_name(m.country), set(), m.country))
            e.mentions.append(m)
            if m.name != e.name and m.name != m.country:
                e.aliases.add(m.name)
        elif m.label == "Region":
            reg = m.region or m.name
            key = "region:" + norm(reg)
            e = out.setdefault(key, DocEntity(key, "Region", reg, set(), m.country))
            e.mentions.append(m)
            if m.name != reg:
                e.aliases.add(m.name)
    for e in out.values():
        e.confidence = min(0.97, 0.85 + 0.03 * len(e.mentions))
    return out


def _inside_names(mentions, ents) -> set[int]:
    """ids of the region mentions that lie inside an entity's name, for regions the text never
    names on their own ("ITA Aragon" alone makes no Region; "ITA Aragon … in Aragon" does)."""
    spans = sorted((m.start, m.end) for e in ents for m in e.mentions)
    starts = [s for s, _ in spans]
    inside, free = [], set()
    for m in (x for x in mentions if x.label == "Region"):
        i = bisect_right(starts, m.start)
        if any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans[max(0, i - 6):i]):
            inside.append(m)
        else:
            free.add(norm(m.region or m.name))
    return {id(m) for m in inside if norm(m.region or m.name) not in free}


def pair_candidates(p: Proposal) -> list[Pair]:
    """Rule relations, same-sentence pairs, own places and main-entity pairs, one per ordered pair."""
    pairs: dict[tuple, Pair] = {}

    def add(src, tgt, start, end, origin, rule_type=None, family=""):
        if node_key(src) == node_key(tgt):
            return
        cur = pairs.setdefault((id(src), node_key(tgt)), Pair(src, tgt, start, end))
        cur.origin.add(origin)
        if rule_type:
            cur.rule_types.add(rule_type)
            cur.rule_names.add(f"{rule_type}@{family or 'other'}")
    for r in p.rels:
        add(r.source, _place_of(p, r.target), r.start, r.end, "rule", r.type, r.rule)
    _sentence_pairs(p, add)
    _own_place_pairs(p, add)
    _main_pairs(p, add)
    _nearby_pairs(p, add)
    return list(pairs.values())


def _place_of(p: Proposal, target):
    """A ``country:XX`` target as the document's Country entity when it names the country."""
    return p.places.get(target, target) if isinstance(target, str) else target


def _sentence_pairs(p: Proposal, add) -> None:
    """Both orders of two different entities mentioned in one sentence, not too far apart."""
    nodes = list(p.ents) + [e for e in p.places.values() if e.label in ("Country", "Region")]
    by_sent: dict[int, list] = {}
    for e in nodes:
        for m in e.mentions:
            by_sent.setdefault(p.ctx.sent_at(m.start), []).append((m.start, m.end, e))
    for si, occ in by_sent.items():
        sent = p.ctx.sents[si]
        occ.sort(key=lambda x: x[0])
        seen = set()        # two entities named twice in one sentence are one pair
        for i, (s1, e1, a) in enumerate(occ):
            for s2, e2, b in occ[i + 1:]:
                if s2 - e1 > MAX_PAIR_CHARS:
                    break
                if a is not b and (id(a), id(b)) not in seen:
                    seen.add((id(a), id(b)))
                    add(a, b, sent.start, sent.end, "sentence")
                    add(b, a, sent.start, sent.end, "sentence")


def _own_place_pairs(p: Proposal, add) -> None:
    """Each entity with the country and region it is said to be in."""
    regions = {norm(e.name): e for e in p.places.values() if e.label == "Region"}
    for e in p.ents:
        m = e.mentions[0]
        if e.country:
            add(e, _place_of(p, "country:" + e.country), m.start, m.end, "own-country")
        if e.region and norm(e.region) in regions:
            add(e, regions[norm(e.region)], m.start, m.end, "own-region")
    for r in (e for e in p.places.values() if e.label == "Region" and e.country):
        m = r.mentions[0]
        add(r, _place_of(p, "country:" + r.country), m.start, m.end, "own-country")


def _nearby_pairs(p: Proposal, add) -> None:
    """Each actor with the partnerships, events, programmes and agreements named within
    ``NEAR_SENTENCES`` sentences or in the title line, and each entity with the countries
    named in its own or the next sentence (lists and headings state relations that way)."""
    groups = ("Partnership", "Event", "Programme", "Agreement")
    sents = {}
    for e in list(p.ents) + [x for x in p.places.values() if x.label == "Country"]:
        sents[id(e)] = {p.ctx.sent_at(m.start) for m in e.mentions}
    title = {id(e) for e in p.ents if 0 in sents[id(e)]}
    targets = [(t, {s + k for s in sents[id(t)] for k in range(-NEAR_SENTENCES, NEAR_SENTENCES + 1)})
               for t in p.ents if t.label in groups or id(t) in title]
    countries = [(c, {s + k for s in sents[id(c)] for k in (0, -1)}) for c in p.places.values() if c.label == "Country"]
    for e in p.ents:
        near = sents[id(e)]
        m = e.mentions[0]
        for t, around in targets:
            if t is not e and (id(t) in title or not near.isdisjoint(around)):
                add(e, t, m.start, m.end, "near")
        for c, before in countries:
            if not near.isdisjoint(before):
                add(e, c, m.start, m.end, "near-country")


def _main_pairs(p: Proposal, add) -> None:
    """Each actor and event with the main partnership, each actor with the main event."""
    mains = [x for x in (main_entity(p.ents, "Partnership"), main_entity(p.ents, "Event")) if x is not None]
    for e in p.ents:
        if e.label not in ACTORS + ("Event",):
            continue
        m = e.mentions[0]
        for tgt in mains:
            if e is not tgt:
                add(e, tgt, m.start, m.end, "main")
