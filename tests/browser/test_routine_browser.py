"""Real browser: build a routine from the card, step through it with the timer, and download its printouts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from meridians.printouts.view_png import DPI

ROUTINE = "BL23,BL40,KI3,GV3"  # Cherkin 2009's standardised points


def download(page: Page, label: str) -> tuple[str, bytes]:
    button = page.get_by_test_id("stDownloadButton").filter(has_text=label)
    expect(button).to_be_visible(timeout=15_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def test_the_explorer_prints_the_current_view(page: Page, app_url: str, helpers):
    helpers.open_app(page, f"{app_url}/?view=lower_back&point=BL23")
    name, data = download(page, "Print this view (PNG)")
    assert name == "meridian-chart-lower_back.png"
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and round(image.info["dpi"][0]) == DPI and image.height > image.width


def test_a_card_adds_its_point_and_the_sidebar_link_opens_the_routine(page: Page, app_url: str, helpers):
    helpers.open_app(page, f"{app_url}/?point=GV3")
    page.get_by_role("button", name="Add GV3 to my routine").click()
    expect(page.get_by_role("button", name="Remove GV3 from my routine")).to_be_visible(timeout=15_000)
    helpers.click_point(page, "BL23")
    helpers.expect_card(page, "BL23")
    page.get_by_role("button", name="Add BL23 to my routine").click()
    expect(page).to_have_url(re.compile(r"routine=GV3(,|%2C)BL23"), timeout=15_000)
    page.get_by_test_id("stSidebar").get_by_role("link", name=re.compile("Start my routine")).click()
    expect(page).to_have_url(re.compile(r"/Routine\?routine=GV3(,|%2C)BL23$"), timeout=15_000)
    expect(page.get_by_role("heading", name="My routine: 2 points")).to_be_visible(timeout=15_000)


def test_the_routine_downloads_as_a_pdf_with_its_text_and_link(page: Page, app_url: str, read_pdf, atlas):
    page.goto(f"{app_url}/Routine?routine={ROUTINE}")
    expect(page.get_by_role("heading", name="My routine: 4 points")).to_be_visible(timeout=15_000)
    name, data = download(page, "Routine sheet (PDF)")
    assert name == "acupressure-routine.pdf"
    facts = read_pdf(data)
    assert ROUTINE in facts["Keywords"] and facts["size"] == pytest.approx((595.3, 841.9), abs=0.2)
    text = "".join(facts["text"].split())
    assert atlas.points["BL23"].hanzi in text and "/Routine?routine=BL23%2CBL40%2CKI3%2CGV3" in text


def test_the_guided_steps_count_the_press_down_in_the_browser(page: Page, app_url: str):
    page.goto(f"{app_url}/Routine?routine={ROUTINE}&minutes=1")
    page.get_by_role("button", name="Start the routine").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Step 1 of 4: BL23"))).to_be_visible(timeout=15_000)
    expect(page).to_have_url(re.compile(r"step=1"))
    timer = page.locator(".press-timer")
    expect(timer.locator(".press-timer-side")).to_have_text("Both sides at once")  # BL23: a helper, both thumbs
    expect(timer.locator(".press-timer-clock")).to_have_text("1:00")
    timer.get_by_role("button", name="Start").click()
    expect(timer.locator(".press-timer-clock")).to_have_text(re.compile(r"^0:5\d$"), timeout=5_000)
    page.get_by_role("button", name="Next point", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Step 2 of 4: BL40"))).to_be_visible(timeout=15_000)
    expect(page.locator(".press-timer .press-timer-clock")).to_have_text("1:00")  # a fresh timer for the new point


# Count the tones (Web Audio oscillators started) and vibrations the page asks for.
SIGNALS_JS = """
window.__signals = {tones: 0, vibrations: 0};
const Real = window.AudioContext;
window.AudioContext = class extends Real {
  createOscillator() {
    const tone = super.createOscillator(), start = tone.start.bind(tone);
    tone.start = (...args) => { window.__signals.tones += 1; return start(...args); };
    return tone;
  }
};
navigator.vibrate = () => { window.__signals.vibrations += 1; return true; };
"""


def test_the_warning_signs_open_beside_a_running_timer_and_leave_it_running(page: Page, app_url: str):
    page.goto(f"{app_url}/Routine?routine={ROUTINE}&minutes=1&step=1")
    timer = page.locator(".press-timer")
    expect(timer.locator(".press-timer-clock")).to_have_text("1:00", timeout=30_000)
    timer.get_by_role("button", name="Start").click()
    expect(timer.locator(".press-timer-clock")).to_have_text(re.compile(r"^0:5\d$"), timeout=5_000)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("When to see a doctor now").click()  # written when opened (ui/frame.py, doctor_now)
    expect(sidebar.get_by_text("Call your local emergency number now", exact=False)).to_be_visible(timeout=15_000)
    expect(timer.locator(".press-timer-clock")).to_have_text(re.compile(r"^0:[45]\d$"))  # still counting down


@pytest.mark.parametrize("size", [{"width": 1400, "height": 900}, {"width": 390, "height": 844}])
def test_the_timer_sounds_and_vibrates_at_each_change_and_goes_on_by_itself(browser, app_url: str, size):
    """Usable with the eyes closed: a tone and a vibration when it is time to change side and at the end, and
    with "go on by itself" the next point opens and its timer starts. BL23 is pressed on both sides at once."""
    phone = size["width"] < 500
    context = browser.new_context(viewport=size, has_touch=phone, is_mobile=phone)
    try:
        page = context.new_page()
        page.add_init_script(SIGNALS_JS)
        page.clock.install()
        page.goto(f"{app_url}/Routine?routine=BL40,BL23&minutes=1&step=1")
        timer = page.locator(".press-timer")
        expect(timer.locator(".press-timer-side")).to_have_text("Left side", timeout=30_000)
        if phone:  # the timer comes right after how to press, before the chart
            assert timer.bounding_box()["y"] < page.locator(".js-plotly-plot").first.bounding_box()["y"]
        page.get_by_text("Go on to the next point by itself").click()
        expect(page).to_have_url(re.compile(r"onward=(1|True)"), timeout=15_000)
        # The timer the run with "go on by itself" drew, once its script has set it up and started it (the one
        # before stays on the page until that run's answer comes, and does not start by itself).
        timer = page.locator('.press-timer[data-onward="1"][data-autostart="1"][data-ready]')
        expect(timer.locator(".press-timer-clock")).to_have_text(re.compile(r"^(1:00|0:5\d)$"), timeout=15_000)
        page.clock.fast_forward(61_000)  # the first side's minute
        expect(timer.locator(".press-timer-side")).to_have_text("Right side")
        signals = page.evaluate("window.__signals")
        assert signals["tones"] >= 1 and signals["vibrations"] >= 1
        page.clock.fast_forward(61_000)  # the second side's: the end, then the next point by itself
        expect(timer.locator(".press-timer-side")).to_have_text(re.compile("^Done"))
        assert page.evaluate("window.__signals.tones") >= 3 and page.evaluate("window.__signals.vibrations") >= 2
        page.clock.fast_forward(2_000)
        expect(page.get_by_role("heading", name=re.compile(r"^Step 2 of 2: BL23"))).to_be_visible(timeout=15_000)
        expect(page.locator(".press-timer .press-timer-side")).to_have_text("Both sides at once")  # timed once
        page.clock.fast_forward(3_000)
        expect(page.locator(".press-timer .press-timer-clock")).to_have_text(re.compile(r"^0:5\d$"))  # started itself
    finally:
        context.close()
