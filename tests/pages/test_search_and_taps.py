"""The search as a person with back pain uses it, and a tap where markers crowd (issue: in a person's hands)."""

from __future__ import annotations

import json
import math
import re

from apptest import opened
from streamlit.testing.v1 import AppTest

TAPPED = "_tapped"


def sidebar_markdown(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "caption", "info") for e in getattr(at.sidebar, kind))


def sidebar_text(at: AppTest) -> str:
    """As a person reads it: the Markdown escapes taken out."""
    return re.sub(r"\\(.)", r"\1", sidebar_markdown(at))


def picks(at: AppTest, group: str) -> list[str]:
    return [b.label.split(" ")[0] for b in at.sidebar.button if b.key and b.key.startswith(f"pick_{group}_")]


def faded(at: AppTest) -> list[str]:
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [c[0] for t in chart["data"] if t["name"] == "Faded points" for c in t["customdata"]]


def test_back_pain_lists_the_points_trials_tested_apart_from_the_traditional_ones():
    at = opened(q="back pain")
    assert not at.exception
    text = sidebar_text(at)
    assert "**Low back pain**" in text and "**Tested in trials**" in text and "**Traditional use**" in text
    tested, traditional = picks(at, "tested"), picks(at, "traditional")
    assert "BL23" in tested and "BL52" in traditional and not set(tested) & set(traditional)
    assert "tradition, not evidence" in text
    assert "BL52" not in faded(at) and "LI4" in faded(at)  # the chart brings out the symptom's points


def test_sciatica_finds_back_pain_and_says_what_the_trials_were_of():
    at = opened(q="sciatica")
    text = sidebar_text(at)
    assert "**Low back pain**" in text and "none was of sciatica alone" in text
    assert picks(at, "tested") and picks(at, "traditional")


def test_a_symptom_with_no_trial_says_so_and_labels_its_points_as_tradition():
    at = opened(q="headache")
    text = sidebar_text(at)
    assert "No trial in our library tested acupressure points for headache" in text
    assert picks(at, "tested") == [] and "LI4" in picks(at, "traditional")


def test_picking_a_point_from_a_symptom_opens_its_card():
    at = opened(q="lumbago")
    next(b for b in at.sidebar.button if b.key == "pick_traditional_low_back_pain_BL52").click().run()
    assert at.subheader[0].value.startswith("BL52")
    assert at.query_params["point"] == "BL52"


def test_enter_on_a_search_with_one_match_opens_its_card():
    at = opened()
    at.text_input(key="url_q").set_value("hegu").run()
    assert not at.exception
    assert at.subheader[0].value.startswith("LI4") and at.query_params["point"] == "LI4"


def test_a_code_typed_the_way_people_type_it_opens_its_card():
    at = opened()
    at.text_input(key="url_q").set_value("ub 23").run()
    assert at.subheader[0].value.startswith("BL23")


def test_a_search_that_finds_nothing_says_so_beside_the_box_and_fades_nothing():
    at = opened(q="zzzz")
    assert "Nothing matches 'zzzz'" in sidebar_text(at) and "back pain" in sidebar_text(at)
    assert faded(at) == []
    assert at.subheader[0].value == "Click a point"


def test_a_hostile_search_is_text_and_changes_nothing_else():
    at = opened(q="<img src=x onerror=alert(1)>", routine="BL23")
    assert not at.exception
    assert "\\<img src\\=x onerror" in sidebar_markdown(at)  # shown as text: escaped for Markdown
    assert at.query_params["routine"] == "BL23"


def test_the_card_of_a_point_the_search_leaves_out_says_why():
    at = opened(point="BL23", q="hegu")
    assert at.subheader[0].value.startswith("BL23")
    assert any("not among the points the filters and the search let through" in i.value for i in at.info)


def test_the_first_screen_offers_a_way_in_for_back_pain():
    at = opened()
    link = next(link for link in at.get("page_link") if link.proto.label.startswith("Back pain?"))
    assert "routine=" in link.proto.query_string and "BL23" in link.proto.query_string
    assert not any(link.proto.label.startswith("Back pain?") for link in opened(point="BL23").get("page_link"))


def test_a_tap_that_picked_jiaji_beside_gv4_offers_gv4_and_a_second_tap_opens_it(atlas):
    """The review's case: a tap on GV4 on a phone's whole-body back view opened Jiaji (EX-B2)."""
    at = opened(view="posterior")
    gv4 = next(p for p in atlas.positions_in("posterior") if p.code == "GV4")
    jiaji = min((p for p in atlas.positions_in("posterior") if p.code == "EX-B2"),
                key=lambda p: math.dist((p.x, p.y), (gv4.x, gv4.y)))
    at.session_state[TAPPED] = ("posterior", "EX-B2", jiaji.x, jiaji.y)  # what the chart's callback keeps
    at.query_params["point"] = "EX-B2"
    at.run()
    near = at.pills(key="near")
    assert near.options[0].startswith("GV4")
    near.set_value("GV4").run()
    assert at.subheader[0].value.startswith("GV4")
    assert any(b.label == "Close-up: Lower back" for b in at.button)


def test_a_point_chosen_from_the_finder_offers_no_near_points():
    at = opened(view="posterior", point="EX-B2")
    assert not [p for p in at.pills if p.key == "near"]
