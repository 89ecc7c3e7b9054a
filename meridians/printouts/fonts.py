"""The font every printout draws with: a subset of Noto Sans CJK (SIL OFL 1.1) shipped in assets/fonts/.

A host may have no CJK font (Streamlit Community Cloud, a fresh Debian), so the printouts never ask the
system: `python -m meridians font --from NotoSansCJK-Regular.ttc` makes the subset from the full font,
keeping only Latin and the characters the data uses.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset as ft_subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

from meridians import safety
from meridians.load import DATA_DIR

FONTS_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = FONTS_DIR / "NotoSansCJK-Subset-Regular.ttf"
BOLD = FONTS_DIR / "NotoSansCJK-Subset-Bold.ttf"
# The pages' hanzi (.streamlit/config.toml): the regular subset as WOFF2, a quarter of the two TrueType files,
# because a phone on a slow link downloads it with the first card (browsers draw its bold themselves).
WEB = FONTS_DIR / "NotoSansCJK-Subset-Regular.woff2"
FACE = "Noto Sans CJK TC"  # the atlas's hanzi are the traditional forms; the face holds the simplified too
LATIN = "".join(map(chr, range(0x20, 0x7F))) + "".join(map(chr, range(0xA0, 0x100))) + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ–—‘’“”•…→"


def characters(data_dir: Path = DATA_DIR) -> str:
    """Every character a printout may draw: Latin, and all the text of the data files and the safety lines."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(data_dir.rglob("*.yaml")))
    text += "".join(v if isinstance(v, str) else "".join(v) for v in vars(safety).values()
                    if isinstance(v, str | tuple))
    return "".join(sorted(set(LATIN + text) - set("\n\r\t")))


def _face(source: Path, name: str) -> TTFont:
    if source.suffix.lower() not in (".ttc", ".otc"):
        return TTFont(source)
    for font in TTCollection(source).fonts:
        if font["name"].getDebugName(1) == name:
            return font
    raise ValueError(f"{source} holds no face named {name!r}")


def _to_truetype(font: TTFont) -> None:
    """CFF outlines as TrueType quadratics: PDF readers (pypdf among them) measure a TrueType font's text
    right, and so copy and search it word for word."""
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints", "maxContours",
                  "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat, font["head"].indexToLocFormat = 0, 0
    font.sfntVersion = "\x00\x01\x00\x00"


def make_subset(source: Path, out: Path, text: str, face: str = FACE) -> Path:
    """The face of `source` cut down to the glyphs of `text`, written to `out` (the same input, the same file)."""
    font = _face(source, face)
    options = ft_subset.Options()
    options.layout_features = ["kern", "liga", "ccmp", "locl"]
    options.name_IDs = ["*"]  # keep the copyright and licence names
    options.notdef_outline = True
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    _to_truetype(font)
    font.recalcTimestamp = False  # no build time in the file: the same input makes the same file
    font["head"].modified = font["head"].created
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    return out


def make_web_font(ttf: Path, out: Path) -> Path:
    """`ttf` as WOFF2 (fontTools compresses it with brotli, in requirements-dev.txt)."""
    font = TTFont(ttf, recalcTimestamp=False)  # the same input, the same file
    font.flavor = "woff2"
    font.save(out)
    return out


def missing(path: Path, text: str) -> str:
    """The characters of `text` the font at `path` has no glyph for."""
    cmap = TTFont(path)["cmap"].getBestCmap()
    return "".join(sorted({c for c in text if ord(c) not in cmap and not c.isspace()}))
