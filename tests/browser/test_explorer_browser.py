"""The explorer in a real browser: what a user clicks, taps and shares, and what they then see."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import (
    RERUN_TIMEOUT_MS,
    card_heading,
    click_point,
    expect_card,
    full_opacity_count,
    hovered,
    marker_centre,
    marker_opacities,
    open_app,
    tap_point,
    wait_idle,
)

pytestmark = pytest.mark.browser

# A second point on the Back view, far from BL23. GV4 (the brief's choice) cannot be clicked: on the
# Back view it is drawn under the EX-B2 markers (see test_every_marker_can_be_clicked_at_its_centre).
OTHER = "BL40"


def url_has(name: str, value: str) -> re.Pattern:
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}(&|$)")


def mechanism_select(page: Page):
    return page.get_by_test_id("stMultiSelect").filter(has_text="Mechanism")


def test_clicking_a_marker_shows_its_card(page: Page, app_url: str):
    open_app(page, app_url + "/")
    expect(card_heading(page)).to_have_text("Click a point")
    expect(page.get_by_role("heading", name="Where it is")).to_have_count(0)

    click_point(page, "BL23")

    expect_card(page, "BL23")
    expect(page.get_by_role("heading", name="Where it is")).to_be_visible()
    expect(page).to_have_url(url_has("point", "BL23"))


def test_mechanism_filter_fades_the_markers_it_cannot_explain(page: Page, app_url: str, atlas):
    back = {p.code for p in atlas.positions_in("posterior")}
    relaxing = {c for c in back if "relaxation" in atlas.points[c].mechanisms}
    assert "GV20" in relaxing and "BL23" in back - relaxing, "the data changed: pick other points for this test"

    open_app(page, app_url + "/")
    before = full_opacity_count(page)
    assert before == len(marker_opacities(page)), "without a filter no marker should be faded"

    mechanism_select(page).get_by_role("combobox").click()
    page.get_by_role("option", name=re.compile(r"^Relaxation")).click()
    page.keyboard.press("Escape")

    expect(page).to_have_url(url_has("mechanism", "relaxation"))
    page.wait_for_function(  # the redrawn chart
        "(n) => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && gd._fullData && gd._fullData.some(t => Array.isArray(t.marker && t.marker.opacity)"
        " && t.marker.opacity.some(o => o < 1)); }",
        arg=before, timeout=RERUN_TIMEOUT_MS,
    )
    wait_idle(page)

    after = full_opacity_count(page)
    assert 0 < after < before
    opacity = {}
    for code, op in marker_opacities(page):
        opacity.setdefault(code, []).append(op)
    assert all(op == 1 for op in opacity["GV20"]), opacity["GV20"]
    assert all(op < 1 for op in opacity["BL23"]), opacity["BL23"]
    expect(page.get_by_text(f"{len(relaxing)} of {len(back)} points on this view match the filters")).to_be_visible()
    expect(mechanism_select(page).locator("[data-tag]")).to_have_text([re.compile(r"^Relaxation")])


def test_a_shared_link_opens_the_same_screen(page: Page, app_url: str):
    open_app(page, app_url + "/?view=anterior&point=ST36&mechanism=endorphins")

    expect(card_heading(page)).to_contain_text("ST36")
    view = page.get_by_role("radiogroup", name="View")
    expect(view.get_by_role("radio", checked=True)).to_have_text("Front")
    expect(mechanism_select(page).locator("[data-tag]")).to_have_text([re.compile(r"^Release of endorphins")])
    expect(page.get_by_text("was ignored")).to_have_count(0)  # every part of the link was understood
    marker_centre(page, "ST36")  # drawn on this view
    st36 = [op for code, op in marker_opacities(page) if code == "ST36"]
    assert st36 and all(op == 1 for op in st36), st36  # endorphins may explain ST36: not faded


def test_back_returns_to_the_previous_point(page: Page, app_url: str):
    open_app(page, app_url + "/")
    click_point(page, "BL23")
    expect_card(page, "BL23")
    click_point(page, OTHER)
    expect_card(page, OTHER)
    expect(page).to_have_url(url_has("point", OTHER))

    page.go_back()

    expect_card(page, "BL23")
    expect(page).to_have_url(url_has("point", "BL23"))


@pytest.mark.xfail(
    strict=True, raises=AssertionError,
    reason="plotly.js selects on a tap from the hover data of the previous tap (touch has no hover before the "
           "tap): the first tap selects nothing, the second selects the first tapped point",
)
def test_a_tap_on_a_phone_selects_the_tapped_marker(browser, app_url: str):
    context = browser.new_context(is_mobile=True, has_touch=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_app(page, app_url + "/")
        tap_point(page, "BL23")
        expect_card(page, "BL23", timeout=6000)
        tap_point(page, OTHER)
        expect_card(page, OTHER, timeout=6000)
    finally:
        context.close()


def test_nothing_leaves_the_machine(page: Page, app_url: str):
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    page.on("websocket", lambda ws: urls.append(ws.url))

    open_app(page, app_url + "/?point=BL23")
    expect_card(page, "BL23")
    click_point(page, OTHER)
    expect_card(page, OTHER)

    parts = [urlsplit(u) for u in urls]
    assert any(p.scheme == "ws" for p in parts), "the app's websocket was not seen: the recording is broken"
    assert any(p.path.endswith(".png") for p in parts), "the chart image was not seen: the recording is broken"
    away = [u for u, p in zip(urls, parts) if p.scheme not in ("data", "blob") and p.hostname != "127.0.0.1"]
    assert away == [], away


@pytest.mark.parametrize("view", [
    pytest.param("posterior", marks=pytest.mark.xfail(
        strict=True, raises=AssertionError,
        reason="Back view: GV3 and GV4 lie under the EX-B2 markers and BL26 under BL27, so a click on them "
               "opens another point")),
    "anterior",
    "lateral",
])
def test_every_marker_can_be_clicked_at_its_centre(page: Page, app_url: str, atlas, view: str):
    """What plotly picks under the pointer is what a click there selects: check it for every point."""
    open_app(page, app_url + f"/?view={view}")
    gd = page.locator(".js-plotly-plot").first
    box = gd.bounding_box()
    wrong = {}
    for code in dict.fromkeys(p.code for p in atlas.positions_in(view)):
        pos = marker_centre(page, code)
        box = gd.bounding_box()
        page.mouse.move(box["x"] + box["width"] - 2, box["y"] + 2)  # an empty corner: no hover
        page.wait_for_function("() => !document.querySelector('.js-plotly-plot')._hoverdata")
        page.mouse.move(pos["x"], pos["y"])
        page.wait_for_function("() => !!document.querySelector('.js-plotly-plot')._hoverdata")
        if (got := hovered(page)) != code:
            wrong[code] = got
    assert wrong == {}, f"a click on the centre of these markers picks another point: {wrong}"
