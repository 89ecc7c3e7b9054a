"""The 14 meridians: each one's traditional course, its points, and where it runs on the chart."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from meridians.draw.body_images import served_image
from meridians.draw.chart import chart, config_for
from meridians.url_state import MeridiansState, State, query
from ui import frame
from ui.text import escape_markdown
from ui.url import url_widget

atlas, state = frame.stateful_page("Meridians", MeridiansState)


def short_title(title: str) -> str:
    """A view's title without its long aside, to fit a button: "Top of the head (from above, face at the top)"."""
    return title.split(" (")[0] if len(title) > 24 else title


st.text(
    "Traditional Chinese medicine describes 14 meridians (also called channels) along which qi is said to flow; each of the "
    "361 standard points belongs to one. The meridians are a traditional idea: no anatomical structure has been "
    "found to match them. The lines on the chart join each meridian's points in their standard order, the way "
    "acupuncture charts draw them."
)
meridians = [c for c in atlas.meridians.values() if c.kind == "meridian"]
url_widget(st.pills, atlas, state, "meridian", label="Meridian", options=[c.id for c in meridians],
      format_func=lambda c: f"{c} {atlas.meridians[c].name}")

if state.meridian is None:
    st.dataframe(
        [{"Code": c.id, "Meridian": c.name, "Pinyin": c.pinyin, "Points": c.count, "Course (traditional)": c.course}
         for c in meridians],
        hide_index=True, width="stretch",
    )
    st.stop()

meridian = atlas.meridians[state.meridian]
codes = atlas.meridian_points(meridian.id)
per_view = Counter(p.view for code in codes for p in atlas.positions_of(code))
views = [v for v in atlas.views if per_view[v]]
view = state.view if state.view in views else max(views, key=lambda v: (not atlas.views[v].closeup, per_view[v]))

chart_col, text_col = st.columns([3, 2], gap="large")
with chart_col:
    url_state = MeridiansState(meridian.id, view, state.labels)
    url_widget(st.pills, atlas, url_state, "view", label="View", options=views,
          format_func=lambda v: f"{short_title(atlas.views[v].title)} ({per_view[v]})")
    url_widget(st.toggle, atlas, url_state, "labels", label="Write the codes on the chart",
               help="Each of the meridian's points with its code beside it, where there is room.")
    fig = chart(atlas, view, served_image(view), shown=frozenset(codes), courses="filtered",
                highlight=meridian.id, labels=state.labels)
    st.plotly_chart(fig, key="meridian_chart", config=config_for(atlas.views[view]), width="stretch")
    st.caption(f"Body chart, {atlas.views[view].title.lower()} view, with the {meridian.name} meridian's course and "
               f"its {per_view[view]} points on this view brought out; other points are faded.")
with text_col:
    st.subheader(escape_markdown(f"{meridian.id} · {meridian.name} · {meridian.pinyin}"), anchor=False)
    st.markdown(f"**{len(codes)} points** ({meridian.id}1 to {meridian.id}{meridian.count})")
    st.markdown("**Course** (traditional)")
    st.text(meridian.course)
    st.markdown(f"[Open in the explorer](./?{query(State(view=view, meridians=(meridian.id,)), atlas)})")
    st.markdown("**Points**")
    st.markdown("  \n".join(
        f"[{escape_markdown(code)} {escape_markdown(atlas.points[code].pinyin)} · {escape_markdown(atlas.points[code].english)}](./?{query(State(point=code, meridians=(meridian.id,)), atlas)})"
        for code in codes))
