"""Moving between pages keeps what the person had: a page opened with an empty link shows their last screen there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meridians.carry import Carried, last_shown, remember, restored, with_shared
from meridians.url_state import ResearchState, RoutineState, State

codes = st.lists(st.sampled_from(["BL23", "BL40", "KI3", "GV3", "LI4"]), unique=True, max_size=4).map(tuple)


def test_the_routine_and_the_point_survive_a_round_trip_through_the_menu():
    c = remember(Carried(), State(point="BL23", routine=("BL23", "BL40"), mechanisms=("endorphins",)))
    assert restored(c, RoutineState) == RoutineState(routine=("BL23", "BL40"))
    c = remember(c, RoutineState(routine=("BL23", "BL40"), step=1))
    assert restored(c, State) == State(point="BL23", routine=("BL23", "BL40"), mechanisms=("endorphins",))


def test_a_routine_changed_on_another_page_is_the_one_brought_back():
    c = remember(Carried(), State(point="BL23", routine=("BL23", "BL40")))
    c = remember(c, RoutineState(routine=("BL40",)))
    assert restored(c, State) == State(point="BL23", routine=("BL40",))


def test_an_empty_link_on_the_same_page_stays_empty():
    """Back to the first screen, or everything cleared: not filled in again."""
    c = remember(Carried(), State(point="BL23"))
    assert restored(c, State) is None
    assert restored(Carried(), State) is None  # a new visit


def test_what_a_page_last_showed_is_its_own_last_state_even_after_other_pages():
    """What an empty chart selection writes again (ui/url.py, hold): the chart's last screen, not another page's."""
    c = remember(Carried(), State(point="BL36"))
    c = remember(c, State(point="BL60", routine=("BL60",)))
    c = remember(c, RoutineState(routine=("BL60",), step=0))
    assert last_shown(c, State) == State(point="BL60", routine=("BL60",))
    assert last_shown(Carried(), State) is None  # before the page's first run: nothing to write


def test_a_page_with_nothing_to_bring_back_opens_empty():
    c = remember(Carried(), State(point="BL23"))  # no routine: the Research page has nothing of it
    assert restored(c, ResearchState) is None


@given(codes, codes)
def test_the_last_routine_seen_anywhere_wins(first, second):
    c = remember(remember(Carried(), State(routine=first)), RoutineState(routine=second))
    back = restored(c, State)
    assert (back.routine if back else ()) == second


def test_a_link_from_another_page_that_does_not_give_the_routine_keeps_it():
    """The Meridians page links to a point on the chart with ?point=BL23&meridian=BL: the routine stays."""
    c = remember(Carried(), RoutineState(routine=("BL23", "BL40")))
    assert with_shared(c, State(point="BL60"), {"point"}) == State(point="BL60", routine=("BL23", "BL40"))
    assert with_shared(c, State(routine=("KI3",)), {"routine"}) == State(routine=("KI3",))  # the link's own wins
    same_page = remember(Carried(), State(routine=("BL23",)))
    assert with_shared(same_page, State(point="BL60"), {"point"}) == State(point="BL60")  # a change on the page
