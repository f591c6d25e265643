"""The embedded store's row writes: each prepared node or relationship compared with the
stored row, merged by the write rule (:func:`~clusternet.graph.store.records.merge_props`)
and written in key order. :class:`~clusternet.graph.store.sqlite.EmbeddedStore` mixes
:class:`SqliteRowWriter` in and calls it inside its transactions.
"""
from __future__ import annotations

import json
from operator import itemgetter
from typing import Any

from clusternet.graph.errors import IntegrityError
from clusternet.graph.model import primary_label
from clusternet.graph.store.base import WriteSummary
from clusternet.graph.store.records import merge_props

__all__ = ["SqliteRowWriter"]

_CHUNK = 500  # ids per IN (...) lookup, under SQLite's variable limit
_first_item = itemgetter(0)
_key_of_row = itemgetter(0, 1, 2)
# one encoder for every write: json.dumps with options builds a new one per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _dumps(obj: Any) -> str:
    return _ENCODER.encode(obj)


class SqliteRowWriter:
    """Node and relationship row writes of :class:`~clusternet.graph.store.sqlite.EmbeddedStore`
    (it provides ``schema``, ``_lists``, ``_first``, ``_label_sets`` and ``describe``)."""

    def _existing_nodes(self, conn, ids: list[str]) -> dict[str, tuple[str, str, float]]:
        """(labels JSON, props JSON, confidence) of those ids that exist."""
        out = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            q = f"SELECT id, labels, props, confidence FROM nodes WHERE id IN ({','.join('?' * len(chunk))})"
            for nid, labels, props, conf in conn.execute(q, chunk):
                out[nid] = (labels, props, conf)
        return out

    def _write_nodes(self, conn, batch: dict, summary: WriteSummary, created: set | None = None) -> None:
        old = self._existing_nodes(conn, list(batch))
        rows, label_rows = [], []
        for nid, (labels, props, conf) in batch.items():
            full = self._full_labels(labels)
            key = primary_label(full)
            if nid in old:
                o_labels_text, o_props_text, o_conf = old[nid]
                # the same text as stored: the write rule would change nothing (re-loading a
                # file); decided without parsing the stored JSON
                if conf <= o_conf and o_props_text == _dumps(props) and o_labels_text == _dumps(list(full)):
                    summary.record(key, "unchanged")
                    continue
                o_labels, o_props = tuple(json.loads(o_labels_text)), json.loads(o_props_text)
                m_labels = tuple(sorted(set(o_labels) | set(full)))
                m_props = merge_props(o_props, props, self._lists, self._first)
                m_conf = max(o_conf, conf)
                if m_labels == o_labels and m_props == o_props and m_conf == o_conf:
                    summary.record(key, "unchanged")
                    continue
                summary.record(primary_label(m_labels), "updated")
                full, props, conf = m_labels, m_props, m_conf
            else:
                summary.record(key, "created")
                if created is not None:
                    created.add(nid)
            rows.append((nid, primary_label(full), _dumps(list(full)), _dumps(props), conf))
            label_rows.extend((lab, nid) for lab in full)
        # rows in key order: SQLite inserts into its B-trees much faster in order
        rows.sort(key=_first_item)
        label_rows.sort()
        conn.executemany(
            "INSERT INTO nodes(id, label, labels, props, confidence) VALUES (?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET label=excluded.label, labels=excluded.labels, "
            "props=excluded.props, confidence=excluded.confidence", rows)
        conn.executemany("INSERT OR IGNORE INTO node_labels(label, id) VALUES (?,?)", label_rows)

    def _full_labels(self, labels: tuple[str, ...]) -> tuple[str, ...]:
        """A node's labels with the ones its label implies, sorted (remembered per label set)."""
        full = self._label_sets.get(labels)
        if full is None:
            full = tuple(sorted(set(self.schema.node(primary_label(labels)).all_labels) | set(labels)))
            self._label_sets[labels] = full
        return full

    def _existing_edges(self, conn, keys: list[tuple[str, str, str]]) -> dict[tuple, tuple[str, float]]:
        """(props JSON, confidence) of those keys that exist: one query per chunk of keys,
        each key a primary-key lookup (not one query per relationship)."""
        out = {}
        step = _CHUNK // 3  # three variables per key
        for i in range(0, len(keys), step):
            chunk = keys[i:i + step]
            q = ("WITH k(s, t, d) AS (VALUES " + ",".join(["(?,?,?)"] * len(chunk)) + ") "
                 "SELECT e.source, e.type, e.target, e.props, e.confidence FROM k "
                 "JOIN edges e ON e.source = k.s AND e.type = k.t AND e.target = k.d")
            for s, t, d, props, conf in conn.execute(q, [x for key in chunk for x in key]):
                out[(s, t, d)] = (props, conf)
        return out

    def _check_ends(self, conn, keys) -> None:
        """:class:`IntegrityError` if an end of these relationships is not a node."""
        ends = sorted({k[0] for k in keys} | {k[2] for k in keys})
        present = set()
        for i in range(0, len(ends), _CHUNK):
            chunk = ends[i:i + _CHUNK]
            present.update(r[0] for r in conn.execute(
                f"SELECT id FROM nodes WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        missing = [e for e in ends if e not in present]
        if missing:
            raise IntegrityError(f"relationship ends not in {self.describe()}: {', '.join(missing[:5])}"
                                 + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""))

    def _write_rels(self, conn, batch: dict, summary: WriteSummary, *, checked: bool = False,
                    new_ids: set | None = None) -> None:
        """``new_ids``: nodes this transaction created; a relationship touching one cannot
        exist yet (foreign keys), so it is not looked up."""
        if not checked:
            self._check_ends(conn, batch)
        keys = [k for k in batch if k[0] not in new_ids and k[2] not in new_ids] if new_ids else list(batch)
        existing = self._existing_edges(conn, keys)
        rows = []
        for (s, t, d), (props, conf) in batch.items():
            cur = existing.get((s, t, d))
            if cur:
                if conf <= cur[1] and cur[0] == _dumps(props):  # as in _write_nodes
                    summary.record(t, "unchanged")
                    continue
                o_props, o_conf = json.loads(cur[0]), cur[1]
                m_props, m_conf = merge_props(o_props, props, self._lists), max(o_conf, conf)
                if m_props == o_props and m_conf == o_conf:
                    summary.record(t, "unchanged")
                    continue
                summary.record(t, "updated")
                props, conf = m_props, m_conf
            else:
                summary.record(t, "created")
            rows.append((s, t, d, _dumps(props), conf))
        rows.sort(key=_key_of_row)  # key order: see _write_nodes
        conn.executemany(
            "INSERT INTO edges(source, type, target, props, confidence) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source, type, target) DO UPDATE SET props=excluded.props, confidence=excluded.confidence",
            rows)
