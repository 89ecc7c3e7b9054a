"""Labels for study: each marker's code written beside it where space allows, on the same bucketed grid of
marker centres as the guides' labels (meridians/draw/guides.py); a code with no clear place is left out."""

from __future__ import annotations

import math
from typing import NamedTuple

from meridians.draw.guides import Spots
from meridians.model import Atlas

FONT = 10  # screen pixels
CHAR_WIDTH = 6.0  # screen pixels a character of the label takes, about (codes are capitals and digits)
HEIGHT = 12  # screen pixels of a label's line
GAP = 3  # screen pixels between a marker's edge and its label
COLOUR = "#1a1a1a"


class Label(NamedTuple):
    x: float  # the marker's centre, on the view's image
    y: float
    code: str
    textposition: str  # plotly's: where the label sits from the marker
    box: tuple[float, float, float, float]  # the label's box, unzoomed


def code_labels(atlas: Atlas, view: str, codes: frozenset[str], scale: float, marker: float) -> list[Label]:
    """The labels of the positions of `codes`: each right of its marker, else left, above or below, where its box
    covers no marker (`marker`: a marker's width in image pixels) and no label placed before it, and no other
    marker is nearer it than its own; none where no side is clear. `scale` is screen pixels per image pixel."""
    positions = atlas.positions_in(view)
    markers = Spots([(p.x, p.y) for p in positions], cell=HEIGHT / scale)
    placed: dict[tuple[float, float], tuple[float, float, float, float]] = {}  # label centre -> its box
    centres = Spots([], cell=HEIGHT / scale)
    widest = 0.0  # half the widest label placed: a box overlapping a new one has its centre this near it
    out = []
    for p in sorted(positions, key=lambda p: (p.y, p.x)):
        if p.code not in codes:
            continue
        w, h, gap = (len(p.code) * CHAR_WIDTH + 2) / scale, HEIGHT / scale, marker / 2 + GAP / scale
        for cx, cy, where in ((p.x + gap + w / 2, p.y, "middle right"), (p.x - gap - w / 2, p.y, "middle left"),
                              (p.x, p.y - gap - h / 2, "top center"), (p.x, p.y + gap + h / 2, "bottom center")):
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if markers.covered(box, marker / 2) or any(_overlap(box, placed[c]) for c in centres.within(box, widest)):
                continue
            own = math.dist((cx, cy), (p.x, p.y))
            if any(math.dist((cx, cy), m) < own for m in markers.within(box, own)):
                continue  # nearer another marker: it would be read as that one's
            centres.add((cx, cy))
            placed[(cx, cy)] = box
            widest = max(widest, w / 2, h / 2)
            out.append(Label(round(p.x, 1), round(p.y, 1), p.code, where, box))
            break
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_trace(labels: list[Label], marker: float) -> dict:
    """The labels as one text trace on the body's axes, each placed from its marker by plotly (so a zoom keeps it
    beside it) past an invisible marker `marker` screen pixels wide and the gap; it takes no hover and no click
    (the ring trace does)."""
    return {"type": "scatter", "mode": "markers+text", "name": "Codes", "showlegend": False, "hoverinfo": "skip",
            "x": [lb.x for lb in labels], "y": [lb.y for lb in labels], "text": [lb.code for lb in labels],
            "textposition": [lb.textposition for lb in labels], "textfont": {"size": FONT, "color": COLOUR},
            "marker": {"size": marker + 2 * GAP, "opacity": 0}}
