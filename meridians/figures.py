"""Plotly charts of a view: the body image, channel courses, clickable points and the selected one."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from typing import Mapping

import plotly.graph_objects as go

from .model import Atlas, Channel, Position, View
from .render import ASSETS_DIR, image_name

FADED = 0.18
MARKER_SIZE = 11
EXTRA_SCALE = 0.75  # extra points are drawn smaller: they sit between channel points
LEGEND_ROOM = 56  # pixels below the body for the channel legend
PREGNANCY_RIM = "#B00020"
CONFIG = {"displayModeBar": False, "doubleClick": False, "scrollZoom": False, "responsive": True}


def image_data_uri(view: str, assets_dir: Path = ASSETS_DIR) -> str:
    """The view's chart image inline, for notebooks and files where no server hosts it."""
    data = (assets_dir / image_name(view)).read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def _size(sizes: Mapping[str, int] | None, code: str) -> float:
    if sizes is None:
        return MARKER_SIZE
    count = sizes.get(code, 0)
    return MARKER_SIZE + 6 * count if count else MARKER_SIZE * 0.6


def plot_height(view: View) -> int:
    """Pixels the body takes on screen: tall views are capped so the card stays in sight."""
    w, h = view.size
    return round(min(780, max(440, 540 * h / w)))


def guide_label(guide: str, limit: int = 36) -> str:
    """The guide's distances without the landmark's long name, short enough to sit on the chart."""
    short = guide.split(" from the ")[0]
    return short if len(short) <= limit else short[: limit - 1] + "…"


def course_segments(atlas: Atlas, channel: Channel, by_code: Mapping[str, list[Position]]) -> list[list[Position]]:
    """The drawn course of a channel on one view: its points in standard order, one line per body side,
    broken where the channel jumps (its `breaks`) or where a point is not on this view."""
    codes = atlas.channel_points(channel.id)
    sides = {p.side for c in codes for p in by_code.get(c, ())} - {"midline"} or {"midline"}
    segments = []
    for side in sorted(sides):
        run: list[Position] = []
        for code in codes:
            spot = next((p for p in by_code.get(code, ()) if p.side in (side, "midline")), None)
            if spot is None or code in channel.breaks:
                if len(run) > 1:
                    segments.append(run)
                run = []
            if spot is not None:
                run.append(spot)
        if len(run) > 1:
            segments.append(run)
    return segments


def _course_traces(atlas: Atlas, by_code, shown: frozenset[str], courses: str, highlight: str | None):
    for channel in atlas.channels.values():
        if channel.kind != "channel":
            continue
        lit = any(atlas.points[c].meridian == channel.id for c in shown)
        if courses == "filtered" and not lit and channel.id != highlight:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        for run in course_segments(atlas, channel, by_code):
            xs += [round(p.x, 1) for p in run] + [None]
            ys += [round(p.y, 1) for p in run] + [None]
        if not xs:
            continue
        strong = channel.id == highlight
        opacity = 0.9 if strong else (0.12 if highlight or not lit else 0.5)
        yield {
            "type": "scatter", "x": xs[:-1], "y": ys[:-1], "mode": "lines", "hoverinfo": "skip",
            "showlegend": False, "name": f"{channel.id} course", "opacity": opacity,
            "line": {"color": channel.colour, "width": 4 if strong else 2, "dash": channel.dash},
        }


def chart(
    atlas: Atlas,
    view: str,
    image_source: str,
    *,
    shown: frozenset[str] | None = None,
    selected: str | None = None,
    courses: str = "all",
    highlight: str | None = None,
    sizes: Mapping[str, int] | None = None,
) -> go.Figure:
    """The clickable chart of one view. `shown` are the points the filters let through (None: all);
    `courses` draws the channels' courses for all channels, the filtered ones or none (see COURSES);
    `highlight` brings out one channel; `sizes` scales each marker by a count (such as trial use)."""
    v = atlas.views[view]
    w, h = v.size
    shown = frozenset(atlas.points) if shown is None else shown
    positions = atlas.positions_in(view)
    by_code: dict[str, list[Position]] = {}
    for pos in positions:
        by_code.setdefault(pos.code, []).append(pos)

    traces = [] if courses == "none" else list(_course_traces(atlas, by_code, shown, courses, highlight))
    # Extra points first: where markers overlap, plotly hands a click to the later trace, and the
    # extra points (Jiaji beside the spine) must not take clicks meant for the channel points.
    by_channel: dict[str, list[Position]] = {}
    for pos in positions:
        by_channel.setdefault(atlas.points[pos.code].meridian, []).append(pos)
    for channel in sorted(atlas.channels.values(), key=lambda c: c.kind != "extra"):
        mine = by_channel.get(channel.id)
        if not mine:
            continue
        points = [atlas.points[p.code] for p in mine]
        traces.append(
            {
                "type": "scatter", "x": [p.x for p in mine], "y": [p.y for p in mine], "mode": "markers",
                "name": f"{channel.id} {channel.name}", "customdata": [[p.code] for p in mine],
                "text": [html.escape(f"{pt.pinyin} · {pt.english}") for pt in points],
                "hovertemplate": "<b>%{customdata[0]}</b> %{text}<extra></extra>",
                "marker": {
                    "size": [_size(sizes, p.code) * (EXTRA_SCALE if channel.kind == "extra" else 1) for p in mine], "color": channel.colour, "symbol": channel.symbol,
                    "opacity": [1.0 if p.code in shown else FADED for p in mine],
                    "line": {
                        "color": [PREGNANCY_RIM if pt.pregnancy else "white" for pt in points],
                        "width": [2.2 if pt.pregnancy else 1.2 for pt in points],
                    },
                },
                "selected": {"marker": {"opacity": 1.0}}, "unselected": {"marker": {"opacity": None}},
            }
        )
    for pos in by_code.get(selected, []):
        if (pos.x, pos.y) != pos.anchor:
            traces.append({
                "type": "scatter", "x": [pos.anchor[0], pos.x], "y": [pos.anchor[1], pos.y],
                "mode": "lines+markers", "hoverinfo": "skip", "showlegend": False,
                "line": {"color": "#333333", "width": 1.5, "dash": "dot"}, "marker": {"size": [6, 0], "color": "#333333"},
            })
    annotations = []
    if selected in by_code:
        mine = by_code[selected]
        guide = mine[0].guide if (mine[0].x, mine[0].y) != mine[0].anchor else "at the landmark"
        first = mine[0]
        if (first.x, first.y) != first.anchor:  # the guide line's label: how far, in cun
            annotations.append({
                "x": (first.x + first.anchor[0]) / 2, "y": (first.y + first.anchor[1]) / 2, "xref": "x", "yref": "y",
                "text": html.escape(guide_label(guide)), "showarrow": False, "font": {"size": 11, "color": "#111111"},
                "bgcolor": "rgba(255,255,255,0.85)", "borderpad": 2, "xanchor": "left", "xshift": 6,
            })
        traces.append({
            "type": "scatter", "x": [p.x for p in mine], "y": [p.y for p in mine], "mode": "markers",
            "name": "Selected", "customdata": [[selected]] * len(mine), "showlegend": False,
            "hovertemplate": f"<b>{selected}</b> {html.escape(guide)}<extra></extra>",
            "marker": {"size": 24, "color": "rgba(0,0,0,0)", "line": {"color": "#111111", "width": 3}},
        })
    layout = {
        "images": [{"source": image_source, "xref": "x", "yref": "y", "x": 0, "y": 0, "sizex": w, "sizey": h,
                    "sizing": "stretch", "layer": "below"}],
        "xaxis": {"range": [0, w], "visible": False, "fixedrange": True},
        "yaxis": {"range": [h, 0], "visible": False, "fixedrange": True, "scaleanchor": "x"},
        "margin": {"l": 0, "r": 0, "t": 0, "b": LEGEND_ROOM},
        "height": plot_height(v) + LEGEND_ROOM,
        "dragmode": False, "hovermode": "closest", "clickmode": "event+select",
        "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)", "showlegend": True,
        "legend": {"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "font": {"size": 11},
                   "itemclick": False, "itemdoubleclick": False},
        "annotations": annotations,
        "template": {},  # plotly's default template is 7 kB a click; Streamlit's theme styles the chart
    }
    # Built from plain dicts and not validated trace by trace: validation cost 100 ms a click,
    # and the tests check the figure's shape instead.
    return go.Figure({"data": traces, "layout": layout}, _validate=False)
