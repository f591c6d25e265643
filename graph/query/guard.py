"""The first layer of the read-only console: a static check of Cypher text.

:func:`check_read_only` tokenises the query the way Neo4j's lexer does (comments are
whitespace, string literals and backtick-quoted names are opaque) and refuses anything
that can write, administer, or reach outside the database:

* write clauses: CREATE, MERGE, SET, DELETE, DETACH, REMOVE, FOREACH, INSERT;
* LOAD CSV (files and URLs), ``CALL { … } IN TRANSACTIONS``;
* schema and admin commands: DROP, ALTER, RENAME, GRANT, DENY, REVOKE, START/STOP
  (databases), TERMINATE, ENABLE, (DE|RE)ALLOCATE, USE (switching to another database,
  ``system`` included) and every SHOW except SHOW INDEXES/CONSTRAINTS/PROCEDURES/FUNCTIONS;
* more than one statement (a ``;`` followed by anything);
* ``CALL`` of any procedure outside :data:`ALLOWED_PROCEDURES`, and functions from
  namespaces that run Cypher, load or export data, or sleep (``apoc.cypher.*`` …).

Obfuscation: the query is checked twice: as written, and its code (literals blanked,
comments turned into spaces) after Unicode NFKC normalisation with invisible format
characters (zero-width spaces and joiners, BOM, soft hyphen, bidi controls) removed.
Neo4j 5.26 rejects ``ＣＲＥＡＴＥ`` or ``DE\u200bLETE`` as syntax errors, so these are not
writes today; refusing them costs nothing and keeps the guard safe should a lexer ever
fold them. ``CRE/**/ATE`` is two names to Neo4j (a comment is whitespace),
so it is not a write and not refused; comments *between* keywords (``DETACH/**/DELETE``)
are seen through. Where lexing could be ambiguous the guard reads more text as code,
never less (a ``//`` comment ends at any line break, ``\u2028`` included; letters
glued to a number start a new word), so an ambiguity can only cause a refusal, never
let a write through.

This layer is one of three; the others are Neo4j's own ``EXPLAIN`` query type and a
READ access-mode transaction (see :mod:`clusternet.graph.query.console`). It is not
redundant: Neo4j plans ``LOAD CSV``, ``CALL { } IN TRANSACTIONS``, ``SHOW SETTINGS``,
``SHOW TRANSACTIONS`` and ``TERMINATE TRANSACTIONS`` as read-only (query type ``r``).

>>> print(check_read_only("MATCH (n:Cluster) WHERE n.name CONTAINS 'create' RETURN n.settings;"))
MATCH (n:Cluster) WHERE n.name CONTAINS 'create' RETURN n.settings
>>> try:
...     check_read_only("MATCH (n) DETACH DELETE n")
... except QueryRefused as err:
...     print(err)
refused: DETACH is a write clause; the console is read-only
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from clusternet.graph.errors import QueryRefused

__all__ = ["check_read_only", "tokenize", "Token", "ALLOWED_PROCEDURES", "refusal_reason",
           "strip_explain"]

# Procedures that only read the database's own metadata or walk the graph.
ALLOWED_PROCEDURES = (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
    "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",
    "apoc.meta.schema", "apoc.meta.stats", "apoc.meta.data",
    "apoc.path.expand", "apoc.path.expandConfig", "apoc.path.subgraphNodes",
    "apoc.path.subgraphAll", "apoc.path.spanningTree",
)
_ALLOWED_LOWER = frozenset(p.lower() for p in ALLOWED_PROCEDURES)

# Function namespaces with side effects: running Cypher, reading files/URLs, exporting,
# sleeping, touching triggers or the system database. Functions are otherwise pure.
_FUNCTION_DENY = ("apoc.cypher.", "apoc.load.", "apoc.import.", "apoc.export.", "apoc.periodic.",
                  "apoc.create.", "apoc.refactor.", "apoc.trigger.", "apoc.schema.", "apoc.nodes.",
                  "apoc.static.", "apoc.custom.", "apoc.systemdb.", "apoc.util.", "apoc.do.",
                  "apoc.log.", "apoc.merge.", "apoc.lock.", "apoc.atomic.", "apoc.graph.",
                  "apoc.redis.", "apoc.mongo.", "apoc.es.", "apoc.couchbase.", "apoc.bolt.",
                  "apoc.kafka.", "apoc.ml.", "apoc.vectordb.", "gds.", "dbms.", "db.create",
                  "db.clear", "db.await", "db.index.fulltext.create", "db.index.vector.create",
                  "db.checkpoint", "tx.")

WRITE_CLAUSES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "INSERT"}
ADMIN_WORDS = {"DROP", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE",
               "ENABLE", "DEALLOCATE", "REALLOCATE", "USE", "DRYRUN"}
# START, STOP and USE are also natural variable names ((start)-->(stop)); as commands a
# target always follows them (START DATABASE x, USE system), as variables an operator
# or one of these words does.
_VARIABLE_WORDS = {"START", "STOP", "USE"}
_AFTER_VARIABLE = {"AS", "IS", "IN", "AND", "OR", "XOR", "CONTAINS", "STARTS", "ENDS", "WHERE", "RETURN",
                   "WITH", "ORDER", "LIMIT", "SKIP", "UNION", "MATCH", "OPTIONAL", "UNWIND", "ASC", "DESC",
                   "ASCENDING", "DESCENDING"}
OTHER_REFUSED = {"LOAD": "LOAD CSV reads files and URLs",
                 "PERIODIC": "periodic commit writes in batches",
                 "TRANSACTIONS": "IN TRANSACTIONS (and SHOW/TERMINATE TRANSACTIONS) is not a plain read"}
_SHOW_OK = {"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS", "PROCEDURE", "PROCEDURES",
            "FUNCTION", "FUNCTIONS"}
_SHOW_SENSITIVE = {"USERS", "ROLE", "ROLES", "PRIVILEGE", "PRIVILEGES", "DATABASE", "DATABASES",
                   "SERVER", "SERVERS", "TRANSACTION", "TRANSACTIONS", "SETTING", "SETTINGS", "ALIAS",
                   "ALIASES", "CURRENT", "DEFAULT", "HOME", "SUPPORTED", "POPULATED"}

# Line terminators: Neo4j ends a // comment at \n or \r; we also end it at every other
# Unicode line break so that no text Neo4j might run is mistaken for a comment.
_LINE_BREAKS = "\n\r\u2028\u2029\u0085\u000b\u000c"
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]+|0[oO][0-7]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Token:
    kind: str   # word, name (backtick-quoted), string, number, param, punct
    text: str   # for words: as written; compare with .upper
    pos: int    # where it starts in the text
    end: int = -1  # where it ends

    @property
    def upper(self) -> str:
        """The token's text in upper case, for comparing keywords."""
        return self.text.upper()


def _is_word_start(ch: str) -> bool:
    return ch == "_" or ch.isalpha()


def _is_word_part(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def tokenize(text: str) -> list[Token]:
    """Split Cypher into tokens; comments vanish, literals stay opaque.

    Raises :class:`QueryRefused` for an unterminated string, name or comment (the
    query could not be checked).

    >>> [t.text for t in tokenize("MATCH (n) /* x */ RETURN n.name // done")]
    ['MATCH', '(', 'n', ')', 'RETURN', 'n', '.', 'name']
    >>> [t.kind for t in tokenize("RETURN 'it''s', `a b`, $p")]
    ['word', 'string', 'string', 'punct', 'name', 'punct', 'param']
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i) or text.startswith("/*", i):
            i = _comment_end(text, i)
        elif ch in "'\"":
            j = _string_end(text, i)
            tokens.append(Token("string", text[i + 1:j], i, j + 1))
            i = j + 1
        elif ch == "`":
            j = _name_end(text, i)
            tokens.append(Token("name", text[i + 1:j].replace("``", "`"), i, j + 1))
            i = j + 1
        else:
            tok = _plain_token(text, i)
            tokens.append(tok)
            i = tok.end
    return tokens


def _comment_end(text: str, i: int) -> int:
    """Where the comment starting at ``i`` ends: the line break after ``//``, or just
    past the ``*/`` of ``/*`` (unterminated: :class:`QueryRefused`)."""
    if text.startswith("//", i):
        j = i + 2
        while j < len(text) and text[j] not in _LINE_BREAKS:
            j += 1
        return j
    j = text.find("*/", i + 2)
    if j < 0:
        raise QueryRefused("refused: unterminated /* comment; the query cannot be checked")
    return j + 2


def _string_end(text: str, i: int) -> int:
    """Index of the quote closing the string literal opened at ``i`` (a backslash
    escapes the next character); unterminated: :class:`QueryRefused`."""
    ch, j, n = text[i], i + 1, len(text)
    while j < n and text[j] != ch:
        j += 2 if text[j] == "\\" else 1
    if j >= n:
        raise QueryRefused("refused: unterminated string literal; the query cannot be checked")
    return j


def _name_end(text: str, i: int) -> int:
    """Index of the backtick closing the quoted name opened at ``i`` (a doubled
    backtick is part of the name); unterminated: :class:`QueryRefused`."""
    j = i + 1
    while True:
        j = text.find("`", j)
        if j < 0:
            raise QueryRefused("refused: unterminated `name`; the query cannot be checked")
        if text.startswith("``", j):  # an escaped backtick inside the name
            j += 2
            continue
        return j


def _plain_token(text: str, i: int) -> Token:
    """The parameter, number, word or punctuation mark starting at ``i``."""
    ch, n = text[i], len(text)
    if ch == "$":
        j = i + 1
        while j < n and _is_word_part(text[j]):
            j += 1
        return Token("param", text[i + 1:j], i, j)
    if ch.isdigit():
        # minimal number lexing: letters after a number start a new word (1DELETE
        # is 1 then DELETE to a lexer), so they are checked as possible keywords
        m = _NUMBER.match(text, i)
        return Token("number", m.group(0), i, m.end())
    if _is_word_start(ch):
        j = i + 1
        while j < n and _is_word_part(text[j]):
            j += 1
        return Token("word", text[i:j], i, j)
    return Token("punct", ch, i, i + 1)


def _normalised_code(text: str, tokens: list[Token]) -> str:
    """The code of a query, NFKC-normalised with format characters (zero-width, BOM,
    soft hyphen, bidi controls) removed. Literals are blanked first, so what a string
    holds (a fullwidth apostrophe, say) can never turn into code, and comments become
    a space, as Neo4j reads them."""
    parts, last = [], 0
    for tok in tokens:
        if tok.pos > last:
            parts.append(" ")
        parts.append("''" if tok.kind == "string" else "`x`" if tok.kind == "name" else text[tok.pos:tok.end])
        last = tok.end
    code = unicodedata.normalize("NFKC", "".join(parts))
    return "".join(c for c in code if unicodedata.category(c) != "Cf")


def _dotted_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """Read ``a.b.`c`…`` starting at ``i``; returns (name, index after it)."""
    parts, j = [], i
    while j < len(tokens) and tokens[j].kind in ("word", "name"):
        parts.append(tokens[j].text)
        if j + 2 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 2].kind in ("word", "name"):
            j += 2
        else:
            j += 1
            break
    return ".".join(parts), j


def _is_name_position(tokens: list[Token], i: int) -> bool:
    """A word right after ``.`` or ``:`` (property, label, type) or right before ``:``
    (a map key or variable) is a name, never a clause: ``n.set``, ``{delete: 1}``."""
    before = tokens[i - 1].text if i > 0 and tokens[i - 1].kind == "punct" else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "punct" else ""
    return before in (".", ":") or after == ":"


def _used_as_variable(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    if nxt.kind == "punct":
        return nxt.text not in "({;"
    return nxt.kind == "word" and nxt.upper in _AFTER_VARIABLE


def _check_function(tokens: list[Token], i: int) -> str | None:
    """A namespaced function call ``a.b(…)`` from a namespace with side effects."""
    name, j = _dotted_name(tokens, i)
    if "." not in name or j >= len(tokens) or tokens[j].text != "(":
        return None
    low = name.lower()
    if any(low.startswith(p) for p in _FUNCTION_DENY):
        return f"{name}(): functions that run Cypher, load, export or wait are not allowed"
    return None


def _check_tokens(tokens: list[Token]) -> str | None:
    for i, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.text == ";":
            if i != len(tokens) - 1:
                return "more than one statement (';' followed by more text)"
            continue
        if tok.kind in ("word", "name") and (i == 0 or tokens[i - 1].text != "."):
            reason = _check_function(tokens, i)
            if reason:
                return reason
        if tok.kind != "word" or _is_name_position(tokens, i):
            continue
        word = tok.upper
        if word in WRITE_CLAUSES:
            return f"{word} is a write clause; the console is read-only"
        if word in _VARIABLE_WORDS and _used_as_variable(tokens, i):
            continue
        if word in ADMIN_WORDS:
            return f"{word} is a schema or administration command; the console only reads"
        if word in OTHER_REFUSED:
            return f"{word}: {OTHER_REFUSED[word]}"
        if word == "SHOW":
            follow = [t.upper for t in tokens[i + 1:i + 6] if t.kind == "word"]
            verdict = next((w for w in follow if w in _SHOW_OK or w in _SHOW_SENSITIVE), None)
            if verdict is None or verdict in _SHOW_SENSITIVE:
                shown = " ".join(follow[:3])
                return (f"SHOW {shown} is administration; only SHOW INDEXES, CONSTRAINTS, "
                        "PROCEDURES and FUNCTIONS are allowed")
        if word == "CALL":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or nxt.text in ("{", "("):
                continue  # a subquery; its body is checked like the rest
            name, _ = _dotted_name(tokens, i + 1)
            if name.lower() not in _ALLOWED_LOWER:
                return (f"CALL {name or '?'} is not one of the read-only procedures the console "
                        f"allows ({', '.join(ALLOWED_PROCEDURES[:6])}, ...)")
    return None


def refusal_reason(cypher: str) -> str | None:
    """Why ``cypher`` is refused, or None if it passes the static check.

    >>> refusal_reason("CALL db.labels()") is None
    True
    >>> refusal_reason("ＣＲＥＡＴＥ (n)")
    'CREATE is a write clause; the console is read-only'
    """
    try:
        tokens = tokenize(cypher)
        reason = _check_tokens(tokens)
        if reason is None:
            reason = _check_tokens(tokenize(_normalised_code(cypher, tokens)))
        return reason
    except QueryRefused as err:
        return str(err).removeprefix("refused: ")


def check_read_only(cypher: str) -> str:
    """Return the query to run (a trailing ``;`` removed) or raise :class:`QueryRefused`."""
    if not isinstance(cypher, str) or not cypher.strip():
        raise QueryRefused("refused: the query is empty")
    reason = refusal_reason(cypher)
    if reason:
        raise QueryRefused(f"refused: {reason}")
    text = cypher.strip()
    toks = tokenize(text)
    if toks and toks[-1].text == ";" and toks[-1].kind == "punct":
        text = text[:toks[-1].pos].rstrip()
    return text


def strip_explain(cypher: str) -> str:
    """The query without a leading EXPLAIN or PROFILE (so it can be EXPLAINed itself).

    >>> strip_explain("PROFILE MATCH (n) RETURN n")
    'MATCH (n) RETURN n'
    """
    toks = tokenize(cypher)
    if toks and toks[0].kind == "word" and toks[0].upper in ("EXPLAIN", "PROFILE") and len(toks) > 1:
        return cypher[toks[1].pos:]
    return cypher
