"""The name index of entity resolution: known entities by folded name, alias, acronym,
external key and name block, and the family (schema root label) they are matched under.

:class:`NameIndex` is what :func:`clusternet.ingest.resolve.matching.resolve` looks names up in.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from clusternet.graph.model import Node
from clusternet.graph.schema import load_schema
from clusternet.ingest.resolve.normalise import initials, is_acronym, name_key

__all__ = ["NameIndex", "family", "STRONG_KEYS"]

STRONG_KEYS = ("pic", "project_ref")


def family(label: str) -> str:
    """The label a node is matched under: the top of its ``extends`` chain in the schema
    (an SME is matched among Organisations); a label the schema does not know, itself.

    >>> family("SME"), family("Cluster"), family("Widget")
    ('Organisation', 'Cluster', 'Widget')
    """
    schema = load_schema()
    return schema.root(label) if label in schema.nodes else label


@dataclass
class _Entry:
    id: str
    family: str
    name: str
    keys: set[str]
    country: str | None
    strong: dict[str, str]
    acronyms: set[str]


class _View:
    def __init__(self):
        self.by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.by_acronym: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.by_initials: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.blocks: dict[tuple[str, str | None, str], list[str]] = defaultdict(list)
        self.families: set[str] = set()

    def add(self, e: _Entry) -> None:
        """Index an entry under its name keys, name blocks, initials and acronyms."""
        self.families.add(e.family)
        for k in e.keys:
            self.by_key[(e.family, k)].add(e.id)
            self.blocks[(e.family, e.country, k.split(" ")[0][:4])].append(e.id)
            if " " in k:
                ini = initials(k)
                if len(ini) >= 2:
                    self.by_initials[(e.family, ini)].add(e.id)
        for a in e.acronyms:
            self.by_acronym[(e.family, a)].add(e.id)


class NameIndex:
    """Known entities by folded name, alias, acronym, external key and block."""

    def __init__(self):
        self.by_id: dict[str, _Entry] = {}
        self.alias_id: dict[str, str] = {}
        self.by_strong: dict[tuple[str, str, str], str] = {}
        # two views: every entry, and entries without an external key (what a keyed record
        # may match by name: two different keys are never the same thing)
        self.views = {False: _View(), True: _View()}
        self.known: dict[str, str] = {}                      # id -> name, every entry
        self.pending: dict[str, list[Node]] = defaultdict(list)  # keyed nodes not yet name-indexed

    def add(self, node: Node) -> None:
        """Make ``node`` findable; nodes without a name, or already known, are skipped.

        A node with an external key (PIC, project reference) is indexed by that key at once
        and by name only when :meth:`ensure` asks for its family.
        """
        p = node.props
        name = p.get("name")
        if not name or node.id in self.known:
            return
        fam = family(node.label)
        self.known[node.id] = name
        for a in p.get("aliases", []):
            if isinstance(a, str) and ":" in a and " " not in a:
                self.alias_id[a] = node.id  # an id a merge folded into this node
        strong = {k: str(p[k]) for k in STRONG_KEYS if p.get(k)}
        if strong:
            # name keys of keyed records are only needed when an unkeyed record of the same
            # family asks: computing them lazily keeps a 35,000-organisation file fast
            for k, v in strong.items():
                self.by_strong[(fam, k, v)] = node.id
            self.pending[fam].append(node)
            return
        self._add_full(node, fam)

    def ensure(self, fams) -> None:
        """Name-index the keyed nodes of families ``fams`` still waiting for it."""
        for f in fams:
            for node in self.pending.pop(f, []):
                self._add_full(node, f)

    def _add_full(self, node: Node, fam: str) -> None:
        p = node.props
        name = p.get("name")
        names = [name] + [a for a in p.get("aliases", []) if a and ":" not in a]
        keys = {name_key(n) for n in names} - {""}
        acr = {n.upper() for n in names if is_acronym(n)} | ({p["acronym"].upper()} if p.get("acronym") else set())
        strong = {k: str(p[k]) for k in STRONG_KEYS if p.get(k)}
        e = _Entry(node.id, fam, name, keys, p.get("country"), strong, acr)
        self.by_id[node.id] = e
        for a in p.get("aliases", []):
            if isinstance(a, str) and ":" in a and " " not in a:
                self.alias_id[a] = node.id  # an id a merge folded into this node
        for k, v in strong.items():
            self.by_strong[(fam, k, v)] = node.id
        for view in ([self.views[False]] if strong else [self.views[False], self.views[True]]):
            view.add(e)

    @classmethod
    def from_store(cls, store, labels: Iterable[str]) -> "NameIndex":
        """An index of the stored nodes of ``labels`` (empty without a store)."""
        idx = cls()
        if store is None:
            return idx
        for label in sorted(set(labels)):
            for n in store.find_nodes(label):
                idx.add(n)
        return idx
