"""Where the explorer's server time and bytes go on a click, step by step, in-process (no server, no browser).

    python -m bench.steps                 # the real atlas and a generated one of 5,000 points
    python -m bench.steps --sizes 1500

For each atlas it times (median of a few repeats) what one script run after a click does with the chart,
in the order Streamlit does it: build the figure (meridians.draw.chart.chart), st.plotly_chart's
`return_figure_from_figure_or_data` (to_dict) and `plotly.io.to_json`, hashing the spec (element id and
message hash), and the "Point" select box's labels. Then it shows how big the chart spec would be with
some changes to the figure (what-if sizes, computed on the JSON; the app is not changed), and what a run
costs when the figure object is reused instead of rebuilt. Writes bench/results/steps.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import plotly.io as pio  # noqa: E402
import plotly.tools  # noqa: E402

from bench.generate import generate  # noqa: E402
from meridians.draw.body_images import served_image  # noqa: E402
from meridians.draw.chart import chart  # noqa: E402
from meridians.load import DATA_DIR, load_atlas  # noqa: E402
from meridians.query import label, matching  # noqa: E402

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


def what_if_sizes(spec: dict) -> dict[str, int]:
    """Bytes of the spec with one change at a time, and all of them together."""
    import copy

    def no_template(d):
        d["layout"].pop("template", None)

    def no_hover_names(d):  # hover shows the code only; the names are on the card
        for tr in d["data"]:
            tr.pop("text", None)

    def scalar_markers(d):  # one value per trace where every point has the same value
        for tr in d["data"]:
            m = tr.get("marker", {})
            for key in ("size", "opacity"):
                if isinstance(m.get(key), list) and len(set(m[key])) == 1:
                    m[key] = m[key][0]
            line = m.get("line", {})
            for key in ("color", "width"):
                if isinstance(line.get(key), list) and len(set(line[key])) == 1:
                    line[key] = line[key][0]

    def rounded_xy(d):  # whole pixels of a 600 x 1200 image
        for tr in d["data"]:
            for key in ("x", "y"):
                if isinstance(tr.get(key), list):
                    tr[key] = [round(v) if isinstance(v, (int, float)) else v for v in tr[key]]

    changes = {"template removed": no_template, "hover names removed (code only)": no_hover_names,
               "uniform marker arrays as scalars": scalar_markers, "x, y rounded to whole pixels": rounded_xy}
    out = {"as sent": _compact(spec)}
    for name, change in changes.items():
        d = copy.deepcopy(spec)
        change(d)
        out[name] = _compact(d)
    d = copy.deepcopy(spec)
    for change in changes.values():
        change(d)
    out["all four"] = _compact(d)
    return out


def measure(name: str, data_dir: Path, repeats: int) -> dict:
    t = time.perf_counter()
    atlas = load_atlas(data_dir)
    parse_ms = (time.perf_counter() - t) * 1000
    shown = matching(atlas)
    code = atlas.positions_in(VIEW)[0].code
    source = served_image(VIEW)
    steps: dict[str, float] = {}
    steps["matching (filters)"], _ = timed(lambda: matching(atlas), repeats)
    steps["chart() builds the go.Figure"], fig = timed(
        lambda: chart(atlas, VIEW, source, shown=shown, selected=code), repeats)
    positions = atlas.positions_in(VIEW)
    steps["  of which: positions scanned once per meridian"], _ = timed(  # as chart() selects each trace's points
        lambda: [[p for p in positions if atlas.points[p.code].meridian == c.id] for c in atlas.meridians.values()],
        repeats)
    steps["st.plotly_chart: figure.to_dict()"], as_dict = timed(
        lambda: plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True), repeats)
    steps["st.plotly_chart: plotly.io.to_json"], spec = timed(lambda: pio.to_json(as_dict, validate=False), repeats)
    steps["md5 of the spec, twice (element id, message hash)"], _ = timed(
        lambda: [hashlib.md5(spec.encode()).hexdigest() for _ in range(2)], repeats)
    steps["select box: a label per point"], labels = timed(
        lambda: [label(atlas.points[c]) for c in atlas.points], repeats)
    total = sum(v for k, v in steps.items() if not k.startswith("  of which"))
    # The same run with the figure object reused (e.g. cached per view and filters): no chart() call.
    reused = total - steps["chart() builds the go.Figure"]
    spec_obj = json.loads(spec)
    return {
        "atlas": name, "points": len(atlas.points), "markers on the view": len(atlas.positions_in(VIEW)),
        "parse and check the atlas (first run only), ms": round(parse_ms),
        "steps, ms": {k: round(v, 1) for k, v in steps.items()},
        "sum of the steps, ms": round(total, 1),
        "the same with the figure reused, ms": round(reused, 1),
        "spec bytes": len(spec.encode()),
        "select box labels bytes": sum(len(s.encode()) for s in labels),
        "spec bytes, what if": what_if_sizes(spec_obj),
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
            print(f"  {k:52} {v:8.1f} ms")
        print(f"  {'sum':52} {r['sum of the steps, ms']:8.1f} ms  (figure reused: {r['the same with the figure reused, ms']} ms)")
        print(f"  spec {r['spec bytes'] / 1000:.1f} kB; select box labels {r['select box labels bytes'] / 1000:.1f} kB")
        for k, v in r["spec bytes, what if"].items():
            print(f"    {k:40} {v / 1000:8.1f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
