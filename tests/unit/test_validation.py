"""Broken data gets a message naming the file, the place in it and the reason; nothing half-loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from meridians import DataError, check, load_atlas
from meridians.__main__ import main

ROOT = Path(__file__).resolve().parents[2]

# Each case breaks one thing in a copy of the real data: (file, text to replace, replacement,
# what the message must say: file, line or place, reason).
CASES = {
    "yaml syntax error": ("points/back.yaml", "- code: BL23\n", "- code: BL23\n   bad: [indent\n",
                          ["points/back.yaml:", "YAML syntax error"]),
    "missing required field": ("points/back.yaml", "  english: Kidney Shu\n", "",
                               ["points/back.yaml:", "points[", "'english' is a required property"]),
    "unknown meridian": ("points/back.yaml", "  meridian: BL\n", "  meridian: XX\n",
                         ["points/back.yaml:", ".meridian", "unknown meridian 'XX'"]),
    "duplicate code": ("points/back.yaml", "- code: BL24\n", "- code: BL23\n",
                       ["points/back.yaml:", ".code", "duplicate point code 'BL23' (first in points/back.yaml)"]),
    "dangling mechanism": ("points/back.yaml", "  mechanisms: [", "  mechanisms: [qi_flow, ",
                           ["points/back.yaml:", ".mechanisms[0]", "unknown mechanism 'qi_flow'"]),
    "dangling study id": ("mechanisms.yaml", "studies_for: [melzack1965, lebars1979]", "studies_for: [melzack1965, nobody2001]",
                          ["mechanisms.yaml:", "mechanisms[0].studies_for[1]", "unknown study 'nobody2001'"]),
    "malformed doi": ("studies.yaml", 'doi: "10.1136/bmj.38744.672616.AE"', 'doi: "doi.org/10.1136"',
                      ["studies.yaml:", ".doi", "is not a DOI"]),
    "malformed pmid": ("studies.yaml", 'pmid: "16488895"', 'pmid: "PMID16488895"',
                       ["studies.yaml:", ".pmid", "is not a PubMed id"]),
    "unknown landmark": ("points/back.yaml", "    at: below_L2\n", "    at: below_L9\n",
                         ["points/back.yaml:", ".sites[0]", "unknown landmark 'below_L9'"]),
    "point outside the outline": ("points/back.yaml", "    at: below_L2\n    lateral: 1.5\n", "    at: below_L2\n    lateral: 15\n",
                                  ["points/back.yaml:", ".sites[0]", "falls outside the body outline of view 'posterior'"]),
    "wrong meridian list": ("meridians.yaml", "  - id: TE\n", "  - id: SJ\n",
                           ["meridians.yaml:", "meridians", "the 14 standard meridians are required", "missing: ['TE']"]),
    "point on the wrong meridian": ("points/back.yaml", "- code: BL24\n", "- code: KI24\n",
                                   ["points/back.yaml:", ".code", "does not belong to meridian 'BL'"]),
    "wrong meridian count": ("meridians.yaml", "    count: 67\n", "    count: 66\n",
                            ["meridians.yaml:", "meridians[6].count", "meridian BL has 66 points", "unexpected: BL67"]),
    "a point missing from a meridian": ("points/back.yaml", "- code: BL24\n", "- code: EX-B99\n",
                                       ["points/back.yaml:", "does not belong to meridian 'BL'"]),
    "study uses an unknown point": ("studies.yaml", "points: [BL23, BL40, KI3, GV3]", "points: [BL23, BL99]",
                                    ["studies.yaml:", ".points[1]", "unknown point 'BL99'"]),
    # Each class of study error the December 2026 content review found, as the data check sees it.
    "a sample of nerve cells counted as people": (
        "studies.yaml", "    n: 68\n    sample_unit: nerve_cells\n", "    n: 68\n",
        ["studies.yaml:", "studies[", ".n", "the population is 'rats', so n does not count people"]),
    "a review counting nerve cells": (
        "studies.yaml", "    n: 3096\n", "    n: 3096\n    sample_unit: nerve_cells\n",
        ["studies.yaml:", ".n", "a systematic review does not count nerve cells recorded"]),
    "an editorial said to be tested in trials": (
        "studies.yaml", "    claim: comment\n", "    claim: trial\n",
        ["studies.yaml:", ".claim", "a commentary cannot support the claim 'Tested in trials'"]),
    "a safety review given as a guideline": (
        "studies.yaml", "    design: narrative_review\n    population: \"pregnant", "    design: guideline\n    population: \"pregnant",
        ["studies.yaml:", ".claim", "a guideline cannot support the claim 'Safety of treatment'"]),
    "common points given as a protocol": (
        "studies.yaml", "    points_are: named_only\n", "    points_are: protocol\n    dose: \"daily\"\n",
        ["studies.yaml:", ".routine_note", "a trial's point set is offered as a routine"]),
    "points given without saying what they are": (
        "studies.yaml", "    points_are: named_only\n", "",
        ["studies.yaml:", ".points", "say what the points are"]),
    "a review said to have used points itself": (
        "studies.yaml", "    points: []\n    points_note: \"Review of massage in general, not of named points.\"\n    seed_reference: 4",
        "    points: [BL23]\n    points_are: protocol\n    points_note: \"Review of massage in general, not of named points.\"\n    seed_reference: 4",
        ["studies.yaml:", ".points_are", "a systematic review did not use points itself"]),
    "a point said to be off the chart that is on it": (
        "studies.yaml", "Fengchi (GB20)", "Fengchi (GB20, not on this chart)",
        ["studies.yaml:", ".points_note", "says GB20 is not on this chart, but it is"]),
    "a trial's point not in the atlas": (
        "studies.yaml", "    points: [EX-HN3, GB20]\n", "    points: [EX-HN3, GB99]\n",
        ["studies.yaml:", ".points[1]", "unknown point 'GB99'"]),
    "a span that ends before it starts": (
        "studies.yaml", "{from_weeks: 1, weeks: 26,", "{from_weeks: 30, weeks: 26,",
        ["studies.yaml:", ".effects[0].from_weeks", "a span must start before it ends"]),
    "marker symbol with no shape": ("meridians.yaml", "    symbol: star\n", "    symbol: starburst\n",
                                    ["meridians.yaml:", "meridians[8].symbol", "'starburst' is not one of"]),
    "landmark defined twice": ("body/base.yaml", "      olecranon: {at: [147, 455]",
                               "      psis: {at: [1, 1], part: back, text: again}\n      olecranon: {at: [147, 455]",
                               ["body/base.yaml:", "views.posterior.landmarks", "duplicate key 'psis' (first on line"]),
    "both sides at once on the midline": ("points/back.yaml", "- code: GV4\n", "- code: GV4\n  sides_together: true\n",
                                          ["points/back.yaml:", ".sides_together", "no two sides to press at once"]),
    "symptom naming an unknown point": ("conditions.yaml", "traditional: [PC6, ST36,", "traditional: [PC66, ST36,",
                                        ["conditions.yaml:", "conditions[6].traditional[0]", "unknown point 'PC66'"]),
    "symptom word leading to two conditions": ("conditions.yaml", "words: [insomnia, sleep,", "words: [insomnia, nausea,",
                                               ["conditions.yaml:", "conditions[9].words[1]",
                                                "the word 'nausea' also leads to condition 'nausea'"]),
    # The evidence beyond back pain (issue 19): conditions, their trials and their verdicts.
    "a condition whose studied point is not in the atlas": (
        "conditions.yaml", "    studied: [SP6, LR3, LI4, ST36]\n", "    studied: [SP6, LR33]\n",
        ["conditions.yaml:", "conditions[8].studied[1]", "unknown point 'LR33'"]),
    "a point claimed as studied with no study naming it": (
        "conditions.yaml", "    studied: [EX-HN3, HT7]\n", "    studied: [EX-HN3, HT7, PC6]\n",
        ["conditions.yaml:", "conditions[11].studied[2]",
         "PC6 is claimed as studied for anxiety before a procedure, but no study of it names PC6"]),
    "a word two conditions share without a note": (
        "conditions.yaml", "    notes:\n      nausea: These trials were of nausea from chemotherapy, with the usual anti-sickness drugs.\n", "",
        ["conditions.yaml:", "conditions[4].words[0]", "the word 'nausea' also leads to condition 'postoperative_nausea'",
         "needs a note in each"]),
    "a condition with trials and no verdict": (
        "conditions.yaml", "      point sets worked alike and there was no sham, so it does not show that particular points "
        "matter.\n    verdict_from: zick2016\n    finding: benefit\n", "      point sets worked alike.\n    finding: benefit\n",
        ["conditions.yaml:", "conditions[10]", "'verdict_from' is a dependency of 'verdict'"]),
    "a verdict from another condition's study": (
        "conditions.yaml", "    verdict_from: zick2016\n", "    verdict_from: lee2015\n",
        ["conditions.yaml:", "conditions[10].verdict_from", "'lee2015' is not a trial of tiredness after cancer treatment"]),
    "a trial with no condition": (
        "studies.yaml", "    claim: trial\n    condition: cancer_fatigue\n", "    claim: trial\n",
        ["studies.yaml:", ".claim", "a trial names the condition it tested"]),
    "a trial of an unknown condition": (
        "studies.yaml", "    condition: cancer_fatigue\n", "    condition: cancer_tiredness\n",
        ["studies.yaml:", ".condition", "unknown condition 'cancer_tiredness'"]),
    "a trial with no certainty": (
        "studies.yaml", "    certainty: not_graded\n    certainty_note: \"Single phase III trial", "    certainty_note: \"Single phase III trial",
        ["studies.yaml:", "studies[", "'certainty' is a required property"]),
    "a trial with no follow-up": (
        "studies.yaml", "    follow_up: \"10 weeks: 6 weeks of practice", "    follow_x: \"10 weeks: 6 weeks of practice",
        ["studies.yaml:", "'follow_up' is a required property"]),
    "a trial's points said to be a review's": (
        "studies.yaml", "    points: [PC6]\n    points_are: protocol\n", "    points: [PC6]\n    points_are: reviewed\n",
        ["studies.yaml:", ".points_are", "a randomised trial is not a review"]),
    "note for a word the condition lacks": ("conditions.yaml", "      sciatica: >-", "      sciatic: >-",
                                            ["conditions.yaml:", "conditions[0].notes", "unknown word of this condition 'sciatic'"]),
    "pregnancy flag without a source": ("points/arm.yaml", "    sources: [fertility_guide, carr2015]\n", "",
                                        ["points/arm.yaml:", "points[0].pregnancy", "'sources' is a required property"]),
    "pregnancy flag citing an unknown source": ("points/arm.yaml", "    sources: [fertility_guide, carr2015]\n",
                                                "    sources: [fertility_guide, hearsay]\n",
                                                ["points/arm.yaml:", "points[0].pregnancy.sources[1]",
                                                 "unknown source (data/safety.yaml) 'hearsay'"]),
    "point a pregnancy source names, left unflagged": ("safety.yaml", "names: [SP6, BL27,", "names: [SP6, BL23, BL27,",
                                                       ["safety.yaml:", "sources[5].names[1]",
                                                        "carr2015_summary lists BL23 among the points to avoid in "
                                                        "pregnancy, but BL23 has no pregnancy flag citing carr2015_summary"]),
    "red flag without a source": ("safety.yaml", "        sources: [sheffield_msk]\n", "",
                                  ["safety.yaml:", "red_flags[0].flags[3]", "'sources' is a required property"]),
    "red flag with an empty source list": ("safety.yaml", "        sources: [sheffield_msk]\n", "        sources: []\n",
                                           ["safety.yaml:", "red_flags[0].flags[3].sources", "should be non-empty"]),
    "red flag citing an unknown source": ("safety.yaml", "        sources: [sheffield_msk]\n", "        sources: [a_friend]\n",
                                          ["safety.yaml:", "red_flags[0].flags[3].sources[0]", "unknown source 'a_friend'"]),
    "safety source with no identifier": ("safety.yaml", '    url: "https://g-care.glos.nhs.uk/pathway/73/resource/3"\n', "",
                                         ["safety.yaml:", "sources[3]", "is not valid under any of the given schemas"]),
    "point without a location status": ("points/back.yaml", "  location_status: {kind: who}\n", "",
                                        ["points/back.yaml:", "points[0]", "'location_status' is a required property"]),
    "our reading without its reason": ("points/back.yaml", "  location_status: {kind: who}\n",
                                       "  location_status: {kind: our_reading}\n",
                                       ["points/back.yaml:", "points[0].location_status", "'note' is a required property"]),
    "English name shared without a note": ("points/arm.yaml", "  english: Spirit Gate\n", "  english: Spirit Tower Gate\n",
                                           ["points/arm.yaml:", "the English name 'Spirit Tower Gate' is also CV8's",
                                            "points/trunk.yaml:", "is also HT7's"]),
}


def break_data(data_dir: Path, file: str, old: str, new: str) -> None:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the case no longer matches {file}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_data_is_sound():
    atlas, problems = check()
    assert problems == [] and atlas is not None


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_data_is_named_precisely(case, data_copy):
    file, old, new, expected = CASES[case]
    break_data(data_copy, file, old, new)
    with pytest.raises(DataError) as raised:
        load_atlas(data_copy)
    message = str(raised.value)
    for part in expected:
        assert part in message, f"{part!r} not in:\n{message}"
    first = raised.value.problems[0]
    assert first.file == file and first.line is not None, "every problem names its file and line"


def test_a_landmark_given_again_in_another_body_file_is_named_with_both_places(data_copy):
    (data_copy / "body" / "zz_extra.yaml").write_text(
        "views:\n  posterior:\n    landmarks:\n      psis: {at: [280, 540], part: back, text: again}\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_atlas(data_copy)
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("body/zz_extra.yaml", 4)
    assert "'psis' is already defined in body/base.yaml, line" in problem.reason


def test_a_missing_file_is_named(data_copy):
    (data_copy / "studies.yaml").unlink()
    with pytest.raises(DataError, match="studies.yaml: .*file not found"):
        load_atlas(data_copy)


def test_validate_command_exits_zero_on_sound_data(capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


@pytest.mark.parametrize("first, second", [("missing required field", "malformed pmid"),
                                           ("dangling mechanism", "dangling study id")])
def test_validate_command_prints_one_line_per_problem(first, second, data_copy, capsys):
    """Shape problems are all reported first; once every file has the right shape, all cross-checks."""
    for case in (first, second):
        break_data(data_copy, *CASES[case][:3])
    assert main(["validate", str(data_copy)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert sorted(line.split(":")[0] for line in lines) == sorted(CASES[c][0] for c in (first, second))


def test_validate_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "meridians", "validate"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_yaml_alias_is_refused_naming_its_file_line_and_why(data_copy):
    """An alias makes two points share one list: editing the one would silently edit the other."""
    path = data_copy / "points" / "back.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = [i for i, line in enumerate(lines) if line.startswith("  mechanisms: [")][:2]
    lines[at[0]] = lines[at[0]].replace("mechanisms: [", "mechanisms: &shared [")
    lines[at[1]] = "  mechanisms: *shared\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_atlas(data_copy)
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("points/back.yaml", at[1] + 1)
    assert problem.place.endswith("].mechanisms") and "YAML alias '*shared'" in problem.reason



def test_a_condition_with_trials_must_say_what_they_show(data_copy):
    """Without a verdict a card could list a condition's trials with nothing to say what they found."""
    path = data_copy / "conditions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    verdict: >-\n      In one trial of 288")
    end = text.index("    finding: benefit\n", start) + len("    finding: benefit\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_atlas(data_copy)
    [problem] = raised.value.problems
    assert (problem.file, problem.place) == ("conditions.yaml", "conditions[10]") and problem.line
    assert "1 trial(s) tested tiredness after cancer treatment: say what they show" in problem.reason
