"""The Learn page: a point asked with no markers, the answer scored in cun after a tap, hostile links noticed."""

from __future__ import annotations

from meridians.learn.scoring import offset
from tests.pages.apptest import opened

PAGE = "app_pages/5_Learn.py"


def _drill_traces(at):
    import json

    chart = at.get("plotly_chart")[0]
    return json.loads(chart.proto.spec)["data"]


def test_the_page_asks_a_point_with_no_markers(atlas):
    at = opened(PAGE, deck="LI", point="LI4")
    assert not at.exception
    assert any("Find LI4, Hégǔ" in s.value for s in at.subheader)
    names = [t.get("name") for t in _drill_traces(at)]
    assert names == ["Tap"]  # only the invisible tap targets: nothing gives the answer away


def test_a_tap_shows_the_answer_and_the_error_in_cun(atlas):
    at = opened(PAGE, deck="LI", point="LI4")
    pos = next(p for p in atlas.positions_in("hand_back") if p.code == "LI4")
    spot = offset(atlas, "hand_back", pos, 1.0, 0.0)
    at.session_state["_learn_answers"] = {("LI", "LI4"): spot}
    at.run()
    assert at.metric[0].value == "1.0 cun"
    assert {t.get("name") for t in _drill_traces(at)} >= {"True position", "Your click"}


def test_the_hint_names_the_landmark():
    at = opened(PAGE, deck="LI", point="LI4")
    at.button(key="hint").click().run()
    assert any("Start from the" in i.value for i in at.info)


def test_a_hostile_link_gets_a_notice_and_the_page_works():
    at = opened(PAGE, deck="<script>alert(1)</script>", point="BL23'--")
    assert not at.exception
    assert any("Unknown deck" in i.value for i in at.info)
    assert at.subheader  # the default deck's first point is asked


def test_a_point_outside_the_deck_is_noticed():
    at = opened(PAGE, deck="LI", point="BL23")
    assert any("not in this deck" in i.value for i in at.info)
    assert any("Find LI1" in s.value for s in at.subheader)
