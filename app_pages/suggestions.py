"""Reasons and evidence of suggestions, shown the same way on the Enlargement and Cross-border pages."""
from collections import Counter

import streamlit as st

from clusternet import api
from clusternet.app_pages.common import md, table


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


def _heading(G, rank: int, s) -> str:
    """'1. Name · Cluster in France' (and the 0-100 score when the scorer gives one)."""
    where = f" in {api.place_name(G, s.country)}" if s.country else ""
    score = api.readable_score(s)
    return (f"{rank}. {md(s.name or 'candidate')} · {md(s.label or '')}{md(where)}"
            + (f" · score {score:.0f}/100" if score is not None else ""))


def show_reasons(G, suggestions: list, *, open_first: int = 3) -> None:
    """One expander per suggestion with its reasons as bullets (the first few open) and their evidence."""
    for i, s in enumerate(suggestions):
        with st.expander(_heading(G, i + 1, s), expanded=i < open_first):
            for reason in s.reasons:
                st.markdown(f"- {md(reason.text)}")
                _show_evidence(G, reason)


def mode_sentence(suggestions: list) -> str:
    """How the candidates were found, in words, e.g. 'Found from shared partners and events.'"""
    modes = Counter(s.mode for s in suggestions)
    if len(modes) == 1:
        return f"Candidates found {api.mode_words(next(iter(modes)))}."
    parts = [f"{n} {api.mode_words(m)}" for m, n in modes.most_common()]
    return "Candidates found: " + "; ".join(parts) + "."


def show_list(G, suggestions: list, *, key: str, scope: str) -> list:
    """The ranked candidates as a table (names first, ids hidden), the shortlist the person
    picks (kept in the session per ``scope``), and its download as CSV and XLSX. Returns the
    shortlisted suggestions."""
    st.markdown(md(mode_sentence(suggestions)))
    rows = api.shortlist_rows(G, suggestions)
    for r, s in zip(rows, suggestions):
        r["id"] = s.id
    bases = {r.get("how found") for r in rows}
    shared = len(bases) == 1 and len(rows) > 1    # said once above the table, not on every row
    if shared and next(iter(bases)):
        basis = str(next(iter(bases)))
        st.caption(md(basis[:1].upper() + basis[1:] + "."))
    cols = ["rank", "name", "kind", "country"] + (["score"] if "score" in rows[0] else []) + ["how found", "reasons"]
    shown = [c for c in cols if not (shared and c == "how found")]
    st.dataframe(table(rows, cols + ["id"]), hide_index=True, width="stretch", column_order=shown)
    by_id = {s.id: s for s in suggestions}
    kept = st.session_state.setdefault("shortlists", {}).get(scope, [])
    picked = st.multiselect("Your shortlist", list(by_id), default=[s.id for s in kept if s.id in by_id],
                            key=f"{key}_shortlist_{scope}", placeholder="pick candidates to keep",
                            format_func=lambda n: str(by_id[n].name))
    chosen = [by_id[n] for n in picked]
    st.session_state["shortlists"][scope] = chosen
    out = api.shortlist_rows(G, chosen) if chosen else rows
    what = "shortlist" if chosen else "whole list"
    cols = [c for c in ["rank", "name", "kind", "country", "score", "how found", "reasons", "evidence"] if c in (out[0] if out else {})]
    c1, c2 = st.columns(2)
    c1.download_button(f"Download the {what} (CSV)", api.csv_bytes(out, cols), file_name=f"{key}-{what.split()[-1]}.csv",
                       mime="text/csv", key=f"{key}_csv")
    c2.download_button(f"Download the {what} (XLSX)", api.xlsx_bytes(out, cols), file_name=f"{key}-{what.split()[-1]}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx")
    return chosen
