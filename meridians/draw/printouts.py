"""Printable charts, drawn with Pillow: a view as a PNG at print size, and a routine as a one-page PDF.

Pure: atlas in, bytes out. Text is pinyin and English (no hanzi), so no CJK font is ever needed; the
DejaVu font is used where the system has it, else Pillow's own.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from PIL import Image, ImageColor, ImageDraw, ImageFont

from meridians.draw.body_images import draw_view
from meridians.draw.colours import PREGNANCY_RIM
from meridians.model import Atlas
from meridians.routine import best_views
from meridians.safety import EVERY_POINT, NOT_ADVICE, PRESSURE_LIMIT

ZOOM = 2  # the view image at twice its screen size: 1200 x 2400 for the whole body
PNG_DPI = 200  # so the whole-body chart prints about 15 cm wide
A4 = (1240, 1754)  # A4 at 150 dpi
PDF_DPI = 150
MARGIN = 60
INK = (30, 30, 30)
GREY = (100, 100, 100)
SOURCE = "Meridian Chart Explorer · data CC BY 4.0 · point locations after WHO 2008"
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (Latin with tone marks) when installed, else Pillow's built-in font at the same size."""
    try:
        return ImageFont.truetype(FONT_FILES[bold], size)
    except OSError:
        return ImageFont.load_default(size=size)


def wrap(text: str, fnt, width: float) -> list[str]:
    """Lines of `text` no wider than `width` pixels, broken between words (a too-long word stands alone)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and fnt.getlength(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines


def _line_height(fnt) -> int:
    top, bottom = fnt.getbbox("Ágy")[1::2]
    return round((bottom - top) * 1.3)


def numbered_chart(atlas: Atlas, view: str, codes: tuple[str, ...], zoom: int = ZOOM, mark: float = 1) -> Image.Image:
    """The view's body image with every point as a small dot in its meridian's colour, and the points of
    `codes` as numbered circles (their place in `codes`, from 1) labelled with their code; `mark` enlarges
    the circles and labels of a chart that will be printed small."""
    image = draw_view(atlas.views[view], zoom)
    draw = ImageDraw.Draw(image)
    dot = 3 * zoom
    for pos in atlas.positions_in(view):
        if pos.code not in codes:
            colour = atlas.meridians[atlas.points[pos.code].meridian].colour
            draw.ellipse((pos.x * zoom - dot, pos.y * zoom - dot, pos.x * zoom + dot, pos.y * zoom + dot), fill=colour)
    r = round(9 * zoom * mark)
    number_font, label_font = font(round(11 * zoom * mark), bold=True), font(round(10 * zoom * mark), bold=True)
    labelled: set[str] = set()
    for pos in atlas.positions_in(view):
        if pos.code not in codes:
            continue
        point = atlas.points[pos.code]
        x, y = pos.x * zoom, pos.y * zoom
        rim = ImageColor.getrgb(PREGNANCY_RIM) if point.pregnancy else (255, 255, 255)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=atlas.meridians[point.meridian].colour, outline=rim, width=zoom * 2)
        draw.text((x, y), str(codes.index(pos.code) + 1), font=number_font, fill="white", anchor="mm",
                  stroke_width=1, stroke_fill=(0, 0, 0))
        if pos.code not in labelled:  # a bilateral point is numbered on both sides, named once
            labelled.add(pos.code)
            right = x + r + 4 * zoom + label_font.getlength(pos.code) < image.width
            draw.text((x + r + 3 * zoom, y) if right else (x - r - 3 * zoom, y), pos.code, font=label_font, fill=INK,
                      anchor="lm" if right else "rm", stroke_width=2 * zoom, stroke_fill=(255, 255, 255))
    return image


def _legend(atlas: Atlas, view: str, codes: tuple[str, ...]) -> list[str]:
    drawn = {p.code for p in atlas.positions_in(view)}
    rows = []
    for i, code in enumerate(codes, 1):
        p = atlas.points[code]
        where = "" if code in drawn else " (not on this view)"
        caution = " · traditionally avoided in pregnancy" if p.pregnancy else ""
        rows.append(f"{i}. {code} · {p.pinyin} · {p.english}{where}{caution}")
    return rows


def view_png(atlas: Atlas, view: str, codes: tuple[str, ...], today: date) -> bytes:
    """The current view for print: the chart with `codes` numbered, a legend, the source and the date."""
    chart = numbered_chart(atlas, view, codes)
    width = chart.width + 2 * MARGIN
    title_font, body_font, small_font = font(40, bold=True), font(26), font(20)
    legend = [line for row in _legend(atlas, view, codes) for line in wrap(row, body_font, chart.width)]
    if not codes:
        legend = ["No point chosen: every point of the view is a dot in its meridian's colour."]
    if any(atlas.points[c].pregnancy for c in codes):
        legend.append("A red rim marks a point traditionally avoided in pregnancy.")
    footer = [SOURCE, f"Printed {today.isoformat()}. Information, not medical advice."]
    title_h, body_h, small_h = _line_height(title_font), _line_height(body_font), _line_height(small_font)
    height = MARGIN + title_h + 20 + chart.height + 30 + body_h * len(legend) + 20 + small_h * len(footer) + MARGIN
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    y = MARGIN
    draw.text((MARGIN, y), f"Acupressure chart: {atlas.views[view].title}", font=title_font, fill=INK)
    y += title_h + 20
    page.paste(chart, (MARGIN, y))
    y += chart.height + 30
    for line in legend:
        draw.text((MARGIN, y), line, font=body_font, fill=INK)
        y += body_h
    y += 20
    for line in footer:
        draw.text((MARGIN, y), line, font=small_font, fill=GREY)
        y += small_h
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI), optimize=True)
    return out.getvalue()


def _point_blocks(atlas: Atlas, routine: tuple[str, ...]) -> list[list[tuple[str, bool]]]:
    """Each point's text as (paragraph, is heading) pairs, in routine order."""
    blocks = []
    for i, code in enumerate(routine, 1):
        p = atlas.points[code]
        block = [(f"{i}. {code} · {p.pinyin} · {p.english}", True), (f"Find: {p.how_to_find}", False),
                 (f"Press: {p.how_to_press}", False), (f"Cautions: {p.cautions}", False)]
        if p.pregnancy:
            block.append((f"Pregnancy: traditionally avoided. {p.pregnancy.note}", False))
        blocks.append(block)
    return blocks


@dataclass(frozen=True)
class Layout:
    """How the routine's text is set: columns, font size, lines kept per paragraph, and the height of the
    charts above the text when there are two (a single chart stands beside the text instead)."""

    chart_h: int
    columns: int
    size: int
    max_lines: int | None = None  # None: every line; else the rest of a paragraph is cut to "…"


# Most readable first: a large chart and whole paragraphs, then smaller type, then cut paragraphs.
LAYOUTS = tuple(
    [Layout(700, c, s) for c, s in ((1, 24), (1, 21), (1, 18), (2, 18), (2, 16), (2, 14))]
    + [Layout(480, c, s) for c, s in ((2, 16), (2, 14), (3, 14), (3, 13))]
    + [Layout(480, 3, 13, n) for n in (4, 3, 2, 1)]
)
COLUMN_GAP = 30
SIDE_CHART_W = 380  # a single whole-body chart beside the text: 380 x 760 pixels


def _cut(lines: list[str], most: int, fnt, width: float) -> list[str]:
    """At most `most` lines, the last ending in "…" when text was left out."""
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    while last and fnt.getlength(last + " …") > width:
        last = last.rpartition(" ")[0]
    return lines[: most - 1] + [f"{last} …".lstrip()]


def _columns_fitting(blocks, layout: Layout, box: tuple[int, int]):
    """The text's lines per column in `layout`, or None if they do not fit the box (width, height)."""
    width, height = box
    col_w = (width - COLUMN_GAP * (layout.columns - 1)) / layout.columns
    regular, bold = font(layout.size), font(layout.size, bold=True)
    line_h = _line_height(regular)
    cols: list[list[tuple[str, bool]]] = [[]]
    for block in blocks:
        lines = []
        for text, heading in block:
            fnt = bold if heading else regular
            wrapped = wrap(text, fnt, col_w)
            if layout.max_lines:
                wrapped = _cut(wrapped, layout.max_lines, fnt, col_w)
            lines += [(line, heading) for line in wrapped]
        lines.append(("", False))
        if (len(cols[-1]) + len(lines)) * line_h > height:  # a point's text is never split between columns
            if len(cols) == layout.columns or not cols[-1]:
                return None
            cols.append([])
        cols[-1].extend(lines)
    return cols, regular, bold, line_h, col_w + COLUMN_GAP


def routine_pdf(atlas: Atlas, routine: tuple[str, ...], minutes: int, today: date) -> bytes:
    """One A4 page: the chart with the routine's points numbered, then how to find, press and take care
    with each. The codes are in the PDF's keywords and subject, in order."""
    page = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(page)
    width = A4[0] - 2 * MARGIN
    title_font, sub_font, small_font = font(40, bold=True), font(22), font(17)
    y = MARGIN
    draw.text((MARGIN, y), "My acupressure routine", font=title_font, fill=INK)
    y += _line_height(title_font)
    plan = (f"{len(routine)} points, in this order. Press each for {minutes} minute{'s' * (minutes > 1)} "
            f"with steady, comfortable pressure; both sides for paired points. {PRESSURE_LIMIT} {EVERY_POINT}")
    for line in wrap(plan, sub_font, width):
        draw.text((MARGIN, y), line, font=sub_font, fill=GREY)
        y += _line_height(sub_font)
    y += 10

    footer = wrap(NOT_ADVICE, small_font, width) + [f"{SOURCE} · printed {today.isoformat()}"]
    footer_h = _line_height(small_font) * len(footer)
    bottom = A4[1] - MARGIN - footer_h - 20
    views = best_views(atlas, routine)
    blocks = _point_blocks(atlas, routine)
    for layout in LAYOUTS:
        if len(views) == 1:  # a tall chart at the left, the text beside it
            chart_box = (SIDE_CHART_W, bottom - y)
            text_at = (MARGIN + SIDE_CHART_W + COLUMN_GAP, y)
        else:  # two charts side by side, the text below them
            chart_box = (width, layout.chart_h if views else 0)
            text_at = (MARGIN, y + chart_box[1] + 20 * bool(views))
        if fitted := _columns_fitting(blocks, layout, (A4[0] - MARGIN - text_at[0], bottom - text_at[1])):
            break
    else:
        raise ValueError(f"the text of {len(routine)} points does not fit one page")
    x = MARGIN
    for view in views:
        w, h = atlas.views[view].size
        scale = min(chart_box[1] / h, (chart_box[0] - 20 * (len(views) - 1)) / len(views) / w)
        chart = numbered_chart(atlas, view, routine, zoom=1, mark=max(1.0, 0.8 / scale))  # marks stay legible when shrunk
        chart = chart.resize((round(w * scale), round(h * scale)), Image.Resampling.LANCZOS)
        page.paste(chart, (x, y))
        x += chart.width + 20
    cols, regular, bold, line_h, step = fitted
    for c, lines in enumerate(cols):
        for i, (line, heading) in enumerate(lines):
            draw.text((text_at[0] + c * step, text_at[1] + i * line_h), line, font=bold if heading else regular,
                      fill=INK)
    y = A4[1] - MARGIN - footer_h
    for line in footer:
        draw.text((MARGIN, y), line, font=small_font, fill=GREY)
        y += _line_height(small_font)

    out = io.BytesIO()
    codes = ",".join(routine)
    page.save(out, format="PDF", resolution=PDF_DPI, quality=92, title="My acupressure routine",
              subject=f"Acupressure routine: {codes}", keywords=codes, author="Meridian Chart Explorer",
              creator="Meridian Chart Explorer")
    return out.getvalue()
