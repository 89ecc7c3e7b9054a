"""The URL holds the screen: round trips, and hostile links that never break a page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meridians import load_atlas
from meridians.query import evidence_filters
from meridians.url_state import IGNORED_KEYS, MeridiansState, ResearchState, RoutineState, State, parse, to_params

ATLAS = load_atlas()
VIEWS, POINTS = sorted(ATLAS.views), sorted(ATLAS.points)
MECHS, MERIDIANS, REGIONS = sorted(ATLAS.mechanisms), sorted(ATLAS.meridians), sorted(ATLAS.regions)


def subsets(items):
    return st.lists(st.sampled_from(items), unique=True, max_size=len(items)).map(tuple)


states = st.builds(
    State,
    view=st.sampled_from(VIEWS),
    point=st.none() | st.sampled_from(POINTS),
    mechanisms=subsets(MECHS),
    meridians=subsets(MERIDIANS),
    region=st.none() | st.sampled_from(REGIONS),
    evidence=st.none() | st.sampled_from(sorted(evidence_filters(ATLAS))),
    size=st.none() | st.sampled_from(sorted(evidence_filters(ATLAS))),
    q=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30).map(str.strip),
)


@given(states)
def test_every_state_survives_a_round_trip_through_the_url(state):
    again, notices = parse(to_params(state, ATLAS), State, ATLAS)
    assert again == state
    assert notices == ()


@pytest.mark.parametrize(("old", "cls", "now"), [
    ({"evidence": ["trial"]}, State, State(evidence="low_back_pain")),
    ({"size": "evidence", "view": "lower_back"}, State, State(view="lower_back", size="low_back_pain")),
    ({"claim": ["lbp_trial"]}, ResearchState, ResearchState(claim="trial", condition="low_back_pain")),
])
def test_links_from_before_conditions_open_the_same_screen(old, cls, now):
    """Back pain was the only evidence layer before issue 19: its old link values still mean it."""
    assert parse(old, cls, ATLAS) == (now, ())


def test_the_research_page_keeps_its_condition_in_the_link():
    state = ResearchState(condition="low_back_pain", certainties=("low",))
    assert parse(to_params(state, ATLAS), ResearchState, ATLAS) == (state, ())


def test_default_state_makes_an_empty_link():
    assert to_params(State(), ATLAS) == {}


def test_readable_names_in_the_link():
    state = State(view="anterior", point="ST36", mechanisms=("endorphins", "relaxation"), meridians=("ST",))
    assert to_params(state, ATLAS) == {"view": "anterior", "point": "ST36",
                                       "mechanism": ["endorphins", "relaxation"], "meridian": ["ST"]}


def test_unknown_values_are_dropped_with_a_notice():
    state, notices = parse({"point": ["XX99"], "view": ["sideways"], "mechanism": ["pain_gate", "magic"]}, State, ATLAS)
    assert state == State(mechanisms=("pain_gate",))
    assert len(notices) == 3
    assert any("XX99" in n for n in notices) and any("magic" in n for n in notices)


def test_codes_in_links_are_read_the_way_people_type_them():
    assert parse({"point": ["bl-23"]}, State, ATLAS)[0].point == "BL23"


def test_repeated_single_keys_use_the_first_and_say_so():
    state, notices = parse({"view": ["anterior", "lateral"]}, State, ATLAS)
    assert state.view == "anterior" and len(notices) == 1


def test_huge_and_hostile_values_are_cut_and_quoted_briefly():
    hostile = "<script>alert(1)</script>" * 400
    state, notices = parse({"q": [hostile], "point": [hostile], "x" * 5000: ["1"]}, State, ATLAS)
    assert len(state.q) <= 80
    assert all(len(n) < 140 for n in notices)


def test_selecting_a_point_moves_to_a_view_that_shows_it():
    state = State(view="posterior").with_point(ATLAS, "ST36")
    assert state.point == "ST36" and state.view == "anterior"
    assert State(view="lateral").with_point(ATLAS, "ST36").view == "lateral"


link_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
PAGE_STATES = (State, MeridiansState, ResearchState, RoutineState)
PAGE_KEYS = sorted({k for cls in PAGE_STATES for s in cls.specs(ATLAS) for k in (s.key, *s.old_keys)})


@settings(max_examples=300)
@given(st.dictionaries(st.text(max_size=12) | st.sampled_from(PAGE_KEYS), st.lists(link_text, max_size=5), max_size=6))
def test_any_query_string_gives_a_state_whose_own_link_says_the_same_and_names_what_it_ignored(params):
    """Whatever a link asks, the page shows a state that its own link (the one it writes back) reproduces
    without a notice, and each setting the page does not use is named in a notice of its own."""
    for cls in PAGE_STATES:
        state, notices = parse(params, cls, ATLAS)
        assert parse(to_params(state, ATLAS), cls, ATLAS) == (state, ())
        known = {k for s in cls.specs(ATLAS) for k in (s.key, *s.old_keys)} | IGNORED_KEYS
        unused = [n for n in notices if n.startswith("The link setting ")]
        assert len(unused) == len([k for k in params if k not in known]), (params, notices)
        assert all(len(n) < 140 for n in notices)


@pytest.mark.parametrize("step", ["²", "٣", "１"])  # digits to Unicode, not to the page's step counter
def test_a_step_in_other_digits_is_dropped_with_a_notice(step):
    state, notices = parse({"step": step}, RoutineState, ATLAS)
    assert state == RoutineState() and len(notices) == 1


def test_old_shared_links_to_a_meridian_still_open_it_and_new_links_use_the_new_key():
    old, old_notices = parse({"channel": "BL"}, MeridiansState, ATLAS)
    new, new_notices = parse({"meridian": "BL"}, MeridiansState, ATLAS)
    assert old == new == MeridiansState(meridian="BL") and old_notices == new_notices == ()
    assert to_params(old, ATLAS) == {"meridian": "BL"}
