"""Pause Python's cycle collector during bulk work (the stores' upserts, the loader's files).

>>> import gc
>>> was = gc.isenabled()
>>> with no_cycle_gc():
...     gc.isenabled()
False
>>> gc.isenabled() == was
True
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

__all__ = ["no_cycle_gc"]

_gc_lock = threading.Lock()
_gc_state = {"writes": 0, "was_on": False}  # upserts running in this process; collector on before them


@contextmanager
def no_cycle_gc():
    """Pause Python's cycle collector while a bulk write runs.

    A write allocates a few containers per record (freed by reference counting: they hold
    no cycles), but the allocations alone set off full collections, each walking every
    object of the process -- with the loaded records in memory, about half the client's
    time of a 100,000-node load (reading a big file's rows: about a third). Pauses nest and
    count across threads: the collector is back on (if it was) when the last one ends.
    """
    with _gc_lock:
        if _gc_state["writes"] == 0:
            _gc_state["was_on"] = gc.isenabled()
            gc.disable()
        _gc_state["writes"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["writes"] -= 1
            if _gc_state["writes"] == 0 and _gc_state["was_on"]:
                gc.enable()
