"""Routines: the URL form (ordered, capped, bad codes noticed), the edit steps, and the trials' point sets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meridians import load_atlas
from meridians.routine import (
    MAX_POINTS,
    added,
    best_views,
    moved,
    pregnancy_points,
    press_plan,
    removed,
    trial_routines,
)
from meridians.url_state import RoutineState, State, parse, to_params

ATLAS = load_atlas()
POINTS = sorted(ATLAS.points)
routines = st.lists(st.sampled_from(POINTS), unique=True, max_size=MAX_POINTS).map(tuple)


def test_a_routine_is_one_readable_value_in_the_link():
    assert to_params(State(routine=("BL23", "BL25", "GB30")), ATLAS) == {"routine": "BL23,BL25,GB30"}
    assert parse({"routine": "BL23,BL25,GB30"}, State, ATLAS) == (State(routine=("BL23", "BL25", "GB30")), ())


@given(routines, st.sampled_from([None, *POINTS]))
def test_a_routine_survives_a_round_trip_in_its_order(routine, point):
    state = State(point=point, routine=routine)
    assert parse(to_params(state, ATLAS), State, ATLAS) == (state, ())


def test_unknown_codes_are_dropped_with_a_notice_and_duplicates_quietly():
    state, notices = parse({"routine": "bl-23,XX99,BL23,,GB30,<b>"}, State, ATLAS)
    assert state.routine == ("BL23", "GB30")
    assert len(notices) == 2 and "XX99" in notices[0]


def test_a_routine_longer_than_the_cap_is_cut_and_said():
    state, notices = parse({"routine": ",".join(POINTS)}, State, ATLAS)
    assert len(POINTS) > MAX_POINTS
    assert state.routine == tuple(POINTS[:MAX_POINTS])
    assert notices == (f"The link's 'routine' has more than {MAX_POINTS} entries; the first {MAX_POINTS} were used.",)


def test_the_routine_page_reads_step_and_press_minutes():
    state, notices = parse({"routine": "BL23,KI3", "step": "2", "minutes": "3"}, RoutineState, ATLAS)
    assert state == RoutineState(routine=("BL23", "KI3"), step=2, minutes=3) and notices == ()
    assert to_params(state, ATLAS) == {"routine": "BL23,KI3", "step": "2", "minutes": "3"}
    state, notices = parse({"step": "-1", "minutes": "60"}, RoutineState, ATLAS)
    assert state == RoutineState() and len(notices) == 2


@given(routines, st.sampled_from(POINTS))
def test_adding_puts_a_new_point_last_and_never_twice_or_past_the_cap(routine, code):
    after = added(routine, code)
    if code in routine or len(routine) == MAX_POINTS:
        assert after == routine
    else:
        assert after == routine + (code,)


@given(routines.filter(bool), st.data())
def test_moving_swaps_with_a_neighbour_and_removing_keeps_the_order(routine, data):
    code = data.draw(st.sampled_from(routine))
    i = routine.index(code)
    up, down = moved(routine, code, -1), moved(routine, code, 1)
    assert sorted(up) == sorted(down) == sorted(routine)
    assert up.index(code) == max(i - 1, 0) and down.index(code) == min(i + 1, len(routine) - 1)
    assert removed(routine, code) == tuple(c for c in routine if c != code)


def test_trial_routines_are_the_verified_point_sets_of_randomised_trials():
    trials = trial_routines(ATLAS)
    assert trials, "no trial in the library has verified points"
    assert all(s.design == "rct" and s.points for s in trials)
    cherkin = next(s for s in trials if s.id == "cherkin2009")
    assert cherkin.points == ("BL23", "BL40", "KI3", "GV3") and cherkin.short == "Cherkin DC 2009"
    assert all(parse(to_params(State(routine=s.points), ATLAS), State, ATLAS)[1] == () for s in trials)


def test_a_trial_routine_says_how_the_trial_gave_its_points_and_what_it_found():
    """Cherkin 2009 needled its points, and real needling did no better than simulated: a routine must say so."""
    trials = {s.id: s for s in trial_routines(ATLAS)}
    assert all(s.routine_note for s in trials.values())
    note = trials["cherkin2009"].routine_note
    assert "needled, not pressed" in note and "no better than simulated" in note
    assert "52 weeks" in trials["cherkin2009"].follow_up  # said beside it: the benefit over usual care lasted
    assert "murphy2019" not in trials and "ghanbari2022" not in trials  # common points; part of a set


def test_pregnancy_cautions_are_found_in_routine_order():
    assert [p.code for p in pregnancy_points(ATLAS, ("SP6", "BL23", "LI4"))] == ["SP6", "LI4"]
    assert pregnancy_points(ATLAS, ("BL23",)) == ()


def test_best_views_cover_the_routine_with_few_views():
    assert best_views(ATLAS, ("BL23", "BL40", "KI3", "GV3")) == ("posterior",)
    views = best_views(ATLAS, ("BL23", "EX-HN3", "HT7"))
    assert set(views) == {"posterior", "anterior"}
    assert list(views) == [v for v in ATLAS.views if v in views]  # in the app's view order
    assert best_views(ATLAS, ()) == ()
    hand_and_foot = ("LI4", "KI1", "LR3", "SI3")  # each also on a close-up: the printout shows the whole body
    assert not any(ATLAS.views[v].closeup for v in best_views(ATLAS, hand_and_foot))


def test_press_plan_times_each_side_and_a_point_pressed_on_both_sides_at_once_once():
    """BL23's card says a helper presses both sides at once: one timer, not left then right."""
    assert press_plan(ATLAS.points["BL23"], 2) == (120, ("Both sides at once",))
    assert press_plan(ATLAS.points["BL40"], 1) == (60, ("Left side", "Right side"))
    assert press_plan(ATLAS.points["GV3"], 1) == (60, ("On the midline",))
    together = [c for c, p in ATLAS.points.items() if p.sides_together]
    assert all(ATLAS.points[c].bilateral and "both sides" in ATLAS.points[c].how_to_press for c in together)
