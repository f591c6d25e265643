"""Enlargement: who a partnership should invite next, with reasons and evidence."""
import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, pick_entity, qp_get, run_or_error, suggestion_rows, table
from clusternet.app_pages.suggestions import show_reasons

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
                            if api.is_actor(d) and d.get("country")})
    in_countries = st.multiselect("In countries", org_countries, key="enl_countries", placeholder="anywhere",
                                  format_func=lambda c: f"{G.nodes[f'country:{c}'].get('name', c)} ({c})"
                                  if f"country:{c}" in G else c)
    cap = st.number_input("At most per country (0: no limit)", min_value=0, max_value=50, value=0, step=1,
                          key="enl_per_country")
    any_kind = st.checkbox("Any kind of organisation in one list (by default the members' kind comes first)",
                           key="enl_any_kind")
suggestions = run_or_error(api.suggest_enlargement, G, pid, k=k, only=kinds or None, countries=in_countries or None,
                           per_country=int(cap) or None, objective=objective,
                           kinds="any" if any_kind else "members")
if suggestions is None:
    st.stop()
rows = suggestion_rows(suggestions)
for row, s in zip(rows, suggestions):
    row["basis"] = s.basis      # network evidence, or a profile match only (cold start)
if not rows:
    st.info("No candidates found for this partnership.")
    st.stop()
st.dataframe(table(rows, ["rank", "name", "score", "basis", "reasons"]), hide_index=True, width="stretch")
st.download_button("Download the list (CSV)", api.csv_bytes(rows, ["rank", "name", "score", "basis", "reasons"]),
                   file_name="enlargement.csv", mime="text/csv")

st.subheader("Why")
show_reasons(G, suggestions[:10])

st.subheader("What if they joined?")
cand = st.selectbox("Candidate", [r["id"] for r in rows],
                    format_func=lambda c: next((str(r["name"]) for r in rows if r["id"] == c), c))
result = run_or_error(api.insight, G, "what-if", partnership=pid, candidate=cand)
if result is not None:
    figures = [k for k in result["before"] if not isinstance(result["before"][k], (list, dict))]
    st.dataframe(table([{"": k.replace("_", " "), "now": result["before"][k], "if they joined": result["after"][k]}
                        for k in figures]), hide_index=True)
