"""The whole atlas: every standard point, in order along its meridian, where the WHO standard puts it."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from geometry import fraction_along, landmark, one, spots

from meridians.draw.chart import MARKER_SIZE, plot_height, within_reach

WHO_COUNTS = {"LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67, "KI": 27, "PC": 9, "TE": 23,
              "GB": 44, "LR": 14, "GV": 28, "CV": 24}
EXTRA = ("EX-HN3", "EX-HN5", "EX-B2", "EX-B7", "EX-B8", "EX-UE7")
CLOSE_UPS = ("face", "head_side", "hand_back", "hand_palm", "foot_top", "foot_inner", "foot_outer", "sole")


def test_all_361_standard_points_with_their_meridian_counts(atlas):
    counts = {c: len(atlas.meridian_points(c)) for c in WHO_COUNTS}
    assert counts == WHO_COUNTS and sum(counts.values()) == 361
    for meridian, n in WHO_COUNTS.items():
        assert atlas.meridian_points(meridian) == tuple(f"{meridian}{i}" for i in range(1, n + 1))
        assert atlas.meridians[meridian].count == n


def test_the_extra_points_for_back_pain_and_relaxation_are_there(atlas):
    assert set(EXTRA) <= set(atlas.points)
    levels = [f"T{n}" for n in range(1, 13)] + [f"L{n}" for n in range(1, 6)]
    jiaji = sorted(p.y for p in spots(atlas, "EX-B2", "posterior", "left"))
    below = [atlas.views["posterior"].landmarks[f"below_{v}"].xy[1] for v in levels]
    assert jiaji == pytest.approx(below), "Jiaji at every level from T1 to L5"


def test_ashi_points_are_explained_on_back_region_cards(atlas):
    for region in ("lower_back", "upper_back"):
        assert "ashi" in atlas.regions[region].note.lower()


@pytest.mark.parametrize("view", CLOSE_UPS)
def test_each_close_up_is_its_own_drawing_with_points_on_it(atlas, view):
    v = atlas.views[view]
    assert v.closeup and v.source is None
    assert len({p.code for p in atlas.positions_in(view)}) >= 1


def test_hand_and_foot_points_show_on_their_close_ups(atlas):
    expected = {
        "hand_back": {"LI1", "LI4", "SI3", "TE3"},
        "hand_palm": {"LU10", "PC8", "HT8", "LU9"},
        "foot_top": {"LR3", "ST44", "GB41"},
        "foot_inner": {"SP4", "KI3", "KI6"},
        "foot_outer": {"BL60", "BL62", "BL65"},
        "sole": {"KI1"},
        "face": {"EX-HN3", "ST2", "LI20", "GV26"},
        "head_side": {"GB20", "TE17", "SI19", "GB8"},
    }
    for view, codes in expected.items():
        drawn = {p.code for p in atlas.positions_in(view)}
        assert codes <= drawn, f"{view} lacks {sorted(codes - drawn)}"


# Stretches of a meridian that run one way on the whole-body views (y grows downwards). Points the standard
# puts at one level (TE6 and TE7) may tie: a step the wrong way by up to a pixel is a tie, not disorder.
RUNS = {
    ("BL", 11, 30): "down", ("BL", 41, 54): "down", ("BL", 55, 60): "down", ("GV", 1, 16): "up",
    ("CV", 2, 22): "up", ("KI", 11, 27): "up", ("ST", 12, 30): "down", ("ST", 31, 39): "down",
    ("SP", 6, 12): "up", ("LR", 9, 12): "up", ("LU", 3, 9): "down", ("PC", 3, 7): "down",
    ("HT", 3, 7): "down", ("LI", 5, 15): "up", ("TE", 4, 14): "up", ("GB", 30, 40): "down",
    ("SI", 5, 10): "up",
}


@pytest.mark.parametrize("run", RUNS, ids=[f"{c}{a}-{c}{b}" for c, a, b in RUNS])
def test_points_keep_their_standard_order_along_the_meridian(atlas, run):
    meridian, first, last = run
    codes = [f"{meridian}{n}" for n in range(first, last + 1)]
    views = [v for v, view in atlas.views.items() if not view.closeup
             and all(any(p.code == c for p in atlas.positions_in(v)) for c in codes)]
    assert views, f"no whole-body view shows all of {codes[0]}-{codes[-1]}"
    for view in views:
        side = spots(atlas, codes[0], view)[0].side
        ys = [next(p.y for p in spots(atlas, c, view) if p.side in (side, "midline")) for c in codes]
        sign = 1 if RUNS[run] == "down" else -1
        ordered = all(sign * (b - a) > -1 for a, b in pairwise(ys))
        assert ordered, f"{codes[0]}-{codes[-1]} out of order on {view}: {[round(y) for y in ys]}"


def xy(atlas, code, view, side):
    p = one(atlas, code, view, side)
    return (p.x, p.y)


def test_gb21_lies_halfway_between_c7_and_the_acromion(atlas):
    c7 = landmark(atlas, "posterior", "C7")  # the spinous process (GV14 is in the hollow below it)
    acromion = landmark(atlas, "posterior", "acromion")
    assert fraction_along(xy(atlas, "GB21", "posterior", "left"), c7, acromion, tolerance=2) == pytest.approx(0.5, abs=0.03)


@pytest.mark.parametrize("code, fraction", [("ST36", 3 / 16), ("ST37", 6 / 16), ("ST38", 8 / 16), ("ST39", 9 / 16)])
def test_stomach_points_on_the_16_cun_span_from_st35_to_st41(atlas, code, fraction):
    st35, st41 = xy(atlas, "ST35", "anterior", "right"), xy(atlas, "ST41", "anterior", "right")
    assert fraction_along(xy(atlas, code, "anterior", "right"), st35, st41, tolerance=4) == pytest.approx(fraction, abs=0.02)


@pytest.mark.parametrize("code, below_navel", [("CV7", 1), ("CV6", 1.5), ("CV5", 2), ("CV4", 3), ("CV3", 4), ("CV2", 5)])
def test_conception_vessel_points_on_the_5_cun_span_from_navel_to_pubis(atlas, code, below_navel):
    navel, pubis = landmark(atlas, "anterior", "umbilicus"), landmark(atlas, "anterior", "pubic_symphysis")
    assert fraction_along(xy(atlas, code, "anterior", "midline"), navel, pubis) == pytest.approx(below_navel / 5, abs=0.01)


@pytest.mark.parametrize("code, above_navel", [("CV9", 1), ("CV10", 2), ("CV11", 3), ("CV12", 4), ("CV13", 5), ("CV14", 6)])
def test_conception_vessel_points_on_the_8_cun_span_from_navel_to_sternum(atlas, code, above_navel):
    navel, xiphi = landmark(atlas, "anterior", "umbilicus"), landmark(atlas, "anterior", "xiphisternal_junction")
    assert fraction_along(xy(atlas, code, "anterior", "midline"), navel, xiphi) == pytest.approx(above_navel / 8, abs=0.01)


@pytest.mark.parametrize("code, lateral", [("KI16", 0.5), ("ST25", 2), ("SP15", 4)])
def test_points_beside_the_navel_at_their_distance_from_the_midline(atlas, code, lateral):
    view = atlas.views["anterior"]
    navel = landmark(atlas, "anterior", "umbilicus")
    nipple = landmark(atlas, "anterior", "nipple")
    four_cun = view.midline_x - nipple[0]  # 8 cun between the nipples
    x, y = xy(atlas, code, "anterior", "right")
    assert y == pytest.approx(navel[1], abs=1.5)
    assert (view.midline_x - x) / four_cun == pytest.approx(lateral / 4, abs=0.03)


def test_st17_is_the_nipple_and_cv17_is_level_with_it(atlas):
    nipple = landmark(atlas, "anterior", "nipple")
    assert math.dist(xy(atlas, "ST17", "anterior", "right"), nipple) < 2
    assert xy(atlas, "CV17", "anterior", "midline")[1] == pytest.approx(nipple[1], abs=3)


@pytest.mark.parametrize("code, above_wrist", [("LU7", 1.5), ("LU6", 7)])
def test_lung_points_on_the_12_cun_forearm(atlas, code, above_wrist):
    lu9, lu5 = xy(atlas, "LU9", "anterior", "right"), xy(atlas, "LU5", "anterior", "right")
    assert fraction_along(xy(atlas, code, "anterior", "right"), lu9, lu5, tolerance=4) == pytest.approx(above_wrist / 12, abs=0.02)


@pytest.mark.parametrize("code, above_wrist", [("PC6", 2), ("PC5", 3), ("PC4", 5)])
def test_pericardium_points_on_the_12_cun_forearm(atlas, code, above_wrist):
    pc7, pc3 = xy(atlas, "PC7", "anterior", "right"), xy(atlas, "PC3", "anterior", "right")
    assert fraction_along(xy(atlas, code, "anterior", "right"), pc7, pc3, tolerance=2) == pytest.approx(above_wrist / 12, abs=0.02)


@pytest.mark.parametrize("code, above_wrist", [("HT4", 1.5), ("HT5", 1), ("HT6", 0.5)])
def test_heart_points_above_the_wrist_crease(atlas, code, above_wrist):
    ht7, ht3 = xy(atlas, "HT7", "anterior", "right"), xy(atlas, "HT3", "anterior", "right")
    assert fraction_along(xy(atlas, code, "anterior", "right"), ht7, ht3, tolerance=2) == pytest.approx(above_wrist / 12, abs=0.02)


@pytest.mark.parametrize("code, above_wrist", [("LI6", 3), ("LI7", 5), ("LI10", 10)])
def test_large_intestine_points_on_the_line_from_li5_to_li11(atlas, code, above_wrist):
    view = next(v for v in ("posterior", "lateral") if any(p.code == code for p in atlas.positions_in(v)))
    side = "left" if view == "posterior" else "right"
    li5, li11 = xy(atlas, "LI5", view, side), xy(atlas, "LI11", view, side)
    assert fraction_along(xy(atlas, code, view, side), li5, li11, tolerance=3) == pytest.approx(above_wrist / 12, abs=0.02)


def test_te5_is_two_cun_above_the_dorsal_wrist_crease(atlas):
    te4 = xy(atlas, "TE4", "posterior", "left")
    tip = landmark(atlas, "posterior", "olecranon")
    assert fraction_along(xy(atlas, "TE5", "posterior", "left"), te4, tip, tolerance=3) == pytest.approx(2 / 12, abs=0.02)


def test_sp9_and_sp6_are_ten_cun_apart_on_the_13_cun_span(atlas):
    mall, condyle = landmark(atlas, "anterior", "medial_malleolus"), landmark(atlas, "anterior", "tibia_medial_condyle")
    span = math.dist(mall, condyle)
    assert math.dist(xy(atlas, "SP9", "anterior", "right"), xy(atlas, "SP6", "anterior", "right")) / span == pytest.approx(10 / 13, abs=0.04)


def test_back_shu_points_sit_level_with_the_governor_vessel_points_between_them(atlas):
    for bl, gv in (("BL13", "GV12"), ("BL15", "GV11"), ("BL17", "GV9"), ("BL18", "GV8"), ("BL25", "GV3")):
        assert xy(atlas, bl, "posterior", "left")[1] == pytest.approx(xy(atlas, gv, "posterior", "midline")[1], abs=1.5), (bl, gv)


def test_the_outer_bladder_line_runs_3_cun_out_level_with_the_inner_line(atlas):
    mid = atlas.views["posterior"].midline_x
    for inner, outer in (("BL13", "BL42"), ("BL15", "BL44"), ("BL18", "BL47"), ("BL23", "BL52")):
        (xi, yi), (xo, yo) = xy(atlas, inner, "posterior", "left"), xy(atlas, outer, "posterior", "left")
        assert yo == pytest.approx(yi, abs=1.5) and (mid - xo) == pytest.approx(2 * (mid - xi), rel=0.03), (inner, outer)


def test_gv14_is_below_c7_and_gv20_on_the_top_of_the_head(atlas):
    assert xy(atlas, "GV14", "posterior", "midline")[1] > landmark(atlas, "posterior", "C7")[1]
    assert xy(atlas, "GV14", "posterior", "midline")[1] < landmark(atlas, "posterior", "T1")[1]
    for view in ("posterior", "anterior", "lateral"):  # at the crown: just inside the outline's highest point
        top = min(y for shape in atlas.views[view].outlines for _, y in shape)
        assert 0 < xy(atlas, "GV20", view, "midline")[1] - top < 15, view
    # seen from above, on the midline 5 cun behind the anterior hairline
    x, y = xy(atlas, "GV20", "head_top", "midline")
    hairline = landmark(atlas, "head_top", "anterior_hairline")
    assert x == pytest.approx(hairline[0]) and (y - hairline[1]) / atlas.views["head_top"].parts["head"].cun_px == pytest.approx(5)


def test_bl40_is_the_middle_of_the_knee_crease_and_bl60_sits_between_ankle_bone_and_tendon(atlas):
    assert math.dist(xy(atlas, "BL40", "posterior", "left"), landmark(atlas, "posterior", "popliteal_crease")) < 2
    mall, tendon = landmark(atlas, "posterior", "lateral_malleolus"), landmark(atlas, "posterior", "calcaneal_tendon")
    assert fraction_along(xy(atlas, "BL60", "posterior", "left"), mall, tendon, tolerance=4) == pytest.approx(0.5, abs=0.15)


def test_yintang_is_the_glabella(atlas):
    assert math.dist(xy(atlas, "EX-HN3", "anterior", "midline"), landmark(atlas, "anterior", "glabella")) < 1


def test_every_point_is_reached_in_at_most_two_taps_from_any_view_that_draws_it(atlas):
    """Where markers overlap, a tap may pick a neighbour. Either the point is clear on some view (no other
    marker's centre within a marker's width of its own, so a tap there picks it), or a tap on any view that
    draws it, whatever neighbour it picks, offers the point among the ones near it (the second tap)."""
    missed = []
    for code in atlas.points:
        for view in atlas.views_of(code):
            v = atlas.views[view]
            marker = MARKER_SIZE * v.size[1] / plot_height(v)  # on-screen marker size, in image pixels
            for spot in spots(atlas, code, view):
                picked = [o for o in atlas.positions_in(view)
                          if o.code != code and math.dist((spot.x, spot.y), (o.x, o.y)) < marker]
                missed += [(code, view, o.code) for o in picked if code not in within_reach(atlas, view, (o.x, o.y), o.code)]
    assert missed == [], f"a tap that picks the neighbour does not offer the point: {missed[:10]}"
