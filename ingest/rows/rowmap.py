"""Rows to records: apply a :class:`~clusternet.ingest.mapping.Mapping` to one row.

Values are normalised on the way (countries, names and legal forms, web sites, e-mails,
sectors onto ecosystems, types from the schema); everything wrong with a row comes back
as :class:`Problem` s naming the row and the column. Things a cell names (members,
parties, participants) become :class:`Ref` s, resolved to nodes by name later.

>>> from clusternet.ingest.rows.mapping import builtin_mapping
>>> from clusternet.ingest.sources.table import Row
>>> rm = RowMapper(builtin_mapping("clusters"), ["name", "country", "sectors"], "c.csv", "doc:1")
>>> nodes, rels, refs, problems = rm.map_row(Row(2, {"name": "Techtera", "country": "France",
...                                                  "sectors": "Textiles techniques"}))
>>> nodes[0].id, nodes[0].props["sectors"], sorted(r.type for r in rels)
('cluster:techtera-fr', ['Textile'], ['ACTIVE_IN', 'LOCATED_IN'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from clusternet.graph.errors import Problem, ValidationError
from clusternet.graph.ids import country_id, make_id
from clusternet.graph.model import Evidence, Node, Rel
from clusternet.graph.reference import sector_id
from clusternet.graph.schema import LABEL, load_schema
from clusternet.ingest.rows.mapping import EndSpec, Mapping, Source, col_key, compile_source, standard_columns
from clusternet.ingest.rows.coerce import ValueCoercer
from clusternet.ingest.resolve.normalise import clean_name, country_code, is_acronym, name_key, split_legal_form

__all__ = ["Ref", "RowMapper", "ref_id", "parse_ref_text"]

_QUAL = re.compile(r"^(.*?)\s*[\[(]([^\[\]()]{2,40})[\])]\s*$")


@dataclass
class Ref:
    """Something a cell names, to be matched to a node by name (or created)."""

    id: str
    name: str
    labels: tuple[str, ...]
    country: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


def ref_id(label: str, name: str, country: str | None) -> str:
    """The provisional id of a reference.

    >>> ref_id("Organisation", "ACCIÓ", "ES")
    'ref:Organisation:accio|ES'
    """
    return f"ref:{label}:{name_key(name)}|{country or ''}".rstrip("|")


def parse_ref_text(text: str) -> tuple[str, str | None, str | None]:
    """``"Techtera [Cluster, FR]"`` -> ``("Techtera", "Cluster", "FR")``; a qualifier in
    brackets or parentheses may give a label and/or a country.

    >>> parse_ref_text("Techtera (FR)"), parse_ref_text("Oasis500 [Cluster]")
    (('Techtera', None, 'FR'), ('Oasis500', 'Cluster', None))
    >>> parse_ref_text("European Foundation for Cluster Excellence (EFCE)")
    ('European Foundation for Cluster Excellence (EFCE)', None, None)
    """
    name, label, country = clean_name(text), None, None
    m = _QUAL.match(name)
    if m:
        parts = [p.strip() for p in m.group(2).split(",")]
        labels = {lab.casefold(): lab for lab in load_schema().labels}
        lab = [labels[p.casefold()] for p in parts if p.casefold() in labels]
        cc = [country_code(p) or (country_code(p.upper()) if len(p) <= 3 else None) for p in parts]
        if len(lab) + sum(1 for c in cc if c) == len(parts) and not (len(parts) == 1 and is_acronym(parts[0])
                                                                    and not cc[0]):
            name, label = m.group(1).strip(), (lab[0] if lab else None)
            country = next((c for c in cc if c), None)
    return name, label, country


@lru_cache(maxsize=300_000)
def _make_id(label: str, name: str, country: str | None) -> str:
    return make_id(label, name, country)


_NO_ITEM = (None,)  # a record without ``each``: one record per row


class RowMapper(ValueCoercer):
    """Applies one mapping to the rows of one file (headers resolved once)."""

    def __init__(self, mapping: Mapping, columns: list[str], path: str, doc_id: str | None, *,
                 strict: bool = False):
        """Resolve the mapping's columns against the file's header ``columns`` once.

        Raises :class:`ValidationError` if a required column is missing, or (``strict``)
        if the file has a column the mapping does not use.
        """
        self.mapping, self.path, self.doc_id = mapping, str(path), doc_id
        self.schema = load_schema()
        self.actual: dict[str, str] = {}   # mapping column -> file header
        self.splits: dict[str, str] = {}
        self._match_headers(mapping, columns)
        self._prepare_specs(mapping)
        self._countries: dict[str, str | None] = {}
        used = set(self.actual.values())
        self.unknown = [c for c in columns if c not in used]
        if self.unknown and strict:
            raise ValidationError([Problem("unknown column (not in the mapping)", field=c, file=self.path, row=1)
                                   for c in self.unknown], self.path)

    def _match_headers(self, mapping: Mapping, columns: list[str]) -> None:
        """Fill ``actual`` (mapping column -> file header) and ``splits``: standard names,
        synonyms and the user's renames, then loose header matches; refuse a file that
        lacks a required column."""
        by_key = {col_key(c): c for c in columns}
        if mapping.kind:  # standard names, synonyms, and the user's renames
            std = standard_columns(columns)
            for c in columns:
                if col_key(c) in mapping.rename:
                    target, split = mapping.rename[col_key(c)]
                    std[c] = target
                    if split:
                        self.splits[target] = split
            for header, name in std.items():
                self.actual.setdefault(name, header)
        wanted = mapping.columns()
        for c in wanted:
            if c not in self.actual and col_key(c) in by_key:
                self.actual[c] = by_key[col_key(c)]
        missing = [c for c in mapping.required if c not in self.actual]
        if missing:
            hint = ""
            if len(columns) == 1 and re.search(r"[,;\t|]", columns[0]):
                hint = " (the file has one column only: is the delimiter right?)"
            raise ValidationError([Problem(f"required column missing{hint}", field=c, file=self.path, row=1)
                                   for c in missing], self.path)

    def _prepare_specs(self, mapping: Mapping) -> None:
        """Per record and relationship spec, what each row needs, resolved once: report
        headers, cache-key headers, schema permissions and compiled value functions."""
        # the header each property is reported under (its first column)
        self._prop_cols = {spec.name: {p: self.actual.get(next(iter(src.columns()), ""),
                                                           next(iter(src.columns()), p))
                                       for p, src in spec.props.items()}
                           for spec in mapping.records.values()}
        self._spec_headers = {}
        for spec in mapping.records.values():
            cols = set()
            for src in list(spec.props.values()) + list((spec.key or {}).values()):
                cols |= src.columns()
            cols |= {c for c, _ in spec.labels_if.values()}
            self._spec_headers[spec.name] = tuple(sorted({self.actual[c] for c in cols if c in self.actual}))
        # per spec, resolved once: the headers its cache key reads, and whether its label
        # may have LOCATED_IN / ACTIVE_IN (asked of the schema per row otherwise)
        self._specs = [(spec, self._spec_headers[spec.name],
                        self.schema.allows(spec.label, "LOCATED_IN", LABEL.Country),
                        self.schema.allows(spec.label, "ACTIVE_IN", LABEL.Sector), {})
                       for spec in mapping.records.values()]
        self._checked: dict = {}
        self._fns: dict[int, tuple[Source, Callable]] = {}
        self._rel_specs = [(spec, self.schema.rel(spec.type).properties if spec.type else None,
                            [(prop, src, self._compile(src)) for prop, src in spec.props.items()])
                           for spec in mapping.rels]
        self._label_props: dict[str, dict] = {}
        self._rec_fns = {spec.name: ([(p, self._compile(src), self._prop_cols[spec.name][p])
                                      for p, src in spec.props.items()],
                                     [(k, self._compile(src)) for k, src in (spec.key or {}).items()])
                         for spec in mapping.records.values()}

    # -- values ------------------------------------------------------------------------
    def _items(self, spec, vals: dict) -> list:
        each = self.value(spec.each, vals)
        return each if isinstance(each, list) else ([each] if each not in (None, "") else [])

    def _get(self, row: dict, col: str) -> Any:
        header = self.actual.get(col)
        return row.get(header) if header else None

    def value(self, src: Source, row: dict, item: Any = None) -> Any:
        """The value ``src`` gives for a row (and the item of an ``each`` record)."""
        hit = self._fns.get(id(src))
        if hit is None or hit[0] is not src:
            hit = self._fns[id(src)] = (src, self._compile(src))
        return hit[1](row, item)

    def _compile(self, src: Source) -> Callable[[dict, Any], Any]:
        return compile_source(src, self.actual, self.splits)

    # -- records -----------------------------------------------------------------------
    def _ev(self, row) -> list[Evidence]:
        return [Evidence(self.doc_id, row.start, row.end, None, row.loc)] if self.doc_id else []

    def _ref_ids(self, end: EndSpec, vals: dict, ev, refs: dict, problems: list, line: int) -> list[str]:
        raw = self.value(end.source, vals)
        items = raw if isinstance(raw, list) else ([raw] if raw not in (None, "") else [])
        col = end.source.arg
        out = []
        for it in items:
            text = str(it).strip()
            if end.how == "country":
                code = self._country(text)
                if code:
                    out.append(country_id(code))
                else:
                    problems.append(Problem("unknown country", field=col, value=text, row=line, file=self.path))
                continue
            m = re.fullmatch(r"([a-z]+):[^\s]+", text)
            if m and m.group(1) in self.schema.id_prefixes():
                out.append(text)  # an id, as the interchange format writes them
                continue
            name, label, country = parse_ref_text(text)
            labels = end.labels or tuple(self.schema.labels)
            if end.label_column:
                given = self._get(vals, end.label_column)
                if given:
                    known = {lab.casefold(): lab for lab in self.schema.labels}
                    if str(given).strip().casefold() not in known:
                        problems.append(Problem("unknown label", field=end.label_column, value=given,
                                                row=line, file=self.path))
                        continue
                    label = known[str(given).strip().casefold()]
            if end.country_column and self._get(vals, end.country_column):
                ctext = str(self._get(vals, end.country_column)).strip()
                country = country_code(ctext) or country_code(ctext.upper())
                if not country:
                    problems.append(Problem("unknown country", field=end.country_column, value=ctext,
                                            row=line, file=self.path))
                    continue
            if LABEL.Country in labels and label in (None, LABEL.Country):
                code = country_code(name)
                if code and (label == LABEL.Country or len(name) > 3 or name.isupper()):
                    out.append(country_id(code))
                    continue
            if label and label not in labels and end.labels:
                problems.append(Problem(f"a {label} cannot be here (expected {', '.join(labels)})",
                                        field=col, value=text, row=line, file=self.path))
                continue
            lab = tuple([label] + [x for x in labels if x != label]) if label else labels
            if not name:
                continue
            rid = ref_id(lab[0], name, country)
            ref = refs.get(rid)
            if ref is None:
                refs[rid] = Ref(rid, name, lab, country, list(ev))
            elif len(ref.evidence) < 10:
                ref.evidence.extend(ev)
            out.append(rid)
        return out

    def _cached_record(self, spec, vals: dict, item, located: bool, active: bool, cache: dict, ckey) -> tuple:
        """:meth:`_record` plus the relationships a node's own values imply (its country,
        its sectors), remembered under the values the record reads."""
        nid, labels, props, probs = self._record(spec, vals, item)
        derived = []
        if nid is not None:
            if located and props.get("country"):
                derived.append((nid, "LOCATED_IN", country_id(props["country"]), None))
            if active:
                for eco in props.get("sectors", []):
                    derived.append((nid, "ACTIVE_IN", sector_id(eco), {"wording": props["sector_text"]}))
        hit = (nid, labels, props, probs, tuple(derived))
        if len(cache) > 500_000:
            cache.clear()
        cache[ckey] = hit
        return hit

    def _record(self, spec, vals: dict, item) -> tuple:
        """(id, labels, props, problems as (reason, field, value)) of one record of a row;
        cached by the values it reads, as big files repeat the same organisation per row."""
        probs: list[Problem] = []
        prop_fns, key_fns = self._rec_fns[spec.name]
        props: dict[str, Any] = {}
        label = spec.label
        for prop, fn, col in prop_fns:
            self._norm(label, prop, fn(vals, item), col, props, probs, 0)
        out = [(p.reason, p.field, p.value) for p in probs]
        if not props.get("name"):
            if spec.props.get("name") and (spec.name == "self" or not spec.each):
                col = self.actual.get(next(iter(spec.props["name"].columns()), ""), "name")
                out.append(("a name is required", col, None))
            return None, (), {}, out
        labels = list(self.schema.node(spec.label).all_labels)
        for lab, (col, eq) in spec.labels_if.items():
            v = self._get(vals, col)
            if v is not None and str(v).strip().lower() in eq:
                labels += [x for x in self.schema.node(lab).all_labels if x not in labels]
        if spec.key:
            parts = [(k, fn(vals, item)) for k, fn in key_fns]
            if any(v in (None, "") for _, v in parts):
                out.append(("the key column is empty", ",".join(k for k, _ in parts), None))
                return None, (), {}, out
            nid = _make_id(spec.label, " ".join(f"{k} {v}" for k, v in parts), None)
        else:
            nid = _make_id(spec.label, split_legal_form(props["name"])[0], props.get("country"))
        return nid, tuple(labels), props, out

    def map_row(self, row) -> tuple[list[Node], list[Rel], dict[str, Ref], list[Problem]]:
        """Records of one row and the problems found in it (the row's own ones included)."""
        ev, hits, rels, refs, problems = self.map_records(row)
        nodes = [Node(h[0], h[1], dict(h[2]), list(ev)) for h in hits]
        return nodes, [Rel(s, t, d, dict(p) if p else {}, list(ev)) for s, t, d, p in rels], refs, problems

    def map_records(self, row) -> tuple[list, list[tuple], list[tuple], dict[str, Ref], list[Problem]]:
        """What :meth:`map_row` gives, without building a Node and a Rel per row (a big file
        repeats the same organisation in thousands of rows): ``(evidence, hits, rels, refs,
        problems)``. ``hits`` are the cached ``(id, labels, props, problems, ...)`` of the
        row's nodes, the same object for the same values; ``rels`` are ``(source, type,
        target, props or None)``. Neither is to be mutated: copy props before keeping them.
        ``evidence`` is the row's one-item evidence list, shared by its records."""
        vals, line = row.values, row.line
        problems = list(row.problems)
        ev = [Evidence(self.doc_id, row.start, row.end, None, row.loc)] if self.doc_id else []
        hits, rels, refs = [], [], {}
        ids = self._row_hits(vals, line, hits, rels, problems)
        for spec, rprops, prop_fns in self._rel_specs:
            self._row_rels(spec, rprops, prop_fns, vals, line, ids, ev, refs, rels, problems)
        return ev, hits, rels, refs, problems

    def _row_hits(self, vals: dict, line: int, hits: list, rels: list, problems: list) -> dict[str, list[str]]:
        """The cached records of one row (added to ``hits``, their own relationships to
        ``rels``, their problems to ``problems``); returns the node ids per record spec."""
        ids: dict[str, list[str]] = {}
        for spec, headers, located, active, cache in self._specs:
            items = self._items(spec, vals) if spec.each else _NO_ITEM
            found = ids[spec.name] = []
            for item in items:
                ckey = (item, *map(vals.get, headers))
                hit = cache.get(ckey)
                if hit is None:
                    hit = self._cached_record(spec, vals, item, located, active, cache, ckey)
                if hit[3]:
                    problems.extend(Problem(r, f, v, line, self.path) for r, f, v in hit[3])
                if hit[0] is None:
                    continue
                hits.append(hit)
                found.append(hit[0])
                if hit[4]:
                    rels.extend(hit[4])
        return ids

    def _row_rels(self, spec, rprops, prop_fns, vals: dict, line: int, ids: dict, ev: list, refs: dict,
                  rels: list, problems: list) -> None:
        """The relationships one relationship spec gives for a row: between the ends'
        ids (records of the row or references), with the checked properties."""
        ends = []
        for end in (spec.source, spec.target):
            if end.how == "record":
                ends.append(ids.get(end.record, []))
            else:
                ends.append(self._ref_ids(end, vals, ev, refs, problems, line))
        type_ = spec.type
        if spec.type_column:
            raw = str(self._get(vals, spec.type_column) or "").strip().upper().replace(" ", "_")
            if raw not in self.schema.rels:
                problems.append(Problem(f"unknown relationship type (known: {', '.join(self.schema.rels)})",
                                        field=self.actual.get(spec.type_column), value=raw, row=line,
                                        file=self.path))
                return
            type_ = raw
            rprops = self.schema.rel(type_).properties
        props = self._rel_props(type_, rprops, prop_fns, vals, line, problems)
        for s in ends[0]:
            for t in ends[1]:
                if s != t:
                    rels.append((s, type_, t, props))

    def _rel_props(self, type_: str, rprops, prop_fns, vals: dict, line: int, problems: list) -> dict[str, Any]:
        """A relationship's properties from the row, checked against its type's schema;
        a value the type cannot hold is a problem (a fixed value or template) or ignored
        (a column)."""
        props: dict[str, Any] = {}
        for prop, src, fn in prop_fns:
            v = fn(vals)
            if v is None or v == "":
                continue
            if prop not in rprops:
                if src.how != "column":
                    problems.append(Problem(f"{type_} has no property {prop!r}", field=prop, row=line,
                                            file=self.path))
                continue
            coerced, reason = self._check(rprops[prop], v)
            if reason:
                problems.append(Problem(reason, field=self.actual.get(src.arg, prop), value=v, row=line,
                                        file=self.path))
            else:
                props[prop] = coerced
        return props
