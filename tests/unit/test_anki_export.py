"""The Anki package of a deck opens as Anki reads it: a zip with an SQLite collection of a note per point, each
with the point's names, location, how-to-find text and its cropped view."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

from PIL import Image

from meridians.export.anki import FIELDS, IMAGE_PX, RING, package
from meridians.learn.decks import deck_points, drill_view


def _notes(data: bytes, tmp_path):
    z = zipfile.ZipFile(io.BytesIO(data))
    db = tmp_path / "collection.anki2"
    db.write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select flds, sfld from notes").fetchall()
    media = json.loads(z.read("media"))
    return [r[0].split("\x1f") for r in rows], {name: z.read(i) for i, name in media.items()}


def test_the_package_holds_a_note_per_point_with_its_fields_and_image(atlas, tmp_path):
    codes = deck_points(atlas, "trial-cherkin2009")
    data = package(atlas, "Cherkin 2009", codes, {c: drill_view(atlas, c) for c in codes})
    notes, media = _notes(data, tmp_path)
    assert len(notes) == len(codes) == 4
    by_code = {n[FIELDS.index("Code")]: n for n in notes}
    assert set(by_code) == set(codes)
    bl23 = by_code["BL23"]
    point = atlas.points["BL23"]
    assert point.pinyin in bl23[FIELDS.index("Names")] and point.english in bl23[FIELDS.index("Names")]
    assert bl23[FIELDS.index("Location")].startswith(point.location[:20].replace("'", "&#x27;"))
    assert bl23[FIELDS.index("HowToFind")]
    assert bl23[FIELDS.index("Image")] == '<img src="meridians-BL23.png">'
    image = Image.open(io.BytesIO(media["meridians-BL23.png"]))
    assert image.size == (IMAGE_PX, IMAGE_PX)
    ringed = sum(1 for px in image.convert("RGB").get_flattened_data() if px == RING)
    assert ringed > 2 * 100  # both sides of BL23 ringed: each ring about 250 pixels of its colour


def test_a_package_made_again_updates_the_same_notes(atlas, tmp_path):
    codes = ("LI4",)
    views = {"LI4": drill_view(atlas, "LI4")}
    guids = []
    for i in range(2):
        (tmp_path / str(i)).mkdir()
        z = zipfile.ZipFile(io.BytesIO(package(atlas, "LI", codes, views)))
        db = tmp_path / str(i) / "c.anki2"
        db.write_bytes(z.read("collection.anki2"))
        with sqlite3.connect(db) as conn:
            guids.append(conn.execute("select guid from notes").fetchall())
    assert guids[0] == guids[1]
