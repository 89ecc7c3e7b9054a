"""The chart images are what the render command makes today, and the Plotly chart is built from the atlas."""

from __future__ import annotations

from PIL import Image, ImageChops

from meridians.figures import FADED, chart, image_data_uri
from meridians.render import ASSETS_DIR, draw_view, image_name


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
    return [t for t in fig.data if t.mode == "markers" and t.name != "Selected"]


def test_chart_has_a_clickable_marker_for_every_position(atlas):
    fig = chart(atlas, "posterior", "app/static/posterior.png")
    codes = [c[0] for t in marker_traces(fig) for c in t.customdata]
    assert sorted(codes) == sorted(p.code for p in atlas.positions_in("posterior"))
    assert fig.layout.dragmode is False and fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange
    assert fig.layout.images[0].source == "app/static/posterior.png"


def test_filtered_out_points_fade_and_the_rest_stay_solid(atlas):
    fig = chart(atlas, "posterior", "x.png", shown=frozenset({"BL23"}))
    for t in marker_traces(fig):
        for code, opacity in zip((c[0] for c in t.customdata), t.marker.opacity):
            assert opacity == (1.0 if code == "BL23" else FADED)


def test_selected_point_is_ringed_on_both_sides_with_a_guide_from_its_landmark(atlas):
    fig = chart(atlas, "posterior", "x.png", selected="BL23")
    ring = next(t for t in fig.data if t.name == "Selected")
    assert len(ring.x) == 2 and all(c[0] == "BL23" for c in ring.customdata)
    guides = [t for t in fig.data if t.mode == "lines+markers"]
    assert len(guides) == 2
    assert "1.5 cun lateral" in ring.hovertemplate


def test_pregnancy_points_have_a_red_rim(atlas):
    fig = chart(atlas, "posterior", "x.png")
    for t in marker_traces(fig):
        for code, colour in zip((c[0] for c in t.customdata), t.marker.line.color):
            assert (colour != "white") == (atlas.points[code].pregnancy is not None)


def test_hover_text_from_data_is_escaped(atlas):
    fig = chart(atlas, "posterior", "x.png")
    texts = [s for t in marker_traces(fig) for s in t.text]
    assert texts and all("<" not in s for s in texts)


def test_channel_paths_join_points_in_order(atlas):
    fig = chart(atlas, "posterior", "x.png")
    bl = [t for t in fig.data if t.mode == "lines" and t.name == "BL course"]
    assert len(bl) == 4  # inner and outer lines, on both sides
    assert not [t for t in chart(atlas, "posterior", "x.png", paths=False).data if t.mode == "lines"]


def test_notebooks_get_the_image_inline(atlas):
    assert image_data_uri("posterior").startswith("data:image/png;base64,iVBOR")
