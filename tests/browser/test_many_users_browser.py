"""Twenty people on one server at once: no errors, and no state shared between them.

The click-to-card times are printed for the record, not asserted (speed is measured in bench/): here all
twenty browsers share the server's two cores, so the figures say more about the machine than the app.
Each time is taken inside the page, as a person sees it: from the mousedown to the first frame painted
with the card's heading. Timing from the test's side would add the round trips through Playwright's driver,
which twenty pages share.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from playwright.async_api import async_playwright

from harness.browser import IDLE, LAUNCH
from harness.probes import HOVERED_JS, MARKER_JS, MARKERS, RINGED_JS

SESSIONS = 20
SECONDS = 60  # each session clicks for this long, then stops
# Seconds a person spends on a card before the next click (uniform, seeded per session). A card is a few
# hundred words; even its heading and "how to find it" take a person more than five seconds. With a click
# every 2-5 s instead, the twenty browsers' own drawing, on the same two cores as the server, became most
# of what was measured: p95 3.4-4.0x the single session, with the server at 4-8% of a core.
READING = (5.0, 15.0)
SINGLE_CLICKS = 20
# Points a mouse picks at their centre on the whole-body back view (LI4 lies under Yaotongdian, EX-UE7, there:
# a tap offers it among the points near it).
CODES = ["BL23", "BL40", "GB30", "BL52", "BL57", "BL36", "BL60", "BL25", "SI3", "EX-B7", "BL54", "GV20"]
# A person reading the card they clicked before the next click (one session alone: the single-session figure).
GLANCE_MS = 150

# Installed in every page: the time of each mousedown, and of the first frame painted after the card's heading
# shows `window.__want` (set before each click).
TIMING = """(() => {
  const w = window;
  w.__want = null; w.__down = null; w.__card = null;
  document.addEventListener('mousedown', () => { w.__down = performance.now(); w.__card = null; }, {capture: true});
  new MutationObserver(() => {
    if (!w.__want || w.__down === null || w.__card !== null) return;
    const h = document.querySelector('[data-testid=stMain] h3');
    if (h && h.textContent.startsWith(w.__want)) {
      w.__card = -1;
      requestAnimationFrame(() => { w.__card = performance.now(); });
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
})()"""
CARD_SHOWN = "() => window.__card > 0"
ELAPSED = "() => (window.__card - window.__down) / 1000"

# What the page shows when a wait fails: the card headings, the script state, the chart's ring.
DIAGNOSE = """() => { const gd = document.querySelector('.js-plotly-plot');
  return {h3: [...document.querySelectorAll('[data-testid=stMain] h3')].map(h => h.textContent.slice(0, 12)),
          script: document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state'),
          ring: ((gd && gd.data) || []).filter(t => t.name === 'Selected')
                  .map(t => (t.selectedpoints || []).map(i => t.customdata[i][0]))}; }"""


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


async def open_page(browser, url: str):
    """A new person (own browser context, so own session) with the explorer loaded."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    await context.add_init_script(TIMING)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    await page.goto(url, timeout=60_000)
    await page.wait_for_selector(MARKERS, timeout=60_000)
    await page.wait_for_selector(IDLE, timeout=60_000)
    return context, page, errors


async def session(opened, order: list[str], until: float | None, max_clicks: int, seed: int):
    """One person clicking their own sequence, reading each card a while (not when alone: that is the
    single-session figure); returns click-to-card times and any mismatch seen."""
    context, page, errors = opened
    reading = random.Random(seed)
    heading = page.get_by_test_id("stMain").get_by_role("heading", level=3).first
    times, mismatches = [], []
    try:
        if until is not None:  # people arrive at their own moments: not twenty first clicks in the same instant
            await page.wait_for_timeout(1000 * reading.uniform(0, READING[1]))
        for i in range(max_clicks):
            if until is not None and time.monotonic() > until:
                break
            code = order[i % len(order)]
            pos = await page.evaluate(MARKER_JS, [code, 0, True])  # scrolled into view
            await page.mouse.move(pos["x"] + 3, pos["y"])
            await page.mouse.move(pos["x"], pos["y"])
            await page.wait_for_function(f"() => ({HOVERED_JS})() === {code!r}", timeout=30_000, polling=50)
            await page.evaluate("code => { window.__want = code; }", code)
            await page.mouse.click(pos["x"], pos["y"])
            try:
                await page.wait_for_function(CARD_SHOWN, timeout=30_000, polling=100)
            except Exception:
                mismatches.append((code, await heading.text_content(), page.url, i, await page.evaluate(DIAGNOSE)))
                break
            times.append(await page.evaluate(ELAPSED))
            await page.wait_for_selector(IDLE, timeout=30_000)
            try:  # the chart rings the new point
                await page.wait_for_function(RINGED_JS, arg=code, timeout=30_000, polling=100)
            except Exception:
                mismatches.append(("ring", code, page.url, i, await page.evaluate(DIAGNOSE)))
                break
            await page.wait_for_timeout(GLANCE_MS if until is None else 1000 * reading.uniform(*READING))
            shown = (await heading.text_content()) or ""
            if not shown.startswith(code):
                mismatches.append((code, shown))
        await page.wait_for_selector(IDLE, timeout=30_000)
        final = (await heading.text_content()) or ""
        if times and not final.startswith(order[(len(times) - 1) % len(order)]):
            mismatches.append(("final", final))
        if await page.get_by_test_id("stException").count():
            errors.append("exception shown on the page")
    finally:
        await context.close()
    return times, mismatches, errors


async def run(url: str) -> tuple[list[float], list, list[float], list, list]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**LAUNCH)
        try:
            alone = await open_page(browser, url)
            single, single_bad, single_err = await session(alone, CODES, None, SINGLE_CLICKS, 0)
            people = [await open_page(browser, url) for _ in range(SESSIONS)]  # one after another
            until = time.monotonic() + SECONDS
            results = await asyncio.gather(*[
                session(opened, CODES[i % len(CODES):] + CODES[:i % len(CODES)], until, 200, i)
                for i, opened in enumerate(people)
            ])
        finally:
            await browser.close()
    many = [t for times, _, _ in results for t in times]
    bad = single_bad + [m for _, mm, _ in results for m in mm]
    errors = single_err + [e for _, _, ee in results for e in ee]
    return single, many, [len(t) for t, _, _ in results], bad, errors


def test_twenty_sessions_each_see_their_own_clicks(app_url: str, capsys):
    # Its own thread: the sync Playwright of the other browser tests keeps an event loop on this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        single, many, counts, mismatches, errors = pool.submit(asyncio.run, run(app_url + "/")).result()
    single_p95, many_p95 = p95(single), p95(many)
    with capsys.disabled():
        print(f"\n[many users] 1 session: median {statistics.median(single):.3f} s, p95 {single_p95:.3f} s "
              f"({len(single)} clicks); {SESSIONS} sessions: median {statistics.median(many):.3f} s, "
              f"p95 {many_p95:.3f} s ({len(many)} clicks, per session {min(counts)}-{max(counts)})")
    assert errors == [], errors
    assert mismatches == [], f"a session's card did not match its own last click: {mismatches[:5]}"
    assert all(c >= 2 for c in counts), f"some sessions never got to click twice: {counts}"
