"""YAML for untrusted files: plain data only, with limits on aliases and expanded size.

``yaml.safe_load`` already refuses Python tags, but an alias bomb ("billion laughs")
passes it: a few kilobytes whose aliases expand to billions of nodes when walked. This
loader composes the node tree first, counts alias uses and the size the tree would have
once expanded, and refuses before anything is built.

>>> load_yaml_limited("x.yaml", "- {name: Techtera, country: FR}\\n- {name: ATEVAL}\\n")
([{'name': 'Techtera', 'country': 'FR'}, {'name': 'ATEVAL'}], [1, 2])
>>> bomb = "a: &a [x, x, x, x, x, x, x, x, x]\\n" + "".join(
...     f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\\n" for p, c in zip("abcdefgh", "bcdefghi"))
>>> try:
...     load_yaml_limited("bomb.yaml", bomb)
... except InputTooLarge as err:
...     print(err)
bomb.yaml: YAML aliases expand to over 1,000,000 values (an alias bomb?); refused
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from clusternet.graph.errors import InputError, InputTooLarge

__all__ = ["load_yaml_limited", "MAX_ALIASES", "MAX_EXPANDED", "MAX_YAML_DEPTH"]

MAX_ALIASES = 1_000
MAX_EXPANDED = 1_000_000
MAX_YAML_DEPTH = 64


class _LimitedLoader(yaml.SafeLoader):
    """A SafeLoader that counts aliases while composing."""

    def __init__(self, stream):
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent, index):
        """Compose as SafeLoader does, refusing once more than :data:`MAX_ALIASES` aliases were met."""
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise _Refused(f"more than {MAX_ALIASES:,} YAML aliases; refused")
        return Composer.compose_node(self, parent, index)


class _Refused(Exception):
    pass


def _expanded_size(node, memo: dict, depth: int = 0) -> int:
    """Values the tree holds once aliases are expanded (shared nodes counted each time)."""
    if depth > MAX_YAML_DEPTH:
        raise _Refused(f"nested deeper than {MAX_YAML_DEPTH} levels")
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # cycles (recursive aliases) count once instead of looping
    if isinstance(node, ScalarNode):
        size = 1
    elif isinstance(node, SequenceNode):
        size = 1 + sum(_expanded_size(n, memo, depth + 1) for n in node.value)
    elif isinstance(node, MappingNode):
        size = 1 + sum(_expanded_size(k, memo, depth + 1) + _expanded_size(v, memo, depth + 1)
                       for k, v in node.value)
    else:
        size = 1
    if size > MAX_EXPANDED:
        raise _Refused(f"YAML aliases expand to over {MAX_EXPANDED:,} values (an alias bomb?); refused")
    memo[key] = size
    return size


def load_yaml_limited(path, text: str) -> tuple[Any, list[int] | None]:
    """Parse ``text`` as plain-data YAML. Returns ``(data, lines)``: ``lines`` gives the
    line number of each record when the document is a list of records (or a one-key
    mapping holding such a list), else None."""
    try:
        loader = _LimitedLoader(text)  # the reader checks for unprintable characters here
    except yaml.YAMLError as err:
        raise InputError(path, f"not valid YAML: {getattr(err, 'reason', None) or err}") from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(path, "the file is empty")
        _expanded_size(node, {})
        data = loader.construct_document(node)
    except _Refused as err:
        raise InputTooLarge(path, str(err)) from None
    except yaml.constructor.ConstructorError as err:
        tag = getattr(err, "problem", "") or str(err)
        raise InputError(path, f"YAML tag not allowed, only plain data is read ({tag.strip()})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError(path, f"not valid YAML{where}: {getattr(err, 'problem', None) or err}") from None
    except RecursionError:
        raise InputTooLarge(path, "YAML nested too deeply") from None
    except ValueError as err:  # an integer over Python's 4,300-digit limit (found probing the readers)
        raise InputError(path, f"not readable YAML: {str(err).split(';')[0]}") from None
    finally:
        loader.dispose()
    seq = node
    if isinstance(node, MappingNode) and len(node.value) == 1 and isinstance(node.value[0][1], SequenceNode):
        seq = node.value[0][1]
    lines = [n.start_mark.line + 1 for n in seq.value] if isinstance(seq, SequenceNode) else None
    return data, lines
