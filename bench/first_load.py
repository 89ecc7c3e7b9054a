"""What a first load sends, ours against the floor: every HTTP response by file and the websocket's
messages by kind, counted in Chromium (bytes on the wire; the websocket's as inflated payload).

    python -m bench.first_load      # the explorer's default link and the floor; writes bench/results/first_load.json
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.apps import prepare_atlas, start_apps, stop_apps
from bench.frames import breakdown
from bench.page import ATLAS_LOAD_TIMEOUT_MS, loaded, start_tab
from bench.run import RESULTS
from harness.browser import LAUNCH, missing_chromium


def first_load(browser, kind: str, url: str) -> dict:
    sizes: dict[str, int] = defaultdict(int)

    def setup(tab) -> None:
        cdp = tab.context.new_cdp_session(tab.page)
        cdp.send("Network.enable")
        urls: dict[str, str] = {}
        cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))

        def done(e) -> None:
            name = re.sub(r"\?.*", "", urls.get(e["requestId"], "?").split("/", 3)[-1])
            sizes[re.sub(r"\.[A-Za-z0-9_-]{8}\.(js|css|woff2)$", r".\1", name)] += int(e["encodedDataLength"])
        cdp.on("Network.loadingFinished", done)

    tab = start_tab(browser, kind, url, ATLAS_LOAD_TIMEOUT_MS, setup=setup)
    tab.wire.keep()
    loaded(tab, ATLAS_LOAD_TIMEOUT_MS)
    frames, _ = tab.wire.release()
    tab.close()
    return {"http_bytes": sum(sizes.values()), "http": dict(sorted(sizes.items(), key=lambda kv: -kv[1])),
            "websocket_bytes": sum(len(f) for f in frames), "websocket": breakdown([frames])}


def main() -> int:
    if problem := missing_chromium():
        print(problem, file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "logs").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="meridian-first-load-"))
    out: dict[str, dict] = {}
    try:
        apps = start_apps(prepare_atlas("real", None, work), RESULTS / "logs", [])
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(**LAUNCH)
                for kind in ("ours", "floor"):
                    first_load(browser, kind, apps[kind].url + "/")  # the server reads the atlas
                    out[kind] = first_load(browser, kind, apps[kind].url + "/")
                browser.close()
        finally:
            stop_apps(apps)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (RESULTS / "first_load.json").write_text(json.dumps(out, indent=1))
    for kind, load in out.items():
        print(f"{kind}: {load['http_bytes'] / 1e3:.0f} kB over HTTP in {len(load['http'])} files, "
              f"{load['websocket_bytes'] / 1e3:.0f} kB of websocket payload")
    ours, floor = out["ours"]["http"], out["floor"]["http"]
    print("HTTP files only ours loads, or larger in ours (kB):")
    for name, size in ours.items():
        if size - floor.get(name, 0) > 2000:
            print(f"  {name}: {size / 1e3:.0f} (floor {floor.get(name, 0) / 1e3:.0f})")
    print("websocket payload by message kind, ours (floor), kB:")
    for name, size in list(out["ours"]["websocket"].items())[:10]:
        print(f"  {name}: {size / 1e3:.1f} ({out['floor']['websocket'].get(name, 0) / 1e3:.1f})")
    print(f"wrote {RESULTS / 'first_load.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
