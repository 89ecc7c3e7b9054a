"""A self-care routine: the points in order, each with how to find and press it and a press timer; and printouts."""

from __future__ import annotations

import streamlit as st

from meridians.draw.body_images import served_image
from meridians.draw.chart import chart, config_for
from meridians.learn.decks import ROUTINE as ROUTINE_DECK
from meridians.model import CERTAINTY_LABELS
from meridians.routine import PRESS_MINUTES, pregnancy_points, press_plan, trial_routines
from meridians.safety import EVERY_POINT, PRESSURE_LIMIT
from meridians.url_state import LearnState, RoutineState, State, to_params
from ui import frame, printouts, url
from ui import routine as routine_ui
from ui.nav import CHART, LEARN
from ui.text import escape_markdown
from ui.url import url_widget

atlas, state = frame.stateful_page("Routine", RoutineState)
routine, step = state.routine, state.step
if step > len(routine):
    frame.notices((f"This routine has {len(routine)} points, so there is no step {step}; here is its overview.",))
    step = 0

if cautions := pregnancy_points(atlas, routine):  # before anything else, on every step; the reasons on the overview
    st.warning("**If you are pregnant**, leave out the points traditionally avoided in pregnancy: "
               + escape_markdown(", ".join(p.code for p in cautions)) + ".", icon=":material/pregnant_woman:")
    if step == 0:
        for point in cautions:
            st.caption(escape_markdown(f"{point.code}: {point.pregnancy.note} (Source: {point.pregnancy.source})"))


def go_to(new_step: int) -> None:
    url.update(atlas, RoutineState, step=new_step)


if step == 0:
    if routine:
        st.subheader(f"My routine: {len(routine)} point{'s' * (len(routine) > 1)}", anchor=False)
        routine_ui.editor(atlas, RoutineState, routine)
        url_widget(st.segmented_control, atlas, state, "minutes", label="Press each point for", options=list(PRESS_MINUTES),
              required=True, format_func=lambda m: f"{m} min a side")
        st.button("Start the routine", type="primary", icon=":material/play_arrow:", on_click=go_to, args=(1,))
        printouts.routine_buttons(atlas, routine, state.minutes)
        st.page_link(LEARN, label="Learn where these points are: a drill of my routine", icon=":material/school:",
                     query_params=to_params(LearnState(deck=ROUTINE_DECK, routine=routine), atlas))
    else:
        st.subheader("My routine is empty", anchor=False)
        st.text("Add points from a point's card on the chart, or start from the points a trial used.")
    st.page_link(CHART, label="Find more points on the chart", icon=":material/accessibility_new:",
                 query_params=to_params(State(routine=routine), atlas))

    st.subheader("Start from a trial's points", anchor=False)
    st.caption("The whole point sets of randomised trials, where we could verify the points and the dose. Below "
               "each: how the trial gave the points, what it compared and what it found.")
    for study in trial_routines(atlas):
        condition = atlas.conditions[study.condition].name.lower() if study.condition else "its condition"
        routine_ui.page_link(atlas, study.routine_points,
                             f"{study.short}, {condition}: {', '.join(study.routine_points)}")
        st.caption(escape_markdown(f"Dose in the trial: {study.dose}. {study.routine_note} "
                                   f"{CERTAINTY_LABELS[study.certainty]}; lasted: {study.follow_up}. {study.citation}"))
else:
    code = routine[step - 1]
    point = atlas.points[code]
    st.subheader(escape_markdown(f"Step {step} of {len(routine)}: {code} · {point.pinyin} · {point.english}"), anchor=False)
    # First what a person needs with the eyes closed: how to press, and the timer; then where the point is.
    if point.pregnancy:
        st.warning("**Traditionally avoided in pregnancy.** " + escape_markdown(point.pregnancy.note),
                   icon=":material/pregnant_woman:")
    st.markdown("#### How to press")
    st.text(point.how_to_press)
    st.markdown(f"**{PRESSURE_LIMIT}**")
    seconds, sides = press_plan(point, state.minutes)
    routine_ui.timer(seconds, sides, key=f"{step}-{code}", onward=state.onward and step < len(routine),
                     autostart=state.onward)
    url_widget(st.toggle, atlas, state, "onward", label="Go on to the next point by itself",
               help="At the end of a point's time, the next point opens and its timer starts.")
    chart_col, text_col = st.columns([3, 2], gap="large")
    with chart_col:
        view = atlas.views_of(code)[0]
        st.plotly_chart(chart(atlas, view, served_image(view), shown=frozenset(routine), selected=code),
                        config=config_for(atlas.views[view]), key="step_chart", width="stretch")
        st.caption(f"{code} is ringed on the {atlas.views[view].title.lower()} view; the other points of the routine "
                   "are in full colour.")
    with text_col:
        st.markdown("#### How to find it")
        st.text(point.how_to_find)
        st.markdown("#### Cautions")
        st.text(point.cautions)
        st.caption(EVERY_POINT)
    back, overview, forward = st.columns(3)
    back.button("Previous point", icon=":material/arrow_back:", disabled=step == 1, on_click=go_to, args=(step - 1,))
    overview.button("Back to the overview", icon=":material/list:", on_click=go_to, args=(0,))
    if step < len(routine):
        forward.button("Next point", type="primary", icon=":material/arrow_forward:", on_click=go_to, args=(step + 1,),
                       key="next_point")  # the timer's "go on by itself" presses it
    else:
        forward.button("Finish", type="primary", icon=":material/check:", on_click=go_to, args=(0,))
