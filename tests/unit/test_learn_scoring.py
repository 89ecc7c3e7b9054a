"""The drill's score: a click's error in cun, by the body model's own local scale."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meridians.learn.scoring import FINGER_CUN, offset, scale_at, score

# a point on each kind of view the issue names: hand, back, leg, face (and a whole-body view)
CASES = [("hand_back", "LI4"), ("lower_back", "BL23"), ("posterior", "BL40"), ("face", "ST3"), ("anterior", "ST36")]


@pytest.mark.parametrize("view,code", CASES)
def test_a_click_on_the_true_position_scores_zero(atlas, view, code):
    for pos in [p for p in atlas.positions_in(view) if p.code == code]:
        s = score(atlas, view, code, (pos.x, pos.y))
        assert s.cun == pytest.approx(0, abs=1e-9) and s.position == pos


@pytest.mark.parametrize("view,code", CASES)
def test_two_cun_along_the_part_scores_two(atlas, view, code):
    pos = next(p for p in atlas.positions_in(view) if p.code == code)
    part = scale_at(atlas, view, pos)
    spot = (pos.x + 2 * part.cun_px * part.axis[0], pos.y + 2 * part.cun_px * part.axis[1])  # the model's own scale
    s = score(atlas, view, code, spot)
    assert s.cun == pytest.approx(2.0, abs=0.1)
    assert s.along == pytest.approx(2.0, abs=0.1) and abs(s.across) < 0.1
    assert s.finger_widths == pytest.approx(2.0 / FINGER_CUN, abs=0.15)


def test_a_cun_on_the_hand_is_not_a_cun_on_the_thigh(atlas):
    hand = scale_at(atlas, "posterior", next(p for p in atlas.positions_in("posterior") if p.code == "LI4"))
    thigh = scale_at(atlas, "posterior", next(p for p in atlas.positions_in("posterior") if p.code == "BL37"))
    assert not math.isclose(hand.cun_px, thigh.cun_px, rel_tol=0.05)


def test_the_nearer_side_of_a_bilateral_point_is_scored(atlas):
    left, right = sorted((p for p in atlas.positions_in("lower_back") if p.code == "BL23"), key=lambda p: p.x)
    near_right = score(atlas, "lower_back", "BL23", (right.x + 3, right.y))
    assert near_right.position == right
    near_left = score(atlas, "lower_back", "BL23", (left.x - 3, left.y))
    assert near_left.position == left
    assert near_left.cun == pytest.approx(near_right.cun)  # a mirror image scores the same


def test_a_point_not_on_the_view_is_refused(atlas):
    with pytest.raises(ValueError, match="not shown"):
        score(atlas, "face", "BL23", (0, 0))


@settings(max_examples=60, deadline=None)
@given(view_code=st.sampled_from(CASES), along=st.floats(-3, 3), across=st.floats(-3, 3))
def test_score_is_the_inverse_of_offset(atlas, view_code, along, across):
    view, code = view_code
    pos = next(p for p in atlas.positions_in(view) if p.code == code)
    s = score(atlas, view, code, offset(atlas, view, pos, along, across))
    if s.position == pos:  # far off, the other side may be the nearer one
        assert (s.along, s.across) == (pytest.approx(along, abs=1e-6), pytest.approx(across, abs=1e-6))
