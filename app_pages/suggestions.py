"""Reasons and evidence of suggestions, shown the same way on the Enlargement and Cross-border pages."""
import streamlit as st

from clusternet.app_pages.common import as_dict, md
from clusternet.graph.curation import decode_all
from clusternet.graph.render.evidence import evidence_snippet, snippet_markdown


def _item_text(G, item: str) -> str:
    """A node id or relationship key ``source|TYPE|target`` in words."""
    parts = str(item).split("|")
    if len(parts) == 3 and parts[0] in G and parts[2] in G:
        return f"{G.nodes[parts[0]].get('name') or parts[0]} {parts[1]} {G.nodes[parts[2]].get('name') or parts[2]}"
    return str(G.nodes[item].get("name") or item) if item in G else str(item)


def show_reasons(G, suggestions: list[dict]) -> None:
    for s in suggestions:
        name = s.get("name") or s.get("id")
        with st.expander(f"{md(name)} · score {float(s.get('score') or 0):.3f}"):
            for r in s.get("reasons") or ():
                r = r if isinstance(r, (dict, str)) else as_dict(r)
                if isinstance(r, str):
                    st.markdown(f"- {md(r)}")
                    continue
                st.markdown(f"- {md(r.get('text', ''))}")
                raw = r.get("evidence") or []
                raw = raw if isinstance(raw, (list, tuple)) else [raw]
                spans = decode_all([e for e in raw if not isinstance(e, str) or e.startswith("{")])
                items = [e for e in raw if isinstance(e, str) and not e.startswith("{")]
                if items:
                    st.caption("based on: " + "; ".join(md(_item_text(G, i)) for i in items[:8]))
                docs = [d for d in r.get("sources") or () if d in G]
                if docs:
                    st.caption("sources: " + "; ".join(md(G.nodes[d].get("name") or d) for d in docs[:5]))
                for ev in spans[:3]:
                    doc = G.nodes[ev.document] if ev.document in G else {}
                    snippet = snippet_markdown(*evidence_snippet(doc.get("text"), ev.start, ev.end, expected=ev.text))
                    st.markdown(f"  > {snippet or md(ev.text or '')}")
                    st.caption(md(doc.get("name") or ev.document))
