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
    at.session_state["_learn_answers"] = {("find", "LI", "LI4"): spot}
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


def test_name_the_point_offers_its_neighbours_and_a_choice_answers():
    at = opened(PAGE, deck="LI", point="LI4", mode="name")
    assert not at.exception
    assert any("Which point is ringed?" in s.value for s in at.subheader)
    assert [t.get("name") for t in _drill_traces(at)] == ["Ringed"]  # no tap targets, no answer
    offered = {b.key.removeprefix("choice_") for b in at.button if b.key and b.key.startswith("choice_")}
    assert offered == {"LI4", "LI3", "LI5", "EX-UE7"}
    at.button(key="choice_LI3").click().run()
    assert any("It is LI4" in e.value and "you chose LI3" in e.value for e in at.error)
    assert all(b.disabled for b in at.button if b.key and b.key.startswith("choice_"))  # the first choice counts
    answer = at.session_state["_learn_progress"].answers[-1]
    assert (answer.mode, answer.code, answer.right) == ("name", "LI4", False)
    assert {t.get("name") for t in _drill_traces(at)} == {"True position"}


def test_a_shared_link_opens_its_deck_and_mode(atlas):
    at = opened(PAGE, deck="trial-cherkin2009", mode="name")
    assert at.selectbox(key="url_deck").value == "trial-cherkin2009"
    assert at.segmented_control(key="url_mode").value == "name"
    assert any("Which point is ringed?" in s.value for s in at.subheader)
    ringed = next(t for t in _drill_traces(at) if t["name"] == "Ringed")
    bl23 = [p for p in atlas.positions_in("lower_back") if p.code == "BL23"]  # the trial's first point, none due
    assert sorted(ringed["x"]) == sorted(round(p.x, 1) for p in bl23)


def test_the_routine_deck_asks_the_routine_s_points():
    at = opened(PAGE, deck="routine", routine="KI3,BL23")
    assert any("Find KI3" in s.value for s in at.subheader)  # the routine's first point, none due yet


def test_an_empty_routine_deck_says_so_and_drills_the_default_deck():
    at = opened(PAGE, deck="routine")
    assert not at.exception
    assert any("routine has no points" in i.value for i in at.info)
    assert at.subheader


def test_answers_show_as_progress_by_meridian_and_day(atlas):
    from datetime import UTC, datetime

    from meridians.learn.progress import Progress, answered

    at = opened(PAGE, deck="LI", point="LI4")
    assert any("No answers yet" in t.value for t in at.text)
    at.session_state["_learn_progress"] = answered(Progress(), "find", "LI4", datetime.now(UTC), cun=0.2)
    at.run()
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    assert len(charts) == 3  # the drill, by meridian, day by day
    assert '"Large Intestine' not in charts[0] and "LI Large Intestine" in charts[1]
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Export my progress", "Anki package of this deck (20 points)"]


def test_a_new_deck_opens_on_its_first_point():
    at = opened(PAGE, deck="LI", point="LI4")
    at.selectbox(key="url_deck").select("trial-cherkin2009").run()
    assert not at.info  # no "not in this deck" notice: the point asked went with the old deck
    assert any("Find BL23" in s.value for s in at.subheader)


def test_the_point_answered_stays_asked_though_its_card_is_no_longer_due():
    at = opened(PAGE, deck="trial-cherkin2009", mode="name")  # no point in the link: the first due, BL23
    at.button(key="choice_BL23").click().run()
    assert any("BL23, Shènshū" in s.value for s in at.success)  # not moved on to BL40, now first in the order
    assert at.query_params["point"] in ("BL23", ["BL23"])
