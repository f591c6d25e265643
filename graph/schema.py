"""The graph model loaded from ``schema.yaml``, and everything generated from it.

>>> s = load_schema()
>>> "Cluster" in s.labels and "PARTNER_IN" in s.rel_types
True
>>> s.node("SME").all_labels
('Organisation', 'SME')
>>> s.allows("Cluster", "PARTNER_IN", "Partnership")
True
>>> s.allows("Country", "PARTNER_IN", "Partnership")
False
>>> is_a("SME", "Organisation"), is_a("Cluster", "Organisation")
(True, False)
>>> sorted(group("organisations"))
['Cluster', 'Organisation', 'SME']
>>> LABEL.Partnership, REL.PARTNER_IN
('Partnership', 'PARTNER_IN')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from clusternet.graph.errors import SchemaError

__all__ = ["Schema", "NodeType", "RelType", "PropSpec", "LabelGroup", "load_schema", "SCHEMA_PATH",
           "check_value", "readme_table", "is_a", "group", "LABEL", "REL"]

SCHEMA_PATH = Path(__file__).with_name("schema.yaml")
_IDENT = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TYPES = {"str", "int", "float", "bool", "date", "list[str]"}


@dataclass(frozen=True)
class PropSpec:
    name: str
    type: str
    required: bool = False
    indexed: bool = False
    description: str = ""
    keep_first: bool = False  # once set, later writes do not change it (e.g. ingested_at)


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    id_prefix: str
    caption: str
    color: str
    properties: dict[str, PropSpec]
    extends: str | None = None
    matchable: bool = True  # False: found by its key, never matched by name

    @property
    def all_labels(self) -> tuple[str, ...]:
        """The labels a node of this type carries (an SME is also an Organisation)."""
        return (self.extends, self.label) if self.extends else (self.label,)


@dataclass(frozen=True)
class RelType:
    type: str
    description: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: dict[str, PropSpec] = field(default_factory=dict)
    phrase: str = ""  # the type in plain words ("partner in"), for people reading a page

    @property
    def words(self) -> str:
        """The plain words for this relationship (its phrase, else the type in lower case)."""
        return self.phrase or self.type.replace("_", " ").lower()


@dataclass(frozen=True)
class LabelGroup:
    name: str
    description: str
    labels: frozenset[str]


@dataclass(frozen=True)
class Schema:
    version: int
    nodes: dict[str, NodeType]
    rels: dict[str, RelType]
    provenance: dict[str, PropSpec]
    groups: dict[str, LabelGroup] = field(default_factory=dict)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every node label the schema declares, in its order."""
        return tuple(self.nodes)

    @property
    def rel_types(self) -> tuple[str, ...]:
        """Every relationship type the schema declares, in its order."""
        return tuple(self.rels)

    def node(self, label: str) -> NodeType:
        """The declaration of node label ``label``; raises :class:`SchemaError` for an unknown one."""
        try:
            return self.nodes[label]
        except KeyError:
            raise SchemaError(f"unknown label {label!r}; known: {', '.join(self.nodes)}") from None

    def rel(self, type_: str) -> RelType:
        """The declaration of relationship type ``type_``; raises :class:`SchemaError` for an unknown one."""
        try:
            return self.rels[type_]
        except KeyError:
            raise SchemaError(f"unknown relationship type {type_!r}; known: {', '.join(self.rels)}") from None

    def is_a(self, label: str, parent: str) -> bool:
        """Whether ``label`` is ``parent`` or extends it (an SME is an Organisation); an
        unknown ``label`` is not anything."""
        nt = self.nodes.get(label)
        while nt is not None:
            if nt.label == parent:
                return True
            nt = self.nodes.get(nt.extends) if nt.extends else None
        return False

    def root(self, label: str) -> str:
        """The type ``label`` is a kind of, at the top of its ``extends`` chain: the label
        records are matched and indexed under (``Organisation`` for ``SME``)."""
        nt = self.node(label)
        while nt.extends:
            nt = self.nodes[nt.extends]
        return nt.label

    def group(self, name: str) -> frozenset[str]:
        """The labels of the group ``name`` (``groups:`` in schema.yaml)."""
        try:
            return self.groups[name].labels
        except KeyError:
            raise SchemaError(f"unknown label group {name!r}; known: {', '.join(self.groups)}") from None

    def id_prefix(self, label: str) -> str:
        """The id prefix of ``label``'s nodes, inherited along ``extends`` (SME: ``org``)."""
        nt = self.node(label)
        while not nt.id_prefix and nt.extends:
            nt = self.nodes[nt.extends]
        return nt.id_prefix or label.lower()

    def id_prefixes(self) -> frozenset[str]:
        """Every id prefix of the schema's node types (``cluster``, ``org``, ``doc``...)."""
        return frozenset(self.id_prefix(label) for label in self.nodes)

    @cached_property
    def specific_labels(self) -> frozenset[str]:
        """Labels that extend another: a node carrying one is best named by it."""
        return frozenset(label for label, nt in self.nodes.items() if nt.extends)

    def props_of(self, label: str) -> dict[str, PropSpec]:
        """All properties a node of ``label`` may have, inherited ones included."""
        nt = self.node(label)
        props = dict(self.nodes[nt.extends].properties) if nt.extends else {}
        props.update(nt.properties)
        return props

    def allows(self, src_label: str, type_: str, dst_label: str) -> bool:
        """Whether the schema allows ``(src)-[type]->(dst)``; an SME counts as an Organisation."""
        rt = self.rel(type_)
        return bool(set(self.node(src_label).all_labels) & set(rt.sources)) and bool(
            set(self.node(dst_label).all_labels) & set(rt.targets))

    def indexed_properties(self) -> list[tuple[str, str]]:
        """(label, property) pairs the stores index, in schema order."""
        out = []
        for label, nt in self.nodes.items():
            for p in nt.properties.values():
                if p.indexed:
                    out.append((label, p.name))
        return out


def _props(raw: dict | None, where: str) -> dict[str, PropSpec]:
    out = {}
    for name, spec in (raw or {}).items():
        spec = spec or {}
        typ = spec.get("type", "str")
        if typ not in TYPES:
            raise SchemaError(f"{where}.{name}: unknown property type {typ!r}")
        out[name] = PropSpec(name, typ, bool(spec.get("required")), bool(spec.get("indexed")),
                             spec.get("description", ""), bool(spec.get("keep_first")))
    return out


def parse_schema(raw: dict) -> Schema:
    """Build a :class:`Schema` from the parsed YAML, checking it is consistent."""
    nodes = {}
    for label, spec in raw["nodes"].items():
        if not _IDENT.match(label):
            raise SchemaError(f"label {label!r} is not a valid identifier")
        nodes[label] = NodeType(label, spec.get("description", ""), spec.get("id_prefix", ""),
                                spec.get("caption", "name"), spec.get("color", "#999999"),
                                _props(spec.get("properties"), label), spec.get("extends"),
                                bool(spec.get("matchable", True)))
    for nt in nodes.values():
        if nt.extends and nt.extends not in nodes:
            raise SchemaError(f"{nt.label} extends unknown label {nt.extends}")
    rels = {}
    for type_, spec in raw["relationships"].items():
        if not _IDENT.match(type_):
            raise SchemaError(f"relationship type {type_!r} is not a valid identifier")
        ends = tuple(spec["from"]), tuple(spec["to"])
        for end in ends[0] + ends[1]:
            if end not in nodes:
                raise SchemaError(f"{type_}: unknown end label {end}")
        rels[type_] = RelType(type_, spec.get("description", ""), ends[0], ends[1],
                              _props(spec.get("properties"), type_), spec.get("phrase", ""))
    return Schema(int(raw.get("version", 1)), nodes, rels, _props(raw.get("provenance"), "provenance"),
                  _groups(raw.get("groups"), nodes))


def _groups(raw: dict | None, nodes: dict[str, NodeType]) -> dict[str, LabelGroup]:
    """The ``groups:`` section, each group's labels checked against the node types."""
    out = {}
    for name, spec in (raw or {}).items():
        labels = frozenset((spec or {}).get("labels") or ())
        unknown = sorted(labels - set(nodes))
        if unknown or not labels:
            raise SchemaError(f"group {name}: unknown labels {', '.join(unknown)}" if unknown
                              else f"group {name} has no labels")
        out[name] = LabelGroup(name, (spec or {}).get("description", ""), labels)
    return out


@lru_cache(maxsize=4)
def load_schema(path: str | Path = SCHEMA_PATH) -> Schema:
    """Load and check the schema (cached)."""
    with open(path, encoding="utf-8") as fh:
        return parse_schema(yaml.safe_load(fh))


def is_a(label: str, parent: str) -> bool:
    """:meth:`Schema.is_a` on the project's schema."""
    return load_schema().is_a(label, parent)


def group(name: str) -> frozenset[str]:
    """:meth:`Schema.group` on the project's schema: the labels of a group."""
    return load_schema().group(name)


class _Names:
    """The names of the schema's node labels or relationship types as attributes
    (``LABEL.Partnership``), so a misspelt name fails loudly instead of matching nothing."""

    def __init__(self, kind: str):
        self._kind = kind

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):  # copy/pickle probing, not a schema name
            raise AttributeError(name)
        s = load_schema()
        known = s.nodes if self._kind == "label" else s.rels
        if name not in known:
            raise SchemaError(f"unknown {self._kind} {name!r}; known: {', '.join(known)}")
        setattr(self, name, name)  # found once, a plain attribute from then on
        return name


LABEL = _Names("label")
REL = _Names("relationship type")


def check_value(spec: PropSpec, value: Any) -> tuple[Any, str | None]:
    """Coerce ``value`` to the property's type. Returns (value, None) or (None, reason).

    >>> check_value(PropSpec("members", "int"), "120")
    (120, None)
    >>> check_value(PropSpec("members", "int"), "many")
    (None, "expected a whole number, got 'many'")
    >>> check_value(PropSpec("start_date", "date"), "2018-11-19")
    ('2018-11-19', None)
    """
    t = spec.type
    check = _CHECKS.get(t)
    if check is not None:
        try:
            return check(value)
        except (TypeError, ValueError):
            pass
    return None, f"expected {t}, got {value!r}"


def _check_str(value: Any) -> tuple[Any, str | None]:
    """Any scalar as text; a mapping or collection is refused."""
    if isinstance(value, (dict, list, tuple, set)):
        return None, f"expected text, got {type(value).__name__}"
    return str(value), None


def _check_int(value: Any) -> tuple[Any, str | None]:
    """A whole number, also from text with thousands separators or a whole float."""
    if isinstance(value, bool):
        return None, f"expected a whole number, got {value!r}"
    if isinstance(value, float) and value.is_integer():
        return int(value), None
    if isinstance(value, int):
        return value, None
    text = str(value).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text), None
    return None, f"expected a whole number, got {value!r}"


def _check_float(value: Any) -> tuple[Any, str | None]:
    """A finite number (text may hold thousands commas); a bool is refused."""
    if isinstance(value, bool):
        return None, f"expected a number, got {value!r}"
    f = float(str(value).strip().replace(",", "")) if not isinstance(value, (int, float)) else float(value)
    if f != f or f in (float("inf"), float("-inf")):
        return None, f"expected a finite number, got {value!r}"
    return f, None


def _check_bool(value: Any) -> tuple[Any, str | None]:
    """A bool, also from the usual words and letters (true/yes/1/y/t, false/no/0/n/f)."""
    if isinstance(value, bool):
        return value, None
    text = str(value).strip().lower()
    if text in {"true", "yes", "1", "y", "t"}:
        return True, None
    if text in {"false", "no", "0", "n", "f"}:
        return False, None
    return None, f"expected true/false, got {value!r}"


def _check_date(value: Any) -> tuple[Any, str | None]:
    """A date as text YYYY[-MM[-DD]]; a date/datetime object or timestamp text is cut to its date."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    text = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
    if _DATE.match(text):
        return text, None
    return None, f"expected a date YYYY[-MM[-DD]], got {value!r}"


def _check_list(value: Any) -> tuple[Any, str | None]:
    """A list of texts (one text makes a list of one); empty items are dropped."""
    items = [value] if isinstance(value, str) else list(value)
    out = []
    for item in items:
        if isinstance(item, (dict, list, tuple, set)):
            return None, "expected a list of texts"
        if item is not None and str(item).strip():
            out.append(str(item))
    return out, None


_CHECKS = {"str": _check_str, "int": _check_int, "float": _check_float, "bool": _check_bool,
           "date": _check_date, "list[str]": _check_list}


def readme_table(schema: Schema | None = None) -> str:
    """The Markdown schema table for the README (generated; CI checks it has not drifted)."""
    s = schema or load_schema()
    lines = ["| label | key | properties | description |", "|---|---|---|---|"]
    for label, nt in s.nodes.items():
        props = ", ".join(f"`{p.name}`{'*' if p.required else ''}" for p in nt.properties.values())
        if nt.extends:
            props = f"all of {nt.extends}" + (f", {props}" if props else "")
            label_text = f"{nt.extends}:{label}"
        else:
            label_text = label
        lines.append(f"| {label_text} | `id` | {props} | {nt.description} |")
    lines += ["", "| relationship | from | to | properties | description |", "|---|---|---|---|---|"]
    for t, rt in s.rels.items():
        props = ", ".join(f"`{p}`" for p in rt.properties) or "–"
        lines.append(f"| {t} | {', '.join(rt.sources)} | {', '.join(rt.targets)} | {props} | {rt.description} |")
    prov = ", ".join(f"`{p}`" for p in s.provenance)
    lines += ["", f"Every node and relationship also carries the provenance properties {prov}; "
              "`*` marks a required property."]
    return "\n".join(lines)
