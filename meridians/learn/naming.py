"""The name-the-point mode: the choices offered for a ringed point are its nearest neighbours on the view, the
points a student confuses it with, never random ones."""

from __future__ import annotations

import hashlib
import math

from meridians.model import Atlas

CHOICES = 4


def neighbours(atlas: Atlas, view: str, code: str, most: int = CHOICES - 1) -> tuple[str, ...]:
    """The other points nearest to `code` on the view (each by its nearest side), nearest first."""
    mine = [(p.x, p.y) for p in atlas.positions_in(view) if p.code == code]
    if not mine:
        raise ValueError(f"{code} is not shown on the view '{view}'")
    near: dict[str, float] = {}
    for p in atlas.positions_in(view):
        if p.code != code:
            d = min(math.dist((p.x, p.y), m) for m in mine)
            near[p.code] = min(d, near.get(p.code, d))
    return tuple(sorted(near, key=lambda c: (near[c], c))[:most])


def choices(atlas: Atlas, view: str, code: str, n: int = CHOICES) -> tuple[str, ...]:
    """The point and its n - 1 nearest neighbours on the view, in an order that does not give the answer away (the same order
    for the same point at every run, so a rerun does not move the buttons)."""
    offered = (code, *neighbours(atlas, view, code, n - 1))
    if len(offered) < n:  # a point alone on every view it is on (KI1 on the sole): its meridian's next points
        order = atlas.meridian_points(atlas.points[code].meridian)
        i = order.index(code)
        nearby = sorted((c for c in order if c not in offered), key=lambda c: (abs(order.index(c) - i), c))
        offered = (*offered, *nearby[: n - len(offered)])
    return tuple(sorted(offered, key=lambda c: hashlib.sha256(f"{code}/{c}".encode()).hexdigest()))
