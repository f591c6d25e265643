"""Figures as data: a document part's table rows (:mod:`.tablefacts`), fact-sheet fields
(:mod:`.fieldfacts`), counts stated in sentences (:mod:`.counts`) and durations, each with its
subject; one figure stated twice is kept once.
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from collections import Counter
from dataclasses import replace

from clusternet.ingest.extract.counts import count_facts as prose_facts
from clusternet.ingest.extract.mainref import defined_subject, main_of, named_in_title, title_end
from clusternet.ingest.extract.factsubj import main_event
from clusternet.ingest.extract.durations import duration_facts
from clusternet.ingest.extract.eventlengths import event_length_facts
from clusternet.ingest.extract.fieldfacts import field_facts
from clusternet.ingest.extract.measures import without_hedge
from clusternet.ingest.extract.raw import RawFact, parse_number
from clusternet.ingest.extract.staffsize import staff_facts
from clusternet.ingest.extract.stories import home_cluster
from clusternet.ingest.extract.tablefacts import Occ, table_facts

__all__ = ["RawFact", "find_facts", "parse_number"]


def _sheet_owner(ents, main, event, title: int, home):
    """Whose fact sheet a page's unheaded fields are: the body a field or the title defines, else the
    partnership or event the title names, else the cluster the page speaks for (``home``: "About us" then
    "Dolomiti Sensing is the cluster …", over the alliances it belongs to), else the page's partnership or event."""
    named = next((e for e in (main, event) if e is not None and named_in_title(e, title)), None)
    return defined_subject(ents) or named or home or main or event


def find_facts(ctx, ents, mentions, tables, sectors=(), places=None) -> list[RawFact]:
    """Table rows and prose figures of one document part, each with a subject entity
    (``places``: the part's Country entities by key, subjects of counts about one country)."""
    occ = Occ(sorted(((m.start, m.end, e) for e in ents for m in e.mentions), key=lambda x: x[0]))
    parts = [e for e in ents if e.label == "Partnership"]
    main = max(parts, key=lambda e: (len(e.mentions), -e.mentions[0].start), default=None)
    event = main_event(ents, ctx)
    bodies = {s: e for s, _, e in occ if e.label in ("Cluster", "Organisation", "SME", "Partnership")}
    title = title_end(ctx)
    titled, home = main_of(ents, "Cluster", title), home_cluster(ents, title)
    if main is not None and len(main.mentions) < 2 and not named_in_title(main, title) \
            and (home is not None or titled is not None and named_in_title(titled, title)):
        main = None     # a cluster's own page that names one of its projects once: the figures are the cluster's
    bodies.update((s, e) for s, _, e in occ if e.label == "Event")
    fields, taken = field_facts(ctx, _sheet_owner(ents, main, event, title, home), bodies.get)     # a fact sheet's fields
    prose = prose_facts(ctx, ents, main, sectors, places, skip=taken)
    runs = [RawFact(subj, d.measure, None, d.value, d.unit, d.start, d.end, 0.6)
            for subj, d in duration_facts(ctx, parts, main, [e for e in ents if e.label == "Agreement"])]
    prose, runs = _one_duration(prose, runs)
    runs += event_length_facts(ctx, ents, event) + staff_facts(ctx, ents)
    owner = main or home or event or _one_of(ents, "Agreement") \
        or (titled if titled is not None and named_in_title(titled, title) else None)   # the page's own cluster
    owner = owner or _most_counted(fields + prose)
    facts = [f for f in table_facts(ctx, occ, owner, event) + fields + prose + runs if f.subject is not None]
    return _drop_echoes(_members_at_home(facts, titled, title), title)


def _most_counted(facts: list[RawFact]):
    """The body most of a page's figures are about, for its tables when nothing else owns the page
    ("BNCA in figures: 38 clusters …" above "| Planning region | Member clusters |"), else None."""
    counted = Counter(f.subject for f in facts if f.subject is not None
                      and f.subject.label in ("Cluster", "Organisation", "Partnership"))
    top = counted.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _one_of(ents, label: str):
    """The document's one entity of ``label``, else None."""
    found = [e for e in ents if e.label == label]
    return found[0] if len(found) == 1 else None


# the words of a count of a body's members ("members", "adhérents", "socios", "SMEs among the members")
_MEMBERS = re.compile(r"(?i)\b(?:members?|membres|adh[ée]rents?|socios|miembros|soci|associat[ei]|membri)\b")


def _members_at_home(facts: list[RawFact], home, title: int) -> list[RawFact]:
    """A count of members hung on a partnership the page's title does not name belongs to the
    page's own cluster (``home``, named more often than the partnership): a cluster's page gives
    its key figures, not those of a project or alliance it is in."""
    if home is None:
        return facts
    return [replace(f, subject=home) if f.subject.label == "Partnership" and _MEMBERS.search(f.measure)
            and not named_in_title(f.subject, title) and len(home.mentions) > len(f.subject.mentions) else f
            for f in facts]


_ITSELF = re.compile(r"(?:project|partnership|initiative|consortium|alliance|agreement|memorandum)\s+duration$")


def _one_duration(prose: list[RawFact], runs: list[RawFact]) -> tuple[list[RawFact], list[RawFact]]:
    """A length read both as a count ("a two-year project" -> "project duration") and as the
    partnership's duration is one fact: the partnership's "duration (years)" when the noun is the
    project itself, else the count's own noun ("a four-year action plan" -> "action plan duration")."""
    def same(f: RawFact, r: RawFact) -> bool:
        return f.unit == "years" and r.subject is f.subject and r.value == f.value and f.start <= r.start < f.end
    kept = [f for f in prose if not (_ITSELF.search(f.measure) and any(same(f, r) for r in runs))]
    return kept, [r for r in runs if not any(same(f, r) for f in kept)]


_QUALIFIERS = frozenset({"of", "from", "in", "by"})


def _drop_echoes(facts: list[RawFact], title: int = 0) -> list[RawFact]:
    """One figure stated twice (a title and its article) is one fact: of "60 cluster organisations
    meet" and "60 cluster organisations", the longer measure that starts with the shorter goes; of
    a title's "60 cluster organisations meet" and the article's "… gathered" (the same words but
    the verb), the article's stays. ``title``: where the page's title ends."""
    facts = _one_per_hedge(facts)
    measures: dict[tuple, set[str]] = {}
    last_by_stem: dict[tuple, list] = {}        # per (figure, stem): [latest start, its measures]
    for f, bare in facts:
        key = (id(f.subject), f.value, f.unit)
        measures.setdefault(key, set()).add(bare)
        if " " in bare:
            slot = last_by_stem.setdefault(key + (bare.rsplit(" ", 1)[0],), [-1, set()])
            slot[0] = max(slot[0], f.start)
            slot[1].add(bare)

    def echo(f: RawFact, bare: str) -> bool:
        """Whether ``f`` (its measure ``bare`` of any hedge) repeats a figure another fact states better."""
        key = (id(f.subject), f.value, f.unit)
        words = bare.split(" ")
        if any(" ".join(words[:i]) in measures[key] and words[i] not in _QUALIFIERS for i in range(1, len(words))):
            return True     # not "countries of the participants", which says more than "countries" …
        if any(m.startswith(bare + " ") and m.split(" ")[len(words)] in _QUALIFIERS for m in measures[key]):
            return True     # … and outlives it
        slot = last_by_stem.get(key + (bare.rsplit(" ", 1)[0],)) if " " in bare else None
        return slot is not None and len(slot[1]) > 1 and f.start < title <= slot[0]
    return _once([f for f, bare in facts if not echo(f, bare)], title)


def _once(facts: list[RawFact], title: int = 0) -> list[RawFact]:
    """One fact per subject, figure, unit, measure and country: a figure said again word for word (a
    headline and its article) is one fact, the article's.

    >>> F = lambda at: RawFact("X", "participants", None, 312, None, at, at + 5)
    >>> [f.start for f in _once([F(0), F(40), F(90)], title=20)]
    [40]
    """
    best: dict[tuple, RawFact] = {}
    for f in facts:
        key = (id(f.subject), f.value, f.unit, f.measure, f.country)
        if key not in best or best[key].start < title <= f.start:
            best[key] = f
    return [f for f in facts if best[(id(f.subject), f.value, f.unit, f.measure, f.country)] is f]


def _one_per_hedge(facts: list[RawFact]) -> list[tuple[RawFact, str]]:
    """Of one figure stated with and without its hedge ("60 clusters", "more than 60 clusters"),
    the hedged statement; each kept fact with its measure without the hedge."""
    pairs = [(f, without_hedge(f.measure)) for f in facts]
    hedged = {(id(f.subject), f.value, f.unit, b) for f, b in pairs if b != f.measure}
    return [(f, b) for f, b in pairs if b != f.measure or (id(f.subject), f.value, f.unit, b) not in hedged]
