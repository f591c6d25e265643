"""Mappings: how the columns of a file become records (the record kinds and ``--map`` files).

A mapping names the records each row yields (``records``: label, properties from
columns) and the relationships between them or to things named in a cell. The built-in
record kinds (``ingest/data/kinds.yaml``: clusters, organisations, smes, partnerships,
programmes, agreements, events, memberships, relationships) are mappings over standard
column names; a ``--map`` file either renames a user's columns onto a kind::

    kind: clusters
    columns: {Cluster name: name, Pays: country, Members: {field: members, split: ";"}}

or describes rows that yield several records (see ``examples/mappings/cordis.yaml``).

>>> m = builtin_mapping("clusters")
>>> m.records["self"].label
'Cluster'
>>> detect_kind(["Name", "Country", "Members", "Coordinator"], "escp.csv")[0]
'partnerships'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from clusternet.graph.errors import InputError
from clusternet.graph.ids import fold
from clusternet.graph.schema import LABEL, load_schema

__all__ = ["Source", "RecordSpec", "EndSpec", "RelSpec", "Mapping", "builtin_mapping", "load_mapping",
           "parse_mapping", "detect_kind", "KINDS", "col_key", "kinds_data", "compile_source"]

KINDS_PATH = Path(__file__).resolve().parents[1] / "data" / "kinds.yaml"


def col_key(name: str) -> str:
    """Header names compare case-, accent- and separator-insensitively.

    >>> col_key("Start_Date"), col_key(" e-mail ")
    ('start date', 'e mail')
    """
    return re.sub(r"[\s_\-]+", " ", fold(str(name))).strip()


@lru_cache(maxsize=1)
def kinds_data() -> dict:
    """The parsed ``kinds.yaml`` (built-in table kinds and their column mappings), read once."""
    with open(KINDS_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


KINDS = tuple(kinds_data()["kinds"])


@dataclass(frozen=True)
class Source:
    """Where a value comes from: ``column``, ``template``, ``value`` or ``first`` (of several)."""

    how: str
    arg: Any
    split: str | None = None
    values: tuple = ()

    def columns(self) -> set[str]:
        """The source columns this value reads (a template's ``{item}`` is not a column).

        >>> sorted(Source("template", "{Name} ({Country}) {item}").columns())
        ['Country', 'Name']
        """
        if self.how == "column":
            return {self.arg}
        if self.how == "template":
            return set(re.findall(r"\{([^{}]+)\}", self.arg)) - {"item"}
        if self.how == "first":
            return set().union(*(s.columns() for s in self.arg))
        return set()


_FIELD = re.compile(r"\{([^{}]+)\}")  # a {column} of a template


def compile_source(src: Source, actual: dict[str, str], splits: dict[str, str]) -> Callable[[dict, Any], Any]:
    """``src`` as a function of (row values, item): headers (``actual``: mapping column ->
    file header) and splits looked up once, as a mapping is applied to every row.

    >>> f = compile_source(Source("template", "H2020 {item} ({Country})"), {"Country": "Pays"}, {})
    >>> f({"Pays": "FR"}, "ERC"), f({"Pays": None}, "ERC")
    ('H2020 ERC (FR)', None)
    """
    if src.how == "value":
        arg = src.arg
        return lambda row, item=None: arg
    if src.how == "first":
        fns = [compile_source(x, actual, splits) for x in src.arg]

        def first(row, item=None):
            """The first of the alternatives that gives a non-empty value, else None."""
            for fn in fns:
                v = fn(row, item)
                if v not in (None, "", []):
                    return v
            return None
        return first
    if src.how == "template":
        parts = _FIELD.split(src.arg)  # literal, field, literal, ..., literal
        lits, names = parts[0::2], parts[1::2]
        fields = [(True, None) if n == "item" else (False, actual.get(n)) for n in names]

        def template(row, item=None):
            """The template filled from the row (and item); None if any field is empty."""
            out = [lits[0]]
            for (is_item, header), lit in zip(fields, lits[1:]):
                v = item if is_item else (row.get(header) if header else None)
                if v is None or v == "":
                    return None  # a template with an empty field gives nothing
                out.append(str(v))
                out.append(lit)
            return "".join(out)
        return template
    header = actual.get(src.arg)
    split = splits.get(src.arg) or src.split
    mapped = dict(src.values) if src.values else None

    def column(row, item=None):
        """The column's value, split into a list and mapped through ``values`` where asked."""
        v = row.get(header) if header else None
        if v is not None and split:
            v = [p.strip() for p in (v if isinstance(v, list) else str(v).split(split)) if str(p).strip()]
        if mapped and isinstance(v, str):
            v = mapped.get(v, v)
        return v
    return column


def parse_source(raw: Any, where: str) -> Source:
    """A :class:`Source` from its form in a mapping file: a column name, a template, a list of
    alternatives, or a dict (``value``, or ``column``/``field`` with ``split`` and ``values``).

    >>> parse_source("Name", "m"), parse_source("{A}-{B}", "m").how, parse_source({"value": 1}, "m").arg
    (Source(how='column', arg='Name', split=None, values=()), 'template', 1)
    """
    if isinstance(raw, str):
        return Source("template", raw) if "{" in raw else Source("column", raw)
    if isinstance(raw, list):
        return Source("first", tuple(parse_source(r, where) for r in raw))
    if isinstance(raw, dict):
        if "value" in raw:
            return Source("value", raw["value"])
        col = raw.get("column") or raw.get("field")
        if col:
            return Source("column", str(col), raw.get("split"),
                          tuple(sorted((raw.get("map") or {}).items())))
    raise InputError(where, f"cannot read value source {raw!r}: use a column name, a template "
                            "'{column}', {value: ...} or {column: ..., split: ';'}")


@dataclass
class RecordSpec:
    name: str
    label: str
    props: dict[str, Source]
    key: dict[str, Source] | None = None
    labels_if: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    each: Source | None = None


@dataclass
class EndSpec:
    """A relationship end: a record of the row, things named in a cell, or countries."""

    how: str                 # record | ref | country
    record: str | None = None
    source: Source | None = None
    labels: tuple[str, ...] = ()
    label_column: str | None = None
    country_column: str | None = None


@dataclass
class RelSpec:
    source: EndSpec
    target: EndSpec
    type: str | None
    type_column: str | None = None
    props: dict[str, Source] = field(default_factory=dict)


@dataclass
class Mapping:
    name: str
    records: dict[str, RecordSpec]
    rels: list[RelSpec]
    required: list[str] = field(default_factory=list)
    rename: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # header key -> (column, split)
    kind: str | None = None
    extra_columns: list[str] = field(default_factory=list)

    def columns(self) -> set[str]:
        """Every column the mapping reads."""
        cols = set(self.required) | set(self.extra_columns)
        for r in self.records.values():
            for s in list(r.props.values()) + list((r.key or {}).values()) + ([r.each] if r.each else []):
                cols |= s.columns()
            cols |= {c for c, _ in r.labels_if.values()}
        for rel in self.rels:
            for e in (rel.source, rel.target):
                if e.source:
                    cols |= e.source.columns()
                cols |= {c for c in (e.label_column, e.country_column) if c}
            cols |= {rel.type_column} - {None}
            for s in rel.props.values():
                cols |= s.columns()
        return cols


def _end(raw: Any, records: dict, where: str) -> EndSpec:
    schema = load_schema()
    if isinstance(raw, str):
        if raw not in records:
            raise InputError(where, f"relationship end {raw!r} is not a record of this mapping "
                                    f"({', '.join(records) or 'none'})")
        return EndSpec("record", record=raw)
    if isinstance(raw, dict) and "country" in raw:
        return EndSpec("country", source=parse_source({"column": raw["country"], "split": raw.get("split")}, where),
                       labels=(LABEL.Country,))
    if isinstance(raw, dict) and "ref" in raw:
        labels = raw.get("label") or list(schema.labels)
        labels = (labels,) if isinstance(labels, str) else tuple(labels)
        for lab in labels:
            schema.node(lab)
        return EndSpec("ref", source=parse_source({"column": raw["ref"], "split": raw.get("split")}, where),
                       labels=labels, label_column=raw.get("label_column"), country_column=raw.get("country_column"))
    raise InputError(where, f"cannot read relationship end {raw!r}")


def parse_mapping(raw: dict, where: str = "mapping", *, name: str | None = None) -> Mapping:
    """Build a :class:`Mapping` from its parsed YAML form (built-in kind or ``--map`` file)."""
    if not isinstance(raw, dict):
        raise InputError(where, "a mapping is a YAML object with `kind` or `records`")
    schema = load_schema()
    if "kind" in raw and "records" not in raw:  # a rename onto a built-in kind
        kind = str(raw["kind"]).strip().lower()
        base = builtin_mapping(kind)
        for user_col, target in (raw.get("columns") or {}).items():
            if isinstance(target, dict):
                std, split = str(target.get("field") or target.get("column")), target.get("split")
            else:
                std, split = str(target), None
            base.rename[col_key(user_col)] = (std, split)
        base.name = name or str(raw.get("description") or f"{kind} (renamed columns)")
        return base
    records = {}
    for rname, spec in (raw.get("records") or {}).items():
        label = spec.get("label")
        if not label:
            raise InputError(where, f"record {rname!r} needs a label")
        schema.node(label)
        props = {p: parse_source(s, where) for p, s in (spec.get("props") or {}).items()}
        known = schema.props_of(label)
        bad = [p for p in props if p not in known and p not in ("acronym",)]
        if bad:
            raise InputError(where, f"record {rname!r}: {label} has no property {bad[0]!r}")
        key = {p: parse_source(s, where) for p, s in (spec.get("key") or {}).items()} or None
        labels_if = {}
        for lab, cond in (spec.get("labels_if") or {}).items():
            schema.node(lab)
            eq = cond.get("equals")
            labels_if[lab] = (cond["column"], tuple(str(e).lower() for e in (eq if isinstance(eq, list) else [eq])))
        each = spec.get("each")
        records[rname] = RecordSpec(rname, label, props, key, labels_if,
                                    parse_source(each, where) if each else None)
    rels = []
    for r in raw.get("relationships") or []:
        type_ = r.get("type")
        if type_:
            schema.rel(type_)
        elif not r.get("type_column"):
            raise InputError(where, f"relationship {r!r} needs a type or type_column")
        rels.append(RelSpec(_end(r["from"], records, where), _end(r["to"], records, where), type_,
                            r.get("type_column"),
                            {p: parse_source(s, where) for p, s in (r.get("props") or {}).items()}))
    if not records and not rels:
        raise InputError(where, "the mapping defines no records and no relationships")
    req = list(raw.get("required") or [])
    for spec in records.values():
        if "name" in spec.props and spec.props["name"].how == "column" and not spec.key:
            req.append(spec.props["name"].arg)
    return Mapping(name or str(raw.get("description") or where), records, rels, list(dict.fromkeys(req)),
                   kind=raw.get("kind"), extra_columns=list(raw.get("extra_columns") or []))


def builtin_mapping(kind: str) -> Mapping:
    """The mapping of a built-in record kind (standard column names)."""
    kinds = kinds_data()["kinds"]
    if kind not in kinds:
        raise InputError(kind, f"unknown record kind; known kinds: {', '.join(kinds)}")
    spec = dict(kinds[kind])
    raw: dict[str, Any] = {"relationships": spec.get("relationships") or [], "required": spec.get("required"),
                           "extra_columns": spec.get("extra_columns")}
    if spec.get("label"):
        raw["records"] = {"self": {"label": spec["label"], "props": spec["props"],
                                   "labels_if": spec.get("labels_if")}}
    m = parse_mapping(raw, f"kind {kind}", name=kind)
    m.kind = kind
    return m


def load_mapping(path: str | Path) -> Mapping:
    """Read a ``--map`` YAML file (plain data only)."""
    from clusternet.ingest.sources.safe_yaml import load_yaml_limited

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read the mapping file ({err})") from None
    data, _ = load_yaml_limited(path, text)
    return parse_mapping(data, str(path), name=path.name)


# -- detecting what a file holds ---------------------------------------------------------

_FILE_HINTS = (("relationship", "relationships"), ("relation", "relationships"), ("link", "relationships"),
               ("membership", "memberships"), ("partnership", "partnerships"), ("project", "partnerships"),
               ("consortium", "partnerships"), ("programme", "programmes"), ("program", "programmes"),
               ("agreement", "agreements"), ("mou", "agreements"), ("event", "events"), ("sme", "smes"),
               ("cluster", "clusters"), ("organisation", "organisations"), ("organization", "organisations"),
               ("org", "organisations"), ("compan", "organisations"))

_HEADER_RULES = (  # (kind, columns any of which decides it), in order
    ("relationships", {"source", "target", "type"}),
    ("memberships", {"member", "partnership"}),
    ("agreements", {"parties", "signed date"}),
    ("events", {"participants", "organiser"}),
    ("partnerships", {"members", "coordinator", "project ref", "budget eur", "targets", "programme"}),
    ("organisations", {"pic", "org type", "employees", "sme"}),
    ("programmes", {"code"}),
)


def standard_columns(columns: list[str]) -> dict[str, str]:
    """Map a file's headers to standard column names (exact, then synonyms)."""
    syn = {col_key(s): std for std, alts in kinds_data()["synonyms"].items() for s in alts}
    out = {}
    for c in columns:
        k = col_key(c)
        std = k.replace(" ", "_") if k.replace(" ", "_") in _all_standard() else syn.get(k)
        if std and std not in out.values():
            out[c] = std
    return out


@lru_cache(maxsize=1)
def _all_standard() -> frozenset[str]:
    return frozenset(c for k in KINDS for c in builtin_mapping(k).columns())


def detect_kind(columns: list[str], filename: str = "") -> tuple[str, str]:
    """``(kind, why)`` from a file's headers and name; :class:`InputError` if it cannot tell."""
    std = set(standard_columns(columns).values())
    keys = {s.replace("_", " ") for s in std}
    stem = fold(Path(filename).name)
    for hint, kind in _FILE_HINTS:
        if hint in stem:  # missing required columns are then reported as such
            return kind, f"from the file name ({hint!r})"
    for kind, cols in _HEADER_RULES:
        hit = sorted(keys & cols)
        if hit:
            return kind, f"from the column{'s' if len(hit) > 1 else ''} {', '.join(hit)}"
    raise InputError(filename, "cannot tell which records this file holds (columns: "
                               f"{', '.join(columns[:8])}); name the file after its kind "
                               f"(e.g. clusters.csv) or pass --kind ({', '.join(KINDS)})")
