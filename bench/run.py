"""The benchmark of issue 5: the explorer against a bare Streamlit + Plotly floor, in Debian's chromium.

    python -m bench                   # from the repo root; or: python bench/run.py
    python -m bench --quick           # fewer repeats, for a smoke run
    python -m bench --sizes 361,1500,1881,5000 --profile

One run starts, on 127.0.0.1, the explorer (explorer.py) and the floor (bench/floor_app.py) on the same
points, drives both with Playwright and reports, for each:

- click-to-card latency: mousedown on a marker -> the card's text visible with the script idle
  (median, p90; measured inside the page with performance.now(), the same way for both apps);
- bytes per click and per filter change: on the wire (the server's socket counters, after compression)
  and as websocket payload (page.on("websocket") framereceived, inflated);
- cold load: navigation -> the chart's markers drawn (fresh browser context each time);
- server memory: VmRSS of the server process with 1 and with 20 open sessions;

then repeats the click measurement on synthetic atlases (bench/generate.py) written to a temp dir and
loaded with MERIDIAN_DATA. It writes bench/results/ (CSV, PNG, logs), prints ratios ours/floor and
PASS/FAIL per target. Never part of the test pass; it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from bench.generate import generate, max_codes  # noqa: E402
from meridians.draw.body_images import served_image  # noqa: E402
from meridians.draw.chart import LEGEND_ROOM  # noqa: E402
from meridians.load import DATA_DIR, load_atlas  # noqa: E402

RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--no-first-run", "--disable-extensions"]
VIEWPORT = {"width": 1400, "height": 1400}  # the whole chart fits: no scrolling between clicks
VIEW = "posterior"  # the explorer's default view
START_TIMEOUT_S = 60
FIRST_LOAD_TIMEOUT_MS = 180_000  # the first load parses the atlas (about 20 s at 5,000 points)
STEP_TIMEOUT_MS = 30_000
DOUBLE_CLICK_S = 0.5  # at least this long between two clicks in a tab (plotly's double-click window is 300 ms)
SETTLE_S = 0.15  # no websocket frame for this long: the rerun's messages are all in
HOVER_WAIT_MS = 80  # plotly.js recomputes the hover at most every 50 ms
MIN_GAP_PX = 60  # consecutive targets this far apart (in image pixels), so the previous ring never covers
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

# Variants of the explorer that each change one thing, to put numbers on a suggestion (--variants):
# name -> (entry script, extra environment, extra server flags).
VARIANTS = {
    "stable": ("bench/variant_app.py", {"BENCH_VARIANT": "stable_chart"}, []),
    "nogc": ("explorer.py", {}, ["--runner.postScriptGC", "false"]),
    "compact": ("bench/variant_app.py", {"BENCH_VARIANT": "compact_card"}, []),
    "cache1k": ("explorer.py", {"STREAMLIT_GLOBAL_MIN_CACHED_MESSAGE_SIZE": "1000"}, []),
    "noentries": ("bench/variant_app.py", {"BENCH_VARIANT": "empty_expanders"}, []),
    "lean": ("bench/variant_app.py", {"BENCH_VARIANT": "stable_chart,compact_card",
                                      "STREAMLIT_GLOBAL_MIN_CACHED_MESSAGE_SIZE": "1000"},
             ["--runner.postScriptGC", "false"]),
}
PROBES = {"floor": "floor", "stable": "stable", "lean": "stable"}

TARGETS = (  # (name, limit, how it is computed: see _verdicts)
    ("click-to-card median, ours/floor", 1.15),
    ("bytes per click on the wire, ours/floor", 1.5),
    ("cold load median, ours/floor", 1.3),
    ("click-to-card median, ours at 5,000 / at 361 points", 1.5),
    ("server memory, ours 20 sessions / 1 session", 1.5),
)

# ----------------------------------------------------------------------------- in-page probes

# The chart's markers as drawn: plotly's markers, or a crowded view's shapes (meridians.draw.chart.CROWDED).
MARKERS = json.dumps(".js-plotly-plot .scatterlayer path.point, .js-plotly-plot .scatterlayer path.js-fill")

# Installed before any page script: websocket frame arrival times (for the timing breakdown) and the
# time the chart's first markers exist (performance.now() counts from the start of the navigation).
INIT_JS = """(() => {
  const b = window.__bench = {markers: null, ws: [], arm: null};
  const Orig = window.WebSocket;
  class BenchWebSocket extends Orig {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        const d = e.data;
        b.ws.push([performance.now(), d.byteLength ?? d.size ?? d.length ?? 0]);
      });
    }
  }
  window.WebSocket = BenchWebSocket;
  b.loaf = [];  // long animation frames (main thread busy >= 50 ms), with the scripts that ran in them
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        b.loaf.push([e.startTime, e.duration, (e.scripts || []).map(s =>
          [(s.sourceURL || '?').split('/').pop().split('.')[0], s.duration])]);
      }
    }).observe({type: 'long-animation-frame', buffered: true});
  } catch (err) {}
  const seen = () => {
    if (b.markers !== null) return;
    if (document.querySelector(MARKERS)) {
      b.markers = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(seen);
  obs.observe(document, {childList: true, subtree: true});
})();""".replace("MARKERS", MARKERS)

# Arm the click probe: t0 at the mousedown; tCard when the card (ours and its variant: an h3 starting
# with the code; floor: the line "Clicked: CODE") is in the page and the script is idle; tChart when the
# chart shows the selection (ours: plotly's selection on the "Selected" trace is the code; the floor's
# figure and the stable variant's do not change).
ARM_JS = """([kind, code]) => {
  const b = window.__bench;
  const arm = b.arm = {code, t0: null, tCard: null, tChart: kind === 'ours' ? null : -1, wsFrom: b.ws.length};
  document.addEventListener('mousedown', () => { if (arm.t0 === null) arm.t0 = performance.now(); },
                            {capture: true, once: true});
  const cardOk = kind !== 'floor'
    ? () => [...document.querySelectorAll("[data-testid='stMain'] h3")].some(h => h.textContent.startsWith(code + ' ·'))
    : () => [...document.querySelectorAll("[data-testid='stText']")].some(e => e.textContent.trim() === 'Clicked: ' + code);
  const chartOk = () => {  // the "Selected" trace (a ring over every marker) has the code's ring selected
    const gd = document.querySelector('.js-plotly-plot');
    return !!(gd && gd.data && gd.data.some(t => t.name === 'Selected' && t.customdata && Array.isArray(t.selectedpoints)
      && t.selectedpoints.some(i => t.customdata[i] && t.customdata[i][0] === code)));
  };
  const check = () => {
    if (arm.t0 === null) return;
    const app = document.querySelector("[data-testid='stApp']");
    const idle = !!app && app.getAttribute('data-test-script-state') === 'notRunning';
    const now = performance.now();
    if (arm.tCard === null && idle && cardOk()) arm.tCard = now;
    if (arm.tChart === null && chartOk()) arm.tChart = now;
    if (arm.tCard !== null && arm.tChart !== null) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                              attributeFilter: ['data-test-script-state']});
}"""

ARMED_DONE_JS = "() => { const a = window.__bench.arm; return !!a && a.tCard !== null && a.tChart !== null; }"

# Viewport centre of the nth marker of a code, from plotly's own axes: the floor's one trace, our "Selected"
# ring trace (a ring over every marker, on axes laid over the body's; a crowded view's markers are shapes).
MARKER_JS = """([code, nth]) => {
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData || !gd._fullLayout) return null;
  let seen = 0;
  const ring = gd._fullData.find(tr => tr.name === 'Selected');
  for (const tr of ring ? [ring] : gd._fullData) {
    if (!tr.mode.includes('markers') || !tr.customdata) continue;
    for (let i = 0; i < tr.customdata.length; i++) {
      if (!tr.customdata[i] || tr.customdata[i][0] !== code || seen++ !== nth) continue;
      const xa = gd._fullLayout[tr.xaxis.replace('x', 'xaxis')], ya = gd._fullLayout[tr.yaxis.replace('y', 'yaxis')];
      const rect = gd.getBoundingClientRect();
      return {x: rect.left + xa._offset + xa.l2p(tr.x[i]), y: rect.top + ya._offset + ya.l2p(tr.y[i])};
    }
  }
  return null;
}"""

HOVERED_JS = """() => { const gd = document.querySelector('.js-plotly-plot'); const hd = gd && gd._hoverdata;
  return hd && hd.length && hd[0].customdata ? hd[0].customdata[0] : null; }"""

CHART_READY_JS = """() => { const gd = document.querySelector('.js-plotly-plot');
  return !!(gd && gd._fullLayout && gd._fullData && gd.querySelector(MARKERS)); }""".replace("MARKERS", MARKERS)


# ----------------------------------------------------------------------------- servers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run <entry>` as its own process on 127.0.0.1 (the same flags for both apps)."""

    def __init__(self, name: str, entry: str, env: dict[str, str], log_dir: Path, flags: list[str] | None = None,
                 cwd: Path = ROOT):
        self.name, self.entry, self.port = name, entry, _free_port()
        self.flags = flags or []
        self.cwd = cwd  # Streamlit reads .streamlit/config.toml from here
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"{name}.log"
        self.env = {**{k: v for k, v in os.environ.items() if k not in ("MERIDIAN_DATA", "BENCH_FLOOR_POINTS")}, **env}
        self.proc: subprocess.Popen | None = None

    def start(self) -> Server:
        cmd = [sys.executable, "-m", "streamlit", "run", self.entry, "--server.port", str(self.port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", *self.flags]
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT)
        return self

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer within {START_TIMEOUT_S} s; see {self.log_path}")

    def rss_mb(self) -> float:
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


def floor_server(atlas, log_dir: Path) -> Server:
    """The floor runs from bench/ so that it gets Streamlit's defaults, not the app's .streamlit/config.toml
    (a setting the app changes must not change the floor); static serving is the one thing it needs."""
    return Server(f"floor-{atlas.label}", "floor_app.py", {"BENCH_FLOOR_POINTS": str(atlas.floor_json)}, log_dir,
                  ["--server.enableStaticServing", "true"], cwd=ROOT / "bench")


# ----------------------------------------------------------------------------- one browser page


def tcp_sent(url: str) -> int:
    """Bytes the server at `url` has sent on its open connections, as the kernel counts them (`ss`): what
    crossed the network, after the websocket's compression (the frames Playwright reports are inflated)."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    out = subprocess.run(["ss", "-tinH", "state", "established", f"( sport = :{port} )"], capture_output=True,
                         text=True, check=True).stdout
    return sum(int(m) for m in re.findall(r"bytes_sent:(\d+)", out))


class Wire:
    """Websocket bytes received by a page (framereceived payload sizes), with the frames of a window kept."""

    def __init__(self, page):
        self.total = 0
        self.last = time.monotonic()
        self.kept: list[bytes] | None = None
        self.kept_at: list[float] = []  # time.monotonic() of each kept frame, as the network delivered it
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        data = payload if isinstance(payload, (bytes, bytearray)) else str(payload).encode()
        self.total += len(data)
        self.last = time.monotonic()
        if self.kept is not None:
            self.kept.append(bytes(data))
            self.kept_at.append(self.last)


@dataclass
class Tab:
    kind: str  # ours | floor | a variant's name (VARIANTS)
    context: object
    page: object
    wire: Wire
    probe: str = ""  # how ARM_JS recognises the card: ours | floor | stable (ours with a chart that stays)
    url: str = ""  # the server's, for the bytes on the wire (`tcp_sent`)
    last_click: float = 0.0  # time.monotonic() of the last click

    def __post_init__(self) -> None:
        self.probe = self.probe or PROBES.get(self.kind, "ours")

    def settle(self, since_total: int, limit_s: float = 10.0) -> None:
        """Wait until a frame came after `since_total` bytes, the app is idle and the wire is quiet."""
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if (self.wire.total > since_total and time.monotonic() - self.wire.last >= SETTLE_S
                    and self.page.locator(IDLE).count()):
                return

    def close(self) -> None:
        self.context.close()


def start_tab(browser, kind: str, url: str, timeout_ms: int = STEP_TIMEOUT_MS) -> Tab:
    """A fresh context (empty cache), navigating to `url`."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(INIT_JS)
    page = context.new_page()
    tab = Tab(kind, context, page, Wire(page), url=url)
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    return tab


def loaded(tab: Tab, timeout_ms: int = STEP_TIMEOUT_MS) -> float:
    """Wait for the page to be drawn and idle; ms from the start of the navigation to the first markers."""
    page = tab.page
    page.wait_for_function("() => window.__bench && window.__bench.markers !== null", timeout=timeout_ms, polling=50)
    markers_ms = page.evaluate("() => window.__bench.markers")
    page.wait_for_selector(IDLE, timeout=timeout_ms)
    page.wait_for_function(CHART_READY_JS, timeout=timeout_ms)
    tab.settle(0)
    return markers_ms


def open_tab(browser, kind: str, url: str, timeout_ms: int = STEP_TIMEOUT_MS) -> tuple[Tab, float]:
    tab = start_tab(browser, kind, url, timeout_ms)
    return tab, loaded(tab, timeout_ms)


@dataclass
class Click:
    kind: str
    code: str
    card_ms: float
    chart_ms: float | None
    first_frame_ms: float | None  # first websocket frame after the mousedown
    last_frame_ms: float | None  # last frame before the card was complete (about when the script ended)
    bytes: int
    net_last_ms: float | None = None  # last frame of the rerun as the network delivered it (Python's clock)
    busy_ms: float = 0.0  # main-thread long animation frames between the mousedown and the card
    scripts: dict[str, float] = field(default_factory=dict)  # their script time by bundle file
    frames: list[bytes] = field(repr=False, default_factory=list)
    wire_bytes: int = 0  # TCP bytes the server sent for it (after compression, with the websocket's framing)


def aim(tab: Tab, code: str, nth: int, avoid: str | None) -> tuple[dict, str] | None:
    """Point at the centre of a code's marker; (position, the code plotly picks there), which is what a
    click selects. In dense atlases the markers overlap and plotly may pick a neighbour: that neighbour is
    then the clicked point. None when nothing is picked, or the pick is `avoid` (the current selection)."""
    page = tab.page
    pos = page.evaluate(MARKER_JS, [code, nth])
    if pos is None or not (0 < pos["x"] < VIEWPORT["width"] and 0 < pos["y"] < VIEWPORT["height"]):
        return None
    page.mouse.move(pos["x"] + 3, pos["y"])
    page.mouse.move(pos["x"], pos["y"])
    picked, deadline = None, time.monotonic() + 1.5
    while time.monotonic() < deadline:  # the same pick twice in a row: plotly's hover (throttled) has caught up
        page.wait_for_timeout(HOVER_WAIT_MS)
        now = page.evaluate(HOVERED_JS)
        if now is not None and now == picked:
            break
        picked = now
    if picked is None or picked == avoid:
        return None
    return pos, picked


class ClickLost(Exception):
    """A click that did not show its card (e.g. plotly picked another marker)."""


def click(tab: Tab, code: str, pos: dict) -> Click:
    page, wire = tab.page, tab.wire
    # Two mousedowns within plotly's 300 ms are a double-click to plotly (wherever they are), and Streamlit
    # then clears the chart's selection: a person reading the card is never that quick.
    time.sleep(max(0.0, tab.last_click + DOUBLE_CLICK_S - time.monotonic()))
    page.evaluate(ARM_JS, [tab.probe, code])
    before, sent = wire.total, tcp_sent(tab.url)
    wire.kept, wire.kept_at = [], []
    t_click = tab.last_click = time.monotonic()
    page.mouse.click(pos["x"], pos["y"])
    try:
        page.wait_for_function(ARMED_DONE_JS, timeout=STEP_TIMEOUT_MS, polling=50)
    except PlaywrightTimeout:
        wire.kept = None
        shown = page.evaluate("() => [...document.querySelectorAll(\"[data-testid='stMain'] h3, [data-testid='stText']\")]"
                              ".map(e => e.textContent.slice(0, 40))")
        arm = page.evaluate("() => { const a = window.__bench.arm; return {t0: a.t0, tCard: a.tCard, tChart: a.tChart}; }")
        raise ClickLost(f"{tab.kind}: clicked {code}, no card within {STEP_TIMEOUT_MS} ms; shown {shown}, probe {arm}") from None
    tab.settle(before)
    sent = tcp_sent(tab.url) - sent
    frames, frame_at, wire.kept = wire.kept, wire.kept_at, None
    arm = page.evaluate("() => { const a = window.__bench.arm; const ws = window.__bench.ws.slice(a.wsFrom);"
                        " const loaf = window.__bench.loaf.filter(e => e[0] + e[1] >= a.t0 && e[0] <= a.tCard);"
                        " return {t0: a.t0, tCard: a.tCard, tChart: a.tChart, ws, loaf}; }")
    t0 = arm["t0"]
    after = [t for t, _ in arm["ws"] if t >= t0]
    before_card = [t for t in after if t <= arm["tCard"]]
    scripts: dict[str, float] = defaultdict(float)
    for _, _, entries in arm["loaf"]:
        for source, ms in entries:
            scripts[source or "?"] += ms
    return Click(
        tab.kind, code, arm["tCard"] - t0, None if arm["tChart"] == -1 else arm["tChart"] - t0,
        (after[0] - t0) if after else None, (before_card[-1] - t0) if before_card else None,
        wire.total - before, (frame_at[-1] - t_click) * 1000 if frame_at else None,
        sum(e[1] for e in arm["loaf"]), dict(scripts), frames, sent,
    )


def change_filter(tab: Tab, option: str) -> tuple[int, float, list[bytes], int]:
    """Choose `option` in the "Body region" select box; bytes received, ms to the last frame, frames, bytes on
    the wire."""
    page, wire = tab.page, tab.wire
    box = page.get_by_test_id("stSelectbox").filter(has_text="Body region")
    box.get_by_role("combobox").click()
    opt = page.get_by_role("option", name=option, exact=True)
    opt.wait_for(timeout=STEP_TIMEOUT_MS)
    page.evaluate("() => { const b = window.__bench; b.arm = {t0: null, wsFrom: b.ws.length};"
                  " document.addEventListener('mousedown', () => { b.arm.t0 = performance.now(); },"
                  " {capture: true, once: true}); }")
    before, sent = wire.total, tcp_sent(tab.url)
    wire.kept, wire.kept_at = [], []
    opt.click()
    tab.settle(before)
    sent = tcp_sent(tab.url) - sent
    frames, wire.kept = wire.kept, None
    arm = page.evaluate("() => { const a = window.__bench.arm; return {t0: a.t0, ws: window.__bench.ws.slice(a.wsFrom)}; }")
    times = [t for t, _ in arm["ws"] if arm["t0"] is not None and t >= arm["t0"]]
    return wire.total - before, (times[-1] - arm["t0"]) if times else float("nan"), frames, sent


# ----------------------------------------------------------------------------- where the bytes go


def classify(payload: bytes) -> str:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - a frame that is not a ForwardMsg
        return "unparsed"
    kind = msg.WhichOneof("type")
    if kind == "delta":
        delta = msg.delta.WhichOneof("type")
        if delta == "new_element":
            return "element " + (msg.delta.new_element.WhichOneof("type") or "?")
        if delta == "add_block":
            return "block " + (msg.delta.add_block.WhichOneof("type") or "container")
        return "delta " + str(delta)
    if kind == "ref_hash":
        return "cached element (ref_hash)"
    return str(kind)


def breakdown(frame_lists: list[list[bytes]]) -> dict[str, float]:
    """Mean bytes per action by message kind."""
    sums: dict[str, int] = defaultdict(int)
    for frames in frame_lists:
        for f in frames:
            sums[classify(f)] += len(f)
    n = max(1, len(frame_lists))
    return dict(sorted(((k, v / n) for k, v in sums.items()), key=lambda kv: -kv[1]))


# ----------------------------------------------------------------------------- atlases and targets


@dataclass
class Atlas:
    label: str  # "real" or the point count
    data_dir: Path | None  # None: the shipped data/
    points: int
    positions: list  # posterior positions, in atlas order
    floor_json: Path
    note: str = ""


def prepare_atlas(label: str, data_dir: Path | None, work: Path) -> Atlas:
    atlas = load_atlas(data_dir or DATA_DIR)
    view = atlas.views[VIEW]
    w, h = view.size
    positions = list(atlas.positions_in(VIEW))
    spec = {
        "image": served_image(VIEW), "size": [w, h], "bottom": LEGEND_ROOM,
        "height": round(min(780, max(440, 540 * h / w))) + LEGEND_ROOM,  # as meridians.draw.chart.chart
        "regions": {r.id: r.name for r in atlas.regions.values()},
        "points": [[p.code, p.x, p.y, atlas.points[p.code].region] for p in positions],
    }
    path = work / f"floor-{label}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return Atlas(label, data_dir, len(atlas.points), positions, path)


def target_plan(atlas: Atlas, n: int, seed: int = 5) -> list[tuple[str, int, float, float]]:
    """Up to 3n (code, nth marker, x, y) candidates: distinct codes first, then their other markers,
    each far from the one before (so the previous selection ring never sits on the next target)."""
    by_code: dict[str, list] = defaultdict(list)
    for p in atlas.positions:
        by_code[p.code].append(p)
    codes = sorted(by_code)
    random.Random(seed).shuffle(codes)
    pool = [(c, 0) for c in codes] + [(c, 1) for c in codes if len(by_code[c]) > 1]
    plan, last = [], None
    for _ in range(3 * n):
        if not pool:
            break
        pick = next((i for i, (c, k) in enumerate(pool) if last is None or (
            abs(by_code[c][k].x - last[0]) + abs(by_code[c][k].y - last[1]) >= MIN_GAP_PX and c != plan[-1][0])), 0)
        c, k = pool.pop(pick)
        plan.append((c, k, by_code[c][k].x, by_code[c][k].y))
        last = (by_code[c][k].x, by_code[c][k].y)
    return plan


# ----------------------------------------------------------------------------- measurements


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def med(values) -> float:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def click_series(tabs: dict[str, Tab], atlas: Atlas, n: int, log) -> dict[str, list[Click]]:
    """n clicks per app, interleaved (ours, floor, ours, ...), on the same markers in the same order."""
    out: dict[str, list[Click]] = {k: [] for k in tabs}
    skipped, lost = [], []
    current: dict[str, str | None] = {k: None for k in tabs}
    moved = {k: 0 for k in tabs}  # clicks where plotly picked a neighbour of the aimed marker
    for code, nth, _, _ in target_plan(atlas, n):
        if len(out["ours"]) >= n:
            break
        aims = {k: aim(t, code, nth, current[k]) for k, t in tabs.items()}
        if any(a is None for a in aims.values()):
            skipped.append(code)  # nothing picked there, or the pick is already selected
            continue
        for k, tab in tabs.items():
            pos, picked = aims[k]
            moved[k] += picked != code
            try:
                out[k].append(click(tab, picked, pos))
                current[k] = picked
            except ClickLost as err:
                lost.append(str(err))
        if len(lost) >= 3:
            log("    three clicks lost; stopping this series")
            break
    for msg in lost:
        log(f"    LOST {msg}")
    if any(moved.values()):
        log("    clicks that picked a neighbouring marker (dense atlas): "
            + ", ".join(f"{k} {v}/{len(out[k])}" for k, v in moved.items()))
    if skipped:
        log(f"    skipped {len(skipped)} aims where nothing or the current selection was picked "
            f"({', '.join(skipped[:8])}{'…' if len(skipped) > 8 else ''})")
    return out


def script_time(clicks: list[Click]) -> dict[str, float]:
    """Mean main-thread script time per click (in long animation frames) by bundle file."""
    sums: dict[str, float] = defaultdict(float)
    for c in clicks:
        for source, ms in c.scripts.items():
            sums[source] += ms
    n = max(1, len(clicks))
    return dict(sorted(((k, v / n) for k, v in sums.items()), key=lambda kv: -kv[1]))


def summarize_clicks(clicks: list[Click]) -> dict[str, float]:
    card = [c.card_ms for c in clicks]
    return {
        "clicks": len(clicks), "distinct": len({c.code for c in clicks}),
        "card_median_ms": med(card), "card_p90_ms": pct(card, 0.9),
        "chart_median_ms": med([c.chart_ms for c in clicks]),
        "first_frame_median_ms": med([c.first_frame_ms for c in clicks]),
        "last_frame_median_ms": med([c.last_frame_ms for c in clicks]),
        "net_last_frame_median_ms": med([c.net_last_ms for c in clicks]),
        "main_thread_busy_median_ms": med([c.busy_ms for c in clicks]),
        "bytes_per_click": med([c.bytes for c in clicks]),
        "bytes_per_click_mean": statistics.fmean([c.bytes for c in clicks]) if clicks else float("nan"),
        "wire_bytes_per_click": med([c.wire_bytes for c in clicks]),
    }


# ----------------------------------------------------------------------------- profiling (optional)


def profile(browser, atlas: Atlas, work: Path, log_dir: Path, clicks: int, log) -> dict[str, Path]:
    """The explorer's script runs under pyinstrument: page load, clicks, filter changes."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    prof_dir = work / f"profile-{atlas.label}"
    env = {"BENCH_PROFILE_DIR": str(prof_dir)}
    if atlas.data_dir:
        env["MERIDIAN_DATA"] = str(atlas.data_dir)
    server = Server(f"profiled-{atlas.label}", "bench/profiled_explorer.py", env, log_dir).start()
    written: dict[str, Path] = {}
    try:
        server.wait_healthy()

        def collect(phase: str) -> None:
            files = sorted(prof_dir.glob("run-*.pyisession"))
            if not files:
                return
            session = None
            for f in files:
                s = Session.load(str(f))
                session = s if session is None else Session.combine(session, s)
                f.unlink()
            for flat in (False, True):
                text = ConsoleRenderer(unicode=False, color=False, flat=flat, short_mode=False,
                                       processor_options={"filter_threshold": 0.01}).render(session)
                path = RESULTS / f"profile-{atlas.label}-{phase}{'-flat' if flat else ''}.txt"
                path.write_text(f"{len(files)} script runs combined\n" + text, encoding="utf-8")
                written[f"{phase}{'-flat' if flat else ''}"] = path
            log(f"    profile {phase}: {len(files)} runs, {session.duration / len(files) * 1000:.0f} ms wall per run")

        tab, _ = open_tab(browser, "ours", server.url + "/", FIRST_LOAD_TIMEOUT_MS)
        time.sleep(0.5)
        collect("load")
        plan = target_plan(atlas, clicks, seed=11)
        done, last = 0, None
        for code, nth, _, _ in plan:
            if done >= clicks:
                break
            got = aim(tab, code, nth, last)
            if got is not None:
                try:
                    click(tab, got[1], got[0])
                    last = got[1]
                    done += 1
                except ClickLost as err:
                    log(f"    LOST {err}")
        time.sleep(0.5)
        collect("click")
        for name in list(json.loads(atlas.floor_json.read_text())["regions"].values())[:3]:
            change_filter(tab, name)
        time.sleep(0.5)
        collect("filter")
        tab.close()
    finally:
        server.stop()
    return written


def spec_sizes(atlas: Atlas) -> dict[str, int]:
    """Bytes of the explorer's figure JSON by part, with a point selected (what a click re-sends)."""
    from meridians.draw.chart import chart

    a = load_atlas(atlas.data_dir or DATA_DIR)
    code = atlas.positions[0].code
    fig = chart(a, VIEW, served_image(VIEW), selected=code)
    d = json.loads(fig.to_json())
    sizes: dict[str, int] = defaultdict(int)
    for tr in d["data"]:
        for key, value in tr.items():
            sizes[f"data[].{key}"] += len(json.dumps(value, separators=(",", ":")))
    sizes["layout"] = len(json.dumps(d["layout"], separators=(",", ":")))
    sizes["total (fig.to_json)"] = len(fig.to_json())
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))


# ----------------------------------------------------------------------------- the plot


def draw_plot(rows: list[dict], path: Path) -> None:
    """Two small bar charts with Pillow: click-to-card median (p90 as a tick) and bytes per click, by atlas."""
    from PIL import Image, ImageDraw, ImageFont

    clicks = [r for r in rows if r["metric"] == "card_median_ms"]
    p90 = {(r["atlas"], r["app"]): r["value"] for r in rows if r["metric"] == "card_p90_ms"}
    nbytes = {(r["atlas"], r["app"]): r["value"] for r in rows if r["metric"] == "bytes_per_click"}
    atlases = list(dict.fromkeys(r["atlas"] for r in clicks))
    W, H, pad = 980, 440, 60
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=13)
    small = ImageFont.load_default(size=11)
    colours = {"ours": (0, 114, 178), "floor": (170, 170, 170)}
    palette = [(230, 159, 0), (0, 158, 115), (204, 121, 167)]
    for i, app in enumerate(dict.fromkeys(r["app"] for r in clicks if r["app"] not in colours)):
        colours[app] = palette[i % len(palette)]
    apps = list(colours)
    bar = 0.7 / len(apps)
    panels = (("click-to-card median, ms (tick: p90)", {(r["atlas"], r["app"]): r["value"] for r in clicks}, p90),
              ("websocket kB received per click", {k: v / 1000 for k, v in nbytes.items()}, {}))
    pw = (W - 3 * pad) // 2
    for pi, (title, values, ticks) in enumerate(panels):
        x0, y0, y1 = pad + pi * (pw + pad), 50, H - 80
        d.text((x0, 15), title, fill=(0, 0, 0), font=font)
        top = max([v for v in list(values.values()) + list(ticks.values()) if v == v] + [1]) * 1.1
        d.line([(x0, y1), (x0 + pw, y1)], fill=(0, 0, 0))
        d.line([(x0, y0), (x0, y1)], fill=(0, 0, 0))
        for frac in (0.25, 0.5, 0.75, 1.0):
            y = y1 - (y1 - y0) * frac
            d.line([(x0 - 4, y), (x0 + pw, y)], fill=(230, 230, 230))
            d.text((x0 - 6, y), f"{top * frac:.0f}", fill=(80, 80, 80), font=small, anchor="rm")
        gw = pw / max(1, len(atlases))
        for ai, name in enumerate(atlases):
            for bi, app in enumerate(apps):
                v = values.get((name, app))
                if v is None or v != v:
                    continue
                bx = x0 + ai * gw + gw * 0.15 + bi * gw * bar
                by = y1 - (y1 - y0) * v / top
                d.rectangle([bx, by, bx + gw * bar * 0.85, y1], fill=colours[app])
                d.text((bx + gw * bar * 0.42, by - 2), f"{v:.0f}", fill=(0, 0, 0), font=small, anchor="mb")
                t = ticks.get((name, app))
                if t is not None and t == t:
                    ty = y1 - (y1 - y0) * t / top
                    d.line([(bx + gw * bar * 0.1, ty), (bx + gw * bar * 0.75, ty)], fill=(0, 0, 0), width=2)
            d.text((x0 + ai * gw + gw / 2, y1 + 8), str(name), fill=(0, 0, 0), font=small, anchor="mt")
        d.text((x0 + pw / 2, y1 + 26), "atlas (points)", fill=(80, 80, 80), font=small, anchor="mt")
    for i, (app, c) in enumerate(colours.items()):
        lx = pad + i * 120
        d.rectangle([lx, H - 22, lx + 12, H - 10], fill=c)
        d.text((lx + 16, H - 16), app, fill=(0, 0, 0), font=small, anchor="lm")
    img.save(path)


# ----------------------------------------------------------------------------- main


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def profile_main(sizes: list[int], clicks: int) -> int:
    """Only the profiles: the real atlas and the largest synthetic one."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    log_dir = RESULTS / "logs"
    log_dir.mkdir(exist_ok=True)
    started = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {msg}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="meridian-bench-"))
    detail: dict[str, dict] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for label in ["real"] + ([str(max(sizes))] if sizes else []):
                if label == "real":
                    atlas = prepare_atlas("real", None, work)
                else:
                    atlas = prepare_atlas(label, generate(int(label), work / f"atlas-{label}").data_dir, work)
                log(f"profiling the explorer on the {label} atlas")
                for name, path in profile(browser, atlas, work, log_dir, min(10, clicks), log).items():
                    log(f"    {name}: {path}")
                detail[f"figure JSON {label}"] = spec_sizes(atlas)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (RESULTS / "figure_sizes.json").write_text(json.dumps(detail, indent=1))
    for name, parts in detail.items():
        print(f"  {name}: " + ", ".join(f"{k} {v / 1000:.1f} kB" for k, v in parts.items()))
    return 0



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Explorer vs a bare Streamlit + Plotly floor.")
    parser.add_argument("--clicks", type=int, default=30, help="clicks per app and atlas (at least 30 for the report)")
    parser.add_argument("--size-clicks", type=int, default=None,
                        help="clicks per app on each synthetic atlas (default: as --clicks)")
    parser.add_argument("--sizes", default="361,1500,5000", help="synthetic atlas sizes, comma separated ('' for none)")
    parser.add_argument("--sessions", type=int, default=20, help="open sessions for the memory measurement")
    parser.add_argument("--loads", type=int, default=5, help="cold loads per app (after the first)")
    parser.add_argument("--filters", type=int, default=5, help="filter changes per app")
    parser.add_argument("--variants", default="",
                        help="also click variants of the explorer, comma separated: stable (the chart does not "
                             "change on a click), nogc (runner.postScriptGC false), compact (the card as a few "
                             "markdown elements), cache1k (global.minCachedMessageSize 1000), lean (all four); "
                             "or 'all'. See bench/variant_app.py")
    parser.add_argument("--profile", action="store_true", help="also profile the script runs with pyinstrument")
    parser.add_argument("--profile-only", action="store_true", help="only the pyinstrument profiles (no figures)")
    parser.add_argument("--quick", action="store_true", help="10 clicks, 5 sessions, 2 loads, sizes 361,1500")
    args = parser.parse_args(argv)
    if args.quick:
        args.clicks, args.sessions, args.loads, args.filters = 10, 5, 2, 2
        args.sizes = "361,1500" if args.sizes == parser.get_default("sizes") else args.sizes
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    stand_in: dict[str, str] = {}  # a size the real atlas already reaches -> "real" (its clicks stand for it)
    variants = list(VARIANTS) if args.variants == "all" else [v for v in args.variants.split(",") if v]
    if set(variants) - set(VARIANTS):
        parser.error(f"unknown variants {sorted(set(variants) - set(VARIANTS))}; known: {', '.join(VARIANTS)}")
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)", file=sys.stderr)
        return 2
    if args.profile_only:
        return profile_main(sizes, args.clicks)

    RESULTS.mkdir(parents=True, exist_ok=True)
    log_dir = RESULTS / "logs"
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir()
    started = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {msg}", flush=True)

    commit = subprocess.run(["git", "describe", "--always", "--dirty", "--exclude", "*"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    log(f"app code at commit {commit}; Streamlit {_version('streamlit')}, plotly {_version('plotly')}, "
        f"{os.cpu_count()} CPUs")
    rows: list[dict] = []
    clicks_rows: list[tuple[str, Click]] = []
    bytes_detail: dict[str, dict[str, float]] = {}
    thread_detail: dict[str, dict[str, float]] = {}

    def record(atlas: str, app: str, metric: str, value: float, unit: str) -> None:
        rows.append({"atlas": atlas, "app": app, "metric": metric, "value": value, "unit": unit})

    record("run", "", "commit " + commit, 0, "")

    servers: list[Server] = []
    work = Path(tempfile.mkdtemp(prefix="meridian-bench-"))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

            def start_pair(atlas: Atlas) -> dict[str, Server]:
                env = {"MERIDIAN_DATA": str(atlas.data_dir)} if atlas.data_dir else {}
                pair = {"ours": Server(f"ours-{atlas.label}", "explorer.py", env, log_dir),
                        "floor": floor_server(atlas, log_dir)}
                for name in variants:
                    entry, extra_env, flags = VARIANTS[name]
                    pair[name] = Server(f"{name}-{atlas.label}", entry, {**env, **extra_env}, log_dir, flags)
                for s in pair.values():
                    servers.append(s.start())
                for s in pair.values():
                    s.wait_healthy()
                return pair

            def stop_pair(pair: dict[str, Server]) -> None:
                for s in pair.values():
                    s.stop()
                    servers.remove(s)

            # ---- the real atlas: every measurement
            real = prepare_atlas("real", None, work)
            log(f"real atlas: {real.points} points, {len(real.positions)} markers on the {VIEW} view")
            pair = start_pair(real)
            tabs: dict[str, Tab] = {}
            for kind, server in pair.items():
                tab, ms = open_tab(browser, kind, server.url + "/", FIRST_LOAD_TIMEOUT_MS)
                tabs[kind] = tab
                record("real", kind, "first_load_ms", ms, "ms")
                if kind not in ("ours", "floor"):
                    continue
                time.sleep(1.0)
                rss1 = server.rss_mb()
                extra = [start_tab(browser, kind, server.url + "/") for _ in range(args.sessions - 1)]
                for t in extra:  # all loading at once, then each waited for
                    loaded(t, FIRST_LOAD_TIMEOUT_MS)
                time.sleep(2.0)
                rss_n = server.rss_mb()
                for t in extra:
                    t.close()
                record("real", kind, "rss_1_session_mb", rss1, "MB")
                record("real", kind, f"rss_{args.sessions}_sessions_mb", rss_n, "MB")
                log(f"  {kind}: first load {ms:.0f} ms; RSS {rss1:.0f} MB with 1 session, "
                    f"{rss_n:.0f} MB with {args.sessions}")

            series = click_series(tabs, real, args.clicks, log)
            for kind, cl in series.items():
                clicks_rows += [("real", c) for c in cl]
                s = summarize_clicks(cl)
                for metric, value in s.items():
                    record("real", kind, metric, value, "ms" if metric.endswith("_ms") else "")
                bytes_detail[f"click real {kind}"] = breakdown([c.frames for c in cl])
                thread_detail[f"click real {kind}"] = script_time(cl)
                log(f"  {kind}: {s['clicks']} clicks on {s['distinct']} points: card median {s['card_median_ms']:.0f} ms, "
                    f"p90 {s['card_p90_ms']:.0f} ms; {s['bytes_per_click']:.0f} B per click "
                    f"({s['wire_bytes_per_click']:.0f} B on the wire)")

            regions = list(json.loads(real.floor_json.read_text())["regions"].values())
            for kind, tab in tabs.items():
                if kind not in ("ours", "floor"):
                    continue
                results = [change_filter(tab, regions[i % len(regions)]) for i in range(args.filters)]
                record("real", kind, "bytes_per_filter_change", med([r[0] for r in results]), "B")
                record("real", kind, "wire_bytes_per_filter_change", med([r[3] for r in results]), "B")
                record("real", kind, "filter_to_last_frame_median_ms", med([r[1] for r in results]), "ms")
                bytes_detail[f"filter real {kind}"] = breakdown([r[2] for r in results])
                log(f"  {kind}: {med([r[0] for r in results]):.0f} B per filter change, last frame after "
                    f"{med([r[1] for r in results]):.0f} ms")
            for tab in tabs.values():
                tab.close()

            loads: dict[str, list[float]] = {k: [] for k in ("ours", "floor")}
            for _ in range(args.loads):
                for kind in loads:  # interleaved
                    server = pair[kind]
                    tab, ms = open_tab(browser, kind, server.url + "/")
                    loads[kind].append(ms)
                    record("real", kind, "cold_load_bytes", tab.wire.total, "B")
                    tab.close()
            for kind, values in loads.items():
                record("real", kind, "cold_load_median_ms", med(values), "ms")
                log(f"  {kind}: cold load median {med(values):.0f} ms over {len(values)} ({', '.join(f'{v:.0f}' for v in values)})")
            stop_pair(pair)

            # ---- synthetic atlases: the click measurement again
            for n in sizes:
                if n <= real.points:  # the whole atlas is already this big: its own clicks stand for this size
                    stand_in[str(n)] = "real"
                    log(f"atlas {n}: the real atlas has {real.points} points; its clicks above stand for {n}")
                    continue
                t_gen = time.monotonic()
                g = generate(n, work / f"atlas-{n}")
                # The required validation runs beside the benchmark's own reading of the atlas (2 cores).
                check = subprocess.Popen([sys.executable, "-m", "meridians", "validate", str(g.data_dir)], cwd=ROOT,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                try:
                    atlas = prepare_atlas(str(n), g.data_dir, work)
                    out, _ = check.communicate(timeout=300)
                finally:
                    if check.poll() is None:
                        check.kill()
                        check.wait()
                if check.returncode != 0:
                    log(f"atlas {n}: INVALID, skipped:\n{out[-2000:]}")
                    continue
                if g.extra_meridians:
                    atlas.note = (f"{n} points exceed the codes the 14 meridians (up to their WHO counts) + EX leave; "
                                  f"{len(g.extra_meridians)} extra-kind meridians added ({g.extra_meridians[0]}..{g.extra_meridians[-1]})")
                log(f"atlas {n}: {out.strip()} ({time.monotonic() - t_gen:.1f} s to write and validate)"
                    + (f"\n    NOTE: {atlas.note}" if atlas.note else ""))
                pair = start_pair(atlas)
                tabs = {}
                for kind, server in pair.items():
                    tabs[kind], ms = open_tab(browser, kind, server.url + "/", FIRST_LOAD_TIMEOUT_MS)
                    record(str(n), kind, "first_load_ms", ms, "ms")
                    record(str(n), kind, "rss_1_session_mb", server.rss_mb(), "MB")
                series = click_series(tabs, atlas, args.size_clicks or args.clicks, log)
                for kind, cl in series.items():
                    clicks_rows += [(str(n), c) for c in cl]
                    s = summarize_clicks(cl)
                    for metric, value in s.items():
                        record(str(n), kind, metric, value, "ms" if metric.endswith("_ms") else "")
                    bytes_detail[f"click {n} {kind}"] = breakdown([c.frames for c in cl])
                    thread_detail[f"click {n} {kind}"] = script_time(cl)
                    log(f"  {kind}: first load {[r['value'] for r in rows if r['atlas'] == str(n) and r['app'] == kind and r['metric'] == 'first_load_ms'][0]:.0f} ms; "
                        f"{s['clicks']} clicks on {s['distinct']} points: card median {s['card_median_ms']:.0f} ms, "
                        f"p90 {s['card_p90_ms']:.0f} ms; "
                        f"{s['bytes_per_click']:.0f} B per click")
                for tab in tabs.values():
                    tab.close()
                stop_pair(pair)

            profiles: dict[str, Path] = {}
            if args.profile:
                for label in ["real"] + ([str(max(sizes))] if sizes else []):
                    atlas = real if label == "real" else prepare_atlas(label, work / f"atlas-{label}", work)
                    profiles.update({f"{label} {k}": v for k, v in
                                     profile(browser, atlas, work, log_dir, min(10, args.clicks), log).items()})
                    bytes_detail[f"figure JSON {label}"] = spec_sizes(atlas)
            browser.close()
    finally:
        for s in list(servers):
            s.stop()
        shutil.rmtree(work, ignore_errors=True)

    # ---- results
    with (RESULTS / "results.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["atlas", "app", "metric", "value", "unit"])
        writer.writeheader()
        writer.writerows(rows)
    with (RESULTS / "clicks.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["atlas", "app", "code", "card_ms", "chart_ms", "first_frame_ms", "last_frame_ms",
                         "net_last_frame_ms", "main_thread_busy_ms", "bytes", "wire_bytes"])

        def opt(v):
            return "" if v is None else f"{v:.1f}"

        for label, c in clicks_rows:
            writer.writerow([label, c.kind, c.code, opt(c.card_ms), opt(c.chart_ms), opt(c.first_frame_ms),
                             opt(c.last_frame_ms), opt(c.net_last_ms), opt(c.busy_ms), c.bytes, c.wire_bytes])
    (RESULTS / "bytes_breakdown.json").write_text(json.dumps(bytes_detail, indent=1))
    (RESULTS / "main_thread_breakdown.json").write_text(json.dumps(thread_detail, indent=1))
    draw_plot(rows, RESULTS / "results.png")

    def get(atlas: str, app: str, metric: str) -> float:
        atlas = stand_in.get(atlas, atlas)
        return next((r["value"] for r in rows if r["atlas"] == atlas and r["app"] == app and r["metric"] == metric),
                    float("nan"))

    print("\n== Figures (real atlas unless said) ==")
    table = [
        ("click-to-card median (ms)", "card_median_ms"), ("click-to-card p90 (ms)", "card_p90_ms"),
        ("  first frame after click (ms)", "first_frame_median_ms"), ("  last frame before card (ms)", "last_frame_median_ms"),
        ("  last frame, network time (ms)", "net_last_frame_median_ms"),
        ("  main thread busy, long frames (ms)", "main_thread_busy_median_ms"),
        ("  chart shows selection (ms)", "chart_median_ms"),
        ("bytes per click, on the wire", "wire_bytes_per_click"),
        ("  websocket payload (inflated)", "bytes_per_click"),
        ("bytes per filter change, on the wire", "wire_bytes_per_filter_change"),
        ("  websocket payload (inflated)", "bytes_per_filter_change"),
        ("cold load median (ms)", "cold_load_median_ms"), ("first load after start (ms)", "first_load_ms"),
        ("RSS, 1 session (MB)", "rss_1_session_mb"), (f"RSS, {args.sessions} sessions (MB)", f"rss_{args.sessions}_sessions_mb"),
    ]
    print(f"{'':34} {'ours':>10} {'floor':>10} {'ours/floor':>10}")
    for name, metric in table:
        o, fl = get("real", "ours", metric), get("real", "floor", metric)
        print(f"{name:34} {o:10.0f} {fl:10.0f} {o / fl if fl else float('nan'):10.2f}")
    if sizes:
        print("\n== Synthetic atlases: clicks ==")
        print(f"{'points':>8} {'ours med':>9} {'ours p90':>9} {'floor med':>10} {'floor p90':>10} {'ours B':>10} "
              f"{'floor B':>9} {'ours 1st load':>13} {'floor 1st':>10}")
        for n in sizes:
            a = str(n)
            print(f"{n:8} {get(a, 'ours', 'card_median_ms'):9.0f} {get(a, 'ours', 'card_p90_ms'):9.0f} "
                  f"{get(a, 'floor', 'card_median_ms'):10.0f} {get(a, 'floor', 'card_p90_ms'):10.0f} "
                  f"{get(a, 'ours', 'bytes_per_click'):10.0f} {get(a, 'floor', 'bytes_per_click'):9.0f} "
                  f"{get(a, 'ours', 'first_load_ms'):13.0f} {get(a, 'floor', 'first_load_ms'):10.0f}")
    if variants:
        print("\n== Variants of the explorer, clicked in the same series (stable: the chart does not change on a click;"
              " nogc: runner.postScriptGC false;\n   compact: the card in a few markdown elements; cache1k: global.minCachedMessageSize"
              " 1000; lean: all four) ==")
        print(f"{'atlas':>6} {'app':>12} {'card med':>9} {'card p90':>9} {'/floor':>7} {'B/click':>10} {'last frame':>11} {'busy':>6}")
        for a in ["real"] + [str(n) for n in sizes]:
            for app in ["ours", *variants, "floor"]:
                m = get(a, app, "card_median_ms")
                print(f"{a:>6} {app:>12} {m:9.0f} {get(a, app, 'card_p90_ms'):9.0f} {m / get(a, 'floor', 'card_median_ms'):7.2f} "
                      f"{get(a, app, 'bytes_per_click'):10.0f} {get(a, app, 'net_last_frame_median_ms'):11.0f} "
                      f"{get(a, app, 'main_thread_busy_median_ms'):6.0f}")
    print("\n== Where the bytes go (mean per action, by message) ==")
    for name, parts in bytes_detail.items():
        top = ", ".join(f"{k} {v / 1000:.1f} kB" for k, v in list(parts.items())[:6])
        print(f"  {name}: {top}")

    print("\n== Where the browser's main thread goes (long animation frames per click, script ms by bundle) ==")
    for name, parts in thread_detail.items():
        print(f"  {name}: " + (", ".join(f"{k} {v:.0f} ms" for k, v in list(parts.items())[:5]) or "none"))

    big = str(max(sizes)) if sizes else None
    small = str(min(sizes)) if sizes else None
    ratios = [
        get("real", "ours", "card_median_ms") / get("real", "floor", "card_median_ms"),
        get("real", "ours", "wire_bytes_per_click") / get("real", "floor", "wire_bytes_per_click"),
        get("real", "ours", "cold_load_median_ms") / get("real", "floor", "cold_load_median_ms"),
        (get(big, "ours", "card_median_ms") / get(small, "ours", "card_median_ms")) if sizes else float("nan"),
        get("real", "ours", f"rss_{args.sessions}_sessions_mb") / get("real", "ours", "rss_1_session_mb"),
    ]
    print("\n== Targets ==")
    for (name, limit), ratio in zip(TARGETS, ratios, strict=True):
        if "5,000" in name and sizes:
            name = name.replace("5,000", f"{int(big):,}").replace(
                "361", f"{int(small):,}" + (" (the real atlas)" if small in stand_in else ""))
        verdict = "n/a " if ratio != ratio else ("PASS" if ratio <= limit else "FAIL")
        print(f"  {verdict}  {name}: {ratio:.2f}x (limit {limit}x)")
        record("ratio", "ours/floor" if "floor" in name else "ours", name, ratio, f"limit {limit}")
    with (RESULTS / "results.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["atlas", "app", "metric", "value", "unit"])
        writer.writeheader()
        writer.writerows(rows)
    if sizes and int(big) > max_codes():
        print(f"  note: {big} points exceed the {max_codes()} codes the point-code pattern allows with the 14 meridians"
              " + EX; the generator added meridians of kind 'extra' (see bench/generate.py).")
    print(f"\nwrote {RESULTS / 'results.csv'}, clicks.csv, bytes_breakdown.json, results.png"
          + (", profile-*.txt" if args.profile else "") + f" in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
