"""The name-the-point choices are the point's nearest neighbours on its view; the decks hold what they say."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from meridians import DATA_DIR, load_atlas
from meridians.learn.decks import BACK_PAIN, REGION, ROUTINE, TRIAL, deck_ids, deck_points, deck_title, drill_view
from meridians.learn.naming import CHOICES, choices

ATLAS = load_atlas(DATA_DIR)


def _distance(view: str, a: str, b: str) -> float:
    pa = [(p.x, p.y) for p in ATLAS.positions_in(view) if p.code == a]
    pb = [(p.x, p.y) for p in ATLAS.positions_in(view) if p.code == b]
    return min(math.dist(x, y) for x in pa for y in pb)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(c for c in ATLAS.points if ATLAS.views_of(c))))
def test_the_choices_are_the_point_and_its_nearest_neighbours(code):
    view = drill_view(ATLAS, code)
    offered = choices(ATLAS, view, code)
    others = [c for c in offered if c != code]
    assert code in offered and len(set(offered)) == CHOICES  # every point has three neighbours on some view
    if code == "KI1":  # alone on the sole, its only view: its meridian's next points
        assert set(others) == {"KI2", "KI3", "KI4"}
        return
    farthest = max(_distance(view, code, c) for c in others)
    left_out = {p.code for p in ATLAS.positions_in(view)} - set(offered)
    assert all(_distance(view, code, c) >= farthest for c in left_out)  # none left out is nearer
    assert choices(ATLAS, view, code) == offered  # the same buttons at every run


def test_the_choices_are_the_confusable_ones():
    assert set(choices(ATLAS, "lower_back", "BL23")) == {"BL23", "BL22", "BL24", "EX-B2"}  # the Jiaji beside it


def test_the_answer_is_not_always_in_the_same_place():
    places = {choices(ATLAS, drill_view(ATLAS, c), c).index(c) for c in deck_points(ATLAS, "LI")}
    assert len(places) >= 3


def test_the_decks():
    ids = deck_ids(ATLAS)
    assert {BACK_PAIN, ROUTINE, "LI", "BL", REGION + "lower_back", TRIAL + "cherkin2009"} <= set(ids)
    assert deck_points(ATLAS, TRIAL + "cherkin2009") == ("BL23", "BL40", "KI3", "GV3")
    assert "Cherkin" in deck_title(ATLAS, TRIAL + "cherkin2009")
    assert deck_points(ATLAS, ROUTINE, ("KI3", "BL23")) == ("KI3", "BL23")  # the routine in its own order
    assert deck_points(ATLAS, ROUTINE) == ()
    lower = deck_points(ATLAS, REGION + "lower_back")
    assert "BL23" in lower and all(ATLAS.points[c].region == "lower_back" for c in lower)
    for deck in ids:  # every deck's title and points can be drawn
        assert deck_title(ATLAS, deck)
        assert all(ATLAS.views_of(c) for c in deck_points(ATLAS, deck, ("LI4",)))


def test_a_point_alone_on_its_only_view_is_offered_with_its_meridian_s_next_points():
    assert ATLAS.views_of("KI1") == ("sole",)
    assert set(choices(ATLAS, "sole", "KI1")) == {"KI1", "KI2", "KI3", "KI4"}
