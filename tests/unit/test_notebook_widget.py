"""The notebook widget: a click on a marker shows that point's card; without the extras it says what to install."""

from __future__ import annotations

import importlib
import sys
from types import SimpleNamespace

import pytest

from meridians import notebook
from meridians.card import card_data


def marker_trace(widget, code: str):
    """The meridian trace that holds `code`'s marker, and the marker's index in it."""
    for trace in widget.figure.data:
        if trace.customdata is not None and [code] in [list(c) for c in trace.customdata]:
            return trace, [list(c) for c in trace.customdata].index([code])
    raise AssertionError(f"no marker for {code}")


def test_clicking_a_marker_shows_its_card(atlas):
    widget = notebook.ChartWithCard(atlas, "lower_back")
    assert widget.card.value == notebook.PROMPT
    trace, i = marker_trace(widget, "BL23")
    widget.on_click(trace, SimpleNamespace(point_inds=[i]), None)  # what plotly calls on a click
    assert widget.selected == "BL23"
    assert "BL23" in widget.card.value and "How to press" in widget.card.value
    assert "Cherkin DC 2009" in widget.card.value


def test_a_click_on_the_background_keeps_the_card(atlas):
    widget = notebook.ChartWithCard(atlas, "lower_back")
    trace, i = marker_trace(widget, "GV3")
    widget.on_click(trace, SimpleNamespace(point_inds=[i]), None)
    before = widget.card.value
    widget.on_click(trace, SimpleNamespace(point_inds=[]), None)
    assert widget.selected == "GV3" and widget.card.value == before


def test_every_marker_trace_answers_clicks(atlas):
    widget = notebook.ChartWithCard(atlas, "posterior")
    clickable = [t for t in widget.figure.data if t.customdata is not None]
    assert clickable and all(t._click_callbacks for t in clickable)


def test_the_card_escapes_text_from_the_data(atlas):
    card = card_data(atlas, "LI4")
    card["english"] = "<script>alert(1)</script>"
    page = notebook.card_html(card)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Traditionally avoided in pregnancy" in page


def test_without_ipywidgets_the_module_imports_and_the_widget_says_what_to_install(atlas, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # an import of it now fails
    try:
        bare = importlib.reload(notebook)
        with pytest.raises(ImportError, match="requirements-notebook.txt"):
            bare.ChartWithCard(atlas)
    finally:
        monkeypatch.undo()
        importlib.reload(notebook)


def test_the_notebook_card_says_the_pregnancy_status_pressure_limit_and_location_status(atlas):
    page = notebook.card_html(card_data(atlas, "BL23"))
    for line in ("Pregnancy: not on the traditional lists", "Firmer is not better", "Location: WHO 2008, as written",
                 "On any point: not on broken, inflamed or bruised skin"):
        assert line in page, line
