"""The printouts' charts, drawn with Pillow: a view's body image with points numbered and labelled.

A label is placed where it covers no marker (neither side's circle) and no other label.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageColor, ImageDraw, ImageFont

from meridians.draw.body_images import draw_view
from meridians.draw.colours import PREGNANCY_RIM
from meridians.draw.shapes import polygon
from meridians.model import Atlas
from meridians.printouts.fonts import BOLD

INK = (30, 30, 30)
Rect = tuple[float, float, float, float]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD), size)


def clearest_views(atlas: Atlas, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Views that together show every point of `codes`, each where it is clearest: close-ups first (the
    one showing most of the points left, then the least crowded), whole-body views for the rest."""
    left, chosen = set(codes), []
    for closeup in (True, False):
        views = [v.name for v in atlas.views.values() if v.closeup == closeup]
        while left:
            best = max(views, key=lambda name, left=frozenset(left): _shows(atlas, name, left))
            if not _shows(atlas, best, left)[0]:
                break
            chosen.append(best)
            left -= {p.code for p in atlas.positions_in(best)}
    return tuple(chosen)


def _shows(atlas: Atlas, view: str, left) -> tuple[int, int]:
    return len(left & {p.code for p in atlas.positions_in(view)}), -len(atlas.positions_in(view))


@dataclass(frozen=True)
class Mark:
    code: str
    number: int
    x: float
    y: float
    r: float


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def marks(atlas: Atlas, view: str, codes: tuple[str, ...], zoom: float, r: float) -> list[Mark]:
    numbers = {code: i for i, code in enumerate(codes, 1)}
    return [Mark(p.code, numbers[p.code], p.x * zoom, p.y * zoom, r) for p in atlas.positions_in(view)
            if p.code in numbers]


def _cost(rect: Rect, size: tuple[int, int], circles, labels) -> int:
    """How many markers and labels a label would cover; off the image counts as many."""
    outside = rect[0] < 0 or rect[1] < 0 or rect[2] > size[0] or rect[3] > size[1]
    return sum(overlaps(rect, c) for c in circles) + sum(overlaps(rect, p) for p in labels) + 10 * outside


def label_rects(ms: list[Mark], size: tuple[int, int], fnt) -> dict[str, Rect]:
    """Each code's label once (a paired point is named beside one side), clear of every circle and label."""
    circles = [(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r) for m in ms]
    placed: dict[str, Rect] = {}
    for m in ms:
        if m.code in placed:
            continue
        left, top, right, bottom = fnt.getbbox(m.code)
        w, h, gap = right - left + 4, bottom - top + 4, m.r + 3
        sides = [mk for mk in ms if mk.code == m.code]
        candidates = [(s.x + dx * (gap + w / 2) - w / 2, s.y + dy * (gap + h / 2) - h / 2)
                      for s in sides for dx, dy in ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))]
        rects = [(x, y, x + w, y + h) for x, y in candidates]
        placed[m.code] = min(rects, key=lambda rect: _cost(rect, size, circles, placed.values()))
    return placed


def numbered_chart(atlas: Atlas, view: str, codes: tuple[str, ...], width: int = 900,
                   dots: frozenset[str] = frozenset(), unit: float | None = None) -> tuple[Image.Image, list[Mark], dict[str, Rect]]:
    """The view `width` pixels wide with the points of `codes` as numbered circles in their meridian's colour
    (a red rim for a point traditionally avoided in pregnancy), labelled with their code; the points of
    `dots` as small shapes in their meridian's colour and symbol. `unit` sizes the marks (pixels)."""
    v = atlas.views[view]
    zoom = width / v.size[0]
    image = draw_view(v, max(1, round(zoom)))
    image = image.resize((width, round(v.size[1] * zoom)), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(image)
    unit = unit or image.height / 250  # the sheet prints charts at one height: marks keep one size on paper
    for pos in atlas.positions_in(view):
        if pos.code in dots and pos.code not in codes:
            m = atlas.meridians[atlas.points[pos.code].meridian]
            draw.polygon(polygon(m.symbol, pos.x * zoom, pos.y * zoom, 3 * unit), fill=m.colour, outline="white")
    ms = marks(atlas, view, codes, zoom, 7 * unit)
    number_font, label_font = font(round(8 * unit)), font(round(8 * unit))
    for m in ms:
        point = atlas.points[m.code]
        rim = ImageColor.getrgb(PREGNANCY_RIM) if point.pregnancy else (255, 255, 255)
        draw.ellipse((m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r), fill=atlas.meridians[point.meridian].colour,
                     outline=rim, width=max(2, round(unit)))
        draw.text((m.x, m.y), str(m.number), font=number_font, fill="white", anchor="mm", stroke_width=1,
                  stroke_fill=(0, 0, 0))
    rects = label_rects(ms, image.size, label_font)
    for code, (x0, y0, x1, y1) in rects.items():
        draw.rounded_rectangle((x0, y0, x1, y1), radius=3, fill=(255, 255, 255))
        draw.text(((x0 + x1) / 2, (y0 + y1) / 2), code, font=label_font, fill=INK, anchor="mm")
    return image, ms, rects
