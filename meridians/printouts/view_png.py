"""'Print this view': the screen as a print-size PNG, drawn with Pillow.

Pure: atlas and the screen's state in, bytes out. It shows what the screen shows: the view, only the points
the filters let through (as small shapes in their meridian's colour and symbol), the selected point or the
routine numbered, a key of the meridians drawn, the date and the link to the same screen.
"""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageDraw, ImageFont

from meridians.draw.colours import PREGNANCY_RIM
from meridians.draw.shapes import polygon
from meridians.model import Atlas
from meridians.printouts.charts import INK, numbered_chart
from meridians.printouts.fonts import BOLD, REGULAR
from meridians.url_state import State

DPI = 200
MARGIN = 60
GREY = (90, 90, 90)


def numbered(atlas: Atlas, state: State, shown: frozenset[str]) -> tuple[str, ...]:
    """The points numbered on the print: the routine (or the selected point) among those the filters show."""
    return tuple(c for c in state.routine or ((state.point,) if state.point else ()) if c in shown)


def key_rows(atlas: Atlas, view: str, shown: frozenset[str]) -> tuple[str, ...]:
    """The meridians with a point drawn on the print, in the atlas's order."""
    drawn = {atlas.points[p.code].meridian for p in atlas.positions_in(view) if p.code in shown}
    return tuple(m for m in atlas.meridians if m in drawn)


def view_png(atlas: Atlas, state: State, shown: frozenset[str], today: date, link: str) -> bytes:
    codes = numbered(atlas, state, shown)
    chart, _, _ = numbered_chart(atlas, state.view, codes, width=1200, dots=shown, unit=3)
    regular = ImageFont.truetype(str(REGULAR), 26)
    title, small = ImageFont.truetype(str(BOLD), 40), ImageFont.truetype(str(REGULAR), 20)
    meridians = key_rows(atlas, state.view, shown)
    rows = [f"{i}. {c} · {atlas.points[c].pinyin} · {atlas.points[c].hanzi} · {atlas.points[c].english}"
            for i, c in enumerate(codes, 1)]
    line = 38
    key_h = line * ((len(meridians) + 1) // 2 + len(rows) + 2)
    page = Image.new("RGB", (chart.width + 2 * MARGIN, MARGIN + 60 + chart.height + 30 + key_h + 90 + MARGIN), "white")
    draw = ImageDraw.Draw(page)
    draw.text((MARGIN, MARGIN), f"Acupressure chart: {atlas.views[state.view].title}", font=title, fill=INK)
    page.paste(chart, (MARGIN, MARGIN + 60))
    y = MARGIN + 60 + chart.height + 30
    for i, m in enumerate(meridians):  # the key: each meridian's shape and colour, in two columns
        meridian = atlas.meridians[m]
        x = MARGIN + (i % 2) * chart.width // 2
        yy = y + (i // 2) * line
        draw.polygon(polygon(meridian.symbol, x + 12, yy + 15, 11), fill=meridian.colour, outline="white")
        draw.text((x + 34, yy), f"{meridian.name} ({m})", font=regular, fill=INK)
    y += line * ((len(meridians) + 1) // 2) + 10
    for row in rows:
        draw.text((MARGIN, y), row, font=regular, fill=INK)
        y += line
    notes = [f"{len(shown & {p.code for p in atlas.positions_in(state.view)})} points match the filters."]
    if any(atlas.points[c].pregnancy for c in codes):
        notes.append("A red rim marks a point traditionally avoided in pregnancy.")
    draw.text((MARGIN, y), " ".join(notes), font=regular, fill=PREGNANCY_RIM if len(notes) > 1 else INK)
    y += line + 10
    for text in (f"Printed {today.isoformat()}. Information, not medical advice. Same screen: {link}",
                 "Meridian Chart Explorer · point locations after WHO 2008 · data CC BY 4.0"):
        draw.text((MARGIN, y), text, font=small, fill=GREY)
        y += 30
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(DPI, DPI), optimize=True)
    return out.getvalue()
