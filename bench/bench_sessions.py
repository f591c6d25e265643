"""Benchmark of what sessions leave behind: server memory and CPU per visit over many sessions.

Starts the app (``streamlit run app.py``, one process on a loopback port) on an embedded
store of the sample data, then drives N sessions one after another through Streamlit's own
websocket protocol (``st_client.py``; no browser): each lands on Overview, opens
Enlargement and Explore, then disconnects. Every ``--every`` sessions it prints the server process's RSS
and its CPU-seconds per visit over those sessions (from ``/proc``). Target: over 500
sessions, RSS flat within 10% (after the first block, which fills the shared caches) and
CPU per visit flat. Figures are printed, never asserted.

    python bench/bench_sessions.py [--sessions 500] [--every 50]
    python bench/bench_sessions.py --app-root /path/to/other/checkout   # the same bench on other code
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from st_client import open_session, record_block, sample_store, wait_healthy  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# a user lands on Overview (the default page), then opens Enlargement and Explore; the last
# page's widgets stay in the session Streamlit keeps for reconnecting (up to 128 sessions,
# 120 s after the websocket closes), so what they hold on to is what a session keeps
VISITS = (("", "Overview"), ("enlargement", "Enlargement"), ("explore", "Explore"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def one_session(url: str) -> list[str]:
    """One user: the three pages in one session; returns the problems met."""
    session = await open_session(url)
    try:
        return [v.problem for page, title in VISITS for v in [await session.visit(page, title)] if v.problem]
    finally:
        await session.close()


def browser_sessions(url: str):
    """``--driver playwright``: a session is a fresh context of one headless Debian chromium
    (as in tests/test_browser.py) that lands on Overview and clicks through the sidebar."""
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])

    def one() -> list[str]:
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        page = context.new_page()
        try:
            page.goto(url, wait_until="domcontentloaded")
            for i, (_, title) in enumerate(VISITS):
                if i:
                    page.get_by_role("link", name=title).click()
                page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=120_000)
                page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                       timeout=120_000)
            return []
        except Exception as err:  # noqa: BLE001 - a page that did not show is an error figure
            return [f"{type(err).__name__}: {str(err)[:80]}"]
        finally:
            context.close()

    def stop():
        browser.close()
        pw.stop()
    return one, stop


def start_app(app_root: Path, store: str, port: int, log: Path, python_path: str | None) -> subprocess.Popen:
    env = {**os.environ, "CLUSTERNET_STORE": store}
    if python_path:
        env["PYTHONPATH"] = python_path + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_root / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    return subprocess.Popen(cmd, cwd=app_root, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)


def drive(url: str, pid: int, sessions: int, every: int, session=None) -> list[dict]:
    """Run ``sessions`` sessions (``session()``, default: the websocket client) and print a
    line of figures every ``every`` sessions."""
    print(f"{'sessions':>8} {'RSS MB':>8} {'vs first':>8} {'CPU s/visit':>11} {'wall s/session':>14} {'errors':>6}",
          flush=True)
    first_rss, errors, lines = None, 0, []
    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    for done in range(1, sessions + 1):
        problems = session() if session else asyncio.run(one_session(url))
        errors += len(problems)
        if problems and errors <= 3:
            print(f"  session {done}: {problems[0]}", flush=True)
        if done % every == 0:
            cpu1, t1, rss = cpu_seconds(pid), time.perf_counter(), rss_mb(pid)
            first_rss = first_rss or rss
            print(f"{done:>8} {rss:>8.0f} {100 * (rss / first_rss - 1):>+7.1f}% "
                  f"{(cpu1 - cpu0) / (every * len(VISITS)):>11.3f} {(t1 - t0) / every:>14.2f} {errors:>6}", flush=True)
            lines.append({"sessions": done, "rss_mb": round(rss), "cpu_s_per_visit": round((cpu1 - cpu0) / (every * len(VISITS)), 3),
                          "errors": errors})
            cpu0, t0 = cpu1, t1
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=500)
    ap.add_argument("--every", type=int, default=50, help="print a line every this many sessions")
    ap.add_argument("--app-root", type=Path, default=ROOT,
                    help="checkout whose app.py runs (another one: its parent folder must make it importable "
                         "as `clusternet`, see --python-path)")
    ap.add_argument("--driver", choices=["protocol", "playwright"], default="protocol",
                    help="protocol: Streamlit's websocket messages (default); playwright: a real chromium")
    ap.add_argument("--python-path", help="put this folder first on the app's PYTHONPATH (for --app-root)")
    ap.add_argument("--record", action="store_true", help="also write the figures to docs/reliability.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = sample_store(os.path.join(tmp, "sample.db"))
        port = free_port()
        proc = start_app(args.app_root.resolve(), store, port, Path(tmp) / "app.log", args.python_path)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url)
            print(f"app {args.app_root} (pid {proc.pid}) on {url}: {args.sessions} sessions x "
                  f"{len(VISITS)} visits ({', '.join(t for _, t in VISITS)}), driver {args.driver}; RSS at start {rss_mb(proc.pid):.0f} MB; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
            if args.driver == "playwright":
                one, stop = browser_sessions(url)
                try:
                    lines = drive(url, proc.pid, args.sessions, args.every, one)
                finally:
                    stop()
            else:
                lines = drive(url, proc.pid, args.sessions, args.every)
            if args.record:
                record_block("sessions", {"command": f"python bench/bench_sessions.py --sessions {args.sessions} "
                                                     f"--driver {args.driver} --record",
                                          "visits": [t for _, t in VISITS], "rows": lines})
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
