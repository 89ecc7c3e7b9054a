"""Health content is honest: the points the product promises, their safety flags, and labelled beliefs."""

from __future__ import annotations

FOUNDATION_POINTS = {
    "BL20", "BL21", "BL22", "BL23", "BL24", "BL25", "BL26", "BL27", "BL28", "BL40", "BL52", "BL54", "BL57", "BL60",
    "GV3", "GV4", "GB30", "GB34", "KI3", "SP6", "ST36", "LI4", "SI3", "LR3", "HT7", "PC6", "GV20", "CV4", "CV6",
    "EX-UE7", "EX-B7", "EX-B2", "EX-B8", "EX-HN3",
}


def test_the_foundation_points_are_all_there(atlas):
    assert FOUNDATION_POINTS <= set(atlas.points)


def test_the_fourteen_meridians(atlas):
    assert [c for c, ch in atlas.meridians.items() if ch.kind == "meridian"] == [
        "LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV"]


def test_points_traditionally_avoided_in_pregnancy_are_flagged_with_a_source(atlas):
    for code in ("LI4", "SP6", "BL60"):
        assert atlas.points[code].pregnancy is not None, code
    for p in atlas.points.values():
        if p.pregnancy:
            assert p.pregnancy.source.strip() and "traditional" in p.pregnancy.note.lower()


def test_pinyin_carries_tone_marks(atlas):
    toned = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
    for p in atlas.points.values():
        assert set(p.pinyin.lower()) & toned, p.code


def test_the_five_mechanisms_are_labelled_by_kind(atlas):
    kinds = {m: atlas.mechanisms[m].kind for m in atlas.mechanisms}
    assert kinds == {
        "pain_gate": "physiological_hypothesis", "endorphins": "physiological_hypothesis",
        "muscle_tone": "physiological_hypothesis", "relaxation": "nonspecific_effect",
        "blocked_energy": "traditional_belief",
    }
    assert "belief" in atlas.mechanisms["blocked_energy"].name.lower()


def test_the_traditional_belief_is_weighed_against_sham_trials(atlas):
    against = atlas.mechanisms["blocked_energy"].studies_against
    assert {"haake2007", "cherkin2009"} <= set(against)


def test_the_seed_references_are_in_and_corrected(atlas):
    seed = {s.seed_reference: s for s in atlas.studies.values() if s.seed_reference}
    assert seed[2].id == "hsieh2006" and seed[2].pages == "696-700"  # the article printed 696-698
    assert seed[2].pmid == "16488895" and seed[2].doi == "10.1136/bmj.38744.672616.AE"
    assert seed[4].year == 2015 and seed[4].cochrane_id == "CD001929"
    assert "Brosseau" in seed[1].authors  # garbled as "B. L. I. M. I. E." in the article


def test_the_2015_review_says_short_term_only_on_low_quality_evidence(atlas):
    s = atlas.studies["furlan2015"]
    assert s.certainty in ("low", "very_low")
    assert "short" in s.follow_up.lower()


def test_every_study_says_how_long_and_how_sure(atlas):
    for s in atlas.studies.values():
        assert s.follow_up.strip() and s.certainty_note.strip(), s.id


def test_every_point_is_linked_to_a_mechanism_and_the_traditional_one_is_not_alone(atlas):
    for p in atlas.points.values():
        assert set(p.mechanisms) - {"blocked_energy"}, f"{p.code} has only the traditional explanation"
