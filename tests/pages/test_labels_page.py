"""The labels switch on the chart pages: in the link, and drawing the codes beside the markers."""

from __future__ import annotations

import json

from tests.pages.apptest import opened


def _trace_names(at, n: int = 0):
    return [t.get("name") for t in json.loads(at.get("plotly_chart")[n].proto.spec)["data"]]


def test_the_explorer_s_switch_writes_the_codes_and_keeps_the_ring_last():
    at = opened(view="lower_back")
    assert "Codes" not in _trace_names(at)
    at.toggle(key="url_labels").set_value(True).run()
    assert at.query_params["labels"] in ("True", ["True"])
    names = _trace_names(at)
    assert "Codes" in names and names[-1] == "Selected"


def test_a_link_with_labels_opens_with_them():
    at = opened(view="hand_back", labels="1", point="LI4")
    assert not at.exception
    assert at.toggle(key="url_labels").value is True
    assert "Codes" in _trace_names(at)


def test_the_meridians_page_labels_its_meridian_s_points():
    at = opened("app_pages/0_Meridians.py", meridian="BL", view="lower_back", labels="1")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    codes = next(t for t in spec["data"] if t["name"] == "Codes")
    assert "BL23" in codes["text"] and all(c.startswith("BL") for c in codes["text"])
