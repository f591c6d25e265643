"""The Neo4j store's row writes: one ``MERGE`` pass per label set (or relationship type)
creates the new records whole and returns the stored state of the others, which is
compared with the write rule (:func:`~clusternet.graph.store.records.merge_props`) so only
the changed ones are sent again. :class:`~clusternet.graph.store.neo4j.Neo4jStore` mixes
:class:`Neo4jRowWriter` in and calls it inside its managed transactions.
"""
from __future__ import annotations

from collections import defaultdict

from clusternet.graph.errors import IntegrityError
from clusternet.graph.model import primary_label
import clusternet.graph.store.cypher as C
from clusternet.graph.store.base import WriteSummary
from clusternet.graph.store.records import merge_props

__all__ = ["Neo4jRowWriter"]

_HIDDEN = {"id", "confidence"}  # stored as properties, returned as Node.id / Node.confidence


class Neo4jRowWriter:
    """Node and relationship writes of :class:`~clusternet.graph.store.neo4j.Neo4jStore` (it
    provides ``schema``, ``_lists``, ``_first``, ``group_by_label`` and ``describe``)."""

    def _split(self, props: dict, first: bool = True) -> tuple[dict, dict, dict]:
        """A record's props as (scalars, lists, keep_first) for the upsert rows."""
        scalars, lists, keep = {}, {}, {}
        for k, v in props.items():
            if k in _HIDDEN:
                continue
            (lists if k in self._lists else keep if first and k in self._first else scalars)[k] = v
        return scalars, lists, keep

    @staticmethod
    def _stored(props: dict) -> tuple[dict, float | None]:
        props = dict(props)
        conf = props.pop("confidence", None)
        props.pop("id", None)
        return props, conf

    @staticmethod
    def _row_props(props: dict) -> dict:
        # what `SET x += row.p` writes: never the key or the confidence (written apart)
        if "id" in props or "confidence" in props:
            return {k: v for k, v in props.items() if k not in _HIDDEN}
        return props

    def _write_nodes(self, tx, batch: dict, summary: WriteSummary) -> None:
        # One MERGE pass per label set writes the new nodes whole and returns the state of
        # the others; those are compared with the write rule (records.merge_props, as on the
        # embedded store) and only the changed ones are sent again.
        for labels, items in sorted(self.group_by_label(batch).items()):
            key = primary_label(labels)
            rec = tx.run(C.node_create(labels), rows=[{"id": nid, "p": self._row_props(props), "c": float(conf)}
                                                      for nid, props, conf in items]).single()
            if len(items) > len(rec["old"]):
                summary.created[key] += len(items) - len(rec["old"])
            rows = []
            for nid, o_labels, o_props in rec["old"]:
                _, props, conf = batch[nid]
                o_labels = tuple(sorted(lab for lab in o_labels if lab != C.ENTITY))
                o_props, o_conf = self._stored(o_props)
                m_labels = tuple(sorted(set(o_labels) | set(labels)))
                m_props = merge_props(o_props, props, self._lists, self._first)
                if m_labels == o_labels and m_props == o_props and o_conf is not None and o_conf >= conf:
                    summary.record(key, "unchanged")
                    continue  # nothing to send
                summary.record(primary_label(m_labels), "updated")
                scalars, lists, keep = self._split(props)
                rows.append({"id": nid, "set": scalars, "lists": lists, "first": keep, "c": float(conf)})
            if rows:
                names = [sorted({k for r in rows for k in r[part]}) for part in ("set", "lists", "first")]
                tx.run(C.node_upsert(labels, *names), rows=rows).consume()

    def _write_rels(self, tx, batch: dict, summary: WriteSummary) -> None:
        by_type: dict[str, list] = defaultdict(list)
        for (s, t, d), (props, conf) in batch.items():
            by_type[t].append((s, d, props, conf))
        for type_, items in sorted(by_type.items()):
            rec = tx.run(C.rel_create(type_), rows=[{"s": s, "t": d, "p": self._row_props(props), "c": float(conf)}
                                                    for s, d, props, conf in items]).single()
            if rec["n"] < len(items):
                ids = sorted({s for s, _, _, _ in items} | {d for _, d, _, _ in items})
                missing = [r["id"] for r in tx.run(C.missing_ids, ids=ids)]
                shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
                # raising inside the transaction function rolls the whole transaction back
                raise IntegrityError(f"relationship ends not in {self.describe()}: {shown}")
            if len(items) > len(rec["old"]):
                summary.created[type_] += len(items) - len(rec["old"])
            rows = []
            for s, d, old in rec["old"]:
                props, conf = batch[(s, type_, d)]
                o_props, o_conf = self._stored(old)
                m_props = merge_props(o_props, props, self._lists)
                if m_props == o_props and o_conf is not None and o_conf >= conf:
                    summary.record(type_, "unchanged")
                    continue
                summary.record(type_, "updated")
                scalars, lists, _ = self._split(props, first=False)
                rows.append({"s": s, "t": d, "set": scalars, "lists": lists, "c": float(conf)})
            if rows:
                names = [sorted({k for r in rows for k in r[part]}) for part in ("set", "lists")]
                tx.run(C.rel_upsert(type_, *names), rows=rows).consume()
