"""Every point with its chart positions, as JSON or CSV, for use outside the app."""

from __future__ import annotations

import csv
import io
import json

from meridians.model import Atlas

CSV_FIELDS = ("code", "meridian", "pinyin", "hanzi", "english", "region", "mechanisms", "studies", "pregnancy_caution",
              "view", "side", "x", "y", "image_width", "image_height")


def records(atlas: Atlas) -> list[dict]:
    out = []
    for p in atlas.points.values():
        out.append({
            "code": p.code, "meridian": p.meridian, "pinyin": p.pinyin, "hanzi": p.hanzi, "english": p.english,
            "region": p.region, "mechanisms": list(p.mechanisms),
            "studies": [s.id for s in atlas.studies_of(p.code)], "pregnancy_caution": p.pregnancy is not None,
            "positions": [
                {"view": pos.view, "side": pos.side, "x": round(pos.x, 2), "y": round(pos.y, 2),
                 "image_width": atlas.views[pos.view].size[0], "image_height": atlas.views[pos.view].size[1]}
                for pos in atlas.positions_of(p.code)
            ],
        })
    return out


def to_json(atlas: Atlas) -> str:
    views = {name: {"title": v.title, "image_width": v.size[0], "image_height": v.size[1]} for name, v in atlas.views.items()}
    return json.dumps({"views": views, "points": records(atlas)}, ensure_ascii=False, indent=2)


def to_csv(atlas: Atlas) -> str:
    """One row per drawn position; list fields are joined with ';'."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for rec in records(atlas):
        base = {k: (";".join(v) if isinstance(v, list) else v) for k, v in rec.items() if k != "positions"}
        for pos in rec["positions"]:
            writer.writerow({**base, **pos})
    return buf.getvalue()
