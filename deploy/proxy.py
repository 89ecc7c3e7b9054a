"""nginx in front of the replicas: its config from deploy/nginx.conf, Streamlit's frontend precompressed
beside it, and nginx run as a child process (for the replica test and the benchmark). See deploy/README.md.

    python -m deploy.proxy frontend /srv/meridian/frontend
    python -m deploy.proxy render --listen 8080 --replica 127.0.0.1:8501 --replica 127.0.0.1:8502 \\
        --frontend /srv/meridian/frontend --prefix /var/lib/meridian-proxy > /etc/nginx/meridian.conf
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

import streamlit

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx.conf"
NGINX = "/usr/sbin/nginx"  # Debian's: apt-get install -y nginx
STREAMLIT_FRONTEND = Path(streamlit.__file__).parent / "static"
# Text worth compressing; woff2 and images already are.
COMPRESSIBLE = (".js", ".mjs", ".css", ".html", ".json", ".svg", ".map", ".txt", ".ttf", ".wasm")
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


PRELOADED = ("PlotlyChart.*.js",)  # the frontend's chunks a page of the explorer is sure to need
# Debian's libnginx-mod-http-brotli-static: nginx then serves the .br files (about a fifth smaller than the
# .gz) to browsers that accept brotli, and the .gz to the others. Without the module, gzip alone.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def preload(frontend: Path) -> str:
    """The Link header that tells the browser to fetch the PRELOADED chunks as the page arrives."""
    chunks = sorted(p for pattern in PRELOADED for p in (frontend / "static" / "js").glob(pattern))
    if not chunks:
        raise FileNotFoundError(f"no {PRELOADED} in {frontend}/static/js: not Streamlit's frontend?")
    return ", ".join(f"</static/js/{p.name}>; rel=modulepreload" for p in chunks)


def render(listen: str, replicas: Sequence[str], frontend: Path, prefix: Path) -> str:
    """deploy/nginx.conf with its names filled in. A replica that fails once is left alone for 5 s."""
    servers = "\n".join(f"        server {r} max_fails=1 fail_timeout=5s;" for r in replicas)
    conf = TEMPLATE.read_text()
    brotli = BROTLI_MODULE.exists() and any((frontend / "static" / "js").glob("*.js.br"))
    fill = {"LISTEN": listen, "REPLICAS": servers, "FRONTEND": str(frontend), "PREFIX": str(prefix),
            "PRELOAD": preload(frontend),
            "MODULES": f"load_module {BROTLI_MODULE};" if brotli else "# no brotli_static module: gzip only",
            "BROTLI": "brotli_static on;" if brotli else "# brotli_static: not installed"}
    for name, value in fill.items():
        conf = conf.replace(f"@{name}@", value)
    if left := re.findall(r"@[A-Z]+@", conf):
        raise ValueError(f"deploy/nginx.conf: unfilled {left}")
    return conf


def write_frontend(dest: Path, source: Path = STREAMLIT_FRONTEND) -> Path:
    """A copy of the installed Streamlit's frontend with a .gz beside every compressible file (for
    `gzip_static`), and a .br where the brotli package is installed (for `brotli_static`). Written once per
    Streamlit version, never into the installed package."""
    try:
        import brotli
    except ImportError:
        brotli = None
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest)
    for path in dest.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size >= 1024:
            data = path.read_bytes()
            packs = {".gz": gzip.compress(data, compresslevel=9, mtime=0)}
            if brotli is not None:
                packs[".br"] = brotli.compress(data, quality=11)
            for suffix, packed in packs.items():
                if len(packed) < len(data):
                    target = path.with_name(path.name + suffix)
                    target.write_bytes(packed)
                    os.utime(target, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    return dest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ProxyFailed(RuntimeError):
    """nginx refused its config or never answered; the message ends with its error log."""


class Proxy:
    """Debian's nginx on 127.0.0.1 and a free port, in front of `replicas`, with everything it writes
    (config, logs, temp files, the precompressed frontend unless one is given) under `work`."""

    def __init__(self, work: Path, replicas: Sequence[str], frontend: Path | None = None) -> None:
        self.work = work
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.replicas = list(replicas)
        self.frontend = frontend
        self.proc: subprocess.Popen | None = None

    @property
    def access_log(self) -> Path:
        return self.work / "access.log"

    def error_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join((self.work / "error.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no error log)"

    def start(self, timeout_s: float = 20.0) -> Proxy:
        for name in TEMP_DIRS:
            (self.work / "tmp" / name).mkdir(parents=True, exist_ok=True)
        if self.frontend is None:
            self.frontend = write_frontend(self.work / "frontend")
        conf = self.work / "nginx.conf"
        conf.write_text(render(f"127.0.0.1:{self.port}", self.replicas, self.frontend, self.work))
        # As root, nginx's workers would run as Debian's www-data, who cannot read a private temp dir.
        user = "user root root; " if os.geteuid() == 0 else ""
        command = [NGINX, "-p", str(self.work), "-e", str(self.work / "error.log"), "-c", str(conf),
                   "-g", f"daemon off; {user}".strip()]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise ProxyFailed(f"nginx -t: {checked.stderr}")
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ProxyFailed(f"nginx exited with {self.proc.returncode}; error log:\n{self.error_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise ProxyFailed(f"nginx at {self.url} did not answer within {timeout_s} s; error log:\n{self.error_tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()  # nginx's fast shutdown
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> Proxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.proxy", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    front = sub.add_parser("frontend", help="copy Streamlit's frontend to DEST with .gz files beside it")
    front.add_argument("dest", type=Path)
    conf = sub.add_parser("render", help="print deploy/nginx.conf filled in")
    conf.add_argument("--listen", default="8080")
    conf.add_argument("--replica", action="append", required=True, help="host:port of a replica (repeat)")
    conf.add_argument("--frontend", type=Path, required=True, help="what `frontend` wrote")
    conf.add_argument("--prefix", type=Path, required=True, help="a folder nginx may write (logs, temp files)")
    args = parser.parse_args(argv)
    if args.command == "frontend":
        print(write_frontend(args.dest))
    else:
        sys.stdout.write(render(args.listen, args.replica, args.frontend.resolve(), args.prefix.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
