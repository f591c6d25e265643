"""The app in a real browser (Debian chromium driven by Playwright), on a store of hostile names.

Every page must load without a JavaScript error, never run script from data (the hostile
names would set ``window.__xss`` or open an alert), and fetch nothing from outside the
app's own server, show no internal id (``org:…``, ``cluster:…``; the prefixes of
graph/schema.yaml) and no JSON tree in its main content. Screenshots go to ``test-artifacts/``;
the Overview (with its map), Enlargement (with reasons) and the brief also to
``docs/screenshots`` (``scripts/screenshots.py`` makes them from the demo store instead).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from streamlit_server import chromium, require_chromium, streamlit_app  # noqa: E402
from app_sample import XSS_IMG, XSS_SCRIPT, build_sample_store  # noqa: E402
from paths import ROOT  # noqa: E402

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
DOCS_SHOTS = ROOT / "docs" / "screenshots"
PAGES = [("", "Overview"), ("explore", "Explore"), ("profile?id=cluster:xss-ma", "Profile"),
         ("profile?id=org:img-es", "Profile"), ("enlargement", "Enlargement"), ("cross_border", "Cross-border"),
         ("brief", "Partnership brief"), ("query", "Query"), ("ingest", "Ingest"), ("export", "Export")]
FOR_DOCS = {"overview": "overview", "enlargement": "enlargement", "brief": "brief"}


def _id_pattern() -> re.Pattern:
    """Internal ids as a person would see them: ``prefix:key`` for the schema's id prefixes."""
    from clusternet.graph.schema import load_schema

    prefixes = sorted({t.id_prefix for t in load_schema().nodes.values() if t.id_prefix})
    return re.compile(r"\b(?:%s):[a-z0-9-]+\b" % "|".join(map(re.escape, prefixes)))


def _main_text(page) -> str:
    """The visible text of the main content (sidebar and closed expanders left out)."""
    return page.locator("[data-testid='stMain']").first.inner_text()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_chromium()
    store = build_sample_store(tmp_path_factory.mktemp("browser") / "hostile.db")
    with streamlit_app(store, tmp_path_factory.mktemp("log")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _visit(browser, url: str, path: str, title: str, shot: str):
    tall = shot.removeprefix("page-") in FOR_DOCS  # the map / the reasons / the brief in view
    page = browser.new_page(viewport={"width": 1400, "height": 2000 if tall else 1000})
    errors, dialogs, outside = [], [], []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "about:", "data:", "blob:"))
            else None)
    page.goto(f"{url}/{path}", wait_until="domcontentloaded")
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=45_000)
    # let the page finish its script run
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=45_000)
    if title in ("Enlargement", "Cross-border"):  # the suggestions take a moment on a first run
        page.get_by_text("Candidates found", exact=False).first.wait_for(timeout=120_000)
    if title in ("Overview", "Partnership brief"):  # the map / the brief is in a frame of its own
        page.locator("iframe").first.wait_for(timeout=120_000)
    if title == "Overview":
        page.locator("[data-testid='stMetric']").first.wait_for(timeout=120_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=120_000)
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    if shot.removeprefix("page-") in FOR_DOCS:
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_SHOTS / f"{FOR_DOCS[shot.removeprefix('page-')]}.png"), full_page=True)
    return page, errors, dialogs, outside


@pytest.mark.parametrize("path,title", PAGES, ids=[p or "overview" for p, _ in PAGES])
def test_page_loads_without_errors_or_script_from_data(browser, app_url, path, title):
    shot = "page-" + (path.split("?")[0] or "overview") + ("-" + path.split("=")[-1].replace(":", "_") if "=" in path else "")
    page, errors, dialogs, outside = _visit(browser, app_url, path, title, shot)
    try:
        assert not errors, errors
        assert not dialogs, dialogs
        assert page.evaluate("() => window.__xss") is None
        for frame in page.frames:
            assert frame.evaluate("() => window.__xss === undefined"), frame.url
        assert not outside, outside
        assert not page.locator("[data-testid='stException']").count()
        main = _main_text(page)
        assert not _id_pattern().findall(main), _id_pattern().findall(main)
        assert not page.locator("[data-testid='stMain'] [data-testid='stJson']").count()
        if title == "Overview":
            assert sum(f.locator("svg.clusternet-map").count() for f in page.frames) == 1
        if title == "Enlargement":
            assert page.get_by_text("Candidates found", exact=False).count() >= 1
    finally:
        page.close()


def test_hostile_names_show_as_text(browser, app_url):
    page, errors, dialogs, _ = _visit(browser, app_url, "profile?id=cluster:xss-ma", "Profile", "profile-hostile")
    try:
        heading = page.locator("h2").filter(has_text="script").first
        assert heading.inner_text().strip() == XSS_SCRIPT
        assert not page.locator("main img[src='x']").count()
        assert not errors and not dialogs
    finally:
        page.close()


def test_explore_map_draws_offline(browser, app_url):
    page, errors, dialogs, outside = _visit(browser, app_url, "explore", "Explore", "explore-map")
    try:
        frame = next(f for f in page.frames if f != page.main_frame)
        frame.wait_for_function("() => window.clusternetNetwork !== undefined", timeout=30_000)
        ids = frame.evaluate("() => window.clusternetNetwork.body.data.nodes.getIds()")
        assert "cluster:xss-ma" in ids and "org:img-es" in ids
        assert frame.locator("canvas").count() == 1
        # hover tooltips carry the escaped name as text, never as markup
        title = frame.evaluate("() => window.clusternetNetwork.body.data.nodes.get('org:img-es').title.innerText")
        assert XSS_IMG in title
        assert not errors and not dialogs and not outside
    finally:
        page.close()


def test_double_click_on_the_map_opens_the_profile(browser, app_url):
    page, errors, _, _ = _visit(browser, app_url, "explore", "Explore", "explore-dblclick")
    try:
        frame = next(f for f in page.frames if f != page.main_frame)
        frame.wait_for_function("() => window.clusternetNetwork !== undefined", timeout=30_000)
        frame.evaluate("() => { const n = window.clusternetNetwork; n.stopSimulation(); n.fit(); }")
        iframe = page.locator("iframe").first
        iframe.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        # where the Spanish organisation is drawn, in the page's coordinates
        spot = frame.evaluate("""() => {
            const n = window.clusternetNetwork, id = 'org:img-es';
            const d = n.canvasToDOM(n.getPositions([id])[id]);
            const r = n.body.container.getBoundingClientRect();
            return {x: r.left + d.x, y: r.top + d.y};
        }""")
        box = iframe.bounding_box()
        with page.context.expect_page(timeout=30_000) as opened:
            page.mouse.dblclick(box["x"] + spot["x"], box["y"] + spot["y"])
        profile = opened.value
        try:
            profile.wait_for_load_state("domcontentloaded")
            assert "profile?id=org%3Aimg-es" in profile.url
            profile.get_by_role("heading", name="Profile", exact=True).first.wait_for(timeout=45_000)
            profile.get_by_text(XSS_IMG, exact=False).first.wait_for(timeout=45_000)
        finally:
            profile.close()
        assert "double-click to open its profile" in frame.locator("#sel").inner_text()
        assert not errors
    finally:
        page.close()
