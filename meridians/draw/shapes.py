"""Plotly's marker symbols as polygons: a crowded view draws its markers as filled shapes (figures.CROWDED).

Each outline is plotly's own symbol (plotly.js `symbol_defs`) for a marker of size 2: radius 1, x to the
right and y down, as on the screen and on our image axes. Arcs (circle, star-square) become straight edges.
"""

from __future__ import annotations

import math
from types import MappingProxyType

Outline = tuple[tuple[float, float], ...]


def _regular(n: int) -> Outline:
    return tuple((math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i in range(n))


def _walk(start: tuple[float, float], steps) -> Outline:
    """A polygon from plotly's relative path steps (its `l dx,dy`), up to its closing `Z`."""
    points = [start]
    for dx, dy in steps:
        x, y = points[-1]
        points.append((x + dx, y + dy))
    return tuple(points)


def _star(r: float) -> Outline:
    x1, x2, x3, x4 = (r * k for k in (0.225, 0.951, 0.363, 0.588))
    y0, y1, y2, y3, y4 = (r * k for k in (-1, -0.309, 0.809, 0.118, 0.382))
    return ((x1, y1), (x2, y1), (x3, y3), (x4, y2), (0, y4), (-x4, y2), (-x3, y3), (-x2, y1), (-x1, y1), (0, y0))


def _cross(a: float, b: float) -> Outline:
    return ((b, a), (a, a), (a, b), (-a, b), (-a, a), (-b, a), (-b, -a), (-a, -a), (-a, -b), (a, -b), (a, -a), (b, -a))


_X = 0.8 / math.sqrt(2)
_H = (0.76, 0.38, 0.66)  # hexagram: plotly's h, dx, dy
_ROOT3 = math.sqrt(3)
# star-square: corners at 1.1, sides bent inwards by arcs of radius 2 (their middle 0.33 in from the corner line)
_SQ, _BENT = 1.1, 1.1 - (2 - math.sqrt(4 - 1.1 ** 2))

OUTLINES: MappingProxyType[str, Outline] = MappingProxyType({
    "circle": _regular(12),
    "square": ((1, 1), (-1, 1), (-1, -1), (1, -1)),
    "diamond": ((1.3, 0), (0, 1.3), (-1.3, 0), (0, -1.3)),
    "cross": _cross(0.4, 1.2),
    "x": _walk((0, _X), [(s * _X, t * _X) for s, t in
                         ((1, 1), (1, -1), (-1, -1), (1, -1), (-1, -1), (-1, 1), (-1, -1), (-1, 1), (1, 1), (-1, 1),
                          (1, 1))]),
    "triangle-up": ((-2 / _ROOT3, 0.5), (2 / _ROOT3, 0.5), (0, -1)),
    "triangle-down": ((-2 / _ROOT3, -0.5), (2 / _ROOT3, -0.5), (0, 1)),
    "pentagon": ((0.951, -0.309), (0.588, 0.809), (-0.588, 0.809), (-0.951, -0.309), (0, -1)),
    "hexagon": ((_ROOT3 / 2, -0.5), (_ROOT3 / 2, 0.5), (0, 1), (-_ROOT3 / 2, 0.5), (-_ROOT3 / 2, -0.5), (0, -1)),
    "octagon": ((-0.383, -0.924), (0.383, -0.924), (0.924, -0.383), (0.924, 0.383), (0.383, 0.924), (-0.383, 0.924),
                (-0.924, 0.383), (-0.924, -0.383)),
    "star": _star(1.4),
    "hexagram": _walk((-_H[0], 0), [(-_H[1], -_H[2]), (_H[0], 0), (_H[1], -_H[2]), (_H[1], _H[2]), (_H[0], 0),
                                    (-_H[1], _H[2]), (_H[1], _H[2]), (-_H[0], 0), (-_H[1], _H[2]), (-_H[1], -_H[2]),
                                    (-_H[0], 0)]),
    "diamond-tall": ((0, 1.4), (0.7, 0), (0, -1.4), (-0.7, 0)),
    "star-square": ((-_SQ, -_SQ), (-_BENT, 0), (-_SQ, _SQ), (0, _BENT), (_SQ, _SQ), (_BENT, 0), (_SQ, -_SQ), (0, -_BENT)),
    "bowtie": ((1, 1), (1, -1), (-1, 1), (-1, -1)),  # crosses itself: two triangles tip to tip
})
SYMBOLS = tuple(OUTLINES)


def polygon(symbol: str, x: float, y: float, radius: float) -> list[tuple[float, float]]:
    """The symbol's outline around (x, y), `radius` being half the marker's size, in the same units."""
    return [(x + radius * dx, y + radius * dy) for dx, dy in OUTLINES[symbol]]
