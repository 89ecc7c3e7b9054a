"""The checked YAML turned into the model's immutable objects, with the problems only the contents show."""

from __future__ import annotations

from collections.abc import Mapping

from meridians.load.checks import first_of_each, unknown
from meridians.load.placement import Placer
from meridians.load.problems import Problem
from meridians.load.yaml_source import Source
from meridians.model import (
    Condition,
    Effect,
    LocationStatus,
    Mechanism,
    Meridian,
    Point,
    Position,
    Pregnancy,
    RedFlag,
    RedFlagGroup,
    Region,
    Safety,
    SafetySource,
    Site,
    Study,
    frozen_map,
)


def meridians(src: Source) -> tuple[dict[str, Meridian], list[Problem]]:
    built, problems = {}, []
    for _, i, raw, repeat in first_of_each([src], "meridians", "id", "meridian"):
        if repeat:
            problems.append(repeat)
            continue
        built[raw["id"]] = Meridian(
            id=raw["id"], name=raw["name"], pinyin=raw["pinyin"], colour=raw["colour"], symbol=raw["symbol"],
            dash=raw["dash"], kind=raw.get("kind", "meridian"), count=raw.get("count"), course=raw.get("course", ""),
            breaks=tuple(raw.get("breaks", [])),
        )
        if built[raw["id"]].kind == "meridian" and "count" not in raw:
            problems.append(src.problem(("meridians", i), f"meridian {raw['id']} needs its point count"))
    return built, problems


def regions(src: Source) -> dict[str, Region]:
    return {r["id"]: Region(r["id"], r["name"], r.get("note")) for r in src.data["regions"]}


def mechanisms(src: Source) -> tuple[dict[str, Mechanism], list[Problem]]:
    entries = list(first_of_each([src], "mechanisms", "id", "mechanism"))
    return {raw["id"]: Mechanism(
        id=raw["id"], name=raw["name"], kind=raw["kind"], summary=raw["summary"], verdict=raw["verdict"],
        certainty=raw["certainty"], studies_for=tuple(raw["studies_for"]), studies_against=tuple(raw["studies_against"]),
    ) for _, _, raw, repeat in entries if not repeat}, [repeat for *_, repeat in entries if repeat]


def studies(src: Source) -> tuple[dict[str, Study], list[Problem]]:
    built, problems = {}, []
    for _, _, raw, repeat in first_of_each([src], "studies", "id", "study id"):
        if repeat:
            problems.append(repeat)
            continue
        fields = {k: v for k, v in raw.items() if k not in ("points", "mechanisms", "effects")}
        built[raw["id"]] = Study(
            **fields, points=tuple(raw.get("points", [])), mechanisms=tuple(raw.get("mechanisms", [])),
            effects=tuple(Effect(**e) for e in raw.get("effects", [])),
        )
    return built, problems


def conditions(src: Source) -> tuple[dict[str, Condition], list[Problem]]:
    entries = list(first_of_each([src], "conditions", "id", "condition"))
    return {raw["id"]: Condition(
        id=raw["id"], name=raw["name"], words=tuple(raw["words"]), traditional=tuple(raw["traditional"]),
        notes=frozen_map(raw.get("notes", {})), studied=tuple(raw.get("studied", [])), verdict=raw.get("verdict"),
        verdict_from=raw.get("verdict_from"), finding=raw.get("finding"),
    ) for _, _, raw, repeat in entries if not repeat}, [repeat for *_, repeat in entries if repeat]


def safety(src: Source) -> tuple[Safety, list[Problem]]:
    entries = list(first_of_each([src], "sources", "id", "safety source"))
    sources = {raw["id"]: SafetySource(
        id=raw["id"], title=raw["title"], seen=raw["seen"], url=raw.get("url"), doi=raw.get("doi"),
        pmid=raw.get("pmid"), pmcid=raw.get("pmcid"), names=tuple(raw.get("names", [])),
    ) for _, _, raw, repeat in entries if not repeat}
    groups = tuple(RedFlagGroup(g["id"], g["heading"], tuple(RedFlag(f["text"], tuple(f["sources"])) for f in g["flags"]))
                   for g in src.data["red_flags"])
    return Safety(frozen_map(sources), groups), [repeat for *_, repeat in entries if repeat]


def _site(raw: dict) -> Site:
    return Site(
        views=tuple(raw["views"]), at=raw["at"], toward=raw.get("toward"), cun=float(raw.get("cun", 0)),
        fraction=raw.get("fraction"), lateral=float(raw.get("lateral", 0)), anterior=float(raw.get("anterior", 0)),
        label=raw.get("label"),
    )


def _pregnancy(raw: dict | None, sources: Mapping[str, SafetySource]) -> Pregnancy | None:
    if raw is None:
        return None
    cited = [sources[s].citation for s in raw["sources"] if s in sources]
    return Pregnancy(raw["note"], "; ".join(cited), tuple(raw["sources"]))


def _point(raw: dict, sites: tuple[Site, ...], sources: Mapping[str, SafetySource]) -> Point:
    status = raw["location_status"]
    return Point(
        code=raw["code"], pinyin=raw["pinyin"], hanzi=raw["hanzi"], hanzi_simplified=raw.get("hanzi_simplified"),
        english=raw["english"], meridian=raw["meridian"], region=raw["region"], location=raw["location"],
        how_to_find=raw["how_to_find"], how_to_press=raw["how_to_press"], cautions=raw["cautions"],
        traditional_use=raw["traditional_use"], bilateral=raw["bilateral"],
        sides_together=raw.get("sides_together", False), mechanisms=tuple(raw["mechanisms"]),
        sites=sites, pregnancy=_pregnancy(raw.get("pregnancy"), sources),
        location_status=LocationStatus(status["kind"], status.get("note")), english_note=raw.get("english_note"),
    )


def _references(src: Source, here: tuple, raw: dict, known: Mapping[str, Mapping]) -> list[Problem]:
    """The point's meridian, region and mechanisms are known, and its code belongs to its meridian."""
    problems = [src.problem(here + (key,), f"unknown {key} '{raw[key]}'")
                for key in ("meridian", "region") if raw[key] not in known[key]]
    if raw.get("sides_together") and not raw["bilateral"]:
        problems.append(src.problem(here + ("sides_together",), "a point on the midline has no two sides to press at once"))
    expected = raw["meridian"] if raw["meridian"] != "EX" else "EX-"
    if raw["meridian"] in known["meridian"] and not raw["code"].startswith(expected):
        problems.append(src.problem(here + ("code",), f"code '{raw['code']}' does not belong to meridian '{raw['meridian']}'"))
    problems += unknown(src, here + ("mechanisms",), raw["mechanisms"], known["mechanism"], "mechanism")
    if "pregnancy" in raw:
        problems += unknown(src, here + ("pregnancy", "sources"), raw["pregnancy"]["sources"], known["safety source"],
                            "source (data/safety.yaml)")
    return problems


def points(sources: list[Source], placer: Placer, known: Mapping[str, Mapping],
           ) -> tuple[dict[str, Point], tuple[Position, ...], list[Problem]]:
    """Every point of the points files, and its positions on every view; `known` maps "meridian", "region",
    "mechanism" and "safety source" to what the other files define."""
    built: dict[str, Point] = {}
    positions: list[Position] = []
    problems: list[Problem] = []
    for src, i, raw, repeat in first_of_each(sources, "points", "code", "point code"):
        if repeat:
            problems.append(repeat)
            continue
        here = ("points", i)
        problems += _references(src, here, raw, known)
        sites = tuple(_site(s) for s in raw["sites"])
        for j, site in enumerate(sites):
            placed, found = placer.place(raw["code"], site, raw["bilateral"])
            positions += placed
            problems += [src.problem(here + ("sites", j) + below, reason) for below, reason in found]
        built[raw["code"]] = _point(raw, sites, known["safety source"])
    return built, tuple(positions), problems
