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


def test_pregnancy_flags_follow_their_sources_for_every_point_they_name(atlas):
    # BL29 beside BL27/BL28 in the summary of Carr 2015; the hypogastric list's ends and the navel
    for code in ("BL29", "KI16", "ST25", "CV1", "CV8"):
        assert atlas.points[code].pregnancy is not None, code
    for source in atlas.safety.sources.values():
        for code in source.names:
            assert source.id in atlas.points[code].pregnancy.sources, (source.id, code)


def test_a_pregnancy_source_shows_identifiers_only_from_the_source_entry(atlas):
    carr = atlas.safety.sources["carr2015"]
    assert (carr.doi, carr.pmid, carr.pmcid) == ("10.1136/acupmed-2015-010936", "26362792", "PMC4680134")
    assert "doi:10.1136/acupmed-2015-010936" in atlas.points["BL29"].pregnancy.source
    assert "every" not in atlas.points["LI4"].pregnancy.note.lower()  # no "in every list we found"


def test_the_red_flags_cover_what_nhs_and_nice_list_each_with_a_source(atlas):
    flags = [f for group in atlas.safety.red_flags for f in group.flags]
    said = " ".join(f.text for f in flags).lower()
    for sign in ("cough, sneeze or strain", "between the shoulder blades", "immune system", "inject drugs",
                 "bacterial infection", "osteoporosis", "steroid", "under 20 or over 50", "generally unwell",
                 "about a month", "saddle", "bladder or bowels", "both legs", "high temperature"):
        assert sign in said, sign
    assert "over 60" not in said
    assert all(f.sources for f in flags)
    emergency = atlas.safety.red_flags[0].heading
    assert "local emergency number" in emergency and all(n in emergency for n in ("999", "112", "911"))


def test_every_point_has_a_location_status_and_extra_points_say_so(atlas):
    for p in atlas.points.values():
        assert (p.location_status.kind == "extra") == p.code.startswith("EX-"), p.code
        if p.location_status.kind in ("who_note", "our_reading"):
            assert p.location_status.note, p.code


def test_no_two_points_share_an_english_name_unexplained(atlas):
    names: dict[str, list[str]] = {}
    for p in atlas.points.values():
        names.setdefault(p.english.casefold(), []).append(p.code)
    shared = {n: c for n, c in names.items() if len(c) > 1}
    assert all(atlas.points[c].english_note for codes in shared.values() for c in codes), shared
    assert atlas.points["CV8"].english != atlas.points["HT7"].english


def test_cards_leave_the_general_skin_caution_to_the_shared_line(atlas):
    generic = ("Avoid broken, bruised or inflamed skin.", "Avoid broken or inflamed skin.",
               "Avoid on bruised, broken or inflamed skin", "Avoid on bruised or broken skin.")
    assert not [p.code for p in atlas.points.values() if any(g in p.cautions for g in generic)]
    # what is left is the point's own: its artery, nerve, bone or region
    assert all(p.cautions.strip() for p in atlas.points.values())


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
