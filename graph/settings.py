"""Settings as small value objects. The environment is read only when asked, never at import.

>>> cfg = StoreConfig.resolve("bolt://127.0.0.1:7687", env={"NEO4J_PASSWORD": "pw"})
>>> cfg.kind, cfg.user, cfg.database
('neo4j', 'neo4j', None)
>>> StoreConfig.resolve(None, env={}).uri
'clusternet.db'
>>> print(StoreConfig.resolve("bolt://u:secret@host:7687", env={}).safe_uri)
bolt://host:7687
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlsplit

from clusternet.graph.errors import ConfigError

__all__ = ["StoreConfig", "DEFAULT_STORE", "NEO4J_SCHEMES"]

DEFAULT_STORE = "clusternet.db"
NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives: a file path (embedded) or a Neo4j URI with credentials."""

    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None

    @property
    def kind(self) -> str:
        """``"neo4j"`` for a bolt/neo4j URI (any variant), else ``"embedded"`` (a SQLite file)."""
        scheme = self.uri.split("://", 1)[0].lower() if "://" in self.uri else ""
        return "neo4j" if scheme in NEO4J_SCHEMES else "embedded"

    @property
    def safe_uri(self) -> str:
        """The URI without any credentials, fit for messages and logs."""
        if self.kind != "neo4j":
            return self.uri
        parts = urlsplit(self.uri)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{host}{port}"

    @classmethod
    def resolve(cls, uri: str | None = None, *, user: str | None = None, password: str | None = None,
                database: str | None = None, env: Mapping[str, str] | None = None) -> "StoreConfig":
        """Flags first, then CLUSTERNET_STORE / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE."""
        env = os.environ if env is None else env
        uri = uri or env.get("CLUSTERNET_STORE") or DEFAULT_STORE
        if "://" in uri:
            scheme = uri.split("://", 1)[0].lower()
            if scheme not in NEO4J_SCHEMES and scheme != "file":
                raise ConfigError(f"unknown store URI scheme {scheme!r}: use a file path, or one of "
                                  + ", ".join(f"{s}://" for s in NEO4J_SCHEMES))
            if scheme == "file":
                uri = uri.split("://", 1)[1]
        cfg = cls(uri)
        if cfg.kind == "neo4j":
            parts = urlsplit(uri)
            cfg = cls(uri, user or parts.username or env.get("NEO4J_USER") or "neo4j",
                      password or parts.password or env.get("NEO4J_PASSWORD"),
                      database or env.get("NEO4J_DATABASE") or None)
            if cfg.password is None:
                raise ConfigError(f"no password for {cfg.safe_uri}: set NEO4J_PASSWORD or pass --password")
        return cfg
