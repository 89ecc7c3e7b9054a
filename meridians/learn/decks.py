"""The drill's decks: the points of a meridian or a body region, the low-back-pain set (the points its trials
tested), the points of one trial, or the student's own routine (the `routine` of the link)."""

from __future__ import annotations

from meridians.model import Atlas

BACK_PAIN = "back_pain"
ROUTINE = "routine"
REGION = "region-"  # region-lower_back
TRIAL = "trial-"  # trial-cherkin2009


def trials(atlas: Atlas) -> tuple[str, ...]:
    """The randomised trials whose points we know they used (the whole set or part of it)."""
    return tuple(s.id for s in atlas.studies.values() if s.design == "rct" and s.used_points)


def deck_ids(atlas: Atlas) -> tuple[str, ...]:
    return (BACK_PAIN, *(TRIAL + t for t in trials(atlas)), ROUTINE,
            *(m for m, mer in atlas.meridians.items() if mer.kind == "meridian"), *(REGION + r for r in atlas.regions))


def deck_title(atlas: Atlas, deck: str) -> str:
    if deck == BACK_PAIN:
        return "Low back pain: the points of its trials"
    if deck == ROUTINE:
        return "My routine"
    if deck.startswith(TRIAL):
        study = atlas.studies[deck.removeprefix(TRIAL)]
        return f"Trial: {study.short} ({', '.join(study.used_points)})"
    if deck.startswith(REGION):
        return f"Region: {atlas.regions[deck.removeprefix(REGION)].name}"
    return f"{atlas.meridians[deck].name} meridian"


def deck_points(atlas: Atlas, deck: str, routine: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The deck's points that some view shows, in a stable order (the routine's in its own order)."""
    if deck == BACK_PAIN:
        codes = tuple(dict.fromkeys(c for s in atlas.trials_of("low_back_pain") for c in s.points if c in atlas.points))
    elif deck == ROUTINE:
        codes = routine
    elif deck.startswith(TRIAL):
        codes = atlas.studies[deck.removeprefix(TRIAL)].used_points
    elif deck.startswith(REGION):
        region = deck.removeprefix(REGION)
        codes = tuple(c for m in atlas.meridians for c in atlas.meridian_points(m) if atlas.points[c].region == region)
    else:
        codes = atlas.meridian_points(deck)
    return tuple(c for c in codes if c in atlas.points and atlas.views_of(c))


def drill_view(atlas: Atlas, code: str) -> str:
    """The view the point is asked on: a close-up that shows its area when there is one."""
    def zoom(view: str) -> float:  # the pixels of a cun at the point's landmark: the closest view of its area
        v = atlas.views[view]
        site = next(s for s in atlas.points[code].sites if {view, v.source} & set(s.views))
        part = v.landmarks[site.at].part
        return v.parts[part].cun_px if part else v.scale

    return max(atlas.views_of(code), key=zoom)
