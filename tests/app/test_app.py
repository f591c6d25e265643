"""The Streamlit app, page by page, with AppTest on a small seeded embedded store."""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_sample import XSS_IMG, XSS_SCRIPT, build_sample_store  # noqa: E402
from paths import ROOT  # noqa: E402

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


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(str(m.value).replace(",", "")) for m in at.metric}


def test_overview_counts_actors_once_and_shows_the_map(store_path):
    at = run_page()
    assert [t.value for t in at.title] == ["Overview"]
    # each node once by its own label; the 5 countries and 1 sector of reference data not counted
    assert metrics(at) == {"Cluster": 2, "Organisation": 2, "SME": 1, "Partnership": 1, "Document": 1}
    subs = [s.value for s in at.subheader]
    for heading in ("Start here", "Map of actors and cross-border links", "Partnerships",
                    "Figures stated in documents"):
        assert heading in subs
    maps = [f.proto.srcdoc for f in at.get("iframe") if "<svg" in f.proto.srcdoc]
    assert len(maps) == 1 and 'data-iso="FR"' in maps[0] and 'class="link"' in maps[0]
    assert "<script" not in maps[0].replace("&lt;script", "")  # hostile names are text in the map
    frames = [df.value for df in at.dataframe]
    partnerships = next(f for f in frames if "members" in f.columns)
    assert partnerships.iloc[0]["members"] == 4 and "Morocco" in partnerships.iloc[0]["target markets"]
    assert "id" not in partnerships.columns
    figures = next(f for f in frames if "about" in f.columns)
    assert figures.iloc[0].to_dict() == {"about": "Techtera", "country": "France", "member companies": "450 companies"}
    # the figures sit under the document's title, shown as text
    assert any(m.value.startswith("**Report") and "<script" not in m.value for m in at.markdown)
    # the start-here links appear once a partnership is picked
    at.selectbox(key="ov_partnership").set_value("partnership:medtex").run()
    links = [el.proto.label for el in at.get("page_link")]
    assert len(links) == 3 and any("Enlargement" in x for x in links)
    maps = [f.proto.srcdoc for f in at.get("iframe") if "<svg" in f.proto.srcdoc]
    assert 'class="member' in maps[0] or "member" in maps[0]


def _legend(srcdoc: str) -> dict[str, int]:
    """The Explore map's legend as {label: count}, read from its HTML."""
    import re

    return {html.unescape(name): int(n.replace(",", ""))
            for name, n in re.findall(r'<li><span style="background:#[0-9a-f]+"></span>([^<]+) \(([\d,]+)\)</li>', srcdoc)}


def test_overview_counts_agree_with_the_explore_legend(store_path):
    """Defect (6): Overview said Organisation 19 where Explore said Organisation 10 + SME 9."""
    overview = metrics(run_page())
    at = run_page("app_pages/explore.py")
    legend = _legend(at.get("iframe")[0].proto.srcdoc)
    assert legend == {"Cluster": 2, "Organisation": 2, "SME": 1, "Partnership": 1}
    assert all(overview[label] == n for label, n in legend.items())
    assert "Country" not in legend  # Explore opens on the actors, not on the reference countries


def test_overview_leaves_out_figures_that_are_sentences(tmp_path, monkeypatch):
    from clusternet.graph.model import Node
    from clusternet.graph.store.sqlite import EmbeddedStore

    path = build_sample_store(tmp_path / "facts.db")
    facts = [json.dumps({"subject": "cluster:techtera-fr", "measure": "jobs", "country": "FR", "value": 1200}),
             json.dumps({"subject": "cluster:techtera-fr", "measure": "outlook", "country": "FR",
                         "value": "the partners expect strong growth next year"})]
    with EmbeddedStore(path) as store:
        store.upsert([Node("doc:0000000000000002", ("Document",), {"name": "Jobs table", "facts": facts,
                                                                  "text": "Techtera jobs 1200"})], [])
    monkeypatch.setenv("CLUSTERNET_STORE", path)
    import streamlit as st
    st.cache_data.clear()
    at = run_page()
    tables = [df.value for df in at.dataframe if "about" in df.value.columns]
    jobs = next(t for t in tables if "jobs" in t.columns)
    assert jobs.iloc[0]["about"] == "Techtera" and jobs.iloc[0]["jobs"] == 1200  # a name, never the id
    assert all("outlook" not in t.columns for t in tables)
    assert "expect strong growth" not in texts(at)
    assert any("in words rather than figures" in c.value for c in at.caption)


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


def test_explore_opens_on_a_partnership_network_from_the_address(store_path):
    at = run_page("app_pages/explore.py", {"partnership": "partnership:medtex"})
    legend = _legend(at.get("iframe")[0].proto.srcdoc)
    # the partnership and its four members; the German organisation that only visited is not a member
    assert legend == {"Cluster": 2, "Organisation": 1, "SME": 1, "Partnership": 1}


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
    links = at.dataframe[0].value
    assert set(links["link"]) == {"partner in Med Textile Partnership", "located in Spain"}
    assert "id" not in links.columns and "type" not in links.columns
    details = [e for e in at.expander if "Details" in e.label]
    assert len(details) == 1 and "org:img-es" in html.unescape("".join(c.value for c in details[0].caption))
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
        assert "id" not in at.dataframe[0].proto.column_order  # kept for the program, not shown
        # how the candidates were found, said in words
        assert any(m.value.startswith("Candidates found") and "from " in m.value for m in at.markdown)
        # the top candidates' reasons are open, as bullets; a score in their headings is the 0-100 one
        opened = [e for e in at.expander if e.proto.expanded]
        assert opened and all("score" not in e.label or re.search(r"score \d{1,3}/100$", e.label) for e in opened)
        assert any(m.value.startswith("- ") for m in opened[0].markdown)
        assert not at.json


def test_enlargement_what_if_is_figures_and_a_map(store_path):
    at = run_page("app_pages/enlargement.py", {"partnership": "partnership:medtex"})
    at.selectbox(key="enl_whatif").set_value("org:md-de").run()
    figures = next(df.value for df in at.dataframe if "figure" in df.value.columns)
    row = figures.set_index("figure").loc["countries"]
    assert (row["now"], row["if they joined"], row["change"]) == (4, 5, "+1")
    assert any("would add Germany" in m.value for m in at.markdown)
    maps = [f.proto.srcdoc for f in at.get("iframe") if "<svg" in f.proto.srcdoc]
    assert maps and "countries the candidate would add" in maps[-1]
    assert not at.json


def test_shortlist_is_kept_downloaded_and_goes_into_the_brief(store_path):
    at = run_page("app_pages/enlargement.py", {"partnership": "partnership:medtex"})
    at.multiselect(key="enlargement_shortlist_partnership:medtex").select("org:md-de").run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the shortlist (CSV)", "Download the shortlist (XLSX)"]
    at.switch_page("app_pages/brief.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("your shortlist from Enlargement" in m.value for m in at.markdown)
    page = at.get("iframe")[0].proto.srcdoc
    assert "Bold" in page and "Med Textile Partnership" in page
    at.switch_page("app_pages/enlargement.py").run()   # coming back, the shortlist is still there
    assert at.multiselect(key="enlargement_shortlist_partnership:medtex").value == ["org:md-de"]


def test_brief_page_shows_the_brief_and_offers_html_and_pdf(store_path):
    at = run_page("app_pages/brief.py")
    assert [t.value for t in at.title] == ["Partnership brief"]
    page = at.get("iframe")[0].proto.srcdoc
    assert "Med Textile Partnership" in page and "<svg" in page
    assert "cluster:techtera-fr" not in page and "PARTNER_IN" not in page
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the brief (HTML)", "Download the brief (PDF)"]


@pytest.mark.parametrize("page,query,key", [("app_pages/profile.py", {"id": "cluster:xss-ma"}, "profile"),
                                            ("app_pages/enlargement.py", {"partnership": "partnership:medtex"}, "enl"),
                                            ("app_pages/cross_border.py", {"org": "cluster:xss-ma"}, "xb")])
def test_search_box_wins_over_the_entity_in_the_address(store_path, page, query, key):
    """Defect (1): what the person types must replace the entity the address remembers."""
    at = run_page(page, query)
    box = at.text_input(key=f"{key}_search")
    if key != "enl":  # another name: that entity is shown, not the remembered one
        box.input("Techtera").run()
        assert not at.exception
        shown = [sb for sb in at.selectbox if sb.key and sb.key.startswith(f"{key}_select_")]
        assert shown and shown[0].value == "cluster:techtera-fr"
        if key == "profile":
            assert [h.value for h in at.header] == ["Techtera"]
    # a search nothing matches ("Lyon" is no entity's name) leaves nothing from the address on screen
    at.text_input(key=f"{key}_search").input("Lyon").run()
    assert not at.exception
    assert any("Nothing matches" in i.value for i in at.info)
    assert not at.header and not at.dataframe


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


def test_query_parameters_are_pickers_and_errors_are_words(store_path):
    at = run_page("app_pages/query.py")
    at.selectbox[0].set_value("partnership_partners").run()
    picker = at.selectbox(key="qp_partnership_partners_partnership")
    assert picker.options[1] == "Med Textile Partnership (MEDTEX)" or "Med Textile" in picker.options[1]
    [b for b in at.button if b.label == "Run"][0].click().run()
    assert [e.value for e in at.error] == ["Choose a partnership first."]
    at.selectbox(key="qp_partnership_partners_partnership").set_value("partnership:medtex")
    [b for b in at.button if b.label == "Run"][0].click().run()
    assert not at.exception and not at.error
    frame = at.dataframe[0]
    shown = list(frame.proto.column_order) or list(frame.value.columns)
    assert not any(c == "id" or c.endswith("_id") for c in shown)
    assert not frame.value.astype(str).isin(["None"]).any().any()


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
    assert list(preview["file"]) == ["clusters.csv"]  # the person's file name
    assert preview.iloc[0]["will be created"] >= 1
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
    assert preview.iloc[0]["problems"] == 0


def test_explore_draws_the_partnership_hub_by_its_links_not_by_a_clusters_member_count(tmp_path, monkeypatch):
    """A cluster's ``members`` property (its member companies) once sized its dot, so a
    partnership hub with four partners looked smaller than any cluster with 500 members."""
    from clusternet.graph.model import Node
    from clusternet.graph.store.sqlite import EmbeddedStore

    path = build_sample_store(tmp_path / "hub.db")
    with EmbeddedStore(path) as store:
        store.upsert([Node("cluster:techtera-fr", ("Cluster",), {"name": "Techtera", "members": 500})], [])
    monkeypatch.setenv("CLUSTERNET_STORE", path)
    import streamlit as st
    st.cache_data.clear()
    at = run_page("app_pages/explore.py", {"partnership": "partnership:medtex"})
    page = at.get("iframe")[0].proto.srcdoc
    data, _ = json.JSONDecoder().raw_decode(page[page.index("var data = {") + len("var data = "):])
    value = {n["id"]: float(n["value"]) for n in data["nodes"]}
    assert value["partnership:medtex"] == max(value.values())
    assert value["cluster:techtera-fr"] < 500
    # links are named in words on hover, never by their code
    titles = {e["title"] for e in data["edges"]}
    assert "partner in" in titles and not any(t.isupper() for t in titles)


def test_ingest_preview_lists_problems_under_the_persons_file_name(store_path):
    at = run_page("app_pages/ingest.py")
    rows = "name,type,country,city\nBroken Cluster,cluster,ZZ,Nowhere\n"
    at.file_uploader[0].upload("my members.csv", rows.encode(), "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    problems = next(df.value for df in at.dataframe if "problem" in df.value.columns)
    assert set(problems["file"]) == {"my members.csv"} and problems["problem"].str.len().gt(0).all()
    assert "source" in set(problems["column"])  # which column, in which file, and why
    assert not at.json


def test_ingest_leaves_no_upload_copies_behind_and_keeps_the_document_name(store_path, tmp_path, monkeypatch):
    """Every session's uploads used to stay in a temporary folder for good; and a loaded report
    was stored under a numbered copy's name ("000-...") instead of the person's own."""
    import tempfile
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    at = run_page("app_pages/ingest.py")
    text = "The Olive Cluster (Tunisia) joined the Agri Forum in Tunis."
    at.file_uploader[0].upload("olive news.txt", text.encode(), "text/plain").run()
    assert not at.exception, [e.value for e in at.exception]
    [b for b in at.button if b.label == "Load into the store"][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert list(scratch.iterdir()) == []
    from clusternet.graph.store import open_store
    with open_store(store_path) as store:
        names = {n.props.get("name") for n in store.find_nodes("Document")}
    assert "olive_news.txt" in names


def test_a_basis_every_candidate_shares_is_said_once_not_on_every_row(tmp_path, monkeypatch):
    """BLUEPORT (demo) has no links yet: every candidate is a profile match. The long sentence
    saying so filled a 'how found' column on every row, cut off at the table's edge."""
    from clusternet.graph.store.sqlite import EmbeddedStore
    from clusternet.ingest.demo import build_demo

    path = tmp_path / "demo.db"
    with EmbeddedStore(path) as store:
        build_demo(store, ROOT / "examples", echo=lambda _: None)
    monkeypatch.setenv("CLUSTERNET_STORE", str(path))
    import streamlit as st
    st.cache_data.clear()
    at = run_page("app_pages/enlargement.py", {"partnership": "partnership:blueport"})
    assert not at.exception, [e.value for e in at.exception]
    assert "how found" not in at.dataframe[0].proto.column_order
    said = [c.value for c in at.caption if "profile match only" in c.value.lower()]
    assert len(said) == 1 and "BLUEPORT" in said[0]
