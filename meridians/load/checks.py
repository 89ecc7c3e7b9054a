"""Cross-checks between the files: every id names something known, no id twice, each meridian's points complete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from meridians.load.problems import Problem
from meridians.load.yaml_source import Source
from meridians.model import Meridian, Point, Study
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
    """Each condition's points are in the atlas, each note is of one of its words, and no word leads to two
    conditions (the search would not know where to go)."""
    problems, first = [], {}
    for i, raw in enumerate(src.data["conditions"]):
        problems += unknown(src, ("conditions", i, "traditional"), raw["traditional"], points, "point")
        problems += unknown(src, ("conditions", i, "notes"), raw.get("notes", {}), raw["words"], "word of this condition")
        for j, word in enumerate(raw["words"]):
            key = fold(word)
            if key in first:
                why = ("is given twice (spaces, case and accents aside)" if first[key] == raw["id"]
                       else f"also leads to condition '{first[key]}'")
                problems.append(src.problem(("conditions", i, "words", j), f"the word '{word}' {why}"))
            first.setdefault(key, raw["id"])
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
