"""Query: saved analyst queries as forms, and a read-only Cypher console (Neo4j)."""
import json

import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, get_store, md, qp_get, run_or_error, table

st.title("Query")
store = get_store()


def show_result(result, name: str) -> None:
    rows = [dict(zip(result.columns, r)) for r in result.rows]
    st.caption(f"{len(rows):,} rows" + (" (more were there: the result was cut)" if result.truncated else ""))
    st.dataframe(table(rows, list(result.columns)), hide_index=True, width="stretch")
    st.download_button("Download (CSV)", api.csv_bytes(rows, list(result.columns)), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}")


saved_tab, console_tab = st.tabs(["Saved queries", "Cypher console"])
with saved_tab:
    saved = run_or_error(api.saved_queries) or []
    names = [q.name for q in saved]
    if not names:
        st.info("No saved queries found.")
    else:
        default = qp_get("q")
        name = st.selectbox("Query", names, index=names.index(default) if default in names else 0,
                            format_func=lambda n: next(q.title for q in saved if q.name == n))
        st.query_params["q"] = name
        q = next(q for q in saved if q.name == name)
        st.caption(md(q.description))
        with st.form("saved_query"):
            values = {}
            for p in q.params:
                label = f"{p.name}{' *' if p.required else ''}"
                if p.type == "int":
                    values[p.name] = st.number_input(label, value=int(p.default or 0), step=1, help=p.description or None)
                elif p.type == "float":
                    values[p.name] = st.number_input(label, value=float(p.default or 0.0), help=p.description or None)
                elif p.type == "bool":
                    values[p.name] = st.checkbox(label, value=bool(p.default), help=p.description or None)
                else:
                    default_text = ", ".join(p.default) if isinstance(p.default, list) else (p.default or "")
                    text = st.text_input(label, value=str(default_text), help=p.description or None)
                    if text.strip():
                        values[p.name] = [t.strip() for t in text.split(",") if t.strip()] \
                            if p.type == "list[str]" else text
            run = st.form_submit_button("Run", type="primary")
        with st.expander("Cypher"):
            st.code(q.cypher, language="cypher")
        if run:
            result = run_or_error(api.run_saved_query, store, q, values, G=get_snapshot())
            if result is not None:
                show_result(result, name)

with console_tab:
    if store.kind != "neo4j":
        st.info(md(api.EMBEDDED_CONSOLE_MESSAGE))
    st.caption("Read-only: queries that could write or administer are refused.")
    with st.form("console"):
        cypher = st.text_area("Cypher", "MATCH (p:Partnership) RETURN p.name AS name ORDER BY name LIMIT 25", height=140)
        params_text = st.text_area("Parameters (JSON object)", "{}", height=70)
        go = st.form_submit_button("Run", type="primary", disabled=store.kind != "neo4j")
    if go:
        try:
            params = json.loads(params_text or "{}")
            if not isinstance(params, dict):
                raise ValueError
        except ValueError:
            st.error("Parameters must be a JSON object, e.g. {\"country\": \"FR\"}.")
        else:
            result = run_or_error(api.run_cypher, store, cypher, params)
            if result is not None:
                show_result(result, "console")
