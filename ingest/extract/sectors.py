"""Sectors: the industry wording a text ties to a cluster, organisation or partnership.

Two generic sources, both giving a Sector entity (named by the text's own wording, lower
case, with the EU industrial ecosystems it maps onto) and an ACTIVE_IN relation:

* the name itself: "Olive Oil Cluster", "Cluster for Transport and Logistics",
  "House of Furniture" (the words beside the head noun, less places and directions);
* cue phrases in a sentence: "active in the machinery sector", "in the field of X",
  "focusing on X", "the textile and flexible material sector", "textile SMEs" — the
  subject is the first actor of the sentence, or the partnership the text is about.

The sector words are found with a spaCy PhraseMatcher over a blank English tokenizer
(no model): the gazetteer in ``ingest/data/extract/sectors.yaml``, matched on lower case.

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = "The Olive Oil Cluster (Tunisia) is active in the packaging sector."
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> secs, rels = find_sectors(ctx, ents)
>>> sorted(s.name for s in secs), sorted((r.source.name, r.target.name) for r in rels)
(['olive oil', 'packaging'], [('Olive Oil Cluster', 'olive oil'), ('Olive Oil Cluster', 'packaging')])
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from bisect import bisect_left
from functools import lru_cache

from clusternet.ingest.extract.lexicon import fold, load_lexicon, place_country
from clusternet.ingest.extract.mentions import Mention
from clusternet.ingest.extract.raw import RawRel
from clusternet.ingest.extract.resolve import DocEntity, norm

__all__ = ["find_sectors", "sector_terms"]

ACTORS = ("Cluster", "Organisation", "SME", "Partnership")
_HEADS = r"(?:competitiveness\s+pole|cluster\s+initiative|clusters?|pole|pôle|partnership|association|network|platform)"
_AROUND = re.compile(r"(?i)^(?:the\s+)?(?P<pre>.*?)\s*\b(?P<head>" + _HEADS + r")\b\s*(?:(?:of|for|in)\s+(?:the\s+)?)?(?P<post>.*)$")
_HOUSE = re.compile(r"(?i)^(?:the\s+)?(?:house|centre|center|institute)\s+of\s+(?P<post>.+)$")
_DIRECTIONS = {"north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "northern",
               "southern", "eastern", "western", "central", "upper", "lower", "greater", "national", "international",
               "regional", "european", "global", "local", "the", "smart", "new"}
_CUES = re.compile(
    r"(?i)\b(?:(?:active|specialised|specialized|operating|working|involved)\s+in\s+(?:the\s+)?(?P<a>[a-z][\w -]{2,60}?)\s+"
    r"(?:sectors?|industry|industries|field)\b"
    r"|in\s+the\s+(?:field|domain|sector)s?\s+of\s+(?:the\s+)?(?P<b>[a-z][\w -]{2,60}?)(?=[.,;:)\"”]|\s+(?:and|with|to|in)\s|$)"
    r"|focus(?:ing|es|ed)?\s+on\s+(?P<c>[a-z][\w -]{2,60}?)(?=\s*[(.,;:]|$)"
    r"|(?:for|of)\s+the\s+(?P<d>[a-z][\w -]{2,60}?)\s+sectors?\b"
    r"|(?<=[A-Z][a-zé]{2}\s)(?P<e>[a-z][a-z -]{2,40}?)\s+(?:industry|industries|sector)\b)")
# every _CUES match holds one of these words (case-blind): sentences without them need no reading
_CUE_WORDS = re.compile(r"(?i)(?=[sifd])(?:sector|industr|field|domain|focus)")
_ACTIVE = ("active", "specialised", "specialized", "operating", "working", "involved")


@lru_cache(maxsize=1)
def _matcher():
    """A PhraseMatcher of the sector gazetteer on a blank English pipeline (tokenizer only)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    lex = load_lexicon()
    pm.add("SECTOR", [nlp.make_doc(t) for t in lex.sectors])
    return nlp, pm


@lru_cache(maxsize=50_000)
def sector_terms(phrase: str) -> tuple[tuple[int, int, str], ...]:
    """Gazetteer sector terms in a short phrase: (start, end, wording), longest first, no overlaps.

    >>> sector_terms("Tourism and Creative Arts")
    ((0, 7, 'tourism'), (12, 25, 'creative arts'))
    """
    nlp, pm = _matcher()
    doc = nlp.make_doc(phrase)
    spans = sorted(((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in pm(doc)),
                   key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    for s, e in spans:
        if all(e <= a or s >= b for a, b in taken):
            taken.append((s, e))
    return tuple((s, e, phrase[s:e].lower()) for s, e in sorted(taken))


def _strip_places(words: list[str]) -> list[str]:
    out = list(words)
    macro = load_lexicon().macro
    while out and (fold(out[0]) in _DIRECTIONS or fold(out[0]) in macro or place_country(out[0])):
        out = out[1:]
    while out and (fold(out[-1]) in _DIRECTIONS or fold(out[-1]) in macro or place_country(out[-1])
                   or fold(out[-1]) in ("and", "of", "&")):
        out = out[:-1]
    return out


@lru_cache(maxsize=50_000)
def _name_sectors(name: str, label: str) -> tuple[str, ...]:
    """The sector wordings a name carries beside its head noun: gazetteer terms, or for a
    cluster named "<words> Cluster" those words themselves ("Dates & Palm Cluster"; one word only
    when it maps onto an EU ecosystem, "Olive Cluster": else it is a brand, "Forestia Cluster")."""
    m = _HOUSE.match(name) or _AROUND.match(name)
    if not m:
        # no head noun to read around ("Textile Training Company", "Empresarios Textiles"):
        # a gazetteer term that maps onto an EU ecosystem still says what the actor works in
        from clusternet.ingest.resolve.normalise import sector_ecosystems

        return tuple(t for _, _, t in sector_terms(name) if len(t) >= 5 and sector_ecosystems(t))
    lex = load_lexicon()
    parts = [m.groupdict().get("pre") or "", m.group("post") or ""]
    found = []
    for i, part in enumerate(parts):
        words = [w for w in re.split(r"\s+", part.strip()) if w]
        if any(w[:1].isdigit() or (w.isupper() and len(w) > 1 and fold(w) not in ("ict", "it")) for w in words):
            continue  # an acronym or a code is no sector ("Cluster OTIR2020-TFC")
        words = _strip_places(words)
        if not words or len(words) > 5:
            continue
        phrase = " ".join(words)
        terms = sector_terms(phrase)
        if terms:   # "Olive Oil Cluster" → olive oil; "Food Valley Cluster" → food, not "food valley"
            found.extend(t for _, _, t in terms)
        elif (i == 0 and label == "Cluster" and _cluster_head(m) and (len(words) >= 2 or _ecosystem_word(words[0]))
              and all(w.isalpha() or w in ("&", "-") for w in words)
              and not any(w[1:].isupper() or lex.label_of_head(w) or (w[:1].islower() and w not in ("and", "&"))
                          or re.search(r"(?i)(?:pole|cluster)$", w) for w in words)):
            found.append(phrase.lower())
    return tuple(found)


def _cluster_head(m: re.Match) -> bool:
    """Whether the head a name was read around is a cluster's own ("… Cluster", "… Pole"), not a
    network's or a platform's a cluster may also be called by ("Fundy Ocean Innovation Network").

    >>> _cluster_head(_AROUND.match("Olive Oil Cluster")), _cluster_head(_AROUND.match("Fundy Ocean Network"))
    (True, False)
    """
    head = (m.groupdict().get("head") or "").split()
    return bool(head) and "Cluster" in {load_lexicon().label_of_head(w) for w in (head[0], head[-1])}


def _ecosystem_word(word: str) -> bool:
    """Whether one word maps onto an EU industrial ecosystem ("olive" does, "forestia" does not).

    >>> _ecosystem_word("Olive"), _ecosystem_word("Forestia")
    (True, False)
    """
    from clusternet.ingest.resolve.normalise import sector_ecosystems

    return bool(sector_ecosystems(word.lower()))


def _cue_sentences(ctx) -> list:
    """The sentences, in order, that share a character with a match of ``_CUE_WORDS`` in the view
    (a sentence with a sector cue always does: it holds the cue's word)."""
    sents, keep = ctx.sents, set()
    for m in _CUE_WORDS.finditer(ctx.view):
        i = ctx.sent_at(m.start())
        while i < len(sents) and sents[i].start < m.end():
            if sents[i].end > m.start():
                keep.add(i)
            i += 1
    return [sents[i] for i in sorted(keep)]


class _Sectors:
    """A part's sector entities by normalised wording; called with a wording and its span, the
    sector (made on first use) with one mention per start."""

    def __init__(self):
        self.by_key: dict[str, DocEntity] = {}
        self.starts: dict[str, set[int]] = {}     # where each sector's mentions start

    def __call__(self, wording: str, start: int, end: int) -> DocEntity:
        key = norm(wording)
        e = self.by_key.get(key)
        if e is None:
            e = self.by_key[key] = DocEntity("sector:" + key, "Sector", wording, set(), None, None, [], {}, 0.7)
            self.starts[key] = set()
        if start not in self.starts[key]:
            self.starts[key].add(start)
            e.mentions.append(Mention(start, end, wording, "Sector", "sector", 0.7))
        return e


def find_sectors(ctx, ents) -> tuple[list[DocEntity], list[RawRel]]:
    """Sector entities and ACTIVE_IN relations of one document part."""
    v = ctx.view
    sector = _Sectors()
    sectors = sector.by_key
    rels: list[RawRel] = []
    for ent in ents:
        if ent.label not in ACTORS:
            continue
        for m in ent.mentions:
            # "X is a French textile cluster", "X, the French textile cluster,": the words
            # describing the actor name its sector
            a, b = m.props.get("described") or (0, 0)
            for ta, tb, t in sector_terms(v[a:b]) if b > a else ():
                rels.append(RawRel(ent, "ACTIVE_IN", sector(t, a + ta, a + tb), a + ta, a + tb, 0.7, {"wording": t}))
        for m in ent.mentions[:1]:
            for w in _name_sectors(m.name, ent.label):
                k = fold(v[m.start:m.end]).find(fold(w))
                s, e = (m.start + k, m.start + k + len(w)) if k >= 0 else (m.start, m.end)
                rels.append(RawRel(ent, "ACTIVE_IN", sector(w, s, e), m.start, m.end, 0.7, {"wording": w}))
    occ = sorted(((m.start, e) for e in ents if e.label in ACTORS for m in e.mentions), key=lambda x: x[0])
    ostarts = [s for s, _ in occ]
    parts = [e for e in ents if e.label == "Partnership"]
    main = max(parts, key=lambda e: (len(e.mentions), -e.mentions[0].start), default=None)
    for sent in _cue_sentences(ctx):
        for cm in _CUES.finditer(v, sent.start, sent.end):
            g = next(k for k in "abcde" if cm.group(k))
            gs = cm.start(g)
            phrase = cm.group(g)
            terms = sector_terms(phrase)
            if not terms:
                continue
            # "the X and Y sector": one wording; "focusing on smart and sustainable X": the phrase
            wording = phrase.lower().strip() if len(phrase.split()) <= 6 and g in "ab" else None
            actors = [e for _, e in occ[bisect_left(ostarts, sent.start):bisect_left(ostarts, cm.start())]]
            subj = actors[-1] if actors and g in "ad" else (actors[0] if actors else main)
            if g == "e":  # "the French textile industry": the sector itself, no actor
                for a, b, t in terms:
                    sector(t, gs + a, gs + b)
                continue
            if subj is None:
                continue
            if wording and len(terms) > 1 and not re.search(r"\band\b", wording):
                wording = None
            picks = [(gs, gs + len(phrase), wording)] if wording and len(terms) == 1 and terms[0][2] != wording \
                and len(wording.split()) <= 3 else [(gs + a, gs + b, t) for a, b, t in terms]
            for s, e, w in picks:
                rels.append(RawRel(subj, "ACTIVE_IN", sector(w, s, e), sent.start, sent.end, 0.6, {"wording": w}))
    for e in sectors.values():
        e.confidence = min(0.9, 0.6 + 0.05 * len(e.mentions))
    return list(sectors.values()), rels
