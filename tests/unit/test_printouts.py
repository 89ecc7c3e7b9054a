"""Printouts: the routine sheet (a real PDF read back with pypdf), its charts, the font subset and 'Print this view'."""

from __future__ import annotations

import io
import tomllib
from datetime import date

import pytest
import segno
from PIL import Image
from pypdf import PdfReader

from meridians.card import card_data
from meridians.printouts import charts, fonts, view_png
from meridians.printouts.sheet import qr_png, routine_pdf
from meridians.query import matching
from meridians.url_state import State

DAY = date(2026, 11, 25)
ROUTINE = ("BL23", "BL40", "KI3", "GV3", "LI4", "SP6")
LINK = "https://meridians.example/Routine?routine=BL23,BL40,KI3,GV3,LI4,SP6"


def flat(text: str) -> str:
    """Text without its whitespace: a PDF reader may break lines or add spaces, never drop a letter."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def sheet(atlas):
    return PdfReader(io.BytesIO(routine_pdf(atlas, ROUTINE, 2, DAY, LINK)))


def text_of(reader: PdfReader) -> str:
    return flat("".join(page.extract_text() for page in reader.pages))


def test_every_text_of_every_block_is_in_the_pdf_in_full(atlas, sheet):
    text = text_of(sheet)
    for i, code in enumerate(ROUTINE, 1):
        card = card_data(atlas, code)
        assert flat(f"{i}.{code}·{card['pinyin']}·{card['hanzi']}·{card['english']}") in text, code
        for field in ("how_to_find", "how_to_press", "cautions"):
            assert flat(card[field]) in text, (code, field)
        if card["pregnancy"]:
            assert flat(card["pregnancy"]["note"]) in text, code
    assert any(card_data(atlas, c)["pregnancy"] for c in ROUTINE)  # the pregnancy note is tested above


def test_the_sheet_has_the_hanzi_the_link_date_sources_and_red_flags(atlas, sheet):
    text = text_of(sheet)
    assert atlas.points["BL23"].hanzi in text and flat(LINK) in text and DAY.isoformat() in text
    assert "WHO" in text and "notmedicaladvice" in text and "saddle" in text


def test_a4_by_default_and_us_letter_as_a_choice(atlas, sheet):
    assert [round(float(v)) for v in sheet.pages[0].mediabox[2:]] == [595, 842]
    letter = PdfReader(io.BytesIO(routine_pdf(atlas, ROUTINE, 2, DAY, LINK, paper="Letter")))
    assert [round(float(v)) for v in letter.pages[0].mediabox[2:]] == [612, 792]


def test_the_title_subject_and_keywords_are_set(sheet):
    meta = sheet.metadata
    assert meta.title == "My acupressure routine"
    assert ",".join(ROUTINE) in meta.subject and ",".join(ROUTINE) in meta["/Keywords"]


def test_a_long_routine_flows_onto_more_pages_with_nothing_cut(atlas, sheet):
    long = tuple(sorted(atlas.points, key=lambda c: -len(atlas.points[c].how_to_find))[:15])
    reader = PdfReader(io.BytesIO(routine_pdf(atlas, long, 3, DAY, LINK)))
    assert len(reader.pages) > len(sheet.pages)
    text = text_of(reader)
    assert all(flat(atlas.points[c].how_to_find) in text for c in long)


def test_the_qr_code_holds_the_routine_link():
    qr = segno.make(LINK, error="m")
    image = Image.open(io.BytesIO(qr_png(LINK))).convert("1")
    scale, border = 8, 2
    for row, bits in enumerate(qr.matrix):  # the PNG's modules are exactly segno's matrix for the link
        for col, bit in enumerate(bits):
            pixel = image.getpixel(((col + border) * scale + 4, (row + border) * scale + 4))
            assert (pixel == 0) == bool(bit)


def test_each_point_is_on_a_view_where_it_is_clearest(atlas):
    views = charts.clearest_views(atlas, ("BL23", "KI1", "GV3"))
    assert "lower_back" in views and "sole" in views
    assert not any(atlas.views[v].closeup is False for v in views)
    for code in ("BL23", "KI1", "GV3"):
        assert any(code in {p.code for p in atlas.positions_in(v)} for v in views)


@pytest.mark.parametrize("routine", [ROUTINE, ("BL23", "BL52", "GV4", "BL25", "EX-B2"), ("KI1", "KI3", "SP6", "LR3")])
def test_no_label_covers_a_marker_or_another_label(atlas, routine):
    routine = tuple(c for c in routine if c in atlas.points)
    for view in charts.clearest_views(atlas, routine):
        _, marks, rects = charts.numbered_chart(atlas, view, routine)
        circles = [(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r) for m in marks]
        assert set(rects) == {m.code for m in marks}
        for code, rect in rects.items():
            assert not any(charts.overlaps(rect, c) for c in circles), (view, code)
            assert not any(charts.overlaps(rect, other) for c, other in rects.items() if c != code), (view, code)


def test_the_font_subset_has_every_character_of_the_atlas_names(atlas):
    names = "".join(p.pinyin + p.hanzi + (p.hanzi_simplified or "") + p.english + p.code for p in atlas.points.values())
    names += "".join(m.name + m.pinyin for m in atlas.meridians.values()) + "".join(v.title for v in atlas.views.values())
    for path in (fonts.REGULAR, fonts.BOLD):
        assert fonts.missing(path, names) == "", path


def test_the_font_subset_stays_small():
    assert all(path.stat().st_size < 400_000 for path in (fonts.REGULAR, fonts.BOLD))
    assert (fonts.FONTS_DIR / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") >= 1


def _png(atlas, state):
    shown = matching(atlas, meridians=state.meridians)
    return Image.open(io.BytesIO(view_png.view_png(atlas, state, shown, DAY, "http://x/"))), shown


def test_print_this_view_numbers_only_the_points_the_filters_let_through(atlas):
    state = State(view="posterior", meridians=("BL",), routine=("BL23", "GV3"))
    shown = matching(atlas, meridians=("BL",))
    assert view_png.numbered(atlas, state, shown) == ("BL23",)
    assert view_png.numbered(atlas, State(routine=("BL23", "GV3")), matching(atlas)) == ("BL23", "GV3")


def test_print_this_view_has_a_key_of_the_meridians_drawn(atlas):
    assert view_png.key_rows(atlas, "posterior", matching(atlas, meridians=("BL",))) == ("BL",)
    assert len(view_png.key_rows(atlas, "posterior", matching(atlas))) > 3


def test_print_this_view_differs_with_the_filters(atlas):
    filtered, _ = _png(atlas, State(view="posterior", meridians=("BL",), routine=("BL23", "GV3")))
    everything, _ = _png(atlas, State(view="posterior", routine=("BL23", "GV3")))
    assert filtered.format == "PNG" and round(filtered.info["dpi"][0]) == view_png.DPI
    assert filtered.tobytes() != everything.tobytes() and filtered.height < everything.height  # a shorter key


def test_the_blocks_come_in_the_routines_order(atlas, sheet):
    text = text_of(sheet)
    starts = [text.index(flat(f"{i}.{code}·{atlas.points[code].pinyin}")) for i, code in enumerate(ROUTINE, 1)]
    assert starts == sorted(starts)


def test_every_group_of_red_flags_is_on_the_sheet_with_its_sources(atlas, sheet):
    text = text_of(sheet)
    for group in atlas.safety.red_flags:
        assert flat(group.heading) in text
        assert all(flat(flag.text) in text for flag in group.flags)
        assert all(flat(atlas.safety.sources[s].citation) in text for flag in group.flags for s in flag.sources)


def test_an_empty_routine_is_a_valid_sheet_that_says_so(atlas):
    reader = PdfReader(io.BytesIO(routine_pdf(atlas, (), 2, DAY, "http://x/Routine")))
    assert len(reader.pages) == 1 and "nopointsyet" in text_of(reader)


def test_a_point_with_no_close_up_is_charted_on_a_whole_body_view(atlas):
    closeups = {name for name, view in atlas.views.items() if view.closeup}
    code = next(c for c in ("GB31", "BL36", "LI15") if not any(p.view in closeups for p in atlas.positions
                                                                  if p.code == c))
    views = charts.clearest_views(atlas, (code, "BL23"))
    assert any(code in {p.code for p in atlas.positions_in(v)} for v in views if not atlas.views[v].closeup)
    reader = PdfReader(io.BytesIO(routine_pdf(atlas, (code, "BL23"), 2, DAY, LINK)))
    assert flat(atlas.points[code].how_to_find) in text_of(reader)


def test_the_pages_take_their_hanzi_from_the_shipped_font_too(atlas):
    """A browser with no CJK font (a fresh Linux) showed boxes in the card's names: the theme's font faces
    are the shipped subset, served from app/static/ (static/ is assets/), for the CJK ranges only."""
    config = tomllib.loads((fonts.FONTS_DIR.parents[1] / ".streamlit" / "config.toml").read_text())
    faces = config["theme"]["fontFaces"]
    assert config["theme"]["font"].split(",")[0].strip() == "hanzi"
    assert [f["url"] for f in faces] == [f"app/static/fonts/{fonts.WEB.name}"]
    assert all(f["family"] == "hanzi" and "U+4E00-9FFF" in f["unicodeRange"] for f in faces)
    hanzi = "".join(p.hanzi + (p.hanzi_simplified or "") for p in atlas.points.values())
    assert fonts.missing(fonts.WEB, hanzi) == ""
