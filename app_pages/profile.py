"""Profile: one entity's properties, relationships, evidence, and review of uncertain facts."""
import json

import streamlit as st

from clusternet.app_pages.common import (entity_label, get_snapshot, get_store, md, pick_entity, qp_get,
    refresh, run_or_error, table)
from clusternet.api import (DECISIONS, decode_evidence as decode_all, evidence_snippet, pending_reviews,
    record_decision, snippet_markdown, stated_facts)

HIDDEN = {"evidence", "sources", "text", "facts", "labels", "aliases"}

st.title("Profile")
G = get_snapshot()
store = get_store()
wanted = qp_get("id")
if wanted and wanted not in G:
    st.warning(f"No node with id {md(wanted)} in the store.")
node = pick_entity(G, "Entity", key="profile", default=wanted if wanted in G else None)
if node is None:
    st.stop()
if node != wanted:
    st.query_params["id"] = node

d = G.nodes[node]
st.header(md(d.get("name") or node))
st.caption(f"{md(' · '.join(str(x) for x in (d.get('label'), d.get('country')) if x))} · id {md(node)} · "
           f"confidence {float(d.get('confidence', 1.0)):.2f}")

props = [{"property": k, "value": v if isinstance(v, (list, tuple)) else str(v)} for k, v in sorted(d.items()) if k not in HIDDEN and v not in (None, "", [])]
st.subheader("Properties")
st.dataframe(table(props, ["property", "value"]), hide_index=True, width="stretch")
if d.get("aliases"):
    st.markdown("**Also known as:** " + ", ".join(md(a) for a in d["aliases"]))

st.subheader("Relationships")
rels = []
for u, v, k, e in G.out_edges(node, keys=True, data=True):
    rels.append({"direction": "→", "type": k, "other": G.nodes[v].get("name") or v, "other_id": v,
                 "confidence": e.get("confidence"), "evidence": len(e.get("evidence") or ())})
for u, v, k, e in G.in_edges(node, keys=True, data=True):
    rels.append({"direction": "←", "type": k, "other": G.nodes[u].get("name") or u, "other_id": u,
                 "confidence": e.get("confidence"), "evidence": len(e.get("evidence") or ())})
rels.sort(key=lambda r: (r["type"], r["direction"], str(r["other"]).casefold()))
if rels:
    st.dataframe(table(rels), hide_index=True, width="stretch")
    others = sorted({r["other_id"] for r in rels}, key=lambda n: entity_label(G, n).casefold())
    nxt = st.selectbox("Go to a related entity", others, format_func=lambda n: entity_label(G, n))
    if st.button("Open"):
        st.switch_page("app_pages/profile.py", query_params={"id": nxt})
else:
    st.caption("No relationships.")


def show_evidence(items, limit=20):
    for ev in items[:limit]:
        doc = G.nodes[ev.document] if ev.document in G else {}
        before, span, after = evidence_snippet(doc.get("text"), ev.start, ev.end, expected=ev.text)
        where = f" · {md(ev.loc)}" if ev.loc else ""
        st.markdown(f"> {snippet_markdown(before, span, after) or md(ev.text or '')}")
        st.caption(f"{md(doc.get('name') or ev.document)}{where}")
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
    facts = [f for f in stated_facts(G) if f["document_id"] == node]
    st.dataframe(table(facts, ["subject", "measure", "country", "value", "unit"]), hide_index=True, width="stretch")

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
