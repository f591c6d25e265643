"""Helpers for loading big files: keep the work per record small and let go of it early.

>>> records = [1, 2, 3]
>>> list(drain(records)), records
([1, 2, 3], [])
>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["drain", "gc_paused"]


def drain(records: list) -> Iterator:
    """The items of ``records`` in order, each let go of once taken (the list ends empty)."""
    records.reverse()
    while records:
        yield records.pop()


_GC_LOCK = threading.Lock()
_GC_PAUSES = 0
_GC_WAS_ON = False


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while files load. Ingest allocates millions of
    small objects without cycles, and each full collection walks all of them: about a
    third of a big file's load time. Reference counting still frees everything; the
    collector comes back on when the last concurrent load ends (counted across threads)."""
    global _GC_PAUSES, _GC_WAS_ON
    with _GC_LOCK:
        if _GC_PAUSES == 0:
            _GC_WAS_ON = gc.isenabled()
            gc.disable()
        _GC_PAUSES += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSES -= 1
            if _GC_PAUSES == 0 and _GC_WAS_ON:
                gc.enable()
