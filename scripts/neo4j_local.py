#!/usr/bin/env python3
"""A real local Neo4j 5.26 LTS Community for development, tests and CI, without Docker.

Neo4j is resolved from Maven Central with Maven (``scripts/neo4j-pom.xml``, jars cached in
``~/.m2``); a small Java main (``scripts/Neo4jLocal.java``, compiled once into
``~/.cache/clusternet``) starts the DBMS with Bolt on 127.0.0.1, data in a temporary
directory and the configured password.

Commands::

    python scripts/neo4j_local.py prepare                 # resolve jars + compile (once)
    python scripts/neo4j_local.py run [--port N]          # foreground; Ctrl-C stops it
    python scripts/neo4j_local.py start --port-file F     # background; writes the Bolt URI to F
    python scripts/neo4j_local.py env --port-file F       # export lines (URI, user, generated password)
    python scripts/neo4j_local.py stop --port-file F      # clean shutdown, removes the temp data

Python::

    from neo4j_local import start_neo4j   # (scripts/ on sys.path)
    uri, user, password, stop = start_neo4j()

The password is ``NEO4J_PASSWORD`` when set, else a generated one. Every failure exits
non-zero with one clear line (``neo4j-local: ...``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
POM = HERE / "neo4j-pom.xml"
JAVA_SRC = HERE / "Neo4jLocal.java"
CACHE = Path(os.environ.get("CLUSTERNET_NEO4J_CACHE", Path.home() / ".cache" / "clusternet" / "neo4j-local"))
DEFAULT_STATE = Path(tempfile.gettempdir()) / f"clusternet-neo4j-{os.getuid()}.json"
HEAP = os.environ.get("NEO4J_LOCAL_HEAP", "768m")
PAGECACHE_MB = int(os.environ.get("NEO4J_LOCAL_PAGECACHE_MB", "256"))
START_TIMEOUT = float(os.environ.get("NEO4J_LOCAL_START_TIMEOUT", "240"))


class LaunchError(RuntimeError):
    """Neo4j could not be prepared or started; the message says why."""


def _say(msg: str) -> None:
    print(f"neo4j-local: {msg}", file=sys.stderr, flush=True)


def _build_key() -> str:
    # the cache is valid for one pom + one Java source; editing either rebuilds it
    h = hashlib.sha256(POM.read_bytes() + JAVA_SRC.read_bytes())
    return h.hexdigest()[:12]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise LaunchError(f"`{name}` is not on PATH; install OpenJDK 17+ and Maven")
    return path


def prepare(verbose: bool = True) -> tuple[Path, str]:
    """Resolve the Neo4j jars with Maven and compile the launcher class (cached).

    Returns ``(classes_dir, classpath)``.
    """
    out = CACHE / _build_key()
    cp_file, classes = out / "classpath.txt", out / "classes"
    if cp_file.exists() and (classes / "Neo4jLocal.class").exists():
        cp = cp_file.read_text().strip()
        if all(Path(j).exists() for j in cp.split(os.pathsep)):
            return classes, cp
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    if verbose:
        _say("resolving Neo4j from Maven Central (first time only; cached in ~/.m2) ...")
    tmp_cp = out / "classpath.txt.tmp"
    cmd = [_tool("mvn"), "-B", "-q", "-f", str(POM), "dependency:build-classpath",
           f"-Dmdep.outputFile={tmp_cp}"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not tmp_cp.exists():
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise LaunchError(f"Maven could not resolve Neo4j (exit {proc.returncode}):\n{tail}")
    cp = tmp_cp.read_text().strip()
    classes.mkdir(exist_ok=True)
    proc = subprocess.run([_tool("javac"), "-nowarn", "-cp", cp, "-d", str(classes), str(JAVA_SRC)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise LaunchError(f"javac failed on {JAVA_SRC.name}:\n{proc.stderr.strip()[-2000:]}")
    tmp_cp.replace(cp_file)
    if verbose:
        _say(f"prepared in {time.monotonic() - t0:.1f}s ({len(cp.split(os.pathsep))} jars)")
    return classes, cp


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def _log_tail(path: Path, n: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


def _wait_ready(proc: subprocess.Popen, uri: str, auth: tuple[str, str], log: Path, timeout: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    deadline = time.monotonic() + timeout
    port = int(uri.rsplit(":", 1)[1])
    last = "not started"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise LaunchError(f"the Neo4j JVM exited with code {proc.returncode} before answering; "
                              f"log {log}:\n{_log_tail(log)}")
        if port_open(port):
            try:
                with GraphDatabase.driver(uri, auth=auth, connection_timeout=5) as drv:
                    drv.verify_connectivity()
                return
            except (ServiceUnavailable, AuthError, Neo4jError, OSError) as exc:
                # AuthError too: the password is set just after Bolt opens
                last = f"{type(exc).__name__}: {exc}"
        time.sleep(0.5)
    raise LaunchError(f"Neo4j did not answer on {uri} within {timeout:.0f}s ({last}); log {log}:\n{_log_tail(log)}")


def _terminate(pid: int, timeout: float = 60.0) -> None:
    """SIGTERM (clean shutdown through the JVM's hook), then SIGKILL if it hangs."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                return
        except ChildProcessError:  # not our child (daemon mode): poll for existence
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
        time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _launch(port: int | None, user: str, password: str, data_dir: Path | None,
            heap: str, pagecache_mb: int, watch_parent: bool, timeout: float):
    classes, cp = prepare(verbose=True)
    port = port or free_port()
    if port_open(port):
        raise LaunchError(f"port {port} on 127.0.0.1 is already in use")
    temp = data_dir is None
    home = Path(tempfile.mkdtemp(prefix="clusternet-neo4j-")) if temp else Path(data_dir)
    home.mkdir(parents=True, exist_ok=True)
    log = home / "neo4j-local.log"
    cmd = [_tool("java"), f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
           "-Dfile.encoding=UTF-8", "-cp", f"{classes}{os.pathsep}{cp}", "Neo4jLocal",
           "--home", str(home), "--port", str(port), "--user", user,
           "--pagecache", str(pagecache_mb << 20)]
    if watch_parent:
        cmd += ["--watch-parent", str(os.getpid())]
    env = dict(os.environ, NEO4J_LOCAL_PASSWORD=password)
    with open(log, "ab") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
    uri = f"bolt://127.0.0.1:{port}"
    try:
        _wait_ready(proc, uri, (user, password), log, timeout)
    except BaseException:
        _terminate(proc.pid, 20)
        if temp:
            shutil.rmtree(home, ignore_errors=True)
        raise
    return proc, uri, home, temp


def _password(given: str | None = None) -> tuple[str, bool]:
    given = given or os.environ.get("NEO4J_PASSWORD")
    if given:
        if len(given) < 8:
            raise LaunchError("NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)")
        return given, False
    return secrets.token_urlsafe(18), True


def start_neo4j(port: int | None = None, *, password: str | None = None, data_dir: str | Path | None = None,
                heap: str = HEAP, pagecache_mb: int = PAGECACHE_MB, timeout: float = START_TIMEOUT,
                ) -> tuple[str, str, str, Callable[[], None]]:
    """Start a local Neo4j as a child of this process; returns ``(uri, user, password, stop)``.

    The server dies with this process even if ``stop`` is never called. ``stop()`` shuts
    it down cleanly and removes the temporary data directory. Raises :class:`LaunchError`.
    """
    user = os.environ.get("NEO4J_USER", "neo4j")
    password, _ = _password(password)
    proc, uri, home, temp = _launch(port, user, password, Path(data_dir) if data_dir else None,
                                    heap, pagecache_mb, True, timeout)

    def stop() -> None:
        _terminate(proc.pid)
        if temp:
            shutil.rmtree(home, ignore_errors=True)

    return uri, user, password, stop


def jvm_pid_of(uri: str) -> int | None:
    """The pid listening on a local bolt URI's port (for memory figures), or None."""
    import psutil

    port = int(uri.rsplit(":", 1)[1])
    for conn in psutil.net_connections(kind="tcp"):
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN:
            return conn.pid
    return None


# -- command line ---------------------------------------------------------------------

def _cmd_run(args) -> int:
    uri, user, password, stop = start_neo4j(args.port, password=args.password, data_dir=args.data)
    print(uri, flush=True)
    _say(f"running at {uri} as {user}; Ctrl-C stops it")
    stopping = []

    def on_signal(signum, _frame):
        stopping.append(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        while not stopping:
            time.sleep(0.5)
    finally:
        _say("stopping ...")
        stop()
    return 0


def _read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        raise LaunchError(f"no running local Neo4j recorded in {path}") from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def _state_path(args) -> Path:
    """--pid-file, else beside --port-file, else the per-user default."""
    if args.pid_file:
        return Path(args.pid_file)
    if args.port_file:
        return Path(f"{args.port_file}.state.json")
    return DEFAULT_STATE


def _cmd_start(args) -> int:
    state_path = _state_path(args)
    if state_path.exists():
        old = json.loads(state_path.read_text() or "{}")
        if old.get("pid") and _alive(old["pid"]):
            raise LaunchError(f"already running (pid {old['pid']}, {old.get('uri')}); stop it first")
    user = os.environ.get("NEO4J_USER", "neo4j")
    password, generated = _password(args.password)
    t0 = time.monotonic()
    proc, uri, home, temp = _launch(args.port, user, password, Path(args.data) if args.data else None,
                                    HEAP, PAGECACHE_MB, False, START_TIMEOUT)
    state = {"pid": proc.pid, "uri": uri, "user": user, "home": str(home), "temporary": temp,
             "port": int(uri.rsplit(":", 1)[1])}
    if generated:
        state["password"] = password  # only a generated one; a given one stays in the env
    fd = os.open(state_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(state, fh)
    if args.port_file:  # the Bolt URI, so a script can `export NEO4J_URI="$(cat F)"`
        Path(args.port_file).write_text(f"{uri}\n")
    _say(f"started pid {proc.pid} in {time.monotonic() - t0:.1f}s; state in {state_path}")
    print(uri, flush=True)
    return 0


def _cmd_stop(args) -> int:
    state_path = _state_path(args)
    if not state_path.exists():
        _say(f"nothing to stop ({state_path} does not exist)")
        return 0
    state = _read_state(state_path)
    t0 = time.monotonic()
    _terminate(int(state["pid"]))
    if _alive(int(state["pid"])):
        raise LaunchError(f"pid {state['pid']} did not stop")
    if state.get("temporary"):
        shutil.rmtree(state["home"], ignore_errors=True)
    state_path.unlink(missing_ok=True)
    _say(f"stopped pid {state['pid']} in {time.monotonic() - t0:.1f}s")
    return 0


def _cmd_env(args) -> int:
    state = _read_state(_state_path(args))
    print(f"export NEO4J_URI={state['uri']}")
    print(f"export NEO4J_USER={state['user']}")
    if "password" in state:
        print(f"export NEO4J_PASSWORD={state['password']}")
    return 0


def _cmd_prepare(args) -> int:
    t0 = time.monotonic()
    classes, cp = prepare(verbose=True)
    _say(f"ready ({len(cp.split(os.pathsep))} jars, {time.monotonic() - t0:.1f}s): {classes}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="neo4j_local.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("prepare", help="resolve the jars with Maven and compile the launcher")
    for name in ("run", "start"):
        p = sub.add_parser(name, help="start in the foreground" if name == "run" else "start in the background")
        p.add_argument("--port", type=int, default=None, help="Bolt port (default: a free one)")
        p.add_argument("--data", default=None, help="data directory (default: a temporary one)")
        p.add_argument("--password", default=None,
                       help="password of user neo4j (default: $NEO4J_PASSWORD, else a generated one)")
    for name in ("start", "stop", "env"):
        p = sub.choices[name] if name in sub.choices else sub.add_parser(name)
        p.add_argument("--port-file", default=None, help="start writes the Bolt URI here; stop/env find the "
                       "server it started from it")
        p.add_argument("--pid-file", default=None, help=f"state file (pid, uri, ...); default: beside "
                       f"--port-file, else {DEFAULT_STATE}")
    args = ap.parse_args(argv)
    handler = {"prepare": _cmd_prepare, "run": _cmd_run, "start": _cmd_start,
               "stop": _cmd_stop, "env": _cmd_env}[args.cmd]
    try:
        return handler(args)
    except LaunchError as exc:
        _say(f"error: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
