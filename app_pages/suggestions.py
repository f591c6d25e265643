"""Reasons and evidence of suggestions, shown the same way on the Enlargement and Cross-border pages."""
import streamlit as st

from clusternet import api
from clusternet.app_pages.common import md


def _item_text(G, item: str) -> str:
    """A node id or relationship key ``source|TYPE|target`` in words."""
    parts = str(item).split("|")
    if len(parts) == 3 and parts[0] in G and parts[2] in G:
        return (f"{G.nodes[parts[0]].get('name') or parts[0]} {api.relation_words(parts[1])} "
                f"{G.nodes[parts[2]].get('name') or parts[2]}")
    return str(G.nodes[item].get("name") or item) if item in G else "another record"


def _show_evidence(G, reason) -> None:
    """The records and document sentences behind one reason."""
    raw = list(reason.evidence or ())
    spans = api.decode_evidence([e for e in raw if e.startswith("{")])
    items = [e for e in raw if not e.startswith("{")]
    if items:
        st.caption("based on: " + "; ".join(md(_item_text(G, i)) for i in items[:8]))
    docs = [d for d in reason.sources or () if d in G]
    if docs:
        st.caption("sources: " + "; ".join(md(G.nodes[d].get("name") or "a document") for d in docs[:5]))
    for ev in spans[:3]:
        doc = G.nodes[ev.document] if ev.document in G else {}
        snippet = api.snippet_markdown(*api.evidence_snippet(doc.get("text"), ev.start, ev.end, expected=ev.text))
        st.markdown(f"  > {snippet or md(ev.text or '')}")
        st.caption(md(doc.get("name") or "a document"))


def show_reasons(G, suggestions: list, *, open_first: int = 3) -> None:
    """One expander per suggestion with its reasons as bullets (the first few open) and their evidence."""
    for i, s in enumerate(suggestions):
        with st.expander(f"{md(s.name or 'candidate')} · score {float(s.score or 0):.3f}", expanded=i < open_first):
            for reason in s.reasons:
                st.markdown(f"- {md(reason.text)}")
                _show_evidence(G, reason)
