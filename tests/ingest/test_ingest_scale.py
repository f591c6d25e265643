"""Big files: a 200,000-row file streams into the embedded store (its rows are never all
in memory), re-loads without changes, and an error in its last row still changes
nothing. Plus the embedded store's fast write paths agree with the reference functions
of graph/store/base.py they stand in for.

Memory is this process's resident size, sampled while the file loads (tracemalloc would
slow 200,000 rows down tenfold). Timing targets live in bench/bench_ingest.py, not here.
"""
from __future__ import annotations

import csv
import gc
import sys
from pathlib import Path

import pytest

from clusternet.graph.errors import IntegrityError
from clusternet.graph.model import Evidence, Node, Rel, encode_evidence
from clusternet.graph.schema import load_schema
from clusternet.graph.store.base import keep_first_props, list_props, prepare_nodes, prepare_rels
from clusternet.graph.store.fastprep import encode_evidence_fast, prepare_nodes_fast, prepare_rels_fast
from clusternet.graph.store.sqlite import EmbeddedStore
from clusternet.ingest.loader import load_files
from clusternet.ingest.rows.mapping import load_mapping

from peak_rss import PeakRSS  # noqa: E402
from paths import ROOT  # noqa: E402

MAPPING = ROOT / "examples" / "mappings" / "cordis.yaml"
ROWS = 200_000
HEADER = ["project_id", "project_acronym", "start_date", "end_date", "framework", "programme_or_topic",
          "funding_scheme", "org_id", "org_name", "org_short_name", "country", "activity_type", "sme", "role"]
COUNTRIES = ["DE", "FR", "ES", "IT", "NL", "BE", "MA", "TN"]


def participation(i: int) -> list:
    """Row ``i`` of a CORDIS-shaped activity file: 500 projects of 10 organisations (from
    a pool of 2,000), each participation listed once per reporting period, so the file is
    big and its distinct records are few (what memory may grow with)."""
    project = i % 500
    org = (project * 7 + (i // 500) % 10 * 211) % 2000
    return [40000 + project, "", f"20{15 + project % 6}-01-01", f"20{19 + project % 6}-12-31", "H2020",
            "LEIT;SC3" if project % 3 else "MSCA", "", 900000000 + org, f"Organisation {org} Technologies GmbH",
            f"ORG{org}", COUNTRIES[org % len(COUNTRIES)], "PRC" if org % 2 else "REC",
            "true" if org % 4 == 0 else "", "coordinator" if (i // 500) % 10 == 0 else "participant"]


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "participations.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(ROWS):
            w.writerow(participation(i))
    return path


def _decoded_size(path: Path) -> int:
    return len(path.read_text(encoding="utf-8"))


def test_a_200000_row_file_streams_into_the_embedded_store(big_csv, tmp_path):
    mapping = load_mapping(MAPPING)
    small = tmp_path / "small.csv"
    small.write_text("".join(ln for _, ln in zip(range(50), big_csv.open(encoding="utf-8"))), encoding="utf-8")
    with EmbeddedStore(tmp_path / "warm.db") as warm:  # imports and caches: outside the measure
        warm.ensure_schema()
        load_files(warm, [small], mapping=mapping, progress=False)
    decoded = _decoded_size(big_csv)
    with EmbeddedStore(tmp_path / "g.db") as store:
        store.ensure_schema()
        gc.collect()
        with PeakRSS(interval=0.005) as mem:
            report = load_files(store, [big_csv], mapping=mapping, progress=False)
        f = report.files[0]
        assert f.rows == ROWS and not f.problems and f.written
        counts = store.counts()
        assert counts["nodes"]["Organisation"] == len({participation(i)[7] for i in range(ROWS)})
        assert counts["nodes"]["Partnership"] == 500
        assert counts["relationships"]["PARTNER_IN"] == 5_000
        # Streaming holds one row at a time plus the records (7,500 here, each citing at
        # most 10 rows): about 1.5x the decoded text. Holding the rows as well (a dict
        # each) takes about 15x.
        assert mem.growth < 3 * decoded, (f"memory grew {mem.growth / 2**20:.0f} MiB loading "
                                          f"a {decoded / 2**20:.0f} MiB file")
        node = store.get_node("org:pic-900000000")
        assert node is not None and len(node.props["evidence"]) == 10  # cited rows stay bounded
        again = load_files(store, [big_csv], mapping=mapping, progress=False).files[0]
        assert again.summary.changed == 0 and again.summary.unchanged == f.summary.created


def test_an_error_in_the_last_row_of_a_big_file_changes_nothing(big_csv, tmp_path):
    bad = tmp_path / "participations.csv"
    with open(bad, "w", encoding="utf-8", newline="") as fh:
        fh.write(big_csv.read_text(encoding="utf-8"))
        row = participation(ROWS)
        row[10] = "Atlantis"
        csv.writer(fh).writerow(row)
    with EmbeddedStore(tmp_path / "g.db") as store:
        store.ensure_schema()
        report = load_files(store, [bad], mapping=load_mapping(MAPPING), progress=False)
        f = report.files[0]
        assert not f.written and not report.ok
        assert [(p.row, p.field, p.value) for p in f.problems] == [(ROWS + 2, "country", "Atlantis")]
        assert store.counts() == {"nodes": {}, "relationships": {}}


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_puts_the_garbage_collector_back_as_it_was(big_csv, tmp_path, enabled):
    small = tmp_path / "small.csv"
    small.write_text("".join(ln for _, ln in zip(range(20), big_csv.open(encoding="utf-8"))), encoding="utf-8")
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with EmbeddedStore(tmp_path / "g.db") as store:
            store.ensure_schema()
            assert load_files(store, [small], mapping=load_mapping(MAPPING), progress=False).ok
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# -- the embedded store's fast paths are the reference functions, faster ----------------

EVIDENCE = [Evidence("doc:1", 0, 10, None, "row 2"), Evidence("doc:1", None, None, None, None),
            Evidence("doc:é", 5, 7, 'say "hi"\n\t\\ ✓ \u2028', "Feuille!A5"), Evidence("doc:2", 3, 4, "x", None),
            Evidence("doc:3", 1.5, 2, None, "row 3"), Evidence("doc:4", True, 2, None, None),
            Evidence("doc:5", 0, 1, "\ud800 lone surrogate", "row 9")]


@pytest.mark.parametrize("ev", EVIDENCE)
def test_fast_evidence_encoding_is_the_canonical_text(ev):
    assert encode_evidence_fast(ev) == encode_evidence(ev)


def test_fast_record_preparation_agrees_with_the_reference():
    schema = load_schema()
    lists, first = list_props(schema), keep_first_props(schema)
    nodes = [Node("org:a", ("Organisation",), {"name": "A", "aliases": ["x", "x", "y"], "country": None},
                  EVIDENCE[:3]),
             Node("org:a", ("SME",), {"name": "A2", "aliases": ["z", "x"], "evidence": ["e0", "e0"]},
                  EVIDENCE[1:4], 0.5),
             Node("org:b", ("Organisation",), {"name": "B", "sources": ["doc:9"]}, [], 0.7),
             Node("org:b", ("Organisation",), {"name": "B", "sources": ["doc:1", "doc:9"]}, EVIDENCE[:1], 0.9)]
    rels = [Rel("org:a", "PARTNER_IN", "p:1", {"role": "x", "evidence": ["e1"]}, EVIDENCE[:2]),
            Rel("org:a", "PARTNER_IN", "p:1", {"role": "y"}, EVIDENCE[2:4], 0.4),
            Rel("org:b", "LOCATED_IN", "country:FR", {}, []),
            # equal Evidence values written differently (1 and 1.0), and one object shared
            Rel("org:b", "PARTNER_IN", "p:1", {}, [Evidence("doc:1", 1, 2), Evidence("doc:1", 1.0, 2), EVIDENCE[0]]),
            Rel("org:c", "PARTNER_IN", "p:1", {}, [EVIDENCE[0]])]
    assert prepare_nodes_fast(nodes, lists, first, {}) == prepare_nodes(nodes, schema)
    assert prepare_rels_fast(rels, lists, {}) == prepare_rels(rels, schema)
    assert list(prepare_nodes_fast(nodes, lists, first, {})["org:a"][1]) == list(
        prepare_nodes(nodes, schema)["org:a"][1])  # same property order, so the same JSON


def _org(i: int) -> Node:
    return Node(f"org:o{i}", ("Organisation",), {"name": f"O{i}"})


def test_an_atomic_write_names_the_missing_ends_of_the_first_batch_in_the_given_order(tmp_path):
    # written in key order for speed, but checked in the order given: the error is the
    # one a batch-by-batch write reports, and nothing is written
    rels = [Rel("org:o1", "MEMBER_OF", "org:o2"), Rel("org:o2", "MEMBER_OF", "org:o3"),
            Rel("org:o3", "MEMBER_OF", "org:zz-missing"), Rel("org:o1", "MEMBER_OF", "org:aa-missing")]
    with EmbeddedStore(tmp_path / "g.db") as store:
        store.ensure_schema()
        with pytest.raises(IntegrityError, match="org:zz-missing") as err:
            store.upsert([_org(i) for i in (1, 2, 3)], rels, batch_size=3, atomic=True)
        assert "aa-missing" not in str(err.value)
        assert store.counts() == {"nodes": {}, "relationships": {}}
        summary = store.upsert([_org(i) for i in (3, 1, 2)], rels[:2], batch_size=1, atomic=True)
        assert summary.created == {"Organisation": 3, "MEMBER_OF": 2}
        again = store.upsert([_org(i) for i in (1, 2, 3)], rels[:2], batch_size=1, atomic=True)
        assert again.changed == 0 and again.unchanged == {"Organisation": 3, "MEMBER_OF": 2}


def test_a_file_written_in_batches_gives_the_graph_of_one_transaction(big_csv, tmp_path, monkeypatch):
    import clusternet.ingest.loader as loader

    monkeypatch.setattr(loader, "_now", lambda: "2026-01-01T00:00:00+00:00")
    small = tmp_path / "participations.csv"
    small.write_text("".join(ln for _, ln in zip(range(3001), big_csv.open(encoding="utf-8"))), encoding="utf-8")
    hashes, summaries = [], []
    for limit in (10**9, 100):  # one transaction; then batches (the file has ~3,500 records)
        monkeypatch.setattr(loader, "ATOMIC_RECORDS", limit)
        with EmbeddedStore(tmp_path / f"g{limit}.db") as store:
            store.ensure_schema()
            report = load_files(store, [small], mapping=load_mapping(MAPPING), progress=False)
            assert report.ok
            hashes.append(store.content_hash())
            summaries.append(report.files[0].summary.rows())
    assert hashes[0] == hashes[1] and summaries[0] == summaries[1]
