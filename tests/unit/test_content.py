"""Health content is honest: the points the product promises, their safety flags, and labelled beliefs."""

from __future__ import annotations

from pathlib import Path

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


ROOT = Path(__file__).resolve().parents[2]
# The claim the December 2026 review found overgeneralised (E7): said of acupressure, the library's own
# sham-controlled acupressure trials say the opposite.
OVERCLAIMS = ("about as helpful as real ones", "found it no better than sham", "sound physiology",
              "nobody rated it", "reliably lowers anxiety")


def test_no_page_summary_or_entry_repeats_a_claim_the_evidence_does_not_bear():
    texts = [ROOT / "README.md", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py")),
             *sorted((ROOT / "data").glob("*.yaml"))]
    for path in texts:
        text = " ".join(path.read_text(encoding="utf-8").lower().split())
        for claim in OVERCLAIMS:
            assert claim not in text, f"{path.name}: {claim!r}"


def test_the_summaries_name_the_evidence_by_kind(atlas):
    """Large acupuncture trials close to sham; small acupressure trials found a difference; shams are hard."""
    research = (ROOT / "app_pages" / "2_Research.py").read_text(encoding="utf-8")
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for text in (" ".join(research.replace('"\n    "', "").split()), readme):
        assert all(name in text for name in ("GERAC", "Cherkin 2009", "Brinkhaus 2006", "Tan 2015")), text[:200]
        assert "small sham-controlled acupressure trials found real points better" in text
    verdict = atlas.mechanisms["blocked_energy"].verdict
    assert all(name in verdict for name in ("Haake 2007", "Cherkin 2009", "Brinkhaus 2006", "Ghanbari 2022"))
    assert "Moyer 2004" in atlas.mechanisms["relaxation"].verdict and "course" in atlas.mechanisms["relaxation"].verdict
    assert "proved wrong" in atlas.mechanisms["pain_gate"].verdict


def test_each_mechanism_list_holds_only_studies_that_bear_on_it(atlas):
    relaxation = atlas.mechanisms["relaxation"]
    assert "yip2004" not in relaxation.studies_for, "an unblinded add-on trial measured no mechanism"
    assert {"linde2010", "brinkhaus2006"} <= set(relaxation.studies_for)
    assert {"yuan2015", "ghanbari2022", "yeh2013"} <= set(relaxation.studies_against)


def test_a_sample_says_what_it_counts(atlas):
    assert atlas.studies["lebars1979"].sample == "68 nerve cells recorded"
    assert atlas.studies["hsieh2006"].sample == "129 people"
    assert atlas.studies["furlan2015"].sample == "3,096 people"
    assert atlas.studies["frost2006"].sample is None


def test_each_study_is_labelled_by_what_it_is(atlas):
    s = atlas.studies
    assert (s["carr2015"].design, s["carr2015"].claim) == ("narrative_review", "safety")
    assert s["frost2006"].claim == "comment"
    assert {s["han2004"].design, s["weerapong2005"].design} == {"narrative_review"}
    assert s["park2014"].claim == "safety" and s["tan2015"].claim == "method"


def test_the_studies_a_reviewer_expects_are_in_with_the_identifiers_seen(atlas):
    """Only identifiers seen on a stored copy of each source; one not seen is left out and the entry says so."""
    s = atlas.studies
    assert (s["yuan2015"].doi, s["yuan2015"].pmcid, s["yuan2015"].pmid) == (
        "10.1371/journal.pone.0117146", "PMC4339195", None)
    assert (s["tan2015"].doi, s["tan2015"].pmcid) == ("10.1371/journal.pone.0132989", "PMC4503717")
    assert (s["linde2010"].doi, s["linde2010"].pmid, s["linde2010"].pmcid) == (
        "10.1186/1741-7015-8-75", "21092261", "PMC3001416")
    assert (s["park2014"].doi, s["park2014"].pmid, s["park2014"].pmcid) == (
        "10.1136/acupmed-2013-010480", "24554789", "PMC4112450")
    assert s["haake2007"].pmid == "17893311"
    for sid in ("yuan2015", "tan2015", "brinkhaus2006", "furlan2009"):
        assert "not seen on a stored copy" in s[sid].certainty_note, sid
    assert s["brinkhaus2006"].pmid is None and s["furlan2009"].doi is None


def test_a_set_of_common_points_is_not_a_trial_protocol(atlas):
    murphy = atlas.studies["murphy2019"]
    assert murphy.points_are == "named_only" and murphy.used_points == () and murphy.routine_points == ()
    assert murphy not in atlas.studies_of("HT7")
    ghanbari = atlas.studies["ghanbari2022"]
    assert set(ghanbari.used_points) == {"EX-HN3", "GB20"} and ghanbari.routine_points == ()
