"""The location drill in a real browser: a tap on the drill chart is scored in cun, on a laptop and a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harness.browser import FIRST_LOAD_TIMEOUT_MS, RERUN_TIMEOUT_MS, wait_idle

# Where a spot of the view (its own coordinates) is on the page.
_SPOT_JS = """([x, y]) => {
  const gd = document.querySelector('.js-plotly-plot'), fl = gd._fullLayout;
  const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
  return {x: box.left + fl.xaxis.l2p(x), y: box.top + fl.yaxis.l2p(y)};
}"""


def _drill(page, app_url, touch):
    page.goto(f"{app_url}/Learn?deck=LI&point=LI4")
    expect(page.get_by_text("Find LI4, Hégǔ")).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    wait_idle(page)


@pytest.mark.parametrize("size,touch", [((1400, 900), False), ((390, 844), True)], ids=["laptop", "phone"])
def test_a_tap_on_the_true_position_scores_near_zero(browser, app_url, atlas, size, touch, tmp_path):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    try:
        _drill(page, app_url, touch)
        pos = next(p for p in atlas.positions_in("hand_back") if p.code == "LI4")
        page.locator(".js-plotly-plot").scroll_into_view_if_needed()
        spot = page.evaluate(_SPOT_JS, [pos.x, pos.y])
        if touch:
            page.touchscreen.tap(spot["x"], spot["y"])
        else:
            page.mouse.click(spot["x"], spot["y"])
        metric = page.get_by_test_id("stMetricValue")
        expect(metric).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        cun = float(re.match(r"([\d.]+) cun", metric.inner_text()).group(1))
        assert cun <= 0.5  # the tap target nearest the finger: within half a cun on the hand
        wait_idle(page)
        page.screenshot(path=str(tmp_path / f"learn-{size[0]}.png"))
        metric.scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / f"learn-{size[0]}-answer.png"))
    finally:
        context.close()
