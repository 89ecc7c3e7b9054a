"""The Routine page and the explorer's routine controls, with AppTest (entered through the explorer, as in the app)."""

from __future__ import annotations

import re

from apptest import opened
from streamlit.testing.v1 import AppTest

PAGE = "app_pages/4_Routine.py"


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def timer_html(at: AppTest) -> str:
    return next(e.proto.body for e in at.get("html") if "press-timer" in e.proto.body)


def test_an_empty_routine_offers_the_trials_point_sets_with_their_citations():
    at = opened(PAGE)
    assert not at.exception
    assert at.subheader[0].value == "My routine is empty"
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    cherkin = next(label for label in links if label.startswith("Cherkin DC 2009"))
    assert links[cherkin] == "routine=BL23%2CBL40%2CKI3%2CGV3"
    assert any("Cherkin DC" in c.value and "Archives of Internal Medicine" in c.value for c in at.caption)  # the trial's citation
    cherkin_caption = next(c.value for c in at.caption if "Cherkin DC" in c.value)
    assert "needled, not pressed" in cherkin_caption and "no better than simulated needling" in cherkin_caption
    assert not any(label.startswith(("Murphy", "Ghanbari")) for label in links)  # common points; part of a set


def test_pregnancy_cautions_come_first_on_every_step():
    for step in ("0", "1", "3"):
        at = opened(PAGE, routine="BL23,SP6,LI4", step=step)
        kinds = [e.type for e in at.main]
        assert kinds.index("warning") < kinds.index("subheader"), kinds  # before the routine or the step
        assert at.warning[0].value.startswith("**If you are pregnant**")
        assert "SP6, LI4" in at.warning[0].value
    assert not opened(PAGE, routine="BL23,GV3").warning


def test_the_overview_lists_the_points_in_order_and_they_can_be_moved_and_removed():
    at = opened(PAGE, routine="BL23,BL40,KI3")
    rows = [m.value for m in at.markdown if re.match(r"^\d+\\\. ", m.value)]  # "1\. BL23 · …", escaped
    assert [r.split(" ")[1] for r in rows] == ["BL23", "BL40", "KI3"]
    at = at.button(key="routine_down_BL23").click().run()
    assert at.query_params["routine"] == "BL40,BL23,KI3"
    at = at.button(key="routine_remove_KI3").click().run()
    assert at.query_params["routine"] == "BL40,BL23"


def test_the_guided_steps_show_the_point_how_to_press_and_a_timer_for_its_sides(atlas):
    at = opened(PAGE, routine="BL23,GV3", minutes="3")
    at = button(at, "Start the routine").click().run()
    assert at.query_params["step"] == "1"
    assert at.subheader[0].value.startswith("Step 1 of 2")
    assert atlas.points["BL23"].how_to_press in [t.value for t in at.text]
    assert len(at.get("plotly_chart")) == 1
    timer = timer_html(at)
    assert 'data-seconds="180"' in timer and "Both sides at once" in timer and "Left side" not in timer  # a helper's two thumbs
    assert 'data-onward="0"' in timer
    at = button(at, "Next point").click().run()
    assert at.subheader[0].value.startswith("Step 2 of 2") and "On the midline" in timer_html(at)
    at = button(at, "Finish").click().run()
    assert "step" not in at.query_params
    assert at.subheader[0].value.startswith("My routine")


def test_a_step_past_the_end_shows_the_overview_with_a_notice():
    at = opened(PAGE, routine="BL23", step="5")
    assert not at.exception
    assert any("no step 5" in i.value for i in at.info)
    assert at.subheader[0].value.startswith("My routine")


def test_the_routine_page_offers_the_pdf_on_a4_or_letter():
    at = opened(PAGE, routine="BL23,KI3")
    assert [b.proto.label for b in at.get("download_button")] == ["Routine sheet (PDF)"]
    paper = next(b for b in at.get("button_group") if b.proto.label == "Paper")
    assert [o.content for o in paper.proto.options] == ["A4", "Letter"]


def test_the_card_adds_its_point_to_the_routine_and_takes_it_out():
    at = opened("explorer.py", point="BL23", routine="GV3")
    at = button(at, "Add BL23 to my routine").click().run()
    assert at.query_params["routine"] == "GV3,BL23" and at.query_params["point"] == "BL23"
    at = button(at, "Remove BL23 from my routine").click().run()
    assert at.query_params["routine"] == "GV3"


def test_the_explorer_offers_the_view_as_a_png():
    at = opened("explorer.py", view="lower_back", point="BL23")
    assert [b.proto.label for b in at.get("download_button")] == ["Print this view (PNG)"]


def test_hostile_routine_links_are_noticed_as_text():
    at = opened(PAGE, routine="<script>alert(1)</script>,BL23,![x](http://example.com/x.png)", step="<b>", minutes="9")
    assert not at.exception
    notices = [i.value for i in at.info]
    assert len(notices) == 4
    assert all("<script>" not in n and "![x]" not in n for n in notices)  # escaped for Markdown
    assert at.subheader[0].value == "My routine: 1 point"


def test_the_menu_keeps_the_routine_and_the_point():
    """From /?point=BL23&routine=BL23,BL40, the menu's Routine and then its Chart (each opens with an empty link)."""
    at = opened("explorer.py", point="BL23", routine="BL23,BL40")
    at.query_params.clear()
    at.switch_page("app_pages/4_Routine.py").run()
    assert not at.exception
    assert "My routine: 2 points" in [s.value for s in at.subheader]
    assert at.query_params["routine"] == "BL23,BL40"  # the link says it too: it can be shared
    at.query_params.clear()
    at.switch_page("app_pages/chart.py").run()
    assert at.subheader[0].value.startswith("BL23")
    assert at.query_params["routine"] == "BL23,BL40"


def test_a_page_link_that_does_not_carry_the_routine_keeps_it():
    """The Meridians page's point links give the point and the meridian alone."""
    at = opened("app_pages/4_Routine.py", routine="BL23,BL40")
    at.query_params.clear()
    at.query_params["point"] = "BL60"
    at.switch_page("app_pages/chart.py").run()
    assert at.subheader[0].value.startswith("BL60")
    assert at.query_params["routine"] == "BL23,BL40"


def test_going_on_by_itself_is_in_the_link_and_reaches_the_timer():
    at = opened(PAGE, routine="BL40,GV3", step="1", onward="1")
    timer = timer_html(at)
    assert "Left side" in timer and "Right side" in timer
    assert 'data-onward="1"' in timer and 'data-autostart="1"' in timer
    assert at.toggle(key="url_onward").value is True
    at.toggle(key="url_onward").set_value(False).run()
    assert "onward" not in at.query_params and 'data-onward="0"' in timer_html(at)
    last = opened(PAGE, routine="BL40,GV3", step="2", onward="1")
    assert 'data-onward="0"' in timer_html(last)  # nothing after the last point


def test_a_routine_of_twenty_points_and_one_with_unknown_codes_are_noticed_and_printable(atlas):
    codes = [c for c in atlas.points if not c.startswith("EX")][:20]
    at = opened(PAGE, routine=",".join(codes))
    assert not at.exception and at.subheader[0].value == "My routine: 20 points"
    assert [b.proto.label for b in at.get("download_button")] == ["Routine sheet (PDF)"]
    at = opened(PAGE, routine=",".join(["XX99", *codes[:9], "BL999", *codes[9:18]]))
    assert not at.exception
    assert sum("XX99" in i.value or "BL999" in i.value for i in at.info) == 2  # each unknown code said
    assert at.subheader[0].value == "My routine: 18 points"
    assert [b.proto.label for b in at.get("download_button")] == ["Routine sheet (PDF)"]


def test_the_routine_links_to_a_drill_of_its_points():
    at = opened("app_pages/4_Routine.py", routine="BL23,KI3")
    link = next(p for p in at.get("page_link") if "drill of my routine" in p.proto.label)
    assert link.proto.page == "Learn" and link.proto.query_string == "deck=routine&routine=BL23%2CKI3"
