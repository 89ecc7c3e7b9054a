"""The chart (the home page): read the state from the URL, ask the core, draw the chart and the card."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from meridians.draw.chart import CONFIG, closeup_of, config_for, within_reach
from meridians.query import COURSES, evidence_filters, found, listed_as, matching, sizings
from meridians.url_state import State
from ui import card, chartview, frame, printouts, url
from ui import routine as routine_ui
from ui import search as search_ui
from ui.text import as_html, escape_markdown
from ui.url import url_widget

atlas, state = frame.stateful_page("Meridian Chart Explorer", State, anchor=card.CHART_ANCHOR)
if state.point and "view" not in st.query_params:  # a link to a point alone opens a view that shows it
    state = state.with_point(atlas, state.point)
    url.write(state, atlas)


def select(code: str | None) -> None:
    current, _ = url.read(atlas, State)
    url.write(current.with_point(atlas, code), atlas)


TAPPED = "_tapped"  # session state: (view, code, x, y) of the marker the last click on the chart picked


def on_chart_select() -> None:
    event = st.session_state.get("chart") or {}
    points = [p for p in (event.get("selection") or {}).get("points") or [] if p.get("customdata")]
    chartview.clicked(points[-1]["customdata"][0] if points else None)  # what the browser's chart now rings
    if not points:  # an empty selection (the background, a double click, the ringed marker again) changes nothing
        url.hold(atlas, State)
        return
    code = points[-1]["customdata"][0]
    st.session_state[TAPPED] = (url.read(atlas, State)[0].view, code, points[-1].get("x"), points[-1].get("y"))
    select(code)


def card_actions(state: State) -> None:
    """Under the card's heading, in sight after a tap: the points a finger may have meant, the close-up of the
    place, the routine and the link."""
    view, code, x, y = st.session_state.get(TAPPED) or (None, None, None, None)
    tapped = (x, y) if (view, code) == (state.view, state.point) and all(isinstance(v, (int, float)) for v in (x, y)) else None
    if tapped:
        if near := within_reach(atlas, view, tapped, code):
            st.session_state["near"] = None
            st.pills("Or did you mean one near it?", near, key="near", format_func=lambda c: f"{c} {atlas.points[c].pinyin}",
                     on_change=lambda: select(st.session_state["near"]))
    if not atlas.views[state.view].closeup:
        if closeup := closeup_of(atlas, state.view, state.point, tapped):
            if st.button(f"Close-up: {atlas.views[closeup].title}", icon=":material/zoom_in:", type="tertiary"):
                url.write(replace(state, view=closeup), atlas)
                st.rerun()
    routine_ui.card_button(atlas, State, state.routine, state.point)
    share(state, "view, point and filters")


def share(state: State, what: str) -> None:
    """The link to this screen, written when the popover opens (a click on the chart does not send it again)."""
    with st.popover("Share this view", icon=":material/share:", key="share", on_change="rerun") as box:
        if box.open:
            st.caption(f"Copy this link: it opens this same {what}.")
            st.code(url.share_link(state, atlas), language=None, wrap_lines=True)


shown = matching(atlas, mechanisms=state.mechanisms, meridians=state.meridians, region=state.region,
                 evidence=state.evidence, q=state.q)

frame.fix_chart_clicks()  # once per page: a chart or card rerun does not send it again
if state == State():  # the first screen: where to start
    search_ui.way_in(atlas)

# The view pickers sit above the chart and the card, outside their fragment: a click on the chart does not
# send and draw them again (a new view reruns the whole page, as it changes most of it anyway).
view_col, close_col = st.columns([3, 2])
whole, close = ([n for n, v in atlas.views.items() if v.closeup is c] for c in (False, True))
with view_col:
    url_widget(st.segmented_control, atlas, state, "view", within=whole, key="url_view", label="Whole body",
          label_visibility="collapsed", format_func=lambda v: atlas.views[v].title)
with close_col:
    url_widget(st.selectbox, atlas, state, "view", within=close, key="url_closeup", label="Close-up", index=None,
          label_visibility="collapsed", placeholder="Choose a close-up", format_func=lambda v: atlas.views[v].title)


@st.fragment
def chart_and_card() -> None:
    """The chart and the card: a click on the chart reruns only this."""
    state, _ = url.read(atlas, State)  # the URL as the click's callback left it; `shown` needs a full run
    chart_col, card_col = st.columns([3, 2], gap="large")
    with chart_col:
        fig = chartview.figure(atlas, state, shown)
        st.plotly_chart(fig, key="chart", on_select=on_chart_select, selection_mode="points",
                        config=config_for(atlas.views[state.view]), width="stretch")
        st.plotly_chart(chartview.legend(atlas), config=CONFIG, width="stretch", key="legend")
        on_view = {p.code for p in atlas.positions_in(state.view)}
        selected = f" {state.point} is ringed." if state.point in on_view else ""
        st.html(  # also the chart's text alternative for screen readers; HTML costs a click less than Markdown
            '<p class="meridian-caption">' + as_html(
                f"Body chart, {atlas.views[state.view].title.lower()} view: {len(on_view)} points, "
                f"{len(on_view & shown)} of them match the filters.{selected} Marker colour and shape show the meridian; "
                "a red rim marks points traditionally avoided in pregnancy. The person stands in the anatomical position "
                "(palms forward); left and right are their own. Every point can also be chosen in the sidebar.") + "</p>"
        )
        printouts.view_button(atlas, state, shown)

    with card_col:
        if state.point:
            here = [p for p in atlas.positions_of(state.point) if p.view == state.view]
            if not here:
                views = ", ".join(atlas.views[v].title for v in atlas.views_of(state.point))
                st.info(f"{state.point} is not drawn on this view; it is on: {views}.",
                        icon=":material/visibility_off:")
            elif state.point not in shown:
                st.info(f"{state.point} is not among the points the filters and the search let through; it is "
                        "drawn faded.", icon=":material/filter_alt_off:")
            card.show(atlas, state.point, tuple(dict.fromkeys(p.guide for p in here)), lambda: card_actions(state))
        else:
            share(state, "view and filters")
            st.subheader("Click a point", anchor=False)
            st.text("Click a marker on the chart, or choose a point in the sidebar, to see where it is, how to press "
                    "it, what might explain an effect and what the research shows.")


chart_and_card()

# The view's points without a mouse (and for screen readers): a button for each, drawn only when asked for,
# so that the page a click reruns stays small.
if st.toggle("List the points of this view", key="point_list",
             help="A button for each point on this view, for the keyboard and screen readers."):
    with st.container(horizontal=True, gap="small", key="view_points"):
        for c in dict.fromkeys(p.code for p in atlas.positions_in(state.view)):
            st.button(escape_markdown(listed_as(atlas.points[c])), key=f"list_{c}", type="tertiary",
                      on_click=select, args=(c,))

# The sidebar after the chart: the browser asks for plotly's bundle (most of a first load) when the chart's message
# comes in, and draws the sidebar's widgets while it waits (bench/README.md, "The first load").
with st.sidebar:
    st.header("Find a point")
    url_widget(st.text_input, atlas, state, "q", label="Search a point or a symptom",
               placeholder="back pain, BL23, hegu…", max_chars=80, then=lambda s: search_ui.opened(atlas, s))
    search_ui.results(atlas, state.q, select)
    order = found(atlas, state.q) or tuple(atlas.points)
    # A finder: it opens the chosen point's card and is empty again. It does not show the selected point
    # (the card and the ring do): a chart click reruns only the chart and the card, and the list of
    # every point is not sent again for it.
    st.session_state["pick"] = None
    st.selectbox("Point", [c for c in order if c in shown] or list(atlas.points), key="pick", index=None,
                 placeholder="Choose a point", format_func=lambda c: listed_as(atlas.points[c]),
                 on_change=lambda: select(st.session_state["pick"]))

    st.header("Filters")
    url_widget(st.multiselect, atlas, state, "mechanisms", label="Mechanism", options=list(atlas.mechanisms),
          format_func=lambda m: atlas.mechanisms[m].name,
          help="Points that none of the chosen mechanisms could explain are faded. Each mechanism's kind (a "
               "physiological hypothesis, a non-specific effect or a traditional belief) is on the Mechanisms page.")
    url_widget(st.multiselect, atlas, state, "meridians", label="Meridian", options=list(atlas.meridians),
          format_func=lambda c: f"{c} {atlas.meridians[c].name}")
    url_widget(st.selectbox, atlas, state, "region", label="Body region", options=list(atlas.regions), index=None,
          placeholder="Any region", format_func=lambda r: atlas.regions[r].name)
    filters, sizes = evidence_filters(atlas), sizings(atlas)
    url_widget(st.selectbox, atlas, state, "evidence", label="Evidence", options=list(filters), index=None,
          placeholder="Any", format_func=filters.get,
          help="Only the points that trials of acupressure or acupuncture for the chosen condition used (or a "
               "review of such trials was about). What they found is on each point's card and the Research page.")
    url_widget(st.selectbox, atlas, state, "size", label="Marker size", options=list(sizes), index=None,
          placeholder="All the same", format_func=sizes.get,
          help="Larger markers for the points more studies of the chosen condition used.")
    url_widget(st.segmented_control, atlas, state, "courses", label="Meridian lines", options=list(COURSES),
          format_func=COURSES.get, help="Each meridian's traditional course, drawn through its points in order.")
    url_widget(st.toggle, atlas, state, "labels", label="Write the codes on the chart",
               help="Each point's code beside its marker, where there is room (more on the close-ups).")

    # My routine: the points to press, in order, kept in the URL.
    st.header("My routine")
    if state.routine:
        routine_ui.editor(atlas, State, state.routine)
        n = len(state.routine)
        routine_ui.page_link(atlas, state.routine, f"Start my routine ({n} point{'s' * (n > 1)})")
    else:
        st.caption("Add points from their cards, or start from the points a trial used.")
        routine_ui.page_link(atlas, (), "Routines from the trials")
