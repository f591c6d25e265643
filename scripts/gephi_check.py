#!/usr/bin/env python3
"""Open a GEXF or GraphML file with the real Gephi Toolkit 0.10.1 and say what Gephi holds.

The toolkit (Maven Central ``org.gephi:gephi-toolkit:0.10.1``, classifier ``all``: one
self-contained jar; the plain artifact needs a repository outside Maven Central) is fetched
with Maven into ``~/.cache/clusternet/gephi-check``; a small Java main
(``scripts/GephiCheck.java``) is compiled beside it once. It imports the file with Gephi's
own importers and default processor and prints the nodes (label, columns), the edges
(kind, label, columns) and the import issues as JSON.

Commands::

    python scripts/gephi_check.py prepare          # fetch the jar + compile (once; CI setup)
    python scripts/gephi_check.py open graph.gexf  # print what Gephi holds, as JSON

Python::

    from gephi_check import open_in_gephi   # (scripts/ on sys.path)
    seen = open_in_gephi(Path("graph.gexf"))  # {"nodes": [...], "edges": [...], ...}

Every failure exits non-zero with one clear line (``gephi-check: ...``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JAVA_SRC = HERE / "GephiCheck.java"
ARTIFACT = "org.gephi:gephi-toolkit:0.10.1:jar:all"
JAR_NAME = "gephi-toolkit-0.10.1-all.jar"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
CACHE = Path(os.environ.get("CLUSTERNET_GEPHI_CACHE", Path.home() / ".cache" / "clusternet" / "gephi-check"))
TIMEOUT = float(os.environ.get("GEPHI_CHECK_TIMEOUT", "300"))


class GephiCheckError(RuntimeError):
    """The toolkit could not be fetched or run, or Gephi could not import the file."""


def _say(msg: str) -> None:
    print(f"gephi-check: {msg}", file=sys.stderr, flush=True)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise GephiCheckError(f"`{name}` is not on PATH; install OpenJDK 17+ and Maven")
    return path


def _fetch_jar(jar: Path) -> None:
    """Copy the toolkit jar from Maven Central (through ~/.m2) into the cache."""
    cmd = [_tool("mvn"), "-B", "-q", f"{DEPENDENCY_PLUGIN}:copy", f"-Dartifact={ARTIFACT}",
           f"-DoutputDirectory={jar.parent}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=jar.parent)
    if proc.returncode != 0 or not jar.exists():
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise GephiCheckError(f"Maven could not fetch {ARTIFACT} (exit {proc.returncode}):\n{tail}")


def prepare(verbose: bool = True) -> str:
    """Fetch the toolkit and compile the checker (both cached); returns the classpath."""
    CACHE.mkdir(parents=True, exist_ok=True)
    jar = CACHE / JAR_NAME
    if not jar.exists():
        if verbose:
            _say(f"fetching {ARTIFACT} from Maven Central (first time only, ~80 MB) ...")
        _fetch_jar(jar)
    # compiled classes are kept per version of the Java source
    classes = CACHE / ("classes-" + hashlib.sha256(JAVA_SRC.read_bytes()).hexdigest()[:12])
    if not (classes / "GephiCheck.class").exists():
        tmp = classes.with_name(classes.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        proc = subprocess.run([_tool("javac"), "-nowarn", "-cp", str(jar), "-d", str(tmp), str(JAVA_SRC)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise GephiCheckError(f"javac failed on {JAVA_SRC.name}:\n{proc.stderr.strip()[-2000:]}")
        tmp.replace(classes)
    return os.pathsep.join([str(jar), str(classes)])


def open_in_gephi(path: Path) -> dict:
    """What Gephi holds after importing ``path``: ``nodes``, ``edges``, ``node_columns``,
    ``edge_columns`` and ``issues`` (see scripts/GephiCheck.java)."""
    cp = prepare(verbose=False)
    cmd = [_tool("java"), "-Xmx512m", "-Djava.awt.headless=true", "-cp", cp, "GephiCheck", str(path)]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise GephiCheckError(f"Gephi did not finish importing {path} in {TIMEOUT:.0f}s") from None
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip()[-2000:]
        raise GephiCheckError(f"Gephi could not import {path} (exit {proc.returncode}):\n{tail}")
    return json.loads(proc.stdout.decode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="fetch the toolkit jar and compile the checker (cached)")
    show = sub.add_parser("open", help="import a file with Gephi and print what it holds, as JSON")
    show.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "prepare":
            prepare()
            _say(f"ready ({CACHE})")
        else:
            print(json.dumps(open_in_gephi(args.file), indent=1, ensure_ascii=False))
    except GephiCheckError as err:
        _say(str(err))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
