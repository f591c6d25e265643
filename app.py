"""The clusternet Streamlit app: the frame only (page config, sidebar, navigation).

Run it with ``clusternet app`` or ``streamlit run app.py``; the store comes from
``CLUSTERNET_STORE`` (a file path or a ``neo4j://``/``bolt://`` URI, with
``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``). Each page in ``app_pages/`` is a
few widgets around one library call; the cached store and snapshot live in
``app_pages/common.py``.
"""
import streamlit as st

# no page or nav icons: a Material icon name makes the browser fetch the favicon from Google Fonts
st.set_page_config(page_title="clusternet", layout="wide")

from clusternet.app_pages.common import get_store, md  # noqa: E402  (after set_page_config)

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", default=True),
    st.Page("app_pages/explore.py", title="Explore"),
    st.Page("app_pages/profile.py", title="Profile"),
    st.Page("app_pages/enlargement.py", title="Enlargement"),
    st.Page("app_pages/cross_border.py", title="Cross-border"),
    st.Page("app_pages/query.py", title="Query"),
    st.Page("app_pages/ingest.py", title="Ingest"),
    st.Page("app_pages/export.py", title="Export"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.caption(f"Store: {md(get_store().describe())}")
page.run()
