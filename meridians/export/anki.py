"""A deck of points as an Anki package (genanki): each note the point's names, where it is and how to find it,
and its view cropped around it with the point ringed. The package is a zip with an SQLite collection inside."""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki
from PIL import Image, ImageDraw

from meridians.draw.body_images import draw_view
from meridians.model import Atlas

FIELDS = ("Code", "Names", "Location", "HowToFind", "Image")
CROP = 0.55  # the crop's side, as a share of the view's shorter side
IMAGE_PX = 480  # the crop's side in the package
RING = (198, 40, 40)
MODEL_ID = 1_607_392_018  # fixed: a package made again updates the notes it made before
_CSS = ".card { font-family: sans-serif; font-size: 18px; text-align: left; } img { max-width: 100%; }"
MODEL = genanki.Model(
    MODEL_ID, "Meridian Chart Explorer point", fields=[{"name": f} for f in FIELDS],
    templates=[{"name": "Where is it?",
                "qfmt": "<h2>{{Code}}</h2><p>{{Names}}</p><p>Where is it, and how do you find it?</p>",
                "afmt": "{{FrontSide}}<hr id=answer>{{Image}}<p><b>Where:</b> {{Location}}</p>"
                        "<p><b>How to find it:</b> {{HowToFind}}</p>"}],
    css=_CSS)


def _id(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def crop(atlas: Atlas, view: str, code: str, image: Image.Image) -> Image.Image:
    """The view's image (`image`, drawn at any zoom) cropped around the point, each side ringed and its guide from
    the landmark drawn."""
    v = atlas.views[view]
    k = image.width / v.size[0]
    here = [p for p in atlas.positions_in(view) if p.code == code]
    side = CROP * min(v.size) * k
    cx, cy = here[0].x * k, here[0].y * k
    left = min(max(0.0, cx - side / 2), image.width - side)
    top = min(max(0.0, cy - side / 2), image.height - side)
    out = image.crop((round(left), round(top), round(left + side), round(top + side))).convert("RGB")
    out = out.resize((IMAGE_PX, IMAGE_PX), Image.Resampling.LANCZOS)
    draw, f = ImageDraw.Draw(out), IMAGE_PX / side  # drawn at the package's size: the same ring on every view
    for p in here:
        x, y, ax, ay = ((p.x * k - left) * f, (p.y * k - top) * f, (p.anchor[0] * k - left) * f,
                        (p.anchor[1] * k - top) * f)
        if (ax, ay) != (x, y):
            draw.line([(ax, ay), (x, y)], fill=(60, 60, 60), width=2)
        draw.ellipse((x - 11, y - 11, x + 11, y + 11), outline=RING, width=4)
    return out


def package(atlas: Atlas, title: str, codes: tuple[str, ...], views: dict[str, str]) -> bytes:
    """The Anki package of a deck: a note per point of `codes`, each with its view of `views` (code -> view)."""
    deck = genanki.Deck(_id(title), f"Meridian Chart Explorer::{title}")
    images: dict[str, Image.Image] = {}
    with tempfile.TemporaryDirectory() as tmp:
        media = []
        for code in codes:
            point, view = atlas.points[code], views[code]
            if view not in images:
                images[view] = draw_view(atlas.views[view], zoom=2)
            name = f"meridians-{code}.png"
            crop(atlas, view, code, images[view]).save(Path(tmp) / name)
            media.append(str(Path(tmp) / name))
            names = " · ".join(html.escape(n) for n in (point.pinyin, point.hanzi, point.english))
            deck.add_note(genanki.Note(MODEL, [html.escape(code), names, html.escape(point.location),
                                               html.escape(point.how_to_find), f'<img src="{name}">'],
                                       guid=genanki.guid_for("meridian-chart-explorer", code), sort_field=code))
        return _written(genanki.Package(deck, media_files=media), Path(tmp))


def _written(pkg: genanki.Package, tmp: Path) -> bytes:
    """genanki's `write_to_file`, writing its SQLite collection in our temporary folder (genanki's own leaves
    the file behind) and the zip in memory."""
    db = tmp / "collection.anki2"
    conn = sqlite3.connect(db)
    now = time.time()
    pkg.write_to_db(conn.cursor(), now, itertools.count(int(now * 1000)))
    conn.commit()
    conn.close()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(db, "collection.anki2")
        z.writestr("media", json.dumps({str(i): Path(p).name for i, p in enumerate(pkg.media_files)}))
        for i, p in enumerate(pkg.media_files):
            z.write(p, str(i))
    return out.getvalue()
