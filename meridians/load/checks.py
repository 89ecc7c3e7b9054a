"""Cross-checks between the files: every id names something known, no id twice, each meridian's points complete."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from meridians.load.problems import Problem
from meridians.load.yaml_source import Source
from meridians.model import CLAIM_LABELS, DESIGN_LABELS, SAMPLE_UNITS, Condition, Meridian, Point, Study
from meridians.text import fold

STANDARD_MERIDIANS = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV")


def unknown(src: Source, path: tuple, ids: Iterable[str], known, what: str) -> list[Problem]:
    """A problem for each id in a list that names nothing known."""
    return [src.problem(path + (j,), f"unknown {what} '{x}'") for j, x in enumerate(ids) if x not in known]


def first_of_each(sources: Iterable[Source], section: str, key: str, what: str):
    """Each entry of `section` in the files, in order, as (file, index, entry, problem): the problem, when
    the entry's `key` was given before in any of the files, names the file of the first (build only those
    without one)."""
    first: dict[str, str] = {}
    for src in sources:
        for i, raw in enumerate(src.data[section]):
            name = raw[key]
            if name in first:
                yield src, i, raw, src.problem((section, i, key), f"duplicate {what} '{name}' (first in {first[name]})")
            else:
                first[name] = src.name
                yield src, i, raw, None


def standard_meridians(src: Source, meridians: Mapping[str, Meridian]) -> list[Problem]:
    standard = sorted(c for c, m in meridians.items() if m.kind == "meridian")
    if standard == sorted(STANDARD_MERIDIANS):
        return []
    missing = sorted(set(STANDARD_MERIDIANS) - set(standard))
    extra = sorted(set(standard) - set(STANDARD_MERIDIANS))
    return [src.problem(("meridians",), "the 14 standard meridians are required "
                        f"(missing: {missing or 'none'}, unexpected: {extra or 'none'})")]


def meridian_points(src: Source, meridians: Mapping[str, Meridian], points: Mapping[str, Point]) -> list[Problem]:
    """Each meridian has exactly its points 1..count, and its course breaks only at its own points."""
    problems = []
    for i, raw in enumerate(src.data["meridians"]):
        meridian = meridians.get(raw["id"])
        if meridian is None:
            continue  # a duplicate, already reported
        own = {code for code, p in points.items() if p.meridian == meridian.id}
        if meridian.count:
            expected = {f"{meridian.id}{n}" for n in range(1, meridian.count + 1)}
            missing = sorted(expected - own, key=lambda c: int(c[2:]))
            extra = sorted(own - expected)
            if missing or extra:
                problems.append(src.problem(("meridians", i, "count"), (
                    f"meridian {meridian.id} has {meridian.count} points {meridian.id}1-{meridian.id}{meridian.count}"
                    f" (missing: {', '.join(missing) or 'none'}; unexpected: {', '.join(extra) or 'none'})")))
        problems += unknown(src, ("meridians", i, "breaks"), meridian.breaks, own, f"point of meridian {meridian.id}")
    return problems


def study_refs(src: Source, points: Mapping[str, Point], mechanisms) -> list[Problem]:
    return [problem
            for i, raw in enumerate(src.data["studies"])
            for key, known, what in (("points", points, "point"), ("mechanisms", mechanisms, "mechanism"))
            for problem in unknown(src, ("studies", i, key), raw.get(key, []), known, what)]


def mechanism_refs(src: Source, studies: Mapping[str, Study]) -> list[Problem]:
    return [problem
            for i, raw in enumerate(src.data["mechanisms"])
            for key in ("studies_for", "studies_against")
            for problem in unknown(src, ("mechanisms", i, key), raw[key], studies, "study")]


def condition_refs(src: Source, points: Mapping[str, Point]) -> list[Problem]:
    """Each condition's points are in the atlas, each note is of one of its words, and a word that leads to two
    conditions has a note in each (the search shows both, and the notes tell them apart)."""
    problems, first = [], {}
    for i, raw in enumerate(src.data["conditions"]):
        for key in ("traditional", "studied"):
            problems += unknown(src, ("conditions", i, key), raw.get(key, []), points, "point")
        problems += unknown(src, ("conditions", i, "notes"), raw.get("notes", {}), raw["words"], "word of this condition")
        for j, word in enumerate(raw["words"]):
            key = fold(word)
            earlier = first.setdefault(key, [])
            if raw["id"] in (c for c, _ in earlier):
                problems.append(src.problem(("conditions", i, "words", j),
                                            f"the word '{word}' is given twice (spaces, case and accents aside)"))
                continue
            for other, noted in earlier:
                if not (noted and word in raw.get("notes", {})):
                    problems.append(src.problem(("conditions", i, "words", j), (
                        f"the word '{word}' also leads to condition '{other}': a word two conditions share needs a "
                        "note in each (notes), saying which the search means")))
            earlier.append((raw["id"], word in raw.get("notes", {})))
    return problems


def study_conditions(src: Source, studies: Mapping[str, Study], conditions: Mapping[str, Condition]) -> list[Problem]:
    """Every trial names the condition it tested, and every condition named is one of conditions.yaml."""
    problems = []
    for i, raw in enumerate(src.data["studies"]):
        study = studies.get(raw["id"])
        if study is None:
            continue
        if study.condition is None and study.claim == "trial":
            problems.append(src.problem(("studies", i, "claim"), "a trial names the condition it tested (condition: "
                                        "an id of conditions.yaml)"))
        elif study.condition is not None and study.condition not in conditions:
            problems.append(src.problem(("studies", i, "condition"), f"unknown condition '{study.condition}' "
                                        "(not in conditions.yaml)"))
    return problems


def condition_evidence(src: Source, conditions: Mapping[str, Condition], studies: Mapping[str, Study]) -> list[Problem]:
    """A point claimed as studied for a condition is used by one of its trials, a condition with trials says
    what they show in one line, and that verdict comes from one of its own trials."""
    problems = []
    for i, raw in enumerate(src.data["conditions"]):
        condition = conditions.get(raw["id"])
        if condition is None:
            continue
        trials = [s for s in studies.values() if s.claim == "trial" and s.condition == condition.id]
        used = {code for s in trials for code in s.used_points}
        for j, code in enumerate(condition.studied):
            if code not in used:
                problems.append(src.problem(("conditions", i, "studied", j), (
                    f"{code} is claimed as studied for {condition.name.lower()}, but no study of it names {code} "
                    "among the points it used")))
        if trials and condition.verdict is None:
            problems.append(src.problem(("conditions", i), (
                f"{len(trials)} trial(s) tested {condition.name.lower()}: say what they show (verdict, verdict_from, "
                "finding)")))
        lead = studies.get(condition.verdict_from or "")
        if condition.verdict_from and (lead is None or lead not in trials):
            problems.append(src.problem(("conditions", i, "verdict_from"), (
                f"'{condition.verdict_from}' is not a trial of {condition.name.lower()} (claim: trial, condition: "
                f"{condition.id})")))
    return problems


def safety_refs(src: Source, sources: Mapping, points: Mapping[str, Point]) -> list[Problem]:
    """Every red flag cites known sources, and a pregnancy source's listed points are all flagged citing it
    (a flag that follows its source follows it for every point the source names)."""
    problems = [problem
                for i, group in enumerate(src.data["red_flags"])
                for j, flag in enumerate(group["flags"])
                for problem in unknown(src, ("red_flags", i, "flags", j, "sources"), flag["sources"], sources, "source")]
    for i, raw in enumerate(src.data["sources"]):
        for j, code in enumerate(raw.get("names", [])):
            point = points.get(code)
            if point is None:
                problems.append(src.problem(("sources", i, "names", j), f"unknown point '{code}'"))
            elif point.pregnancy is None or raw["id"] not in point.pregnancy.sources:
                problems.append(src.problem(("sources", i, "names", j), (
                    f"{raw['id']} lists {code} among the points to avoid in pregnancy, but {code} has no pregnancy "
                    f"flag citing {raw['id']}")))
    return problems


def shared_english_names(sources: Iterable[Source], points: Mapping[str, Point]) -> list[Problem]:
    """Two points with one English name are told apart only by their code: each says why (english_note)."""
    by_name: dict[str, list[str]] = {}
    for code, p in points.items():
        by_name.setdefault(fold(p.english), []).append(code)
    problems = []
    for src in sources:
        for i, raw in enumerate(src.data["points"]):
            others = [c for c in by_name.get(fold(raw["english"]), []) if c != raw["code"]]
            if others and "english_note" not in raw and raw["code"] in points:
                problems.append(src.problem(("points", i, "english"), (
                    f"the English name '{raw['english']}' is also {', '.join(others)}'s: give another or say why "
                    "in english_note")))
    return problems


# Which designs each claim and each sample unit can come from: an editorial has tested nothing, a review of
# trials counts people, and only a study of animals or cells counts animals or cells.
CLAIM_DESIGNS = {
    "trial": {"rct", "systematic_review"},
    "mechanism": {"mechanism_study", "systematic_review", "narrative_review"},
    "safety": {"rct", "systematic_review", "narrative_review"},
    "method": {"systematic_review", "narrative_review"},
    "comment": {"commentary"},
    "guideline": {"guideline"},
}
UNIT_DESIGNS = {"people": {"rct", "systematic_review", "narrative_review", "mechanism_study"},
                "animals": {"mechanism_study"}, "nerve_cells": {"mechanism_study"}}
ANIMAL_WORDS = re.compile(r"\b(rats?|mice|mouse|animals?|rabbits?|cats?|dogs?)\b", re.IGNORECASE)
NOT_ON_CHART = re.compile(r"\b([A-Z]{2}[1-9][0-9]?|EX-[A-Z]{1,2}[1-9][0-9]?)\b[^.;)]*?\bnot on this chart")


def study_kinds(src: Source, studies: Mapping[str, Study], points: Mapping[str, Point]) -> list[Problem]:
    """Each study's claim, sample and point set fit what kind of study it is (issue 16: each of these was once
    wrong in the data)."""
    problems = []
    for i, raw in enumerate(src.data["studies"]):
        study = studies.get(raw["id"])
        if study is None:
            continue  # a duplicate, already reported
        here = ("studies", i)
        design = DESIGN_LABELS[study.design].lower()
        if study.design not in CLAIM_DESIGNS[study.claim]:
            problems.append(src.problem(here + ("claim",), (
                f"a {design} cannot support the claim '{CLAIM_LABELS[study.claim]}' (it needs: "
                f"{', '.join(sorted(DESIGN_LABELS[d].lower() for d in CLAIM_DESIGNS[study.claim]))})")))
        problems += _sample(src, here, study, design)
        problems += _point_set(src, here, study, points, design)
        problems += [src.problem(here + ("effects", j, "from_weeks"),
                                 f"a span must start before it ends ({e.from_weeks} is not before {e.weeks} weeks)")
                     for j, e in enumerate(study.effects) if e.from_weeks is not None and e.from_weeks >= e.weeks]
    return problems


def _sample(src: Source, here: tuple, study: Study, design: str) -> list[Problem]:
    if study.n is None:
        return []
    if study.design not in UNIT_DESIGNS[study.sample_unit]:
        return [src.problem(here + ("n",), f"a {design} does not count {SAMPLE_UNITS[study.sample_unit]}")]
    if study.sample_unit == "people" and (animal := ANIMAL_WORDS.search(study.population)):
        return [src.problem(here + ("n",), f"the population is '{animal.group(0)}', so n does not count people "
                            "(give its sample_unit: animals or nerve_cells)")]
    return []


def _point_set(src: Source, here: tuple, study: Study, points: Mapping[str, Point], design: str) -> list[Problem]:
    problems = []
    if study.points and study.points_are is None:
        problems.append(src.problem(here + ("points",), "say what the points are (points_are: protocol, "
                                    "part_of_protocol or named_only): only a trial's own set is a routine"))
    if study.points_are in ("protocol", "part_of_protocol") and study.design not in ("rct", "mechanism_study"):
        problems.append(src.problem(here + ("points_are",), f"a {design} did not use points itself"))
    if study.points_are == "reviewed" and study.design != "systematic_review":
        problems.append(src.problem(here + ("points_are",), f"a {design} is not a review: its points are its own or named"))
    if study.routine_points and not study.routine_note:
        problems.append(src.problem(here + ("routine_note",), "a trial's point set is offered as a routine: say how "
                                    "the trial gave the points and what it found (routine_note)"))
    for code in NOT_ON_CHART.findall(study.points_note or ""):
        if code in points:
            problems.append(src.problem(here + ("points_note",), f"says {code} is not on this chart, but it is"))
    return problems
