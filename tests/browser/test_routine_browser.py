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
    expect(timer.locator(".press-timer-side")).to_have_text("Left side")
    expect(timer.locator(".press-timer-clock")).to_have_text("1:00")
    timer.get_by_role("button", name="Start").click()
    expect(timer.locator(".press-timer-clock")).to_have_text(re.compile(r"^0:5\d$"), timeout=5_000)
    page.get_by_role("button", name="Next point").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Step 2 of 4: BL40"))).to_be_visible(timeout=15_000)
    expect(page.locator(".press-timer .press-timer-clock")).to_have_text("1:00")  # a fresh timer for the new point
