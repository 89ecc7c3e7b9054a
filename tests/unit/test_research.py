"""What the research shows per condition (issue 19): verdicts, the size they rest on, sham results, the map."""

from __future__ import annotations

import csv
import io

from meridians.card import card_data
from meridians.draw import evidence_map as emap
from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.export import citations as cite
from meridians.model import Effect
from meridians.research import at_point, evidence, evidence_map, is_sham
from meridians.routine import trial_routines


def test_every_condition_with_trials_is_on_the_map_with_the_certainty_of_its_lead_study(atlas):
    mapped = {e.condition.id: e for e in evidence_map(atlas)}
    assert {"low_back_pain", "postoperative_nausea", "labour_pain", "period_pain", "insomnia"} <= set(mapped)
    assert set(mapped) == {c for c in atlas.conditions if atlas.trials_of(c)}
    for e in mapped.values():
        assert e.lead in e.studies and e.certainty == e.lead.certainty and e.condition.verdict
    assert mapped["postoperative_nausea"].lead.cochrane_id == "CD003281"
    assert mapped["labour_pain"].rated_by == "Very low certainty, as Smith CA 2020 rates it"


def test_a_reviews_size_is_only_what_it_says(atlas):
    assert evidence(atlas, "postoperative_nausea").size == "40 trials, 4,742 people"
    assert evidence(atlas, "cancer_fatigue").size == "1 trial, 288 people"  # a trial is one trial
    assert evidence(atlas, "pregnancy_nausea").size == "size not given"  # a review of every treatment: not counted
    assert evidence(atlas, "neck_pain") is None


def test_sham_comparisons_are_recognised_by_how_studies_name_them():
    for against in ("sham wristband", "simulated acupuncture", "placebo bands off the point", "Sham acupressure"):
        assert is_sham(Effect(weeks=1, result="benefit", against=against, note=""))
    assert not is_sham(Effect(weeks=1, result="benefit", against="usual care", note=""))


def test_pc6_carries_the_nausea_conditions_and_the_sham_trials_that_found_no_difference(atlas):
    found = {f.evidence.condition.id: f for f in at_point(atlas, "PC6")}
    assert list(found) == ["postoperative_nausea", "chemotherapy_nausea", "pregnancy_nausea"]
    assert [s.id for s in found["postoperative_nausea"].studies] == ["lee2015"]
    assert [s.id for s, _ in found["chemotherapy_nausea"].sham_no_difference] == ["molassiotis2013"]
    assert found["postoperative_nausea"].sham_no_difference == ()  # the review found PC6 better than sham
    assert "ezzo2005" not in {s.id for f in found.values() for s in f.studies}  # its points come from a synopsis


def test_the_cards_research_is_plain_data_and_a_point_without_trials_says_so(atlas):
    pc6 = card_data(atlas, "PC6")
    [surgery] = [r for r in pc6["research"] if r["condition"]["id"] == "postoperative_nausea"]
    assert surgery["certainty"] == "Low certainty" and surgery["in_general"] is None and pc6["no_trials"] is None
    bl52 = card_data(atlas, "BL52")
    assert bl52["research"] == [] and bl52["no_trials"].startswith("No trial we could verify tested this point")


def test_the_map_is_coloured_by_certainty_labelled_in_words_and_clickable(atlas):
    mapped = evidence_map(atlas)
    fig = emap.evidence_map(mapped)
    bubbles = fig.data[0]
    assert [c[0] for c in bubbles.customdata] == [e.condition.id for e in mapped]
    assert list(bubbles.marker.color) == [CERTAINTY_COLOURS[e.certainty].hex for e in mapped]
    labels = [a.text for a in fig.layout.annotations]  # a line over each bubble: readable without the colours
    assert len(labels) == len(mapped) and all("certainty" in label for label in labels)
    assert "<b>Sickness after surgery</b>  40 trials, 4,742 people; low certainty" in labels
    sizes = dict(zip(bubbles.y, bubbles.marker.size, strict=True))
    assert sizes["Sickness after surgery"] > sizes["Tiredness after cancer treatment"] >= emap.SMALLEST
    legend = [t.name for t in fig.data[1:]]
    assert legend == ["High certainty", "Moderate certainty", "Low certainty", "Very low certainty",
                      "Certainty not graded"]
    rows = emap.table(mapped)
    assert rows[0].keys() == {"Condition", "What it found", "Certainty", "Evidence", "Verdict"}


def test_a_click_on_a_bubble_picks_its_condition_and_a_click_on_nothing_picks_none():
    event = {"selection": {"points": [{"customdata": ["labour_pain"], "x": "Better", "y": "Pain in labour"}]}}
    assert emap.picked(event) == "labour_pain"
    assert emap.picked({"selection": {"points": []}}) is None and emap.picked(None) is None
    assert emap.picked({"selection": {"points": [{"x": None}]}}) is None  # a legend entry carries no condition


def test_the_exports_carry_each_studys_condition(atlas):
    studies = [atlas.studies["lee2015"], atlas.studies["melzack1965"]]
    rows = list(csv.DictReader(io.StringIO(cite.table(studies, atlas.conditions))))
    assert [r["condition"] for r in rows] == ["Sickness after surgery", ""]
    assert "keywords = {Sickness after surgery}" in cite.bibtex(studies, atlas.conditions)
    assert "KW  - Sickness after surgery" in cite.ris(studies, atlas.conditions)


def test_only_trials_with_a_verified_point_set_and_dose_are_routines(atlas):
    routines = {s.id: s for s in trial_routines(atlas)}
    assert set(routines) == {"cherkin2009", "molassiotis2013"}
    assert routines["molassiotis2013"].routine_points == ("PC6",)
    assert "no better than sham" in routines["molassiotis2013"].routine_note
    assert not atlas.studies["obrien1996"].routine_points  # its daily dose was not seen


def test_marker_sizes_and_the_evidence_filter_follow_the_chosen_condition(atlas):
    from meridians.query import evidence_filters, matching, sizings, trial_counts

    assert trial_counts(atlas, "postoperative_nausea") == {"PC6": 1}
    assert trial_counts(atlas, "labour_pain") == {"LI4": 1, "SP6": 1, "BL67": 1}
    assert matching(atlas, evidence="anxiety") == {"EX-HN3", "HT7"}
    assert evidence_filters(atlas)["postoperative_nausea"] == "Studied for sickness after surgery"
    assert list(sizings(atlas)) == list(evidence_filters(atlas)) and "neck_pain" not in sizings(atlas)
