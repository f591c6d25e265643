"""Peak resident memory of processes while a block runs, sampled in a thread (psutil).

Used by the scale tests and by bench/ (tracemalloc would slow the measured work down).

>>> with PeakRSS(interval=0.001) as mem:
...     block = bytearray(50 * 2**20)
>>> mem.peak >= mem.base > 0 and mem.growth >= 0
True
"""
from __future__ import annotations

import os
import threading

import psutil

__all__ = ["PeakRSS"]


class PeakRSS:
    """Highest RSS of each process in ``pids`` (name -> pid; default: this process as
    ``python``) between entering and leaving the block, sampled every ``interval`` s.

    ``peaks``/``bases`` hold every process; ``peak``, ``base`` and ``growth`` are those of
    the first one. A pid of ``None`` is skipped; a process that ends keeps its last peak.
    """

    def __init__(self, pids: dict[str, int | None] | None = None, interval: float = 0.01):
        pids = pids if pids is not None else {"python": os.getpid()}
        self.procs = {k: psutil.Process(p) for k, p in pids.items() if p}
        self.interval = interval
        self.bases = {k: self._rss(p) for k, p in self.procs.items()}
        self.peaks = dict(self.bases)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss(proc: psutil.Process) -> int:
        try:
            return proc.memory_info().rss
        except psutil.Error:
            return 0

    def _sample(self) -> None:
        for k, p in self.procs.items():
            self.peaks[k] = max(self.peaks[k], self._rss(p))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self.bases = {k: self._rss(p) for k, p in self.procs.items()}
        self.peaks = dict(self.bases)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def peak(self) -> int:
        return next(iter(self.peaks.values()), 0)

    @property
    def base(self) -> int:
        return next(iter(self.bases.values()), 0)

    @property
    def growth(self) -> int:
        return self.peak - self.base
