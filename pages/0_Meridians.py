"""The 14 channels: each one's traditional course, its points, and where it runs on the chart."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from meridians.figures import CONFIG, chart
from meridians.render import image_name
from meridians.state import MeridianState
from ui import common
from ui.text import md
from ui.widgets import bound

atlas, state = common.stateful_page("Meridians", MeridianState)

st.text(
    "Traditional Chinese medicine describes 14 channels (meridians) along which qi is said to flow; each of the "
    "361 standard points belongs to one. The channels are a traditional idea: no anatomical structure has been "
    "found to match them. The lines on the chart join each channel's points in their standard order, the way "
    "acupuncture charts draw them."
)
channels = [c for c in atlas.channels.values() if c.kind == "channel"]
bound(st.pills, atlas, state, "channel", label="Channel", options=[c.id for c in channels],
      format_func=lambda c: f"{c} {atlas.channels[c].name}")

if state.channel is None:
    st.dataframe(
        [{"Code": c.id, "Channel": c.name, "Pinyin": c.pinyin, "Points": c.count, "Course (traditional)": c.course}
         for c in channels],
        hide_index=True, width="stretch",
    )
    st.stop()

channel = atlas.channels[state.channel]
codes = atlas.channel_points(channel.id)
per_view = Counter(p.view for code in codes for p in atlas.positions_of(code))
views = [v for v in atlas.views if per_view[v]]
view = state.view if state.view in views else max(views, key=lambda v: (not atlas.views[v].closeup, per_view[v]))

chart_col, text_col = st.columns([3, 2], gap="large")
with chart_col:
    url_state = MeridianState(channel.id, view)
    bound(st.pills, atlas, url_state, "view", label="View", options=views,
          format_func=lambda v: f"{atlas.views[v].title} ({per_view[v]})")
    fig = chart(atlas, view, f"app/static/{image_name(view)}", shown=frozenset(codes), courses="filtered",
                highlight=channel.id)
    st.plotly_chart(fig, key="meridian_chart", config=CONFIG, width="stretch")
    st.caption(f"Body chart, {atlas.views[view].title.lower()} view, with the {channel.name} channel's course and "
               f"its {per_view[view]} points on this view brought out; other points are faded.")
with text_col:
    st.subheader(md(f"{channel.id} · {channel.name} · {channel.pinyin}"), anchor=False)
    st.markdown(f"**{len(codes)} points** ({channel.id}1 to {channel.id}{channel.count})")
    st.markdown("**Course** (traditional)")
    st.text(channel.course)
    st.markdown(f"[Open in the explorer](./?meridian={channel.id}&view={view})")
    st.markdown("**Points**")
    st.markdown("  \n".join(
        f"[{md(code)} {md(atlas.points[code].pinyin)} · {md(atlas.points[code].english)}](./?point={code}&meridian={channel.id})"
        for code in codes))
