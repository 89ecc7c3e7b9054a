"""A point's card as plain data (JSON-ready), for notebooks and printouts; the app draws its own card."""

from __future__ import annotations

from meridians.model import CERTAINTY_LABELS, DESIGN_LABELS, LOCATION_STATUS, MECHANISM_KINDS, Atlas, Point
from meridians.safety import EVERY_POINT, NOT_ON_PREGNANCY_LISTS, PRESSURE_LIMIT

# One line for a lay reader, wherever a card measures in cun (WHO 2008's proportional "B-cun" and finger cun).
CUN = ("A cun (B-cun) is a body inch measured on the person's own body, so it fits their size: about the width "
       "of their thumb. 1.5 cun is two fingers (index and middle) side by side; 3 cun is four fingers.")


def uses_cun(text: str) -> bool:
    return "cun" in text.casefold()


def location_line(point: Point) -> str:
    """How settled the location is, in one line (the About page says how precise any location can be)."""
    status = point.location_status
    return f"Location: {LOCATION_STATUS[status.kind]}" + (f". {status.note}" if status.note else ".")


def card_data(atlas: Atlas, code: str) -> dict:
    """Everything the card says about a point: its fields, where it is drawn, what might explain an
    effect, and the studies that used it with how sure they are and how long the effect lasted."""
    p = atlas.points[code]
    meridian = atlas.meridians[p.meridian]
    return {
        "code": p.code, "pinyin": p.pinyin, "hanzi": p.hanzi, "hanzi_simplified": p.hanzi_simplified,
        "english": p.english, "meridian": {"id": meridian.id, "name": meridian.name},
        "region": {"id": p.region, "name": atlas.regions[p.region].name}, "bilateral": p.bilateral,
        "location": p.location, "how_to_find": p.how_to_find, "how_to_press": p.how_to_press,
        "location_status": {"kind": p.location_status.kind, "line": location_line(p)},
        "pressure_limit": PRESSURE_LIMIT, "cautions": p.cautions, "every_point": EVERY_POINT,
        "traditional_use": p.traditional_use,
        "pregnancy": {"note": p.pregnancy.note, "source": p.pregnancy.source} if p.pregnancy else None,
        "pregnancy_line": None if p.pregnancy else NOT_ON_PREGNANCY_LISTS,
        "positions": [
            {"view": pos.view, "side": pos.side, "x": round(pos.x, 2), "y": round(pos.y, 2), "guide": pos.guide}
            for pos in atlas.positions_of(code)
        ],
        "mechanisms": [
            {"id": m.id, "name": m.name, "kind": MECHANISM_KINDS[m.kind], "verdict": m.verdict,
             "certainty": CERTAINTY_LABELS[m.certainty]}
            for m in (atlas.mechanisms[mid] for mid in p.mechanisms)
        ],
        "studies": [
            {"id": s.id, "short": s.short, "title": s.title, "citation": s.citation, "design": DESIGN_LABELS[s.design],
             "certainty": CERTAINTY_LABELS[s.certainty], "follow_up": s.follow_up, "effect": s.effect,
             "doi": s.doi, "pmid": s.pmid}
            for s in atlas.studies_of(code)
        ],
    }
