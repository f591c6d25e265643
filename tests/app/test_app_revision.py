"""The running app shows what the CLI loads, on its next interaction (issue 18, part 1).

The app caches its snapshot and results per store revision; ``clusternet ingest`` run as
a separate process (as an analyst would, beside the shared app) moves the revision, so the
app's next rerun reads the new graph. Once with AppTest on both stores, once in a real
headless Chromium against a real `streamlit run`.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_sample import build_sample_store, sample_records  # noqa: E402
from paths import ROOT  # noqa: E402

APP = str(ROOT / "app.py")
NEW_CLUSTER = "Baltic Revision Test Cluster"


def _cli_ingest(store: str, tmp_path: Path, env: dict | None = None) -> None:
    """`clusternet ingest` in its own process: one new cluster, in a country already there."""
    csv = tmp_path / "clusters.csv"
    csv.write_text(f"name,country,city\n{NEW_CLUSTER},Germany,Kiel\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "clusternet.cli", "ingest", str(csv), "--store", store,
                           "--no-progress"], capture_output=True, text=True, timeout=180,
                          env={**os.environ, **(env or {})})
    assert proc.returncode == 0, proc.stderr


def _metrics(at: AppTest) -> dict[str, int]:
    """The Overview's actor counts: kind -> count."""
    return {m.label: int(str(m.value).replace(",", "")) for m in at.metric}


@pytest.fixture(params=["embedded", "neo4j"])
def app_store(request, tmp_path, monkeypatch):
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    if request.param == "embedded":
        uri = build_sample_store(tmp_path / "app.db")
    else:
        request.getfixturevalue("neo4j_store").upsert(*sample_records())
        uri, user, password, _ = request.getfixturevalue("neo4j_server")
        monkeypatch.setenv("NEO4J_USER", user)
        monkeypatch.setenv("NEO4J_PASSWORD", password)
    monkeypatch.setenv("CLUSTERNET_STORE", uri)
    yield uri
    from clusternet.app_pages.common import _store

    _store(uri).close()
    st.cache_resource.clear()
    st.cache_data.clear()


def test_the_next_rerun_shows_what_the_cli_loaded(app_store, tmp_path):
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception
    before = _metrics(at)
    assert before["Cluster"] == 2
    at.switch_page("app_pages/explore.py").run()
    assert not at.exception
    _cli_ingest(app_store, tmp_path)
    at.switch_page("app_pages/overview.py").run()   # the next interaction, same session
    assert not at.exception
    after = _metrics(at)
    # the new cluster, and the file itself (a Document, for provenance)
    assert after["Cluster"] == 3 and after["Document"] == before["Document"] + 1
    at.switch_page("app_pages/explore.py").run()    # the Explore choices were cached too
    assert NEW_CLUSTER in " ".join(str(o) for s in at.selectbox for o in s.options)


@pytest.mark.browser
def test_in_a_browser_the_next_click_shows_what_the_cli_loaded(tmp_path):
    from streamlit_server import chromium, require_chromium, streamlit_app

    require_chromium()
    store = build_sample_store(tmp_path / "browser.db")
    with streamlit_app(store, tmp_path) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(url, wait_until="domcontentloaded")
        metric = page.locator("[data-testid='stMetric']", has_text="Cluster").first.locator(
            "[data-testid='stMetricValue']")
        metric.wait_for(timeout=60_000)
        assert metric.inner_text().strip() == "2"
        _cli_ingest(store, tmp_path)
        # the next interaction: to Explore and back through the sidebar, in the same session
        page.get_by_role("link", name="Explore").click()
        page.get_by_role("heading", name="Explore", exact=True).first.wait_for(timeout=60_000)
        page.get_by_role("link", name="Overview").click()
        page.get_by_role("heading", name="Overview", exact=True).first.wait_for(timeout=60_000)
        page.wait_for_function("() => [...document.querySelectorAll(\"[data-testid='stMetric']\")].some("
                               "m => m.innerText.includes('Cluster') && m.innerText.includes('3'))", timeout=60_000)
        assert not errors, errors
