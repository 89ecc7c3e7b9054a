"""Real-browser fixtures: Debian's chromium, the app on a free local port, and helpers that act on the chart.

Never `playwright install`: the browser is Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-extensions",
]
START_TIMEOUT_S = 60
RERUN_TIMEOUT_MS = 15_000  # a rerun, including the chart redraw
SETTLE_MS = 150  # after the script went idle, for the last deltas to be drawn
HOVER_THROTTLE_MS = 100  # plotly.js throttles hover to one per 50 ms
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


# ----------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Desktop size: the sidebar is open and the chart and the card sit side by side.
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


# ----------------------------------------------------------------------------- the app


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`streamlit run explorer.py` as its own process, on 127.0.0.1."""

    def __init__(self, log_path: Path, port: int, data_dir: Path | None = None) -> None:
        self.log_path = log_path
        self.port = port
        self.data_dir = data_dir
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen | None = None

    def _command(self) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", "explorer.py",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
        ]  # The file watcher stays on: without it an edited explorer.py would run against stale modules.

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:]) or "(empty log)"

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                return resp.status == 200 and resp.read().strip() == b"ok"
        except OSError:
            return False

    def start(self) -> None:
        env = dict(os.environ)
        env.pop("MERIDIAN_DATA", None)  # the real data, unless this server was given a copy
        if self.data_dir is not None:
            env["MERIDIAN_DATA"] = str(self.data_dir)
        log = self.log_path.open("ab")
        try:
            self.proc = subprocess.Popen(
                self._command(), cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        finally:
            log.close()  # the child keeps its own copy of the descriptor
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"the app exited with {self.proc.returncode} while starting; log:\n{self.log_tail()}")
            # Health must come from our process: another server on the same port would also answer "ok".
            if self._healthy() and self.proc.poll() is None:
                return
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"the app did not answer {self.url}/_stcore/health within {START_TIMEOUT_S} s; log:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def _served(log_path: Path, data_dir: Path | None = None):
    """The explorer's URL while the fixture lasts (a generator for `yield from`)."""
    server = AppServer(log_path, _free_port(), data_dir=data_dir)
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


HOSTILE = "<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'>"


@pytest.fixture(scope="session")
def hostile_app_url(tmp_path_factory):
    """The explorer on a copy of the data whose BL23 carries script and markup in its names."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "points" / "back.yaml"
    text = path.read_text(encoding="utf-8")
    for field, value in (("english", "Kidney Shu"), ("pinyin", "Shènshū")):
        old = f"  {field}: {value}\n"
        assert old in text, old
        text = text.replace(old, f'  {field}: "{value} {HOSTILE}"\n', 1)
    path.write_text(text, encoding="utf-8")
    yield from _served(data.parent / "streamlit.log", data)


@pytest.fixture(scope="session")
def crowded_app_url(tmp_path_factory):
    """The explorer on a generated atlas (bench/generate.py) of 1,000 points, whose back view has more markers
    than meridians.draw.chart.CROWDED: there the markers are shapes and the chart's ring is drawn with WebGL."""
    from bench.generate import generate

    data = tmp_path_factory.mktemp("crowded") / "data"
    generate(1000, data)
    yield from _served(data.parent / "streamlit.log", data)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The base URL (no trailing slash) of the explorer, started once for the session."""
    yield from _served(tmp_path_factory.mktemp("app") / "streamlit.log")


# ----------------------------------------------------------------------------- helpers

_CHART = ".js-plotly-plot"

# The viewport position of the centre of a point's marker (optionally scrolled into view first), from
# plotly's own axes. Meridian traces come before the "Selected" ring, so the first match is the meridian's marker.
_MARKER_JS = """([code, scroll]) => {
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData || !gd._fullLayout) return null;
  const traces = gd._fullData;
  for (let t = 0; t < traces.length; t++) {
    const tr = traces[t];
    if (tr.mode !== 'markers' || !tr.customdata) continue;
    const i = tr.customdata.findIndex(c => c && c[0] === code);
    if (i < 0) continue;
    for (const g of gd.querySelectorAll('.scatterlayer g.trace')) {
      const cd = g.__data__;
      if (!cd || !cd[0] || cd[0].trace.index !== tr.index) continue;
      for (const p of g.querySelectorAll('path.point')) {
        if (scroll && p.__data__ && p.__data__.i === i) p.scrollIntoView({block: 'center', inline: 'center'});
      }
    }
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, rect = gd.getBoundingClientRect();
    return {x: rect.left + xa._offset + xa.l2p(tr.x[i]), y: rect.top + ya._offset + ya.l2p(tr.y[i]),
            trace: tr.name, index: i};
  }
  return null;
}"""

# The code plotly picks for the pointer's current position (what a click there would select).
_HOVERED_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const hd = gd && gd._hoverdata;
  return hd && hd.length && hd[0].customdata ? hd[0].customdata[0] : null;
}"""

# Every meridian marker as drawn: its code and the opacity it is painted with.
_OPACITIES_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const out = [];
  for (const g of gd.querySelectorAll('.scatterlayer g.trace')) {
    const cd = g.__data__, tr = cd && cd[0] && cd[0].trace;
    if (!tr || tr.mode !== 'markers' || !tr.customdata || tr.name === 'Selected') continue;
    for (const p of g.querySelectorAll('path.point')) {
      const d = p.__data__;
      const drawn = parseFloat(getComputedStyle(p).opacity);
      const spec = Array.isArray(tr.marker.opacity) ? tr.marker.opacity[d.i] : tr.marker.opacity;
      out.push([tr.customdata[d.i][0], drawn, spec]);
    }
  }
  return out;
}"""


class AppNotDrawn(Exception):
    """The page has no chart: the app failed (not an AssertionError, so an xfail never swallows it)."""


def chart_ready(page: Page) -> None:
    """The chart has its markers: plotly's, or a crowded view's shapes (meridians.draw.chart.CROWDED)."""
    try:
        page.wait_for_function(
            "() => { const gd = document.querySelector('.js-plotly-plot');"
            " return !!(gd && gd._fullLayout && gd._fullData"
            " && gd.querySelector('.scatterlayer path.point, .scatterlayer path.js-fill')); }",
            timeout=RERUN_TIMEOUT_MS,
        )
    except PlaywrightTimeout:
        errors = page.get_by_test_id("stException").all_inner_texts()
        raise AppNotDrawn(f"no chart on {page.url} after {RERUN_TIMEOUT_MS} ms; errors shown: {errors or 'none'}") from None


def wait_idle(page: Page) -> None:
    """The script is not running, the chart is drawn, and a short settle has passed.

    Only meaningful once a rerun is known to have happened (wait for what it shows first, e.g. with
    `expect_card`): right after a click the app still reports the idle state from before it.
    """
    page.wait_for_selector(IDLE, timeout=RERUN_TIMEOUT_MS)
    chart_ready(page)
    page.wait_for_timeout(SETTLE_MS)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    chart_ready(page)
    expect(card_heading(page)).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    wait_idle(page)


def card_heading(page: Page) -> Locator:
    """The card's title (st.subheader, an h3): a point's code and names, or "Click a point"."""
    return page.get_by_test_id("stMain").get_by_role("heading", level=3).first


def expect_card(page: Page, code: str, timeout: int = RERUN_TIMEOUT_MS) -> None:
    """Wait for the card of `code` (the rerun's visible result), then for the app to be idle."""
    expect(card_heading(page)).to_contain_text(code, timeout=timeout)
    wait_idle(page)


def marker_position(page: Page, code: str, scroll: bool = False) -> dict:
    """The centre of `code`'s marker in viewport pixels (x, y), optionally scrolling it into view first."""
    pos = page.evaluate(_MARKER_JS, [code, scroll])
    assert pos is not None, f"no marker for {code} on the chart"
    return pos


def marker_centre(page: Page, code: str) -> dict:
    """Scroll `code`'s marker into view; its centre in viewport pixels."""
    page.locator(_CHART).first.scroll_into_view_if_needed()
    return marker_position(page, code, scroll=True)


def hovered(page: Page) -> str | None:
    return page.evaluate(_HOVERED_JS)


def click_point(page: Page, code: str) -> None:
    """Click `code`'s marker at its centre, as a user would, after checking plotly picks it there."""
    pos = marker_centre(page, code)
    x, y = pos["x"], pos["y"]
    page.mouse.move(x + 3, y)  # a real move even when the pointer is already there
    page.mouse.move(x, y)
    page.wait_for_timeout(HOVER_THROTTLE_MS)  # plotly recomputes the hover at most this often
    try:
        page.wait_for_function(f"() => ({_HOVERED_JS})() === {code!r}", timeout=3000)
    except PlaywrightTimeout:
        raise AssertionError(
            f"the pointer on the centre of {code}'s marker ({x:.0f}, {y:.0f}) picks {hovered(page)!r}, "
            f"not {code}: another marker covers it"
        ) from None
    page.mouse.click(x, y)


def tap_point(page: Page, code: str) -> None:
    """Tap `code`'s marker at its centre on a touch screen."""
    pos = marker_centre(page, code)
    page.touchscreen.tap(pos["x"], pos["y"])


def marker_opacities(page: Page) -> list[tuple[str, float]]:
    """(code, opacity) for every meridian marker, as painted; checked against the figure's marker.opacity."""
    rows = page.evaluate(_OPACITIES_JS)
    assert rows, "the chart has no markers"
    for code, drawn, spec in rows:
        assert abs(drawn - spec) < 1e-6, f"{code} is painted at opacity {drawn}, the figure says {spec}"
    return [(code, drawn) for code, drawn, _ in rows]


def full_opacity_count(page: Page) -> int:
    return sum(op == 1 for _, op in marker_opacities(page))


@pytest.fixture(scope="session")
def helpers() -> SimpleNamespace:
    """The helpers above, for the tests (a test module cannot import this conftest reliably: tests/ has
    another conftest.py and no packages)."""
    return SimpleNamespace(
        HOSTILE=HOSTILE, RERUN_TIMEOUT_MS=RERUN_TIMEOUT_MS, MARKER_JS=_MARKER_JS, HOVERED_JS=_HOVERED_JS,
        CHROMIUM=CHROMIUM, CHROMIUM_ARGS=CHROMIUM_ARGS, chart_ready=chart_ready, wait_idle=wait_idle, open_app=open_app,
        card_heading=card_heading, expect_card=expect_card, marker_centre=marker_centre, hovered=hovered,
        click_point=click_point, tap_point=tap_point, marker_opacities=marker_opacities,
        full_opacity_count=full_opacity_count, marker_position=marker_position,
    )
