"""Learn the points: find the point asked on the chart (scored in cun from its true position), or name the point
ringed; each point a card of spaced review, the progress kept in this browser (docs/learn.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import streamlit as st

from meridians.draw.body_images import served_image
from meridians.draw.chart import CONFIG, drill_spec
from meridians.draw.progress import accuracy_figure, meridian_figure
from meridians.export.anki import package
from meridians.learn.decks import ROUTINE, deck_ids, deck_points, deck_title, drill_view
from meridians.learn.naming import choices
from meridians.learn.progress import MODES, by_day, by_meridian
from meridians.learn.schedule import due_first
from meridians.learn.scoring import score
from meridians.url_state import LearnState
from ui import frame, url
from ui import learn as learn_ui
from ui.chartview import SentFigure
from ui.text import escape_markdown
from ui.url import url_widget

atlas, state = frame.stateful_page("Learn", LearnState)
frame.fix_chart_clicks()  # a tap selects the tap target under the finger (ui/tap_hover.js)
learn_ui.store_problem()
codes = deck_points(atlas, state.deck, state.routine)
if not codes:
    frame.notices(("Your routine has no points yet: add some from a point's card on the chart. Here is the "
                   "low-back-pain deck.",))
    state = replace(state, deck=LearnState.deck)
    codes = deck_points(atlas, state.deck)

deck_col, mode_col = st.columns([3, 2])
with deck_col:
    url_widget(st.selectbox, atlas, state, "deck", label="Deck", options=list(deck_ids(atlas)),
               format_func=lambda d: deck_title(atlas, d) + (f" ({len(state.routine)})" if d == ROUTINE else ""),
               then=lambda s: replace(s, point=None))  # a new deck opens on its first due point
with mode_col:
    url_widget(st.segmented_control, atlas, state, "mode", label="Mode", options=list(MODES), format_func=MODES.get,
               required=True)
mode, deck = state.mode, state.deck
progress = learn_ui.progress()
codes = due_first(progress.cards_of(mode), codes, datetime.now(UTC))  # the cards due first, then the new ones
if state.point is not None and state.point not in codes:
    frame.notices((f"{state.point} is not in this deck; here is its first point.",))
code = state.point if state.point in codes else codes[0]
point = atlas.points[code]
view = drill_view(atlas, code)
given = learn_ui.answer(mode, deck, code)

chart_col, answer_col = st.columns([3, 2], gap="large")
if mode == "find":
    with chart_col:
        st.subheader(escape_markdown(f"Find {code}, {point.pinyin}"), anchor=False)
        st.caption(escape_markdown(f"{point.english}. Tap where you think it is on the "
                                   f"{atlas.views[view].title.lower()} view."))
        if given is None:
            st.button("Hint: where to start", key="hint", on_click=learn_ui.show_hint, args=(mode, deck, code))
        if learn_ui.hinted(mode, deck, code):
            site = next(s for s in point.sites if {view, atlas.views[view].source} & set(s.views))
            st.info(escape_markdown(f"Start from the {atlas.views[view].landmarks[site.at].text}."),
                    icon=":material/lightbulb:")
        fig = SentFigure(drill_spec(atlas, view, served_image(view), answer=code if given else None, click=given))
        st.plotly_chart(fig, key="drill", on_select=lambda: learn_ui.on_tap(atlas, view, deck, code, "drill"),
                        selection_mode="points", config=CONFIG, width="stretch")
    with answer_col:
        if given is None:
            st.text("No markers are drawn: the answer, its guide from the landmark and your error show after your tap.")
        else:
            s = score(atlas, view, code, given)
            side = "" if s.position.side == "midline" else f" (the {s.position.side} side, the nearer one)"
            st.metric("Your error", f"{s.cun:.1f} cun", help="Measured with the body part's own cun scale")
            st.markdown(escape_markdown(
                f"{abs(s.along):.1f} cun {'along' if s.along >= 0 else 'back along'} the body part and "
                f"{abs(s.across):.1f} cun across it, about {s.finger_widths:.1f} finger widths{side}."))
else:
    with chart_col:
        st.subheader("Which point is ringed?", anchor=False)
        st.caption(escape_markdown(f"On the {atlas.views[view].title.lower()} view. Choose its code and name below "
                                   "(Tab and Enter work)."))
        fig = SentFigure(drill_spec(atlas, view, served_image(view), answer=code if given else None, ringed=code))
        st.plotly_chart(fig, key="name_chart", config=CONFIG, width="stretch")
    with answer_col:
        with st.container(key="name_choices"):
            for c in choices(atlas, view, code):
                label = f"{c} · {atlas.points[c].pinyin} · {atlas.points[c].english}"
                mark = None if given is None else ":material/check:" if c == code else (
                    ":material/close:" if c == given else None)
                st.button(escape_markdown(label), key=f"choice_{c}", icon=mark, disabled=given is not None,
                          width="stretch", on_click=learn_ui.on_name, args=(atlas, deck, code, c))
        if given == code:
            st.success(escape_markdown(f"Right: {code}, {point.pinyin}."), icon=":material/check:")
        elif given is not None:
            st.error(escape_markdown(f"It is {code}, {point.pinyin}; you chose {given}."), icon=":material/close:")

with answer_col:
    if given is not None:
        st.markdown("**Where it is:** " + escape_markdown(point.location))
        st.markdown("**How to find it:** " + escape_markdown(point.how_to_find))
        if (card := learn_ui.progress().cards_of(mode).get(code)) is not None:
            st.caption(f"Next review of {code}: {card['due'][:16].replace('T', ' ')} UTC (in the find mode within "
                       "0.5 cun is good, up to 1.5 hard, beyond again; with the hint, hard at best: docs/learn.md).")
        st.button("Try again", on_click=learn_ui.forget, args=(mode, deck, code))
    nxt = next((c for c in codes if c != code and learn_ui.answer(mode, deck, c) is None), codes[0])
    st.button("Next point", type="primary", on_click=url.update, args=(atlas, LearnState), kwargs={"point": nxt},
              key="next_point")

st.header("Your progress", anchor=False)
progress = learn_ui.progress()
st.caption("Kept in this browser only (nothing is stored on the server): a reload or tomorrow's visit on this device "
           "finds it. Export it to keep it or to carry it to another device.")
if rows := by_meridian(atlas, progress, mode):
    st.markdown(f"**{MODES[mode]}, by meridian**")
    st.plotly_chart(SentFigure(meridian_figure(atlas, rows)), config=CONFIG, width="stretch", key="by_meridian")
if days := by_day(progress):
    st.markdown("**Right answers, day by day** (both modes; in the find mode within 0.5 cun)")
    st.plotly_chart(SentFigure(accuracy_figure(days)), config=CONFIG, width="stretch", key="by_day")
if not progress.answers:
    st.text("No answers yet: your progress by meridian and day by day shows here.")
file_col, anki_col = st.columns(2, gap="large")
with file_col:
    learn_ui.export_and_import(atlas)
with anki_col:
    deck_codes = deck_points(atlas, deck, state.routine)
    st.download_button(
        f"Anki package of this deck ({len(deck_codes)} points)", icon=":material/style:", on_click="ignore",
        data=lambda: package(atlas, deck_title(atlas, deck), deck_codes, {c: drill_view(atlas, c) for c in deck_codes}),
        file_name=f"meridians-{deck}.apkg", mime="application/octet-stream",
        help="A note per point: its names, where it is, how to find it, and its view cropped around it.")
learn_ui.keep(atlas)  # last: the storage box takes no room above the drill
