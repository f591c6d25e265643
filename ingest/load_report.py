"""The reports of a load: per file (:class:`FileReport`) and in all (:class:`LoadReport`),
and the CSV of a file's rejected rows that :func:`clusternet.ingest.loader.load_files` writes
beside it with ``skip_invalid``.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from clusternet.graph.errors import Problem
from clusternet.graph.render.export import neutralise_cell
from clusternet.graph.store.base import WriteSummary
from clusternet.ingest.resolve.matching import Candidate

__all__ = ["FileReport", "LoadReport"]


@dataclass
class FileReport:
    path: str
    kind: str = ""
    detected: str = ""
    rows: int = 0
    summary: WriteSummary = field(default_factory=WriteSummary)
    problems: list[Problem] = field(default_factory=list)
    rejected: Counter = field(default_factory=Counter)
    rejected_rows: int = 0
    report_path: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: bool = False


@dataclass
class LoadReport:
    files: list[FileReport] = field(default_factory=list)
    dry_run: bool = False

    @property
    def summary(self) -> WriteSummary:
        """The write summaries of all files, added up."""
        total = WriteSummary()
        for f in self.files:
            total.add(f.summary)
        return total

    @property
    def rejected(self) -> Counter:
        """Rejected rows of all files, counted per reason."""
        total: Counter = Counter()
        for f in self.files:
            total.update(f.rejected)
        return total

    @property
    def ok(self) -> bool:
        """True if every file was written (or this was a dry run) and no file has problems
        other than rejected rows."""
        return all(f.written or self.dry_run for f in self.files) and not any(
            f.problems and not f.rejected_rows for f in self.files)


def _write_report(path: Path, bad_rows: list[tuple[int, dict, list[Problem]]]) -> Path:
    out = path.with_name(path.name + ".rejected.csv")
    cols = list(dict.fromkeys(c for _, vals, _ in bad_rows for c in vals))
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "column", "value", "reason"] + cols)
        for line, vals, probs in bad_rows:
            for p in probs:
                w.writerow([neutralise_cell(x) for x in
                            [line, p.field or "", "" if p.value is None else p.value, p.reason]
                            + ["" if vals.get(c) is None else vals.get(c) for c in cols]])
    return out
