"""In a Jupyter notebook: the explorer's chart as a Plotly FigureWidget, and a click shows the point's card.

The widget needs the optional notebook packages (requirements-notebook.txt: ipywidgets, and anywidget for
plotly's FigureWidget). This module imports without them and says what to install when it is used.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from meridians.card import card_data
from meridians.draw.chart import chart, image_data_uri
from meridians.model import Atlas

INSTALL = "The notebook chart needs ipywidgets and anywidget: pip install -r requirements-notebook.txt"
PROMPT = "<p><b>Click a point</b> on the chart to see its card.</p>"


def _widgets():
    try:
        import anywidget  # noqa: F401  (plotly's FigureWidget is built on it)
        import ipywidgets
    except ImportError as err:
        raise ImportError(INSTALL) from err
    return ipywidgets


def card_html(card: dict) -> str:
    """The card as HTML for a notebook; every text from the data is escaped."""
    e = html.escape
    parts = [f"<h3>{e(card['code'])} · {e(card['pinyin'])} · {e(card['hanzi'])}</h3>",
             f"<p>{e(card['english'])} — {e(card['meridian']['name'])}, {e(card['region']['name'])}</p>"]
    if card["pregnancy"]:
        parts.append(f"<p><b>Traditionally avoided in pregnancy.</b> {e(card['pregnancy']['note'])}</p>")
    else:
        parts.append(f"<p>{e(card['pregnancy_line'])}</p>")
    for title, key in (("Where it is", "location"), ("How to find it", "how_to_find"), ("How to press", "how_to_press"),
                       ("Cautions", "cautions")):
        parts.append(f"<h4>{title}</h4><p>{e(card[key])}</p>")
        if key == "location":
            parts.append(f"<p><small>{e(card['location_status']['line'])}</small></p>")
        elif key == "how_to_press":
            parts.append(f"<p><b>{e(card['pressure_limit'])}</b></p>")
        elif key == "cautions":
            parts.append(f"<p><small>{e(card['every_point'])}</small></p>")
    parts.append("<h4>What the research shows</h4>")
    if card["no_trials"]:
        parts.append(f"<p>{e(card['no_trials'])}</p>")
    for found in card["research"]:
        parts.append(f"<p><b>{e(found['condition']['name'])}</b> ({e(found['rated_by'])}; {e(found['size'])}): "
                     f"{e(found['verdict'])}</p>")
        parts += [f"<p><small>{e(line)}</small></p>" for line in [found["in_general"] or "", *found["sham_no_difference"]]
                  if line]
        parts.append(_studies_html(found["studies"]))
    if card["other_studies"]:
        parts.append("<h4>Other studies that used this point</h4>" + _studies_html(card["other_studies"]))
    return "".join(parts)


def _studies_html(studies: list[dict]) -> str:
    e = html.escape
    return "<ul>" + "".join(f"<li>{e(s['short'])}: {e(s['title'])} ({e(s['certainty'])}; lasted: {e(s['follow_up'])})</li>"
                            for s in studies) + "</ul>"


class ChartWithCard:
    """The chart of one view beside a card; clicking a marker shows that point's card."""

    def __init__(self, atlas: Atlas, view: str = "posterior", *, shown: frozenset[str] | None = None):
        widgets = _widgets()
        self.atlas = atlas
        self.selected: str | None = None
        self.figure = go.FigureWidget(chart(atlas, view, image_data_uri(view), shown=shown))
        self.card = widgets.HTML(PROMPT, layout=widgets.Layout(width="40%"))
        for trace in self.figure.data:
            if trace.customdata is not None:
                trace.on_click(self.on_click)
        self.widget = widgets.HBox([self.figure, self.card])

    def on_click(self, trace, points, _state=None) -> None:
        """Plotly's click callback: the last clicked marker's code is in the trace's customdata."""
        if points.point_inds:  # a click on the background selects nothing and changes nothing
            self.show(trace.customdata[points.point_inds[-1]][0])

    def show(self, code: str) -> None:
        self.selected = code
        self.card.value = card_html(card_data(self.atlas, code))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
