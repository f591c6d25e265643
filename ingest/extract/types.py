"""The typed result of extraction (the JSON contract is made from it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clusternet.graph.model import Evidence

__all__ = ["Entity", "Relation", "Fact", "DocInfo", "Extraction"]


@dataclass
class Entity:
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    region: str | None = None
    props: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "name": self.name, "aliases": sorted(self.aliases),
                "country": self.country, "region": self.region, "props": self.props,
                "confidence": round(self.confidence, 3),
                "evidence": [{"document": e.document, "start": e.start, "end": e.end, "text": e.text}
                             for e in self.evidence]}


@dataclass
class Relation:
    source: str
    type: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"source": self.source, "type": self.type, "target": self.target, "props": self.props,
                "confidence": round(self.confidence, 3),
                "evidence": [{"document": e.document, "start": e.start, "end": e.end, "text": e.text}
                             for e in self.evidence]}


@dataclass
class Fact:
    subject: str
    measure: str
    country: str | None
    value: float | int
    unit: str | None = None
    confidence: float = 0.6
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"subject": self.subject, "measure": self.measure, "country": self.country, "value": self.value,
                "unit": self.unit, "confidence": round(self.confidence, 3),
                "evidence": [{"document": e.document, "start": e.start, "end": e.end, "text": e.text}
                             for e in self.evidence]}


@dataclass
class DocInfo:
    id: str
    name: str
    sha256: str
    chars: int
    source: str = ""
    media_type: str = "text/plain"
    warnings: list[str] = field(default_factory=list)
    language: str | None = None

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "sha256": self.sha256, "chars": self.chars,
                "source": self.source, "media_type": self.media_type, "language": self.language,
                "warnings": list(self.warnings)}


@dataclass
class Extraction:
    documents: list[DocInfo] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # document id -> text (for graph records)

    def as_dict(self) -> dict:
        """The JSON contract of ``clusternet extract --format json``."""
        return {"documents": [d.as_dict() for d in self.documents],
                "entities": [e.as_dict() for e in self.entities],
                "relations": [r.as_dict() for r in self.relations],
                "facts": [f.as_dict() for f in self.facts]}
