"""Relations of the names listed inside a sentence after a cue that says what they are.

News and reports often run a list on in one sentence: "The 22 clusters participating are
the following: fashion (A), water (B) …", "The consortium comprises A, B and C", "signed
by A, B and C". Every actor of the run takes the relation the cue names (the cue words of
list blocks, ``list_block_cues`` in the lexicon), to the group the sentence names before
the list, else to the document's main one of that kind (see :mod:`.listblocks` for the same
lists written one item per line).

>>> from clusternet.ingest.extract.mentions import build_context
>>> from clusternet.ingest.extract.finders import find_mentions
>>> from clusternet.ingest.extract.resolve import resolve_mentions
>>> text = ("The Atlantic Cluster Conference took place in Porto.\\n\\nThe clusters participating were the following: "
...         "Alpha Marine Cluster, Beta Port Cluster and Gamma Sea Cluster.")
>>> ctx = build_context(text); ents = resolve_mentions(find_mentions(text, ctx))
>>> sorted((r.source.name, r.type, r.target.name) for r in inline_list_relations(ctx, ents))[:2]
[('Alpha Marine Cluster', 'PARTICIPATED_IN', 'Atlantic Cluster Conference'), ('Beta Port Cluster', 'PARTICIPATED_IN', 'Atlantic Cluster Conference')]
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re

from clusternet.ingest.extract.cuelists import Occ, list_end
from clusternet.ingest.extract.listblocks import ACTORS, ORDER, TARGET_LABELS, Mains, cue_patterns
from clusternet.ingest.extract.mainref import membership_type, title_end
from clusternet.ingest.extract.raw import RawRel

__all__ = ["inline_list_relations", "links_to_list"]

MAX_GAP = 60             # characters between the cue and the first name of its list
MIN_ITEMS = 2
# what may stand between a cue and its list: a verb of being or including, "the following",
# punctuation, and a lower-case descriptor of the first item ("fashion (A), water (B)")
_LIST_VERBS = r"are|were|is|was|include[sd]?|including|comprised?|comprises|namely|such\s+as"
_LINK = re.compile(
    r"(?i)\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?:(?:" + _LIST_VERBS + r"|as\s+follows|"
    r"the\s+following|following|ones|entities|organi[sz]ations|:|,|-|–|—)\s*)*"
    r"(?:the\s+)?(?:[a-z][\w’'&-]*(?:\s+[a-z][\w’'&-]*){0,3}\s*\(\s*"
    r"|(?-i:[A-Z][a-z]+\s+(?:[a-z][\w’'&-]*(?<!ed)\s+){1,3}))?$")     # "include the Spanish recycler A, …"


def links_to_list(gap: str) -> bool:
    """Whether ``gap`` (the text from a cue to the first name after it) only introduces a list.

    >>> links_to_list(" are the following: fashion ("), links_to_list(" met the mayor of ")
    (True, False)
    """
    return len(gap) <= MAX_GAP and _LINK.match(gap) is not None and (any(c in gap for c in ":,(") or _verb(gap))


def _verb(gap: str) -> bool:
    """A verb that opens a list ("were", "include"), as opposed to bare juxtaposition."""
    return re.search(r"(?i)\b(?:" + _LIST_VERBS + r")\b", gap) is not None


def inline_list_relations(ctx, ents) -> list[RawRel]:
    """The relations of every cue-introduced list inside a sentence (see the module doc)."""
    occ = Occ(ents, title_end(ctx))
    mains = Mains(ents, ctx)
    out: list[RawRel] = []
    for sent in ctx.sents:
        if len(occ.within(sent.start, sent.end, ACTORS)) < MIN_ITEMS:
            continue
        for typ, cue_end, items in _runs(ctx.view, sent.start, sent.end, occ):
            target = _target(typ, sent.start, cue_end, occ, mains, ctx.view)
            if target is None:
                continue
            if typ == "MEMBER_OF":
                typ = membership_type(target)
            out.extend(RawRel(a, typ, target, sent.start, sent.end, 0.6) for a in items if a is not target)
    return out


def _runs(v: str, lo: int, hi: int, occ) -> list[tuple[str, int, list]]:
    """(relation type, cue end, actors) of each list in ``v[lo:hi]`` a cue introduces; where
    several cues precede one list, the nearest one names it."""
    best: dict[int, tuple[int, str]] = {}
    for typ in ORDER:
        for m in cue_patterns()[typ].finditer(v, lo, hi):
            if occ.in_name(m.start(), m.end()):
                continue
            first = occ.within(m.end(), hi, ACTORS)
            if first and links_to_list(v[m.end():first[0][0]]):
                start = first[0][0]
                if start not in best or m.end() > best[start][0]:
                    best[start] = (m.end(), typ)
    out = []
    for start, (cue_end, typ) in sorted(best.items()):
        items = _items(v, occ.within(start, list_end(v, start, hi), ACTORS))
        if len({id(a) for a in items}) >= MIN_ITEMS:
            out.append((typ, cue_end, items))
    return out


_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|us)\b")
# the page's cluster named by its own bodies or by its kind: "the board approved …", "the cluster welcomed …"
_OWN_BODY = re.compile(r"(?i)\b(?:the|its)\s+(?:(?:management\s+|executive\s+)?board|general\s+assembly|steering\s+committee|"
                       r"cluster|network|association)\b")
_AGENT = re.compile(r"(?i)\b(?:by|par|por|da)\s+(?:the\s+)?$")


def _items(v: str, run: list) -> list:
    """The entities of a list run but those named as an agent inside it ("B hosted by C": C
    is no item).

    >>> _items("A, B hosted by C", [(0, 1, "A"), (3, 4, "B"), (15, 16, "C")])
    ['A', 'B']
    """
    out, prev_end = [], None
    for s, e, ent in run:
        if prev_end is None or not _AGENT.search(v, prev_end, s):
            out.append(ent)
        prev_end = e
    return out


def _target(typ: str, lo: int, cue_end: int, occ, mains, v: str = ""):
    """The group the sentence names before the list, else the document's main one of the
    kind (a member list needs its owner named, or the page's own cluster speaking: "We welcome
    three new members: …", "The board approved four new members: …")."""
    labels = TARGET_LABELS[typ] + (("Partnership",) if typ == "MEMBER_OF" else ())
    named = occ.within(lo, cue_end, labels)
    if named:
        return named[-1][2]
    if typ == "MEMBER_OF":
        return mains.titled("Cluster") if _FIRST_PERSON.search(v, lo, cue_end) or _OWN_BODY.search(v, lo, cue_end) else None
    if typ == "PARTNER_IN":
        return mains.section("Partnership", lo) or mains.consortium()
    return mains[TARGET_LABELS[typ][0]]
