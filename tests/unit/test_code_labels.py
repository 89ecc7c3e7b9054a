"""Labels for study: each code beside its marker where there is room, never over a marker or another label,
never taking a click; close-ups zoom with buttons that move the body and the ring together."""

from __future__ import annotations

import pytest

from meridians.draw.chart import (
    CONFIG,
    MARKER_SIZE,
    ZOOM_CONFIG,
    ZOOM_ROOM,
    config_for,
    drill_spec,
    phone_scale,
    spec,
)
from meridians.draw.labels import code_labels
from meridians.url_state import MeridiansState, State, parse, to_params


@pytest.mark.parametrize("view", ["posterior", "anterior", "hand_back", "lower_back", "face", "foot_inner"])
def test_labels_cover_no_marker_and_no_other_label_even_on_a_phone(atlas, view):
    v = atlas.views[view]
    scale = phone_scale(v)
    labels = code_labels(atlas, view, frozenset(atlas.points), scale, MARKER_SIZE / scale)
    boxes = [lb.box for lb in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
        for p in atlas.positions_in(view):
            assert not (a[0] <= p.x <= a[2] and a[1] <= p.y <= a[3]), (labels[i].code, p.code)
    assert labels  # some room on every view


def test_on_a_close_up_every_point_has_its_label(atlas):
    scale = phone_scale(atlas.views["hand_back"])
    labels = code_labels(atlas, "hand_back", frozenset(atlas.points), scale, MARKER_SIZE / scale)
    assert sorted(lb.code for lb in labels) == sorted(p.code for p in atlas.positions_in("hand_back"))


def test_each_label_sits_beside_its_own_marker(atlas):
    v = atlas.views["lower_back"]
    scale = phone_scale(v)
    for lb in code_labels(atlas, "lower_back", frozenset(atlas.points), scale, MARKER_SIZE / scale):
        assert any((p.code, round(p.x, 1), round(p.y, 1)) == (lb.code, lb.x, lb.y) for p in atlas.positions_in(v.name))
        cx, cy = (lb.box[0] + lb.box[2]) / 2, (lb.box[1] + lb.box[3]) / 2
        nearest = min(atlas.positions_in("lower_back"), key=lambda p: (p.x - cx) ** 2 + (p.y - cy) ** 2)
        assert nearest.code == lb.code  # the nearest marker to the label is its own


def test_only_the_points_let_through_are_labelled(atlas):
    d = spec(atlas, "lower_back", "x.png", shown=frozenset({"BL23"}), labels=True)
    codes = next(t for t in d["data"] if t["name"] == "Codes")
    assert set(codes["text"]) == {"BL23"}


def test_the_labels_take_no_click_and_the_ring_stays_last(atlas):
    d = spec(atlas, "posterior", "x.png", selected="BL23", labels=True)
    codes = next(t for t in d["data"] if t["name"] == "Codes")
    assert codes["hoverinfo"] == "skip" and codes["marker"]["opacity"] == 0 and "xaxis" not in codes  # body's axes
    assert d["data"][-1]["name"] == "Selected"
    assert "Codes" not in {t["name"] for t in spec(atlas, "posterior", "x.png")["data"]}


def test_close_ups_zoom_with_buttons_and_never_by_drag(atlas):
    close, whole = atlas.views["lower_back"], atlas.views["posterior"]
    assert config_for(whole) is CONFIG and config_for(close) is ZOOM_CONFIG
    assert ZOOM_CONFIG["modeBarButtons"] == [["zoomIn2d", "zoomOut2d", "resetScale2d"]]
    layout = spec(atlas, "lower_back", "x.png")["layout"]
    assert layout["dragmode"] is False and CONFIG["scrollZoom"] is False
    assert {layout[a]["fixedrange"] for a in ("xaxis", "yaxis", "xaxis2", "yaxis2")} == {False}  # all four together
    assert layout["xaxis"]["range"] == layout["xaxis2"]["range"] and layout["yaxis"]["range"] == layout["yaxis2"]["range"]
    assert layout["margin"]["t"] == ZOOM_ROOM  # the buttons above the body, over no marker
    for fixed in (spec(atlas, "posterior", "x.png")["layout"], drill_spec(atlas, "lower_back", "x.png")["layout"]):
        assert fixed["xaxis"]["fixedrange"] is True and fixed["margin"]["t"] == 0


@pytest.mark.parametrize("cls", [State, MeridiansState])
def test_the_labels_switch_is_in_the_link(atlas, cls):
    state, notices = parse({"labels": "1"}, cls, atlas)
    assert state.labels is True and not notices
    assert parse(to_params(state, atlas), cls, atlas)[0] == state
    assert "labels" not in to_params(cls(), atlas)
