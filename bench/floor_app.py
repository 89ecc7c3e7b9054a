"""The benchmark's floor: a bare Streamlit page with one Plotly scatter of the same points over the same
image, `on_select`, that writes the clicked code in one line.

It reads the points from the JSON file named by BENCH_FLOOR_POINTS (written by bench/run.py from the
same atlas the explorer loads), so it carries no domain code. Its one extra widget, a "Body region"
select box that fades the other points, exists only so that "bytes per filter change" has a floor too.
The image is served by Streamlit's static serving from bench/static (a link to assets/), as in the app,
and the chart is as high as the explorer's.
"""

import json
import os

import plotly.graph_objects as go
import streamlit as st


@st.cache_resource
def spec(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


s = spec(os.environ["BENCH_FLOOR_POINTS"])
region = st.selectbox("Body region", list(s["regions"]), index=None, format_func=s["regions"].get)
pts = s["points"]  # [code, x, y, region]
fig = go.Figure(go.Scatter(
    x=[p[1] for p in pts], y=[p[2] for p in pts], mode="markers", customdata=[[p[0]] for p in pts],
    hovertemplate="%{customdata[0]}<extra></extra>",
    marker={"size": 11, "color": "#0072B2", "opacity": [1.0 if region in (None, p[3]) else 0.18 for p in pts]
            if region else 1.0},
))
w, h = s["size"]
fig.update_layout(
    images=[{"source": s["image"], "xref": "x", "yref": "y", "x": 0, "y": 0, "sizex": w, "sizey": h,
             "sizing": "stretch", "layer": "below"}],
    xaxis={"range": [0, w], "visible": False, "fixedrange": True},
    yaxis={"range": [h, 0], "visible": False, "fixedrange": True, "scaleanchor": "x"},
    margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=s["height"], dragmode=False, clickmode="event+select",
)
event = st.plotly_chart(fig, key="chart", on_select="rerun", selection_mode="points",
                        config={"displayModeBar": False, "doubleClick": False})
points = event.selection.points if event else []
st.text(f"Clicked: {points[-1]['customdata'][0] if points else 'none'}")
