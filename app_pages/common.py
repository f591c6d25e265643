"""What the app's pages share: the cached store and snapshot, pickers, safe text, tables.

The store is a ``cache_resource`` (one per URI, shared by sessions). The snapshot and the
results are cached per *store revision* (``store.revision()``, read once per rerun by
``app.py``): a write by anyone (the CLI's ``clusternet ingest``, another app process) shows
on the next interaction. The snapshot is one shared read-only object per revision (a
``cache_resource``, not a pickled copy per call), so the analytics' per-snapshot indexes
are built once, not once per visit. Errors of the clusternet family become
an error box ("database unavailable" when the store cannot be reached), never a traceback.
Data shown as Markdown goes through :func:`~clusternet.graph.viz.markdown_escape`.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Callable, Iterable

import pandas as pd
import streamlit as st

from clusternet import api
from clusternet.api import ClusternetError, StoreUnavailable
from clusternet.api import markdown_escape as md

__all__ = ["md", "store_uri", "get_store", "get_snapshot", "refresh", "note_revision", "current_revision", "guard",
           "entity_label", "pick_entity", "table", "suggestion_rows", "qp_get", "qp_list",
           "partnership_names", "pick_partnership", "show_map", "shortlist"]

SNAPSHOT_TTL = 3600  # seconds; freshness comes from the revision key, this only frees memory
_REVISION = "_clusternet_revision"  # session_state key: the revision this rerun reads at
PAGES_DIR = "app_pages"


def store_uri() -> str:
    return os.environ.get("CLUSTERNET_STORE") or "clusternet.db"


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(uri: str):
    return api.open_store(uri, ensure_schema=True)


# two entries: the current revision, and the previous one while sessions still use it
@st.cache_resource(ttl=SNAPSHOT_TTL, max_entries=2, show_spinner="Reading the graph…")
def _snapshot_at(uri: str, revision: int):
    """The store's snapshot at ``revision``, shared read-only by every session."""
    return _store(uri).snapshot()


def _snapshot(uri: str):
    return _snapshot_at(uri, current_revision())


def note_revision() -> int:
    """Read the store's revision (one cheap lookup) for this rerun; ``app.py`` calls it first."""
    with guard():
        rev = _store(store_uri()).revision()
    st.session_state[_REVISION] = rev
    return rev


def current_revision() -> int:
    """The revision noted for this rerun (read now if no rerun noted one)."""
    rev = st.session_state.get(_REVISION)
    return note_revision() if rev is None else rev


@contextmanager
def guard():
    """Show a clusternet error as an error box and stop the page (no traceback)."""
    try:
        yield
    except StoreUnavailable as err:
        st.error(f"Database unavailable: {md(err)}")
        st.stop()
    except ClusternetError as err:
        st.error(md(err))
        st.stop()


def get_store():
    with guard():
        return _store(store_uri())


def get_snapshot():
    with guard():
        return _snapshot(store_uri())


def refresh() -> None:
    """After this session's own write: read the new revision, so the rest of this rerun
    (and every other session's next one) reads fresh data; other caches stay."""
    note_revision()


def qp_get(name: str, default: str | None = None) -> str | None:
    return st.query_params.get(name, default)


def qp_list(name: str) -> list[str]:
    return [v for v in st.query_params.get_all(name) if v]


def entity_label(G, n: str) -> str:
    d = G.nodes[n]
    extra = ", ".join(str(x) for x in (d.get("label"), d.get("country")) if x)
    return f"{d.get('name') or n} ({extra})" if extra else str(d.get("name") or n)


def pick_entity(G, label: str, *, labels: Iterable[str] | None = None, key: str,
                default: str | None = None, limit: int = 300) -> str | None:
    """Search box + select box over nodes (optionally of some labels), best matches first.

    What the person types wins over the entity remembered in the address: ``default`` is
    offered first only while the search box is empty (or when it matches the search).
    """
    search = st.text_input(f"Search {label.lower()}", key=f"{key}_search", placeholder="part of a name or acronym")
    options = api.search_nodes(G, search, labels=labels, limit=limit)
    if default in G and default not in options and not search.strip():
        options.insert(0, default)
    if not options:
        st.info("Nothing matches.")
        return None
    index = options.index(default) if default in options and not search.strip() else 0
    return st.selectbox(label, options, index=index, key=f"{key}_select_{api.fold(search)}",
                        format_func=lambda n: entity_label(G, n))


def _cell(v: Any) -> Any:
    if v is None:
        return ""  # an empty cell, never the word "None"
    if isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, (list, tuple, set)):
        return "; ".join(str(x) for x in v)
    return str(v)


def table(rows: list[dict], columns: list[str] | None = None) -> pd.DataFrame:
    """A DataFrame of plain cells (lists joined), so any data shows as text."""
    cols = columns or (list(rows[0].keys()) if rows else [])
    return pd.DataFrame([{c: _cell(r.get(c)) for c in cols} for r in rows], columns=cols)


def suggestion_rows(suggestions: Iterable[Any]) -> list[dict]:
    """Suggestions as flat rows: rank, id, name, score, mode, reasons (texts joined)."""
    return [{"rank": i, "id": s.id, "name": s.name, "score": round(float(s.score or 0.0), 4), "mode": s.mode,
             "reasons": " | ".join(r.text for r in s.reasons)} for i, s in enumerate(suggestions, 1)]


def run_or_error(fn: Callable, *args, **kw):
    """Call a library function; a clusternet error becomes an error box and None."""
    try:
        return fn(*args, **kw)
    except StoreUnavailable as err:
        st.error(f"Database unavailable: {md(err)}")
    except ClusternetError as err:
        st.error(md(err))
    return None


def network_view(uri: str, *filters) -> tuple[str, str | None, list[str]]:
    """(page HTML, message, ids shown) of the map for these filters (see :func:`_network_view`)."""
    return _network_view(uri, current_revision(), *filters)


# shared results (cache_resource, read-only by convention): a cache_data hit would unpickle
# a private copy per call, which a session then keeps for as long as a widget's format_func
# holds the page's globals
@st.cache_resource(ttl=SNAPSHOT_TTL, max_entries=32, show_spinner="Laying out the network…")
def _network_view(uri: str, revision: int, labels: tuple, countries: tuple, groups: tuple, sectors: tuple,
                  partnership: str | None, center: str | None, depth: int, size_by: str, colour_by: str,
                  cap_mode: str, max_nodes: int, height: int) -> tuple[str, str | None, list[str]]:
    """The map for these filters at this revision, cached per filter set."""
    return api.network_map(_snapshot_at(uri, revision), labels=labels, countries=countries, groups=groups,
                           sectors=sectors, partnership=partnership, center=center, depth=depth, size_by=size_by,
                           colour_by=colour_by, cap_mode=cap_mode, max_nodes=max_nodes, height=height)


def overview_data(uri: str) -> dict:
    """Everything the overview page shows (small tables), so a cached render skips the snapshot."""
    return _overview_data(uri, current_revision())


@st.cache_resource(ttl=SNAPSHOT_TTL, max_entries=2, show_spinner=False)
def _overview_data(uri: str, revision: int) -> dict:
    """What the overview shows for this revision of the store."""
    G = _snapshot_at(uri, revision)
    return {**api.overview_tables(G), "actors": api.actor_counts(G), "figures": api.figure_tables(G),
            "partnership_names": partnership_names(G)}


def explore_choices(uri: str) -> dict:
    """Options of the explore filters: countries, sectors, partnerships and entities (id -> label)."""
    return _explore_choices(uri, current_revision())


@st.cache_resource(ttl=SNAPSHOT_TTL, max_entries=2, show_spinner=False)
def _explore_choices(uri: str, revision: int) -> dict:
    G = _snapshot_at(uri, revision)

    def by_name(ids):
        return {n: entity_label(G, n) for n in sorted(ids, key=lambda n: (str(G.nodes[n].get("name") or n).casefold(), n))}

    partnerships = by_name(n for n, d in G.nodes(data=True) if d.get("label") == "Partnership")
    entities = by_name(n for n, d in G.nodes(data=True) if d.get("label") != "Document")
    return {"countries": sorted({d.get("country") for _, d in G.nodes(data=True) if d.get("country")}),
            "sectors": sorted({str(d.get("name")) for _, d in G.nodes(data=True) if d.get("label") == "Sector" and d.get("name")}
                              | {s for _, d in G.nodes(data=True) for s in (d.get("sectors") or ())}),
            "partnerships": partnerships, "entities": entities,
            "names": {**partnerships, **entities}}  # one shared dict, not one per session


# --- issue 17: partnership picker, the world map, the shortlist kept in the session ----------

def partnership_names(G) -> dict[str, str]:
    """Partnership id -> its name (with acronym), sorted by name."""
    def shown(n):
        d = G.nodes[n]
        acr = d.get("acronym")
        return f"{d.get('name') or n} ({acr})" if acr and acr != d.get("name") else str(d.get("name") or n)
    ids = [n for n, d in G.nodes(data=True) if d.get("label") == "Partnership"]
    return {n: shown(n) for n in sorted(ids, key=lambda n: (shown(n).casefold(), n))}


def pick_partnership(names: dict[str, str], *, key: str, label: str = "Your partnership",
                     none: str | None = "(choose one)"):
    """A select box of partnerships by name (``names``: id -> name, :func:`partnership_names`);
    the one in the address (?partnership=) first. Returns its id, or None while nothing is chosen."""
    options = ([None] if none else []) + list(names)
    wanted = qp_get("partnership")
    index = options.index(wanted) if wanted in options else 0
    if not names:
        st.caption("No partnerships yet.")
        return None
    return st.selectbox(label, options, index=index, key=f"{key}_partnership",
                        format_func=lambda n: none if n is None else names[n])


@st.cache_resource(ttl=SNAPSHOT_TTL, max_entries=64, show_spinner=False)
def _map_svg(uri: str, revision: int, partnership: str | None, marks: tuple, mark_label: str) -> str:
    """The world map's SVG for this revision of the store (shared by sessions)."""
    return api.world_map_svg(_snapshot_at(uri, revision), partnership, marks=marks, mark_label=mark_label)


def show_map(partnership: str | None = None, *, marks: tuple = (), mark_label: str = "",
             height: int = 560) -> None:
    """The world map (inline SVG, drawn here, nothing fetched): actors per country, cross-border
    arcs, a chosen partnership's members outlined and target markets hatched."""
    with guard():
        svg = _map_svg(store_uri(), current_revision(), partnership, tuple(marks), mark_label)
    # in its own frame (as the network map is): the country tooltips work and nothing is sanitised away
    fitted = svg.replace("<svg ", '<svg style="width:100%;height:100%" preserveAspectRatio="xMidYMid meet" ', 1)
    st.iframe("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>"
              f'<body style="margin:0;height:100vh;font-family:Helvetica,Arial,sans-serif">{fitted}</body></html>',
              height=height)


def shortlist(key: str) -> dict:
    """The shortlist a person builds on a page, kept in the session: id -> suggestion."""
    return st.session_state.setdefault(f"shortlist_{key}", {})
