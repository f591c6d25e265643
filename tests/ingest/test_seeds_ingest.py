"""The three seed documents ingested into each store: one graph, evidence that points at the
words it claims, and re-ingesting changes nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from clusternet.graph.model import decode_evidence
from clusternet.ingest.loader import load_files
from prerequisites import missing
from paths import SHARED  # noqa: E402

SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seed_paths():
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        missing(f"seed documents missing at {SEEDS}")
    return paths


def test_seeds_ingest_with_exact_evidence_spans(store, seed_paths):
    report = load_files(store, seed_paths, progress=False)
    assert report.ok, [str(p) for f in report.files for p in f.problems]
    docs = {n.id: n.props["text"] for n in store.find_nodes("Document")}
    assert len(docs) == 3
    checked = 0
    records = list(store.iter_nodes()) + list(store.iter_rels())
    for rec in records:
        for raw in rec.props.get("evidence", []):
            ev = decode_evidence(raw)
            if ev.start is None or ev.document not in docs:
                continue
            assert docs[ev.document][ev.start:ev.end] == ev.text, (getattr(rec, "id", None) or rec.key, ev)
            checked += 1
    assert checked > 100
    counts = store.counts()["nodes"]
    assert counts.get("Cluster", 0) >= 20 and counts.get("Partnership", 0) >= 3 and counts.get("Event", 0) >= 5
    # every entity a document yields is walkable from it
    assert store.counts()["relationships"].get("MENTIONS", 0) >= 50


def test_reingesting_seeds_changes_nothing(store, seed_paths):
    load_files(store, seed_paths, progress=False)
    before = store.content_hash()
    again = load_files(store, seed_paths, progress=False)
    assert again.summary.changed == 0
    assert store.content_hash() == before


def test_seed_graph_is_the_same_on_both_stores(embedded_store, neo4j_store, seed_paths):
    load_files(embedded_store, seed_paths, progress=False)
    load_files(neo4j_store, seed_paths, progress=False)
    # ingested_at differs between the two runs by design (first-ingest time); compare the rest
    def strip(store):
        out = []
        for n in store.iter_nodes():
            props = {k: v for k, v in n.props.items() if k != "ingested_at"}
            out.append((n.id, tuple(sorted(n.labels)), repr(sorted(props.items())), round(n.confidence, 6)))
        return sorted(out), sorted((r.key, repr(sorted(r.props.items()))) for r in store.iter_rels())
    assert strip(embedded_store) == strip(neo4j_store)
