"""The explorer's script runs under pyinstrument (`python -m bench --profile`), and its chart's JSON by part."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.apps import VIEW, BenchAtlas, explorer_server, prepare_atlas
from bench.generate import generate
from bench.page import ATLAS_LOAD_TIMEOUT_MS, change_filter, open_tab
from harness.browser import LAUNCH
from meridians.draw.body_images import served_image
from meridians.draw.chart import spec
from meridians.load import DATA_DIR, load_atlas


def profile(browser, atlas: BenchAtlas, work: Path, log_dir: Path, results_dir: Path, log, filters: int = 3) -> dict[str, Path]:
    """Profiles of the page load and of filter changes, each as two text files (tree and flat). A click reruns
    only the chart and the card (a fragment), which a profiler around the script does not see: `python -m
    bench.steps` times what such a run does with the chart."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    prof_dir = work / f"profile-{atlas.label}"
    server = explorer_server(atlas, log_dir, "profiled", "bench/profiled_explorer.py",
                             env={"BENCH_PROFILE_DIR": str(prof_dir)})
    written: dict[str, Path] = {}

    def collect(phase: str) -> None:
        files = sorted(prof_dir.glob("run-*.pyisession"))
        if not files:
            return
        session = None
        for f in files:
            s = Session.load(str(f))
            session = s if session is None else Session.combine(session, s)
            f.unlink()
        for flat in (False, True):
            text = ConsoleRenderer(unicode=False, color=False, flat=flat, short_mode=False,
                                   processor_options={"filter_threshold": 0.01}).render(session)
            name = f"{phase}{'-flat' if flat else ''}"
            path = results_dir / f"profile-{atlas.label}-{name}.txt"
            path.write_text(f"{len(files)} script runs combined\n" + text, encoding="utf-8")
            written[name] = path
        log(f"    profile {phase}: {len(files)} runs, {session.duration / len(files) * 1000:.0f} ms wall per run")

    with server:
        tab, _ = open_tab(browser, "ours", server.url + "/", ATLAS_LOAD_TIMEOUT_MS)
        time.sleep(0.5)
        collect("load")
        for name in atlas.regions[:filters]:
            change_filter(tab, name)
        time.sleep(0.5)
        collect("filter")
        tab.close()
    return written


def spec_sizes(atlas: BenchAtlas) -> dict[str, int]:
    """Bytes of the explorer's figure JSON by part, with a point ringed (what the chart sends)."""
    d = spec(load_atlas(atlas.data_dir or DATA_DIR), VIEW, served_image(VIEW), selected=atlas.positions[0].code,
             legend=False)
    sizes: dict[str, int] = defaultdict(int)
    for tr in d["data"]:
        for key, value in tr.items():
            sizes[f"data[].{key}"] += len(json.dumps(value, separators=(",", ":")))
    sizes["layout"] = len(json.dumps(d["layout"], separators=(",", ":")))
    sizes["total"] = len(json.dumps(d, separators=(",", ":")))
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))


def profile_only(sizes: list[int], results_dir: Path, log) -> int:
    """`--profile-only`: the profiles of the real atlas and of the largest generated one, and their figure sizes."""
    log_dir = results_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="meridian-bench-"))
    detail: dict[str, dict] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(**LAUNCH)
            for label in ["real"] + ([str(max(sizes))] if sizes else []):
                data_dir = None if label == "real" else generate(int(label), work / f"atlas-{label}").data_dir
                atlas = prepare_atlas(label, data_dir, work)
                log(f"profiling the explorer on the {label} atlas")
                for name, path in profile(browser, atlas, work, log_dir, results_dir, log).items():
                    log(f"    {name}: {path}")
                detail[f"figure JSON {label}"] = spec_sizes(atlas)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (results_dir / "figure_sizes.json").write_text(json.dumps(detail, indent=1))
    for name, parts in detail.items():
        print(f"  {name}: " + ", ".join(f"{k} {v / 1000:.1f} kB" for k, v in parts.items()))
    return 0
