"""Serving a team (issue 18, part 3): two real app processes behind a real nginx, on
loopback ports; sessions work through the proxy, each user stays on one process, and
users are spread across both."""
from __future__ import annotations

import re
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

from app_sample import build_sample_store  # noqa: E402
from prerequisites import missing  # noqa: E402
from streamlit_server import chromium, free_port, require_chromium  # noqa: E402

from clusternet.graph.errors import ConfigError  # noqa: E402
from clusternet.cli.serve import STICKY_COOKIE, TeamPlan, app_env, find_nginx, nginx_config, start_team  # noqa: E402

def test_serve_docstring_examples_run():
    import doctest

    import clusternet.cli.serve

    assert doctest.testmod(clusternet.cli.serve).failed == 0


def test_plan_refuses_bad_process_counts_and_clashing_ports():
    with pytest.raises(ConfigError, match="between 1 and 64"):
        TeamPlan.for_processes(0)
    with pytest.raises(ConfigError, match="cannot serve on port"):
        TeamPlan.for_processes(2, 8501, first_backend=8500)


def test_config_upgrades_websockets_and_lists_every_process(tmp_path):
    text = nginx_config(TeamPlan(9000, (9101, 9102, 9103)), tmp_path)
    assert re.findall(r"server 127\.0\.0\.1:(\d+);", text) == ["9101", "9102", "9103"]
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "listen 127.0.0.1:9000;" in text
    assert "ip_hash" not in text   # every loopback or office-proxy user would land on one process


def _upstreams(log: Path) -> list[tuple[str, str, str]]:
    """(sticky key, request path, process port) of each proxied request, from the access log."""
    out = []
    for line in log.read_text().splitlines():
        m = re.search(r'"[A-Z]+ (\S+) [^"]*" .* key=(\S*) upstream=127\.0\.0\.1:(\d+)', line)
        if m:
            out.append((m.group(2), m.group(1), m.group(3)))
    return out


def _get(url: str, cookie: str | None = None) -> None:
    req = urllib.request.Request(url, headers={"Cookie": f"{STICKY_COOKIE}={cookie}"} if cookie else {})
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    require_chromium()
    try:
        find_nginx()
    except ConfigError as err:
        missing(str(err))
    work = tmp_path_factory.mktemp("team")
    store = build_sample_store(work / "team.db")
    port = free_port()
    plan = TeamPlan(port=port, backend_ports=(free_port(), free_port()))
    with start_team(plan, app_env(store), work / "serve") as running:
        yield running


@pytest.mark.browser
def test_users_are_spread_and_each_stays_on_one_process(team):
    log = team.workdir / "access.log"
    for _ in range(30):                       # 30 new users: no cookie yet
        _get(f"{team.url}/_stcore/health")
    time.sleep(0.5)                           # nginx writes its log line after the response
    first = _upstreams(log)
    assert {port for _, _, port in first} == {str(p) for p in team.plan.backend_ports}
    # a returning user (its cookie) always reaches the process it reached first
    by_key = {key: port for key, _, port in first[:6]}
    for key in by_key:
        for _ in range(3):
            _get(f"{team.url}/_stcore/health", cookie=key)
    time.sleep(0.5)
    seen = defaultdict(set)
    for key, _, port in _upstreams(log):
        seen[key].add(port)
    assert all(seen[key] == {port} for key, port in by_key.items()), seen


@pytest.mark.browser
def test_sessions_work_through_the_proxy_on_both_processes(team):
    log = team.workdir / "access.log"
    _get(f"{team.url}/_stcore/health")
    # one cookie key per process, found by asking as new users
    key_of = {}
    for _ in range(40):
        _get(f"{team.url}/_stcore/health")
        time.sleep(0.05)
        for key, _, port in _upstreams(log):
            key_of.setdefault(port, key)
        if len(key_of) == 2:
            break
    assert len(key_of) == 2
    host = team.url.split("//")[1].split(":")[0]
    with chromium() as browser:
        for port, key in sorted(key_of.items()):
            context = browser.new_context(viewport={"width": 1300, "height": 900})
            context.add_cookies([{"name": STICKY_COOKIE, "value": key, "domain": host, "path": "/"}])
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.goto(team.url, wait_until="domcontentloaded")
            metric = page.locator("[data-testid='stMetric']", has_text="Cluster").first.locator(
                "[data-testid='stMetricValue']")
            metric.wait_for(timeout=60_000)
            assert metric.inner_text().strip() == "2"     # the sample's clusters, on either process
            page.get_by_role("link", name="Enlargement").click()
            page.get_by_role("heading", name="Enlargement", exact=True).first.wait_for(timeout=60_000)
            page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=60_000)
            assert not errors, errors
            context.close()
            # the page, its websocket and every request after went to that one process (nginx
            # logs a websocket when it closes)
            for _ in range(50):
                ws = [p for k, path, p in _upstreams(log) if k == key and path.startswith("/_stcore/stream")]
                if ws:
                    break
                time.sleep(0.2)
            assert ws and {p for k, _, p in _upstreams(log) if k == key} == {port}
