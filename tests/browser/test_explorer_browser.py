"""The explorer in a real browser: what a user clicks, taps and shares, and what they then see.

Helpers (tests/browser/conftest.py) come through the `helpers` fixture; `app_url` is the running app.
"""

from __future__ import annotations

import io
import re
import time
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

# The second point clicked on the Back view. Not GV4: on the Back view GV4 is drawn under the EX-B2
# markers, so a click on it opens EX-B2 (see test_every_marker_can_be_clicked_at_its_centre).
OTHER = "BL40"


def url_has(name: str, value: str) -> re.Pattern:
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}(&|$)")


def mechanism_select(page: Page):
    return page.get_by_test_id("stMultiSelect").filter(has_text="Mechanism")


def opacities_by_code(helpers, page: Page) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for code, op in helpers.marker_opacities(page):
        out.setdefault(code, []).append(op)
    return out


def test_clicking_a_marker_shows_its_card(page: Page, app_url: str, helpers):
    helpers.open_app(page, app_url + "/")
    expect(helpers.card_heading(page)).to_have_text("Click a point")
    expect(page.get_by_role("heading", name="Where it is")).to_have_count(0)

    helpers.click_point(page, "BL23")

    helpers.expect_card(page, "BL23")
    expect(page.get_by_role("heading", name="Where it is")).to_be_visible()
    expect(page).to_have_url(url_has("point", "BL23"))


def test_mechanism_filter_fades_the_markers_it_cannot_explain(page: Page, app_url: str, helpers, atlas):
    back = {p.code for p in atlas.positions_in("posterior")}
    relaxing = {c for c in back if "relaxation" in atlas.points[c].mechanisms}
    assert "GV20" in relaxing and "BL23" in back - relaxing, "the data changed: pick other points for this test"

    helpers.open_app(page, app_url + "/")
    before = helpers.full_opacity_count(page)
    assert before == len(helpers.marker_opacities(page)), "without a filter no marker should be faded"

    mechanism_select(page).get_by_role("combobox").click()
    page.get_by_role("option", name=re.compile(r"^Relaxation")).click()
    page.keyboard.press("Escape")

    expect(page).to_have_url(url_has("mechanism", "relaxation"))
    page.wait_for_function(  # the chart redrawn with the filter
        """(n) => { const gd = document.querySelector('.js-plotly-plot');
          if (!gd || !gd._fullData) return false;
          let full = 0;
          for (const t of gd._fullData) {
            if (t.mode !== 'markers' || !t.customdata || t.name === 'Selected') continue;
            const op = t.marker.opacity;
            for (let i = 0; i < t.x.length; i++) if ((Array.isArray(op) ? op[i] : op) === 1) full++;
          }
          return full < n; }""",
        arg=before, timeout=helpers.RERUN_TIMEOUT_MS,
    )
    helpers.wait_idle(page)

    after = helpers.full_opacity_count(page)
    assert 0 < after < before
    opacity = opacities_by_code(helpers, page)
    assert all(op == 1 for op in opacity["GV20"]), opacity["GV20"]
    assert all(op < 1 for op in opacity["BL23"]), opacity["BL23"]
    expect(page.get_by_text(f"{len(back)} points, {len(relaxing)} of them match the filters")).to_be_visible()
    expect(mechanism_select(page).locator("[data-tag]")).to_have_text([re.compile(r"^Relaxation")])


def test_a_shared_link_opens_the_same_screen(page: Page, app_url: str, helpers):
    helpers.open_app(page, app_url + "/?view=anterior&point=ST36&mechanism=endorphins")

    expect(helpers.card_heading(page)).to_contain_text("ST36")
    view = page.get_by_role("radiogroup", name="Whole body")
    expect(view.get_by_role("radio", checked=True)).to_have_text("Front")
    expect(mechanism_select(page).locator("[data-tag]")).to_have_text([re.compile(r"^Release of endorphins")])
    expect(page.get_by_text("was ignored")).to_have_count(0)  # every part of the link was understood
    helpers.marker_position(page, "ST36")  # ST36 is drawn on this view
    st36 = opacities_by_code(helpers, page)["ST36"]
    assert all(op == 1 for op in st36), st36  # endorphins might explain ST36: not faded


def test_the_cards_study_box_and_share_link_fill_when_opened(page: Page, app_url: str, helpers):
    """Closed, they hold nothing (a click redraws the card); opened, the study's entry and the link to copy."""
    helpers.open_app(page, app_url + "/?point=BL23")
    helpers.expect_card(page, "BL23")
    box = page.get_by_test_id("stExpander").filter(has_text="Low back pain: the study that used BL23")
    expect(box.get_by_text("How long it lasted")).to_have_count(0)
    box.get_by_text("Low back pain: the study that used BL23").click()
    expect(box.get_by_text("How long it lasted")).to_be_visible(timeout=helpers.RERUN_TIMEOUT_MS)
    expect(box.get_by_text("Cherkin DC", exact=False).first).to_be_visible()
    page.get_by_role("button", name=re.compile("Share this view")).click()
    expect(page.get_by_test_id("stCode")).to_contain_text("point=BL23", timeout=helpers.RERUN_TIMEOUT_MS)


def test_back_returns_to_the_previous_point(page: Page, app_url: str, helpers):
    helpers.open_app(page, app_url + "/")
    helpers.click_point(page, "BL23")
    helpers.expect_card(page, "BL23")
    helpers.click_point(page, OTHER)
    helpers.expect_card(page, OTHER)
    expect(page).to_have_url(url_has("point", OTHER))

    page.go_back()

    helpers.expect_card(page, "BL23")
    expect(page).to_have_url(url_has("point", "BL23"))


def test_an_empty_selection_sent_before_the_last_click_came_back_keeps_the_card(page: Page, app_url: str, helpers):
    """A second click on the ringed marker (or a double click) empties plotly's selection. On a busy server its
    request can leave before the answer to the click before it has come back, and so carries the older link.
    Here the server's answers are held back until both requests have left: the card, the ring and the link end
    on the point clicked, not on the one before it."""
    # The page's end of the websocket; the server's messages held back (None: passed on); the page's since.
    pages, held, asked = [], None, []

    def route(ws) -> None:
        server = ws.connect_to_server()
        pages.append(ws)
        ws.on_message(lambda m: (server.send(m), held is None or asked.append(m)))
        server.on_message(lambda m: ws.send(m) if held is None else held.append(m))

    def wait_until(seen, failure: str) -> None:  # the page's websocket is served while it waits
        deadline = time.monotonic() + helpers.RERUN_TIMEOUT_MS / 1000
        while not seen():
            assert time.monotonic() < deadline, failure
            page.wait_for_timeout(50)

    page.route_web_socket(re.compile(r"/_stcore/stream"), route)
    helpers.open_app(page, app_url + "/")
    helpers.click_point(page, "BL36")
    helpers.expect_card(page, "BL36")
    held = []
    helpers.click_point(page, "BL60")  # plotly rings it at once; the card and the new link are held back
    wait_until(lambda: any(isinstance(m, bytes) and b"point=BL60" in m for m in held),  # the server took the click
               "the server never wrote the click's link")
    helpers.click_point(page, "BL60")  # the ringed marker again: an empty selection, sent with the link point=BL36
    wait_until(lambda: sum(b"point=BL36" in m for m in asked if isinstance(m, bytes)) >= 2,  # both requests left
               "the second click sent no request")
    while held:  # in order: what comes while these go out joins the queue
        pages[-1].send(held.pop(0))
    held = None

    expect(page).to_have_url(url_has("point", "BL60"))
    helpers.wait_idle(page)
    expect(helpers.card_heading(page)).to_contain_text("BL60")
    expect_ringed(page, "BL60", helpers.RERUN_TIMEOUT_MS)


def test_a_tap_on_a_phone_selects_the_tapped_marker(browser, app_url: str, helpers):
    """plotly.js picks a tap's point from its last hover, and a tap brings none: ui/tap_hover.js gives it one.
    Without it, the first tap selected nothing and the second selected the first tapped point."""
    context = browser.new_context(is_mobile=True, has_touch=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        helpers.open_app(page, app_url + "/")
        helpers.tap_point(page, "BL23")
        helpers.expect_card(page, "BL23", timeout=5000)
        helpers.tap_point(page, OTHER)
        helpers.expect_card(page, OTHER, timeout=5000)
    finally:
        context.close()


# The point the chart rings: plotly's selection on the "Selected" trace.
RINGED_JS = """() => { const ring = [...document.querySelectorAll('.js-plotly-plot')]
    .map(gd => (gd.data || []).find(t => t.name === 'Selected')).find(Boolean);
  return ring ? (ring.selectedpoints || []).map(i => ring.customdata[i][0]) : null; }"""


def expect_ringed(page: Page, code: str, timeout_ms: int) -> None:
    """The chart rings `code` alone (its markers on both sides) once plotly has drawn the run: after the card."""
    alone = f"code => {{ const r = ({RINGED_JS})(); return !!r && r.length > 0 && r.every(c => c === code); }}"
    try:
        page.wait_for_function(alone, arg=code, timeout=timeout_ms)
    except Exception as e:  # say what it rings instead
        raise AssertionError(f"the chart rings {page.evaluate(RINGED_JS)}, not {code}") from e


# The colours of a crowded view's shapes drawn at full strength, as [r, g, b].
SHAPE_COLOURS_JS = """() => document.querySelector('.js-plotly-plot').data
  .filter(t => t.fill === 'toself').map(t => t.fillcolor.slice(5, -1).split(',').map(Number))
  .filter(rgba => rgba[3] === 1).map(rgba => rgba.slice(0, 3))"""


def test_a_crowded_view_draws_shapes_rings_with_webgl_and_takes_clicks_and_taps(browser, page: Page,
                                                                                crowded_app_url: str, helpers):
    """Past meridians.draw.chart.CROWDED markers on a view the markers are filled shapes, a few SVG paths (an
    element per marker made every frame slow), and the ring is WebGL (restyling thousands of SVG rings made
    every click slow): a marker's shape is painted at its point, and a click or a tap there still selects
    the point under the pointer, rings it, opens its card and puts it in the link. Points may overlap
    there, so the test clicks what plotly picks at a marker's centre."""
    helpers.open_app(page, crowded_app_url + "/")
    assert page.evaluate("() => document.querySelector('.js-plotly-plot').data.at(-1).type") == "scattergl"
    assert page.locator(".js-plotly-plot .gl-canvas-context").count() == 1
    assert page.locator(".js-plotly-plot .scatterlayer path.point").count() == 0
    assert 0 < page.locator(".js-plotly-plot .scatterlayer path.js-fill").count() < 100
    colours = page.evaluate(SHAPE_COLOURS_JS)
    for code in ("BL23", "GV4", "GB30"):
        pos = helpers.marker_centre(page, code)
        shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        painted = shot.getpixel((round(pos["x"]), round(pos["y"])))
        assert min(sum(abs(a - b) for a, b in zip(painted, c, strict=True)) for c in colours) < 12, (code, painted)
    for code in ("BL23", "GV4", "GB30"):
        pos = helpers.marker_centre(page, code)
        page.mouse.move(pos["x"] + 3, pos["y"])
        page.mouse.move(pos["x"], pos["y"])
        page.wait_for_function("() => (" + helpers.HOVERED_JS + ")() !== null", timeout=3000)
        picked = helpers.hovered(page)
        page.mouse.click(pos["x"], pos["y"])
        helpers.expect_card(page, picked)
        expect(page).to_have_url(url_has("point", picked))
        expect_ringed(page, picked, helpers.RERUN_TIMEOUT_MS)

    context = browser.new_context(is_mobile=True, has_touch=True, viewport={"width": 390, "height": 844})
    try:
        phone = context.new_page()
        helpers.open_app(phone, crowded_app_url + "/")
        pos = helpers.marker_centre(phone, "BL23")
        phone.touchscreen.tap(pos["x"], pos["y"])
        expect(helpers.card_heading(phone)).not_to_have_text("Click a point", timeout=helpers.RERUN_TIMEOUT_MS)
        helpers.wait_idle(phone)
        tapped = helpers.card_heading(phone).text_content().split(" · ")[0]
        expect_ringed(phone, tapped, helpers.RERUN_TIMEOUT_MS)
    finally:
        context.close()


def test_nothing_leaves_the_machine(page: Page, app_url: str, helpers):
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    page.on("websocket", lambda ws: urls.append(ws.url))

    helpers.open_app(page, app_url + "/?point=BL23")
    helpers.expect_card(page, "BL23")
    helpers.click_point(page, OTHER)
    helpers.expect_card(page, OTHER)

    parts = [urlsplit(u) for u in urls]
    assert any(p.scheme == "ws" for p in parts), "the app's websocket was not seen: the recording is broken"
    assert any(p.path.endswith(".png") for p in parts), "the chart image was not seen: the recording is broken"
    away = [u for u, p in zip(urls, parts, strict=True) if p.scheme not in ("data", "blob") and p.hostname != "127.0.0.1"]
    assert away == [], away


def test_the_page_talks_to_the_server_compressed(page: Page, app_url: str, helpers):
    """A phone on a slow link waits for every byte of a card or a new chart: the browser and the server agree
    to compress the websocket (permessage-deflate), and the server keeps zlib's full 32 kB window. With a
    4 kB window (`server_max_window_bits=12`, what uvicorn's newer websocket code asks for) a click's card
    cannot refer back to the text of earlier cards, and its bytes on the wire are four times as many."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    agreed: list[str] = []
    cdp.on("Network.webSocketHandshakeResponseReceived", lambda e: agreed.append(
        {k.lower(): v for k, v in e["response"]["headers"].items()}.get("sec-websocket-extensions", "")))
    helpers.open_app(page, app_url + "/?point=BL23")
    assert agreed and all("permessage-deflate" in a for a in agreed), agreed
    assert not any("server_max_window_bits" in a for a in agreed), agreed


def test_a_click_lays_no_cover_over_the_page(page: Page, app_url: str, helpers):
    """plotly lays a page-wide drag cover at each mousedown on a chart. These charts cannot be dragged, and
    laying it made the browser re-layer the whole page before the click reached the server (ui/frame.py):
    the page keeps plotly's cover undrawn, and the click still selects its point."""
    helpers.open_app(page, app_url + "/")
    pos = helpers.marker_centre(page, "BL23")
    page.mouse.move(pos["x"], pos["y"])
    page.wait_for_function(f"() => ({helpers.HOVERED_JS})() === 'BL23'", timeout=3000)
    page.mouse.down()
    covers = page.evaluate("() => [...document.querySelectorAll('.dragcover')].map(e => getComputedStyle(e).display)")
    page.mouse.up()
    assert covers == ["none"], covers  # plotly laid its cover, and it is not drawn
    helpers.expect_card(page, "BL23")


def test_clicking_a_close_up_point_shows_its_card(page: Page, app_url: str, helpers):
    helpers.open_app(page, app_url + "/?view=hand_back")
    helpers.click_point(page, "LI4")
    helpers.expect_card(page, "LI4")
    expect(page).to_have_url(url_has("point", "LI4"))
    expect(page).to_have_url(url_has("view", "hand_back"))


def test_choosing_a_close_up_from_the_picker_shows_it(page: Page, app_url: str, helpers):
    helpers.open_app(page, app_url + "/")
    page.get_by_role("combobox", name="Close-up").click()
    page.get_by_role("option", name="Sole").click()
    expect(page).to_have_url(url_has("view", "sole"))
    page.wait_for_function(  # the sole's chart has replaced the back's
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return !!(gd && gd.layout && gd.layout.images[0].source.endsWith('/sole.png')); }",
        timeout=helpers.RERUN_TIMEOUT_MS)
    helpers.wait_idle(page)
    helpers.click_point(page, "KI1")
    helpers.expect_card(page, "KI1")


# The close-ups exist so that crowded points can be clicked: there, every marker must take its own click.
@pytest.mark.parametrize("view", ["lower_back", "hand_back", "hand_palm", "foot_top", "face", "head_side"])
def test_every_marker_can_be_clicked_at_its_centre(page: Page, app_url: str, helpers, atlas, view: str):
    """The point plotly picks under the pointer is the one a click there selects: check every point's centre."""
    helpers.open_app(page, app_url + f"/?view={view}")
    page.locator(".js-plotly-plot").first.evaluate("gd => gd.scrollIntoView({block: 'center'})")
    wrong = {}
    for code in dict.fromkeys(p.code for p in atlas.positions_in(view)):
        pos = helpers.marker_position(page, code)
        page.evaluate("() => { document.querySelector('.js-plotly-plot')._hoverdata = undefined; }")
        page.mouse.move(pos["x"], pos["y"])
        page.wait_for_function("() => !!document.querySelector('.js-plotly-plot')._hoverdata", timeout=3000)
        page.wait_for_timeout(60)  # a throttled hover for this same position may still be due
        if (got := helpers.hovered(page)) != code:
            wrong[code] = got
    assert wrong == {}, f"a click on the centre of these markers picks another point: {wrong}"
