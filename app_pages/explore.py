"""Explore: the network map, filtered; choose a node to open its profile."""
import streamlit as st

from clusternet.app_pages.common import explore_choices, guard, network_view, qp_get, qp_list, store_uri
from clusternet.api import COLOUR_BY, COUNTRY_GROUPS as GROUPS, MAP_CAP as DEFAULT_CAP, SIZE_BY, load_schema, user_labels

st.title("Explore")
st.caption("The actors and their links: clusters, organisations, partnerships, events, agreements. Choose a "
           "partnership to see its network; add Country or Sector under Labels to see the reference data too.")
with guard():
    choices = explore_choices(store_uri())
schema = load_schema()
labels_of = choices["names"]  # shared: the widgets' format_func keeps this page's globals


def name_of(n):
    return labels_of.get(n, n)


def valid(values, allowed):
    return [v for v in values if v in allowed]


countries, sectors = choices["countries"], choices["sectors"]
partnerships, entities = list(choices["partnerships"]), list(choices["entities"])

with st.sidebar:
    st.subheader("Filters")
    # opens on the actors and their links, not on the 250 countries and sectors every store starts with
    labels = st.multiselect("Labels", list(schema.labels),
                            default=valid(qp_list("label"), schema.labels) or user_labels())
    sel_countries = st.multiselect("Countries", countries, default=valid(qp_list("country"), countries))
    groups = st.multiselect("Country groups", list(GROUPS), default=valid(qp_list("group"), GROUPS))
    sel_sectors = st.multiselect("Sectors", sectors, default=valid(qp_list("sector"), sectors))
    p_default = qp_get("partnership")
    partnership = st.selectbox("Partnership", [None] + partnerships, format_func=lambda n: "(any)" if n is None else name_of(n),
                               index=(partnerships.index(p_default) + 1) if p_default in partnerships else 0)
    c_default = qp_get("center")
    center = st.selectbox("Ego network around", [None] + entities[:5000],
                          format_func=lambda n: "(whole graph)" if n is None else name_of(n),
                          index=(entities.index(c_default) + 1) if c_default in entities[:5000] else 0)
    depth = st.slider("Depth (hops)", 1, 4, int(qp_get("depth", "1") or 1) if str(qp_get("depth", "1")).isdigit() else 1)
    st.subheader("Display")
    size_by = st.selectbox("Size by", SIZE_BY, index=SIZE_BY.index(qp_get("size")) if qp_get("size") in SIZE_BY else 0)
    colour_by = st.selectbox("Colour by", COLOUR_BY,
                             index=COLOUR_BY.index(qp_get("colour")) if qp_get("colour") in COLOUR_BY else 0)
    cap_mode = st.radio("Above the node cap", ["top", "aggregate"], horizontal=True,
                        format_func={"top": "most connected", "aggregate": "group by label and country"}.get)

# shareable state: the filters live in the URL
st.query_params.from_dict({k: v for k, v in {
    "label": labels, "country": sel_countries, "group": groups, "sector": sel_sectors,
    "partnership": partnership or "", "center": center or "", "depth": str(depth), "size": size_by,
    "colour": colour_by}.items() if v})

with guard():
    page, message, shown = network_view(store_uri(), tuple(labels), tuple(sel_countries), tuple(groups),
                                        tuple(sel_sectors), partnership, center, depth, size_by, colour_by,
                                        cap_mode, DEFAULT_CAP, 640)
if message:
    st.info(message)
st.caption(f"{len(shown):,} nodes shown. Hover a node for details, double-click it to open its profile "
           "in a new tab; drag to move, scroll to zoom.")
st.iframe(page, height=700)

st.subheader("Open a profile")
if shown:
    choice = st.selectbox("Node", shown, format_func=name_of, key="explore_open")
    if st.button("Open profile", type="primary"):
        st.switch_page("app_pages/profile.py", query_params={"id": choice})
else:
    st.caption("No node matches these filters.")
