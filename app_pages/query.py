"""Query: saved analyst queries as forms, and a read-only Cypher console (Neo4j)."""
import json
import re

import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_snapshot, get_store, md, qp_get, run_or_error, table

st.title("Query")
store = get_store()
G = get_snapshot()
entities = sorted((n for n, d in G.nodes(data=True) if api.is_actor(d)),
                  key=lambda n: str(G.nodes[n].get("name") or n).casefold())
ID_RE = re.compile(r"(%s):[^\s]+" % "|".join(sorted({t.id_prefix for t in api.load_schema().nodes.values() if t.id_prefix})))


def in_words(text: str) -> str:
    """Relationship codes in a query's description as plain words ("PARTY_TO" -> "signed")."""
    rel_types = set(api.load_schema().rel_types)
    return re.sub(r"\b[A-Z][A-Z_]+[A-Z]\b", lambda m: api.relation_words(m[0]) if m[0] in rel_types else m[0],
                  str(text or ""))


def _is_id_column(name: str, values: list) -> bool:
    """A column of internal ids (named id or *_id, or holding only prefix:key values)."""
    if name == "id" or name.endswith("_id") or name.endswith("id_"):
        return True
    vals = [v for v in values if v not in (None, "")]
    return bool(vals) and all(isinstance(v, str) and ID_RE.fullmatch(v) for v in vals)


def show_result(result, name: str) -> None:
    rows = [dict(zip(result.columns, r)) for r in result.rows]
    st.caption(f"{len(rows):,} rows" + (" (more were there: the result was cut)" if result.truncated else ""))
    cols = list(result.columns)
    ids = [c for c in cols if _is_id_column(c, [r[c] for r in rows])]
    shown = [c for c in cols if c not in ids]
    st.dataframe(table(rows, shown + ids), hide_index=True, width="stretch", column_order=shown or None)
    st.download_button("Download (CSV)", api.csv_bytes(rows, shown + ids), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}")


def pick_param(G, p, label: str, qname: str):
    """A picker for a parameter that names a graph thing (partnership, country, sector, group,
    label, document, programme, organisation); None for a plain value."""
    def nodes(lab):
        return sorted((n for n, d in G.nodes(data=True) if d.get("label") == lab),
                      key=lambda n: str(G.nodes[n].get("name") or n).casefold())

    def name(n):
        return str(G.nodes[n].get("name") or n) if n in G else str(n)

    empty = "(any)" if not p.required else "(choose one)"
    choices = {"partnership": (nodes("Partnership"), name), "programme": (nodes("Programme"), name),
               "document": (nodes("Document"), name),
               "sector": ([str(G.nodes[n].get("name")) for n in nodes("Sector")], str),
               "country": ([str(G.nodes[n].get("country") or n.split(":", 1)[-1]) for n in nodes("Country")],
                           lambda c: api.place_name(G, c)),
               "group": (list(api.COUNTRY_GROUPS), str), "group_a": (list(api.COUNTRY_GROUPS), str),
               "group_b": (list(api.COUNTRY_GROUPS), str),
               "kind": (list(api.ACTOR_LABELS), str), "label": (list(api.user_labels()), str),
               "source": ([n for n in entities if n in G], name), "target": ([n for n in entities if n in G], name)}
    if p.name not in choices:
        return None
    options, fmt = choices[p.name]
    options = [""] + options
    index = options.index(p.default) if p.default in options else 0
    return st.selectbox(label, options, index=index, help=p.description or None, key=f"qp_{qname}_{p.name}",
                        format_func=lambda v: empty if v == "" else fmt(v))


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
        st.caption(md(in_words(q.description)))
        with st.form("saved_query"):
            values = {}
            for p in q.params:
                label = f"{p.name.replace('_', ' ')}{' *' if p.required else ''}"
                picked = pick_param(G, p, label, q.name) if p.type == "str" else None
                if picked is not None:
                    if picked:
                        values[p.name] = picked
                elif p.type == "int":
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
        missing = [p.name.replace("_", " ") for p in q.params if p.required and not values.get(p.name)]
        if run and missing:
            st.error("Choose " + " and ".join(f"a {m}" for m in missing) + " first.")
        elif run:
            result = run_or_error(api.run_saved_query, store, q, values, G=G)
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
