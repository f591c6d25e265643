"""Build the demo store: reference data, then the sample spreadsheets and documents in examples/.

Used by ``clusternet demo``; idempotent (running it twice changes nothing).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .graph.reference import reference_records
from .graph.store import GraphStore

__all__ = ["build_demo", "demo_files"]


def demo_files(examples: Path) -> list[Path]:
    """The sample inputs, in load order: structured files first, then documents."""
    sample = sorted(p for p in (examples / "sample").glob("*") if p.is_file() and not p.name.startswith("."))
    docs = sorted(p for p in (examples / "documents").glob("*") if p.is_file() and not p.name.startswith("."))
    return sample + docs


def build_demo(store: GraphStore, examples: Path, echo: Callable[[str], None] = print) -> dict:
    """Load reference data and every sample file into ``store``; returns the store's counts."""
    from .ingest.loader import load_files

    store.ensure_schema()
    nodes, rels = reference_records()
    store.upsert(nodes, rels)
    files = demo_files(examples)
    if files:
        load_files(store, files, progress=True)
    counts = store.counts()
    echo(f"demo store {store.describe()}: {sum(counts['nodes'].values())} node labels counted, "
         f"{sum(counts['relationships'].values())} relationships, from {len(files)} sample files")
    return counts
