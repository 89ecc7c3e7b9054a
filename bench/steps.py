"""Where the explorer's server time goes on a run, step by step, in-process (no server, no browser).

    python -m bench.steps                 # the real atlas and a generated one of 5,000 points
    python -m bench.steps --sizes 1500

For each atlas it times (median of a few repeats) what a script run does with the chart, in the order it
happens: the chart's spec built (meridians.draw.chart.spec: only when the view or the filters are new to the
process, as ui/chartview.py keeps the specs it built), `plotly.io.to_json` of it (st.plotly_chart, every run),
hashing the JSON twice (the element's id and the message's hash, every run), and the "Point" select box's
labels. Then it shows how big the chart's JSON would be with some changes to it (computed on the JSON; the
app is not changed). Writes bench/results/steps.json.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import plotly.io as pio

from bench.generate import generate
from harness.server import ROOT
from meridians.draw.body_images import served_image
from meridians.draw.chart import spec
from meridians.load import DATA_DIR, load_atlas
from meridians.query import listed_as

RESULTS = ROOT / "bench" / "results"
VIEW = "posterior"


def timed(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def _compact(obj) -> int:
    return len(json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode())


def no_hover_names(d: dict) -> None:
    """The hover shows the code only (the names are on the card)."""
    for tr in d["data"]:
        tr.pop("text", None)
        if "hovertemplate" in tr:
            tr["hovertemplate"] = "<b>%{customdata[0]}</b><extra></extra>"


WHAT_IF = {"hover names removed (code only)": no_hover_names}


def what_if_sizes(d: dict) -> dict[str, int]:
    """Bytes of the chart's JSON as sent, and with each change of WHAT_IF."""
    out = {"as sent": _compact(d)}
    for name, change in WHAT_IF.items():
        changed = copy.deepcopy(d)
        change(changed)
        out[name] = _compact(changed)
    return out


def measure(name: str, data_dir: Path, repeats: int) -> dict:
    t = time.perf_counter()
    atlas = load_atlas(data_dir)
    parse_ms = (time.perf_counter() - t) * 1000
    code = atlas.positions_in(VIEW)[0].code
    source = served_image(VIEW)
    steps: dict[str, float] = {}
    steps["spec() builds the chart (a view or filters new to the process)"], d = timed(
        lambda: spec(atlas, VIEW, source, selected=code, legend=False), repeats)
    steps["st.plotly_chart: plotly.io.to_json"], as_json = timed(lambda: pio.to_json(d, validate=False), repeats)
    steps["md5 of the JSON, twice (element id, message hash)"], _ = timed(
        lambda: [hashlib.md5(as_json.encode()).hexdigest() for _ in range(2)], repeats)
    steps["select box: a label per point"], labels = timed(lambda: [listed_as(p) for p in atlas.points.values()], repeats)
    every_run = sum(v for k, v in steps.items() if not k.startswith("spec()"))
    return {
        "atlas": name, "points": len(atlas.points), "markers on the view": len(atlas.positions_in(VIEW)),
        "parse and check the atlas (first run only), ms": round(parse_ms),
        "steps, ms": {k: round(v, 1) for k, v in steps.items()},
        "every run (all but spec()), ms": round(every_run, 1),
        "chart JSON bytes": len(as_json.encode()),
        "select box labels bytes": sum(len(s.encode()) for s in labels),
        "chart JSON bytes, what if": what_if_sizes(d),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.steps", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000", help="synthetic atlas sizes besides the real one")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    rows = [measure("real", DATA_DIR, args.repeats)]
    with tempfile.TemporaryDirectory(prefix="meridian-steps-") as tmp:
        for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
            rows.append(measure(str(n), generate(n, Path(tmp) / f"atlas-{n}").data_dir, args.repeats))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "steps.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    for r in rows:
        print(f"\n== {r['atlas']} atlas: {r['points']} points, {r['markers on the view']} markers on the {VIEW} view ==")
        print(f"  parse and check (first run only): {r['parse and check the atlas (first run only), ms']} ms")
        for k, v in r["steps, ms"].items():
            print(f"  {k:64} {v:8.1f} ms")
        print(f"  {'every run':64} {r['every run (all but spec()), ms']:8.1f} ms")
        print(f"  chart JSON {r['chart JSON bytes'] / 1000:.1f} kB; select box labels {r['select box labels bytes'] / 1000:.1f} kB")
        for k, v in r["chart JSON bytes, what if"].items():
            print(f"    {k:40} {v / 1000:8.1f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
