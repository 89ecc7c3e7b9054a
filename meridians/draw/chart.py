"""Plotly charts of a view: the body image, meridian courses, clickable points and the selected one."""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Mapping
from pathlib import Path

import plotly.graph_objects as go

from meridians.draw.body_images import ASSETS_DIR, image_name
from meridians.draw.colours import PREGNANCY_RIM
from meridians.draw.guides import GUIDE, guide_data, guide_label, guide_layout
from meridians.draw.labels import code_labels, label_trace
from meridians.draw.shapes import polygon
from meridians.model import Atlas, Meridian, Position, View

FADED = 0.18
MARKER_SIZE = 11
EXTRA_SCALE = 0.75  # extra points are drawn smaller: they sit between meridian points
LEGEND_ROOM = 56  # pixels below the body for the meridian legend
LEGEND_ROW = 20  # pixels a row of the legend takes
RING_SIZE = 24
RING_WIDTH = 3
RING_COLOUR = "#111111"
# More markers than this and a view is crowded (none of our atlas's views is): its ring is drawn with WebGL
# and its markers as filled shapes, one SVG path per meridian (docs/architecture.md, "Crowded views").
CROWDED = 1000
LEGEND = {"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "font": {"size": 11}, "itemclick": False,
          "itemdoubleclick": False}
# plotGlPixelRatio: the WebGL ring (CROWDED) drawn at screen resolution; plotly's default, twice that,
# made handing each click's frame to the screen several times dearer (bench/README.md).
CONFIG = {"displayModeBar": False, "doubleClick": False, "scrollZoom": False, "responsive": True,
          "plotGlPixelRatio": 1}
# A close-up zooms with plotly's buttons alone, which scale the body's axes and the ring's together (a drag
# would zoom the ring's axes alone and part the rings from their markers: the charts are never dragged).
ZOOM_CONFIG = {**CONFIG, "displayModeBar": True, "displaylogo": False,
               "modeBarButtons": [["zoomIn2d", "zoomOut2d", "resetScale2d"]]}


def config_for(view: View) -> dict:
    """The body chart's config (`spec`): the zoom buttons on a close-up, whose markers crowd less than a finger."""
    return ZOOM_CONFIG if view.closeup else CONFIG


def image_data_uri(view: str, assets_dir: Path = ASSETS_DIR) -> str:
    """The view's chart image inline, for notebooks and files where no server hosts it."""
    data = (assets_dir / image_name(view)).read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def _size(sizes: Mapping[str, int] | None, code: str) -> float:
    if sizes is None:
        return MARKER_SIZE
    count = sizes.get(code, 0)
    return MARKER_SIZE + 6 * count if count else MARKER_SIZE * 0.6


# The least and most pixels a chart's body takes on screen: a whole-body view fits a laptop's window (1366 x
# 768) beside its card; a close-up may take more, so that its crowded markers stay apart.
PLOT_HEIGHT = 440, 540, 780


def plot_height(view: View) -> int:
    w, h = view.size
    low, whole, close = PLOT_HEIGHT
    return round(min(close if view.closeup else whole, max(low, 540 * h / w)))


PHONE_WIDTH = 358  # CSS pixels a chart takes on a 390-pixel-wide phone
FINGER = 16  # CSS pixels from the marker a tap picked to the one the finger may have meant


def phone_scale(view: View) -> float:
    """Screen pixels per image pixel where the chart is drawn smallest: on a phone, as wide as the screen."""
    w, h = view.size
    return min(plot_height(view) / h, PHONE_WIDTH / w)


def finger_reach(view: View) -> float:
    """Image pixels that a tap on a phone covers around its centre, on this view."""
    return FINGER / phone_scale(view)


def within_reach(atlas: Atlas, view: str, spot: tuple[float, float], code: str, most: int = 12) -> tuple[str, ...]:
    """The other points that a tap which picked `code` at `spot` may have meant, nearest first: on a phone a
    whole-body view's markers lie closer together than a fingertip is wide."""
    reach = finger_reach(atlas.views[view])
    near: dict[str, float] = {}
    for other in atlas.positions_in(view):
        d = math.dist(spot, (other.x, other.y))
        if other.code != code and d <= reach:
            near[other.code] = min(d, near.get(other.code, math.inf))
    return tuple(sorted(near, key=near.get))[:most]


def closeup_of(atlas: Atlas, view: str, code: str, spot: tuple[float, float] | None = None) -> str | None:
    """The close-up to open from `view` for `code`: the one enlarged from this view with `spot` (where the
    tap was) nearest its middle, else one enlarged from this view, else the one named for the point's
    region, else any."""
    closeups = [c for c in atlas.views_of(code) if atlas.views[c].closeup]

    def off_centre(c: str) -> float:
        """How far `spot` lies from the close-up's middle, in halves of its size (1 and more: outside it)."""
        v = atlas.views[c]
        if spot is None or v.source != view:
            return math.inf
        half = (v.size[0] / v.scale / 2, v.size[1] / v.scale / 2)
        return max(abs(spot[i] - v.origin[i] - half[i]) / half[i] for i in (0, 1))

    def rank(c: str) -> tuple:
        return (off_centre(c) < 1, -off_centre(c), atlas.views[c].source == view, c == atlas.points[code].region)

    return max(closeups, key=rank, default=None)


def course_segments(atlas: Atlas, meridian: Meridian, by_code: Mapping[str, list[Position]]) -> list[list[Position]]:
    """The drawn course of a meridian on one view: its points in standard order, one line per body side,
    broken where the meridian jumps (its `breaks`) or where a point is not on this view."""
    codes = atlas.meridian_points(meridian.id)
    sides = {p.side for c in codes for p in by_code.get(c, ())} - {"midline"} or {"midline"}
    segments = []
    for side in sorted(sides):
        run: list[Position] = []
        for code in codes:
            spot = next((p for p in by_code.get(code, ()) if p.side in (side, "midline")), None)
            if spot is None or code in meridian.breaks:
                if len(run) > 1:
                    segments.append(run)
                run = []
            if spot is not None:
                run.append(spot)
        if len(run) > 1:
            segments.append(run)
    return segments


def legend_traces(atlas: Atlas, meridian_ids) -> list[dict]:
    """One legend entry per meridian (its colour and marker shape), as traces with no point to draw."""
    return [{"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": f"{c.id} {c.name}",
             "showlegend": True, "hoverinfo": "skip",
             "marker": {"size": MARKER_SIZE * (EXTRA_SCALE if c.kind == "extra" else 1), "color": c.colour,
                        "symbol": c.symbol, "line": {"color": "white", "width": 1.2}}}
            for c in atlas.meridians.values() if c.id in meridian_ids]


def legend_spec(atlas: Atlas) -> dict:
    """Every meridian's colour and marker shape, as a chart of its own: a page can show it apart from a chart
    whose selection changes on every click, which then has fewer traces for plotly to go through."""
    entries = legend_traces(atlas, set(atlas.meridians))
    # Two entries a row, on a phone as on a desktop (the longest names do not fit three to a phone's row),
    # and room for every row: the legend never scrolls.
    rows = -(-len(entries) // 2)
    return {
        "data": entries,
        "layout": {"xaxis": {"visible": False, "fixedrange": True}, "yaxis": {"visible": False, "fixedrange": True},
                   "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "height": rows * LEGEND_ROW + 8, "showlegend": True,
                   "legend": {**LEGEND, "y": 1, "yanchor": "top", "maxheight": 1, "entrywidth": 0.5,
                              "entrywidthmode": "fraction"},
                   "dragmode": False, "hovermode": False,
                   "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)", "template": {}},
    }


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _course_traces(atlas: Atlas, by_code, shown: frozenset[str], courses: str, highlight: str | None):
    for meridian in atlas.meridians.values():
        if meridian.kind != "meridian":
            continue
        lit = any(atlas.points[c].meridian == meridian.id for c in shown)
        if courses == "filtered" and not lit and meridian.id != highlight:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        for run in course_segments(atlas, meridian, by_code):
            xs += [round(p.x, 1) for p in run] + [None]
            ys += [round(p.y, 1) for p in run] + [None]
        if not xs:
            continue
        strong = meridian.id == highlight
        opacity = 0.9 if strong else (0.12 if highlight or not lit else 0.5)
        yield {
            "type": "scatter", "x": xs[:-1], "y": ys[:-1], "mode": "lines", "hoverinfo": "skip",
            "showlegend": False, "name": f"{meridian.id} course",
            # The opacity in the colour, not the trace's: an opacity on the trace makes the browser paint the
            # line apart and blend it in, on every repaint of the chart (half of what a click cost the page).
            "line": {"color": _rgba(meridian.colour, opacity), "width": 4 if strong else 2, "dash": meridian.dash},
        }


def _uniform(values: list):
    """One value for the whole trace when every point has it (a shorter spec), else the list."""
    return values[0] if values and all(v == values[0] for v in values) else values


def _r(v: float) -> float:
    return round(v, 1)  # a tenth of an image pixel: finer than the screen shows


def _shapes(markers, grow: float, scale: float) -> tuple[list, list]:
    """The x and y of the markers' outlines, each closed by the gap after it, in whole image pixels: at most
    two thirds of a screen pixel off on our views, and a much shorter chart than with tenths (a rerun costs
    in proportion to its length: bench/README.md)."""
    xs: list[int | None] = []
    ys: list[int | None] = []
    for pos, _, meridian, size in markers:
        for x, y in polygon(meridian.symbol, pos.x, pos.y, (size / 2 + grow) * scale):
            xs.append(round(x))
            ys.append(round(y))
        xs.append(None)
        ys.append(None)
    return xs[:-1], ys[:-1]


def _shape_traces(name: str, opacity: float, markers: list, scale: float):
    """A crowded view's markers (see CROWDED), each a (position, point, meridian, size), as filled shapes: one
    trace per meridian, over one of the pregnancy rims (shapes a rim larger, in red). `scale` is image pixels
    per screen pixel."""
    by_meridian: dict[Meridian, list] = {}
    for marker in markers:
        by_meridian.setdefault(marker[2], []).append(marker)
    rimmed = [(pos, point, meridian, size) for pos, point, meridian, size in markers if point.pregnancy]
    layers = [(f"{name}: {meridian.id}", meridian.colour, group, 0.0) for meridian, group in by_meridian.items()]
    if rimmed:
        layers.insert(0, (f"{name}: pregnancy rims", PREGNANCY_RIM, rimmed, 2.2))
    for label, colour, group, grow in layers:
        xs, ys = _shapes(group, grow, scale)
        yield {"type": "scatter", "x": xs, "y": ys, "mode": "none", "fill": "toself", "name": label,
               "fillcolor": _rgba(colour, opacity), "hoverinfo": "skip", "showlegend": False}


def chart(atlas: Atlas, view: str, image_source: str, **options) -> go.Figure:
    """The clickable chart of one view. `shown` are the points the filters let through (None: all);
    `courses` draws the meridians' courses for all meridians, the filtered ones or none (see COURSES);
    `highlight` brings out one meridian; `sizes` scales each marker by a count (such as trial use);
    `selected` is ringed, with the guide from its landmark. The last trace, "Selected", is the ring over
    every marker, on axes of its own: it takes the clicks (docs/architecture.md, "The click").
    """
    return go.Figure(spec(atlas, view, image_source, **options), _validate=False)


def spec(
    atlas: Atlas,
    view: str,
    image_source: str,
    *,
    shown: frozenset[str] | None = None,
    selected: str | None = None,
    courses: str = "all",
    highlight: str | None = None,
    sizes: Mapping[str, int] | None = None,
    legend: bool = True,
    labels: bool = False,
) -> dict:
    """The figure of `chart` as a plain dict (what is sent to the browser). `legend=False` leaves out the
    meridian legend, for a page that shows `legend_spec` apart from the chart; `labels` writes the code of each
    point let through beside its marker where space allows (meridians/draw/labels.py).

    Built from plain dicts and not validated trace by trace, as plotly's figure objects would (a cost
    paid at every run: bench/README.md); the tests check the figure's shape instead."""
    v = atlas.views[view]
    shown = frozenset(atlas.points) if shown is None else shown
    positions = atlas.positions_in(view)
    by_code: dict[str, list[Position]] = {}
    for pos in positions:
        by_code.setdefault(pos.code, []).append(pos)
    traces = [] if courses == "none" else list(_course_traces(atlas, by_code, shown, courses, highlight))
    markers, hits, hit_sizes = _marker_traces(atlas, v, positions, shown, sizes)
    traces += markers
    if labels:  # placed for the smallest the chart is drawn (a phone's width), so that they stay apart there too
        scale = phone_scale(v)
        traces.append(label_trace(code_labels(atlas, view, shown, scale, MARKER_SIZE / scale), MARKER_SIZE))
    if legend:
        traces += legend_traces(atlas, {atlas.points[p.code].meridian for p in positions})
    ring, guides = _ring_and_guides(atlas, v, hits, hit_sizes, selected, crowded=len(positions) > CROWDED)
    return {"data": traces + [ring], "layout": {**_layout(v, image_source, legend, zoom=v.closeup), **guides}}


def _marker_traces(atlas: Atlas, v: View, positions, shown: frozenset[str], sizes: Mapping[str, int] | None):
    """Every marker in two traces, the faded ones under the ones the filters let through, each with one
    opacity (on a crowded view, as shapes: a trace per meridian in each); and every marker again in drawing
    order with its size, for the ring: where markers overlap, the later one takes the click."""
    # Extra points first: the extra points (Jiaji beside the spine) must not take clicks meant for the
    # meridian points drawn over them.
    order = {c: i for i, c in enumerate(sorted(atlas.meridians, key=lambda c: atlas.meridians[c].kind != "extra"))}
    positions = sorted(positions, key=lambda p: order[atlas.points[p.code].meridian])
    crowded = len(positions) > CROWDED
    traces: list[dict] = []
    hits: list[Position] = []
    hit_sizes: list[float] = []
    for name, opacity, group in (("Faded points", FADED, [p for p in positions if p.code not in shown]),
                                 ("Points", 1.0, [p for p in positions if p.code in shown])):
        if not group:
            continue
        points = [atlas.points[p.code] for p in group]
        meridians = [atlas.meridians[pt.meridian] for pt in points]
        group_sizes = [_size(sizes, p.code) * (EXTRA_SCALE if m.kind == "extra" else 1)
                       for p, m in zip(group, meridians, strict=True)]
        hits += group
        hit_sizes += group_sizes
        if crowded:
            markers = list(zip(group, points, meridians, group_sizes, strict=True))
            traces.extend(_shape_traces(name, opacity, markers, v.size[1] / plot_height(v)))
            continue
        traces.append({
            "type": "scatter", "x": [_r(p.x) for p in group], "y": [_r(p.y) for p in group], "mode": "markers",
            "name": name, "showlegend": False, "customdata": [[p.code] for p in group], "hoverinfo": "skip",
            "marker": {
                "size": _uniform(group_sizes), "color": _uniform([m.colour for m in meridians]),
                "symbol": _uniform([m.symbol for m in meridians]), "opacity": opacity,
                "line": {
                    "color": _uniform([PREGNANCY_RIM if pt.pregnancy else "white" for pt in points]),
                    "width": _uniform([2.2 if pt.pregnancy else 1.2 for pt in points]),
                },
            },
        })
    return traces, hits, hit_sizes


def _ring_and_guides(atlas: Atlas, v: View, hits: list[Position], hit_sizes: list[float], selected: str | None,
                     crowded: bool) -> tuple[dict, dict]:
    """The ring trace over every marker, which takes the clicks (see `chart`), each ring with its position's
    guide in its customdata; and the layout's guides of the selected point (meridians/draw/guides.py)."""
    scale = plot_height(v) / v.size[1]
    guided = guide_data(atlas, v.name, scale, MARKER_SIZE / scale, crowded)
    extra = [guided.get((p.code, p.side)) for p in hits]
    ringed = [i for i, p in enumerate(hits) if p.code == selected]
    texts = [f"{atlas.points[p.code].pinyin} · {atlas.points[p.code].english}" for p in hits]
    ring = {
        "type": "scattergl" if crowded else "scatter", "xaxis": "x2", "yaxis": "y2",
        "x": [_r(p.x) for p in hits], "y": [_r(p.y) for p in hits], "mode": "markers",
        "name": "Selected", "showlegend": False,
        "meta": {"guide": GUIDE, "ring": {"size": RING_SIZE, "width": RING_WIDTH, "color": RING_COLOUR}},
        "customdata": [[p.code, *g] if g else [p.code] for p, g in zip(hits, extra, strict=True)],
        "text": [html.escape(t) for t in texts],
        "hovertemplate": "<b>%{customdata[0]}</b> %{text}<extra></extra>",
        "hoverlabel": {"bgcolor": "white", "bordercolor": "#333333", "font": {"color": "#111111"}},
        "marker": {"size": _uniform(hit_sizes) if hit_sizes else MARKER_SIZE, "symbol": "circle-open",
                   "color": RING_COLOUR, "opacity": 0, "line": {"width": RING_WIDTH}},
        "selected": {"marker": {"opacity": 1, "size": RING_SIZE}},
        "unselected": {"marker": {"opacity": 0}},
    }
    if ringed:
        ring["selectedpoints"] = ringed
    guides = guide_layout([(_r(hits[i].x), _r(hits[i].y), extra[i]) for i in ringed if extra[i]])
    return ring, guides


ZOOM_ROOM = 30  # pixels above a close-up for its zoom buttons, which would cover the markers at its top right


def _layout(v: View, image_source: str, legend: bool, zoom: bool = False) -> dict:
    """`zoom`: the axes zoom (with ZOOM_CONFIG's buttons, drawn in a strip above the body)."""
    w, h = v.size
    fixed, top = not zoom, ZOOM_ROOM if zoom else 0
    return {
        "images": [{"source": image_source, "xref": "x", "yref": "y", "x": 0, "y": 0, "sizex": w, "sizey": h,
                    "sizing": "stretch", "layer": "below"}],
        "xaxis": {"range": [0, w], "visible": False, "fixedrange": fixed},
        "yaxis": {"range": [h, 0], "visible": False, "fixedrange": fixed, "scaleanchor": "x"},
        # The ring's axes (see `chart`): the same ranges in the same place, not overlaying the body's.
        "xaxis2": {"range": [0, w], "visible": False, "fixedrange": fixed, "anchor": "y2"},
        "yaxis2": {"range": [h, 0], "visible": False, "fixedrange": fixed, "scaleanchor": "x2", "anchor": "x2"},
        "margin": {"l": 0, "r": 0, "t": top, "b": LEGEND_ROOM if legend else 0},
        "height": plot_height(v) + top + (LEGEND_ROOM if legend else 0),
        "dragmode": False, "hovermode": "closest", "clickmode": "event+select",
        "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)", "showlegend": legend,
        "legend": LEGEND,
        "template": {},  # plotly's default template is 7 kB a click; Streamlit's theme styles the chart
    }


DRILL_GRID = 64  # tap targets across the drill view: a click anywhere on the body lands on the nearest one
ANSWER_COLOUR = "#1b7f3b"
CLICK_COLOUR = "#c62828"


def drill_spec(atlas: Atlas, view: str, image_source: str, *, answer: str | None = None,
               click: tuple[float, float] | None = None, ringed: str | None = None) -> dict:
    """The drill's figure: the view with no markers of the asked point (or any other). To find a point: a grid
    of invisible tap targets that takes the click (plotly reports clicks on markers only). To name one: `ringed`
    ringed on every side, and no tap targets. After an answer: the true position of `answer` on every side, the
    guide from its landmark with its cun label, and the click."""
    v = atlas.views[view]
    w, h = v.size
    traces = []
    if ringed is None:
        step = w / DRILL_GRID
        xs = [_r(step * (i + 0.5)) for i in range(DRILL_GRID) for _ in range(int(h / step))]
        ys = [_r(step * (j + 0.5)) for _ in range(DRILL_GRID) for j in range(int(h / step))]
        size = max(4.0, step * plot_height(v) / h)
        traces.append({
            "type": "scattergl", "x": xs, "y": ys, "mode": "markers", "name": "Tap", "showlegend": False,
            "hoverinfo": "none", "marker": {"size": size, "symbol": "square", "opacity": 0},
            "selected": {"marker": {"opacity": 0}}, "unselected": {"marker": {"opacity": 0}},
        })
    elif answer is None:
        here = [p for p in atlas.positions_in(view) if p.code == ringed]
        traces.append({"type": "scatter", "x": [_r(p.x) for p in here], "y": [_r(p.y) for p in here],
                       "mode": "markers", "name": "Ringed", "showlegend": False, "hoverinfo": "skip",
                       "marker": {"size": RING_SIZE, "symbol": "circle-open", "color": RING_COLOUR,
                                  "line": {"width": RING_WIDTH}}})
    annotations, shapes = [], []
    if answer is not None:
        true = [p for p in atlas.positions_in(view) if p.code == answer]
        for p in true:
            shapes.append({"type": "line", "x0": _r(p.anchor[0]), "y0": _r(p.anchor[1]), "x1": _r(p.x), "y1": _r(p.y),
                           "line": {"color": ANSWER_COLOUR, "width": 2, "dash": "dot"}})
        if true:
            label = true[0]
            annotations.append({"x": _r(label.x), "y": _r(label.y), "text": html.escape(guide_label(label.guide)), "showarrow": True,
                                "arrowcolor": ANSWER_COLOUR, "ax": 0, "ay": -36, "bgcolor": "white",
                                "xanchor": "left" if label.x < w / 2 else "right",
                                "font": {"color": "#111111", "size": 12}})
        traces.append({"type": "scatter", "x": [_r(p.x) for p in true], "y": [_r(p.y) for p in true],
                       "mode": "markers", "name": "True position", "showlegend": False, "hoverinfo": "skip",
                       "marker": {"size": 14, "color": ANSWER_COLOUR, "line": {"color": "white", "width": 2}}})
    if click is not None:
        traces.append({"type": "scatter", "x": [_r(click[0])], "y": [_r(click[1])], "mode": "markers",
                       "name": "Your click", "showlegend": False, "hoverinfo": "skip",
                       "marker": {"size": 14, "symbol": "x", "color": CLICK_COLOUR}})
    layout = _layout(v, image_source, legend=False)
    return {"data": traces, "layout": {**layout, "shapes": shapes, "annotations": annotations}}
