"""Serve the app to a team: N Streamlit processes behind nginx, started by one command.

One Python process uses one core, so ``clusternet serve --processes 2`` runs two app
processes on loopback ports and Debian's nginx in front of them. nginx keeps each user on
one process (a Streamlit session lives in its process: its websocket, uploads and media
must all reach the same one): the first response sets a ``clusternet_backend`` cookie with
a random key, and the backend is a consistent hash of that key. (``ip_hash`` would not do:
behind a company proxy, or on one machine, every user has the same address.) All the
processes read the same store; its revision (``store.revision()``) makes each one show
any write on its next rerun. See ``docs/serving.md``.

Only :func:`serve_team` and :func:`start_team` start processes; :func:`nginx_config` is pure.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from clusternet.api import ConfigError, StoreConfig

__all__ = ["TeamPlan", "nginx_config", "start_team", "serve_team", "find_nginx", "app_env", "STICKY_COOKIE"]

PACKAGE_DIR = Path(__file__).resolve().parents[1]
APP_PATH = PACKAGE_DIR / "app.py"
STICKY_COOKIE = "clusternet_backend"
START_TIMEOUT = 120.0  # seconds for every process to answer its health check


@dataclass(frozen=True)
class TeamPlan:
    """Where everything listens: the proxy on ``address:port``, the app processes on
    ``backend_ports`` (always loopback: only nginx talks to them)."""

    port: int = 8501
    backend_ports: tuple[int, ...] = (8511, 8512)
    address: str = "127.0.0.1"
    max_upload_mb: int = 50

    @classmethod
    def for_processes(cls, processes: int, port: int = 8501, address: str = "127.0.0.1",
                      first_backend: int | None = None) -> "TeamPlan":
        """The plan for ``processes`` app processes on the ports after ``port + 10``.

        >>> TeamPlan.for_processes(3, 8501).backend_ports
        (8511, 8512, 8513)
        """
        if not 1 <= int(processes) <= 64:
            raise ConfigError(f"--processes must be between 1 and 64, not {processes}")
        first = first_backend if first_backend is not None else port + 10
        ports = tuple(range(first, first + int(processes)))
        if port in ports or not all(0 < p < 65536 for p in (port, *ports)):
            raise ConfigError(f"cannot serve on port {port} with app processes on ports {ports[0]}-{ports[-1]}")
        return cls(port=int(port), backend_ports=ports, address=address)


def nginx_config(plan: TeamPlan, workdir: str | os.PathLike) -> str:
    """The nginx configuration for ``plan``: sticky by cookie, websocket upgrade, logs and
    temporary files under ``workdir`` (so it runs without touching /etc/nginx).

    >>> text = nginx_config(TeamPlan(8501, (8511, 8512)), "/tmp/team")
    >>> "server 127.0.0.1:8512;" in text and "listen 127.0.0.1:8501;" in text
    True
    >>> "hash $clusternet_key consistent;" in text
    True
    """
    work = Path(workdir)
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in plan.backend_ports)
    temp = "\n".join(f"    {name}_temp_path {work / name};" for name in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""# written by clusternet serve; see docs/serving.md
worker_processes 1;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'} warn;
events {{ worker_connections 1024; }}
http {{
    # which process served each request (and for which sticky key): see docs/serving.md
    log_format clusternet '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                          'key=$clusternet_key upstream=$upstream_addr';
    access_log {work / 'access.log'} clusternet;
{temp}
    # a user without the cookie gets a random key; with it, the same key (same process)
    map $cookie_{STICKY_COOKIE} $clusternet_key {{
        ""      $request_id;
        default $cookie_{STICKY_COOKIE};
    }}
    map $cookie_{STICKY_COOKIE} $clusternet_set_cookie {{
        ""      "{STICKY_COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}
    upstream clusternet_app {{
        hash $clusternet_key consistent;
{servers}
    }}
    server {{
        listen {plan.address}:{plan.port};
        client_max_body_size {plan.max_upload_mb + 5}m;
        server_tokens off;
        location / {{
            proxy_pass http://clusternet_app;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 86400s;
            proxy_buffering off;
            add_header Set-Cookie $clusternet_set_cookie;
        }}
    }}
}}
"""


def app_env(store_uri: str | None, *, user: str | None = None, password: str | None = None,
            database: str | None = None) -> dict[str, str]:
    """The app processes' environment: the store and its credentials travel there, never on
    a command line (where ``ps`` would show the password)."""
    cfg = StoreConfig.resolve(store_uri or os.environ.get("CLUSTERNET_STORE") or "clusternet.db",
                              user=user, password=password, database=database)
    env = dict(os.environ)
    env["CLUSTERNET_STORE"] = cfg.uri if cfg.kind == "neo4j" else str(Path(cfg.uri).resolve())
    for key, value in (("NEO4J_USER", cfg.user), ("NEO4J_PASSWORD", cfg.password), ("NEO4J_DATABASE", cfg.database)):
        if value:
            env[key] = value
    return env


def find_nginx() -> str:
    """The nginx binary, or :class:`ConfigError` saying how to install it."""
    path = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx")
                                          if os.access(p, os.X_OK)), None)
    if not path:
        raise ConfigError("nginx is not installed (Debian: apt-get install -y nginx); "
                          "or run one process with `clusternet app`")
    return path


def _port_free(address: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((address, port))
        except OSError:
            return False
    return True


def _app_command(port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP_PATH), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1", "--server.port", str(port)]


def _wait_healthy(url: str, procs: list[subprocess.Popen], deadline: float) -> None:
    """Poll ``url`` until it answers ``ok``; :class:`ConfigError` if a process dies or time runs out."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.read() == b"ok":
                    return
        except OSError:
            pass
        dead = [p for p in procs if p.poll() is not None]
        if dead or time.monotonic() > deadline:
            why = f"exited with code {dead[0].returncode}" if dead else f"did not answer within {START_TIMEOUT:g} s"
            raise ConfigError(f"{url.rsplit('/_stcore', 1)[0]} {why} (see the logs in the serve folder)")
        time.sleep(0.5)


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@dataclass
class Team:
    """A running team: the proxy URL, the app processes (one per backend port) and nginx."""

    url: str
    plan: TeamPlan
    workdir: Path
    apps: list[subprocess.Popen] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.apps + [self.proxy] if p is not None)


@contextmanager
def start_team(plan: TeamPlan, env: dict[str, str], workdir: str | os.PathLike | None = None) -> Iterator[Team]:
    """Start the app processes and nginx for ``plan`` (``env``: the app's environment, with
    ``CLUSTERNET_STORE``); yield the running :class:`Team` once all answer; stop them after."""
    if "CLUSTERNET_STORE" not in env:
        raise ConfigError("no store given (CLUSTERNET_STORE)")
    nginx = find_nginx()
    busy = [p for p in (plan.port, *plan.backend_ports) if not _port_free(plan.address if p == plan.port
                                                                            else "127.0.0.1", p)]
    if busy:
        raise ConfigError(f"port{'s' if len(busy) > 1 else ''} {', '.join(map(str, busy))} already in use")
    work = Path(workdir or tempfile.mkdtemp(prefix="clusternet-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    team = Team(f"http://{plan.address}:{plan.port}", plan, work)
    try:
        for port in plan.backend_ports:
            log = open(work / f"app-{port}.log", "wb")
            team.apps.append(subprocess.Popen(_app_command(port), cwd=PACKAGE_DIR, env=env, stdout=log,
                                              stderr=subprocess.STDOUT))
        deadline = time.monotonic() + START_TIMEOUT
        for port in plan.backend_ports:
            _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", team.apps, deadline)
        conf = work / "nginx.conf"
        conf.write_text(nginx_config(plan, work))
        team.proxy = subprocess.Popen([nginx, "-p", str(work), "-c", str(conf), "-e", str(work / "error.log"),
                                       "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                                      stderr=open(work / "nginx.out", "wb"))
        _wait_healthy(f"{team.url}/_stcore/health", [team.proxy], time.monotonic() + 30)
        yield team
    finally:
        _stop(([team.proxy] if team.proxy else []) + team.apps)


def serve_team(env: dict[str, str], plan: TeamPlan, *, announce=print) -> int:
    """Run a team until Ctrl+C or SIGTERM (or until one process exits); returns an exit code."""
    stop = {"now": False}

    def on_term(*_):
        stop["now"] = True
    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        with start_team(plan, env) as team:
            announce(f"clusternet on {team.url}: {len(plan.backend_ports)} app processes behind nginx "
                     f"(logs in {team.workdir}); press Ctrl+C to stop")
            while not stop["now"] and team.alive():
                time.sleep(1)
            if not stop["now"]:
                announce(f"a process of the team exited; stopping the others (logs in {team.workdir})")
                return 1
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0
