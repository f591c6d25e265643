"""Partnership brief: one page on a partnership (members on the map, markets and sectors
covered, brokers, candidates to invite), to read here and download as HTML or PDF."""
import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, partnership_names, pick_partnership, run_or_error

st.title("Partnership brief")
st.caption("One page to share: where the members are, which target markets and sectors they cover, who "
           "brokers around them, and whom to invite. It prints on one A4 page.")
G = get_snapshot()
pid = pick_partnership(partnership_names(G), key="brief", label="Partnership", none=None)
if pid is None:
    st.info("Add a partnership first (Ingest), then come back for its brief.")
    st.stop()
st.query_params["partnership"] = pid

picked = st.session_state.get("shortlists", {}).get(pid) or []
if picked:
    st.markdown(f"Candidates: **your shortlist from Enlargement** ({len(picked)}).")
    shortlist = api.brief_candidates(G, picked)
else:
    st.markdown("Candidates: the top five suggestions. Build your own shortlist on the Enlargement page.")
    shortlist = None
    st.page_link("app_pages/enlargement.py", label="Build a shortlist (Enlargement)", query_params={"partnership": pid})

brief = run_or_error(api.partnership_brief, G, pid, shortlist)
if brief is None:
    st.stop()
stem = "brief-" + "".join(ch if ch.isalnum() else "-" for ch in brief.name.casefold()).strip("-")[:60]
c1, c2 = st.columns(2)
c1.download_button("Download the brief (HTML)", brief.html.encode("utf-8"), file_name=f"{stem}.html",
                   mime="text/html", key="brief_html")
pdf = run_or_error(brief.pdf_bytes)
if pdf is not None:
    c2.download_button("Download the brief (PDF)", pdf, file_name=f"{stem}.pdf", mime="application/pdf",
                       key="brief_pdf")
st.iframe(brief.html, height=1250)
