"""Cross-border: links an organisation is missing abroad, ranked, with reasons and evidence."""
import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, pick_entity, qp_get, run_or_error
from clusternet.app_pages.suggestions import show_list, show_reasons

st.title("Cross-border")
st.caption("Organisations in other countries this one is not yet linked to, ranked, with reasons and evidence.")
G = get_snapshot()
org = pick_entity(G, "Organisation or cluster", labels=api.ACTOR_LABELS, key="xb",
                  default=qp_get("org"))
if org is None:
    st.stop()
st.query_params["org"] = org
k = st.slider("How many suggestions", 5, 100, 20, step=5)
suggestions = run_or_error(api.suggest_cross_border, G, org, k=k)
if suggestions is None:
    st.stop()
if not suggestions:
    st.info("No cross-border candidates found.")
    st.stop()
show_list(G, suggestions, key="cross_border", scope=f"xb:{org}")
st.subheader("Why")
show_reasons(G, suggestions[:10])
