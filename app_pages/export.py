"""Export: download the graph in every format (files are identical when exported twice)."""
import streamlit as st

from clusternet import api
from clusternet.api import EXPORT_FORMATS as FORMATS
from clusternet.app_pages.common import (SNAPSHOT_TTL, _snapshot_at, current_revision, get_snapshot, guard,
    store_uri)

GEPHI = ("graphml", "gexf")
MIME = {"graphml": "application/xml", "gexf": "application/xml", "csv": "application/zip",
        "json": "application/json", "html": "text/html", "png": "image/png", "svg": "image/svg+xml"}
WHAT = {"graphml": "GraphML (yEd, Gephi, networkx)", "gexf": "GEXF (Gephi)",
        "csv": "CSV: nodes.csv and edges.csv in a zip", "json": "JSON node-link (networkx, D3)",
        "html": "Interactive map, one offline HTML file", "png": "Static map (PNG)", "svg": "Static map (SVG)"}


@st.cache_data(ttl=SNAPSHOT_TTL, max_entries=8, show_spinner="Preparing the file…")
def prepared(uri: str, revision: int, fmt: str, with_reference: bool) -> bytes:
    """The export file for this revision of the store (Gephi formats: reference data on request)."""
    options = {"with_reference": with_reference} if fmt in GEPHI else {}
    return api.export(_snapshot_at(uri, revision), fmt, **options)


st.title("Export")
G = get_snapshot()
st.caption(f"{G.number_of_nodes():,} nodes and {G.number_of_edges():,} relationships, with their sources and evidence.")
fmt = st.radio("Format", FORMATS, format_func=WHAT.get)
with_reference = False
if fmt in GEPHI:
    left_out = api.export_left_out(G)
    with_reference = st.checkbox(f"Also the {left_out:,} countries, sectors and source documents nothing links to",
                                 value=False, help="Gephi draws them as a ring of unconnected nodes")
if st.button("Prepare the file", type="primary") or st.session_state.get("export_ready") == fmt:
    st.session_state["export_ready"] = fmt
    with guard():
        data = prepared(store_uri(), current_revision(), fmt, with_reference)
    st.download_button(f"Download {fmt.upper()} ({len(data) / 1e6:.2f} MB)", data,
                       file_name=f"clusternet{api.export_suffix(fmt)}", mime=MIME[fmt])
