"""Printouts: the view PNG at print size with numbered points, and the routine on one A4 PDF page."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image, ImageColor

from meridians.draw import printouts as printing
from meridians.draw.printouts import MARGIN, ZOOM, routine_pdf, view_png
from meridians.routine import MAX_POINTS

DAY = date(2026, 11, 25)


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_the_view_png_is_twice_the_screen_image_with_print_resolution(atlas):
    image = png(view_png(atlas, "posterior", ("BL23",), DAY))
    assert image.format == "PNG"
    assert image.width == 600 * ZOOM + 2 * MARGIN and image.height > 1200 * ZOOM
    assert round(image.info["dpi"][0]) == printing.PNG_DPI


def test_numbered_points_are_drawn_in_their_meridian_colour_where_the_atlas_puts_them(atlas):
    codes = ("BL40", "KI3")
    chart = printing.numbered_chart(atlas, "posterior", codes)
    plain = printing.numbered_chart(atlas, "posterior", ())
    for code in codes:
        colour = ImageColor.getrgb(atlas.meridians[atlas.points[code].meridian].colour)
        for pos in atlas.positions_of(code):
            if pos.view != "posterior":
                continue
            # beside the number, inside the circle: the meridian colour, where the plain chart has only a small dot
            x, y = round(pos.x * ZOOM) - 12, round(pos.y * ZOOM)
            assert max(abs(a - b) for a, b in zip(chart.getpixel((x, y)), colour, strict=True)) < 40, (code, pos.side)
            assert plain.getpixel((x, y)) != chart.getpixel((x, y))


def test_the_legend_names_points_in_routine_order_and_those_not_on_the_view(atlas):
    rows = printing._legend(atlas, "posterior", ("KI3", "EX-HN3"))
    assert rows[0].startswith("1. KI3 · ") and rows[1].startswith("2. EX-HN3 · ")
    assert "not on this view" in rows[1] and "not on this view" not in rows[0]


def test_the_routine_pdf_is_one_a4_page_with_the_codes_in_its_metadata(atlas, read_pdf):
    facts = read_pdf(routine_pdf(atlas, ("BL23", "BL40", "KI3", "GV3"), 2, DAY))
    assert facts["pages"] == 1
    assert facts["size"] == pytest.approx((595.2, 841.9), abs=0.1)  # A4 in points
    assert facts["Keywords"] == "BL23,BL40,KI3,GV3"
    assert "BL23,BL40,KI3,GV3" in facts["Subject"]


def test_the_twenty_wordiest_points_still_fit_one_page(atlas, read_pdf):
    def words(code):
        p = atlas.points[code]
        return len(p.how_to_find + p.how_to_press + p.cautions + (p.pregnancy.note if p.pregnancy else ""))

    wordiest = tuple(sorted(atlas.points, key=words, reverse=True)[:MAX_POINTS])
    assert read_pdf(routine_pdf(atlas, wordiest, 3, DAY))["pages"] == 1  # raises if the text cannot fit


def test_short_routines_print_every_word(atlas):
    blocks = printing._point_blocks(atlas, ("BL23", "LI4"))
    layout = next(layout for layout in printing.LAYOUTS if printing._columns_fitting(blocks, layout, (1120, 700)))
    assert layout.max_lines is None
    assert any(text.startswith("Pregnancy: traditionally avoided.") for text, _ in blocks[1])


def test_long_paragraphs_are_cut_with_an_ellipsis_that_fits():
    fnt = printing.font(14)
    lines = printing.wrap("word " * 200, fnt, 300)
    cut = printing._cut(lines, 2, fnt, 300)
    assert len(cut) == 2 and cut[-1].endswith(" …") and fnt.getlength(cut[-1]) <= 300


def test_without_a_system_font_pillows_own_is_used(atlas, monkeypatch, read_pdf):
    monkeypatch.setattr(printing, "FONT_FILES", {False: "no-such-font.ttf", True: "no-such-font.ttf"})
    assert read_pdf(routine_pdf(atlas, ("BL23",), 1, DAY))["pages"] == 1
    assert png(view_png(atlas, "lower_back", ("BL23",), DAY)).width == 720 * ZOOM + 2 * MARGIN
