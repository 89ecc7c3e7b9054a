"""A change against the code before it: this checkout, another (a git worktree) and the floor, clicked in
turn on the same markers in one run. Interleaving is what makes a small difference visible on a shared
machine, where two runs of the same code differ more than the change does. Nothing here asserts.

    git worktree add /tmp/before HEAD~1 && python -m bench.against /tmp/before
    python -m bench.against /tmp/before --view lower_back --phone   # as bench.phone clicks: 4x CPU, slow 4G

Prints, for each app, click-to-card (median and 90th percentile) and the page's main-thread CPU per click.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.apps import floor_server, prepare_atlas
from bench.page import ATLAS_LOAD_TIMEOUT_MS, click_series, loaded, start_tab, summarize_clicks
from bench.phone import PHONE, throttle
from harness.browser import LAUNCH, missing_chromium
from harness.server import Server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.against", description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="a checkout of the code before (e.g. a git worktree)")
    parser.add_argument("--clicks", type=int, default=30, help="clicks per app")
    parser.add_argument("--view", default="posterior", help="the view clicked on")
    parser.add_argument("--phone", action="store_true",
                        help="the clicks of bench.phone: a phone's viewport with touch, 4x slower CPU, slow 4G")
    args = parser.parse_args(argv)
    if problem := missing_chromium():
        print(problem, file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp())
    atlas = prepare_atlas("real", None, work, view_id=args.view)
    apps = {"before": Server(work / "before.log", cwd=args.before.resolve()), "after": Server(work / "after.log"),
            "floor": floor_server(atlas, work)}
    for server in apps.values():
        server.start()
    try:
        for server in apps.values():
            server.wait_healthy()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(**LAUNCH)
            query = "" if args.view == "posterior" else f"?view={args.view}"
            tabs = {}
            for name, server in apps.items():
                tab = start_tab(browser, "floor" if name == "floor" else "ours", server.url + "/" + query,
                                ATLAS_LOAD_TIMEOUT_MS, PHONE if args.phone else None)
                loaded(tab, ATLAS_LOAD_TIMEOUT_MS)
                if args.phone:  # loaded at full speed: only the clicks are timed
                    throttle(tab)
                tabs[name] = tab
            clicks = click_series(tabs, atlas.positions, args.clicks, print)
    finally:
        for server in apps.values():
            server.stop()
    floor = summarize_clicks(clicks["floor"])["card_median_ms"]
    print(f"{'app':8s} {'clicks':>6s} {'card med':>9s} {'card p90':>9s} {'/floor':>7s} {'cpu med':>8s}")
    for name, done in clicks.items():
        s = summarize_clicks(done)
        print(f"{name:8s} {s['clicks']:6d} {s['card_median_ms']:9.0f} {s['card_p90_ms']:9.0f} "
              f"{s['card_median_ms'] / floor:7.2f} {s['main_thread_cpu_median_ms']:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
