"""Learn the points: find the point asked on the chart, scored in cun from its true position (docs/learn.md)."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from meridians.draw.body_images import served_image
from meridians.draw.chart import CONFIG, drill_spec
from meridians.learn.decks import deck_ids, deck_points, deck_title, drill_view
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
url_widget(st.selectbox, atlas, state, "deck", label="Deck", options=list(deck_ids(atlas)),
           format_func=lambda d: deck_title(atlas, d))
codes = due_first(learn_ui.cards(), deck_points(atlas, state.deck), datetime.now(UTC))  # the cards due first
if state.point is not None and state.point not in codes:
    frame.notices((f"{state.point} is not in this deck; here is its first point.",))
code = state.point if state.point in codes else codes[0]
point = atlas.points[code]
view = drill_view(atlas, code)
click = learn_ui.answered(state.deck, code)

st.subheader(escape_markdown(f"Find {code}, {point.pinyin}"), anchor=False)
st.caption(escape_markdown(f"{point.english}. Tap where you think it is on the {atlas.views[view].title.lower()} view."))
if st.button("Hint: where to start", key="hint"):
    site = next(s for s in point.sites if {view, atlas.views[view].source} & set(s.views))
    st.info(escape_markdown(f"Start from the {atlas.views[view].landmarks[site.at].text}."), icon=":material/lightbulb:")

chart_col, answer_col = st.columns([3, 2], gap="large")
with chart_col:
    fig = SentFigure(drill_spec(atlas, view, served_image(view), answer=code if click else None, click=click))
    st.plotly_chart(fig, key="drill", on_select=lambda: learn_ui.on_tap(atlas, view, state.deck, code, "drill"),
                    selection_mode="points", config=CONFIG, width="stretch")
with answer_col:
    if click is None:
        st.text("No markers are drawn: the answer, its guide from the landmark and your error show after your tap.")
    else:
        s = score(atlas, view, code, click)
        side = "" if s.position.side == "midline" else f" (the {s.position.side} side, the nearer one)"
        st.metric("Your error", f"{s.cun:.1f} cun", help="Measured with the body part's own cun scale")
        st.markdown(escape_markdown(
            f"{abs(s.along):.1f} cun {'along' if s.along >= 0 else 'back along'} the body part and "
            f"{abs(s.across):.1f} cun across it, about {s.finger_widths:.1f} finger widths{side}."))
        st.markdown("**Where it is:** " + escape_markdown(point.location))
        st.markdown("**How to find it:** " + escape_markdown(point.how_to_find))
        if (card := learn_ui.cards().get(code)) is not None:
            st.caption(f"Next review of {code}: {card['due'][:16].replace('T', ' ')} UTC (within 0.5 cun is good, "
                       "up to 1.5 hard, beyond again: docs/learn.md).")
        st.button("Try again", on_click=learn_ui.forget, args=(state.deck, code))
    nxt = next((c for c in codes if c != code and learn_ui.answered(state.deck, c) is None), codes[0])
    st.button("Next point", type="primary", on_click=url.update, args=(atlas, LearnState), kwargs={"point": nxt})
