"""Build the demo store: reference data, then the sample spreadsheets and documents in examples/.

Used by ``clusternet demo``; idempotent (running it twice changes nothing).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from clusternet.graph.reference import reference_records
from clusternet.graph.store import GraphStore

if TYPE_CHECKING:
    from clusternet.ingest.progress import Progress

__all__ = ["build_demo", "demo_files"]


def demo_files(examples: Path) -> list[Path]:
    """The sample inputs, in load order: structured files first, then documents."""
    def inputs(folder: Path) -> list[Path]:
        """The sample files directly in ``folder``, sorted, without hidden files and READMEs."""
        # a folder's README describes the samples; it is not one of them
        return sorted(p for p in folder.glob("*") if p.is_file() and not p.name.startswith(".")
                      and not p.name.upper().startswith("README"))

    return inputs(examples / "sample") + inputs(examples / "documents")


def _failures(report) -> list[str]:
    """One line per sample file that was not loaded, naming it and its first problems."""
    lines = []
    for f in report.files:
        if f.problems:
            shown = "; ".join(str(p) for p in f.problems[:3])
            more = f" (and {len(f.problems) - 3} more)" if len(f.problems) > 3 else ""
            lines.append(f"not loaded: {Path(f.path).name}: {shown}{more}")
    return lines


def build_demo(store: GraphStore, examples: Path, echo: Callable[[str], None] = print,
               progress: Progress | None = None) -> dict:
    """Load reference data and every sample file into ``store``; returns the store's counts.

    A sample file that cannot be loaded is named with its problems (and not counted as
    loaded); the others load all the same. ``progress`` is passed on to
    :func:`~clusternet.ingest.loader.load_files`.
    """
    from clusternet.ingest.loader import load_files

    store.ensure_schema()
    nodes, rels = reference_records()
    store.upsert(nodes, rels)
    files = demo_files(examples)
    failed = _failures(load_files(store, files, progress=progress)) if files else []
    for line in failed:
        echo(line)
    counts = store.counts()
    n_nodes = sum(1 for _ in store.iter_nodes())
    loaded = f"{len(files) - len(failed)} of {len(files)}" if failed else f"{len(files)}"
    echo(f"demo store {store.describe()}: {n_nodes} nodes and {sum(counts['relationships'].values())} "
         f"relationships from {loaded} sample files (and the country and sector reference data)")
    return counts
