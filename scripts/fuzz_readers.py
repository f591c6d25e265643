"""Coverage-guided fuzzing of every reader with atheris (libFuzzer for Python).

A reader's contract: for any bytes it returns a result or raises the project's
:class:`~clusternet.graph.errors.InputError` family. Anything else is a crash: another
exception, a hang (libFuzzer ``-timeout``) or runaway memory (``-rss_limit_mb``, and an
address-space cap that turns a huge allocation into a ``MemoryError``).

One harness per reader; each runs in its own subprocess (libFuzzer exits on a hang or an
out-of-memory), with clusternet and the pure-Python parsing libraries instrumented:

    text  .md         html .html   pdf  .pdf    docx .docx
    csv   .csv .tsv   xlsx .xlsx   json .json .jsonl   yaml .yaml

Each input is written to a file with each suffix of its reader and read the way the CLI
reads it (documents through ``read_document``; tables through ``open_table`` and every row;
``.md`` runs all of the plain-text reader plus its pipe tables). Exceptions outside the
family are recorded once per place in the code and fuzzing goes on, so one run can find
several bugs.

    python scripts/fuzz_readers.py --seconds 60                 # every reader, one after another
    nice -n 10 python scripts/fuzz_readers.py --seconds 600 --jobs 2 --record --keep-corpus
    python scripts/fuzz_readers.py --replay                     # the committed corpus, no fuzzing

``--record`` writes the figures (executions, libFuzzer's ``cov:`` and ``ft:``, crashes)
into the "fuzzing" block of docs/reliability.json; ``--keep-corpus`` adds inputs that
reached new coverage to tests/fuzz/corpus/<reader>/ (libFuzzer's merge keeps the corpus
minimal; each reader's share stays under a byte budget).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from hashlib import sha1
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
REPORT = ROOT / "docs" / "reliability.json"
FOUND = ROOT / "tests" / "fuzz" / "found.json"   # crashes found, explained and fixed (by hand)
READERS = {"text": (".md",), "html": (".html",), "pdf": (".pdf",), "docx": (".docx",),
           "csv": (".csv", ".tsv"), "xlsx": (".xlsx",), "json": (".json", ".jsonl"), "yaml": (".yaml",)}
DOCUMENTS = {"text", "html", "pdf", "docx"}
# pure-Python parsers worth instrumenting per reader (lxml, csv, json's scanner are C: not traced)
LIBRARIES = {"text": ["charset_normalizer"], "html": ["bs4", "soupsieve", "charset_normalizer"],
             "pdf": ["pypdf"], "docx": ["docx", "zipfile"], "csv": ["charset_normalizer", "csv", "gzip"],
             "xlsx": ["openpyxl", "et_xmlfile", "zipfile"], "json": ["json", "charset_normalizer"],
             "yaml": ["yaml", "charset_normalizer"]}
MAX_LEN = {"pdf": 16384, "docx": 16384, "xlsx": 16384}   # zips and PDFs need room; text 4 KB
TIMEOUT_S = 10          # one small input read for longer than this is a hang to a user
RSS_LIMIT_MB = 2048
ADDRESS_SPACE = 6 << 30  # a worker allocating past this gets MemoryError (a crash), not the machine
CORPUS_BUDGET = 24 * 1024  # bytes of fuzzer-found inputs kept per reader in the repository
CORPUS_FILES = 60          # and files (the short test replays them all)
_STATUS = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+)", re.M)


# -- reading one input (shared by the fuzzing worker, --replay and the tests) ------------------
def read_with(reader: str, path: Path) -> int:
    """Read ``path`` as ``reader`` does for a user; return the characters of text read.

    >>> p = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("name,country\\nTechtera,FR\\n", encoding="utf-8")
    >>> read_with("csv", p)
    10
    """
    if reader in DOCUMENTS:
        from clusternet.ingest.sources.readers import read_document

        return len(read_document(path).text)
    from clusternet.ingest.sources.tabular import open_table

    table = open_table(path)
    chars = 0
    for row in table.rows:
        chars += sum(len(str(v)) for v in row.values.values() if v is not None)
        chars += sum(len(str(p)) for p in row.problems)
    return chars


def check_input(reader: str, data: bytes, folder: Path) -> list[tuple[str, BaseException]]:
    """Read ``data`` with every suffix of ``reader``; return the crashes as (suffix, error).

    An :class:`InputError` (or its subclass) is the contract: not a crash.

    >>> check_input("json", b'[{"name": "Techtera"}]', Path(tempfile.mkdtemp()))
    []
    >>> check_input("yaml", b"- [", Path(tempfile.mkdtemp()))
    []
    """
    from clusternet.graph.errors import InputError

    crashes = []
    for suffix in READERS[reader]:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        try:
            read_with(reader, path)
        except InputError:
            pass
        except Exception as err:  # noqa: BLE001 - anything else breaks the contract
            crashes.append((suffix, err))
    return crashes


def signature(err: BaseException) -> str:
    """Where an exception was raised, as ``Type at file:line`` (the innermost frame).

    >>> try:
    ...     {}["x"]
    ... except KeyError as e:
    ...     signature(e).startswith("KeyError at ")
    True
    """
    frames = traceback.extract_tb(err.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(err).__name__} at {where}"


# -- the worker: one reader under libFuzzer ------------------------------------------------
def _instrument_loaded(prefixes: list[str]) -> int:
    """Instrument functions of modules that were imported before the import hook was set
    (``json``, ``zipfile``...: the standard library loads some early); returns how many."""
    import types

    import atheris

    done = 0
    for name, module in list(sys.modules.items()):
        if module is None or not any(name == p or name.startswith(p + ".") for p in prefixes):
            continue
        for obj in list(vars(module).values()):
            members = vars(obj).values() if isinstance(obj, type) else [obj]
            for fn in members:
                fn = getattr(fn, "__func__", fn)
                if isinstance(fn, types.FunctionType) and fn.__module__ == name:
                    atheris.instrument_func(fn)
                    done += 1
    return done


def _instrumented_imports(reader: str) -> None:
    """Import the readers and ``reader``'s parsing libraries with atheris' tracing compiled in."""
    import importlib

    import atheris

    early = [lib for lib in LIBRARIES[reader] if lib in sys.modules]
    modules = [f"clusternet.ingest.sources.readers.{m}" for m in ("text", "html", "pdf", "docx")]
    modules += [f"clusternet.ingest.sources.{m}" for m in ("table", "tabular", "treefiles", "xlsx", "safe_yaml")]
    with atheris.instrument_imports(include=["clusternet", *LIBRARIES[reader]]):
        for name in [*LIBRARIES[reader], *modules]:
            importlib.import_module(name)
    if early:
        print(f"INFO: instrumented {_instrument_loaded(early)} functions of {', '.join(early)} "
              "(imported before the hook)", file=sys.stderr)


def worker(reader: str, artifacts: Path, libfuzzer_args: list[str]) -> None:
    """Fuzz one reader until libFuzzer stops; new crash kinds go to ``artifacts``."""
    import resource

    import atheris

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    _instrumented_imports(reader)
    folder = artifacts.parent / "inputs"  # libFuzzer ends the process with exit(): no cleanup runs here
    folder.mkdir(exist_ok=True)
    seen: set[str] = set()
    log = artifacts / "crashes.jsonl"

    def one_input(data: bytes) -> None:
        for suffix, err in check_input(reader, data, folder):
            sig = signature(err)
            if sig in seen:
                continue
            seen.add(sig)
            name = f"crash-{reader}-{sha1(data).hexdigest()[:12]}{suffix}"
            (artifacts / name).write_bytes(data)
            entry = {"reader": reader, "suffix": suffix, "signature": sig, "input": name,
                     "message": str(err)[:300], "traceback": traceback.format_exception(err)[-6:]}
            with log.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry) + "\n")
            print(f"CRASH {reader}{suffix}: {sig}: {str(err)[:200]}", file=sys.stderr, flush=True)

    # libFuzzer re-runs argv[0] through the shell for -merge: make it the whole worker command
    argv0 = " ".join([sys.executable, str(Path(__file__).resolve()), "--worker", reader, "--artifacts",
                      str(artifacts), "--"])
    atheris.Setup([argv0, *libfuzzer_args], one_input)
    atheris.Fuzz()


# -- the driver: subprocesses, figures, corpus ---------------------------------------------
def _libfuzzer_args(reader: str, seconds: int, work: Path, artifacts: Path, corpus: Path) -> list[str]:
    """libFuzzer's flags: limits, where crash inputs go, and the corpora (new inputs go to ``work``)."""
    return [f"-max_total_time={seconds}", f"-timeout={TIMEOUT_S}", f"-rss_limit_mb={RSS_LIMIT_MB}",
            f"-max_len={MAX_LEN.get(reader, 4096)}", "-print_final_stats=1", f"-artifact_prefix={artifacts}/",
            str(work), str(corpus)]


def _parse_log(text: str) -> dict:
    r"""libFuzzer's figures from its log: executions, the last ``cov:``/``ft:``, and, when it
    stopped on a hang, an out-of-memory or a signal, what and the input it wrote.

    >>> _parse_log("#2\tINITED cov: 10 ft: 12 corp: 1/1b\n#900\tDONE   cov: 40 ft: 77 corp: 9\n"
    ...            "stat::number_of_executed_units: 901\n")
    {'executions': 901, 'cov': 40, 'ft': 77, 'libfuzzer_crash': None, 'input': None}
    >>> _parse_log("==7== ERROR: libFuzzer: timeout after 10 seconds\nTest unit written to /a/timeout-ab1\n")
    {'executions': 0, 'cov': 0, 'ft': 0, 'libfuzzer_crash': 'timeout', 'input': 'timeout-ab1'}
    """
    status = _STATUS.findall(text)
    units = re.findall(r"stat::number_of_executed_units: (\d+)", text)
    execs = int(units[-1]) if units else (int(status[-1][0]) if status else 0)
    cov, ft = (int(status[-1][1]), int(status[-1][2])) if status else (0, 0)
    ended = re.search(r"ERROR: libFuzzer: ([\w-]+)", text)
    written = re.findall(r"Test unit written to (\S+)", text)
    return {"executions": execs, "cov": cov, "ft": ft, "libfuzzer_crash": ended.group(1) if ended else None,
            "input": Path(written[-1]).name if written else None}


def fuzz_reader(reader: str, seconds: int, out: Path, nice: int = 0, seeds_only: bool = False) -> dict:
    """Fuzz ``reader`` for ``seconds`` (restarting after a hang or OOM); return its figures.
    ``seeds_only`` starts from the hand-written seeds instead of the whole committed corpus."""
    corpus = CORPUS / reader
    if seeds_only:
        corpus = out / reader / "seeds"
        corpus.mkdir(parents=True, exist_ok=True)
        for p in (CORPUS / reader).glob("seed-*"):
            shutil.copy2(p, corpus / p.name)
    work, artifacts = out / reader / "corpus", out / reader / "artifacts"
    work.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    deadline, runs = time.monotonic() + seconds, []
    while len(runs) < 6:
        left = int(deadline - time.monotonic())
        if left < 3:
            break
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", reader, "--artifacts", str(artifacts),
               "--", *_libfuzzer_args(reader, left, work, artifacts, corpus)]
        log_path = out / reader / f"libfuzzer-{len(runs)}.log"
        with log_path.open("w") as log:
            proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                  preexec_fn=(lambda: os.nice(nice)) if nice else None)
        runs.append({**_parse_log(log_path.read_text(errors="replace")), "exit": proc.returncode})
        if runs[-1]["libfuzzer_crash"] is None and proc.returncode != 0:
            runs[-1]["libfuzzer_crash"] = f"exit {proc.returncode}"
        if runs[-1]["libfuzzer_crash"] is None:
            break
    return _summarise(reader, seconds, runs, work, artifacts)


def _summarise(reader: str, seconds: int, runs: list[dict], work: Path, artifacts: Path) -> dict:
    """One reader's figures over its runs: executions summed, coverage at its highest, crashes."""
    log = artifacts / "crashes.jsonl"
    logged = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    crashes = list({c["signature"]: c for c in reversed(logged)}.values())  # one per place (first found)
    for run in runs:
        if run["libfuzzer_crash"]:
            crashes.append({"reader": reader, "signature": run["libfuzzer_crash"], "input": run["input"]})
    return {"seconds": seconds, "executions": sum(r["executions"] for r in runs),
            "cov": max((r["cov"] for r in runs), default=0), "ft": max((r["ft"] for r in runs), default=0),
            "restarts": len(runs) - 1, "corpus_found": sum(1 for _ in work.iterdir()),
            "crashes": [{k: c.get(k) for k in ("signature", "suffix", "input", "message")} for c in crashes]}


def keep_corpus(reader: str, out: Path) -> int:
    """Merge inputs that reach new coverage into the committed corpus (smallest first,
    within :data:`CORPUS_BUDGET` and :data:`CORPUS_FILES`); return how many files were added."""
    corpus, work = CORPUS / reader, out / reader / "corpus"
    merged = out / reader / "merged"
    merged.mkdir(exist_ok=True)
    for p in corpus.iterdir():
        shutil.copy2(p, merged / p.name)
    before = {p.name for p in merged.iterdir()}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", reader, "--artifacts", str(out / reader /
           "artifacts"), "--", "-merge=1", f"-max_len={MAX_LEN.get(reader, 4096)}", f"-timeout={TIMEOUT_S}",
           str(merged), str(work)]
    with (out / reader / "merge.log").open("w") as log:
        subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    kept = [p for p in corpus.iterdir() if not p.name.startswith("seed-")]
    added, budget = 0, CORPUS_BUDGET - sum(p.stat().st_size for p in kept)
    for p in sorted((p for p in merged.iterdir() if p.name not in before), key=lambda p: p.stat().st_size):
        if p.stat().st_size > budget or len(kept) + added >= CORPUS_FILES:
            break
        budget -= p.stat().st_size
        shutil.copy2(p, corpus / f"found-{p.name[:16]}")
        added += 1
    return added


def replay(readers: list[str]) -> list[str]:
    """Read every committed corpus file with its reader; return one line per crash."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-replay-"))
    problems = []
    for reader in readers:
        for p in sorted((CORPUS / reader).iterdir()):
            for suffix, err in check_input(reader, p.read_bytes(), folder):
                problems.append(f"{reader}/{p.name} as {suffix}: {signature(err)}: {err}")
    shutil.rmtree(folder, ignore_errors=True)
    return problems


def record(results: dict, seconds: int, command: str) -> None:
    """Write the figures into the "fuzzing" block of docs/reliability.json (other blocks kept)."""
    from importlib.metadata import version

    data = json.loads(REPORT.read_text(encoding="utf-8")) if REPORT.exists() else {}
    data["fuzzing"] = {"measured_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                       "command": command, "tool": f"atheris {version('atheris')} (libFuzzer)",
                       "python": sys.version.split()[0], "seconds_per_reader": seconds,
                       "readers": results, "found_and_fixed": json.loads(FOUND.read_text(encoding="utf-8"))}
    REPORT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """The command line (see the module doc); exits 1 when a reader crashed."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        sep = argv.index("--")
        worker(argv[1], Path(argv[3]), argv[sep + 1:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=60, help="fuzzing time per reader")
    ap.add_argument("--readers", default=",".join(READERS), help="comma-separated, of: " + ", ".join(READERS))
    ap.add_argument("--jobs", type=int, default=1, help="readers fuzzed at once (2 at most on this machine)")
    ap.add_argument("--nice", type=int, default=0, help="niceness of the fuzzing subprocesses")
    ap.add_argument("--out", type=Path, help="work folder (default: a new temporary folder)")
    ap.add_argument("--record", action="store_true", help="write the figures into docs/reliability.json")
    ap.add_argument("--keep-corpus", action="store_true", help="merge new-coverage inputs into tests/fuzz/corpus")
    ap.add_argument("--replay", action="store_true", help="only read the committed corpus, no fuzzing")
    args = ap.parse_args(argv)
    readers = [r.strip() for r in args.readers.split(",") if r.strip()]
    unknown = [r for r in readers if r not in READERS]
    if unknown:
        ap.error(f"unknown reader(s) {', '.join(unknown)}; expected some of {', '.join(READERS)}")
    if args.replay:
        problems = replay(readers)
        print("\n".join(problems) or f"corpus replayed: no crash ({', '.join(readers)})")
        return 1 if problems else 0
    out = args.out or Path(tempfile.mkdtemp(prefix="fuzz-readers-"))
    with ThreadPoolExecutor(max(1, min(args.jobs, 2))) as pool:
        results = dict(zip(readers, pool.map(lambda r: fuzz_reader(r, args.seconds, out, args.nice), readers)))
    for reader, res in results.items():
        if args.keep_corpus:
            res["corpus_added"] = keep_corpus(reader, out)
        res["corpus_committed"] = sum(1 for _ in (CORPUS / reader).iterdir())
        crashes = "; ".join(c["signature"] for c in res["crashes"]) or "none"
        print(f"{reader:5} {res['executions']:>9,} execs  cov {res['cov']:>5}  ft {res['ft']:>6}  crashes: {crashes}")
    print(f"work folder (logs, found inputs, crash inputs): {out}")
    if args.record:
        record(results, args.seconds, "python scripts/fuzz_readers.py " + " ".join(argv))
        print(f"wrote the fuzzing block of {REPORT.relative_to(ROOT)}")
    return 1 if any(res["crashes"] for res in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
