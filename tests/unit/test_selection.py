"""The click (docs/architecture.md, "The click"): after every run the browser rings the selected point, and
a click on the chart is never answered with a figure to draw again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meridians.selection import FigureKey, Sent, clicked, to_send

BACK = FigureKey("posterior", frozenset({"BL23", "BL40", "GV4"}), None, "all", None)
FILTERED = BACK._replace(shown=frozenset({"BL23"}))


def test_the_run_after_a_click_sends_the_same_figure_and_the_browser_keeps_its_ring():
    first, send = to_send(Sent(), BACK, "BL23")  # from a link
    assert send and first.ring == "BL23"
    after, send = to_send(clicked(first, "BL40"), BACK, "BL40")
    assert not send
    assert (after.key, after.ring, after.revision) == (first.key, first.ring, first.revision)  # the same figure


def test_a_point_from_elsewhere_is_ringed_by_a_new_figure():
    sent, _ = to_send(Sent(), BACK, "BL23")
    sent, send = to_send(sent, BACK, "GV4")  # the sidebar's finder
    assert send and sent.ring == "GV4" and sent.ringed == "GV4"


def test_back_to_the_point_the_figure_rings_still_replaces_what_the_browser_shows():
    """The figure rings BL23; a click rings BL40 in the browser; Back selects BL23 again. Without a new
    revision this run's figure would equal the one sent before, and the browser would keep ringing BL40."""
    first, _ = to_send(Sent(), BACK, "BL23")
    sent, _ = to_send(clicked(first, "BL40"), BACK, "BL40")
    back, send = to_send(sent, BACK, "BL23")
    assert send and back.ring == "BL23" and back.revision == first.revision + 1


def test_a_click_on_the_background_rings_the_selected_point_again():
    sent, _ = to_send(Sent(), BACK, "BL23")
    again, send = to_send(clicked(sent, None), BACK, "BL23")  # the point stays selected
    assert send and again.ring == "BL23" and again.revision == sent.revision + 1


def test_a_filter_change_sends_a_new_figure_with_the_clicked_point_ringed_and_no_new_revision():
    sent, _ = to_send(Sent(), BACK, "BL23")
    sent, _ = to_send(clicked(sent, "BL40"), BACK, "BL40")
    filtered, send = to_send(sent, FILTERED, "BL40")
    assert send and filtered.key == FILTERED and filtered.ring == "BL40" and filtered.revision == sent.revision


CODES = st.sampled_from(["BL23", "BL40", "GV4", None])
EVENTS = st.lists(st.one_of(
    st.tuples(st.just("click"), CODES),  # a click on a marker (None: on the background)
    st.tuples(st.just("elsewhere"), CODES),  # a link, the sidebar or Back
    st.tuples(st.just("filter"), st.sampled_from([BACK, FILTERED])),
), max_size=30)


@given(EVENTS)
def test_whatever_happens_the_browser_rings_the_selected_point_and_draws_only_what_changed(events):
    """A model of the browser: it draws a figure only when the figure differs from the one it has (as
    Streamlit does), and a click rings the clicked marker by itself."""
    sent, point, key = Sent(), None, BACK
    sent, _ = to_send(sent, key, point)
    drawn = (sent.key, sent.ring, sent.revision)  # the figure the browser has
    browser_rings = sent.ring
    for kind, value in events:
        if kind == "click":
            browser_rings = value
            sent = clicked(sent, value)
            point = value if value is not None else point  # the background changes no selection
        elif kind == "elsewhere":
            point = value
        else:
            key = value
        sent, send = to_send(sent, key, point)
        figure = (sent.key, sent.ring, sent.revision)
        assert send == (figure != drawn)  # "send" means the browser has something new to draw
        if send:
            drawn, browser_rings = figure, sent.ring
        assert browser_rings == point
        assert drawn[0] == key
        if kind == "click" and value is not None:
            assert not send  # a click on a marker is never answered with a redraw
