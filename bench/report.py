"""The benchmark's figures: gathered during a run, written to bench/results/, printed with the targets."""

from __future__ import annotations

import csv
import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path

from plotly.subplots import make_subplots

from bench.frames import breakdown
from bench.page import Click, script_time, summarize_clicks

# (what is compared, its limit); `targets` computes each ratio.
TARGETS = (
    ("click-to-card median, ours/floor", 1.15),
    ("bytes per click on the wire, ours/floor", 1.5),
    ("cold load median, ours/floor", 1.3),
    ("click-to-card median, ours at the largest / the smallest atlas", 1.5),
    ("server memory, ours N sessions / 1 session", 1.5),
)
COLOURS = {"ours": "#0072B2", "floor": "#AAAAAA"}  # the variants take VARIANT_COLOURS in turn
VARIANT_COLOURS = ["#E69F00", "#009E73", "#CC79A7"]
CLICK_COLUMNS = ["atlas", "app", "code", "card_ms", "chart_ms", "first_frame_ms", "last_frame_ms",
                 "net_last_frame_ms", "main_thread_busy_ms", "main_thread_cpu_ms", "bytes", "wire_bytes"]


@dataclass
class Results:
    sessions: int  # the open sessions of the memory measurement
    rows: list[dict] = field(default_factory=list)  # every figure: atlas, app, metric, value, unit
    clicks: list[tuple[str, Click]] = field(default_factory=list)  # (atlas, click)
    bytes_detail: dict[str, dict[str, float]] = field(default_factory=dict)
    thread_detail: dict[str, dict[str, float]] = field(default_factory=dict)
    stand_in: dict[str, str] = field(default_factory=dict)  # a size the real atlas already reaches -> "real"

    def record(self, atlas: str, app: str, metric: str, value: float, unit: str = "") -> None:
        self.rows.append({"atlas": atlas, "app": app, "metric": metric, "value": value, "unit": unit})

    def get(self, atlas: str, app: str, metric: str) -> float:
        atlas = self.stand_in.get(atlas, atlas)
        return next((r["value"] for r in self.rows if r["atlas"] == atlas and r["app"] == app and r["metric"] == metric),
                    float("nan"))

    def add_clicks(self, atlas: str, app: str, clicks: list[Click]) -> dict[str, float]:
        """Record a click series: its summary figures, every click, where its bytes and main-thread time go."""
        self.clicks += [(atlas, c) for c in clicks]
        summary = summarize_clicks(clicks)
        for metric, value in summary.items():
            self.record(atlas, app, metric, value, "ms" if metric.endswith("_ms") else "")
        self.bytes_detail[f"click {atlas} {app}"] = breakdown([c.frames for c in clicks])
        self.thread_detail[f"click {atlas} {app}"] = script_time(clicks)
        return summary


def targets(results: Results, sizes: list[int]) -> list[tuple[str, float, float]]:
    """(name, limit, ratio) for each of TARGETS."""
    get = results.get
    sessions = results.sessions
    big, small = (str(max(sizes)), str(min(sizes))) if sizes else (None, None)
    ratios = [
        get("real", "ours", "card_median_ms") / get("real", "floor", "card_median_ms"),
        get("real", "ours", "wire_bytes_per_click") / get("real", "floor", "wire_bytes_per_click"),
        get("real", "ours", "cold_load_median_ms") / get("real", "floor", "cold_load_median_ms"),
        get(big, "ours", "card_median_ms") / get(small, "ours", "card_median_ms") if sizes else float("nan"),
        get("real", "ours", f"rss_{sessions}_sessions_mb") / get("real", "ours", "rss_1_session_mb"),
    ]
    names = [name for name, _ in TARGETS]
    if sizes:
        names[3] = (f"click-to-card median, ours at {int(big):,} / at {int(small):,} points"
                    + (" (the real atlas)" if small in results.stand_in else ""))
    names[4] = f"server memory, ours {sessions} sessions / 1 session"
    return [(name, limit, ratio) for name, (_, limit), ratio in zip(names, TARGETS, ratios, strict=True)]


def write(results: Results, sizes: list[int], out: Path) -> None:
    """results.csv (every figure and the targets' ratios), clicks.csv, the breakdowns and results.html."""
    rows = results.rows + [{"atlas": "ratio", "app": "ours/floor" if "floor" in name else "ours", "metric": name,
                            "value": ratio, "unit": f"limit {limit}"} for name, limit, ratio in targets(results, sizes)]
    with (out / "results.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["atlas", "app", "metric", "value", "unit"])
        writer.writeheader()
        writer.writerows(rows)

    def opt(v):
        return "" if v is None else f"{v:.1f}"

    with (out / "clicks.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CLICK_COLUMNS)
        for atlas, c in results.clicks:
            writer.writerow([atlas, c.kind, c.code, opt(c.card_ms), opt(c.chart_ms), opt(c.first_frame_ms),
                             opt(c.last_frame_ms), opt(c.net_last_ms), opt(c.busy_ms), opt(c.cpu_ms), c.bytes,
                             c.wire_bytes])
    (out / "bytes_breakdown.json").write_text(json.dumps(results.bytes_detail, indent=1))
    (out / "main_thread_breakdown.json").write_text(json.dumps(results.thread_detail, indent=1))
    plot(results, out / "results.html")


def plot(results: Results, path: Path) -> None:
    """Click-to-card median (p90 as the error bar) and bytes per click on the wire, by atlas and app."""
    rows = results.rows
    atlases = list(dict.fromkeys(r["atlas"] for r in rows if r["metric"] == "card_median_ms"))
    apps = list(dict.fromkeys(r["app"] for r in rows if r["metric"] == "card_median_ms"))
    fig = make_subplots(rows=1, cols=2, subplot_titles=("click to card, median ms (bar: p90)",
                                                        "bytes per click on the wire"))
    others = [app for app in apps if app not in COLOURS]
    colours = {**dict(zip(others, itertools.cycle(VARIANT_COLOURS), strict=False)), **COLOURS}
    for app in apps:
        colour = colours[app]
        median = [results.get(a, app, "card_median_ms") for a in atlases]
        p90 = [results.get(a, app, "card_p90_ms") for a in atlases]
        fig.add_bar(x=atlases, y=median, name=app, legendgroup=app, marker_color=colour, row=1, col=1,
                    error_y={"type": "data", "symmetric": False, "array": [q - m for q, m in zip(p90, median, strict=True)],
                             "arrayminus": [0] * len(atlases)})
        fig.add_bar(x=atlases, y=[results.get(a, app, "wire_bytes_per_click") for a in atlases], name=app,
                    legendgroup=app, marker_color=colour, showlegend=False, row=1, col=2)
    fig.update_xaxes(title="atlas (points)", type="category")
    fig.update_layout(barmode="group", height=450)
    fig.write_html(path, include_plotlyjs="directory")


SUMMARY = [  # (row title, metric) of the real atlas's table
    ("click-to-card median (ms)", "card_median_ms"), ("click-to-card p90 (ms)", "card_p90_ms"),
    ("  first frame after click (ms)", "first_frame_median_ms"), ("  last frame before card (ms)", "last_frame_median_ms"),
    ("  last frame, network time (ms)", "net_last_frame_median_ms"),
    ("  main thread busy, long frames (ms)", "main_thread_busy_median_ms"),
    ("  main thread CPU (ms)", "main_thread_cpu_median_ms"),
    ("  chart shows selection (ms)", "chart_median_ms"),
    ("bytes per click, on the wire", "wire_bytes_per_click"),
    ("  websocket payload (inflated)", "bytes_per_click"),
    ("bytes per filter change, on the wire", "wire_bytes_per_filter_change"),
    ("  websocket payload (inflated)", "bytes_per_filter_change"),
    ("cold load median (ms)", "cold_load_median_ms"), ("first load after start (ms)", "first_load_ms"),
    ("RSS, 1 session (MB)", "rss_1_session_mb"),
]


def show(results: Results, sizes: list[int], variants: list[str]) -> None:
    get = results.get
    print("\n== Figures (real atlas unless said) ==")
    print(f"{'':34} {'ours':>10} {'floor':>10} {'ours/floor':>10}")
    table = SUMMARY + [(f"RSS, {results.sessions} sessions (MB)", f"rss_{results.sessions}_sessions_mb")]
    for name, metric in table:
        o, fl = get("real", "ours", metric), get("real", "floor", metric)
        print(f"{name:34} {o:10.0f} {fl:10.0f} {o / fl if fl else float('nan'):10.2f}")
    if sizes:
        print("\n== Synthetic atlases: clicks ==")
        print(f"{'points':>8} {'ours med':>9} {'ours p90':>9} {'floor med':>10} {'floor p90':>10} {'ours B':>10} "
              f"{'floor B':>9} {'ours 1st load':>13} {'floor 1st':>10}")
        for n in sizes:
            a = str(n)
            print(f"{n:8} {get(a, 'ours', 'card_median_ms'):9.0f} {get(a, 'ours', 'card_p90_ms'):9.0f} "
                  f"{get(a, 'floor', 'card_median_ms'):10.0f} {get(a, 'floor', 'card_p90_ms'):10.0f} "
                  f"{get(a, 'ours', 'bytes_per_click'):10.0f} {get(a, 'floor', 'bytes_per_click'):9.0f} "
                  f"{get(a, 'ours', 'first_load_ms'):13.0f} {get(a, 'floor', 'first_load_ms'):10.0f}")
    if variants:
        print("\n== Variants of the explorer, clicked in the same series (noentries: the card's study expanders empty) ==")
        print(f"{'atlas':>6} {'app':>12} {'card med':>9} {'card p90':>9} {'/floor':>7} {'B/click':>10} {'last frame':>11} {'busy':>6}")
        for a in ["real"] + [str(n) for n in sizes]:
            for app in ["ours", *variants, "floor"]:
                m = get(a, app, "card_median_ms")
                print(f"{a:>6} {app:>12} {m:9.0f} {get(a, app, 'card_p90_ms'):9.0f} {m / get(a, 'floor', 'card_median_ms'):7.2f} "
                      f"{get(a, app, 'bytes_per_click'):10.0f} {get(a, app, 'net_last_frame_median_ms'):11.0f} "
                      f"{get(a, app, 'main_thread_busy_median_ms'):6.0f}")
    print("\n== Where the bytes go (mean per action, by message) ==")
    for name, parts in results.bytes_detail.items():
        print(f"  {name}: " + ", ".join(f"{k} {v / 1000:.1f} kB" for k, v in list(parts.items())[:6]))
    print("\n== Where the browser's main thread goes (long animation frames per click, script ms by bundle) ==")
    for name, parts in results.thread_detail.items():
        print(f"  {name}: " + (", ".join(f"{k} {v:.0f} ms" for k, v in list(parts.items())[:5]) or "none"))
    print("\n== Targets ==")
    for name, limit, ratio in targets(results, sizes):
        verdict = "n/a " if ratio != ratio else ("PASS" if ratio <= limit else "FAIL")
        print(f"  {verdict}  {name}: {ratio:.2f}x (limit {limit}x)")
