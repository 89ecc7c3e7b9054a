"""Placement by rule: where the body model puts points, checked against the WHO proportions."""

from __future__ import annotations

import math

import pytest
from geometry import fraction_along, landmark, one, spots

from meridians.body import outline_mask


def test_bilateral_point_mirrors_about_the_midline(atlas):
    mid = atlas.views["posterior"].midline_x
    left, right = one(atlas, "BL23", "posterior", "left"), one(atlas, "BL23", "posterior", "right")
    assert left.y == pytest.approx(right.y)
    assert mid - left.x == pytest.approx(right.x - mid)
    assert left.x < mid < right.x  # from behind, the person's left is on the viewer's left


def test_front_view_shows_the_persons_right_on_the_viewers_left(atlas):
    mid = atlas.views["anterior"].midline_x
    assert one(atlas, "ST36", "anterior", "right").x < mid < one(atlas, "ST36", "anterior", "left").x


def test_bl23_and_gv4_share_a_level(atlas):
    gv4 = one(atlas, "GV4", "posterior", "midline")
    assert one(atlas, "BL23", "posterior", "left").y == pytest.approx(gv4.y)
    assert gv4.x == atlas.views["posterior"].midline_x


def test_bl52_lies_twice_as_far_from_the_midline_as_bl23(atlas):
    mid = atlas.views["posterior"].midline_x
    bl23 = mid - one(atlas, "BL23", "posterior", "left").x
    bl52 = mid - one(atlas, "BL52", "posterior", "left").x
    assert bl52 == pytest.approx(2 * bl23)
    assert one(atlas, "BL52", "posterior", "left").y == pytest.approx(one(atlas, "BL23", "posterior", "left").y)


def test_back_shu_points_step_down_one_vertebra_at_a_time(atlas):
    ys = [one(atlas, f"BL{n}", "posterior", "left").y for n in range(20, 29)]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    xs = {round(one(atlas, f"BL{n}", "posterior", "left").x, 6) for n in range(20, 29)}
    assert len(xs) == 1, "BL20-BL28 all lie on the 1.5 cun line"


def test_bl23_is_one_and_a_half_cun_from_the_midline(atlas):
    view = atlas.views["posterior"]
    cun = view.parts["back"].cun_px
    # the WHO span: 6 cun between the medial borders of the scapulae
    medial = view.landmarks["scapula_medial"].xy[0]
    assert 2 * (view.midline_x - medial) == pytest.approx(6 * cun)
    assert view.midline_x - one(atlas, "BL23", "posterior", "left").x == pytest.approx(1.5 * cun)


def test_st36_lies_three_sixteenths_from_st35_to_st41_on_the_side_view_too(atlas):
    """From its landmarks (the knee eye and the ankle crease), on both views; tests/unit/test_atlas.py checks
    the whole span from the points themselves."""
    for view in ("anterior", "lateral"):
        st35, st41 = landmark(atlas, view, "knee_eye_lateral"), landmark(atlas, view, "ankle_front_crease")
        side = "right"
        st36 = one(atlas, "ST36", view, side)
        off = 0.5 if view == "anterior" else 4  # the side view draws it on the muscle just behind the shin's edge
        assert fraction_along((st36.x, st36.y), st35, st41, tolerance=off) == pytest.approx(3 / 16, abs=0.01)


def test_sp6_is_three_cun_above_the_medial_malleolus_on_the_13_cun_span(atlas):
    mall, condyle = landmark(atlas, "anterior", "medial_malleolus"), landmark(atlas, "anterior", "tibia_medial_condyle")
    sp6 = one(atlas, "SP6", "anterior", "right")
    assert fraction_along((sp6.x, sp6.y), mall, condyle) == pytest.approx(3 / 13)


def test_gb30_is_a_third_of_the_way_from_trochanter_to_sacral_hiatus(atlas):
    for view, side in (("posterior", "left"), ("lateral", "right")):
        gb30 = one(atlas, "GB30", view, side)
        troch, hiatus = landmark(atlas, view, "greater_trochanter"), landmark(atlas, view, "sacral_hiatus")
        assert fraction_along((gb30.x, gb30.y), troch, hiatus) == pytest.approx(1 / 3, abs=1e-3)


def test_bl57_is_halfway_from_knee_crease_to_ankle(atlas):
    view = atlas.views["posterior"]
    crease = view.landmarks["popliteal_crease"].xy
    bl57 = one(atlas, "BL57", "posterior", "left")
    assert math.dist(crease, (bl57.x, bl57.y)) == pytest.approx(8 * view.parts["lower_leg"].cun_px)


def test_yaoyan_and_jiaji_sit_at_their_distances_from_the_spine(atlas):
    view = atlas.views["posterior"]
    cun = view.parts["back"].cun_px
    assert view.midline_x - one(atlas, "EX-B7", "posterior", "left").x == pytest.approx(3.5 * cun)
    jiaji = spots(atlas, "EX-B2", "posterior", "left")
    assert len(jiaji) == 17  # T1 to L5
    assert all(view.midline_x - p.x == pytest.approx(0.5 * cun) for p in jiaji)
    assert one(atlas, "EX-B7", "posterior", "left").y == pytest.approx(one(atlas, "GV3", "posterior", "midline").y)


def test_a_point_seen_in_two_views_keeps_its_rule(atlas):
    """BL60 lies behind the outer ankle bone: posterior in the side view, toward the tendon from behind."""
    lat = one(atlas, "BL60", "lateral", "right")
    assert lat.x < landmark(atlas, "lateral", "lateral_malleolus")[0]
    back = one(atlas, "BL60", "posterior", "left")
    assert landmark(atlas, "posterior", "lateral_malleolus")[0] < back.x < landmark(atlas, "posterior", "calcaneal_tendon")[0]


def test_every_point_is_drawn_somewhere_and_inside_the_body(atlas):
    masks = {name: outline_mask(v) for name, v in atlas.views.items()}
    for code in atlas.points:
        assert atlas.views_of(code), f"{code} is drawn on no view"
    for p in atlas.positions:
        assert masks[p.view].getpixel((int(p.x), int(p.y))) == 1, f"{p.code} outside the {p.view} outline"


def test_midline_points_are_drawn_once_per_view(atlas):
    for code in ("GV3", "GV4", "GV20", "CV4", "CV6", "EX-HN3", "EX-B8"):
        for view in atlas.views_of(code):
            assert [p.side for p in spots(atlas, code, view)] == ["midline"]


def test_the_lower_back_close_up_shows_the_same_points_enlarged(atlas):
    close = atlas.views["lower_back"]
    assert close.source == "posterior" and close.scale == 3
    for code in ("BL23", "BL52", "GV4", "EX-B7", "GB30"):
        for side in ("left", "right") if atlas.points[code].bilateral else ("midline",):
            big, small = one(atlas, code, "lower_back", side), one(atlas, code, "posterior", side)
            assert big.x == pytest.approx((small.x - close.origin[0]) * 3)
            assert big.y == pytest.approx((small.y - close.origin[1]) * 3)
    assert not [p for p in atlas.positions_in("lower_back") if p.code in ("GV20", "BL40", "LI4")]
    assert close.parts["back"].cun_px == pytest.approx(3 * atlas.views["posterior"].parts["back"].cun_px)


def test_bl26_and_bl27_are_a_level_apart(atlas):
    """BL26 sits level with the lower edge of L5 (between the L5 and S1 spinous processes), BL27 level with the
    first sacral foramen below it; both 1.5 cun out from the midline."""
    view = atlas.views["posterior"]
    l5, s1, foramen = (view.landmarks[n].xy[1] for n in ("L5", "S1", "sacral_foramen_1"))
    bl26, bl27 = one(atlas, "BL26", "posterior", "left"), one(atlas, "BL27", "posterior", "left")
    assert l5 < bl26.y < s1 and bl26.y == pytest.approx((l5 + s1) / 2, abs=1)
    assert bl27.y == pytest.approx(foramen, abs=1) and bl27.y > bl26.y
    for p in (bl26, bl27):
        assert (view.midline_x - p.x) / view.parts["back"].cun_px == pytest.approx(1.5, abs=0.05)
