"""Every page passes an automated accessibility audit (axe-core, through axe-playwright-python) with no serious
or critical violations, on a phone and on a laptop."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from harness.browser import FIRST_LOAD_TIMEOUT_MS, wait_idle

PAGES = ["/", "/?view=lower_back&point=BL23", "/?q=back+pain", "/Meridians?meridian=GB", "/Mechanisms", "/Research",
         "/About", "/Routine?routine=BL23,BL40", "/Routine?routine=BL23,BL40&step=1", "/Learn?deck=LI&point=LI4",
         "/Learn?deck=LI&point=LI4&mode=name", "/?view=hand_back&labels=1"]
SIZES = {"laptop": {"viewport": {"width": 1400, "height": 900}},
         "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}}


@pytest.mark.parametrize("size", SIZES)
def test_every_page_has_no_serious_accessibility_violation(browser: Browser, app_url: str, size: str):
    context = browser.new_context(**SIZES[size])
    axe, found = Axe(), {}
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(app_url + path)
            page.get_by_test_id("stMain").get_by_role("heading", level=1).wait_for(timeout=FIRST_LOAD_TIMEOUT_MS)
            for _ in range(3):  # the page at rest: while a run is going, Streamlit fades what it will replace
                wait_idle(page, FIRST_LOAD_TIMEOUT_MS)
                page.wait_for_selector("[data-stale='true']", state="detached", timeout=FIRST_LOAD_TIMEOUT_MS)
                violations = axe.run(page).response["violations"]
                bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
                       if v["impact"] in ("serious", "critical")]
                if not bad:
                    break
            if bad:
                found[path] = bad
    finally:
        context.close()
    assert found == {}, found
