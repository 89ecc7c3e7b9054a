"""The Learn page's progress charts as plotly dicts: each meridian's points answered and right, and the share of
right answers day by day."""

from __future__ import annotations

from datetime import date

from meridians.learn.progress import MeridianProgress
from meridians.model import Atlas

RIGHT_COLOUR = "#1b7f3b"
OFF_COLOUR = "#e0a040"
TODO_COLOUR = "#d9d9d9"
_LAYOUT = {"template": {}, "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
           "font": {"size": 12}, "dragmode": False, "hovermode": "closest"}


def meridian_figure(atlas: Atlas, rows: tuple[MeridianProgress, ...]) -> dict:
    """A bar per meridian: its points right the last time, answered but off, and not yet answered."""
    names = [f"{r.meridian} {atlas.meridians[r.meridian].name}" for r in rows]
    parts = (("Right the last time", RIGHT_COLOUR, [r.right for r in rows]),
             ("Off the last time", OFF_COLOUR, [r.answered - r.right for r in rows]),
             ("Not yet asked", TODO_COLOUR, [r.points - r.answered for r in rows]))
    data = [{"type": "bar", "orientation": "h", "name": name, "y": names, "x": xs, "marker": {"color": colour},
             "hovertemplate": f"%{{y}}: %{{x}} points {name.lower()}<extra></extra>"} for name, colour, xs in parts]
    return {"data": data, "layout": {**_LAYOUT, "barmode": "stack", "height": 80 + 26 * len(rows),
                                     "margin": {"l": 10, "r": 10, "t": 40, "b": 30},
                                     "xaxis": {"fixedrange": True, "rangemode": "tozero"},
                                     "yaxis": {"autorange": "reversed", "fixedrange": True, "automargin": True},
                                     "legend": {"orientation": "h", "traceorder": "normal", "x": 0, "y": 1,
                                                "yanchor": "bottom"}}}


def accuracy_figure(days: tuple[tuple[date, int, int], ...]) -> dict:
    """The share of answers right on each day with answers, the number of answers in the hover."""
    xs = [d.isoformat() for d, _, _ in days]
    share = [round(100 * r / n) for _, n, r in days]
    data = [{"type": "scatter", "mode": "lines+markers", "x": xs, "y": share, "name": "Right",
             "customdata": [[n, r] for _, n, r in days], "line": {"color": RIGHT_COLOUR},
             "hovertemplate": "%{x}: %{y}% right (%{customdata[1]} of %{customdata[0]})<extra></extra>"}]
    return {"data": data, "layout": {**_LAYOUT, "height": 260, "showlegend": False,
                                     "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
                                     "xaxis": {"type": "date", "fixedrange": True, "tickformat": "%d %b"},
                                     "yaxis": {"range": [0, 105], "title": {"text": "% right"}, "fixedrange": True,
                                               "automargin": True}}}
