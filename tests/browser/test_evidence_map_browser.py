"""Real browser: a click on a bubble of the Research page's evidence map shows that condition's studies."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# The viewport centre of the bubble of a condition on the first chart (the map), scrolled into view, or null
# (no bubble drawn for it yet).
_BUBBLE_JS = """(condition) => {
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd) return null;
  for (const g of gd.querySelectorAll('.scatterlayer g.trace')) {
    const tr = g.__data__ && g.__data__[0] && g.__data__[0].trace;
    if (!tr || !tr.customdata) continue;
    for (const p of g.querySelectorAll('path.point')) {
      if (tr.customdata[p.__data__.i][0] !== condition) continue;
      p.scrollIntoView({block: 'center'});
      const r = p.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2};
    }
  }
  return null;
}"""


def test_a_click_on_a_bubble_shows_that_conditions_studies(page: Page, app_url: str, helpers):
    page.goto(app_url + "/Research")
    helpers.chart_ready(page, helpers.FIRST_LOAD_TIMEOUT_MS)
    helpers.wait_idle(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="The evidence map: what acupressure was tested for")).to_be_visible()
    # Waited for, not read once: on a busy machine the page's second chart can be drawn before the map.
    pos = page.wait_for_function(_BUBBLE_JS, arg="labour_pain", timeout=helpers.RERUN_TIMEOUT_MS).json_value()
    page.mouse.move(pos["x"], pos["y"])
    page.mouse.click(pos["x"], pos["y"])
    expect(main.get_by_role("heading", name="studies for pain in labour")).to_be_visible(timeout=helpers.RERUN_TIMEOUT_MS)
    helpers.wait_idle(page)
    assert "condition=labour_pain" in page.url  # a link to this screen: the condition is in it
    expect(main.get_by_text("Smith CA 2020: Acupuncture or acupressure for pain management during labour")).to_be_visible()
