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

from clusternet.app_pages.common import get_store, guard, md, note_revision  # noqa: E402  (after set_page_config)
from clusternet.api import ClusternetError, StoreUnavailable  # noqa: E402


def check_reachable(store) -> None:
    """Fail fast when a server store has gone away: one connection attempt, no retries
    (the driver's transaction retries would keep the page spinning for half a minute)."""
    driver = getattr(store, "driver", None)
    if driver is None:
        return
    from neo4j.exceptions import ServiceUnavailable, SessionExpired

    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, SessionExpired, OSError) as err:
        raise StoreUnavailable(f"{store.describe()} is not reachable ({type(err).__name__}); "
                               "the page recovers by itself once it is back") from None


PAGES = [
    st.Page("app_pages/overview.py", title="Overview", default=True),
    st.Page("app_pages/explore.py", title="Explore"),
    st.Page("app_pages/profile.py", title="Profile"),
    st.Page("app_pages/enlargement.py", title="Enlargement"),
    st.Page("app_pages/cross_border.py", title="Cross-border"),
    st.Page("app_pages/brief.py", title="Brief"),
    st.Page("app_pages/query.py", title="Query"),
    st.Page("app_pages/ingest.py", title="Ingest"),
    st.Page("app_pages/export.py", title="Export"),
]

page = st.navigation(PAGES)
store = get_store()
with st.sidebar:
    st.caption(f"Store: {md(store.describe())}")
with guard():
    check_reachable(store)
note_revision()  # once per rerun: caches are keyed by it, so another process's write shows now
try:
    page.run()
except StoreUnavailable as err:  # a page call the page itself did not guard: still no traceback
    st.error(f"Database unavailable: {md(err)}")
except ClusternetError as err:
    st.error(md(err))
