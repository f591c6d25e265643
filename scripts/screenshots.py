"""Take PNG screenshots of every app page with Debian chromium (Playwright), for the docs.

    python scripts/screenshots.py [--store data/clusternet-demo.db] [--out docs/screenshots]

Without ``--store`` it screenshots the small sample store of the tests. Needs
/usr/bin/chromium (``apt-get install -y chromium``); never downloads a browser.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [("", "Overview", "overview"), ("explore", "Explore", "explore"),
         ("profile?id=cluster:techtera-fr", "Profile", "profile"), ("enlargement", "Enlargement", "enlargement"),
         ("cross_border", "Cross-border", "cross_border"), ("brief", "Partnership brief", "brief"),
         ("query", "Query", "query"),
         ("ingest", "Ingest", "ingest"), ("export", "Export", "export")]
READY = {"overview": ('[data-testid="stMetric"]', "iframe"), "explore": ("iframe",), "brief": ("iframe",),
         "profile": ('[data-testid="stDataFrame"]',)}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="store file or URI (default: the tests' sample store)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--profile", default="cluster:techtera-fr", help="id of the entity the Profile shot shows")
    ap.add_argument("--partnership", default=None, help="id of the partnership the Enlargement shot shows")
    ap.add_argument("--org", default=None, help="id of the organisation the Cross-border shot shows")
    args = ap.parse_args()
    pages = [(("profile?id=" + args.profile) if name == "profile" else
              (f"{name}?partnership={args.partnership}" if name in ("enlargement", "brief") and args.partnership else
               (f"cross_border?org={args.org}" if name == "cross_border" and args.org else path)), title, name)
             for path, title, name in PAGES]
    tmp = tempfile.mkdtemp(prefix="clusternet-shots-")
    store = args.store
    if not store:
        sys.path.insert(0, str(ROOT / "tests" / "helpers"))
        from app_sample import build_sample_store

        store = build_sample_store(Path(tmp) / "sample.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1"], cwd=ROOT,
                            env=dict(os.environ, CLUSTERNET_STORE=str(store)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
            for path, title, name in pages:
                tall = name in ("overview", "enlargement", "brief")  # the map / the reasons / the page in view
                page = browser.new_page(viewport={"width": 1400, "height": 2000 if tall else 1000})
                page.goto(f"{url}/{path}", wait_until="domcontentloaded")
                page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=60_000)
                page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                       timeout=60_000)
                if name in ("enlargement", "cross_border"):  # suggestions take a moment: wait for the table
                    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=120_000)
                for sel in READY.get(name, ()):  # what must be drawn before the shot
                    page.wait_for_selector(sel, timeout=120_000)
                page.wait_for_timeout(2000)
                page.screenshot(path=str(out / f"{name}.png"), full_page=name in ("overview", "enlargement", "cross_border", "brief"))
                print(f"wrote {out / f'{name}.png'}")
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
