"""Read the YAML data, check it, and build the immutable atlas (or say exactly what is wrong)."""

from __future__ import annotations

from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from PIL import Image, ImageDraw

from . import body
from .model import (
    Atlas, Channel, Effect, Mechanism, Point, Position, Pregnancy, Region, Site, Study, View, frozen_map,
)
from .problems import DataError, Problem, place_of
from .schemas import FILES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: four times faster
STANDARD_CHANNELS = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV")


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


def _reason(error) -> str:
    says = error.schema.get("x-says") if isinstance(error.schema, dict) else None
    if error.validator == "pattern" and says:
        return f"{error.instance!r} is not {says}"
    return error.message


def _read(data_dir: Path) -> tuple[dict[str, _Source], list[Problem]]:
    sources, problems = {}, []
    for name, schema in FILES.items():
        path = data_dir / name
        try:
            source = _Source(name, path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(Problem(name, "", f"file not found in {data_dir}"))
            continue
        except UnicodeDecodeError as err:
            problems.append(Problem(name, "", f"not UTF-8 text ({err.reason})"))
            continue
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            reason = f"YAML syntax error: {getattr(err, 'problem', None) or err}"
            problems.append(Problem(name, "", reason, mark.line + 1 if mark else None))
            continue
        errors = sorted(Draft202012Validator(schema).iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path)))
        problems += [source.problem(tuple(e.absolute_path), _reason(e)) for e in errors]
        sources[name] = source
    return sources, problems


def _views(src: _Source) -> tuple[dict[str, View], list[Problem]]:
    views, problems = {}, []
    figures = src.data["figures"]
    for name, raw in src.data["views"].items():
        if raw["figure"] not in figures:
            problems.append(src.problem(("views", name, "figure"), f"unknown figure '{raw['figure']}'"))
            continue
        view, found = body.build_view(name, raw, figures[raw["figure"]])
        problems += [src.problem(path, reason) for path, reason in found]
        views[name] = view
    for name, raw in src.data.get("closeups", {}).items():
        if name in views or raw["of"] not in views:
            reason = f"close-up name '{name}' is taken" if name in views else f"unknown view '{raw['of']}'"
            problems.append(src.problem(("closeups", name), reason))
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


def _points(src: _Source, views: dict[str, View], channels, regions, mechanisms):
    points: dict[str, Point] = {}
    positions: list[Position] = []
    problems: list[Problem] = []
    masks = {name: outline_mask(v) for name, v in views.items()}
    for i, raw in enumerate(src.data["points"]):
        code = raw["code"]
        here = ("points", i)
        if code in points:
            problems.append(src.problem(here + ("code",), f"duplicate point code '{code}'"))
            continue
        for key, known in (("meridian", channels), ("region", regions)):
            if raw[key] not in known:
                problems.append(src.problem(here + (key,), f"unknown {key} '{raw[key]}'"))
        channel_id = raw["meridian"]
        expected = channel_id if channel_id != "EX" else "EX-"
        if channel_id in channels and not code.startswith(expected):
            problems.append(src.problem(here + ("code",), f"code '{code}' does not belong to meridian '{channel_id}'"))
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
            english=raw["english"], meridian=channel_id, region=raw["region"], location=raw["location"],
            how_to_find=raw["how_to_find"], how_to_press=raw["how_to_press"], cautions=raw["cautions"],
            traditional_use=raw["traditional_use"], bilateral=raw["bilateral"], mechanisms=tuple(raw["mechanisms"]),
            sites=sites, pregnancy=Pregnancy(preg["note"], preg["source"]) if preg else None,
        )
    return points, tuple(positions), problems


def _channels(src: _Source) -> tuple[dict[str, Channel], list[Problem]]:
    channels, problems = {}, []
    for i, raw in enumerate(src.data["channels"]):
        if raw["id"] in channels:
            problems.append(src.problem(("channels", i, "id"), f"duplicate channel '{raw['id']}'"))
        channels[raw["id"]] = Channel(
            id=raw["id"], name=raw["name"], pinyin=raw["pinyin"], colour=raw["colour"], symbol=raw["symbol"],
            dash=raw["dash"], kind=raw.get("kind", "channel"), paths=tuple(tuple(p) for p in raw.get("paths", [])),
        )
    standard = tuple(c for c, ch in channels.items() if ch.kind == "channel")
    if sorted(standard) != sorted(STANDARD_CHANNELS):
        missing = sorted(set(STANDARD_CHANNELS) - set(standard))
        extra = sorted(set(standard) - set(STANDARD_CHANNELS))
        problems.append(src.problem(("channels",), f"the 14 standard channels are required (missing: {missing or 'none'}, unexpected: {extra or 'none'})"))
    return channels, problems


def _check_paths(src: _Source, channels: dict[str, Channel], points: dict[str, Point]) -> list[Problem]:
    problems = []
    for i, raw in enumerate(src.data["channels"]):
        for j, path in enumerate(raw.get("paths", [])):
            for k, code in enumerate(path):
                if code not in points or points[code].meridian != raw["id"]:
                    problems.append(src.problem(("channels", i, "paths", j, k), f"'{code}' is not a point of channel {raw['id']}"))
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


def check(data_dir: Path = DATA_DIR) -> tuple[Atlas | None, list[Problem]]:
    """Everything wrong with the data in a folder; the atlas too when nothing is."""
    sources, problems = _read(Path(data_dir))
    if problems:
        return None, problems
    views, found = _views(sources["body.yaml"])
    problems += found
    mer = sources["meridians.yaml"]
    channels, found = _channels(mer)
    problems += found
    regions = {r["id"]: Region(r["id"], r["name"]) for r in mer.data["regions"]}
    mechanisms, found = _mechanisms(sources["mechanisms.yaml"])
    problems += found
    points, positions, found = _points(mer, views, channels, regions, mechanisms)
    problems += found + _check_paths(mer, channels, points)
    studies, found = _studies(sources["studies.yaml"], points, mechanisms)
    problems += found + _check_mechanism_refs(sources["mechanisms.yaml"], studies)
    if problems:
        return None, problems
    atlas = Atlas(
        views=frozen_map(views), channels=frozen_map(channels), regions=frozen_map(regions),
        points=frozen_map(points), mechanisms=frozen_map(mechanisms), studies=frozen_map(studies),
        positions=positions,
    )
    return atlas, []


def load_atlas(data_dir: Path = DATA_DIR) -> Atlas:
    """The checked atlas; raises DataError naming every problem."""
    atlas, problems = check(data_dir)
    if problems:
        raise DataError(problems)
    return atlas
