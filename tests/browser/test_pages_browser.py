"""Real browser: the Research page's BibTeX download, and hostile text that must show as text."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page, expect


def test_the_bibtex_download_holds_the_seed_references(page: Page, app_url: str, atlas, helpers):
    page.goto(app_url + "/Research")
    button = page.get_by_test_id("stDownloadButton").filter(has_text="BibTeX")
    # A first load in a fresh browser: it evaluates plotly.js, for the page's timeline, before it draws the buttons.
    expect(button).to_be_visible(timeout=helpers.FIRST_LOAD_TIMEOUT_MS)
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "meridian-studies.bib"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    seed = sorted((s for s in atlas.studies.values() if s.seed_reference), key=lambda s: s.seed_reference)
    assert [s.seed_reference for s in seed] == [1, 2, 3, 4]
    for s in seed:
        assert f"{{{s.id}," in text, f"seed reference {s.seed_reference} ({s.id}) is missing"
    assert "doi = {10.1136/bmj.38744.672616.AE}" in text  # Hsieh 2006, the BMJ trial
    assert "doi = {10.1002/14651858.CD001929.pub3}" in text  # the 2015 Cochrane update


def test_script_in_data_or_link_shows_as_text_and_runs_nothing(page: Page, hostile_app_url: str, helpers):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    link = f"{hostile_app_url}/?point=BL23&q={quote(helpers.HOSTILE)}&view={quote('<img src=x onerror=alert(3)>')}"
    helpers.open_app(page, link)
    helpers.expect_card(page, "BL23")
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("Kidney Shu <script>window.__pwned = 1</script>")  # shown literally
    expect(main).to_contain_text(helpers.HOSTILE + " Lies over the kidney area")  # in the card's HTML too
    expect(main).to_contain_text("Unknown view '<img src=x onerror=alert")  # the link's value, quoted as text
    helpers.click_point(page, "BL52")
    helpers.expect_card(page, "BL52")
    pos = helpers.marker_centre(page, "BL23")
    page.mouse.move(pos["x"], pos["y"])  # the hover label carries the hostile name too
    expect(page.locator(".js-plotly-plot .hoverlayer .hovertext")).to_contain_text("Kidney Shu <script>")
    assert page.evaluate("() => window.__pwned") is None, "text from data or the link ran as code"
    assert dialogs == []
    assert main.locator("img[src='x']").count() == 0


def test_on_a_phone_the_chart_comes_first_and_the_card_below(browser, app_url: str, helpers):
    context = browser.new_context(is_mobile=True, has_touch=True, viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        helpers.open_app(page, app_url + "/?point=BL23")
        helpers.expect_card(page, "BL23")
        chart = page.locator(".js-plotly-plot").first.bounding_box()
        card = helpers.card_heading(page).bounding_box()
        assert chart["x"] >= 0 and chart["x"] + chart["width"] <= 375 + 1, "the chart does not fit the screen"
        assert card["y"] > chart["y"] + chart["height"] - 1, "the card is not below the chart"
        expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
        expect(page.get_by_text("Find a point")).not_to_be_in_viewport()  # the filters wait in the sidebar
        # The meridian legend under the chart: every meridian's entry in sight within its box, none scrolled away.
        legend = page.locator(".st-key-legend")
        legend.scroll_into_view_if_needed()
        box = legend.bounding_box()
        entries = page.locator(".st-key-legend g.traces")
        expect(entries).to_have_count(15)
        for i in range(15):
            e = entries.nth(i).bounding_box()
            assert e and box["y"] <= e["y"] and e["y"] + e["height"] <= box["y"] + box["height"] + 1, (
                f"legend entry {i} ({entries.nth(i).text_content()}) lies outside the legend's box")
            assert e["x"] + e["width"] <= box["x"] + box["width"] + 1, "a legend entry runs off the screen"
    finally:
        context.close()


def test_every_point_is_reachable_with_the_keyboard_alone(page: Page, app_url: str, helpers):
    helpers.open_app(page, app_url + "/")
    box = page.get_by_role("combobox", name="Point")
    box.focus()
    page.keyboard.type("hegu")
    page.keyboard.press("Enter")
    helpers.expect_card(page, "LI4")
    main = page.get_by_test_id("stMain")
    for heading in ("Where it is", "How to find it", "How to press", "Cautions", "Studies that used this point"):
        expect(main.get_by_role("heading", level=4, name=heading)).to_be_visible()
