"""The body model: landmarks and proportional cun per view, and placement of sites."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from PIL import Image, ImageDraw

from meridians.model import Cue, Landmark, Part, Position, Site, View, Xy, frozen_map

SIDES = ("left", "right")


def smooth(points: list[Xy], closed: bool = True, per_segment: int = 12) -> tuple[Xy, ...]:
    """Catmull-Rom curve through the control points, so outlines and cue lines have no corners."""
    n = len(points)
    if n < 3:
        return tuple(points)
    ring = points if closed else [points[0], *points, points[-1]]
    segments = range(n) if closed else range(1, n)
    out: list[Xy] = []
    for i in segments:
        p0, p1, p2, p3 = ring[i - 1], ring[i], ring[(i + 1) % len(ring)], ring[(i + 2) % len(ring)]
        for k in range(per_segment):
            t = k / per_segment
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(
                    0.5
                    * (
                        2 * p1[j]
                        + (-p0[j] + p2[j]) * t
                        + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                        + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3
                    )
                    for j in (0, 1)
                )
            )
    if not closed:
        out.append(points[-1])
    return tuple(out)


def _mirror_x(xy: Xy, mid: float) -> Xy:
    return (2 * mid - xy[0], xy[1])


def _outlines(figure: dict, mid: float) -> tuple[tuple[Xy, ...], ...]:
    half = [tuple(map(float, p)) for p in figure["outline"]]
    if figure.get("mirror"):
        whole = half + [_mirror_x(p, mid) for p in reversed(half) if p[0] != mid]
    else:
        whole = half
    shapes = [smooth(whole)]
    shapes += [smooth([tuple(map(float, p)) for p in o]) for o in figure.get("overlays", [])]
    return tuple(shapes)


def _unit(a: Xy, b: Xy) -> Xy:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return (dx / length, dy / length)


def build_view(name: str, raw: dict, figure: dict) -> tuple[View, list[tuple[tuple, str]]]:
    """Resolve one view of the body files (merged); returns the view and (path, reason) problems."""
    problems: list[tuple[tuple, str]] = []
    mid = float(raw["midline_x"])
    landmarks: dict[str, Landmark] = {}
    vertebrae = raw.get("vertebrae", [])
    for i, (vname, x, y) in enumerate(vertebrae):
        landmarks[vname] = Landmark(vname, (float(x), float(y)), f"spinous process of {vname}", "back", True)
        if i + 1 < len(vertebrae):
            nx, ny = vertebrae[i + 1][1:]
            landmarks[f"below_{vname}"] = Landmark(
                f"below_{vname}",
                ((x + nx) / 2, (y + ny) / 2),
                f"depression below the spinous process of {vname}",
                "back",
                True,
            )
    for lname, lm in raw.get("landmarks", {}).items():
        x, y = map(float, lm["at"])
        midline = bool(lm.get("midline")) or (figure.get("mirror", False) and x == mid)
        landmarks[lname] = Landmark(lname, (x, y), lm["text"], lm.get("part"), midline)

    parts: dict[str, Part] = {}
    for pname, part in raw.get("parts", {}).items():
        ends = []
        for key in ("scale", "axis"):
            spec = part.get(key, part["scale"])
            for end in ("from", "to"):
                if spec[end] not in landmarks:
                    problems.append((("views", name, "parts", pname, key, end), f"unknown landmark '{spec[end]}'"))
            ends.append(spec)
        if problems:
            continue
        scale, axis = ends
        a, b = landmarks[scale["from"]].xy, landmarks[scale["to"]].xy
        parts[pname] = Part(pname, math.dist(a, b) / float(scale["cun"]), _unit(landmarks[axis["from"]].xy, landmarks[axis["to"]].xy))
    for lname, lm in landmarks.items():
        if lm.part is not None and lm.part not in parts and not problems:
            problems.append((("views", name, "landmarks", lname, "part"), f"unknown part '{lm.part}'"))

    cues = []
    for cue in raw.get("cues", []):
        pts = cue.get("points") or ([cue["at"]] if "at" in cue else [])
        cues.append(Cue(cue["kind"], tuple(tuple(map(float, p)) for p in pts), bool(cue.get("mirror"))))

    view = View(
        name=name,
        title=raw["title"],
        size=(int(raw["size"][0]), int(raw["size"][1])),
        midline_x=mid,
        side=raw["side"],
        mirrored=bool(figure.get("mirror")),
        outlines=_outlines(figure, mid),
        landmarks=frozen_map(landmarks),
        parts=frozen_map(parts),
        vertebrae=tuple(v[0] for v in vertebrae),
        cues=tuple(cues),
        closeup=bool(raw.get("closeup")),
        lateral_x=raw.get("lateral_x"),
        anterior_x=raw.get("anterior_x", 1),
    )
    return view, problems


def site_problems(site: Site, view: View) -> list[str]:
    """Why a site cannot be placed on a view (empty when it can)."""
    reasons = []
    for key in ("at", "toward"):
        name = getattr(site, key)
        if name is not None and name not in view.landmarks:
            reasons.append(f"{key}: unknown landmark '{name}' in view '{view.name}'")
    if reasons:
        return reasons
    anchor = view.landmarks[site.at]
    moves = site.cun or site.lateral or site.anterior
    if moves and anchor.part is None:
        reasons.append(f"at: landmark '{site.at}' has no part, so offsets in cun cannot be measured")
    return reasons


def _perpendicular(axis: Xy, towards_x: float) -> Xy:
    """The unit vector at right angles to the axis whose x points the given way."""
    p = (-axis[1], axis[0])
    if p[0] * towards_x < 0 or (p[0] == 0 and p[1] * towards_x < 0):
        p = (-p[0], -p[1])
    return p


def _guide_text(site: Site, anchor: Landmark) -> str:
    """How the chart's guide line is labelled: the offsets in cun from the landmark."""
    if site.fraction is not None:
        return f"{site.fraction:.0%} of the way from the {anchor.text} to the {site.toward.replace('_', ' ')}"
    parts = []
    if site.cun:
        parts.append(f"{abs(site.cun):g} cun {'toward ' + site.toward.replace('_', ' ') if site.toward else ('down' if site.cun > 0 else 'up')}")
    if site.lateral:
        parts.append(f"{abs(site.lateral):g} cun {'lateral' if site.lateral > 0 else 'medial'}")
    if site.anterior:
        parts.append(f"{abs(site.anterior):g} cun {'anterior' if site.anterior > 0 else 'posterior'}")
    return f"{', '.join(parts)} from the {anchor.text}" if parts else f"at the {anchor.text}"


def place(code: str, site: Site, view: View, bilateral: bool) -> list[Position]:
    """Where a site is drawn on a view: on the given side, and mirrored for bilateral points."""
    anchor = view.landmarks[site.at]
    ax, ay = anchor.xy
    x, y = ax, ay
    part = view.parts.get(anchor.part) if anchor.part else None
    if site.toward is not None:
        tx, ty = view.landmarks[site.toward].xy
        if site.fraction is not None:
            x, y = ax + (tx - ax) * site.fraction, ay + (ty - ay) * site.fraction
        elif site.cun:
            ux, uy = _unit((ax, ay), (tx, ty))
            x, y = ax + ux * site.cun * part.cun_px, ay + uy * site.cun * part.cun_px
    elif site.cun:
        x, y = ax + part.axis[0] * site.cun * part.cun_px, ay + part.axis[1] * site.cun * part.cun_px
    if part is not None:
        axis = part.axis
        # Mirrored views give the viewer's left half: lateral is away from the midline, to the left.
        # Other views say which way lateral lies, if they show it; a view without a front shows no depth.
        lateral_x = -1 if view.mirrored else view.lateral_x
        if lateral_x and site.lateral:
            px, py = _perpendicular(axis, lateral_x)
            x, y = x + px * site.lateral * part.cun_px, y + py * site.lateral * part.cun_px
        if not view.mirrored and site.anterior:
            px, py = _perpendicular(axis, view.anterior_x)
            x, y = x + px * site.anterior * part.cun_px, y + py * site.anterior * part.cun_px
    guide = site.label or _guide_text(site, anchor)
    mid = view.midline_x
    if not view.mirrored:
        side = "midline" if (anchor.midline and not bilateral) else view.side
        return [Position(code, view.name, side, x, y, anchor.xy, guide)]
    if abs(x - mid) < 0.5:
        return [Position(code, view.name, "midline", mid, y, anchor.xy, guide)]
    return [
        Position(code, view.name, view.side, x, y, anchor.xy, guide),
        Position(code, view.name, view.other_side, *_mirror_x((x, y), mid), _mirror_x(anchor.xy, mid), guide),
    ]


def mirror_cue_points(cue: Cue, view: View) -> Iterable[tuple[Xy, ...]]:
    yield cue.points
    if cue.mirror:
        yield tuple(_mirror_x(p, view.midline_x) for p in cue.points)


def close_up(name: str, raw: dict, base: View) -> View:
    """Part of a view, enlarged: everything in it is the base view's, moved and scaled."""
    x0, y0, x1, y1 = map(float, raw["box"])
    k = float(raw["scale"])

    def move(xy: Xy) -> Xy:
        return ((xy[0] - x0) * k, (xy[1] - y0) * k)

    return View(
        name=name,
        title=raw["title"],
        size=(round((x1 - x0) * k), round((y1 - y0) * k)),
        midline_x=(base.midline_x - x0) * k,
        side=base.side,
        mirrored=base.mirrored,
        outlines=tuple(tuple(move(p) for p in shape) for shape in base.outlines),
        landmarks=frozen_map({n: replace(lm, xy=move(lm.xy)) for n, lm in base.landmarks.items()}),
        parts=frozen_map({n: replace(part, cun_px=part.cun_px * k) for n, part in base.parts.items()}),
        vertebrae=base.vertebrae,
        cues=tuple(replace(c, points=tuple(move(p) for p in c.points)) for c in base.cues),
        closeup=True,
        source=base.name,
        origin=(x0, y0),
        scale=k,
    )


def in_close_up(pos: Position, view: View) -> Position | None:
    """The position as the close-up shows it, or None when it lies outside the close-up."""
    x = (pos.x - view.origin[0]) * view.scale
    y = (pos.y - view.origin[1]) * view.scale
    w, h = view.size
    if not (0 <= x < w and 0 <= y < h):
        return None
    anchor = ((pos.anchor[0] - view.origin[0]) * view.scale, (pos.anchor[1] - view.origin[1]) * view.scale)
    return replace(pos, view=view.name, x=x, y=y, anchor=anchor)


def outline_mask(view: View) -> Image.Image:
    """The inside of the body outline of a view, as a 1-bit image."""
    mask = Image.new("1", view.size, 0)
    draw = ImageDraw.Draw(mask)
    for shape in view.outlines:
        draw.polygon(shape, fill=1)
    return mask


def inside(mask: Image.Image, pos: Position) -> bool:
    w, h = mask.size
    return 0 <= pos.x < w and 0 <= pos.y < h and bool(mask.getpixel((int(pos.x), int(pos.y))))
