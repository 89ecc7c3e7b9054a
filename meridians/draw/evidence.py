"""The evidence at a glance: each result by when it was measured, with its certainty."""

from __future__ import annotations

import html
from collections.abc import Iterable

import plotly.graph_objects as go

from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.model import CERTAINTY_LABELS, RESULT_LABELS, Effect, Study

RESULT_SYMBOLS = {"benefit": "circle", "small": "circle-open", "no_difference": "x-thin-open"}
TICKS = {1 / 7: "1 day", 1: "1 week", 4: "1 month", 13: "3 months", 26: "6 months", 52: "1 year"}


def rows(studies: Iterable[Study]) -> list[tuple[str, Study, str]]:
    """One row per study and comparison, oldest study first: (label, study, comparison)."""
    out = []
    for s in sorted(studies, key=lambda s: (s.year, s.id)):
        for against in dict.fromkeys(e.against for e in s.effects):
            out.append((f"{s.author_list[0].split(' ')[0]} {s.year} vs {against}", s, against))
    return out


def _when(effect: Effect) -> str:
    if effect.from_weeks is None:
        return f"Week {effect.weeks:g}"
    return f"Between week {effect.from_weeks:g} and week {effect.weeks:g}"


def timeline(studies: Iterable[Study]) -> go.Figure:
    """Results against follow-up time; colour is certainty, shape is what was found."""
    table = rows(studies)
    fig = go.Figure()
    fig.add_vrect(x0=26, x1=80, fillcolor="#EEEEEE", line_width=0, layer="below",
                  annotation_text="6 months and longer", annotation_position="top left")
    for label, study, against in table:
        effects = sorted((e for e in study.effects if e.against == against), key=lambda e: e.weeks)
        certainty = [e.certainty or study.certainty for e in effects]
        fig.add_trace(go.Scatter(
            x=[e.plotted_at for e in effects], y=[label] * len(effects), mode="lines+markers", showlegend=False,
            line={"color": "#BBBBBB", "width": 1},
            # a result the source gives only within a span ("short term") is a bar across the span
            error_x={"type": "data", "symmetric": False, "color": "#888888", "thickness": 3, "width": 0,
                     "array": [e.weeks - e.plotted_at for e in effects],
                     "arrayminus": [e.plotted_at - (e.from_weeks or e.weeks) for e in effects],
                     "visible": any(e.from_weeks for e in effects)},
            marker={"size": 13, "color": [CERTAINTY_COLOURS[c].hex for c in certainty],
                    "symbol": [RESULT_SYMBOLS[e.result] for e in effects], "line": {"width": 2}},
            customdata=[[study.id] for _ in effects],
            text=[html.escape(f"{_when(e)}. {RESULT_LABELS[e.result]} ({CERTAINTY_LABELS[c]}): {e.note}")
                  for e, c in zip(effects, certainty, strict=True)],
            hovertemplate="<b>%{y}</b><br>%{text}<extra></extra>",
        ))
    for key, colour in CERTAINTY_COLOURS.items():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=CERTAINTY_LABELS[key],
                                 marker={"size": 11, "color": colour.hex}, legendgroup="certainty"))
    for key, symbol in RESULT_SYMBOLS.items():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=RESULT_LABELS[key],
                                 marker={"size": 11, "symbol": symbol, "color": "#444444", "line": {"width": 2}},
                                 legendgroup="result"))
    fig.update_layout(
        height=max(280, 34 * len(table) + 150), margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={"type": "log", "range": [-1.0, 1.9], "tickvals": list(TICKS), "ticktext": list(TICKS.values()),
               "title": "When the result was measured (from the start of treatment)", "fixedrange": True},
        yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True},
        legend={"orientation": "h", "y": -0.15, "yanchor": "top"}, dragmode=False,
        plot_bgcolor="white",
    )
    return fig
