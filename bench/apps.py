"""What the benchmark serves: the explorer, its floor and its variants, on the real atlas or a generated one."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.generate import generate
from harness.server import ROOT, Server
from meridians.draw.body_images import served_image
from meridians.draw.chart import plot_height
from meridians.load import DATA_DIR, load_atlas

VIEW = "posterior"  # the explorer's default view
# Copies of the explorer that each change one thing, to put a number on it (--variants): name -> entry script.
VARIANTS = {"noentries": "bench/noentries_app.py"}
# The floor is a bare Streamlit app: it runs from bench/, away from the app's .streamlit/config.toml (a setting
# the app changes must not change the floor), with these on the command line instead. Static serving is what
# it needs for the body image (bench/static links to assets/); no file watching, as in the app.
FLOOR_FLAGS = ("--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", "--server.enableStaticServing", "true")


@dataclass
class BenchAtlas:
    """An atlas as the benchmark uses it: its markers on VIEW, and the same points written for the floor."""

    label: str  # "real" or the point count
    data_dir: Path | None  # None: the shipped data/
    points: int
    positions: list  # VIEW's positions, in atlas order
    floor_json: Path
    note: str = ""

    @property
    def regions(self) -> list[str]:
        """The "Body region" options, as both apps name them."""
        return list(json.loads(self.floor_json.read_text())["regions"].values())


def prepare_atlas(label: str, data_dir: Path | None, work: Path, view_id: str = VIEW) -> BenchAtlas:
    atlas = load_atlas(data_dir or DATA_DIR)
    view = atlas.views[view_id]
    positions = list(atlas.positions_in(view_id))
    spec = {
        "image": served_image(view_id), "size": list(view.size), "height": plot_height(view),
        "regions": {r.id: r.name for r in atlas.regions.values()},
        "points": [[p.code, p.x, p.y, atlas.points[p.code].region] for p in positions],
    }
    path = work / f"floor-{label}{'' if view_id == VIEW else '-' + view_id}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return BenchAtlas(label, data_dir, len(atlas.points), positions, path)


def synthetic_atlas(n: int, work: Path, log) -> BenchAtlas | None:
    """A generated atlas of n points (bench/generate.py), validated as the app's data must be; None if invalid."""
    g = generate(n, work / f"atlas-{n}")
    # The validation runs beside the benchmark's own reading of the atlas (2 cores).
    check = subprocess.Popen([sys.executable, "-m", "meridians", "validate", str(g.data_dir)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        atlas = prepare_atlas(str(n), g.data_dir, work)
        out, _ = check.communicate(timeout=300)
    finally:
        if check.poll() is None:
            check.kill()
            check.wait()
    if check.returncode != 0:
        log(f"atlas {n}: INVALID, skipped:\n{out[-2000:]}")
        return None
    if g.extra_meridians:
        atlas.note = (f"{n} points exceed the codes the 14 meridians (up to their WHO counts) + EX leave; "
                      f"{len(g.extra_meridians)} extra-kind meridians added ({g.extra_meridians[0]}..{g.extra_meridians[-1]})")
    log(f"atlas {n}: {out.strip()}" + (f"\n    NOTE: {atlas.note}" if atlas.note else ""))
    return atlas


def explorer_server(atlas: BenchAtlas, log_dir: Path, name: str = "ours", entry: str = "explorer.py",
                    env: dict[str, str] | None = None) -> Server:
    return Server(log_dir / f"{name}-{atlas.label}.log", entry, data_dir=atlas.data_dir, env=env)


def floor_server(atlas: BenchAtlas, log_dir: Path) -> Server:
    return Server(log_dir / f"floor-{atlas.label}.log", "floor_app.py", env={"BENCH_FLOOR_POINTS": str(atlas.floor_json)},
                  flags=FLOOR_FLAGS, cwd=ROOT / "bench")


def start_apps(atlas: BenchAtlas, log_dir: Path, variants: list[str]) -> dict[str, Server]:
    """The explorer, the floor and the variants on `atlas`, started together, each answering."""
    apps = {"ours": explorer_server(atlas, log_dir), "floor": floor_server(atlas, log_dir)}
    for name in variants:
        apps[name] = explorer_server(atlas, log_dir, name, VARIANTS[name])
    for server in apps.values():
        server.start()
    try:
        for server in apps.values():
            server.wait_healthy()
    except BaseException:
        stop_apps(apps)
        raise
    return apps


def stop_apps(apps: dict[str, Server]) -> None:
    for server in apps.values():
        server.stop()
