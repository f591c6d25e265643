"""Cross-border: links an organisation is missing abroad, ranked, with reasons and evidence."""
import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, pick_entity, qp_get, run_or_error, suggestion_rows, table
from clusternet.app_pages.suggestions import show_reasons

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
rows = suggestion_rows(suggestions)
if not rows:
    st.info("No cross-border candidates found.")
    st.stop()
st.dataframe(table(rows, ["rank", "name", "score", "mode", "reasons", "id"]), hide_index=True, width="stretch")
st.download_button("Download the list (CSV)", api.csv_bytes(rows, ["rank", "id", "name", "score", "mode", "reasons"]),
                   file_name="cross_border.csv", mime="text/csv")
st.subheader("Why")
show_reasons(G, suggestions[:10])
