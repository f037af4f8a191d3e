"""The machine's own PostgreSQL and Chromium, found and started for tests and the benchmark.

Nothing here touches a PostgreSQL server that runs already: each cluster is a new
throwaway one in a temporary folder, on a free port, removed when done.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Flags that keep Chromium from calling home; this machine's network is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def postgres_bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries on the machine, or PG_BIN if set."""
    if configured := os.environ.get("PG_BIN"):
        return Path(configured)
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def pyenv_root() -> str:
    """Where pyenv keeps its Python releases (PYENV_ROOT, else ~/.pyenv)."""
    return os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    """A throwaway PostgreSQL cluster: Django connection settings, and a restart."""

    settings: dict
    bin_dir: Path
    base: str
    as_user: list[str]

    def pg_ctl(self, *args: str, check: bool = True):
        data = os.path.join(self.base, "data")
        subprocess.run(
            [*self.as_user, str(self.bin_dir / "pg_ctl"), "-D", data, *args],
            check=check,
            stdout=subprocess.DEVNULL,
            stderr=None if check else subprocess.DEVNULL,
        )

    def restart(self):
        """Stop (ending every connection, as an outage would) and start again with the same
        options; returns when the server accepts connections."""
        self.pg_ctl("-l", f"{self.base}/log", "-w", "-m", "fast", "restart")


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[dict]:
    """Start a PostgreSQL cluster of our own and yield Django connection settings for it."""
    with throwaway_cluster() as cluster:
        yield cluster.settings


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """Start a PostgreSQL cluster of our own on a free loopback port, removed afterwards.

    initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
    """
    bin_dir = postgres_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    base = tempfile.mkdtemp(prefix="liso-pg-")
    if as_user:
        shutil.chown(base, "postgres", "postgres")
    data, port = os.path.join(base, "data"), free_port()
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "initdb"),
            "-D",
            data,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    settings = {"HOST": "127.0.0.1", "PORT": str(port), "USER": "postgres", "PASSWORD": ""}
    cluster = Cluster(settings, bin_dir, base, as_user)
    cluster.pg_ctl("-l", f"{base}/log", "-w", "-o", options, "start")
    try:
        yield cluster
    finally:
        cluster.pg_ctl("-m", "immediate", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)
