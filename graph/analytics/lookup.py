"""Which node a person means: the one name -> node policy of the CLI, the app and saved queries.

A reference is tried, in order, as an exact id, a name, an acronym, an alias (all compared
without case or accents), then as part of a name. The first step that finds exactly one node
wins; a step that finds several stops the search with the choices listed, so "MTB" or
"Mediterranean Textile" find their partnership and an ambiguous word never picks one at random.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("ptn:mtb", label="Partnership", name="Mediterranean Textile Bridge", acronym="MTB")
>>> G.add_node("org:lyon", label="Organisation", name="Lyon Technical University")
>>> G.add_node("org:lyon-2", label="Cluster", name="Lyon Textile Cluster")
>>> find_node(G, "mtb"), find_node(G, "mediterranean textile")
('ptn:mtb', 'ptn:mtb')
>>> find_node(G, "Lyon")
Traceback (most recent call last):
...
clusternet.graph.errors.NotFound: 'Lyon' names 2 nodes: Lyon Technical University (Organisation), Lyon Textile Cluster (Cluster); give more of the name or the id
"""
from __future__ import annotations

import unicodedata
from typing import Iterable

from clusternet.graph.errors import NotFound

__all__ = ["find_node", "search_nodes", "fold"]

MAX_CHOICES = 6


def fold(text: object) -> str:
    """Text compared without case, accents or repeated spaces.

    >>> fold("  Pôle  Textile ")
    'pole textile'
    """
    norm = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).casefold().split())


def _labels_of(data: dict) -> set[str]:
    labels = data.get("labels") or ()
    return set(labels) | ({data["label"]} if data.get("label") else set())


def _candidates(G, labels: Iterable[str] | None) -> list[tuple[str, dict]]:
    wanted = set(labels or ())
    return [(n, d) for n, d in G.nodes(data=True) if not wanted or wanted & _labels_of(d)]


def _steps(key: str):
    """The tests of the policy, strongest first: name, acronym, alias, part of the name."""
    yield lambda n, d: fold(d.get("name")) == key
    yield lambda n, d: bool(d.get("acronym")) and fold(d.get("acronym")) == key
    yield lambda n, d: key in {fold(a) for a in d.get("aliases") or ()}
    yield lambda n, d: key in fold(d.get("name")) or (bool(d.get("acronym")) and key in fold(d.get("acronym")))


def _describe(G, n: str) -> str:
    d = G.nodes[n]
    return f"{d.get('name') or n} ({d.get('label') or 'node'})"


def find_node(G, ref: str, labels: Iterable[str] | None = None) -> str:
    """The id of the one node ``ref`` names (id, name, acronym, alias, then part of a name).

    Parameters
    ----------
    G : networkx graph whose nodes carry ``name``, ``label``, optionally ``acronym``/``aliases``
    ref : what the person typed
    labels : only nodes with one of these labels (e.g. ``("Partnership",)``)

    Raises
    ------
    NotFound
        when nothing matches, or when the first step that matches finds several nodes (the
        message lists them by name and kind).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("ptn:mtb", label="Partnership", name="Mediterranean Textile Bridge", acronym="MTB")
    >>> G.add_node("org:lyon", label="Cluster", name="Lyon Textile Cluster", aliases=["Techtera"])
    >>> find_node(G, "org:lyon"), find_node(G, "MTB"), find_node(G, "techtera"), find_node(G, "textile b")
    ('org:lyon', 'ptn:mtb', 'org:lyon', 'ptn:mtb')
    >>> find_node(G, "textile", labels=("Cluster",))     # only clusters: one left
    'org:lyon'
    >>> find_node(G, "Rabat")
    Traceback (most recent call last):
    ...
    clusternet.graph.errors.NotFound: no node named 'Rabat' in the store
    """
    wanted = set(labels or ())
    if ref in G and (not wanted or wanted & _labels_of(G.nodes[ref])):
        return ref
    key = fold(ref)
    what = " or ".join(sorted(wanted)) if wanted else "node"
    if not key:
        raise NotFound(f"give the name of a {what}")
    pool = _candidates(G, labels)
    for test in _steps(key):
        hits = sorted(n for n, d in pool if test(n, d))
        if len(hits) == 1:
            return hits[0]
        if hits:
            shown = ", ".join(_describe(G, n) for n in hits[:MAX_CHOICES])
            more = f" and {len(hits) - MAX_CHOICES} more" if len(hits) > MAX_CHOICES else ""
            raise NotFound(f"{ref!r} names {len(hits)} nodes: {shown}{more}; give more of the name or the id")
    raise NotFound(f"no {what} named {ref!r} in the store")


def search_nodes(G, text: str, labels: Iterable[str] | None = None, limit: int = 300) -> list[str]:
    """Ids of nodes whose name, acronym or alias contains ``text``, best matches first, by name.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", name="Lyon Textile Cluster"); G.add_node("b", name="Lyon"); G.add_node("c", name="Rabat")
    >>> search_nodes(G, "lyon")
    ['b', 'a']
    """
    key = fold(text)
    scored = []
    for n, d in _candidates(G, labels):
        names = [fold(d.get("name")), fold(d.get("acronym"))] + [fold(a) for a in d.get("aliases") or ()]
        if key and not any(key in x for x in names if x):
            continue
        exact = 0 if key and key in names else 1
        scored.append((exact, fold(d.get("name") or n), str(n)))
    return [n for _, _, n in sorted(scored)[:limit]]
