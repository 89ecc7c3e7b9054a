"""The Learn page in a real browser, on a laptop and a phone with touch: a drill of three points answered right,
off and with the hint, scored in cun; the progress kept in the browser across a reload, exported and imported
on another device (a tampered file refused); the Anki package downloaded and read; name the point by keyboard."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from harness.browser import FIRST_LOAD_TIMEOUT_MS, RERUN_TIMEOUT_MS, wait_idle
from meridians.learn.decks import drill_view
from meridians.learn.scoring import offset

STORAGE_KEY = "meridian-chart-explorer.learn-progress"  # ui/learn_store.js
TRIAL = "trial-cherkin2009"  # BL23, BL40, KI3, GV3

# Where a spot of the view (its own coordinates) is on the page.
_SPOT_JS = """([x, y]) => {
  const gd = document.querySelector('.js-plotly-plot'), fl = gd._fullLayout;
  const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
  return {x: box.left + fl.xaxis.l2p(x), y: box.top + fl.yaxis.l2p(y)};
}"""
SIZES = [((1400, 900), False), ((390, 844), True)]
IDS = ["laptop", "phone"]


def _context(browser, size, touch):
    return browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch, is_mobile=touch,
                               accept_downloads=True)


def _open(page, url, text):
    page.goto(url)
    expect(page.get_by_text(text).first).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    wait_idle(page)


def _tap(page, touch, view, spot):
    """Tap a spot of `view` once the drill chart shows that view (the chart of the point before may linger)."""
    page.wait_for_function("(v) => { const gd = document.querySelector('.js-plotly-plot'); return gd && gd._fullLayout"
                           " && gd._fullLayout.images[0].source.endsWith('/' + v + '.png'); }", arg=view,
                           timeout=RERUN_TIMEOUT_MS)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    for _ in range(2):
        at = page.evaluate(_SPOT_JS, list(spot))
        if touch:
            page.touchscreen.tap(at["x"], at["y"])
        else:
            page.mouse.click(at["x"], at["y"])
        wait_idle(page)
        # On a busy machine plotly may still be redrawing the chart of the run before (after the hint), and a
        # tap then is lost, as a person's would be, who taps again: the test is of the score, not of that.
        if page.get_by_test_id("stMetricValue").count():
            return


def _error_cun(page) -> float:
    metric = page.get_by_test_id("stMetricValue")
    expect(metric).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    wait_idle(page)
    return float(re.match(r"([\d.]+) cun", metric.inner_text()).group(1))


def _download(page, name):
    """Click a download button once the page is at rest; on a busy machine the run that hands the browser's
    stored progress to the page may replace the button under the first click, so a lost click is made again."""
    for attempt in range(2):
        wait_idle(page)
        try:
            with page.expect_download(timeout=45_000) as info:
                page.get_by_role("button", name=name).click()
            return info
        except PlaywrightTimeoutError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _stored(page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return json.loads(text) if text else None


def _next(page, code):
    page.get_by_role("button", name="Next point").click()
    expect(page.get_by_text(f"Find {code},")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    wait_idle(page)


def _true_spot(atlas, code):
    view = drill_view(atlas, code)
    return view, next(p for p in atlas.positions_in(view) if p.code == code)


@pytest.mark.parametrize("size,touch", SIZES, ids=IDS)
def test_a_drill_of_three_points_scored_in_cun_and_kept_across_a_reload(browser, app_url, atlas, size, touch):
    context = _context(browser, size, touch)
    page = context.new_page()
    try:
        _open(page, f"{app_url}/Learn?deck={TRIAL}", "Find BL23,")
        assert page.get_by_text("No answers yet").is_visible()

        view, pos = _true_spot(atlas, "BL23")  # right: on the true position
        _tap(page, touch, view, (pos.x, pos.y))
        assert _error_cun(page) <= 0.5

        _next(page, "BL40")  # off: a cun along the leg, by the body model's own scale
        view, pos = _true_spot(atlas, "BL40")
        _tap(page, touch, view, offset(atlas, view, pos, 1.0))
        assert 0.6 <= _error_cun(page) <= 1.4

        _next(page, "KI3")  # with the hint: the landmark first
        page.get_by_role("button", name="Hint: where to start").click()
        expect(page.get_by_text("Start from the")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        wait_idle(page)
        view, pos = _true_spot(atlas, "KI3")
        _tap(page, touch, view, (pos.x, pos.y))
        assert _error_cun(page) <= 0.5

        stored = _stored(page)
        assert [(a["code"], a["right"], a.get("hint", False)) for a in stored["answers"]] == [
            ("BL23", True, False), ("BL40", False, False), ("KI3", True, True)]

        page.reload()  # a new session: the progress is the browser's
        expect(page.get_by_text("Find KI3,")).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)  # the link's point
        wait_idle(page)
        expect(page.get_by_text("Find the point, by meridian")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        expect(page.get_by_text("Right answers, day by day")).to_be_visible()
        assert page.get_by_text("No answers yet").count() == 0
        assert len(_stored(page)["answers"]) == 3  # the new session did not blank it

        # Tomorrow's visit from the deck's link: it opens on the cards due, then the new one (GV3, as none of
        # the three answered is due again within minutes).
        _open(page, f"{app_url}/Learn?deck={TRIAL}", "Your progress")
        expect(page.get_by_text("Find GV3,")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    finally:
        context.close()


def test_progress_exported_imports_on_another_device_and_a_tampered_file_changes_nothing(browser, app_url, tmp_path):
    laptop = _context(browser, (1400, 900), False)
    page = laptop.new_page()
    try:
        _open(page, f"{app_url}/Learn?deck=LI&point=LI4&mode=name", "Which point is ringed?")
        page.get_by_role("button", name="LI4 · Hégǔ").click()
        expect(page.get_by_text("Right: LI4")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        wait_idle(page)
        with page.expect_download(timeout=30_000) as info:
            page.get_by_role("button", name="Export my progress").click()
        exported = tmp_path / "progress.json"
        info.value.save_as(exported)
        assert json.loads(exported.read_text())["answers"][0]["code"] == "LI4"
    finally:
        laptop.close()

    phone = _context(browser, (390, 844), True)
    page = phone.new_page()
    try:
        _open(page, f"{app_url}/Learn?deck=LI&point=LI4&mode=name", "Which point is ringed?")
        tampered = tmp_path / "tampered.json"
        data = json.loads(exported.read_text())
        data["answers"][0]["right"] = False
        tampered.write_text(json.dumps(data))
        uploader = page.get_by_test_id("stFileUploaderDropzoneInput")
        uploader.set_input_files(str(tampered))
        expect(page.get_by_text("changed after it was saved")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        expect(page.get_by_text("Your progress is unchanged.")).to_be_visible()
        assert _stored(page) is None  # nothing was kept from it

        uploader.set_input_files(str(exported))
        expect(page.get_by_text("Imported 1 answer; your progress now holds 1 answer.")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        wait_idle(page)
        expect(page.get_by_text("Name the point, by meridian")).to_be_visible()
        page.wait_for_function(f"(localStorage.getItem('{STORAGE_KEY}') || '').includes('LI4')",
                               timeout=RERUN_TIMEOUT_MS)
    finally:
        phone.close()


def test_the_anki_package_downloads_and_opens(browser, app_url, atlas, tmp_path):
    context = _context(browser, (1400, 900), False)
    page = context.new_page()
    try:
        _open(page, f"{app_url}/Learn?deck={TRIAL}", "Find BL23,")
        info = _download(page, re.compile("Anki package of this deck"))
        assert info.value.suggested_filename == f"meridians-{TRIAL}.apkg"
        path = tmp_path / "deck.apkg"
        info.value.save_as(path)
    finally:
        context.close()
    with zipfile.ZipFile(path) as z:
        (tmp_path / "collection.anki2").write_bytes(z.read("collection.anki2"))
        media = json.loads(z.read("media"))
        images = {name: z.read(i) for i, name in media.items()}
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        notes = [row[0].split("\x1f") for row in conn.execute("select flds from notes")]
    assert sorted(n[0] for n in notes) == sorted(["BL23", "BL40", "KI3", "GV3"])
    for code, names, location, how_to_find, image in notes:
        assert atlas.points[code].pinyin in names and location and how_to_find
        assert image == f'<img src="meridians-{code}.png">'
        assert images[f"meridians-{code}.png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert io.BytesIO(images["meridians-BL23.png"]).getbuffer().nbytes > 10_000


def _focused(page) -> str:
    """The text of the button the keyboard is on ("" when it is on something else)."""
    return page.evaluate("(document.activeElement && document.activeElement.tagName === 'BUTTON' &&"
                         " document.activeElement.innerText.trim()) || ''")


def _tab_to(page, text: str, most: int = 80) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if _focused(page).startswith(text):
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_name_the_point_with_the_keyboard_alone_from_a_shared_link(browser, app_url):
    context = _context(browser, (1400, 900), False)
    page = context.new_page()
    try:
        _open(page, f"{app_url}/Learn?deck={TRIAL}&mode=name", "Which point is ringed?")  # a teacher's link
        expect(page.get_by_role("combobox", name="Deck")).to_have_value(re.compile("^Trial: Cherkin"))
        wait_idle(page)
        _tab_to(page, "BL23 · Shènshū")  # the first point of the trial, ringed; among its neighbours
        page.keyboard.press("Enter")
        expect(page.get_by_text("Right: BL23")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        wait_idle(page)
        _tab_to(page, "Next point")
        page.keyboard.press("Enter")
        expect(page.get_by_text("Right: BL23")).to_have_count(0, timeout=RERUN_TIMEOUT_MS)
        wait_idle(page)
        assert "point=BL40" in page.url and "mode=name" in page.url and f"deck={TRIAL}" in page.url
        _tab_to(page, "KI10 · Yīngǔ")  # a wrong choice this time: a neighbour of BL40 behind the knee
        page.keyboard.press("Enter")
        expect(page.get_by_text("It is BL40, Wěizhōng; you chose KI10.")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    finally:
        context.close()


def test_a_damaged_copy_in_the_browser_gets_a_warning_and_the_drill_works(browser, app_url):
    context = _context(browser, (390, 844), True)
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
                            f" localStorage.setItem('{STORAGE_KEY}', '{{\"format\": \"something else\"}}'); }}")
    page = context.new_page()
    try:
        _open(page, f"{app_url}/Learn?deck=LI&point=LI4&mode=name", "Which point is ringed?")
        expect(page.get_by_text("The progress kept in this browser could not be read")).to_be_visible(
            timeout=RERUN_TIMEOUT_MS)
        assert _stored(page) == {"format": "something else"}  # left as it was until an answer
        page.get_by_role("button", name="LI4 · Hégǔ").tap()
        expect(page.get_by_text("Right: LI4")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
        page.wait_for_function(f"(localStorage.getItem('{STORAGE_KEY}') || '').includes('learn-progress')",
                               timeout=RERUN_TIMEOUT_MS)
    finally:
        context.close()
