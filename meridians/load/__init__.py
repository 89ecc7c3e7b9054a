"""Read the YAML data, check it, and build the immutable atlas (or say exactly what is wrong).

yaml_source reads each file against its schema, body_merge builds the views, build makes the objects
(placement puts the points on the views), checks cross-checks the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from meridians.load import build, checks
from meridians.load.body_merge import MergedBody, build_views
from meridians.load.checks import STANDARD_MERIDIANS
from meridians.load.placement import Placer
from meridians.load.problems import DataError, Problem
from meridians.load.schemas import FILES
from meridians.load.yaml_source import read_all
from meridians.model import Atlas, Meridian, Point, Position, View, frozen_map

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

__all__ = ["DATA_DIR", "STANDARD_MERIDIANS", "PartialAtlas", "build_partial", "check", "load_atlas"]


class PartialAtlas(NamedTuple):
    """As much of the atlas as could be built, with every problem found on the way (`atlas` only if none)."""

    views: dict[str, View]
    meridians: dict[str, Meridian]
    points: dict[str, Point]
    positions: tuple[Position, ...]
    atlas: Atlas | None
    problems: list[Problem]


def build_partial(data_dir: Path = DATA_DIR, lenient: bool = False) -> PartialAtlas:
    """Build what can be built. Strict: shape problems (syntax, schema) are reported alone, since everything
    built on a broken file would only echo them. Lenient: files with problems are left out and the rest is
    built, so one unfinished file does not hide where the others put their points."""
    sources, problems = read_all(Path(data_dir), FILES)
    if problems and not lenient:
        return PartialAtlas({}, {}, {}, (), None, problems)
    views, found = build_views(MergedBody(sources["body/*.yaml"]))
    problems += found
    singles = [sources[name] for name in ("meridians.yaml", "mechanisms.yaml", "studies.yaml", "conditions.yaml",
                                          "safety.yaml")]
    if not all(singles):
        return PartialAtlas(views, {}, {}, (), None, problems)
    [mer], [mech], [stud], [cond], [safe] = singles
    meridians, found = build.meridians(mer)
    problems += found + checks.standard_meridians(mer, meridians)
    regions = build.regions(mer)
    mechanisms, found = build.mechanisms(mech)
    problems += found
    safety, found = build.safety(safe)
    problems += found
    known = {"meridian": meridians, "region": regions, "mechanism": mechanisms, "safety source": safety.sources}
    points, positions, found = build.points(sources["points/*.yaml"], Placer(views), known)
    problems += found + checks.meridian_points(mer, meridians, points)
    problems += checks.safety_refs(safe, safety.sources, points) + checks.shared_english_names(sources["points/*.yaml"], points)
    studies, found = build.studies(stud)
    problems += found + checks.study_refs(stud, points, mechanisms) + checks.mechanism_refs(mech, studies)
    problems += checks.study_kinds(stud, studies, points)
    conditions, found = build.conditions(cond)
    problems += found + checks.condition_refs(cond, points)
    problems += checks.study_conditions(stud, studies, conditions) + checks.condition_evidence(cond, conditions, studies)
    atlas = None if problems else Atlas(
        views=frozen_map(views), meridians=frozen_map(meridians), regions=frozen_map(regions),
        points=frozen_map(points), mechanisms=frozen_map(mechanisms), studies=frozen_map(studies),
        positions=positions, conditions=frozen_map(conditions), safety=safety,
    )
    return PartialAtlas(views, meridians, points, positions, atlas, problems)


def check(data_dir: Path = DATA_DIR) -> tuple[Atlas | None, list[Problem]]:
    """Everything wrong with the data in a folder; the atlas too when nothing is."""
    built = build_partial(data_dir)
    return built.atlas, built.problems


def load_atlas(data_dir: Path = DATA_DIR) -> Atlas:
    """The checked atlas; raises DataError naming every problem."""
    atlas, problems = check(data_dir)
    if problems:
        raise DataError(problems)
    return atlas
