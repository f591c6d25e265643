"""Open the store a URI or path names: the embedded SQLite file or a Neo4j server.

>>> import tempfile, os
>>> s = open_store(os.path.join(tempfile.mkdtemp(), "g.db"))
>>> s.kind
'embedded'
>>> s.close()
"""
from __future__ import annotations

from clusternet.graph.settings import StoreConfig
from clusternet.graph.store.base import GraphStore, WriteSummary

__all__ = ["open_store", "GraphStore", "WriteSummary", "StoreConfig"]


def open_store(uri: str | None = None, *, user: str | None = None, password: str | None = None,
               database: str | None = None, read_only: bool = False, ensure_schema: bool = False,
               env=None) -> GraphStore:
    """Open the store named by ``uri`` (default: ``$CLUSTERNET_STORE``, else ``clusternet.db``).

    A ``neo4j://`` or ``bolt://`` URI opens :class:`Neo4jStore`; anything else is the path of
    an embedded store file.
    """
    cfg = StoreConfig.resolve(uri, user=user, password=password, database=database, env=env)
    if cfg.kind == "neo4j":
        from clusternet.graph.store.neo4j import Neo4jStore

        store: GraphStore = Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database, read_only=read_only)
    else:
        from clusternet.graph.store.sqlite import EmbeddedStore

        store = EmbeddedStore(cfg.uri, read_only=read_only)
    if ensure_schema and not read_only:
        store.ensure_schema()
    return store
