"""Overview: what the graph holds, where, and from which documents."""
import altair as alt
import pandas as pd
import streamlit as st

from clusternet.app_pages.common import guard, md, overview_data, store_uri, table

st.title("Overview")
with guard():
    data = overview_data(store_uri())
if data["nodes"] == 0:
    st.info("The store is empty. Load documents or spreadsheets on the Ingest page, or run `clusternet demo`.")
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Nodes", f"{data['nodes']:,}")
c2.metric("Relationships", f"{data['rels']:,}")
c3.metric("Countries with actors", f"{len(data['by_country']):,}")

left, right = st.columns(2)
with left:
    st.subheader("Nodes by label")
    st.dataframe(table(data["by_label"]), hide_index=True, width="stretch")
with right:
    st.subheader("Actors by country")
    st.dataframe(table(data["by_country"]), hide_index=True, width="stretch", height=300)

st.subheader("Map of actors and cross-border links")
points, links = data["points"], data["links"]
if points:
    # Vega-Lite draws from data alone: no tiles or assets are fetched.
    proj = {"type": "equalEarth"}
    base = alt.Chart(pd.DataFrame(points))
    dots = base.mark_circle(color="#1f77b4", opacity=0.7).encode(
        longitude="lon:Q", latitude="lat:Q", size=alt.Size("actors:Q", legend=None, scale=alt.Scale(range=[30, 900])),
        tooltip=["name:N", "iso2:N", "actors:Q"])
    names = base.mark_text(dy=-10, fontSize=10).encode(longitude="lon:Q", latitude="lat:Q", text="iso2:N")
    layers = [dots, names]
    if links:
        lines = alt.Chart(pd.DataFrame(links)).mark_rule(color="#ff7f0e", opacity=0.5).encode(
            longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
            strokeWidth=alt.StrokeWidth("links:Q", legend=None, scale=alt.Scale(range=[0.5, 6])),
            tooltip=["source:N", "target:N", "links:Q"])
        layers.insert(0, lines)
    st.altair_chart(alt.layer(*layers).project(**proj).properties(height=480), width="stretch")
    with st.expander("Cross-border links as a table"):
        st.dataframe(table(links, ["source", "target", "links"]), hide_index=True, width="stretch")
else:
    st.caption("No actor has a country yet.")

st.subheader("Partnerships")
rows = data["partnerships"]
if rows:
    st.dataframe(table(rows, ["name", "acronym", "members", "member_countries", "targets", "id"]),
                 hide_index=True, width="stretch")
else:
    st.caption("No partnerships yet.")

st.subheader("Figures stated in documents")
facts = data["facts"]
if facts:
    df = table(facts, ["subject", "measure", "country", "value", "unit", "document"])
    for (subject, measure), group in df.groupby(["subject", "measure"], sort=True):
        st.markdown(f"**{md(subject or '–')}** · {md(measure or '–')} ({len(group)})")
        st.dataframe(group.drop(columns=["subject", "measure"]), hide_index=True, width="stretch")
else:
    st.caption("No document states figures yet.")

st.subheader("What was ingested when")
docs = data["docs"]
if docs:
    st.dataframe(table(docs, ["ingested_at", "name", "media_type", "chars", "mentions", "id"]),
                 hide_index=True, width="stretch")
else:
    st.caption("No documents yet.")
