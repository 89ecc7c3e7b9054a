"""The click as the explorer page wires it (docs/architecture.md, "The click"): the run after a click on the
chart hands Streamlit the very chart the browser has, and a point from elsewhere gets a chart that rings it."""

from __future__ import annotations

import json

from apptest import opened
from streamlit.testing.v1 import AppTest

from meridians.selection import clicked
from ui.chartview import SENT


def body_chart(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def ringed(chart: dict) -> set[str]:
    ring = chart["data"][-1]
    return {ring["customdata"][i][0] for i in ring.get("selectedpoints", [])}


def click(at: AppTest, code: str) -> AppTest:
    """What the chart's selection callback does for a click on `code`: the browser rings it, the URL says it."""
    at.session_state[SENT] = clicked(at.session_state[SENT], code)
    at.query_params["point"] = code
    return at.run()


def test_the_run_after_a_click_sends_the_chart_the_browser_already_has():
    at = opened(point="BL23")
    before = body_chart(at)
    assert ringed(before) == {"BL23"}
    click(at, "BL40")
    assert not at.exception
    assert at.subheader[0].value.startswith("BL40")  # the card follows the click
    assert body_chart(at) == before  # the same figure: Streamlit sends a reference, the browser keeps its ring


def test_a_point_from_elsewhere_after_a_click_gets_a_new_chart_that_rings_it():
    at = opened(point="BL23")
    first = body_chart(at)
    click(at, "BL40")
    at.query_params["point"] = "BL23"  # Back: the figure last sent rang BL23 too
    at.run()
    back = body_chart(at)
    assert ringed(back) == {"BL23"} and back["layout"]["meta"] != first["layout"]["meta"]
