"""A point's card as plain data (JSON-ready), for notebooks and printouts; the app draws its own card."""

from __future__ import annotations

from meridians.model import CERTAINTY_LABELS, DESIGN_LABELS, LOCATION_STATUS, MECHANISM_KINDS, Atlas, Point, Study
from meridians.research import NO_TRIALS, AtPoint, at_point
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


def in_general(found: AtPoint, code: str) -> str | None:
    """Said under a verdict that is not about this point: the verdict is of acupressure for the condition."""
    if code in found.evidence.condition.studied:
        return None
    return f"This verdict is about acupressure for {found.evidence.condition.name.lower()} in general, not {code} alone."


def sham_lines(found: AtPoint) -> tuple[str, ...]:
    """Where the real points did no better than a sham, in the study's words."""
    return tuple(f"Against a sham ({e.against}), {s.short} found no difference ({e.note})."
                 for s, e in found.sham_no_difference)


def _study(s: Study) -> dict:
    return {"id": s.id, "short": s.short, "title": s.title, "citation": s.citation, "design": DESIGN_LABELS[s.design],
            "certainty": CERTAINTY_LABELS[s.certainty], "follow_up": s.follow_up, "comparison": s.comparison,
            "effect": s.effect, "doi": s.doi, "pmid": s.pmid}


def card_data(atlas: Atlas, code: str) -> dict:
    """Everything the card says about a point: its fields, where it is drawn, what might explain an
    effect, what the research shows for each condition studied at it (with its studies: how sure they are and how
    long the effect lasted), and the other studies that used it."""
    p = atlas.points[code]
    meridian = atlas.meridians[p.meridian]
    research = at_point(atlas, code)
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
        "research": [
            {"condition": {"id": f.evidence.condition.id, "name": f.evidence.condition.name},
             "verdict": f.evidence.condition.verdict, "certainty": CERTAINTY_LABELS[f.evidence.certainty],
             "rated_by": f.evidence.rated_by, "size": f.evidence.size, "in_general": in_general(f, code),
             "sham_no_difference": list(sham_lines(f)), "studies": [_study(s) for s in f.studies]}
            for f in research
        ],
        "no_trials": None if research else NO_TRIALS,
        "other_studies": [_study(s) for s in atlas.studies_of(code) if s.claim != "trial"],
    }
