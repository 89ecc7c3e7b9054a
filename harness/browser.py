"""Debian's chromium (never `playwright install`), and waiting on a Streamlit page and its chart."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Page

from .probes import CHART_READY_JS, HOVERED_JS, MARKER_JS, PAINTED_JS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--no-first-run", "--disable-extensions"]
LAUNCH = {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}  # for `browser_type.launch`
# The script has finished its run. Also true before the first run starts, and right after a click until the
# rerun begins: wait for what a run shows first, then for this.
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
RERUN_TIMEOUT_MS = 15_000  # a rerun, with the chart drawn again
# A page's first load in a fresh browser context: the browser compiles plotly.js (a 4.7 MB bundle) again.
FIRST_LOAD_TIMEOUT_MS = 30_000
HOVER_POLL_MS = 80  # plotly.js recomputes the hover at most every 50 ms


def missing_chromium() -> str | None:
    """Why the browser cannot start, or None."""
    if Path(CHROMIUM).exists():
        return None
    return f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)"


def wait_idle(page: Page, timeout_ms: int = RERUN_TIMEOUT_MS) -> None:
    """The script is idle and the page has drawn what its run sent (see IDLE for when this means anything)."""
    page.wait_for_selector(IDLE, timeout=timeout_ms)
    page.evaluate(PAINTED_JS)


def wait_chart(page: Page, timeout_ms: int = RERUN_TIMEOUT_MS) -> None:
    """The first chart on the page is laid out and has its markers."""
    page.wait_for_function(CHART_READY_JS, timeout=timeout_ms)


def marker_position(page: Page, code: str, nth: int = 0, scroll: bool = False) -> dict | None:
    """The viewport centre {x, y} of `code`'s nth marker on the chart, or None when it has none."""
    return page.evaluate(MARKER_JS, [code, nth, scroll])


def hovered(page: Page) -> str | None:
    """The code plotly picks under the pointer: what a click there selects."""
    return page.evaluate(HOVERED_JS)


def hover_pick(page: Page, pos: dict, timeout_s: float = 3.0) -> str | None:
    """Move the pointer onto `pos` and return the code plotly picks there, once its (throttled) hover has
    caught up: the same pick twice in a row. None when nothing is picked within `timeout_s`."""
    page.mouse.move(pos["x"] + 3, pos["y"])  # a real move even when the pointer is already there
    page.mouse.move(pos["x"], pos["y"])
    picked, deadline = None, time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(HOVER_POLL_MS)
        now = hovered(page)
        if now is not None and now == picked:
            return now
        picked = now
    return None
