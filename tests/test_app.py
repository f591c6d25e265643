"""The Streamlit app, page by page, with AppTest on a small seeded embedded store."""
from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parent / "helpers"))
from app_sample import XSS_IMG, XSS_SCRIPT, build_sample_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
TIMEOUT = 60


@pytest.fixture(params=["embedded", "neo4j"])
def store_path(request, tmp_path, monkeypatch):
    """The sample graph on each store; every page test runs on both."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    if request.param == "embedded":
        path = build_sample_store(tmp_path / "app.db")
    else:
        from app_sample import sample_records

        store = request.getfixturevalue("neo4j_store")  # emptied, schema ensured
        store.upsert(*sample_records())
        uri, user, password, _ = request.getfixturevalue("neo4j_server")
        monkeypatch.setenv("NEO4J_USER", user)
        monkeypatch.setenv("NEO4J_PASSWORD", password)
        path = uri
    monkeypatch.setenv("CLUSTERNET_STORE", path)
    yield path
    # the app keeps one store per URI for the life of its process; a test closes it itself
    # (a Neo4j driver left to the garbage collector warns at exit)
    from clusternet.app_pages.common import _store

    _store(path).close()
    st.cache_resource.clear()


def run_page(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if query:
        for k, v in query.items():
            at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


def test_overview_counts_map_facts_and_documents(store_path):
    at = run_page()
    assert [t.value for t in at.title] == ["Overview"]
    assert [m.value for m in at.metric][:2] == ["13", "17"]
    subs = [s.value for s in at.subheader]
    for heading in ("Nodes by label", "Actors by country", "Partnerships", "Figures stated in documents",
                    "What was ingested when"):
        assert heading in subs
    frames = [df.value for df in at.dataframe]
    labels = frames[0]
    assert dict(zip(labels["label"], labels["nodes"]))["Cluster"] == 2
    partnerships = next(f for f in frames if "members" in f.columns)
    assert partnerships.iloc[0]["members"] == 4 and "Morocco" in partnerships.iloc[0]["targets"]
    facts = next(f for f in frames if "unit" in f.columns)
    assert facts.iloc[0]["value"] == 450
    docs = next(f for f in frames if "ingested_at" in f.columns)
    assert docs.iloc[0]["ingested_at"].startswith("2024-05-01")
    # the facts heading shows the subject as text (escaped for Markdown)
    assert any("Techtera" in m.value for m in at.markdown)


def test_overview_empty_store_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERNET_STORE", str(tmp_path / "empty.db"))
    at = run_page()
    assert any("store is empty" in i.value for i in at.info)


def test_store_unavailable_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a sqlite database" * 100)
    monkeypatch.setenv("CLUSTERNET_STORE", str(bad))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any("Database unavailable" in e.value for e in at.error)


def test_explore_renders_map_and_keeps_filters_in_url(store_path):
    at = run_page("app_pages/explore.py", {"country": "FR"})
    assert [t.value for t in at.title] == ["Explore"]
    html = at.get("iframe")[0].proto.srcdoc if at.get("iframe") else None
    assert html is not None and "vis.Network" in html
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert at.query_params["country"] == ["FR"] or at.query_params["country"] == "FR"
    assert any("nodes shown" in c.value for c in at.caption)


def test_explore_open_profile_switches_page(store_path):
    at = run_page("app_pages/explore.py")
    at.selectbox(key="explore_open").set_value("cluster:techtera-fr")
    at.button[0].click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Profile"]
    assert at.query_params["id"] in ("cluster:techtera-fr", ["cluster:techtera-fr"])


def test_profile_shows_evidence_escaped_and_records_review(store_path):
    at = run_page("app_pages/profile.py", {"id": "org:img-es"})
    (heading,) = [h.value for h in at.header]
    # shown as the literal name: Markdown decodes the character references back to text
    assert "<" not in heading and html.unescape(heading) == XSS_IMG
    body = texts(at)
    assert XSS_IMG not in body and "<img" not in body
    assert ":orange-background[" in body  # the span is highlighted within its sentence
    assert "uncertain partner" in body
    # the low-confidence node and its relationship await review
    assert len(at.expander) >= 2
    at.radio(key="decision_0").set_value("reject")
    form_buttons = [b for b in at.button if b.label == "Save decision"]
    form_buttons[0].click().run()
    assert not at.exception
    from clusternet.graph.store import open_store
    with open_store(store_path) as store:
        decided = dict(store.meta_items("review:"))
    assert decided and list(decided.values())[0]["decision"] == "reject"


def test_enlargement_and_cross_border_pages_run(store_path):
    for page, title in (("app_pages/enlargement.py", "Enlargement"), ("app_pages/cross_border.py", "Cross-border")):
        at = run_page(page)
        assert [t.value for t in at.title] == [title]
        assert at.dataframe, f"{title}: no suggestions listed"  # ranked, with reasons in words
        frame = at.dataframe[0].value
        assert len(frame) >= 1 and list(frame["rank"]) == list(range(1, len(frame) + 1))
        assert frame["reasons"].str.len().gt(0).all()


def test_enlargement_candidates_can_be_narrowed(store_path):
    at = run_page("app_pages/enlargement.py")
    before = set(at.dataframe[0].value["id"])
    assert "org:md-de" in before                                    # the German organisation, not a member
    at.multiselect(key="enl_countries").select("DE").run()
    at.number_input(key="enl_per_country").set_value(1).run()
    assert not at.exception and list(at.dataframe[0].value["id"]) == ["org:md-de"]
    at.multiselect(key="enl_only").select("Cluster").run()          # no German cluster outside MEDTEX
    assert not at.exception and not at.dataframe
    assert any("No candidates" in i.value for i in at.info)


def test_query_page_runs_a_saved_query(store_path):
    at = run_page("app_pages/query.py")
    assert [t.value for t in at.title] == ["Query"]
    at.selectbox[0].set_value("low_confidence_facts").run()
    run = [b for b in at.button if b.label == "Run"][0]
    run.click().run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert "org:img-es" in set(frame["id"])
    if "://" not in store_path:
        assert any("Neo4j" in i.value for i in at.info)  # the console explains it needs Neo4j
    else:  # on Neo4j the read-only console runs ad-hoc Cypher, and refuses a write
        at.text_area[0].set_value("MATCH (p:Partnership) RETURN p.name AS name ORDER BY name")
        [b for b in at.button if b.label == "Run"][-1].click().run()
        assert not at.exception
        assert any("Med Textile Partnership" in set(d.value["name"]) for d in at.dataframe if "name" in d.value)
        at.text_area[0].set_value("MATCH (n) DETACH DELETE n")
        [b for b in at.button if b.label == "Run"][-1].click().run()
        assert at.error and not at.exception


def test_ingest_page_waits_for_files(store_path):
    at = run_page("app_pages/ingest.py")
    assert [t.value for t in at.title] == ["Ingest"]
    assert not at.error


def test_export_page_prepares_a_download(store_path):
    at = run_page("app_pages/export.py")
    assert [t.value for t in at.title] == ["Export"]
    at.radio[0].set_value("csv").run()
    at.button[0].click().run()
    assert not at.exception
    assert any("Download CSV" in str(b.proto.label) for b in at.get("download_button"))


def test_ingest_previews_then_loads_an_uploaded_spreadsheet(store_path):
    at = run_page("app_pages/ingest.py")
    rows = "name,type,country,city\nNew Textile Cluster,cluster,IT,Prato\n"
    at.file_uploader[0].upload("clusters.csv", rows.encode(), "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Preview" in [s.value for s in at.subheader]
    preview = at.dataframe[0].value
    assert list(preview["file"]) == ["000-clusters.csv"]
    from clusternet.graph.store import open_store
    with open_store(store_path) as store:
        before = store.counts()["nodes"].get("Cluster", 0)
    [b for b in at.button if b.label == "Load into the store"][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    with open_store(store_path) as store:
        after = store.counts()["nodes"].get("Cluster", 0)
    assert after == before + 1
    assert not at.error
    # the dry run wrote nothing: only the load did (the preview showed the cluster to be created)
    assert preview.iloc[0]["created"] >= 1 and preview.iloc[0]["problems"] == 0
