"""The chart images are what the render command makes today, and the Plotly chart is built from the atlas."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from PIL import Image, ImageChops, ImageColor, ImageFont

from meridians.__main__ import main
from meridians.draw import chart as figures
from meridians.draw import guides, shapes
from meridians.draw.body_images import ASSETS_DIR, PREVIEW_TEXT, draw_preview, draw_view, image_name
from meridians.draw.chart import (
    FADED,
    MARKER_SIZE,
    chart,
    closeup_of,
    course_segments,
    image_data_uri,
    plot_height,
    within_reach,
)
from meridians.printouts.fonts import REGULAR, missing


def test_committed_images_are_what_the_command_makes(atlas):
    for view in atlas.views.values():
        committed = Image.open(ASSETS_DIR / image_name(view.name)).convert("RGB")
        fresh = draw_view(view)
        assert committed.size == fresh.size == view.size
        assert ImageChops.difference(committed, fresh).getbbox() is None, (
            f"assets/{image_name(view.name)} is stale: run `python -m meridians render`"
        )


def test_images_are_smooth_not_jagged(atlas):
    """Anti-aliased edges have in-between tones; a hard-edged drawing has only a handful of colours."""
    image = draw_view(atlas.views["posterior"])
    assert len(image.getcolors(maxcolors=100000)) > 200


def marker_traces(fig):
    """The meridian markers as drawn (not the ring over them, nor a guide's dots)."""
    return [t for t in fig.data if t.mode == "markers" and t.customdata and t.name != "Selected"]


def per_point(value, trace) -> list:
    """A marker property for each point of a trace (the figure gives one value when all points share it)."""
    return list(value) if isinstance(value, (list, tuple)) else [value] * len(trace.x)


def test_chart_has_a_clickable_marker_for_every_position(atlas):
    fig = chart(atlas, "posterior", "app/static/posterior.png")
    codes = [c[0] for t in marker_traces(fig) for c in t.customdata]
    assert sorted(codes) == sorted(p.code for p in atlas.positions_in("posterior"))
    assert fig.layout.dragmode is False and fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange
    assert fig.layout.images[0].source == "app/static/posterior.png"


def test_filtered_out_points_fade_and_the_rest_stay_solid(atlas):
    fig = chart(atlas, "posterior", "x.png", shown=frozenset({"BL23"}))
    for t in marker_traces(fig):
        for code, opacity in zip((c[0] for c in t.customdata), per_point(t.marker.opacity, t), strict=True):
            assert opacity == (1.0 if code == "BL23" else FADED)
        assert not isinstance(t.marker.opacity, (list, tuple))  # one opacity per trace: faded and shown apart


def test_selected_point_is_ringed_on_both_sides_with_a_guide_from_its_landmark(atlas):
    fig = chart(atlas, "posterior", "x.png", selected="BL23")
    ring = next(t for t in fig.data if t.name == "Selected")
    assert [ring.customdata[i][0] for i in ring.selectedpoints] == ["BL23", "BL23"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 2
    for line, i in zip(lines, ring.selectedpoints, strict=True):  # from the landmark to the point
        assert (line.x0, line.y0) != (ring.x[i], ring.y[i]) and (line.x1, line.y1) == (ring.x[i], ring.y[i])
        assert (line.xref, line.yref) == ("x2", "y2")  # on the ring's axes
    assert "selectedpoints" not in chart(atlas, "posterior", "x.png").to_dict()["data"][-1]
    assert not chart(atlas, "posterior", "x.png").layout.shapes


def test_the_ring_trace_takes_every_click_in_drawing_order(atlas):
    """A click selects a point of the last trace (invisible rings over every marker, in the meridian
    traces' order, so that where markers overlap the one drawn on top is picked)."""
    fig = chart(atlas, "posterior", "x.png")
    ring = fig.data[-1]
    assert ring.name == "Selected" and ring.marker.opacity == 0 and ring.selected.marker.opacity == 1
    drawn = [(c[0], x, y) for t in marker_traces(fig) for c, x, y in zip(t.customdata, t.x, t.y, strict=True)]
    assert [(c[0], x, y) for c, x, y in zip(ring.customdata, ring.x, ring.y, strict=True)] == drawn
    assert all(t.hoverinfo == "skip" for t in fig.data[:-1])


def test_a_click_restyles_only_the_ring(atlas):
    """plotly restyles every trace on the axes of the point a click selects. The markers and the meridian lines
    are on the body's axes; the ring on a second pair laid exactly over them, so a click leaves the markers
    as they are drawn."""
    fig = chart(atlas, "posterior", "x.png", selected="BL23")
    on_top = {t.name for t in fig.data if (t.xaxis, t.yaxis) == ("x2", "y2")}
    assert on_top == {"Selected"}
    assert all((t.xaxis or "x", t.yaxis or "y") == ("x", "y") for t in fig.data if t.name not in on_top)
    layout = fig.to_dict()["layout"]
    for axis in ("xaxis", "yaxis"):
        body, top = dict(layout[axis]), dict(layout[axis + "2"])
        assert top.pop("anchor") == ("y2" if axis == "xaxis" else "x2")
        assert top.pop("scaleanchor", None) == ("x2" if body.pop("scaleanchor", None) else None)
        assert top == body
        assert "domain" not in body and "overlaying" not in top  # the same place on the page, not an overlay


def _outlines(trace) -> list[list[tuple[float, float]]]:
    """A shapes trace's polygons (its x and y, one polygon between two gaps)."""
    polygons, current = [], []
    for x, y in zip([*trace.x, None], [*trace.y, None], strict=True):
        if x is None:
            polygons.append(current)
            current = []
        else:
            current.append((x, y))
    return polygons


def test_a_crowded_view_draws_its_markers_as_shapes_and_its_ring_with_webgl(atlas, monkeypatch):
    """Past CROWDED markers on a view, each marker its own SVG element made every frame of the page slow (the
    browser re-layers them all) and an SVG ring made every click slow (plotly restyles every ring). There the
    markers are filled shapes, a trace per meridian, and the ring is WebGL; the views of the real atlas stay
    as they are (no WebGL needed to use them). The shapes sit where the markers were, as wide on the screen,
    in the meridian's colour, faded as the filters say, with a red rim for the points avoided in pregnancy."""
    assert not any(t.type == "scattergl" or t.fill for v in atlas.views for t in chart(atlas, v, "x.png").data)
    shown = frozenset(c for c in atlas.points if atlas.points[c].meridian == "BL")
    # Each point's marker as plotly draws it on the view as it is: its size in screen pixels and its symbol.
    plain = {c[0]: (size, symbol) for t in marker_traces(chart(atlas, "posterior", "x.png", shown=shown))
             for c, size, symbol in zip(t.customdata, per_point(t.marker.size, t), per_point(t.marker.symbol, t),
                                        strict=True)}
    monkeypatch.setattr(figures, "CROWDED", 100)
    fig = chart(atlas, "posterior", "x.png", shown=shown)
    assert fig.data[-1].type == "scattergl" and fig.data[-1].name == "Selected"
    drawn_markers = [t for t in fig.data if "markers" in t.mode and t.name not in ("Guide", "Selected") and not t.showlegend]
    assert not drawn_markers  # (the legend's entries are markers with no point)
    # Image pixels per screen pixel, as plotly lays the body out: the y range over the plot's height.
    layout = fig.layout
    scale = abs(layout.yaxis.range[0] - layout.yaxis.range[1]) / (layout.height - layout.margin.t - layout.margin.b)

    drawn: dict[tuple[str, bool], list] = {}  # (name, faded) -> the polygons of that meridian or of the rims
    for t in fig.data:
        if t.fill == "toself":
            group, _, what = t.name.partition(": ")
            colour = (figures.PREGNANCY_RIM if what == "pregnancy rims" else atlas.meridians[what].colour)
            faded = group == "Faded points"
            assert t.fillcolor == figures._rgba(colour, FADED if faded else 1.0) and t.hoverinfo == "skip"
            drawn.setdefault((what, faded), []).extend(_outlines(t))

    def centred_on(polygons, pos):
        return [o for o in polygons if abs(sum(x for x, _ in o) / len(o) - pos.x) < 1
                and abs(sum(y for _, y in o) / len(o) - pos.y) < 1]

    def span(outline, axis: int) -> float:
        return max(p[axis] for p in outline) - min(p[axis] for p in outline)

    for pos in atlas.positions_in("posterior"):
        point = atlas.points[pos.code]
        faded = pos.code not in shown
        shape, = centred_on(drawn[(point.meridian, faded)], pos)
        # As wide and as tall on the screen as plotly's marker (its outline is that of a marker of size 2),
        # to within the rounding to whole image pixels: a circle of size 11 spans 11 screen pixels.
        size, symbol = plain[pos.code]
        for axis in (0, 1):
            assert abs(span(shape, axis) / scale - size / 2 * span(shapes.OUTLINES[symbol], axis)) <= 1 / scale + 1e-9, pos
        rims = centred_on(drawn.get(("pregnancy rims", faded), []), pos)
        assert bool(rims) == (point.pregnancy is not None), pos
        assert all(span(rim, 0) > span(shape, 0) for rim in rims), pos  # a rim round the shape, not inside it


def test_every_meridian_symbol_has_an_outline_that_fills_plotlys_marker_box():
    """A crowded view draws plotly's symbols as polygons: each reaches as far as plotly's (1 to 1.6 radii),
    is symmetric left to right as plotly's are, and covers an area (a line would draw nothing)."""
    for symbol, outline in shapes.OUTLINES.items():
        xs = [x for x, _ in outline]
        assert 0.999 <= max(math.hypot(x, y) for x, y in outline) <= 1.6, symbol
        assert abs(max(xs) + min(xs)) < 1e-9, symbol
        fan = sum(abs(x0 * y1 - x1 * y0) / 2 for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True))
        assert fan > 1, symbol
    assert shapes.polygon("square", 10, 20, 2) == [(12, 22), (8, 22), (8, 18), (12, 18)]


def test_pregnancy_points_have_a_red_rim(atlas):
    fig = chart(atlas, "posterior", "x.png")
    for t in marker_traces(fig):
        for code, colour in zip((c[0] for c in t.customdata), per_point(t.marker.line.color, t), strict=True):
            assert (colour != "white") == (atlas.points[code].pregnancy is not None)


def test_hover_text_from_data_is_escaped(atlas):
    fig = chart(atlas, "posterior", "x.png")
    texts = list(fig.data[-1].text)
    assert texts and all("<" not in s for s in texts)


def _numbers(run):
    return [int(p.code[2:]) for p in run]


def test_a_meridian_course_joins_its_points_in_standard_order_on_each_side(atlas):
    bl = atlas.meridians["BL"]
    by_code = {}
    for pos in atlas.positions_in("posterior"):
        by_code.setdefault(pos.code, []).append(pos)
    runs = course_segments(atlas, bl, by_code)
    assert runs and all(_numbers(r) == sorted(_numbers(r)) for r in runs)
    assert all({p.side for p in r} <= {"left", "midline"} or {p.side for p in r} <= {"right", "midline"} for r in runs)
    # the outer line starts again at BL41: no line runs from the knee crease (BL40) back up to the shoulder blade
    assert not any(a.code == "BL40" and b.code == "BL41" for r in runs for a, b in pairwise(r))


def test_the_course_toggle_draws_all_the_filtered_or_no_meridians(atlas):
    def courses(**kw):
        return {t.name for t in chart(atlas, "posterior", "x.png", **kw).data if t.mode == "lines" and t.name}
    bl_only = frozenset(atlas.meridian_points("BL"))
    assert {"BL course", "GV course"} <= courses()
    assert courses(shown=bl_only, courses="filtered") == {"BL course"}
    assert courses(courses="none") == set()
    lines = {t.name: t for t in chart(atlas, "posterior", "x.png", highlight="BL").data if t.mode == "lines"}
    assert lines["BL course"].line.width > 2 and alpha(lines["BL course"].line.color) > 0.5
    assert alpha(lines["GV course"].line.color) < 0.5


def alpha(rgba: str) -> float:
    return float(rgba.rsplit(",", 1)[1].rstrip(")"))


def test_no_trace_is_blended_as_a_whole(atlas):
    """A trace with an opacity of its own is painted apart and blended in on every repaint, which made
    each click cost the browser twice as much: faded lines and markers carry their opacity per mark."""
    for kw in ({}, {"highlight": "BL"}, {"shown": frozenset({"BL23"}), "selected": "BL23"}):
        fig = chart(atlas, "posterior", "x.png", **kw)
        assert all(t.opacity is None for t in fig.data), kw


def test_the_guide_line_is_labelled_with_the_distance_in_cun(atlas):
    fig = chart(atlas, "posterior", "x.png", selected="BL23")
    assert [a.text for a in fig.layout.annotations] == ["1.5 cun lateral"]  # on the first side only


@pytest.mark.parametrize(("view", "code", "covers"), [
    ("lower_back", "BL23", 0), ("anterior", "ST36", 0), ("sole", "KI1", 0), ("hand_back", "LI4", 0),
    ("chest_abdomen", "CV12", 0), ("posterior", "BL23", None), ("anterior", "CV12", None)])
def test_a_guide_label_is_clear_of_the_ring_and_of_the_markers_where_the_view_leaves_room(atlas, view, code, covers):
    """The review found '1.5 cun lateral' written over the ring and the markers, unreadable. The label sits
    beside its guide, never over the point's rings, and on the close-ups over no marker's centre (a
    half-marker round the box counted too). On the crowded whole-body views its white box sits over some."""
    d = chart(atlas, view, "x.png", selected=code).to_dict()
    v = atlas.views[view]
    scale = plot_height(v) / v.size[1]
    label, = d["layout"]["annotations"]
    width = (len(label["text"]) * guides.CHAR_WIDTH + 8) / scale
    box = guides._box(label["x"], label["y"], label["xanchor"], width, guides.LABEL_HEIGHT / scale)
    rings = [(p.x, p.y) for p in atlas.positions_in(view) if p.code == code]
    assert guides._covered(box, rings, guides.RING / scale) == 0, (view, code, label)
    if covers is not None:
        spots = [(p.x, p.y) for p in atlas.positions_in(view)]
        assert guides._covered(box, spots, MARKER_SIZE / scale / 2) == covers, (view, code, label)


def test_a_click_has_what_the_browser_needs_to_draw_the_guide(atlas):
    """A click is not answered with a new chart (docs/architecture.md, "The click"): the ring's customdata holds
    each position's guide, and the browser draws from it what the server draws for a link (ui/click_guide.js)."""
    linked = chart(atlas, "posterior", "x.png", selected="BL23").to_dict()
    ring = chart(atlas, "posterior", "x.png").to_dict()["data"][-1]
    assert ring["meta"]["guide"] == guides.GUIDE
    sides = [i for i, c in enumerate(ring["customdata"]) if c[0] == "BL23"]
    redrawn = guides.guide_layout([(ring["x"][i], ring["y"][i], ring["customdata"][i][1:]) for i in sides])
    assert redrawn == {k: linked["layout"][k] for k in ("shapes", "annotations")}


def test_notebooks_get_the_image_inline(atlas):
    assert image_data_uri("posterior").startswith("data:image/png;base64,iVBOR")


def test_the_preview_marks_each_point_in_its_meridian_colour(atlas, tmp_path):
    out = tmp_path / "preview.png"
    assert main(["preview", "lower_back", "--out", str(out)]) == 0
    image = Image.open(out).convert("RGB")
    for code in ("BL23", "EX-B7"):  # an extra point too: its code does not start with its meridian's id
        spot = next(p for p in atlas.positions_in("lower_back") if p.code == code)
        colour = atlas.meridians[atlas.points[code].meridian].colour
        assert image.getpixel((round(spot.x * 2), round(spot.y * 2))) == ImageColor.getrgb(colour), code


def test_the_preview_labels_each_point_with_its_hanzi_in_the_shipped_font(atlas, tmp_path):
    """The preview never asks the host for a font (a fresh Debian has no CJK one): its font is the shipped
    subset, which has every hanzi the atlas names, and a label's hanzi draw as characters, not as empty boxes."""
    assert missing(REGULAR, "".join(p.hanzi for p in atlas.points.values())) == ""
    out = tmp_path / "preview.png"
    assert main(["preview", "sole", "--out", str(out)]) == 0
    view, spot = atlas.views["sole"], next(p for p in atlas.positions_in("sole") if p.code == "KI1")
    font = ImageFont.truetype(str(REGULAR), PREVIEW_TEXT)
    left = spot.x * 2 + 6 + font.getlength("KI1 ")
    box = (round(left), round(spot.y * 2 - PREVIEW_TEXT), round(left + font.getlength(atlas.points["KI1"].hanzi)),
           round(spot.y * 2 + PREVIEW_TEXT))
    drawn = Image.open(out).convert("L").crop(box)
    assert drawn.getextrema()[0] < 100, "the hanzi of KI1's label leave ink"
    boxes = draw_preview(view, [spot], {}, {"KI1": "KI1 \uffff\uffff"}).convert("L").crop(box)
    assert ImageChops.difference(drawn, boxes).getbbox() is not None, "they are not the font's empty boxes"


def test_a_tap_that_picked_jiaji_beside_gv4_offers_gv4_first(atlas):
    """The review's case: on a phone's whole-body back view a tap on GV4 opened Jiaji (EX-B2)."""
    gv4 = next(p for p in atlas.positions_in("posterior") if p.code == "GV4")
    jiaji = min((p for p in atlas.positions_in("posterior") if p.code == "EX-B2"),
                key=lambda p: math.dist((p.x, p.y), (gv4.x, gv4.y)))
    near = within_reach(atlas, "posterior", (jiaji.x, jiaji.y), "EX-B2")
    assert near[0] == "GV4" and "BL23" in near and "EX-B2" not in near
    far = next(p for p in atlas.positions_in("posterior") if p.code == "BL60")
    assert "GV4" not in within_reach(atlas, "posterior", (far.x, far.y), "BL60")


def test_the_close_up_offered_from_a_whole_body_view_is_the_one_around_the_tap(atlas):
    jiaji = sorted((p.y, p.x) for p in atlas.positions_in("posterior") if p.code == "EX-B2")
    (low_y, low_x), (high_y, high_x) = jiaji[-1], jiaji[0]  # beside L5 and beside T1
    assert closeup_of(atlas, "posterior", "EX-B2", (low_x, low_y)) == "lower_back"
    assert closeup_of(atlas, "posterior", "EX-B2", (high_x, high_y)) == "upper_back"
    assert closeup_of(atlas, "anterior", "ST36") == "knee_front"
    assert closeup_of(atlas, "posterior", "BL23") == "lower_back"
