"""Relations an extractor proposes that the schema does not allow between their ends.

The annotation guide (../shared/design/annotation-guide.md) says: "A relation the text
states but the type table does not allow is left out." A document is therefore loaded
without such a relation instead of being refused whole, and the relation is named in a
note of the file's report, so nothing is dropped silently. Curated files (spreadsheets,
interchange) do not pass through here: there a relation the schema refuses is an error the
user fixes.

>>> from clusternet.graph.model import Node, Rel
>>> nodes = [Node("cluster:a", ("Cluster",), {"name": "A"}), Node("org:f", ("Organisation",), {"name": "F"}),
...          Node("event:e", ("Event",), {"name": "E"})]
>>> rels = [Rel("cluster:a", "PARTICIPATED_IN", "org:f"), Rel("cluster:a", "PARTICIPATED_IN", "event:e")]
>>> kept, notes = leave_out_disallowed(nodes, rels)
>>> [r.target for r in kept]
['event:e']
>>> print(notes[0])
left out cluster:a PARTICIPATED_IN org:f: the schema does not allow PARTICIPATED_IN from Cluster to Organisation
"""
from __future__ import annotations

from typing import Iterable

from clusternet.graph.errors import SchemaError
from clusternet.graph.model import Node, Rel, primary_label
from clusternet.graph.schema import Schema, load_schema

__all__ = ["leave_out_disallowed"]


def _allowed(schema: Schema, src: str, type_: str, dst: str) -> bool:
    try:
        return schema.allows(src, type_, dst)
    except SchemaError:
        return True  # an unknown label or type is validation's to report, with its own message


def leave_out_disallowed(nodes: Iterable[Node], rels: Iterable[Rel],
                         schema: Schema | None = None) -> tuple[list[Rel], list[str]]:
    """The relations the schema allows between their ends' labels, and one note per
    relation left out. Ends not among ``nodes`` are kept for validation to judge."""
    s = schema or load_schema()
    labels = {n.id: primary_label(n.labels) for n in nodes}
    kept, notes = [], []
    for r in rels:
        src, dst = labels.get(r.source), labels.get(r.target)
        if src is None or dst is None or _allowed(s, src, r.type, dst):
            kept.append(r)
        else:
            notes.append(f"left out {r.source} {r.type} {r.target}: the schema does not allow "
                         f"{r.type} from {src} to {dst}")
    return kept, notes
