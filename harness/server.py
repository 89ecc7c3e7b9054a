"""`streamlit run` as a process of its own, on 127.0.0.1 and a free port, with its output in a log file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from deploy.proxy import free_port

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60


class ServerFailed(RuntimeError):
    """The server exited or never answered its health check; the message ends with its log."""


class Server:
    """One `streamlit run <entry>`. Everything else comes from the config of `cwd` (the app's
    .streamlit/config.toml from the repository root); `flags` are for an app that has none (the benchmark's floor).

    `data_dir` is the atlas to load (MERIDIAN_DATA); without it the real data, whatever the caller's environment says.
    """

    def __init__(self, log_path: Path, entry: str = "explorer.py", *, data_dir: Path | None = None,
                 env: dict[str, str] | None = None, flags: Sequence[str] = (), cwd: Path = ROOT) -> None:
        self.log_path, self.entry, self.cwd = log_path, entry, cwd
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = [sys.executable, "-m", "streamlit", "run", entry, "--server.port", str(self.port),
                        "--server.address", "127.0.0.1", *flags]
        self.env = {k: v for k, v in os.environ.items() if k != "MERIDIAN_DATA"}
        if data_dir is not None:
            self.env["MERIDIAN_DATA"] = str(data_dir)
        self.env.update(env or {})
        self.proc: subprocess.Popen | None = None

    def start(self) -> Server:
        """Start the process and return at once (`wait_healthy` waits): several servers can start together."""
        with self.log_path.open("ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(self.command, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                return resp.status == 200 and resp.read().strip() == b"ok"
        except OSError:
            return False

    def wait_healthy(self, timeout_s: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerFailed(f"{self.entry} exited with {self.proc.returncode} while starting; log:\n{self.log_tail()}")
            # Health must come from our process: another server on the same port would also answer "ok".
            if self._healthy() and self.proc.poll() is None:
                return
            time.sleep(0.2)
        self.stop()
        raise ServerFailed(f"{self.entry} did not answer {self.url}/_stcore/health within {timeout_s} s; "
                           f"log:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:]) or "(empty log)"

    def rss_mb(self) -> float:
        """The server process's resident memory."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> Server:
        self.start()
        self.wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
