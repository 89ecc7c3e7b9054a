"""Read the YAML data, check it, and build the immutable atlas (or say exactly what is wrong)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import yaml
from jsonschema import Draft202012Validator
from PIL import Image, ImageDraw

from meridians import body
from meridians.load.problems import DataError, Problem, place_of
from meridians.load.schemas import FILES
from meridians.model import (
    Atlas,
    Effect,
    Mechanism,
    Meridian,
    Point,
    Position,
    Pregnancy,
    Region,
    Site,
    Study,
    View,
    frozen_map,
)

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: four times faster
STANDARD_MERIDIANS = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV")


class _Source:
    """One parsed file with its node tree, so any place in it can be given a line number."""

    def __init__(self, name: str, text: str):
        self.name = name
        loader = _LOADER(text)  # parsed once: the node tree gives lines, the data is built from it
        try:
            self.root = loader.get_single_node()
            self.data = loader.construct_document(self.root) if self.root is not None else None
        finally:
            loader.dispose()

    def line(self, path: tuple) -> int | None:
        node, line = self.root, None
        for step in path:
            if node is None:
                break
            line = node.start_mark.line + 1
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                node = None
        return node.start_mark.line + 1 if node is not None else line

    def problem(self, path: tuple, reason: str) -> Problem:
        return Problem(self.name, place_of(path), reason, self.line(path))

    def duplicate_keys(self) -> list[Problem]:
        """YAML keeps the last of two equal keys without a word; here that is a mistake to report."""
        problems, todo = [], [(self.root, ())]
        while todo:
            node, path = todo.pop()
            if isinstance(node, yaml.MappingNode):
                first: dict = {}
                for key, value in node.value:
                    if key.value in first:
                        problems.append(Problem(self.name, place_of(path), (
                            f"duplicate key '{key.value}' (first on line {first[key.value]})"), key.start_mark.line + 1))
                    first.setdefault(key.value, key.start_mark.line + 1)
                    todo.append((value, path + (key.value,)))
            elif isinstance(node, yaml.SequenceNode):
                todo += [(item, path + (i,)) for i, item in enumerate(node.value)]
        return sorted(problems, key=lambda p: p.line)


def _reason(error) -> str:
    says = error.schema.get("x-says") if isinstance(error.schema, dict) else None
    if error.validator == "pattern" and says:
        return f"{error.instance!r} is not {says}"
    return error.message


def _parse(data_dir: Path, name: str, schema: dict) -> tuple[_Source | None, list[Problem]]:
    try:
        source = _Source(name, (data_dir / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [Problem(name, "", f"file not found in {data_dir}")]
    except UnicodeDecodeError as err:
        return None, [Problem(name, "", f"not UTF-8 text ({err.reason})")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = f"YAML syntax error: {getattr(err, 'problem', None) or err}"
        return None, [Problem(name, "", reason, mark.line + 1 if mark else None)]
    errors = sorted(Draft202012Validator(schema).iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path)))
    return source, source.duplicate_keys() + [source.problem(tuple(e.absolute_path), _reason(e)) for e in errors]


def _read(data_dir: Path) -> tuple[dict[str, list[_Source]], list[Problem]]:
    """Every data file parsed and checked against its schema, grouped by the FILES entry it belongs to."""
    sources: dict[str, list[_Source]] = {}
    problems: list[Problem] = []
    for pattern, schema in FILES.items():
        names = [str(f.relative_to(data_dir)) for f in sorted(data_dir.glob(pattern))] if "*" in pattern else [pattern]
        if not names:
            problems.append(Problem(pattern, "", f"no files match in {data_dir}"))
        sources[pattern] = []
        for name in names:
            source, found = _parse(data_dir, name, schema)
            problems += found
            if source is not None and not found:
                sources[pattern].append(source)
    return sources, problems


class _Body:
    """The body files merged into one tree; each part remembers the file that gave it."""

    VIEW_FIELDS = ("title", "figure", "size", "midline_x", "side")

    def __init__(self, sources: list[_Source]):
        self.figures: dict = {}
        self.views: dict = {}
        self.closeups: dict = {}
        self.problems: list[Problem] = []
        self._owners: dict[tuple, _Source] = {}
        for src in sources:
            for key in ("figures", "closeups"):
                for name, raw in src.data.get(key, {}).items():
                    self._claim(getattr(self, key), src, (key, name), raw)
            for name, raw in src.data.get("views", {}).items():
                view = self.views.setdefault(name, {})
                self._owners.setdefault(("views", name), src)
                for field, value in raw.items():
                    here = ("views", name, field)
                    if field in ("landmarks", "parts"):
                        for item, spec in value.items():
                            self._claim(view.setdefault(field, {}), src, here + (item,), spec)
                    elif field in ("cues", "vertebrae"):
                        view.setdefault(field, []).extend(value)
                    else:
                        self._claim(view, src, here, value)
        for name, view in self.views.items():
            missing = [f for f in self.VIEW_FIELDS if f not in view]
            if missing:
                self.problems.append(self.problem(("views", name), f"view '{name}' is never given: {', '.join(missing)}"))

    def _claim(self, into: dict, src: _Source, path: tuple, value) -> None:
        if path[-1] in into:
            first = self._owners[path]
            self.problems.append(src.problem(path, f"'{path[-1]}' is already defined in {first.name}, line {first.line(path)}"))
            return
        into[path[-1]] = value
        self._owners[path] = src

    def problem(self, path: tuple, reason: str) -> Problem:
        """A problem placed in the file that gave the deepest part of the path."""
        for n in range(len(path), 0, -1):
            if path[:n] in self._owners:
                return self._owners[path[:n]].problem(path, reason)
        return Problem("body/", place_of(path), reason)


def _views(merged: _Body) -> tuple[dict[str, View], list[Problem]]:
    views, problems = {}, list(merged.problems)
    for name, raw in merged.views.items():
        if any(f not in raw for f in _Body.VIEW_FIELDS):
            continue  # already reported
        if raw["figure"] not in merged.figures:
            problems.append(merged.problem(("views", name, "figure"), f"unknown figure '{raw['figure']}'"))
            continue
        view, found = body.build_view(name, raw, merged.figures[raw["figure"]])
        problems += [merged.problem(path, reason) for path, reason in found]
        views[name] = view
    for name, raw in merged.closeups.items():
        if name in views or raw["of"] not in views:
            reason = f"close-up name '{name}' is taken" if name in views else f"unknown view '{raw['of']}'"
            problems.append(merged.problem(("closeups", name), reason))
            continue
        views[name] = body.close_up(name, raw, views[raw["of"]])
    return views, problems


def outline_mask(view: View) -> Image.Image:
    """The inside of the body outline of a view, as a 1-bit image."""
    mask = Image.new("1", view.size, 0)
    draw = ImageDraw.Draw(mask)
    for shape in view.outlines:
        draw.polygon(shape, fill=1)
    return mask


def _unknown(src: _Source, path: tuple, ids, known, what: str) -> list[Problem]:
    """A problem for each id in a list that names nothing known."""
    return [src.problem(path + (j,), f"unknown {what} '{x}'") for j, x in enumerate(ids) if x not in known]


def _site(raw: dict) -> Site:
    return Site(
        views=tuple(raw["views"]), at=raw["at"], toward=raw.get("toward"), cun=float(raw.get("cun", 0)),
        fraction=raw.get("fraction"), lateral=float(raw.get("lateral", 0)), anterior=float(raw.get("anterior", 0)),
        label=raw.get("label"),
    )


def _points(sources: list[_Source], views: dict[str, View], meridians, regions, mechanisms):
    points: dict[str, Point] = {}
    files: dict[str, str] = {}
    positions: list[Position] = []
    problems: list[Problem] = []
    masks = {name: outline_mask(v) for name, v in views.items()}
    for src, i, raw in ((s, i, raw) for s in sources for i, raw in enumerate(s.data["points"])):
        code = raw["code"]
        here = ("points", i)
        if code in points:
            problems.append(src.problem(here + ("code",), f"duplicate point code '{code}' (first in {files[code]})"))
            continue
        files[code] = src.name
        for key, known in (("meridian", meridians), ("region", regions)):
            if raw[key] not in known:
                problems.append(src.problem(here + (key,), f"unknown {key} '{raw[key]}'"))
        meridian_id = raw["meridian"]
        expected = meridian_id if meridian_id != "EX" else "EX-"
        if meridian_id in meridians and not code.startswith(expected):
            problems.append(src.problem(here + ("code",), f"code '{code}' does not belong to meridian '{meridian_id}'"))
        problems += _unknown(src, here + ("mechanisms",), raw["mechanisms"], mechanisms, "mechanism")
        sites = tuple(_site(s) for s in raw["sites"])
        for j, site in enumerate(sites):
            for k, vname in enumerate(site.views):
                if vname not in views or views[vname].source:
                    reason = f"unknown view '{vname}'" if vname not in views else (
                        f"'{vname}' is a close-up: it shows the points of '{views[vname].source}' by itself")
                    problems.append(src.problem(here + ("sites", j, "views", k), reason))
                    continue
                reasons = body.site_problems(site, views[vname])
                problems += [src.problem(here + ("sites", j), r) for r in reasons]
                if reasons:
                    continue
                placed = body.place(code, site, views[vname], raw["bilateral"])
                for pos in placed:
                    w, h = views[vname].size
                    inside = 0 <= pos.x < w and 0 <= pos.y < h and masks[vname].getpixel((int(pos.x), int(pos.y)))
                    if not inside:
                        problems.append(src.problem(
                            here + ("sites", j),
                            f"{code} falls outside the body outline of view '{vname}' at ({pos.x:.0f}, {pos.y:.0f})"))
                if not raw["bilateral"] and any(p.side != "midline" for p in placed):
                    problems.append(src.problem(here + ("sites", j), f"{code} is not bilateral but is placed off the midline in view '{vname}'"))
                positions += placed
                for close in views.values():
                    if close.source == vname:
                        positions += [c for c in (body.in_close_up(p, close) for p in placed) if c]
        preg = raw.get("pregnancy")
        points[code] = Point(
            code=code, pinyin=raw["pinyin"], hanzi=raw["hanzi"], hanzi_simplified=raw.get("hanzi_simplified"),
            english=raw["english"], meridian=meridian_id, region=raw["region"], location=raw["location"],
            how_to_find=raw["how_to_find"], how_to_press=raw["how_to_press"], cautions=raw["cautions"],
            traditional_use=raw["traditional_use"], bilateral=raw["bilateral"], mechanisms=tuple(raw["mechanisms"]),
            sites=sites, pregnancy=Pregnancy(preg["note"], preg["source"]) if preg else None,
        )
    return points, tuple(positions), problems


def _meridians(src: _Source) -> tuple[dict[str, Meridian], list[Problem]]:
    meridians, problems = {}, []
    for i, raw in enumerate(src.data["meridians"]):
        if raw["id"] in meridians:
            problems.append(src.problem(("meridians", i, "id"), f"duplicate meridian '{raw['id']}'"))
        meridians[raw["id"]] = Meridian(
            id=raw["id"], name=raw["name"], pinyin=raw["pinyin"], colour=raw["colour"], symbol=raw["symbol"],
            dash=raw["dash"], kind=raw.get("kind", "meridian"), count=raw.get("count"), course=raw.get("course", ""),
            breaks=tuple(raw.get("breaks", [])),
        )
        if meridians[raw["id"]].kind == "meridian" and "count" not in raw:
            problems.append(src.problem(("meridians", i), f"meridian {raw['id']} needs its point count"))
    standard = tuple(c for c, ch in meridians.items() if ch.kind == "meridian")
    if sorted(standard) != sorted(STANDARD_MERIDIANS):
        missing = sorted(set(STANDARD_MERIDIANS) - set(standard))
        extra = sorted(set(standard) - set(STANDARD_MERIDIANS))
        problems.append(src.problem(("meridians",), f"the 14 standard meridians are required (missing: {missing or 'none'}, unexpected: {extra or 'none'})"))
    return meridians, problems


def _check_meridians(src: _Source, meridians: dict[str, Meridian], points: dict[str, Point]) -> list[Problem]:
    """Each meridian has exactly its points 1..count, and its course breaks only at its own points."""
    problems = []
    for i, raw in enumerate(src.data["meridians"]):
        meridian = meridians[raw["id"]]
        own = {code for code, p in points.items() if p.meridian == meridian.id}
        if meridian.count:
            expected = {f"{meridian.id}{n}" for n in range(1, meridian.count + 1)}
            missing = sorted(expected - own, key=lambda c: int(c[2:]))
            extra = sorted(own - expected)
            if missing or extra:
                problems.append(src.problem(("meridians", i, "count"), (
                    f"meridian {meridian.id} has {meridian.count} points {meridian.id}1-{meridian.id}{meridian.count}"
                    f" (missing: {', '.join(missing) or 'none'}; unexpected: {', '.join(extra) or 'none'})")))
        problems += _unknown(src, ("meridians", i, "breaks"), meridian.breaks, own, f"point of meridian {meridian.id}")
    return problems


def _studies(src: _Source, points, mechanisms) -> tuple[dict[str, Study], list[Problem]]:
    studies, problems = {}, []
    for i, raw in enumerate(src.data["studies"]):
        if raw["id"] in studies:
            problems.append(src.problem(("studies", i, "id"), f"duplicate study id '{raw['id']}'"))
        problems += _unknown(src, ("studies", i, "points"), raw.get("points", []), points, "point")
        problems += _unknown(src, ("studies", i, "mechanisms"), raw.get("mechanisms", []), mechanisms, "mechanism")
        fields = {k: v for k, v in raw.items() if k not in ("points", "mechanisms", "effects")}
        studies[raw["id"]] = Study(
            **fields, points=tuple(raw.get("points", [])), mechanisms=tuple(raw.get("mechanisms", [])),
            effects=tuple(Effect(**e) for e in raw.get("effects", [])),
        )
    return studies, problems


def _mechanisms(src: _Source) -> tuple[dict[str, Mechanism], list[Problem]]:
    mechanisms, problems = {}, []
    for i, raw in enumerate(src.data["mechanisms"]):
        if raw["id"] in mechanisms:
            problems.append(src.problem(("mechanisms", i, "id"), f"duplicate mechanism '{raw['id']}'"))
        mechanisms[raw["id"]] = Mechanism(
            id=raw["id"], name=raw["name"], kind=raw["kind"], summary=raw["summary"], verdict=raw["verdict"],
            certainty=raw["certainty"], supports=tuple(raw["for"]), against=tuple(raw["against"]),
        )
    return mechanisms, problems


def _check_mechanism_refs(src: _Source, studies: dict[str, Study]) -> list[Problem]:
    return [
        problem
        for i, raw in enumerate(src.data["mechanisms"])
        for key in ("for", "against")
        for problem in _unknown(src, ("mechanisms", i, key), raw[key], studies, "study")
    ]


class Draft(NamedTuple):
    """As much of the atlas as could be built, with every problem found on the way."""

    views: dict[str, View]
    meridians: dict[str, Meridian]
    points: dict[str, Point]
    positions: tuple[Position, ...]
    atlas: Atlas | None
    problems: list[Problem]


def draft(data_dir: Path = DATA_DIR, lenient: bool = False) -> Draft:
    """Build what can be built. Strict: shape problems (syntax, schema) are reported alone, since everything
    built on a broken file would only echo them. Lenient: files with problems are left out and the rest is
    built, so one unfinished file does not hide where the others put their points."""
    sources, problems = _read(Path(data_dir))
    if problems and not lenient:
        return Draft({}, {}, {}, (), None, problems)
    views, found = _views(_Body(sources["body/*.yaml"]))
    problems += found
    singles = [sources[name] for name in ("meridians.yaml", "mechanisms.yaml", "studies.yaml")]
    if not all(singles):
        return Draft(views, {}, {}, (), None, problems)
    [mer], [mech], [stud] = singles
    meridians, found = _meridians(mer)
    problems += found
    regions = {r["id"]: Region(r["id"], r["name"], r.get("note")) for r in mer.data["regions"]}
    mechanisms, found = _mechanisms(mech)
    problems += found
    points, positions, found = _points(sources["points/*.yaml"], views, meridians, regions, mechanisms)
    problems += found + _check_meridians(mer, meridians, points)
    studies, found = _studies(stud, points, mechanisms)
    problems += found + _check_mechanism_refs(mech, studies)
    atlas = None if problems else Atlas(
        views=frozen_map(views), meridians=frozen_map(meridians), regions=frozen_map(regions),
        points=frozen_map(points), mechanisms=frozen_map(mechanisms), studies=frozen_map(studies),
        positions=positions,
    )
    return Draft(views, meridians, points, positions, atlas, problems)


def check(data_dir: Path = DATA_DIR) -> tuple[Atlas | None, list[Problem]]:
    """Everything wrong with the data in a folder; the atlas too when nothing is."""
    built = draft(data_dir)
    return built.atlas, built.problems


def load_atlas(data_dir: Path = DATA_DIR) -> Atlas:
    """The checked atlas; raises DataError naming every problem."""
    atlas, problems = check(data_dir)
    if problems:
        raise DataError(problems)
    return atlas
