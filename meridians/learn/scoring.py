"""A click's error in cun from a point's true position, measured with the body model's local cun scale.

The body part of the point's landmark gives the scale (1 cun on the hand is not 1 cun on the thigh) and the
axis along which "along" is measured; "across" is at right angles to it. See docs/learn.md."""

from __future__ import annotations

import math
from dataclasses import dataclass

from meridians.model import Atlas, Part, Position, Xy

FINGER_CUN = 0.75  # four fingers' width is 3 cun (WHO 2008, the finger-cun measure)


@dataclass(frozen=True)
class Score:
    """Where the click fell from the point: the side scored, and the error in cun."""

    code: str
    view: str
    position: Position  # the nearer side's true position
    along: float  # cun along the part's axis (positive: the way the axis runs)
    across: float  # cun at right angles to it

    @property
    def cun(self) -> float:
        return math.hypot(self.along, self.across)

    @property
    def finger_widths(self) -> float:
        return self.cun / FINGER_CUN


def scale_at(atlas: Atlas, view: str, position: Position) -> Part:
    """The body part whose cun measures around a position: that of the landmark it is placed from,
    its axis mirrored for the mirrored side of a bilateral point."""
    v = atlas.views[view]
    names = {view, v.source}
    site = next(s for s in atlas.points[position.code].sites if names & set(s.views))
    landmark = v.landmarks[site.at]
    part = v.parts[landmark.part] if landmark.part else _nearest_part(v, position)
    if math.dist(landmark.xy, position.anchor) > 0.5:  # the other side's landmark: the mirror image
        return Part(part.name, part.cun_px, (-part.axis[0], part.axis[1]))
    return part


def _nearest_part(v, position: Position) -> Part:
    """A landmark without a part (a point at a landmark, no offset): the part of the nearest landmark that has one."""
    best = min((lm for lm in v.landmarks.values() if lm.part), key=lambda lm: math.dist(lm.xy, (position.x, position.y)))
    return v.parts[best.part]


def score(atlas: Atlas, view: str, code: str, click: Xy) -> Score:
    """The error of a click on a view for a point on it; the nearer side of a bilateral point is scored."""
    positions = [p for p in atlas.positions_in(view) if p.code == code]
    if not positions:
        raise ValueError(f"{code} is not shown on the view '{view}'")
    pos = min(positions, key=lambda p: math.dist((p.x, p.y), click))
    part = scale_at(atlas, view, pos)
    dx, dy = click[0] - pos.x, click[1] - pos.y
    ax, ay = part.axis
    along = (dx * ax + dy * ay) / part.cun_px
    across = (-dx * ay + dy * ax) / part.cun_px
    return Score(code, view, pos, along, across)


def offset(atlas: Atlas, view: str, position: Position, along: float, across: float = 0.0) -> Xy:
    """The spot `along` and `across` cun from a position, by the same scale: the inverse of `score`."""
    part = scale_at(atlas, view, position)
    ax, ay = part.axis
    k = part.cun_px
    return (position.x + (along * ax - across * ay) * k, position.y + (along * ay + across * ax) * k)
