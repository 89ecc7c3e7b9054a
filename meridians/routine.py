"""Self-care routines: an ordered list of points in the URL, edited by pure steps, and the trials' own sets."""

from __future__ import annotations

from meridians.model import Atlas, Point, Study

MAX_POINTS = 20  # a routine's length, and so the most entries a link's key may carry
PRESS_MINUTES = (1, 2, 3)  # per point and side
SIDES = {True: ("Left side", "Right side"), False: ("On the midline",)}
TOGETHER = ("Both sides at once",)


def added(routine: tuple[str, ...], code: str) -> tuple[str, ...]:
    """The routine with `code` at its end; unchanged if it is already there or the routine is full."""
    return routine if code in routine or len(routine) >= MAX_POINTS else routine + (code,)


def removed(routine: tuple[str, ...], code: str) -> tuple[str, ...]:
    return tuple(c for c in routine if c != code)


def moved(routine: tuple[str, ...], code: str, by: int) -> tuple[str, ...]:
    """The routine with `code` moved `by` places (-1 up, +1 down), staying within the list."""
    i = routine.index(code)
    j = min(max(i + by, 0), len(routine) - 1)
    order = list(routine)
    order[i], order[j] = order[j], order[i]
    return tuple(order)


def pregnancy_points(atlas: Atlas, routine: tuple[str, ...]) -> tuple[Point, ...]:
    """The points of the routine that are traditionally avoided in pregnancy: said before it starts."""
    return tuple(atlas.points[c] for c in routine if atlas.points[c].pregnancy)


def trial_routines(atlas: Atlas) -> tuple[Study, ...]:
    """The randomised trials whose whole point sets were verified: ready-made routines, each citing its trial and
    saying how it gave the points (`Study.routine_note`)."""
    return tuple(s for s in atlas.studies.values() if s.routine_points)


def press_plan(point: Point, minutes: int) -> tuple[int, tuple[str, ...]]:
    """Seconds of pressure per side, and the sides to press in turn (both for a bilateral point, unless both
    are pressed at once)."""
    return minutes * 60, TOGETHER if point.sides_together else SIDES[point.bilateral]


def best_views(atlas: Atlas, codes: tuple[str, ...], most: int = 2) -> tuple[str, ...]:
    """At most `most` whole-body views that together show the most of `codes`, greedily, in view order."""
    left, chosen = set(codes), []
    whole = [v for v in atlas.views.values() if not v.closeup]
    while left and len(chosen) < most:
        counts = {v.name: len(left & {p.code for p in atlas.positions_in(v.name)}) for v in whole}
        name = max(counts, key=counts.get)
        if not counts[name]:
            break
        chosen.append(name)
        left -= {p.code for p in atlas.positions_in(name)}
    return tuple(sorted(chosen, key=list(atlas.views).index))
