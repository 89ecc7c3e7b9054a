"""One browser tab on an app: load it, click its markers and change its filter, timed inside the page."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.frames import tcp_sent
from harness.browser import IDLE, hover_pick, marker_position, wait_chart
from harness.probes import MARKERS, RINGED_JS

VIEWPORT = {"width": 1400, "height": 1400}  # the whole chart fits: no scrolling between clicks
STEP_TIMEOUT_MS = 30_000
ATLAS_LOAD_TIMEOUT_MS = 180_000  # a server's first page load parses the atlas: long at thousands of points
DOUBLE_CLICK_S = 0.5  # at least this long between two clicks in a tab (plotly's double-click window is 300 ms)
SETTLE_S = 0.15  # no websocket frame for this long: the rerun's messages are all in
MIN_GAP_PX = 60  # consecutive targets this far apart (in image pixels), so the previous ring never covers

# Installed before any page script: websocket frame arrival times (for the timing breakdown), long animation
# frames, and the time the chart's first markers exist (performance.now() counts from the navigation's start).
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
})();""".replace("MARKERS", json.dumps(MARKERS))

# Arm the click probe: t0 at the mousedown; tCard when the card (the explorer and its variants: an h3 starting
# with the code; the floor: the line "Clicked: CODE") is in the page and the script is idle; tChart when the
# chart rings the code (the floor's figure does not change).
ARM_JS = """([kind, code]) => {
  const b = window.__bench;
  const arm = b.arm = {code, t0: null, tCard: null, tChart: kind === 'floor' ? -1 : null, wsFrom: b.ws.length};
  document.addEventListener('mousedown', () => { if (arm.t0 === null) arm.t0 = performance.now(); },
                            {capture: true, once: true});
  const cardOk = kind !== 'floor'
    ? () => [...document.querySelectorAll("[data-testid='stMain'] h3")].some(h => h.textContent.startsWith(code + ' ·'))
    : () => [...document.querySelectorAll("[data-testid='stText']")].some(e => e.textContent.trim() === 'Clicked: ' + code);
  const ringed = RINGED;
  const check = () => {
    if (arm.t0 === null) return;
    const app = document.querySelector("[data-testid='stApp']");
    const idle = !!app && app.getAttribute('data-test-script-state') === 'notRunning';
    const now = performance.now();
    if (arm.tCard === null && idle && cardOk()) arm.tCard = now;
    if (arm.tChart === null && ringed(code)) arm.tChart = now;
    if (arm.tCard !== null && arm.tChart !== null) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                              attributeFilter: ['data-test-script-state']});
}""".replace("RINGED", RINGED_JS)

ARMED_DONE_JS = "() => { const a = window.__bench.arm; return !!a && a.tCard !== null && a.tChart !== null; }"


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

    def keep(self) -> None:
        self.kept, self.kept_at = [], []

    def release(self) -> tuple[list[bytes], list[float]]:
        frames, at = self.kept or [], self.kept_at
        self.kept, self.kept_at = None, []
        return frames, at


@dataclass
class Tab:
    kind: str  # ours | floor | a variant's name (bench.apps.VARIANTS)
    context: object
    page: object
    wire: Wire
    url: str  # the server's, for the bytes on the wire (`tcp_sent`)
    last_click: float = 0.0  # time.monotonic() of the last click
    cdp: object = None  # a DevTools session on the page, for its main thread's CPU time

    def cpu_ms(self) -> float:
        """The page's main thread's CPU time so far (DevTools' Performance metrics in thread time): a
        figure that other work on the machine disturbs far less than a wall-clock time."""
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "ThreadTime") * 1000

    @property
    def probe(self) -> str:
        """How ARM_JS recognises the card: the floor's line, or the explorer's heading (its variants' too)."""
        return "floor" if self.kind == "floor" else "ours"

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


def start_tab(browser, kind: str, url: str, timeout_ms: int = STEP_TIMEOUT_MS, context_args: dict | None = None,
              setup=None) -> Tab:
    """A fresh context (empty cache), navigating to `url`; `context_args` and `setup(tab)` (before the
    navigation) make it another device (bench/phone.py)."""
    context = browser.new_context(**(context_args or {"viewport": VIEWPORT}))
    context.add_init_script(INIT_JS)
    page = context.new_page()
    tab = Tab(kind, context, page, Wire(page), url)
    tab.cdp = context.new_cdp_session(page)
    tab.cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    if setup:
        setup(tab)
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    return tab


def loaded(tab: Tab, timeout_ms: int = STEP_TIMEOUT_MS) -> float:
    """Wait for the page to be drawn and idle; ms from the start of the navigation to the first markers."""
    page = tab.page
    page.wait_for_function("() => window.__bench && window.__bench.markers !== null", timeout=timeout_ms, polling=50)
    markers_ms = page.evaluate("() => window.__bench.markers")
    page.wait_for_selector(IDLE, timeout=timeout_ms)
    wait_chart(page, timeout_ms)
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
    cpu_ms: float = 0.0  # the page's main-thread CPU time from just before the click to the card with the rerun in
    scripts: dict[str, float] = field(default_factory=dict)  # their script time by bundle file
    frames: list[bytes] = field(repr=False, default_factory=list)
    wire_bytes: int = 0  # TCP bytes the server sent for it (after compression, with the websocket's framing)


def aim(tab: Tab, code: str, nth: int, avoid: str | None) -> tuple[dict, str] | None:
    """Point at the centre of a code's marker; (position, the code plotly picks there), which is what a
    click selects. In dense atlases the markers overlap and plotly may pick a neighbour: that neighbour is
    then the clicked point. None when nothing is picked, or the pick is `avoid` (the current selection)."""
    size = tab.page.viewport_size
    pos = marker_position(tab.page, code, nth)
    if pos is not None and not (0 < pos["x"] < size["width"] and 0 < pos["y"] < size["height"]):
        pos = marker_position(tab.page, code, nth, scroll=True)  # a phone's screen shows part of the chart
    if pos is None or not (0 < pos["x"] < size["width"] and 0 < pos["y"] < size["height"]):
        return None
    picked = hover_pick(tab.page, pos, timeout_s=1.5)
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
    wire.keep()
    cpu = tab.cpu_ms()
    t_click = tab.last_click = time.monotonic()
    page.mouse.click(pos["x"], pos["y"])
    try:
        page.wait_for_function(ARMED_DONE_JS, timeout=STEP_TIMEOUT_MS, polling=50)
    except PlaywrightTimeout:
        wire.release()
        shown = page.evaluate("() => [...document.querySelectorAll(\"[data-testid='stMain'] h3, [data-testid='stText']\")]"
                              ".map(e => e.textContent.slice(0, 40))")
        arm = page.evaluate("() => { const a = window.__bench.arm; return {t0: a.t0, tCard: a.tCard, tChart: a.tChart}; }")
        raise ClickLost(f"{tab.kind}: clicked {code}, no card within {STEP_TIMEOUT_MS} ms; shown {shown}, probe {arm}") from None
    tab.settle(before)
    cpu = tab.cpu_ms() - cpu
    sent = tcp_sent(tab.url) - sent
    frames, frame_at = wire.release()
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
        sum(e[1] for e in arm["loaf"]), cpu, dict(scripts), frames, sent,
    )


@dataclass
class FilterChange:
    bytes: int  # websocket payload received
    last_frame_ms: float  # from the mousedown on the option to the last frame of the rerun
    frames: list[bytes]
    wire_bytes: int


def change_filter(tab: Tab, option: str) -> FilterChange:
    """Choose `option` in the "Body region" select box."""
    page, wire = tab.page, tab.wire
    box = page.get_by_test_id("stSelectbox").filter(has_text="Body region")
    box.get_by_role("combobox").click()
    opt = page.get_by_role("option", name=option, exact=True)
    opt.wait_for(timeout=STEP_TIMEOUT_MS)
    page.evaluate("() => { const b = window.__bench; b.arm = {t0: null, wsFrom: b.ws.length};"
                  " document.addEventListener('mousedown', () => { b.arm.t0 = performance.now(); },"
                  " {capture: true, once: true}); }")
    before, sent = wire.total, tcp_sent(tab.url)
    wire.keep()
    opt.click()
    tab.settle(before)
    sent = tcp_sent(tab.url) - sent
    frames, _ = wire.release()
    arm = page.evaluate("() => { const a = window.__bench.arm; return {t0: a.t0, ws: window.__bench.ws.slice(a.wsFrom)}; }")
    times = [t for t, _ in arm["ws"] if arm["t0"] is not None and t >= arm["t0"]]
    return FilterChange(wire.total - before, (times[-1] - arm["t0"]) if times else float("nan"), frames, sent)


def target_plan(positions: list, n: int, seed: int = 5) -> list[tuple[str, int]]:
    """Up to 3n (code, nth marker) targets among a view's positions: distinct codes first, then their other
    markers, each far from the one before (so the previous selection ring never sits on the next target)."""
    by_code: dict[str, list] = defaultdict(list)
    for p in positions:
        by_code[p.code].append(p)
    codes = sorted(by_code)
    random.Random(seed).shuffle(codes)
    pool = [(c, 0) for c in codes] + [(c, 1) for c in codes if len(by_code[c]) > 1]
    plan: list[tuple[str, int]] = []
    last = None
    for _ in range(3 * n):
        if not pool:
            break
        pick = next((i for i, (c, k) in enumerate(pool) if last is None or (
            abs(by_code[c][k].x - last.x) + abs(by_code[c][k].y - last.y) >= MIN_GAP_PX and c != plan[-1][0])), 0)
        c, k = pool.pop(pick)
        plan.append((c, k))
        last = by_code[c][k]
    return plan


def click_series(tabs: dict[str, Tab], positions: list, n: int, log) -> dict[str, list[Click]]:
    """n clicks per app, interleaved (ours, floor, ours, ...), on the same markers in the same order."""
    out: dict[str, list[Click]] = {k: [] for k in tabs}
    skipped, lost = [], []
    current: dict[str, str | None] = {k: None for k in tabs}
    moved = {k: 0 for k in tabs}  # clicks where plotly picked a neighbour of the aimed marker
    for code, nth in target_plan(positions, n):
        if min(len(c) for c in out.values()) >= n:
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


def med(values) -> float:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def p90(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def summarize_clicks(clicks: list[Click]) -> dict[str, float]:
    card = [c.card_ms for c in clicks]
    return {
        "clicks": len(clicks), "distinct": len({c.code for c in clicks}),
        "card_median_ms": med(card), "card_p90_ms": p90(card),
        "chart_median_ms": med([c.chart_ms for c in clicks]),
        "first_frame_median_ms": med([c.first_frame_ms for c in clicks]),
        "last_frame_median_ms": med([c.last_frame_ms for c in clicks]),
        "net_last_frame_median_ms": med([c.net_last_ms for c in clicks]),
        "main_thread_busy_median_ms": med([c.busy_ms for c in clicks]),
        "main_thread_cpu_median_ms": med([c.cpu_ms for c in clicks]),
        "bytes_per_click": med([c.bytes for c in clicks]),
        "bytes_per_click_mean": statistics.fmean([c.bytes for c in clicks]) if clicks else float("nan"),
        "wire_bytes_per_click": med([c.wire_bytes for c in clicks]),
    }


def script_time(clicks: list[Click]) -> dict[str, float]:
    """Mean main-thread script time per click (in long animation frames) by bundle file."""
    sums: dict[str, float] = defaultdict(float)
    for c in clicks:
        for source, ms in c.scripts.items():
            sums[source] += ms
    n = max(1, len(clicks))
    return dict(sorted(((k, v / n) for k, v in sums.items()), key=lambda kv: -kv[1]))

