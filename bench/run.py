"""The benchmark: the explorer against a bare Streamlit + Plotly floor, in Debian's chromium.

    python -m bench                   # from the repo root
    python -m bench --quick           # fewer repeats, for a smoke run
    python -m bench --sizes 361,1500,1881,5000 --profile

One run starts, on 127.0.0.1, the explorer (explorer.py) and the floor (bench/floor_app.py) on the same
points, drives both with Playwright and reports, for each:

- click-to-card latency: mousedown on a marker -> the card's text in the page with the script idle
  (median, p90; measured inside the page with performance.now(), the same way for both apps);
- bytes per click and per filter change: on the wire (the server's socket counters, after compression)
  and as websocket payload (page.on("websocket") framereceived, inflated);
- cold load: navigation -> the chart's markers drawn (fresh browser context each time);
- server memory: VmRSS of the server process with 1 and with 20 open sessions;

then repeats the click measurement on synthetic atlases (bench/generate.py) written to a temp dir and
loaded with MERIDIAN_DATA. It writes bench/results/ (CSV, JSON, HTML, logs), prints ratios ours/floor and
PASS/FAIL per target. Never part of the test pass; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import report
from bench.apps import VARIANTS, VIEW, BenchAtlas, prepare_atlas, start_apps, stop_apps, synthetic_atlas
from bench.frames import breakdown
from bench.generate import max_codes
from bench.page import ATLAS_LOAD_TIMEOUT_MS, Tab, change_filter, click_series, loaded, med, open_tab, start_tab
from bench.profiles import profile, profile_only, spec_sizes
from bench.report import Results
from harness.browser import LAUNCH, missing_chromium
from harness.server import ROOT, Server

RESULTS = ROOT / "bench" / "results"


class Log:
    """Lines to the terminal, each with the seconds since the run began."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, msg: str) -> None:
        print(f"[{self.elapsed():6.1f}s] {msg}", flush=True)

    def elapsed(self) -> float:
        return time.monotonic() - self.started


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description="The explorer against a bare Streamlit + "
                                     "Plotly floor, in Debian's chromium (bench/README.md).")
    parser.add_argument("--clicks", type=int, default=30, help="clicks per app and atlas (at least 30 for the report)")
    parser.add_argument("--size-clicks", type=int, default=None,
                        help="clicks per app on each synthetic atlas (default: as --clicks)")
    parser.add_argument("--sizes", default="361,1500,5000", help="synthetic atlas sizes, comma separated ('' for none)")
    parser.add_argument("--sessions", type=int, default=20, help="open sessions for the memory measurement")
    parser.add_argument("--loads", type=int, default=5, help="cold loads per app (after the first)")
    parser.add_argument("--filters", type=int, default=5, help="filter changes per app")
    parser.add_argument("--variants", default="",
                        help="also click copies of the explorer that change one thing, comma separated, or 'all': "
                             "noentries (the card's study expanders sent empty)")
    parser.add_argument("--profile", action="store_true", help="also profile the script runs with pyinstrument")
    parser.add_argument("--profile-only", action="store_true", help="only the pyinstrument profiles (no figures)")
    parser.add_argument("--quick", action="store_true", help="10 clicks, 5 sessions, 2 loads, 2 filter changes, "
                                                             "sizes 361,1500")
    args = parser.parse_args(argv)
    if args.quick:
        args.clicks, args.sessions, args.loads, args.filters = 10, 5, 2, 2
        args.sizes = "361,1500" if args.sizes == parser.get_default("sizes") else args.sizes
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.variants = list(VARIANTS) if args.variants == "all" else [v for v in args.variants.split(",") if v]
    if unknown := set(args.variants) - set(VARIANTS):
        parser.error(f"unknown variants {sorted(unknown)}; known: {', '.join(VARIANTS)}")
    return args


def log_versions(results: Results, log: Log) -> None:
    commit = subprocess.run(["git", "describe", "--always", "--dirty", "--exclude", "*"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    log(f"app code at commit {commit}; Streamlit {version('streamlit')}, plotly {version('plotly')}, "
        f"{os.cpu_count()} CPUs")
    results.record("run", "", "commit " + commit, 0)


def first_loads(browser, apps: dict[str, Server], atlas: BenchAtlas, results: Results, log: Log) -> dict[str, Tab]:
    """A tab on each app, loaded for the first time since the server started (it reads the atlas then)."""
    tabs = {}
    for kind, server in apps.items():
        tabs[kind], ms = open_tab(browser, kind, server.url + "/", ATLAS_LOAD_TIMEOUT_MS)
        results.record(atlas.label, kind, "first_load_ms", ms, "ms")
        results.record(atlas.label, kind, "rss_1_session_mb", server.rss_mb(), "MB")
        log(f"  {kind}: first load {ms:.0f} ms")
    return tabs


def memory_with_sessions(browser, apps: dict[str, Server], sessions: int, results: Results, log: Log) -> None:
    """The explorer's and the floor's memory with `sessions` open sessions (the first load's and more)."""
    for kind in ("ours", "floor"):
        server = apps[kind]
        rss1 = results.get("real", kind, "rss_1_session_mb")
        extra = [start_tab(browser, kind, server.url + "/") for _ in range(sessions - 1)]
        for tab in extra:  # all loading at once, then each waited for
            loaded(tab, ATLAS_LOAD_TIMEOUT_MS)
        time.sleep(2.0)
        rss_n = server.rss_mb()
        for tab in extra:
            tab.close()
        results.record("real", kind, f"rss_{sessions}_sessions_mb", rss_n, "MB")
        log(f"  {kind}: RSS {rss1:.0f} MB with 1 session, {rss_n:.0f} MB with {sessions}")


def clicks(tabs: dict[str, Tab], atlas: BenchAtlas, n: int, results: Results, log: Log) -> None:
    for kind, series in click_series(tabs, atlas.positions, n, log).items():
        s = results.add_clicks(atlas.label, kind, series)
        log(f"  {kind}: {s['clicks']} clicks on {s['distinct']} points: card median {s['card_median_ms']:.0f} ms, "
            f"p90 {s['card_p90_ms']:.0f} ms; {s['bytes_per_click']:.0f} B per click "
            f"({s['wire_bytes_per_click']:.0f} B on the wire)")


def filter_changes(tabs: dict[str, Tab], atlas: BenchAtlas, n: int, results: Results, log: Log) -> None:
    """n changes of the "Body region" select box in the explorer and the floor."""
    regions = atlas.regions
    for kind in ("ours", "floor"):
        changes = [change_filter(tabs[kind], regions[i % len(regions)]) for i in range(n)]
        results.record("real", kind, "bytes_per_filter_change", med([c.bytes for c in changes]), "B")
        results.record("real", kind, "wire_bytes_per_filter_change", med([c.wire_bytes for c in changes]), "B")
        results.record("real", kind, "filter_to_last_frame_median_ms", med([c.last_frame_ms for c in changes]), "ms")
        results.bytes_detail[f"filter real {kind}"] = breakdown([c.frames for c in changes])
        log(f"  {kind}: {med([c.bytes for c in changes]):.0f} B per filter change, last frame after "
            f"{med([c.last_frame_ms for c in changes]):.0f} ms")


def cold_loads(browser, apps: dict[str, Server], n: int, results: Results, log: Log) -> None:
    """n loads of each app in a fresh browser context, interleaved."""
    times: dict[str, list[float]] = {"ours": [], "floor": []}
    for _ in range(n):
        for kind, values in times.items():
            tab, ms = open_tab(browser, kind, apps[kind].url + "/")
            values.append(ms)
            results.record("real", kind, "cold_load_bytes", tab.wire.total, "B")
            tab.close()
    for kind, values in times.items():
        results.record("real", kind, "cold_load_median_ms", med(values), "ms")
        log(f"  {kind}: cold load median {med(values):.0f} ms over {len(values)} ({', '.join(f'{v:.0f}' for v in values)})")


def measure_real_atlas(browser, atlas: BenchAtlas, args, results: Results, log_dir: Path, log: Log) -> None:
    """Every measurement, on the shipped atlas."""
    log(f"real atlas: {atlas.points} points, {len(atlas.positions)} markers on the {VIEW} view")
    apps = start_apps(atlas, log_dir, args.variants)
    try:
        tabs = first_loads(browser, apps, atlas, results, log)
        memory_with_sessions(browser, apps, args.sessions, results, log)
        clicks(tabs, atlas, args.clicks, results, log)
        filter_changes(tabs, atlas, args.filters, results, log)
        for tab in tabs.values():
            tab.close()
        cold_loads(browser, apps, args.loads, results, log)
    finally:
        stop_apps(apps)


def measure_generated_atlas(browser, n: int, real: BenchAtlas, args, results: Results, work: Path, log_dir: Path,
                            log: Log) -> None:
    """The click measurement again, on a generated atlas of n points."""
    if n <= real.points:  # the whole atlas is already this big: its own clicks stand for this size
        results.stand_in[str(n)] = "real"
        log(f"atlas {n}: the real atlas has {real.points} points; its clicks above stand for {n}")
        return
    if (atlas := synthetic_atlas(n, work, log)) is None:
        return
    apps = start_apps(atlas, log_dir, args.variants)
    try:
        tabs = first_loads(browser, apps, atlas, results, log)
        clicks(tabs, atlas, args.size_clicks or args.clicks, results, log)
        for tab in tabs.values():
            tab.close()
    finally:
        stop_apps(apps)


def profiles(browser, real: BenchAtlas, args, results: Results, work: Path, log_dir: Path, log: Log) -> None:
    """`--profile`: pyinstrument profiles on the real atlas and the largest generated one (already written)."""
    for label in ["real"] + ([str(max(args.sizes))] if args.sizes else []):
        atlas = real if label == "real" else prepare_atlas(label, work / f"atlas-{label}", work)
        profile(browser, atlas, work, log_dir, RESULTS, log)
        results.bytes_detail[f"figure JSON {label}"] = spec_sizes(atlas)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if problem := missing_chromium():
        print(problem, file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    log = Log()
    if args.profile_only:
        return profile_only(args.sizes, RESULTS, log)
    log_dir = RESULTS / "logs"
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir()
    results = Results(args.sessions)
    log_versions(results, log)
    work = Path(tempfile.mkdtemp(prefix="meridian-bench-"))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(**LAUNCH)
            real = prepare_atlas("real", None, work)
            measure_real_atlas(browser, real, args, results, log_dir, log)
            for n in args.sizes:
                measure_generated_atlas(browser, n, real, args, results, work, log_dir, log)
            if args.profile:
                profiles(browser, real, args, results, work, log_dir, log)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.write(results, args.sizes, RESULTS)
    report.show(results, args.sizes, args.variants)
    if args.sizes and max(args.sizes) > max_codes():
        print(f"  note: {max(args.sizes)} points exceed the {max_codes()} codes the point-code pattern allows with the "
              "14 meridians + EX; the generator added meridians of kind 'extra' (see bench/generate.py).")
    print(f"\nwrote {RESULTS / 'results.csv'}, clicks.csv, bytes_breakdown.json, main_thread_breakdown.json, "
          f"results.html" + (", profile-*.txt" if args.profile else "") + f" in {log.elapsed():.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
