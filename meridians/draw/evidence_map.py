"""The evidence map: one bubble per condition, placed by what its lead study found, sized by the people in it and
coloured by its certainty, in the manner of the VA's and Epistemonikos's evidence maps."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.model import CERTAINTY_LABELS, CERTAINTY_ORDER, FINDINGS
from meridians.research import Evidence

COLUMNS = ("no_difference", "unclear", "small", "benefit")  # from nothing found to a clear benefit
SHORT = {"no_difference": "No better", "unclear": "Unclear", "small": "Slightly better", "benefit": "Better"}
SMALLEST, LARGEST = 12, 48  # a bubble's diameter in pixels, for the fewest and the most people
ROW = 86  # pixels per condition: its label line, then its bubble


def bubble_size(people: int | None, most: int) -> float:
    """A diameter whose area grows with the people (a study of unknown size is drawn smallest)."""
    if not people or most <= 0:
        return SMALLEST
    return SMALLEST + (LARGEST - SMALLEST) * math.sqrt(people / most)


def label(e: Evidence) -> str:
    """The words beside a bubble: its size and certainty, so the map reads without colour."""
    return f"{e.size}; {CERTAINTY_LABELS[e.certainty].lower()}"


def table(evidence: Sequence[Evidence]) -> list[dict[str, str]]:
    """The map as rows, for screen readers and for anyone who would rather read than look."""
    return [{"Condition": e.condition.name, "What it found": FINDINGS[e.condition.finding or "unclear"],
             "Certainty": e.rated_by, "Evidence": e.size, "Verdict": e.condition.verdict or ""} for e in evidence]


def picked(event: Mapping | None) -> str | None:
    """The condition a click on the map picked, from Streamlit's selection event (None: a click on nothing)."""
    points = ((event or {}).get("selection") or {}).get("points") or []
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    return ids[-1] if ids else None


def evidence_map(evidence: Sequence[Evidence]) -> go.Figure:
    """The map: a row per condition, a column per finding, each row labelled above its bubble across the whole width
    (it reads on a phone). A bubble's customdata is its condition's id, so a click on it can show that condition's
    studies."""
    most = max((e.people or 0 for e in evidence), default=0)
    names = [e.condition.name for e in evidence]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[SHORT[e.condition.finding or "unclear"] for e in evidence], y=names, mode="markers",
        marker={"size": [bubble_size(e.people, most) for e in evidence], "sizemode": "diameter",
                "color": [CERTAINTY_COLOURS[e.certainty].hex for e in evidence], "opacity": 0.9,
                "line": {"width": 1.5, "color": "#333333"}},
        customdata=[[e.condition.id] for e in evidence], showlegend=False, name="Conditions",
        hovertext=[html.escape(f"{e.condition.name}: {e.condition.verdict} ({e.rated_by}; {e.size})")
                   for e in evidence],
        hovertemplate="%{hovertext}<extra></extra>",
    ))
    for key in CERTAINTY_ORDER:  # the legend: each certainty in words
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=CERTAINTY_LABELS[key],
                                 marker={"size": 12, "color": CERTAINTY_COLOURS[key].hex}))
    fig.update_layout(
        height=ROW * len(evidence) + 200, margin={"l": 4, "r": 4, "t": 10, "b": 10},
        annotations=[{"text": f"<b>{html.escape(e.condition.name)}</b>  {html.escape(label(e))}", "x": 0, "xref": "paper",
                      "y": e.condition.name, "yref": "y", "yshift": 38, "xanchor": "left", "showarrow": False,
                      "font": {"size": 13, "color": "#222222"}} for e in evidence],
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": [SHORT[c] for c in COLUMNS],
               "range": [-0.5, len(COLUMNS) - 0.5], "title": "What the lead study found, against its comparison",
               "fixedrange": True, "side": "top", "tickangle": 0, "showgrid": True, "gridcolor": "#EEEEEE"},
        yaxis={"type": "category", "fixedrange": True, "showticklabels": False,
               "showgrid": False, "range": [len(evidence) - 0.45, -0.75]},
        legend={"orientation": "h", "y": -0.01, "yanchor": "top", "title": {"text": "Colour: "}},
        dragmode=False, plot_bgcolor="white", clickmode="event+select",
    )
    return fig
