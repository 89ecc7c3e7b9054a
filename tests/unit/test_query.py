"""Search and filters: people find points the way they type them."""

from __future__ import annotations

import pytest

from meridians.query import best_match, fold, matching, normalise_code, search, studies_matching, symptoms, trial_points


@pytest.mark.parametrize("typed", ["BL23", "bl23", "bl-23", "Bl 23", "UB23", "ub-23", " BL 23 "])
def test_codes_are_found_however_they_are_typed(atlas, typed):
    assert search(atlas, typed)[0] == "BL23"


@pytest.mark.parametrize("typed, code", [("ex-b2", "EX-B2"), ("EX B7", "EX-B7"), ("exhn3", "EX-HN3"), ("gv 4", "GV4")])
def test_extra_and_vessel_codes(atlas, typed, code):
    assert normalise_code(typed) == code
    assert search(atlas, typed)[0] == code


@pytest.mark.parametrize("typed, code", [
    ("Shènshū", "BL23"), ("shenshu", "BL23"), ("shen shu", "BL23"), ("腎兪", "BL23"), ("肾俞", "BL23"),
    ("Hegu", "LI4"), ("zusanli", "ST36"), ("Yintang", "EX-HN3"), ("three yin", "SP6"),
])
def test_names_are_found_with_or_without_tone_marks(atlas, typed, code):
    assert code in search(atlas, typed)


def test_fold_strips_tone_marks_and_spacing():
    assert fold("Shènshū") == fold("shen-shu") == "shenshu"


def test_nonsense_finds_nothing(atlas):
    assert search(atlas, "zzqx") == ()
    assert search(atlas, "   ") == ()


def test_no_filter_lets_every_point_through(atlas):
    assert matching(atlas) == frozenset(atlas.points)


def test_mechanism_filter_keeps_points_any_chosen_mechanism_covers(atlas):
    relax = matching(atlas, mechanisms=("relaxation",))
    assert "EX-HN3" in relax and "BL23" not in relax
    both = matching(atlas, mechanisms=("relaxation", "pain_gate"))
    assert relax < both and "BL23" in both


def test_filters_combine(atlas):
    got = matching(atlas, meridians=("BL",), region="leg_foot")
    assert got == {f"BL{n}" for n in range(37, 41)} | {f"BL{n}" for n in range(55, 68)}
    assert all(atlas.points[c].meridian == "BL" for c in matching(atlas, meridians=("BL",)))


def test_evidence_filter_keeps_points_used_in_low_back_pain_trials(atlas):
    used = trial_points(atlas, "low_back_pain")
    assert {"BL23", "BL40", "KI3", "GV3"} <= used  # Cherkin 2009's standard acupuncture points
    assert matching(atlas, evidence="low_back_pain") == used


def test_search_text_filters_the_chart(atlas):
    assert matching(atlas, q="shenshu") == {"BL23"}


def test_research_filters(atlas):
    assert all(s.certainty == "low" for s in studies_matching(atlas, certainties=("low",)))
    used = studies_matching(atlas, point="BL23")
    assert [s.id for s in used] == ["cherkin2009"]
    assert {s.id for s in studies_matching(atlas, q="hsieh")} >= {"hsieh2006", "hsieh2004"}


@pytest.mark.parametrize(("typed", "condition"), [
    ("back pain", "low_back_pain"), ("Lower back", "low_back_pain"), ("lumbago", "low_back_pain"),
    ("sciatica", "low_back_pain"), ("sciat", "low_back_pain"), ("pain in my lower back", "low_back_pain"),
    ("neck pain", "neck_pain"), ("headache", "headache"), ("tension headache", "headache"),
    ("feeling sick", "nausea"), ("period pain", "period_pain"), ("can't sleep", "insomnia"), ("stress", "stress"),
])
def test_symptoms_are_found_in_the_words_people_type(atlas, typed, condition):
    found = symptoms(atlas, typed)
    assert found and found[0].condition.id == condition


def test_a_symptoms_two_groups_are_never_mixed_and_tested_points_name_their_trials(atlas):
    [back] = symptoms(atlas, "back pain")
    tested = [code for code, _ in back.tested]
    assert tested and not set(tested) & set(back.traditional)
    for code, studies in back.tested:
        assert studies and all(code in s.points and (s.claim, s.condition) == ("trial", "low_back_pain") for s in studies)
    assert symptoms(atlas, "sciatica")[0].note and back.note is None


def test_codes_and_names_are_not_symptoms(atlas):
    for typed in ("BL23", "hegu", "Kidney Shu", "zz", ""):
        assert symptoms(atlas, typed) == ()


@pytest.mark.parametrize(("typed", "code"), [("hegu", "LI4"), ("ub 23", "BL23"), ("kunlun", "BL60"),
                                             ("Kidney Shu", "BL23"), ("BL2", "BL2"), ("back pain", None), ("zzz", None)])
def test_the_point_a_search_means_outright(atlas, typed, code):
    assert best_match(atlas, typed) == code


def test_a_search_that_finds_nothing_filters_nothing(atlas):
    assert matching(atlas, q="zzzz") == frozenset(atlas.points)
    assert matching(atlas, q="nausea") == frozenset(c for s in symptoms(atlas, "nausea") for c in s.codes)
