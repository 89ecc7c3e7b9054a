"""Hosting: requirements.txt alone, in a fresh virtual environment, runs the app from exactly the deployed files.

What Streamlit Community Cloud does (README, Deploy). Takes a minute or two: it installs the pinned packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from harness.server import free_port

pytestmark = pytest.mark.deploy
ROOT = Path(__file__).resolve().parents[2]
DEPLOYED = ("explorer.py", "requirements.txt", "app_pages", "ui", "meridians", "data", "assets", ".streamlit")
PAGES = ("explorer.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py")))
# Runs every page in the clean environment with Streamlit's own AppTest (it ships with streamlit).
RUN_PAGES = """
import sys
from streamlit.testing.v1 import AppTest
for page in sys.argv[1:]:
    at = AppTest.from_file("explorer.py", default_timeout=120)
    if page != "explorer.py":
        at.switch_page(page)
    at.query_params["routine"] = "BL23,KI3"
    at.run()
    assert not at.exception, (page, at.exception)
    print("ran", page)
"""


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return resp.status, resp.read()


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the deployed files, and a fresh virtual environment with requirements.txt installed."""
    base = tmp_path_factory.mktemp("deploy")
    app = base / "app"
    app.mkdir()
    for name in DEPLOYED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, app / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, app / name)
    (app / "static").symlink_to("assets")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    done = subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", "-r", "requirements.txt"], cwd=app,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return app, venv / "bin"


def test_the_app_needs_none_of_the_optional_packages(deployed):
    app, bin_dir = deployed
    for module in ("ipywidgets", "anywidget", "pytest", "playwright"):
        found = subprocess.run([bin_dir / "python", "-c", f"import {module}"], cwd=app, capture_output=True)
        assert found.returncode != 0, f"{module} was installed by requirements.txt"


def test_every_page_runs_in_the_clean_environment(deployed):
    app, bin_dir = deployed
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MERIDIAN_DATA")}
    done = subprocess.run([bin_dir / "python", "-c", RUN_PAGES, *PAGES], cwd=app, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("ran ") == len(PAGES)


def test_streamlit_serves_the_app_and_its_chart_images(deployed, tmp_path):
    app, bin_dir = deployed
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MERIDIAN_DATA")}
    log = (tmp_path / "streamlit.log").open("wb")
    proc = subprocess.Popen([bin_dir / "streamlit", "run", "explorer.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=app, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, (tmp_path / "streamlit.log").read_text(errors="replace")[-3000:]
            try:
                if _get(f"{base}/_stcore/health") == (200, b"ok"):
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "no health answer within 90 s"
            time.sleep(0.5)
        status, page = _get(base + "/")
        assert status == 200 and b'<div id="root">' in page
        status, image = _get(f"{base}/app/static/posterior.png")  # static serving from .streamlit/config.toml
        assert status == 200 and image.startswith(b"\x89PNG")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
