"""Profile: one entity's properties, relationships, evidence, and review of uncertain facts."""
import json

import streamlit as st

from clusternet.app_pages.common import (entity_label, get_snapshot, get_store, md, pick_entity, qp_get,
    refresh, run_or_error, table)
from clusternet.api import (DECISIONS, decode_evidence as decode_all, evidence_snippet, figure_tables, pending_reviews,
    record_decision, relation_rows, snippet_markdown)

def api_place(code):
    """A country code as the country's name (the code itself when unknown)."""
    return str(G.nodes[f"country:{code}"].get("name") or code) if code and f"country:{code}" in G else code


HIDDEN = {"evidence", "sources", "text", "facts", "labels", "aliases"}

st.title("Profile")
G = get_snapshot()
store = get_store()
wanted = qp_get("id")
if wanted and wanted not in G:
    st.warning("The entity this link points to is not in the store (any more); search for it below.")
node = pick_entity(G, "Entity", key="profile", default=wanted if wanted in G else None)
if node is None:
    st.stop()
if node != wanted:
    st.query_params["id"] = node

d = G.nodes[node]
st.header(md(d.get("name") or node))
kind = " · ".join(str(x) for x in (d.get("label"), api_place(d.get("country"))) if x)
st.caption(md(kind))

HIDDEN_MAIN = HIDDEN | {"id", "label", "name", "confidence", "country", "sha256"}
props = [{"about": k.replace("_", " "), "value": v if isinstance(v, (list, tuple)) else str(v)}
         for k, v in sorted(d.items()) if k not in HIDDEN_MAIN and v not in (None, "", [])]
if props:
    st.dataframe(table(props, ["about", "value"]), hide_index=True, width="stretch")
if d.get("aliases"):
    st.markdown("**Also known as:** " + ", ".join(md(a) for a in d["aliases"]))

st.subheader("Links")
rels = relation_rows(G, node)
if rels:
    for r in rels:
        r["shown"] = r["relationship"].replace(" this", f" {d.get('name') or 'this'}", 1) \
            if r["relationship"].endswith(" this") else r["relationship"]
    st.dataframe(table(rels, ["shown", "evidence"]).rename(columns={"shown": "link", "evidence": "sources"}),
                 hide_index=True, width="stretch")
    others = sorted({r["other_id"] for r in rels}, key=lambda n: entity_label(G, n).casefold())
    nxt = st.selectbox("Go to a related entity", others, format_func=lambda n: entity_label(G, n))
    if st.button("Open"):
        st.switch_page("app_pages/profile.py", query_params={"id": nxt})
else:
    st.caption("No links recorded.")

with st.expander("Details (internal ids and codes)"):
    st.caption(f"id {md(node)} · confidence {float(d.get('confidence', 1.0)):.2f}")
    st.dataframe(table([{"property": k, "value": v if isinstance(v, (list, tuple)) else str(v)}
                        for k, v in sorted(d.items()) if k not in HIDDEN and v not in (None, "", [])]),
                 hide_index=True, width="stretch")
    if rels:
        st.dataframe(table(rels, ["type", "other", "other_id", "confidence"]), hide_index=True, width="stretch")


def row_table(doc: dict, ev):
    """A spreadsheet row's evidence as a one-row table under the file's header line, or None."""
    import csv

    text = doc.get("text") or ""
    if not ev.loc or not str(ev.loc).lower().startswith("row") or not ev.text or "\n" not in text:
        return None
    header, line = text.split("\n", 1)[0], ev.text
    try:
        dialect = csv.Sniffer().sniff(header + "\n" + line, delimiters=",;\t|")
        cols, vals = next(csv.reader([header], dialect)), next(csv.reader([line], dialect))
    except (csv.Error, StopIteration):
        return None
    return table([dict(zip(cols, vals))], cols) if len(cols) == len(vals) > 1 else None


def show_evidence(items, limit=20):
    for ev in items[:limit]:
        doc = G.nodes[ev.document] if ev.document in G else {}
        title = md(doc.get("name") or "a document") + (f" · {md(ev.loc)}" if ev.loc else "")
        small = row_table(doc, ev)
        if small is not None:
            st.dataframe(small, hide_index=True)
        else:
            before, span, after = evidence_snippet(doc.get("text"), ev.start, ev.end, expected=ev.text)
            st.markdown(f"> {snippet_markdown(before, span, after) or md(ev.text or '')}")
        st.caption(title)
    if len(items) > limit:
        st.caption(f"and {len(items) - limit} more")


st.subheader("Evidence")
own = decode_all(d.get("evidence"))
if own:
    show_evidence(own)
else:
    st.caption("No evidence spans recorded for this node (it may come from a curated table).")

if d.get("label") == "Document":
    st.subheader("Figures this document states")
    mine = [t for t in figure_tables(G) if t["document_id"] == node and t["rows"]]
    for t in mine:
        st.dataframe(table(t["rows"], t["columns"]), hide_index=True, width="stretch")
    if not mine:
        st.caption("No figures.")

st.subheader("Review uncertain facts")
pending = pending_reviews(G, store, item=node)
if not pending:
    st.caption("Nothing here awaits review.")
for i, item in enumerate(pending[:20]):
    with st.expander(f"{md(item['name'])} ({item['kind']}, confidence {item['confidence']:.2f})"):
        show_evidence(item["evidence"], limit=5)
        with st.form(key=f"review_{i}"):
            decision = st.radio("Decision", DECISIONS, horizontal=True, key=f"decision_{i}")
            fix = st.text_area("Corrected values (JSON object, for a fix)", "{}", key=f"fix_{i}")
            note = st.text_input("Note", key=f"note_{i}")
            if st.form_submit_button("Save decision"):
                try:
                    fix_values = json.loads(fix or "{}")
                    if not isinstance(fix_values, dict):
                        raise ValueError
                except ValueError:
                    st.error("The corrected values must be a JSON object, e.g. {\"country\": \"FR\"}.")
                else:
                    if run_or_error(record_decision, store, item["id"], decision, fix=fix_values, note=note):
                        refresh()
                        st.success(f"Saved: {decision}.")
