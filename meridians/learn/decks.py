"""The drill's decks: the points of a meridian, or the low-back-pain set (the points trials tested)."""

from __future__ import annotations

from meridians.model import Atlas

BACK_PAIN = "back_pain"


def deck_ids(atlas: Atlas) -> tuple[str, ...]:
    return (BACK_PAIN, *(m for m, mer in atlas.meridians.items() if mer.kind == "meridian"))


def deck_title(atlas: Atlas, deck: str) -> str:
    return "Low back pain: the points of its trials" if deck == BACK_PAIN else f"{atlas.meridians[deck].name} meridian"


def deck_points(atlas: Atlas, deck: str) -> tuple[str, ...]:
    """The deck's points that some view shows, in a stable order."""
    if deck == BACK_PAIN:
        codes = tuple(dict.fromkeys(c for s in atlas.trials_of("low_back_pain") for c in s.points if c in atlas.points))
    else:
        codes = atlas.meridian_points(deck)
    return tuple(c for c in codes if atlas.views_of(c))


def drill_view(atlas: Atlas, code: str) -> str:
    """The view the point is asked on: a close-up that shows its area when there is one."""
    def zoom(view: str) -> float:  # the pixels of a cun at the point's landmark: the closest view of its area
        v = atlas.views[view]
        site = next(s for s in atlas.points[code].sites if {view, v.source} & set(s.views))
        part = v.landmarks[site.at].part
        return v.parts[part].cun_px if part else v.scale

    return max(atlas.views_of(code), key=zoom)
