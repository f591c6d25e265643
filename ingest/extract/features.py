"""Stage 3 of the pipeline: features of the proposed entities and relation candidate pairs.

Only features that carry over to unseen documents: the rules' label and rule, lower-case
(common) words such as head nouns and the words between two names, cue classes from the
lexicon, list/table structure, distances, positions, places and the document's main entities.
A capitalised word (a name) never becomes a feature by itself, only its shape does.

>>> from .candidates import propose, pair_candidates
>>> p = propose("The Olive Cluster (Tunisia) attended the Agri Forum in Tunis.")
>>> f = entity_features(p, p.ents[0], DocFacts.of(p))
>>> f["lab=Cluster"], f["head=cluster"]
(1.0, 1.0)
"""
from __future__ import annotations

from bisect import bisect_left

import re
from dataclasses import dataclass, field
from functools import lru_cache

from clusternet.ingest.extract.candidates import Pair, Proposal, main_entity
import clusternet.ingest.extract.fastre as fastre
from clusternet.ingest.extract.lexicon import fold, load_lexicon
from clusternet.ingest.extract.literals import alternation, with_initials
from clusternet.ingest.extract.resolve import DocEntity

__all__ = ["DocFacts", "entity_features", "pair_features", "cue_classes"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+|[()\[\]:;,|]")
CUE_KEYS = ("organiser_cues", "participation_cues", "funding_cues", "target_cues", "membership_cues",
            "partner_headings", "event_nouns")
PROSE_KEYS = ("gathers", "joined", "led_by", "leads", "funded_by", "organised", "signed", "at_event")


@lru_cache(maxsize=1)
def _cue_rx() -> dict[str, re.Pattern]:
    lex = load_lexicon()
    out = {}
    for k in CUE_KEYS:
        words = sorted((re.escape(fold(str(w))) for w in lex[k]), key=len, reverse=True)
        out[k] = fastre.compile(with_initials(r"(?<![\w-])(?:" + alternation(words) + r")"))
    for k in PROSE_KEYS:
        out[k] = fastre.compile(with_initials(r"(?<![\w-])(?:" + alternation(lex["prose_cues"][k]) + r")(?![\w-])"))
    return out


@lru_cache(maxsize=50_000)
def cue_classes(text: str) -> tuple[str, ...]:
    """The lexicon's cue classes found in ``text``.

    >>> cue_classes("organised by the network")
    ('organiser_cues', 'organised')
    """
    f = fold(text)
    return tuple(k for k, rx in _cue_rx().items() if rx.search(f))


@dataclass
class DocFacts:
    """What every feature of one proposal may look at: main entities, lists, positions."""
    main_part: DocEntity | None
    main_event: DocEntity | None
    chars: int
    labels: dict[str, list]
    title_end: int = 0      # offset of the second line break: a page's title and subtitle
    memo: dict = field(default_factory=dict)

    @classmethod
    def of(cls, p: Proposal) -> "DocFacts":
        labels: dict[str, list] = {}
        for e in p.ents:
            labels.setdefault(e.label, []).append(e)
        second = p.ctx.text.find("\n", p.ctx.text.find("\n") + 1)
        return cls(main_entity(p.ents, "Partnership"), main_entity(p.ents, "Event"), max(1, len(p.ctx.text)),
                   labels, second if second > 0 else min(200, len(p.ctx.text)))

    def count(self, label: str) -> int:
        return len(self.labels.get(label, ()))

    def in_title(self, e) -> bool:
        """Named before the second line break (a page's title and subtitle)."""
        return isinstance(e, DocEntity) and bool(e.mentions) and e.mentions[0].start < self.title_end

    def on_bullet(self, p: Proposal, pos: int) -> bool:
        return p.ctx.lines[p.ctx.sents[p.ctx.sent_at(pos)].line].bullet

    def on_heading(self, p: Proposal, pos: int) -> bool:
        return p.ctx.lines[p.ctx.sents[p.ctx.sent_at(pos)].line].heading

    def placed(self, p: Proposal, e: DocEntity, heading: bool = False) -> tuple[float, float]:
        """(named in the title, named on a bullet or, with ``heading``, in a heading among its first
        three mentions), as features (memoised per entity)."""
        key = (id(e), heading)
        if key not in self.memo:
            on = self.on_heading if heading else self.on_bullet
            self.memo[key] = (float(self.in_title(e)), float(any(on(p, m.start) for m in e.mentions[:3])))
        return self.memo[key]

    def nearest(self, p: Proposal, a: DocEntity, label: str):
        """The entity of ``label`` whose mention is closest to one of ``a``'s (memoised)."""
        key = (id(a), label)
        if key not in self.memo:
            self.memo[key] = self._nearest(a, label)
        return self.memo[key]

    def _nearest(self, a: DocEntity, label: str):
        """The first entity of ``label`` (in entity order) with a mention at the smallest distance from
        one of ``a``'s, over the first six mentions of each, read from the label's sorted mentions."""
        starts, items = self._mention_index(label)
        best = None         # (gap, order, entity)
        for ma in a.mentions[:6]:
            p = bisect_left(starts, ma.start)
            for step, j in ((-1, p - 1), (1, p)):
                while 0 <= j < len(items):
                    s, order, e = items[j]
                    gap = abs(s - ma.start)
                    if best is not None and gap > best[0]:
                        break
                    if e is not a and (best is None or (gap, order) < best[:2]):
                        best = (gap, order, e)
                    j += step
        return best[2] if best else None

    def _mention_index(self, label: str) -> tuple[list[int], list[tuple[int, int, DocEntity]]]:
        """The first six mentions of each entity of ``label`` as (start, entity order, entity), by start (memoised)."""
        key = ("mentions", label)
        if key not in self.memo:
            items = sorted((m.start, k, e) for k, e in enumerate(self.labels.get(label, ())) for m in e.mentions[:6])
            self.memo[key] = ([x[0] for x in items], items)
        return self.memo[key]


@lru_cache(maxsize=20_000)
def _words(text: str) -> tuple[str, ...]:
    """Lower-case words as themselves, capitalised ones as the shape ``CAP``, numbers as ``NUM``
    (memoised: a pair and its reverse share the words between them).

    >>> _words("and the 3 Alpha partners")
    ('and', 'the', 'NUM', 'CAP', 'partners')
    """
    out = []
    for w in _WORD.findall(text):
        if w[0].isdigit():
            out.append("NUM")
        elif w[0].isupper():
            out.append("CAP")
        else:
            out.append(w.lower())
    return tuple(out)


@lru_cache(maxsize=4096)
def _bucket(n: int, edges=(1, 2, 3, 5, 8, 13)) -> str:
    """``n`` as the first edge it does not exceed (``>13`` past the last)."""
    return next((str(e) for e in edges if n <= e), f">{edges[-1]}")


def entity_features(p: Proposal, e: DocEntity, d: DocFacts) -> dict[str, float]:
    """Features of a proposed entity: label, rules, name shape and words, place, position."""
    m = e.mentions[0]
    toks = e.name.split()
    f = {"bias": 1.0, "lab=" + e.label: 1.0, "nment=" + _bucket(len(e.mentions)): 1.0,
         "ntok=" + _bucket(len(toks)): 1.0, "head=" + _shape(toks[-1]): 1.0, "first=" + _shape(toks[0]): 1.0}
    for r in {x.rule.split(":")[0] for x in e.mentions}:
        f["rule=" + r] = 1.0
        f[f"lab={e.label}|rule={r}"] = 1.0
    for w in {w for w in _words(e.name) if w not in ("CAP", "NUM")}:
        f["w=" + w] = 1.0
    before = _words(p.ctx.view[max(0, m.start - 40):m.start])[-2:]
    for i, w in enumerate(reversed(before)):
        f[f"prev{i}=" + w] = 1.0
    f["acronym"] = float(e.name.isupper() and len(e.name) <= 8)
    f["has_alias"] = float(bool(e.aliases))
    f["country"] = float(bool(e.country))
    f["region"] = float(bool(e.region))
    f["in_list"] = float(any(x.group is not None for x in e.mentions))
    f["first_line"] = float(p.ctx.sent_at(m.start) == 0)
    f["sent_start"] = float(all(x.start == p.ctx.sents[p.ctx.sent_at(x.start)].start for x in e.mentions))
    f["pos=" + _bucket(int(10 * m.start / d.chars), (0, 1, 3, 6, 9))] = 1.0
    f["conf=" + _bucket(int(10 * e.confidence), (4, 5, 6, 7, 8, 9))] = 1.0
    f["is_main"] = float(e is d.main_part or e is d.main_event)
    return f


def _shape(word: str) -> str:
    """A word as itself when lower-case or a head noun of the lexicon ("Cluster", "Agency"),
    else as its shape (``Xx``, ``XX``), so that no name becomes a feature.

    >>> _shape("Cluster"), _shape("Zinnae"), _shape("of")
    ('cluster', 'Xx', 'of')
    """
    if word[:1].islower() or load_lexicon().label_of_head(word):
        return fold(word)
    if word.isupper():
        return "XX"
    return "Xx" if word[:1].isupper() else "other"


def _node(x):
    """(label, entity or None) of a relation end."""
    return (x.label, x) if isinstance(x, DocEntity) else ("Country", None)


def pair_features(p: Proposal, c: Pair, d: DocFacts) -> dict[str, float]:
    """Features of a candidate pair: labels, the rules' types, words and cues around them."""
    la, a = _node(c.source)
    lb, b = _node(c.target)
    lp = f"{la}>{lb}"
    f = {"bias": 1.0, "lp=" + lp: 1.0}
    for t in c.rule_types:
        f["rule=" + t] = 1.0
        f[f"rule={t}|lp={lp}"] = 1.0
    for n in c.rule_names:
        f["rulename=" + n] = 1.0
    for o in c.origin:
        f["origin=" + o] = 1.0
        f[f"origin={o}|lp={lp}"] = 1.0
    f["b_main_part"] = float(b is not None and b is d.main_part)
    f["b_main_event"] = float(b is not None and b is d.main_event)
    f["a_main"] = float(c.source is d.main_part or c.source is d.main_event)
    code = c.target.split(":")[1] if isinstance(c.target, str) else (b.country if lb == "Country" else None)
    f["own_country"] = float(bool(code) and c.source.country == code)
    f["own_region"] = float(lb == "Region" and bool(c.source.region) and fold(c.source.region) == fold(b.name))
    f.update(_structure_features(p, c, d, lb, b))
    f.update(_between_features(p, c, lp, d))
    return f


def _structure_features(p: Proposal, c: Pair, d: "DocFacts", lb: str, b) -> dict[str, float]:
    """Where the two ends stand in the document: title, headings, bullets, how many rivals."""
    f: dict[str, float] = {}
    a = c.source
    f["a_title"], f["a_bullet"] = d.placed(p, a)
    if b is None:
        return f
    f["b_title"], f["b_heading"] = d.placed(p, b, heading=True)
    f["b_rivals=" + _bucket(d.count(lb), (1, 2, 3, 5))] = 1.0
    f["b_nmentions=" + _bucket(len(b.mentions), (1, 2, 4))] = 1.0
    f["b_nearest"] = float(d.nearest(p, a, lb) is b)
    if f["b_title"] and f["a_bullet"]:
        f["title_list"] = 1.0
    return f


def _between_features(p: Proposal, c: Pair, lp: str, d: DocFacts) -> dict[str, float]:
    """Words and cue classes between the closest mentions of the two ends in one sentence."""
    f: dict[str, float] = {}
    span = _closest(p, c, d)
    if span is None:
        f["apart"] = 1.0
        return f
    lo, hi, a_first = span
    gap = p.ctx.view[lo:hi]
    words = _words(gap)
    f["a_first"] = float(a_first)
    f["gap=" + _bucket(len(words), (0, 1, 2, 4, 8, 16))] = 1.0
    for w in set(words[:4] + words[-4:]):
        f["bw=" + w] = 1.0
    if len(words) <= 3:
        f["bw_seq=" + "_".join(words)] = 1.0
    for k in cue_classes(gap):
        f["cue_between=" + k] = 1.0
        f[f"cue_between={k}|lp={lp}"] = 1.0
    sent = p.ctx.sents[p.ctx.sent_at(lo)]
    for k in cue_classes(p.ctx.view[sent.start:sent.end]):
        f[f"cue_sent={k}|lp={lp}"] = 1.0
    return f


def _sent(p: Proposal, m) -> int:
    """The sentence of a mention (found mentions carry it; others are looked up)."""
    return m.sent if m.sent >= 0 else p.ctx.sent_at(m.start)


def _closest(p: Proposal, c: Pair, d: DocFacts) -> tuple[int, int, bool] | None:
    """(gap start, gap end, source first) of the nearest two mentions in one sentence."""
    if isinstance(c.target, str):
        return None
    best = None
    targets = _by_sentence(p, c.target, d)
    for ma, sa in _placed(p, c.source, d):
        for mb in targets.get(sa, ()):
            lo, hi = (ma.end, mb.start) if ma.start < mb.start else (mb.end, ma.start)
            if hi >= lo and (best is None or hi - lo < best[1] - best[0]):
                best = (lo, hi, ma.start < mb.start)
    return best


def _placed(p: Proposal, e, d: DocFacts) -> list:
    """(mention, sentence) of an entity's first 12 mentions (memoised per entity on ``d``)."""
    memo = d.memo.setdefault("placed", {})
    got = memo.get(id(e))
    if got is None:
        got = memo[id(e)] = [(m, _sent(p, m)) for m in e.mentions[:12]]
    return got


def _by_sentence(p: Proposal, e, d: DocFacts) -> dict[int, list]:
    """Sentence -> an entity's mentions in it, of its first 12 in mention order (memoised per entity on ``d``)."""
    memo = d.memo.setdefault("by_sentence", {})
    got = memo.get(id(e))
    if got is None:
        got = memo[id(e)] = {}
        for m, si in _placed(p, e, d):
            got.setdefault(si, []).append(m)
    return got
