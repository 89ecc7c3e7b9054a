"""Lighthouse (mobile, its default) on the explorer and the floor served directly, and on the explorer
through the deployment's proxy (deploy/). Never part of the test pass; it asserts nothing.

    python -m bench.lighthouse           # installs lighthouse@12.2.3 into bench/.node the first time (npm)

Lighthouse runs Debian's chromium and simulates a mid-range phone on slow 4G from an unthrottled load
(its "simulate" method). Writes each report as bench/results/lighthouse-<name>.json, and lighthouse.csv:
performance and accessibility scores, largest contentful paint, total blocking time, layout shift, and the
accessibility audits that failed.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.apps import prepare_atlas, start_apps, stop_apps
from bench.page import ATLAS_LOAD_TIMEOUT_MS, open_tab
from bench.run import RESULTS, Log, log_versions
from deploy.proxy import Proxy
from harness.browser import CHROMIUM, CHROMIUM_ARGS, LAUNCH, missing_chromium
from harness.server import ROOT

VERSION = "12.2.3"  # the newest that runs on Node 20 (13 wants Node 22)
NODE_DIR = ROOT / "bench" / ".node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
VIEW = "lower_back"
PATHS = {"ours": f"/?view={VIEW}", "floor": "/", "ours_proxy": f"/?view={VIEW}"}
METRICS = {"largest-contentful-paint": "lcp_ms", "total-blocking-time": "tbt_ms", "cumulative-layout-shift": "cls",
           "first-contentful-paint": "fcp_ms", "speed-index": "speed_index_ms"}


def install(log) -> None:
    """lighthouse@VERSION into bench/.node (git-ignored), once: neither the app nor the tests need it."""
    if LIGHTHOUSE.exists():
        return
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    if not (NODE_DIR / "package.json").exists():
        (NODE_DIR / "package.json").write_text('{"private": true}\n')
    log(f"installing lighthouse@{VERSION} into {NODE_DIR}")
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--save-exact", f"lighthouse@{VERSION}"],
                   cwd=NODE_DIR, check=True)


def audit(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=performance,accessibility", f"--chrome-flags={flags}", "--max-wait-for-load=120000"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
    report = json.loads(out.read_text())
    row = {"performance": report["categories"]["performance"]["score"] * 100,
           "accessibility": report["categories"]["accessibility"]["score"] * 100}
    for audit_id, name in METRICS.items():
        row[name] = report["audits"][audit_id]["numericValue"]
    acc = report["categories"]["accessibility"]["auditRefs"]
    row["accessibility_failed"] = " ".join(ref["id"] for ref in acc
                                           if report["audits"][ref["id"]].get("score") not in (None, 1))
    return row


def main() -> int:
    if problem := missing_chromium():
        print(problem, file=sys.stderr)
        return 2
    log = Log()
    install(log)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "logs").mkdir(exist_ok=True)
    meta: list[dict] = []

    class Recorder:
        def record(self, atlas, app, metric, value, unit=""):
            meta.append({"app": "run", "metric": metric, "value": value})

    log_versions(Recorder(), log)
    work = Path(tempfile.mkdtemp(prefix="meridian-lighthouse-"))
    rows: dict[str, dict] = {}
    try:
        atlas = prepare_atlas("real", None, work, VIEW)
        apps = start_apps(atlas, RESULTS / "logs", [])
        try:
            with Proxy(work / "proxy", [f"127.0.0.1:{apps['ours'].port}"]) as proxy:
                from playwright.sync_api import sync_playwright

                with sync_playwright() as pw:  # each server reads the atlas at its first page
                    browser = pw.chromium.launch(**LAUNCH)
                    for kind in ("ours", "floor"):
                        open_tab(browser, kind, apps[kind].url + PATHS[kind], ATLAS_LOAD_TIMEOUT_MS)[0].close()
                    browser.close()
                bases = {"ours": apps["ours"].url, "floor": apps["floor"].url, "ours_proxy": proxy.url}
                for name, base in bases.items():
                    rows[name] = audit(base + PATHS[name], RESULTS / f"lighthouse-{name}.json")
                    r = rows[name]
                    log(f"  {name}: performance {r['performance']:.0f}, accessibility {r['accessibility']:.0f}, LCP "
                        f"{r['lcp_ms'] / 1000:.1f} s, TBT {r['tbt_ms'] / 1000:.2f} s, CLS {r['cls']:.3f}"
                        + (f"; failed: {r['accessibility_failed']}" if r["accessibility_failed"] else ""))
        finally:
            stop_apps(apps)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    checks = [
        ("total blocking time, ours/floor (at most 1)", rows["ours"]["tbt_ms"] / rows["floor"]["tbt_ms"], 1.0),
        ("accessibility score, ours (100)", rows["ours"]["accessibility"], None),
        ("LCP, ours through the proxy / floor direct (at most 0.5)", rows["ours_proxy"]["lcp_ms"] / rows["floor"]["lcp_ms"], 0.5),
    ]
    with (RESULTS / "lighthouse.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["app", "metric", "value"])
        writer.writeheader()
        writer.writerows(meta)
        for name, row in rows.items():
            writer.writerows({"app": name, "metric": k, "value": v} for k, v in row.items())
        writer.writerows({"app": "ratio", "metric": what, "value": value} for what, value, _ in checks)
    print("\nLighthouse, mobile:")
    for what, value, limit in checks:
        ok = value >= 100 if limit is None else value <= limit
        print(f"  {what}: {value:.2f} {'PASS' if ok else 'FAIL'}")
    print(f"wrote {RESULTS / 'lighthouse.csv'} and lighthouse-*.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
