"""Speed of the partnership brief and the world map on the demo store (examples/).

Prints, in one fresh process: the import of the render modules; the first brief (which
pays for loading the recommender and building the link index once per snapshot); then the
median over the sample's partnerships of a brief (HTML), its PDF and the network map; and
the sizes of what was written. With ``--screenshots DIR`` it also writes brief.png and
map.png there with headless Chromium (Debian's ``chromium``), to be looked at.

Run: python bench/bench_brief.py [--store PATH] [--screenshots docs/screenshots]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOCUS = "partnership:mediterranean-textile-bridge"


def demo_snapshot(path: Path):
    from clusternet.ingest.demo import build_demo
    from clusternet.graph.store.sqlite import EmbeddedStore

    with EmbeddedStore(path) as store:
        if not any(True for _ in store.iter_nodes()):
            build_demo(store, ROOT / "examples", echo=lambda _: None)
        return store.snapshot()


CPU: dict[str, float] = {}    # CPU seconds of the last call per label: the machine may be shared


def seconds(fn, *args, label: str = "", **kw):
    """``fn``'s result and its wall-clock seconds; its CPU seconds go to ``CPU[label]``."""
    t, c = time.perf_counter(), time.process_time()
    out = fn(*args, **kw)
    CPU[label] = time.process_time() - c
    return out, time.perf_counter() - t


def screenshot(html: str, out: Path, size: str) -> None:
    """``html`` rendered to ``out`` by headless Chromium, network off (nothing to fetch anyway)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        raise SystemExit("chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--proxy-server=127.0.0.1:9", f"--window-size={size}", f"--screenshot={out}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an embedded store with the demo data (built if empty)")
    ap.add_argument("--screenshots", type=Path, help="write brief.png and map.png here")
    args = ap.parse_args()
    _, t_import = seconds(__import__, "clusternet.graph.render.brief", label="import")
    from clusternet.graph.render.brief import partnership_brief
    from clusternet.graph.render.projection import DEFAULT_BOUNDS
    from clusternet.graph.render.worldmap import map_html, world_map_svg

    with tempfile.TemporaryDirectory() as tmp:
        G, t_load = seconds(demo_snapshot, args.store or Path(tmp) / "demo.db")
    ids = sorted(n for n, d in G.nodes(data=True) if d.get("label") == "Partnership")
    first, t_first = seconds(partnership_brief, G, FOCUS, label="first")
    html_t, pdf_t, map_t, pdf_sizes, pdf_cpu = [], [], [], [], []
    for p in ids:
        b, t = seconds(partnership_brief, G, p)
        pdf, tp = seconds(b.pdf_bytes, label="pdf")
        pdf_cpu.append(CPU["pdf"])
        svg, tm = seconds(world_map_svg, G, p)
        html_t.append(t), pdf_t.append(tp), map_t.append(tm), pdf_sizes.append(len(pdf))
    print(f"demo store: {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships, {len(ids)} partnerships "
          f"(snapshot {t_load:.2f} s)")
    print(f"import of graph.render.brief: {t_import:.2f} s (CPU {CPU['import']:.2f} s)")
    print(f"first brief (loads the recommender, builds the link index): {t_first:.2f} s (CPU {CPU['first']:.2f} s)")
    print(f"brief HTML, median of {len(ids)}: {statistics.median(html_t) * 1000:.0f} ms (max {max(html_t) * 1000:.0f} ms)")
    print(f"brief PDF, median: {statistics.median(pdf_t) * 1000:.0f} ms (max {max(pdf_t) * 1000:.0f} ms, "
          f"median CPU {statistics.median(pdf_cpu) * 1000:.0f} ms), "
          f"{statistics.median(pdf_sizes) / 1024:.0f} KB")
    print(f"network map SVG, median: {statistics.median(map_t) * 1000:.0f} ms, {len(svg) / 1024:.0f} KB; "
          f"brief HTML {len(first.html) / 1024:.0f} KB")
    cold = t_first + pdf_t[ids.index(FOCUS)]
    cold_cpu = CPU["first"] + pdf_cpu[ids.index(FOCUS)]
    print(f"first brief + its PDF, cold: {cold:.2f} s, CPU {cold_cpu:.2f} s (target < 5 s)")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
        screenshot(first.html, args.screenshots / "brief.png", "794,1123")
        page = map_html(world_map_svg(G, FOCUS, bounds=DEFAULT_BOUNDS),
                        "Actors per country and cross-border links: Mediterranean Textile Bridge highlighted")
        screenshot(page, args.screenshots / "map.png", "1000,1130")
        print(f"screenshots written to {args.screenshots}")


if __name__ == "__main__":
    main()
