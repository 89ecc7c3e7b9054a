"""Chart images drawn from the body model with Pillow (`python -m meridians render`)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from meridians.body import mirror_cue_points, smooth
from meridians.model import View
from meridians.printouts.fonts import REGULAR

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
SCALE = 4  # supersampling factor: draw large, shrink, and edges come out smooth
BACKGROUND = (250, 248, 244)
SKIN = (238, 216, 198)
EDGE = (176, 140, 118)
CUE = (196, 160, 138)
LABEL = (150, 130, 118)
ICON = "icon.png"
PREVIEW_TEXT = 12  # px, the preview's labels
LABELLED_LEVELS = ("C7", "T3", "T7", "T12", "L1", "L2", "L3", "L4", "L5", "S2")


STATIC_URL = "app/static/"  # where Streamlit serves assets/ (static/ links to it; .streamlit/config.toml)


def image_name(view: str) -> str:
    return f"{view}.png"


def served_image(view: str) -> str:
    """The view's chart image as the app's pages refer to it: served once as a static file, not per click."""
    return STATIC_URL + image_name(view)


def _scaled(points, k: float):
    return [(x * k, y * k) for x, y in points]


def draw_view(view: View, zoom: int = 1) -> Image.Image:
    """The chart image of one view, anti-aliased; `zoom` times its size for print."""
    w, h = view.size
    k = max(1, SCALE // zoom) * zoom  # drawing scale: supersampled, less so when the image is already large
    big = Image.new("RGB", (w * k, h * k), BACKGROUND)
    draw = ImageDraw.Draw(big)
    for shape in view.outlines:
        pts = _scaled(shape, k)
        draw.polygon(pts, fill=SKIN)
        draw.line(pts + pts[:1], fill=EDGE, width=2 * k, joint="curve")
    font = ImageFont.load_default(size=9 * k)
    for cue in view.cues:
        for pts in mirror_cue_points(cue, view):
            if cue.kind == "line":
                draw.line(_scaled(smooth(list(pts), closed=False), k), fill=CUE, width=int(1.2 * k), joint="curve")
            elif cue.kind in ("dot", "ring"):
                (x, y), r = pts[0], 3 * k
                box = (x * k - r, y * k - r, x * k + r, y * k + r)
                draw.ellipse(box, fill=None if cue.kind == "ring" else CUE, outline=CUE, width=k)
            elif cue.kind == "spine":
                levels = [view.landmarks[v].xy for v in view.vertebrae]
                draw.line(_scaled(levels, k), fill=CUE, width=k)
                for name in view.vertebrae:
                    x, y = view.landmarks[name].xy
                    draw.line([((x - 4) * k, y * k), ((x + 4) * k, y * k)], fill=CUE, width=k)
                    if name in LABELLED_LEVELS:
                        draw.text(((x + 7) * k, y * k), name, fill=LABEL, font=font, anchor="lm")
    return big.resize((w * zoom, h * zoom), Image.Resampling.LANCZOS)


def draw_icon(size: int = 64) -> Image.Image:
    """The page icon: a point on skin, served from the app itself rather than an icon font host."""
    big = Image.new("RGBA", (size * SCALE, size * SCALE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    s = size * SCALE
    draw.ellipse((0, 0, s - 1, s - 1), fill=SKIN, outline=EDGE, width=3 * SCALE)
    draw.ellipse((s * 0.32, s * 0.32, s * 0.68, s * 0.68), fill=(0, 114, 178), outline="white", width=2 * SCALE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def draw_preview(view: View, positions, colours: dict[str, str], labels: dict[str, str] | None = None) -> Image.Image:
    """A view with every placed point labelled: for checking placement by eye while authoring. `colours` gives
    each point code its meridian's colour, `labels` the text beside it (its code and hanzi; the code alone
    if none). Drawn in the shipped font subset, so hanzi show on any host, with or without a CJK font."""
    image = draw_view(view).resize((view.size[0] * 2, view.size[1] * 2), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(REGULAR), PREVIEW_TEXT)
    labels = labels or {}
    for pos in positions:
        x, y = pos.x * 2, pos.y * 2
        colour = colours.get(pos.code, "#000000")
        draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=colour, outline="white")
        draw.text((x + 6, y), labels.get(pos.code, pos.code), fill="black", font=font, anchor="lm")
    return image


def render_all(views, out_dir: Path = ASSETS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    draw_icon().save(out_dir / ICON, optimize=True)
    written = [out_dir / ICON]
    for view in views:
        path = out_dir / image_name(view.name)
        draw_view(view).save(path, optimize=True)
        written.append(path)
    return written
