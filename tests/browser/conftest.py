"""Real-browser fixtures: Debian's chromium, the app on a free local port (harness/), and helpers that act on
the chart.

Never `playwright install`: the browser is Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from harness.browser import (
    FIRST_LOAD_TIMEOUT_MS,
    LAUNCH,
    RERUN_TIMEOUT_MS,
    hover_pick,
    hovered,
    marker_position,
    missing_chromium,
    wait_chart,
)
from harness.browser import wait_idle as wait_script_idle
from harness.probes import HOVERED_JS
from harness.server import ROOT, Server

# ----------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if problem := missing_chromium():
        pytest.fail(problem)
    return {**browser_type_launch_args, **LAUNCH}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Desktop size: the sidebar is open and the chart and the card sit side by side.
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


# ----------------------------------------------------------------------------- the app


def _served(log_path: Path, data_dir: Path | None = None):
    """The explorer's URL while the fixture lasts (a generator for `yield from`)."""
    with Server(log_path, data_dir=data_dir) as server:
        yield server.url


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
    old = "    Lies over the kidney area:"  # and in the card's text, which is drawn as HTML
    assert old in text, old
    text = text.replace(old, f"    {HOSTILE} Lies over the kidney area:", 1)
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


def chart_ready(page: Page, timeout_ms: int = RERUN_TIMEOUT_MS) -> None:
    """The chart has its markers: plotly's, or a crowded view's shapes (meridians.draw.chart.CROWDED)."""
    try:
        wait_chart(page, timeout_ms)
    except PlaywrightTimeout:
        errors = page.get_by_test_id("stException").all_inner_texts()
        raise AppNotDrawn(f"no chart on {page.url} after {timeout_ms} ms; errors shown: {errors or 'none'}") from None


def wait_idle(page: Page) -> None:
    """The script is not running, the chart is drawn, and the page has painted what the run sent.

    Only meaningful once a rerun is known to have happened (wait for what it shows first, e.g. with
    `expect_card`): right after a click the app still reports the idle state from before it.
    """
    wait_script_idle(page)
    chart_ready(page)


def open_app(page: Page, url: str) -> None:
    """Load the explorer at `url` (a first load: the browser compiles plotly.js) and wait for its card."""
    page.goto(url)
    chart_ready(page, FIRST_LOAD_TIMEOUT_MS)
    expect(card_heading(page)).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    wait_idle(page)


def card_heading(page: Page) -> Locator:
    """The card's title (st.subheader, an h3): a point's code and names, or "Click a point"."""
    return page.get_by_test_id("stMain").get_by_role("heading", level=3).first


def expect_card(page: Page, code: str, timeout: int = RERUN_TIMEOUT_MS) -> None:
    """Wait for the card of `code` (the rerun's visible result), then for the app to be idle."""
    expect(card_heading(page)).to_contain_text(code, timeout=timeout)
    wait_idle(page)


def marker_centre(page: Page, code: str) -> dict:
    """Scroll `code`'s marker into view; its centre in viewport pixels."""
    page.locator(_CHART).first.scroll_into_view_if_needed()
    return marker_at(page, code, scroll=True)


def marker_at(page: Page, code: str, scroll: bool = False) -> dict:
    """The centre of `code`'s (first) marker in viewport pixels (x, y), optionally scrolling it into view first."""
    pos = marker_position(page, code, scroll=scroll)
    assert pos is not None, f"no marker for {code} on the chart"
    return pos


def click_point(page: Page, code: str) -> None:
    """Click `code`'s marker at its centre, as a user would, after checking plotly picks it there."""
    pos = marker_centre(page, code)
    picked = hover_pick(page, pos)
    assert picked == code, (f"the pointer on the centre of {code}'s marker ({pos['x']:.0f}, {pos['y']:.0f}) picks "
                            f"{picked!r}, not {code}: another marker covers it")
    page.mouse.click(pos["x"], pos["y"])


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
        HOSTILE=HOSTILE, RERUN_TIMEOUT_MS=RERUN_TIMEOUT_MS, FIRST_LOAD_TIMEOUT_MS=FIRST_LOAD_TIMEOUT_MS,
        HOVERED_JS=HOVERED_JS, chart_ready=chart_ready, wait_idle=wait_idle, open_app=open_app,
        card_heading=card_heading, expect_card=expect_card, marker_centre=marker_centre, hovered=hovered,
        click_point=click_point, tap_point=tap_point, marker_opacities=marker_opacities,
        full_opacity_count=full_opacity_count, marker_position=marker_at,
    )
