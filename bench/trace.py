"""Where the page's main thread goes on a click: a Chrome trace of the explorer over a series of clicks.

    python -m bench.trace                  # the real atlas, 10 clicks
    python -m bench.trace --size 5000      # a generated atlas (bench/generate.py)
    python -m bench.trace --entry bench/noentries_app.py

Prints, per click, the time from the mousedown to the page sending its rerun request to the server
(`WebSocket.send`), the click-to-card time, and the main thread's time by trace event (script, style,
layout, paint, layerize, commit) between the mousedown and the card. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.apps import explorer_server, prepare_atlas
from bench.generate import generate
from bench.page import ATLAS_LOAD_TIMEOUT_MS, click_series, open_tab
from harness.browser import LAUNCH

MARKS = """() => {
  document.addEventListener('mousedown', () => performance.mark('click'), {capture: true});
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) { performance.mark('send'); return send.call(this, data); };
}"""
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"]
SHOWN = ("RunTask", "FunctionCall", "EventDispatch", "UpdateLayoutTree", "Layout", "PrePaint", "Paint",
         "Layerize", "Commit")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.trace", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=0, help="points in a generated atlas (0: the real atlas)")
    parser.add_argument("--clicks", type=int, default=10)
    parser.add_argument("--entry", default="explorer.py", help="the script to serve (a variant of the explorer)")
    args = parser.parse_args(argv)

    work, logs = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    data_dir = generate(args.size, work / "atlas").data_dir if args.size else None
    atlas = prepare_atlas(str(args.size or "real"), data_dir, work)
    with explorer_server(atlas, logs, entry=args.entry) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(**LAUNCH)
        tab, _ = open_tab(browser, "ours", server.url + "/", ATLAS_LOAD_TIMEOUT_MS)
        tab.page.evaluate(MARKS)
        cdp = tab.context.new_cdp_session(tab.page)
        events: list[dict] = []
        done: list[bool] = []
        cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
        cdp.on("Tracing.tracingComplete", lambda e: done.append(True))
        cdp.send("Tracing.start", {"traceConfig": {"includedCategories": CATEGORIES}, "transferMode": "ReportEvents"})
        clicks = click_series({"ours": tab}, atlas.positions, args.clicks, print)["ours"]
        cdp.send("Tracing.end")
        while not done:
            tab.page.wait_for_timeout(100)

    threads = {(e["pid"], e["tid"]) for e in events
               if e.get("name") == "thread_name" and e["args"]["name"] == "CrRendererMain"}
    marks = sorted(e["ts"] for e in events if e.get("name") == "click")
    sends = sorted(e["ts"] for e in events if e.get("name") == "send")
    windows = [(t, t + c.card_ms * 1000) for t, c in zip(marks, clicks, strict=False)]
    to_send = [(min([s for s in sends if s > t] or [t]) - t) / 1000 for t in marks]
    busy: dict[str, float] = defaultdict(float)
    for e in events:
        if (e.get("pid"), e.get("tid")) in threads and e.get("ph") == "X" and e.get("name") in SHOWN:
            if any(a <= e["ts"] <= b for a, b in windows):
                busy[e["name"]] += e.get("dur", 0) / 1000
    n = len(clicks)
    print(f"{args.entry}, {'real atlas' if not args.size else f'{args.size} points'}, {n} clicks")
    print(f"  mousedown to rerun request sent: median {statistics.median(to_send):.1f} ms")
    print(f"  click to card: median {statistics.median(c.card_ms for c in clicks):.0f} ms")
    print("  main thread between the mousedown and the card, per click:")
    for name in SHOWN:
        print(f"    {name:18s} {busy[name] / n:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
