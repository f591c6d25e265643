"""How the loader reports progress: a plain callback, so the CLI can draw bars, the app a
progress widget, and a script nothing, without the library knowing which.

``progress(stage, done, total)`` is called with a stage's description (``"reading
clusters.csv"``), the records done so far, and ``total``: None while the stage runs, then
equal to ``done`` once it ends (a stage that fails ends too, with what it had done).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator, Optional

__all__ = ["Progress", "stage_progress"]

Progress = Callable[[str, int, Optional[int]], None]


@contextmanager
def stage_progress(progress: Progress | None, stage: str) -> Iterator[Callable[[int], None]]:
    """``advance(n)`` for one stage; it tells ``progress`` the running count, and the final
    count as both ``done`` and ``total`` when the stage ends. No ``progress`` (None, or the
    False older callers pass): ``advance`` does nothing.

    >>> seen = []
    >>> with stage_progress(lambda *a: seen.append(a), "reading a.csv") as advance:
    ...     advance(2000); advance(15)
    >>> seen
    [('reading a.csv', 2000, None), ('reading a.csv', 2015, None), ('reading a.csv', 2015, 2015)]
    """
    if not progress:
        yield lambda n=1: None
        return
    done = 0

    def advance(n: int = 1) -> None:
        nonlocal done
        done += n
        progress(stage, done, None)

    try:
        yield advance
    finally:
        progress(stage, done, done)
