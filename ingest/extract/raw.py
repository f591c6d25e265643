"""What the rules propose before the decisions: raw relations and raw facts, whose ends are
document entities (or a ``country:XX`` id), and the number parser both fact readers share.
Kept apart so the readers (relations, prose, facts, counts) import it and not one another.

>>> RawRel("a", "LOCATED_IN", "country:TN", 0, 5).conf
0.6
"""
from __future__ import annotations

import clusternet.ingest.extract.fastre as re
from dataclasses import dataclass, field

__all__ = ["RawRel", "RawFact", "parse_number"]


@dataclass
class RawRel:
    source: object
    type: str
    target: object  # a DocEntity or a "country:XX" id
    start: int
    end: int
    conf: float = 0.6
    props: dict = field(default_factory=dict)
    rule: str = ""      # which family of rules proposed it (a feature of the learned decisions)


@dataclass
class RawFact:
    subject: object
    measure: str
    country: str | None
    value: float | int
    unit: str | None
    start: int
    end: int
    conf: float = 0.6


_NUM = re.compile(r"^[+~]?\s*(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(%|m²|m2)?$")


def parse_number(text: str):
    """'3.190' -> 3190, '12.9' -> 12.9, '60,000' -> 60000, '85 %' -> (85, '%').

    >>> parse_number("3.190"), parse_number("12.9"), parse_number("60,000"), parse_number("85 %")
    ((3190, None), (12.9, None), (60000, None), (85, '%'))
    """
    m = _NUM.match(text.strip())
    if not m:
        return None
    raw, unit = m.group(1), m.group(2)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        value = int(re.sub(r"[.,]", "", raw))
    elif "," in raw or "." in raw:
        value = float(raw.replace(",", "."))
    else:
        value = int(raw)
    return value, unit


