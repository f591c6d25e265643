"""Enlargement: who a partnership should invite next, with reasons and evidence, a shortlist
to keep and download, and what changes if a candidate joined."""
import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, md, pick_entity, qp_get, run_or_error, show_map, table
from clusternet.app_pages.suggestions import show_list, show_reasons

st.title("Enlargement")
st.caption("Candidates a partnership could invite next, ranked, each with the reasons and the evidence behind them.")
G = get_snapshot()
pid = pick_entity(G, "Partnership", labels=["Partnership"], key="enl", default=qp_get("partnership"))
if pid is None:
    st.stop()
st.query_params["partnership"] = pid
k = st.slider("How many suggestions", 5, 100, 20, step=5)
choices = api.objective_choices()
objective = st.radio("What the partnership wants", list(choices), format_func=choices.get,
                     key="enl_objective")
st.caption("Score: 0-100 match strength for this objective; a point is 1/100 of what the objective asks for.")
with st.expander("Narrow the candidates"):
    kinds = st.multiselect("Kinds", ["Cluster", "Organisation", "SME"], key="enl_only",
                           placeholder="any kind")
    org_countries = sorted({d["country"] for _, d in G.nodes(data=True)
                            if api.is_actor(d) and d.get("country")}, key=lambda c: api.place_name(G, c))
    in_countries = st.multiselect("In countries", org_countries, key="enl_countries", placeholder="anywhere",
                                  format_func=lambda c: api.place_name(G, c))
    cap = st.number_input("At most per country (0: no limit)", min_value=0, max_value=50, value=0, step=1,
                          key="enl_per_country")
    any_kind = st.checkbox("Any kind of organisation in one list (by default the members' kind comes first)",
                           key="enl_any_kind")
suggestions = run_or_error(api.suggest_enlargement, G, pid, k=k, only=kinds or None, countries=in_countries or None,
                           per_country=int(cap) or None, objective=objective,
                           kinds="any" if any_kind else "members")
if suggestions is None:
    st.stop()
if not suggestions:
    st.info("No candidates found for this partnership.")
    st.stop()
chosen = show_list(G, suggestions, key="enlargement", scope=pid)
st.page_link("app_pages/brief.py", label="Open the partnership brief" + (" with this shortlist" if chosen else ""),
             query_params={"partnership": pid})

st.subheader("Why")
show_reasons(G, suggestions[:10])

st.subheader("What if they joined?")
names = {s.id: str(s.name) for s in suggestions}
cand = st.selectbox("Candidate", list(names), format_func=names.get, key="enl_whatif")
result = run_or_error(api.what_if, G, pid, cand)
if result is not None:
    st.dataframe(table(result["rows"], ["figure", "now", "if they joined", "change"]), hide_index=True,
                 width="stretch")
    if result["gained"]:
        st.markdown(f"**{md(names[cand])}** would add "
                    + md(", ".join(api.place_name(G, c) for c in result["gained"])) + " (the diamonds on the map).")
    show_map(pid, marks=tuple(result["gained"]), mark_label="countries the candidate would add")
