"""The evidence beyond back pain as a person meets it (issue 19): the search, the card, the map and the filters."""

from __future__ import annotations

import json
import re

from apptest import html_markup, html_text, opened
from streamlit.testing.v1 import AppTest

from meridians import load_atlas
from meridians.research import NO_TRIALS, evidence_map

ATLAS = load_atlas()


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def sidebar_text(at: AppTest) -> str:
    return plain("\n".join(str(e.value) for kind in ("markdown", "caption") for e in getattr(at.sidebar, kind)))


def main_text(at: AppTest) -> str:
    """The main part's text as shown: its Markdown, captions and HTML blocks (the card's text is HTML)."""
    return plain("\n".join(str(e.value) for kind in ("markdown", "caption") for e in getattr(at.main, kind))) + "\n" + html_text(at.main)


def chart(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def studies_heading(at: AppTest) -> str:
    return next(s.value for s in at.subheader if " of " in s.value and "studies" in s.value)


def test_searching_nausea_shows_pc6_under_tested_in_trials_with_its_review():
    at = opened(q="nausea")
    assert not at.exception
    text = sidebar_text(at)
    assert "**Sickness after surgery**" in text and "**Tested in trials**" in text
    tested = [b.label.split(" ")[0] for b in at.sidebar.button if b.key.startswith("pick_tested_postoperative_nausea_")]
    assert tested == ["PC6"]
    assert "Lee A 2015 (low certainty)" in text  # the Cochrane review of PC6, with its certainty
    assert "These trials were of nausea and vomiting after an operation." in text  # the shared word's note
    assert "**Nausea**" in text and "tradition, not evidence" in text  # nausea in general: tradition, apart


def test_a_word_only_one_condition_has_finds_only_that_condition():
    text = sidebar_text(opened(q="morning sickness"))
    assert "**Morning sickness**" in text and "**Sickness after surgery**" not in text


def test_pc6s_card_lists_each_condition_studied_with_its_certainty_and_what_sham_trials_found():
    at = opened(point="PC6")
    assert not at.exception
    text = main_text(at)
    assert "What the research shows" in text
    for name in ("Sickness after surgery", "Sickness from chemotherapy", "Morning sickness"):
        assert f"<strong>{name}</strong>" in html_markup(at.main)
    assert "Low certainty, as Lee A 2015 rates it; 40 trials, 4,742 people." in text
    assert "Against a sham (sham wristband), Molassiotis A 2013 found no difference (cycle 1 nausea" in text
    assert "Against a sham (placebo bands off the point), O'Brien B 1996 found no difference" in text
    labels = [plain(e.label) for e in at.expander]
    assert "Sickness after surgery: the study that used PC6" in labels
    assert "Morning sickness: the 2 studies that used PC6" in labels


def test_a_verdict_about_acupressure_in_general_says_it_is_not_about_the_point():
    text = main_text(opened(point="BL23"))
    assert "This verdict is about acupressure for low back pain in general, not BL23 alone." in text
    assert "Against a sham (simulated acupuncture), Cherkin DC 2009 found no difference" in text


def test_a_point_no_trial_tested_says_so_plainly():
    at = opened(point="BL52")
    assert NO_TRIALS in main_text(at)
    assert not [e for e in at.expander if "stud" in e.label]


def test_the_evidence_map_draws_a_labelled_bubble_for_every_condition_with_trials():
    at = opened("app_pages/2_Research.py")
    assert not at.exception
    drawn = chart(at)
    bubbles = drawn["data"][0]
    mapped = evidence_map(ATLAS)
    assert [c[0] for c in bubbles["customdata"]] == [e.condition.id for e in mapped]
    assert "Sickness after surgery" in bubbles["y"] and "Pain in labour" in bubbles["y"]
    labels = [a["text"] for a in drawn["layout"]["annotations"]]
    assert "<b>Sickness after surgery</b>  40 trials, 4,742 people; low certainty" in labels
    table = at.table[0].value  # the text alternative
    assert list(table["Condition"]) == [e.condition.name for e in mapped]


def test_selecting_a_bubble_shows_that_conditions_studies():
    """What the map's callback does for a click on the bubble (its condition into the link), as the page then shows it."""
    at = opened("app_pages/2_Research.py")
    at.query_params["condition"] = "pregnancy_nausea"
    at.run()
    assert not at.exception
    assert studies_heading(at).endswith("for morning sickness")
    assert set(at.dataframe[0].value["Study"]) == {"Matthews A 2015", "O'Brien B 1996"}
    assert at.selectbox(key="url_condition").value == "pregnancy_nausea"


def test_the_research_page_filters_by_condition_and_shows_it_in_the_table():
    at = opened("app_pages/2_Research.py", condition="labour_pain")
    assert set(at.dataframe[0].value["Condition"]) == {"Pain in labour"}


def test_an_old_link_to_the_back_pain_trials_opens_them_as_before():
    at = opened("app_pages/2_Research.py", claim="lbp_trial")
    assert not at.exception and not at.info
    studies = at.dataframe[0].value
    assert set(studies["Condition"]) == {"Low back pain"} and "Cherkin DC 2009" in set(studies["Study"])
    at = opened("explorer.py", evidence="trial")
    assert at.selectbox(key="url_evidence").value == "low_back_pain" and not at.info


def test_the_explorers_evidence_filter_works_per_condition():
    at = opened(evidence="postoperative_nausea", view="anterior")
    assert not at.exception
    assert at.selectbox(key="url_evidence").value == "postoperative_nausea"
    assert "Studied for sickness after surgery" in at.selectbox(key="url_evidence").options
    faded = {c[0] for t in chart(at)["data"] if t["name"] == "Faded points" for c in t["customdata"]}
    drawn = {c[0] for t in chart(at)["data"] if t.get("customdata") and t["name"] not in ("Faded points", "Selected")
             for c in t["customdata"]}
    assert "PC6" not in faded and "ST36" in faded and "PC6" in drawn


def test_the_routine_page_offers_the_wristband_trial_with_what_it_found():
    text = main_text(opened("app_pages/4_Routine.py"))
    assert "Dose in the trial: wristbands on both wrists" in text
    assert "real bands did no better than sham bands" in text
