"""Every page with Streamlit's AppTest: it renders, deep links restore the screen, bad links get a notice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from apptest import html_markup, html_text, opened
from PIL import ImageColor
from streamlit.testing.v1 import AppTest

from ui.frame import DOCTOR_NOW

PAGES = ["explorer.py", "app_pages/0_Meridians.py", "app_pages/1_Mechanisms.py", "app_pages/2_Research.py", "app_pages/3_About.py"]


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "text", "caption", "info", "warning",
                                  "error", "code") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts) + "\n" + html_text(at)  # the card's text is HTML


@pytest.mark.parametrize("page_file", PAGES)  # not `page`: that is Playwright's fixture
def test_every_page_renders_with_the_safety_notes(page_file):
    at = opened(page_file)
    assert not at.exception, at.exception
    assert "not medical advice" in texts(at)
    box = next(e for e in at.sidebar.expander if e.label == "When to see a doctor now")
    assert not box.markdown  # written when opened: every page's first load drew it closed
    at.session_state[DOCTOR_NOW] = True  # as the browser sends the opened box
    at.run()
    said = texts(at).replace("\\", "")  # as the reader sees it, without Markdown's escapes
    assert "Call your local emergency number now (999 in the UK, 112 in Europe, 911 in North America)" in said
    for sign in ("worse when you cough, sneeze or strain", "between the shoulder blades", "under 20 or over 50",
                 "you inject drugs", "osteoporosis", "generally unwell", "no better after about a month"):
        assert sign in said, sign
    assert "over 60" not in said


def test_explorer_starts_on_the_back_with_an_invitation_to_click():
    at = opened("explorer.py")
    assert at.button_group[0].value == "posterior"
    assert at.subheader[0].value == "Click a point"
    chart, legend = body_chart_and_legend(at)
    assert chart["data"][-1]["name"] == "Selected" and not chart["layout"]["showlegend"]
    assert [t["name"] for t in legend["data"]][:2] == ["LU Lung", "LI Large Intestine"] and len(legend["data"]) == 15


def body_chart_and_legend(at) -> tuple[dict, dict]:
    """The explorer's two charts, and no other: the body (whose selection a click changes) and the meridian legend."""
    chart, legend = (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
    return chart, legend


def test_a_deep_link_restores_view_point_and_filters():
    at = opened("explorer.py", view="anterior", point="ST36", mechanism=["endorphins", "relaxation"], meridian="ST")
    assert not at.exception
    assert at.button_group[0].value == "anterior"
    assert at.subheader[0].value.startswith("ST36")
    assert at.multiselect(key="url_mechanisms").value == ["endorphins", "relaxation"]
    assert at.multiselect(key="url_meridians").value == ["ST"]
    # The sidebar's point box is a finder, empty after use: a click on the chart reruns only the chart and
    # the card (not the sidebar), so a box showing the point would show the one before the click.
    assert at.selectbox(key="pick").value is None
    assert "Where it is" in texts(at) and "How to press" in texts(at)


def test_the_card_says_what_was_tested_and_how_sure():
    at = opened("explorer.py", point="BL23")
    body = texts(at)
    assert "What the research shows" in body and "<strong>Low back pain</strong>" in html_markup(at)
    assert any(e.label.replace("\\", "").startswith("Low back pain: the study that used BL23") for e in at.expander)
    assert "Cherkin DC 2009" in body
    assert "Traditional belief" in body  # the blocked-energy explanation is labelled


def test_the_cards_study_boxes_and_share_link_are_written_when_opened():
    """A click redraws the card: what sits in a closed box is sent only once the box is opened."""
    def box(at):
        return next(e for e in at.expander if e.label.replace("\\", "").startswith("Low back pain: the study"))

    at = opened("explorer.py", point="BL23")
    assert not box(at).markdown and not at.code
    at.session_state["card_studies_BL23_low_back_pain"] = True  # as the browser sends an opened box
    at.session_state["share"] = True
    at.run()
    entry = " ".join(m.value for m in box(at).markdown).replace("\\", "")
    assert "Cherkin DC 2009" in entry and "How long it lasted" in entry
    assert at.code[0].value.endswith("?point=BL23")  # the link to this screen, to copy


def test_a_pregnancy_point_carries_the_caution_and_its_source():
    at = opened("explorer.py", point="LI4")
    assert at.warning and "Traditionally avoided in pregnancy" in at.warning[0].value
    assert "Source:" in texts(at)


def test_a_point_from_another_view_shows_where_it_is_drawn():
    at = opened("explorer.py", view="lateral", point="BL23")
    assert "not drawn on this view" in texts(at)
    assert at.subheader[0].value.startswith("BL23")


def test_a_bad_link_gets_a_notice_and_the_page_still_works():
    at = opened("explorer.py", point="XX99", view="upside-down", mechanism="magic", foo="bar")
    assert not at.exception
    notices = [e.value for e in at.info]
    assert len(notices) == 4
    assert at.button_group[0].value == "posterior"
    chart, _ = body_chart_and_legend(at)
    assert chart["data"][-1]["name"] == "Selected"


def test_hostile_text_in_a_link_is_shown_as_text():
    at = opened("explorer.py", point="<img src=x onerror=alert(1)>")
    notice = at.info[0].value
    assert "\\<img" in notice  # escaped for Markdown: shown, never run
    assert not at.exception


def test_picking_a_point_in_the_box_opens_its_card_on_a_view_that_shows_it():
    at = opened("explorer.py")
    at.selectbox(key="pick").select("ST36").run()
    assert at.query_params["point"] == "ST36" and at.query_params["view"] == "anterior"
    assert at.subheader[0].value.startswith("ST36")
    assert at.selectbox(key="pick").value is None  # ready for the next point


def test_a_search_result_opens_on_the_close_up_that_shows_it():
    at = opened("explorer.py", q="yongquan")
    assert at.selectbox(key="pick").options[0].startswith("KI1 ")
    at.selectbox(key="pick").select("KI1").run()
    assert at.query_params["view"] == "sole" and at.subheader[0].value.startswith("KI1")


def test_the_close_up_picker_changes_the_view_and_the_link():
    at = opened("explorer.py")
    assert at.selectbox(key="url_closeup").value is None
    at.selectbox(key="url_closeup").select("hand_back").run()
    assert at.query_params["view"] == "hand_back"
    assert at.button_group(key="url_view").value is None and at.selectbox(key="url_closeup").value == "hand_back"


def courses(chart: dict) -> dict[str, dict]:
    """The meridians' courses drawn on a chart, by name ("BL course"), each its line."""
    return {t["name"]: t["line"] for t in chart["data"] if t.get("mode") == "lines"}


def rgba(colour: str) -> tuple[tuple[int, int, int], float]:
    """A plotly colour "rgba(0,114,178,0.9)" as its red, green and blue, and its opacity."""
    *rgb, alpha = colour.removeprefix("rgba(").removesuffix(")").split(",")
    return tuple(int(c) for c in rgb), float(alpha)


def test_the_meridian_lines_toggle_is_part_of_the_link():
    at = opened("explorer.py")
    assert "BL course" in courses(body_chart_and_legend(at)[0])  # drawn until turned off
    at.button_group(key="url_courses").set_value("none").run()
    assert at.query_params["courses"] == "none"
    assert courses(body_chart_and_legend(at)[0]) == {}


def test_the_meridians_page_lists_the_14_meridians_and_brings_one_out(atlas):
    at = opened("app_pages/0_Meridians.py")
    rows = at.dataframe[0].value
    assert len(rows) == 14 and rows["Points"].sum() == 361
    at = opened("app_pages/0_Meridians.py", meridian="BL")
    assert at.subheader[0].value.startswith("BL · Bladder")
    assert "**67 points**" in texts(at) and "(./?point=BL67&meridian=BL)" in texts(at)
    assert re.search(r"\[Open in the explorer\]\(\./\?(view=\w+&)?meridian=BL\)", texts(at))  # this view (the default: none)
    # Only BL's course is drawn, in BL's colour, wider and stronger than the explorer draws it among the others.
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert list(courses(chart)) == ["BL course"]
    line, plain = courses(chart)["BL course"], courses(body_chart_and_legend(opened("explorer.py"))[0])["BL course"]
    assert rgba(line["color"])[0] == rgba(plain["color"])[0] == ImageColor.getrgb(atlas.meridians["BL"].colour)
    assert line["width"] > plain["width"] and rgba(line["color"])[1] > rgba(plain["color"])[1]
    # BL's points on this view in full, every other point faded
    points = {t["name"]: {c[0] for c in t["customdata"]} for t in chart["data"] if t["name"] in ("Points", "Faded points")}
    assert points["Points"] and points["Faded points"]
    assert points["Points"] == {c for c in points["Points"] | points["Faded points"] if atlas.points[c].meridian == "BL"}


def test_an_old_link_to_a_meridian_brings_it_out_as_a_new_one_does():
    old, new = opened("app_pages/0_Meridians.py", channel="BL"), opened("app_pages/0_Meridians.py", meridian="BL")
    assert not old.exception and not old.info
    assert old.subheader[0].value.startswith("BL · Bladder") and texts(old) == texts(new)
    assert old.get("plotly_chart")[0].proto.spec == new.get("plotly_chart")[0].proto.spec
    old.button_group(key="url_meridian").set_value("ST").run()
    assert dict(old.query_params) == {"meridian": "ST"}  # the next link it writes uses the new key only


def test_the_meridians_page_notices_a_bad_meridian():
    at = opened("app_pages/0_Meridians.py", meridian="ZZ")
    assert not at.exception and "Unknown meridian" in texts(at) and "ZZ" in texts(at)


def test_changing_a_filter_writes_it_to_the_link():
    at = opened("explorer.py")
    at.multiselect(key="url_mechanisms").select("relaxation").run()
    assert at.query_params["mechanism"] == "relaxation"
    assert "of them match the filters" in texts(at)


def test_search_narrows_the_point_box():
    at = opened("explorer.py", q="shenshu")
    assert at.selectbox(key="pick").options == ["BL23 · Shènshū (Shenshu) · 腎兪 · Kidney Shu"]


def test_research_page_filters_and_offers_exports():
    at = opened("app_pages/2_Research.py", certainty="low")
    assert not at.exception
    shown = next(s.value for s in at.subheader if " of " in s.value)
    assert shown.endswith("studies") and not shown.startswith("0 ")
    df = at.dataframe[0].value
    assert set(df["Certainty"]) == {"Low certainty"}
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["BibTeX", "RIS", "CSV"]


def test_research_page_says_what_each_sample_counts_and_filters_by_the_new_claims():
    at = opened("app_pages/2_Research.py", q="le bars")
    shown = " ".join(m.value.replace("\\", "") for m in at.markdown)  # shown unescaped
    assert "anaesthetised rats (68 nerve cells recorded)" in shown and "68 people" not in shown
    at = opened("app_pages/2_Research.py", claim="safety")
    assert set(at.dataframe[0].value["Study"]) == {"Carr DJ 2015", "Park J 2014"}
    at = opened("app_pages/2_Research.py", claim="traditional")  # a claim no study makes any more
    assert at.info and not at.exception


def test_research_page_notices_a_bad_filter():
    at = opened("app_pages/2_Research.py", design="astrology")
    assert "Unknown design" in at.info[0].value
    assert not at.exception


def test_mechanisms_page_lists_the_five_with_their_kind():
    at = opened("app_pages/1_Mechanisms.py")
    headers = [h.value.replace("\\", "") for h in at.header]  # shown unescaped
    assert len(headers) == 5
    assert "Release of blocked energy (traditional belief)" in headers


def test_broken_data_shows_an_error_page_naming_the_problem(data_copy, monkeypatch):
    path = data_copy / "points" / "back.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  meridian: BL\n", "  meridian: XX\n", 1), encoding="utf-8")
    monkeypatch.setenv("MERIDIAN_DATA", str(data_copy))
    at = opened("explorer.py")
    assert not at.exception
    assert "data files have problems" in at.error[0].value
    assert "points/back.yaml:" in at.code[0].value and "unknown meridian 'XX'" in at.code[0].value


def test_markup_in_the_data_shows_on_the_card_as_text(data_copy, monkeypatch):
    """The card's text is drawn as HTML: what the data says must reach it escaped, as text, never as markup."""
    path = data_copy / "points" / "back.yaml"
    hostile = "<script>window.x = 1</script><img src=x onerror=alert(1)> & co"
    text = path.read_text(encoding="utf-8")
    assert "    Lies over the kidney area:" in text
    path.write_text(text.replace("    Lies over the kidney area:", f"    {hostile} Lies over the kidney area:", 1),
                    encoding="utf-8")
    monkeypatch.setenv("MERIDIAN_DATA", str(data_copy))
    at = opened("explorer.py", point="BL23")
    assert not at.exception
    assert hostile + " Lies over the kidney area" in html_text(at)  # shown as written
    card = next(b.proto.body for b in at.get("html") if "Cautions" in b.proto.body)
    assert "&lt;script&gt;" in card and "<script" not in card and "<img" not in card


def test_research_page_plots_results_against_time():
    at = opened("app_pages/2_Research.py")
    assert len(at.get("plotly_chart")) == 2  # the evidence map, then the results against time
    at = opened("app_pages/2_Research.py", design="guideline")  # guidelines report no timed results
    assert len(at.get("plotly_chart")) == 1


def test_evidence_sizing_is_part_of_the_link():
    at = opened("explorer.py", size="postoperative_nausea")
    assert at.selectbox(key="url_size").value == "postoperative_nausea"
    assert not at.info
    at = opened("explorer.py", size="evidence")  # a link from before the conditions: back pain, as it was
    assert at.selectbox(key="url_size").value == "low_back_pain"
    assert not at.info


def test_about_says_how_precise_a_location_can_be():
    said = texts(opened("app_pages/3_About.py"))
    assert "How precise a location is" in said
    assert "centimetres apart" in said and "doi:10.1089/107555302320825156" in said
    for status in ("WHO 2008 as written", "with a note or an alternative", "our reading", "an extra point"):
        assert status in said, status


def test_the_menu_is_the_apps_own_on_every_first_visit():
    """With a folder named pages/ beside explorer.py, Streamlit runs its older multipage mode until a session
    has loaded the entry script: a first visit to /Research showed a menu of file names ("explorer", "chart")."""
    from ui.nav import PAGES

    root = Path(__file__).resolve().parents[2]
    assert not (root / "pages").exists()
    assert [title for _, title in PAGES] == ["Chart", "Meridians", "Mechanisms", "Research", "Routine", "Learn", "About"]
    assert all(Path(path).is_file() for path, _ in PAGES)
