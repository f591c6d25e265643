"""Which event names of a page are one event: a short name later on the page ("El Encuentro
Empresarial del martes") is the one longer event name it starts ("Encuentro Empresarial ANDARES
México–Europa"). Used by :mod:`.namelinks` on the page's event names in their compared form.
"""
from __future__ import annotations

__all__ = ["link_event_heads"]

_CLAUSE_WORDS = frozenset({"during", "at", "in", "within", "alongside", "of", "with", "on", "the"})


def link_event_heads(events: list[str], uf) -> None:
    """Link (``uf.union``) each event name of two words or more to the one longer event name it
    starts; two longer names, or a tail that is a clause or an edition, link nothing.

    >>> class UF:
    ...     def __init__(self): self.p = {}
    ...     def find(self, k): return k if self.p.get(k, k) == k else self.find(self.p[k])
    ...     def union(self, a, b): self.p[self.find(b)] = self.find(a)
    >>> uf = UF(); link_event_heads(["trade days", "trade days kyoto"], uf); uf.find("trade days")
    'trade days kyoto'
    """
    for a in events:
        if len(a.split()) < 2:
            continue
        longer = {uf.find(b) for b in events if b.startswith(a + " ") and _name_tail(b[len(a) + 1:])}
        if len(longer) == 1 and uf.find(a) not in longer:       # one it may be; two ("business mission to
            uf.union(longer.pop(), a)                           # Tokyo", "… to Trondheim"): neither


def _name_tail(tail: str) -> bool:
    """Whether the words after an event's short name still belong to its name ("andares mexico
    europa"), not to a clause that places it in another event ("during the mission for growth") nor
    to an edition ("spain 2014": the edition rules link those).

    >>> _name_tail("andares mexico europa"), _name_tail("during the mission for growth"), _name_tail("spain 2014")
    (True, False, False)
    """
    words = tail.split()
    return len(words) <= 4 and not any(w.isdigit() for w in words) and not set(words) & _CLAUSE_WORDS
