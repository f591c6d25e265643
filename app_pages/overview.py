"""Overview: what the app is for, where to start, what the graph holds and where, the map,
and the figures the documents state."""
import streamlit as st

from clusternet.app_pages.common import guard, md, overview_data, pick_partnership, show_map, store_uri, table

st.title("Overview")
st.markdown("clusternet turns your cluster partnership's reports, press releases and spreadsheets into one "
            "network, so you can see who works with whom across borders, who to invite next, and why.")
with guard():
    data = overview_data(store_uri())
if data["nodes"] == 0:
    st.info("The store is empty. Load documents or spreadsheets on the Ingest page, or run `clusternet demo`.")
    st.stop()

st.subheader("Start here")
pid = pick_partnership(data["partnership_names"], key="ov")
if pid:
    q = {"partnership": pid}
    c1, c2, c3 = st.columns(3)
    c1.page_link("app_pages/explore.py", label="Its network (Explore)", query_params=q)
    c2.page_link("app_pages/enlargement.py", label="Who to invite next (Enlargement)", query_params=q)
    c3.page_link("app_pages/brief.py", label="Its one-page brief", query_params=q)

st.subheader("What the network holds")
counts = data["actors"]
cols = st.columns(min(len(counts), 7) or 1)
for col, row in zip(cols * 2, counts):
    col.metric(row["kind"], f"{row['count']:,}")
st.caption(f"{len(data['by_country']):,} countries with actors. Reference data (the countries and sectors every "
           "store starts with) is not counted.")

st.subheader("Map of actors and cross-border links")
show_map(pid)
with st.expander("Actors by country and cross-border links as tables"):
    st.dataframe(table(data["by_country"], ["name", "actors"]).rename(columns={"name": "country"}),
                 hide_index=True, width="stretch")
    st.dataframe(table(data["links"], ["source", "target", "links"]).rename(
        columns={"source": "country", "target": "and country", "links": "links"}), hide_index=True, width="stretch")

st.subheader("Partnerships")
rows = data["partnerships"]
if rows:
    st.dataframe(table(rows, ["name", "acronym", "members", "member_country_names", "targets"]).rename(
        columns={"member_country_names": "member countries", "targets": "target markets"}), hide_index=True,
        width="stretch")
else:
    st.caption("No partnerships yet.")

st.subheader("Figures stated in documents")
if data["figures"]:
    for doc in data["figures"]:
        st.markdown(f"**{md(doc['document'])}**")
        if doc["rows"]:
            st.dataframe(table(doc["rows"], doc["columns"]), hide_index=True, width="stretch")
        if doc["skipped"]:
            st.caption(f"{doc['skipped']} statement(s) in words rather than figures are not shown here.")
else:
    st.caption("No document states figures yet.")

st.subheader("What was read, and when")
docs = data["docs"]
if docs:
    st.dataframe(table(docs, ["name", "ingested_at", "media_type", "mentions"]).rename(
        columns={"name": "document", "ingested_at": "read on", "media_type": "type", "mentions": "names mentioned"}),
        hide_index=True, width="stretch")
else:
    st.caption("No documents yet.")
