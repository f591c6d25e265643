"""Helpers for loading big files: keep the work per record small and let go of it early.

(Pausing the cycle collector while files load is :func:`clusternet.graph.store.gcpause.no_cycle_gc`.)

>>> records = [1, 2, 3]
>>> list(drain(records)), records
([1, 2, 3], [])
"""
from __future__ import annotations

from typing import Iterator

__all__ = ["drain"]


def drain(records: list) -> Iterator:
    """The items of ``records`` in order, each let go of once taken (the list ends empty)."""
    records.reverse()
    while records:
        yield records.pop()
