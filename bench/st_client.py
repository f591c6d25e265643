"""A minimal Streamlit client for the serving benches: one websocket per session, Streamlit's
own protocol (``BackMsg``/``ForwardMsg`` protobufs on ``/_stcore/stream``), no browser.

A "visit" sends ``rerun_script`` for a page (by its URL name, as the browser does when a
user opens ``/enlargement``) and waits for ``script_finished``; its time is what the user
waits for the page's script to finish, widgets at their defaults. Used by
``bench_sessions.py`` and ``bench_team.py``.
"""
from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field

import logging

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

logging.getLogger("streamlit").setLevel(logging.ERROR)  # no "no runtime" chatter in the figures
VISIT_TIMEOUT = 120.0  # seconds one page may take before it counts as an error


@dataclass
class Visit:
    page: str
    seconds: float
    ok: bool
    problem: str = ""
    headings: list[str] = field(default_factory=list)


@dataclass
class Session:
    """One user's session: a websocket held open across visits."""

    ws: object
    page_hash: str = ""
    visits: list[Visit] = field(default_factory=list)

    async def visit(self, page: str, title: str | None = None, timeout: float = VISIT_TIMEOUT) -> Visit:
        """Open ``page`` (its URL name; "" is the default page) and wait for its script to
        finish; with ``title``, a visit that did not show that heading is an error."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.query_string = ""
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        problem, headings = "", []
        try:
            while True:
                raw = await asyncio.wait_for(self.ws.recv(), timeout)
                fwd = ForwardMsg()
                fwd.ParseFromString(raw)
                kind = fwd.WhichOneof("type")
                if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                    el = fwd.delta.new_element
                    if el.WhichOneof("type") == "heading":
                        headings.append(el.heading.body)
                    elif el.WhichOneof("type") == "exception":
                        problem = problem or f"exception: {el.exception.message[:80]}"
                    elif el.WhichOneof("type") == "alert" and el.alert.format == 1:  # ERROR
                        problem = problem or f"error box: {el.alert.body[:80]}"
                elif kind == "page_not_found":
                    problem = problem or f"page not found: {page}"
                elif kind == "script_finished":
                    status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
                    if status == "FINISHED_EARLY_FOR_RERUN":
                        continue
                    if status != "FINISHED_SUCCESSFULLY":
                        problem = problem or status
                    break
        except asyncio.TimeoutError:
            problem = f"no answer within {timeout:g} s"
        except websockets.ConnectionClosed as err:
            problem = f"connection closed: {err}"
        if not problem and title is not None and title not in headings:
            problem = f"no {title!r} heading (got {headings[:3]})"
        v = Visit(page, time.perf_counter() - t0, not problem, problem, headings)
        self.visits.append(v)
        return v

    async def close(self) -> None:
        await self.ws.close()


async def open_session(base_url: str, cookie: str | None = None) -> Session:
    """Open a websocket session on the app at ``base_url`` (``http://host:port``)."""
    ws_url = base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    headers = {"Cookie": cookie} if cookie else None
    ws = await websockets.connect(ws_url, subprotocols=["streamlit"], additional_headers=headers,
                                  max_size=None, open_timeout=60, ping_interval=None)
    return Session(ws)


def wait_healthy(base_url: str, timeout: float = 120.0) -> None:
    """Poll the app's health endpoint until it answers, at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url.rstrip("/") + "/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{base_url} did not answer within {timeout:g} s")


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.95)
    (2.0, 4.0)
    """
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, int(round(q * len(s) + 0.4999)) - 1))
    return s[k]


def sample_store(path: str) -> str:
    """An embedded store at ``path`` holding the reference data and ``examples/sample/*.csv``
    (the data the issue's figures were measured on); returns the path."""
    from pathlib import Path

    from clusternet.graph.reference import reference_records
    from clusternet.graph.store.sqlite import EmbeddedStore
    from clusternet.ingest.loader import load_files

    root = Path(__file__).resolve().parents[1]
    with EmbeddedStore(path) as store:
        store.ensure_schema()
        store.upsert(*reference_records())
        report = load_files(store, sorted((root / "examples" / "sample").glob("*.csv")), progress=False)
        bad = [f.path for f in report.files if f.problems]
        if bad:
            raise RuntimeError(f"sample files did not load: {bad}")
    return path


def record_block(name: str, block: dict) -> Path:
    """Write ``block`` under ``name`` in docs/reliability.json, keeping the other blocks (the
    README's Reliability section is generated from that file by scripts/gen_readme.py)."""
    import datetime as dt
    import json
    from pathlib import Path

    out = Path(__file__).resolve().parents[1] / "docs" / "reliability.json"
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    data[name] = {"measured_at": stamp, **block}
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
