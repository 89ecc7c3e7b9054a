"""The phone profile: the explorer and the floor on a phone's screen, CPU and network, ours also through the
deployment's proxy (deploy/). Never part of the test pass; it asserts nothing.

    python -m bench.phone            # 3 cold loads per app and way of serving, 15 clicks per app
    python -m bench.phone --quick    # 1 cold load each, 8 clicks

Chromium's DevTools emulate the phone: 4x slower CPU (Emulation.setCPUThrottlingRate), slow 4G as
Lighthouse's mobile preset has it (Network.emulateNetworkConditions: 1.6 Mbit/s down, 675 kbit/s up, 150 ms
round trip) and a phone's viewport with touch. A load is in a fresh context (an empty cache) on
`/?view=lower_back&point=BL23`, a shared link: timed from the navigation to the chart's first marker and to
the first card (the floor: its "Clicked:" line). Every server first serves one page unthrottled, so the
atlas is read before the timing starts. Writes bench/results/phone.csv and phone_clicks.csv.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.apps import prepare_atlas, start_apps, stop_apps
from bench.page import ATLAS_LOAD_TIMEOUT_MS, Tab, click_series, loaded, med, open_tab, start_tab, summarize_clicks
from bench.run import RESULTS, Log, log_versions
from deploy.proxy import Proxy, write_frontend
from harness.browser import IDLE, LAUNCH, missing_chromium

VIEW = "lower_back"
LINK = f"/?view={VIEW}&point=BL23"
# Lighthouse's mobile preset (a Moto G Power) and its slow 4G.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
CPU_SLOWDOWN = 4
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1638.4 * 1000 / 8,
           "uploadThroughput": 675 * 1000 / 8}
LOAD_TIMEOUT_MS = 240_000
# The first card in the page, as ARM_JS recognises a card (ours: its h3; the floor: its line).
CARD_JS = """kind => { const b = window.__bench; if (b.card) return true;
  const found = kind !== 'floor'
    ? [...document.querySelectorAll("[data-testid='stMain'] h3")].some(h => h.textContent.startsWith('BL23 ·'))
    : [...document.querySelectorAll("[data-testid='stText']")].some(e => e.textContent.startsWith('Clicked:'));
  if (found) b.card = performance.now();
  return found; }"""


def throttle(tab: Tab) -> None:
    """The phone's CPU and network, for this tab; and the bytes its loads take on the wire (HTTP, with headers)."""
    cdp = tab.context.new_cdp_session(tab.page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    tab.http_bytes = 0
    cdp.on("Network.loadingFinished", lambda e: setattr(tab, "http_bytes", tab.http_bytes + e["encodedDataLength"]))


def phone_load(browser, kind: str, base: str) -> tuple[Tab, dict[str, float]]:
    """A cold load of the shared link on the phone: ms to the first marker and to the first card, bytes."""
    tab = start_tab(browser, kind, base + LINK, LOAD_TIMEOUT_MS, PHONE, throttle)
    tab.url = base  # the server's, for the bytes on the wire
    markers = loaded(tab, LOAD_TIMEOUT_MS)
    tab.page.wait_for_function(CARD_JS, arg="floor" if kind.startswith("floor") else "ours", timeout=LOAD_TIMEOUT_MS,
                               polling=50)
    tab.page.wait_for_selector(IDLE, timeout=LOAD_TIMEOUT_MS)
    card = tab.page.evaluate("() => window.__bench.card")
    return tab, {"markers_ms": markers, "card_ms": max(card, markers), "http_bytes": tab.http_bytes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.phone", description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=3, help="cold loads per app and way of serving")
    parser.add_argument("--clicks", type=int, default=15, help="clicks per app on the phone")
    parser.add_argument("--quick", action="store_true", help="1 load each, 8 clicks")
    args = parser.parse_args(argv)
    if args.quick:
        args.loads, args.clicks = 1, 8
    if problem := missing_chromium():
        print(problem, file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    log_dir = RESULTS / "logs"
    log_dir.mkdir(exist_ok=True)
    log = Log()
    rows: list[dict] = []

    def record(app: str, metric: str, value: float, unit: str = "") -> None:
        rows.append({"profile": "phone", "app": app, "metric": metric, "value": value, "unit": unit})

    class Recorder:  # what log_versions needs of bench.report.Results
        def record(self, atlas, app, metric, value, unit=""):
            record("run", metric, value, unit)

    log_versions(Recorder(), log)
    work = Path(tempfile.mkdtemp(prefix="meridian-phone-"))
    try:
        atlas = prepare_atlas("real", None, work, VIEW)
        apps = start_apps(atlas, log_dir, [])
        try:
            frontend = write_frontend(work / "frontend")  # one precompressed copy for both proxies
            with Proxy(work / "proxy-ours", [f"127.0.0.1:{apps['ours'].port}"], frontend) as proxy_ours, \
                    Proxy(work / "proxy-floor", [f"127.0.0.1:{apps['floor'].port}"], frontend) as proxy_floor, \
                    sync_playwright() as pw:
                browser = pw.chromium.launch(**LAUNCH)
                bases = {"ours": apps["ours"].url, "floor": apps["floor"].url,
                         "ours_proxy": proxy_ours.url, "floor_proxy": proxy_floor.url}
                for kind in ("ours", "floor"):  # each server reads the atlas at its first page, unthrottled
                    tab, _ = open_tab(browser, kind, bases[kind] + LINK, ATLAS_LOAD_TIMEOUT_MS)
                    tab.close()
                loads: dict[str, list[dict]] = {k: [] for k in bases}
                tabs: dict[str, Tab] = {}
                for i in range(args.loads):
                    for kind, base in bases.items():
                        tab, load = phone_load(browser, kind, base)
                        loads[kind].append(load)
                        log(f"  {kind}: load {i + 1}: first marker {load['markers_ms']:.0f} ms, card "
                            f"{load['card_ms']:.0f} ms, {load['http_bytes'] / 1e6:.2f} MB over HTTP")
                        if i == args.loads - 1 and kind in ("ours", "floor"):
                            tabs[kind] = tab
                        else:
                            tab.close()
                for kind, values in loads.items():
                    for metric in ("markers_ms", "card_ms", "http_bytes"):
                        record(kind, f"cold_{metric}", med([v[metric] for v in values]),
                               "B" if metric == "http_bytes" else "ms")
                series = click_series(tabs, atlas.positions, args.clicks, log)
                clicks_out = []
                for kind, clicks in series.items():
                    s = summarize_clicks(clicks)
                    for metric in ("card_median_ms", "card_p90_ms", "main_thread_busy_median_ms", "main_thread_cpu_median_ms",
                                   "wire_bytes_per_click"):
                        record(kind, metric, s[metric], "ms" if metric.endswith("_ms") else "B")
                    log(f"  {kind}: {s['clicks']} clicks: card median {s['card_median_ms']:.0f} ms, p90 "
                        f"{s['card_p90_ms']:.0f} ms, main thread busy {s['main_thread_busy_median_ms']:.0f} ms")
                    clicks_out += [(kind, c.code, c.card_ms, c.busy_ms) for c in clicks]
                for tab in tabs.values():
                    tab.close()
                browser.close()
        finally:
            stop_apps(apps)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(rows, clicks_out)
    return 0


def ratio(rows: list[dict], a: str, b: str, metric: str) -> float:
    get = {(r["app"], r["metric"]): r["value"] for r in rows}
    return get.get((a, metric), float("nan")) / get.get((b, metric), float("nan"))


# (what, ours, against, metric, limit)
TARGETS = (
    ("phone: click to card median, ours/floor", "ours", "floor", "card_median_ms", 1.0),
    ("phone: cold load to the first marker, ours/floor, both direct", "ours", "floor", "cold_markers_ms", 1.15),
    ("phone: cold load to the first card, ours/floor, both direct", "ours", "floor", "cold_card_ms", 1.15),
    ("phone: cold load to the first marker, ours through the proxy / floor direct", "ours_proxy", "floor",
     "cold_markers_ms", 0.5),
    ("phone: cold load to the first card, ours through the proxy / floor direct", "ours_proxy", "floor",
     "cold_card_ms", 0.5),
    ("phone: HTTP bytes of a cold load, ours through the proxy / direct", "ours_proxy", "ours", "cold_http_bytes", None),
    ("phone: cold load to the first card, floor through the proxy / direct", "floor_proxy", "floor", "cold_card_ms", None),
)


def report(rows: list[dict], clicks: list[tuple]) -> None:
    ratios = [(name, limit, ratio(rows, a, b, metric)) for name, a, b, metric, limit in TARGETS]
    rows = rows + [{"profile": "phone", "app": "ratio", "metric": name, "value": value,
                    "unit": "" if limit is None else f"limit {limit}"} for name, limit, value in ratios]
    with (RESULTS / "phone.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["profile", "app", "metric", "value", "unit"])
        writer.writeheader()
        writer.writerows(rows)
    with (RESULTS / "phone_clicks.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["app", "code", "card_ms", "main_thread_busy_ms"])
        writer.writerows([(k, c, f"{ms:.1f}", f"{busy:.1f}") for k, c, ms, busy in clicks])
    print("\nphone profile (4x CPU, slow 4G, 412x823 with touch), ratios:")
    for name, limit, value in ratios:
        verdict = "" if limit is None else ("PASS" if value <= limit else "FAIL")
        print(f"  {name}: {value:.2f}" + ("" if limit is None else f" (limit {limit}) {verdict}"))
    print(f"wrote {RESULTS / 'phone.csv'} and phone_clicks.csv")


if __name__ == "__main__":
    sys.exit(main())
