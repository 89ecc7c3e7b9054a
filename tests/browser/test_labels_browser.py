"""Labels for study and zoom on the close-ups, in a real browser: the codes are written beside the markers, and
after zooming in a click or a tap still opens the card of the marker under it, its ring on it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# Each axis's range, the codes ringed, and the screen centre of `code`'s marker on the body's axes and of its ring on the ring's.
_AXES_JS = """(code) => {
  const gd = document.querySelector('.js-plotly-plot'), fl = gd._fullLayout, rect = gd.getBoundingClientRect();
  const at = (name) => {
    const tr = gd._fullData.find((t) => t.name === name && t.customdata);
    const i = tr.customdata.findIndex((c) => c[0] === code);
    const xa = fl[tr.xaxis.replace('x', 'xaxis')], ya = fl[tr.yaxis.replace('y', 'yaxis')];
    return [rect.left + xa._offset + xa.l2p(tr.x[i]), rect.top + ya._offset + ya.l2p(tr.y[i])];
  };
  const ring = gd.data.find((t) => t.name === 'Selected');
  return {x: fl.xaxis.range, x2: fl.xaxis2.range, y: fl.yaxis.range, y2: fl.yaxis2.range,
          marker: at('Points'), ring: at('Selected'), ringed: (ring.selectedpoints || []).map((i) => ring.customdata[i][0])};
}"""


@pytest.mark.parametrize("size,touch", [((1400, 900), False), ((390, 844), True)], ids=["laptop", "phone"])
def test_labels_and_a_zoomed_close_up_keep_the_click(browser, app_url, helpers, size, touch):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    try:
        helpers.open_app(page, f"{app_url}/?view=lower_back&labels=1")
        codes = page.locator(".js-plotly-plot").first.locator(".textpoint text")
        expect(codes.filter(has_text="BL25").first).to_be_visible()
        assert codes.count() > 40  # most of the close-up's points labelled
        before = page.evaluate(_AXES_JS, "BL25")
        page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
        zoom_in = page.locator(".js-plotly-plot").first.locator('[data-title="Zoom in"]')
        for _ in range(2):
            zoom_in.click()  # a tap on a phone: the buttons are always shown
            page.wait_for_function("(w) => { const r = document.querySelector('.js-plotly-plot')._fullLayout.xaxis"
                                   ".range; return Math.abs(r[1] - r[0]) < w - 1; }",
                                   arg=abs(before["x"][1] - before["x"][0]))
        zoomed = page.evaluate(_AXES_JS, "BL25")
        assert abs(zoomed["x"][1] - zoomed["x"][0]) < 0.5 * abs(before["x"][1] - before["x"][0])
        assert zoomed["x"] == zoomed["x2"] and zoomed["y"] == zoomed["y2"]  # the ring's axes zoomed with the body's
        (helpers.tap_point if touch else helpers.click_point)(page, "BL25")
        helpers.expect_card(page, "BL25")
        # plotly draws the ring after the card is in the page: wait for it, as for what the run sent
        page.wait_for_function(f"(code) => ({_AXES_JS})(code).ringed.includes(code)", arg="BL25",
                               timeout=helpers.RERUN_TIMEOUT_MS)
        after = page.evaluate(_AXES_JS, "BL25")
        assert "BL25" in after["ringed"]
        assert abs(after["marker"][0] - after["ring"][0]) < 1 and abs(after["marker"][1] - after["ring"][1]) < 1
        assert abs(after["x"][1] - after["x"][0]) < 0.5 * abs(before["x"][1] - before["x"][0])  # still zoomed in
        expect(codes.filter(has_text="BL25").first).to_be_visible()
    finally:
        context.close()
