"""What Gephi (Toolkit 0.10.1) holds after opening the demo graph's exports, and the JSON round trip.

Builds the demo store (examples/), exports GEXF and GraphML (by default, and with
``--with-reference``) and JSON, opens each Gephi file with scripts/gephi_check.py, and
prints: relationships in the graph vs edges Gephi kept, edge kinds, nodes, export time and
size; then loads the JSON into a new store and prints whether the content hashes match.
Figures are printed, never asserted (the tests assert the behaviour).

    python bench/bench_gephi.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from gephi_check import open_in_gephi  # noqa: E402

from clusternet.ingest.demo import build_demo  # noqa: E402
from clusternet.graph.render.export import export_bytes  # noqa: E402
from clusternet.graph.store.interchange import read_interchange  # noqa: E402
from clusternet.graph.model import validate_or_raise  # noqa: E402
from clusternet.graph.store.sqlite import EmbeddedStore  # noqa: E402


def gephi_rows(G, folder: Path) -> list[str]:
    """One line per Gephi export: what Gephi kept of the graph."""
    rows = []
    for fmt, ref in (("gexf", False), ("graphml", False), ("gexf", True)):
        t0 = time.perf_counter()
        data = export_bytes(G, fmt, with_reference=ref)
        took = time.perf_counter() - t0
        path = folder / f"demo{'-all' if ref else ''}.{fmt}"
        path.write_bytes(data)
        seen = open_in_gephi(path)
        kinds = len({e["kind"] for e in seen["edges"]})
        rows.append(f"{path.name:<16} relationships {G.number_of_edges()}, Gephi edges {len(seen['edges'])} "
                    f"({kinds} kinds); nodes {G.number_of_nodes()}, Gephi nodes {len(seen['nodes'])}; "
                    f"export {took * 1000:.0f} ms, {len(data):,} bytes")
    return rows


def round_trip(store: EmbeddedStore, G, folder: Path) -> str:
    """Export JSON, load it into a new store the way `clusternet load` does, compare hashes."""
    path = folder / "demo.json"
    path.write_bytes(export_bytes(G, "json"))
    with EmbeddedStore(folder / "new.db") as new:
        new.ensure_schema()
        t0 = time.perf_counter()
        nodes, rels = read_interchange(path)
        nodes, rels = validate_or_raise(nodes, rels, new.schema)
        new.upsert(nodes, rels)
        took = time.perf_counter() - t0
        same = new.content_hash() == store.content_hash()
    return f"json round trip: {len(nodes)} nodes, {len(rels)} relationships, same content hash: {same}, " \
           f"load {took:.2f} s"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with EmbeddedStore(folder / "demo.db") as store:
            lines: list[str] = []
            build_demo(store, ROOT / "examples", echo=lines.append)
            print(lines[-1])
            G = store.snapshot()
            for row in gephi_rows(G, folder):
                print(row)
            print(round_trip(store, G, folder))


if __name__ == "__main__":
    main()
