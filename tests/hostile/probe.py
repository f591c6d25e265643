"""Read hostile files through the real readers, one by one, measuring time and memory.

``python probe.py`` reads a JSON list of paths on stdin and prints one JSON line per file:
its outcome (``rejected`` with the error class and message, ``accepted`` with the
warnings and the text read, or ``crash`` with the exception), wall seconds and the peak
RSS growth while reading it (psutil, sampled every 5 ms). The address space is capped so a
bomb that escapes every guard fails this worker, not the machine.

:func:`run_probes` drives the worker from a test: a file that kills it or makes it hang
is recorded as a crash and the worker restarts on the next file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

STRUCTURED = {".csv", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson", ".yaml", ".yml", ".gz", ".xls"}
TEXT_KEEP = 20_000
sys.path.insert(0, str(Path(__file__).resolve().parent))
from generators import BOUNDED, DECODE, REJECT, WARN  # noqa: E402


def _tokens(text: str) -> list[str]:
    return [t for t in text.replace(",", " ").split() if t]


def verdict(h, outcome: str, message: str = "", warnings=(), text: str = "") -> str | None:
    """Why this outcome is wrong for this hostile file (None when it is right)."""
    if outcome == "crash":
        return f"crashed: {message}"
    if outcome == "rejected":
        if h.path.name not in message:
            return f"the error does not name the file: {message!r}"
        return None
    if h.expect == REJECT:
        return "accepted, but must be refused"
    if h.expect == WARN and not warnings:
        return "accepted without saying what is wrong"
    if h.expect == DECODE and not warnings:
        missing = [t for t in _tokens(h.original) if t not in text]
        if missing:
            return f"decoded wrongly and silently (missing {missing[:3]}; read {text[:80]!r})"
    if h.expect == BOUNDED:
        size = h.path.stat().st_size
        if len(text) > 4 * size + 1000 or "lollollol" in text or "root:x:0" in text:
            return f"entities expanded: {len(text)} characters from {size} bytes"
    return None


def read_any(path: Path) -> tuple[list[str], str]:
    """Read ``path`` with the reader its name selects; return ``(warnings, text read)``."""
    if path.suffix.lower() in STRUCTURED:
        from clusternet.ingest.sources.tabular import open_table

        table = open_table(path)
        warnings = list(table.notes)
        values = []
        for row in table.rows:
            warnings += [str(p) for p in row.problems]
            values += [str(v) for v in row.values.values() if v is not None]
        return warnings, "\n".join([*table.columns, *values])
    from clusternet.ingest.sources.readers import read_document

    doc = read_document(path)
    return list(doc.warnings), doc.text


def probe_one(path: Path) -> dict:
    import psutil

    from clusternet.graph.errors import ClusternetError

    proc = psutil.Process()
    base = proc.memory_info().rss
    peak = [base]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.005):
            peak[0] = max(peak[0], proc.memory_info().rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    try:
        warnings, text = read_any(path)
        out = {"outcome": "accepted", "warnings": warnings, "chars": len(text), "text": text[:TEXT_KEEP]}
    except ClusternetError as err:
        out = {"outcome": "rejected", "error": type(err).__name__, "message": str(err)}
    except BaseException as err:  # noqa: BLE001 - anything else is exactly what we look for
        import traceback

        out = {"outcome": "crash", "error": type(err).__name__, "message": str(err)[:500],
               "traceback": traceback.format_exc()[-3000:]}
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    peak[0] = max(peak[0], proc.memory_info().rss)
    out.update(path=str(path), seconds=round(seconds, 3), rss_growth_mb=round((peak[0] - base) / 2**20, 1))
    return out


def main() -> None:
    import gc
    import resource

    cap = int(os.environ.get("HOSTILE_AS_LIMIT", str(6 << 30)))
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import clusternet.ingest.sources.readers
    import clusternet.ingest.sources.tabular

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        gc.collect()
        print(json.dumps(probe_one(Path(path))), flush=True)


def run_probes(paths: list[Path], per_file_timeout: float = 60.0) -> dict[str, dict]:
    """Probe every path in a worker process; a hang or a dead worker counts as a crash."""
    results: dict[str, dict] = {}
    todo = [str(p) for p in paths]
    while todo:
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve())], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready = proc.stdout.readline()
        if '"ready"' not in ready:
            raise RuntimeError(f"probe worker did not start: {proc.stderr.read()[-2000:]}")
        while todo:
            current = todo[0]
            proc.stdin.write(current + "\n")
            proc.stdin.flush()
            line = _readline(proc, per_file_timeout)
            if line is None:
                proc.kill()
                proc.wait()
                err = proc.stderr.read()[-1500:]
                results[current] = {"path": current, "outcome": "crash", "seconds": per_file_timeout,
                                    "rss_growth_mb": None, "error": "WorkerDied" if proc.returncode else "Hang",
                                    "message": f"worker exit {proc.returncode}; {err}"}
                todo.pop(0)
                break
            results[current] = json.loads(line)
            todo.pop(0)
        else:
            proc.stdin.close()
            proc.wait(timeout=30)
            proc.stdout.close()
            proc.stderr.close()
    return results


def _readline(proc: subprocess.Popen, timeout: float) -> str | None:
    box: list[str] = []
    t = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive() or not box or not box[0].strip():
        return None
    return box[0]


if __name__ == "__main__":
    main()
