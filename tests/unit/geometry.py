"""Where the atlas drew a point, and where it lies along a span: for the placement tests."""

from __future__ import annotations

import math


def spots(atlas, code, view, side=None):
    found = [p for p in atlas.positions_in(view) if p.code == code and (side is None or p.side == side)]
    assert found, f"{code} is not drawn on {view}"
    return found


def one(atlas, code, view, side):
    (spot,) = spots(atlas, code, view, side)
    return spot


def landmark(atlas, view, name):
    return atlas.views[view].landmarks[name].xy


def fraction_along(p, a, b, tolerance=0.5):
    """How far p lies along a→b (0 at a, 1 at b), after checking it lies within `tolerance` px of that line."""
    ab = (b[0] - a[0], b[1] - a[1])
    ap = (p[0] - a[0], p[1] - a[1])
    length2 = ab[0] ** 2 + ab[1] ** 2
    t = (ap[0] * ab[0] + ap[1] * ab[1]) / length2
    off_line = abs(ap[0] * ab[1] - ap[1] * ab[0]) / math.sqrt(length2)
    assert off_line < tolerance, f"{p} is {off_line:.1f} px off the line"
    return t
