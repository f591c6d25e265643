"""Benchmark of the app on a 10,000-node graph: time to first render of Overview and Explore,
and the size of the network page for 1,500 nodes.

Targets: each page renders in under 2 s once the snapshot is cached; the network page for
1,500 nodes is under 5 MB. Figures are printed with their ratio to the target (never asserted).

    python bench/bench_app.py [--nodes 10000] [--rels 30000]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from clusternet.graph.model import Node, Rel  # noqa: E402
from clusternet.graph.store.sqlite import EmbeddedStore  # noqa: E402
from clusternet.graph.render.viz import DEFAULT_CAP, filter_graph, network_html  # noqa: E402

COUNTRIES = ["FR", "ES", "IT", "DE", "MA", "TN", "PT", "BE", "EG", "PL", "RO", "GR"]


def synthetic(n_nodes: int, n_rels: int, seed: int = 1):
    rnd = random.Random(seed)
    n_part = max(1, n_nodes // 50)
    nodes = [Node(f"partnership:p{i}", ("Partnership",), {"name": f"Partnership {i}"}) for i in range(n_part)]
    for i in range(n_nodes - n_part):
        labels = ("Cluster",) if i % 5 == 0 else (("Organisation", "SME") if i % 7 == 0 else ("Organisation",))
        nodes.append(Node(f"{'cluster' if i % 5 == 0 else 'org'}:n{i}", labels,
                          {"name": f"Entity {i}", "country": COUNTRIES[i % len(COUNTRIES)]}))
    actors = [n.id for n in nodes if n.labels[0] != "Partnership"]
    rels, seen = [], set()
    while len(rels) < n_rels:
        a = actors[rnd.randrange(len(actors))]
        if rnd.random() < 0.6:
            b, t = f"partnership:p{rnd.randrange(n_part)}", "PARTNER_IN"
        else:
            b, t = actors[rnd.randrange(len(actors))], "VISITED"
        if a != b and (a, t, b) not in seen:
            seen.add((a, t, b))
            rels.append(Rel(a, t, b))
    return nodes, rels


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--rels", type=int, default=30_000)
    args = ap.parse_args()
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")
        nodes, rels = synthetic(args.nodes, args.rels)
        with EmbeddedStore(path) as store:
            store.ensure_schema()
            _, t_load = timed(lambda: store.upsert(nodes, rels))
            G, t_snap = timed(store.snapshot)
        print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relationships "
              f"(store written in {t_load:.2f} s, snapshot {t_snap:.2f} s)")
        os.environ["CLUSTERNET_STORE"] = path
        app = str(ROOT / "app.py")
        for page in ("app_pages/overview.py", "app_pages/explore.py"):
            times = []
            for _ in range(3):  # the first render fills the caches; the next ones are what users get
                at = AppTest.from_file(app, default_timeout=300)
                if page.endswith("overview.py"):
                    t = time.perf_counter()
                    at.run()
                else:
                    at.run()
                    at.switch_page(page)
                    t = time.perf_counter()
                    at.run()
                times.append(time.perf_counter() - t)
                if at.exception:
                    print(f"{page}: exception {at.exception[0].value}")
            name = Path(page).stem
            print(f"{name:9s} render: first {times[0]:.2f} s (snapshot/layout computed), cached {min(times[1:]):.2f} s "
                  f"(target < 2 s: ratio {min(times[1:]) / 2.0:.2f})")
        H = filter_graph(G)
        page_html, t_html = timed(lambda: network_html(H, max_nodes=DEFAULT_CAP))
        mb = len(page_html.encode("utf-8")) / 1e6
        print(f"network page for {DEFAULT_CAP:,} of {H.number_of_nodes():,} nodes: {mb:.2f} MB in {t_html:.2f} s "
              f"(target < 5 MB: ratio {mb / 5:.2f})")
        page_agg, t_agg = timed(lambda: network_html(H, max_nodes=DEFAULT_CAP, cap_mode="aggregate"))
        print(f"aggregated network page: {len(page_agg.encode()) / 1e6:.2f} MB in {t_agg:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
