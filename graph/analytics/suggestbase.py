"""Shared machinery of the suggesters (:mod:`clusternet.graph.analytics.suggest` and
:mod:`clusternet.graph.analytics.crossborder`): the link index of a graph built once
(:func:`prepare`), the shipped model, topic words of an organisation and the organisations
closest in profile.
"""
from __future__ import annotations

import weakref

import numpy as np

from clusternet.graph.analytics.linkpred import CollabIndex, index_from_graph, org_topics
from clusternet.graph.store.base import is_snapshot

__all__ = ["prepare", "model_or_shipped", "topic_vector", "top_content", "index_topics", "SCORE_ALL_BELOW"]

SCORE_ALL_BELOW = 5000        # small graphs: score every organisation, no candidate generation
_CACHE: dict = {}          # one graph's index at a time
_BY_SNAPSHOT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # one snapshot's index
_MODEL: dict = {}


def prepare(G) -> CollabIndex:
    """The link index of ``G``, built once and reused while ``G`` is the same graph.

    A store snapshot (read-only) is recognised as the same object; any other graph by its
    identity and size, counted on each call.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership")
    >>> for o in "ab":
    ...     G.add_node(o, label="Cluster")
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> idx = prepare(G)
    >>> idx.ids, prepare(G) is idx
    (['a', 'b'], True)
    >>> G.add_node("c", label="Cluster")
    >>> prepare(G) is idx, prepare(G).ids             # the graph grew: a new index
    (False, ['a', 'b', 'c'])
    """
    if is_snapshot(G):
        idx = _BY_SNAPSHOT.get(G)
        if idx is None:
            _BY_SNAPSHOT.clear()
            idx = _BY_SNAPSHOT[G] = index_from_graph(G)
        return idx
    key = (id(G), G.number_of_nodes(), G.number_of_edges())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = index_from_graph(G)
    return _CACHE[key]


def model_or_shipped(model):
    """``model``, or the shipped model (``graph/data/linkmodel.npz``) loaded once.

    >>> model_or_shipped("my model")
    'my model'
    >>> shipped = model_or_shipped(None)
    >>> type(shipped).__name__, model_or_shipped(None) is shipped
    ('LinkModel', True)
    """
    if model is not None:
        return model
    from clusternet.graph.analytics.recommender import load_model
    if "model" not in _MODEL:
        _MODEL["model"] = load_model()
    return _MODEL["model"]


def topic_vector(idx: CollabIndex, words) -> np.ndarray:
    """Unit vector over the index's topic words counting ``words``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership")
    >>> for o, s in [("a", "Textile"), ("b", "Tourism")]:
    ...     G.add_node(o, label="Cluster", sectors=[s])
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> idx = prepare(G)
    >>> idx.topics
    ['ecosystem:textile', 'ecosystem:tourism', 'sector:textile', 'sector:tourism']
    >>> topic_vector(idx, ["sector:textile", "ecosystem:textile", "not a topic"]).round(3).tolist()
    [0.707, 0.0, 0.707, 0.0]
    """
    pos = {t: i for i, t in enumerate(idx.topics)}
    vec = np.zeros(idx.P.shape[1])
    for w in words:
        if w in pos:
            vec[pos[w]] += 1.0
    n = np.linalg.norm(vec)
    return vec / n if n > 0 else vec


def top_content(idx: CollabIndex, prof: np.ndarray, valid: np.ndarray, n: int = 300) -> np.ndarray:
    """The ``n`` valid organisations whose sector/programme profile is closest to ``prof``.

    A and C work in textile, B in tourism; A is not valid (a member, say):

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership")
    >>> for o, s in [("a", "Textile"), ("b", "Tourism"), ("c", "Textile")]:
    ...     G.add_node(o, label="Cluster", sectors=[s])
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> idx = prepare(G)
    >>> valid = np.array([o != "a" for o in idx.ids])
    >>> [idx.ids[i] for i in top_content(idx, topic_vector(idx, ["sector:textile"]), valid)]
    ['c']
    """
    sim = np.where(valid, np.asarray(idx.P @ prof).ravel(), 0.0)
    hits = np.flatnonzero(sim > 0)
    if len(hits) > n:
        hits = hits[np.argpartition(-sim[hits], n - 1)[:n]]
    return np.sort(hits)


def index_topics(G, idx: CollabIndex, node: str) -> list[str]:
    """:func:`org_topics` of ``node``, read from the index for the organisations it holds
    (computed once per snapshot when the index was built).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", label="Partnership")
    >>> for o, s in [("a", "Textile"), ("b", "Tourism")]:
    ...     G.add_node(o, label="Cluster", sectors=[s])
    ...     _ = G.add_edge(o, "p", key="PARTNER_IN")
    >>> index_topics(G, prepare(G), "a")
    ['ecosystem:textile', 'sector:textile']
    """
    i = idx.pos.get(node)
    return idx.topics_of(i) if i is not None else org_topics(G, node)
