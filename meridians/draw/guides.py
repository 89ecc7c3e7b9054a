"""The guide from a point's landmark: a dotted line to the point and its distance in cun, with the label
placed where it covers the fewest markers. The server draws it for a point chosen from a link, the finder or
Back; the browser draws the same after a click (ui/click_guide.js, from the ring's customdata and `GUIDE`; the
label as text, so the customdata holds it unescaped),
since a click does not make the server send the chart again (docs/architecture.md, "The click")."""

from __future__ import annotations

import html
import math

from meridians.model import Atlas, Position

# The look of a guide: `line` for its line, `label` for its label, `dot` for the landmark's dot.
GUIDE = {
    "line": {"color": "#333333", "width": 1.5, "dash": "dot"},
    "dot": {"color": "#333333", "radius": 4},  # image pixels
    "label": {"font": {"size": 11, "color": "#111111"}, "bgcolor": "rgba(255,255,255,0.92)", "bordercolor": "#555555",
              "borderwidth": 1, "borderpad": 2, "showarrow": False, "xref": "x2", "yref": "y2"},
}
CHAR_WIDTH = 6.2  # screen pixels a character of the 11-pixel label takes, about
LABEL_HEIGHT = 19  # screen pixels of the label's box, its border and padding included
GAP = 8  # screen pixels between the guide and its label
ALONG = (0.0, 0.25, 0.5, 0.75, 1.0)  # where along the guide, from the landmark, a label may sit


def guide_label(guide: str, limit: int = 36) -> str:
    """The guide's distances without the landmark's long name, short enough to sit on the chart."""
    short = guide.split(" from the ")[0]
    return short if len(short) <= limit else short[: limit - 1] + "…"


def _box(x: float, y: float, xanchor: str, width: float, height: float) -> tuple[float, float, float, float]:
    left = {"left": x, "center": x - width / 2, "right": x - width}[xanchor]
    return left, y - height / 2, left + width, y + height / 2


def _covered(box, spots, margin: float) -> int:
    x0, y0, x1, y1 = box
    return sum(x0 - margin <= x <= x1 + margin and y0 - margin <= y <= y1 + margin for x, y in spots)


RING = 12  # screen pixels from a ringed marker's centre to the outside of its ring


class Spots:
    """Marker centres bucketed by square cells, so that a box asks only the cells it touches."""

    def __init__(self, spots: list[tuple[float, float]], cell: float):
        self.cell, self.cells = cell, {}
        for spot in spots:
            self.add(spot)

    def add(self, spot: tuple[float, float]) -> None:
        x, y = spot
        self.cells.setdefault((int(x // self.cell), int(y // self.cell)), []).append(spot)

    def within(self, box, margin: float) -> list[tuple[float, float]]:
        x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
        c = self.cell
        return [(x, y) for i in range(int(x0 // c), int(x1 // c) + 1) for j in range(int(y0 // c), int(y1 // c) + 1)
                for x, y in self.cells.get((i, j), ()) if x0 <= x <= x1 and y0 <= y <= y1]

    def covered(self, box, margin: float) -> int:
        return len(self.within(box, margin))


def label_spot(pos: Position, text: str, spots: Spots, scale: float, marker: float,
               ringed: list[tuple[float, float]], search: bool = True):
    """(x, y, xanchor) of a guide's label: beside, above or below the guide, never over the rings of the
    point (`ringed`: its positions), where its box covers the fewest marker centres (`spots`, a marker's
    half-width around the box counted too), nearest the point. `scale` is screen pixels per image pixel;
    `marker` a marker's width in image pixels. Without `search` (a crowded view), beside the guide's middle."""
    (ax, ay), (x, y) = pos.anchor, (pos.x, pos.y)
    width, height, gap = (len(text) * CHAR_WIDTH + 8) / scale, LABEL_HEIGHT / scale, GAP / scale
    candidates = []
    for t in ALONG if search else (0.5,):
        px, py = ax + (x - ax) * t, ay + (y - ay) * t
        for xanchor, dx in (("left", gap), ("right", -gap), ("center", 0)):
            for k in range(-4, 5) if search else (0,):
                if xanchor == "center" and abs(k) < 2:
                    continue  # over the guide itself
                spot = (px + dx, py + k * height / 2, xanchor)
                box = _box(*spot, width, height)
                candidates.append((math.dist(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), (x, y)), box, spot))
    candidates.sort(key=lambda c: c[0])
    best = None
    for far, box, spot in candidates:
        score = (_covered(box, ringed, RING / scale), spots.covered(box, marker / 2), far)
        if best is None or score < best[0]:
            best = (score, spot)
        if score[:2] == (0, 0):
            break  # the nearest clear place: none after it is nearer
    _, (lx, ly, xanchor) = best
    return round(lx, 1), round(ly, 1), xanchor


_WORKED_OUT: dict[tuple[int, str], tuple[Atlas, dict]] = {}  # each entry holds its atlas, so its id stays its own


def guide_data(atlas: Atlas, view: str, scale: float, marker: float, crowded: bool) -> dict[tuple[str, str], list]:
    """For each position on the view (by code and side) with a guide: [landmark x, y, label, label x, y,
    xanchor]. Depends on the view alone (not on the filters), so it is worked out once per view."""
    key = (id(atlas), view)
    if key not in _WORKED_OUT:
        _WORKED_OUT[key] = (atlas, _guide_data(atlas, view, scale, marker, crowded))
    return _WORKED_OUT[key][1]


def _guide_data(atlas: Atlas, view: str, scale: float, marker: float, crowded: bool) -> dict[tuple[str, str], list]:
    positions = atlas.positions_in(view)
    spots = Spots([(p.x, p.y) for p in positions], cell=LABEL_HEIGHT / scale)
    sides: dict[str, list[tuple[float, float]]] = {}
    for p in positions:
        sides.setdefault(p.code, []).append((p.x, p.y))
    data = {}
    for pos in positions:
        if (pos.x, pos.y) == pos.anchor:
            continue
        text = guide_label(pos.guide)
        data[(pos.code, pos.side)] = [round(pos.anchor[0], 1), round(pos.anchor[1], 1), text,
                                      *label_spot(pos, text, spots, scale, marker, sides[pos.code], not crowded)]
    return data


def guide_layout(ringed: list[tuple[float, float, list]]) -> dict:
    """Layout shapes and annotations for the guides of the ringed markers, each (x, y, its guide data):
    the line and the landmark's dot for each side, the label on the first side only."""
    shapes, annotations = [], []
    r = GUIDE["dot"]["radius"]
    for i, (x, y, (ax, ay, text, lx, ly, xanchor)) in enumerate(ringed):
        shapes.append({"type": "line", "xref": "x2", "yref": "y2", "x0": ax, "y0": ay, "x1": x, "y1": y,
                       "line": GUIDE["line"], "layer": "above"})
        shapes.append({"type": "circle", "xref": "x2", "yref": "y2", "x0": ax - r, "y0": ay - r, "x1": ax + r,
                       "y1": ay + r, "fillcolor": GUIDE["dot"]["color"], "line": {"width": 0}, "layer": "above"})
        if i == 0:
            annotations.append({**GUIDE["label"], "x": lx, "y": ly, "text": html.escape(text), "xanchor": xanchor})
    return {"shapes": shapes, "annotations": annotations}
