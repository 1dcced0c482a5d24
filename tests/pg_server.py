"""A throwaway PostgreSQL server for the tests (Debian's PostgreSQL: initdb + pg_ctl).

``postgres_url`` (a pytest fixture; import it into a test module) yields the URL of a fresh
cluster on a free loopback port, with its socket in a temporary folder; the server is stopped and
its folder removed when the session ends. As root the server runs as user ``postgres`` (via
``runuser``), which owns the temporary folder. ``NEWSX_TEST_POSTGRES_URL`` points the tests at an
existing server instead. Tests skip only where no server binary exists; a server that exists but
does not start is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def find_binaries() -> tuple[str, str] | None:
    """(initdb, pg_ctl) from PATH, /usr/local/bin or /usr/lib/postgresql/*/bin (newest first)."""
    candidates = [os.path.dirname(p) for p in filter(None, [shutil.which("initdb")])]
    candidates += ["/usr/local/bin"] + sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                              key=lambda p: [int(x) for x in p.split("/")[-2].split(".") if x.isdigit()],
                                              reverse=True)
    for d in candidates:
        initdb, pg_ctl = os.path.join(d, "initdb"), os.path.join(d, "pg_ctl")
        if os.access(initdb, os.X_OK) and os.access(pg_ctl, os.X_OK):
            return initdb, pg_ctl
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, initdb: str, pg_ctl: str):
        self.pg_ctl = pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="newsx-pg-"))
        self.data = self.root / "data"
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        if self.as_root:
            runuser = shutil.which("runuser")
            if not runuser:
                raise RuntimeError("running as root needs runuser to start PostgreSQL as user postgres")
            self.prefix = [runuser, "-u", "postgres", "--"]
            shutil.chown(self.root, user="postgres", group=None)
            os.chmod(self.root, 0o700)
        else:
            self.prefix = []
        self.port = _free_port()
        self._run([initdb, "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                   "--locale=C", "--no-sync"])
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run([pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "-t", "60", "start"])
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, cmd: list[str]) -> None:
        done = subprocess.run(self.prefix + cmd, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n{log}")

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


_server: Server | None = None
_users = 0


@pytest.fixture(scope="session")
def postgres_server_url():
    """The URL of a running server for the whole session (see the module docstring)."""
    global _server, _users
    url = os.environ.get("NEWSX_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    pytest.importorskip("psycopg")
    if _server is None:
        bins = find_binaries()
        if bins is None:
            pytest.skip("no PostgreSQL server binary (initdb, pg_ctl) on this machine")
        _server = Server(*bins)
    _users += 1
    try:
        yield _server.url
    finally:
        _users -= 1
        if _users == 0 and _server is not None:
            _server.stop()
            _server = None


@pytest.fixture()
def postgres_url(postgres_server_url):
    """A fresh, empty database on the session's server for one test; dropped afterwards."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = postgres_server_url.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
