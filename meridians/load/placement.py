"""A point's sites placed on the views they name: checked against the body outline, mirrored, projected into close-ups."""

from __future__ import annotations

from collections.abc import Mapping

from PIL import Image

from meridians import body
from meridians.model import Position, Site, View


class Placer:
    """Places sites on the views, with each view's outline drawn once."""

    def __init__(self, views: Mapping[str, View]):
        self.views = views
        self.masks: dict[str, Image.Image] = {name: body.outline_mask(v) for name, v in views.items()}
        self.close_ups = {name: [c for c in views.values() if c.source == name] for name in views}

    def place(self, code: str, site: Site, bilateral: bool) -> tuple[list[Position], list[tuple[tuple, str]]]:
        """The positions of one site on every view it lists and their close-ups, and the problems found, each
        as (the path below the site, the reason)."""
        positions: list[Position] = []
        problems: list[tuple[tuple, str]] = []
        for k, name in enumerate(site.views):
            view = self.views.get(name)
            if view is None or view.source:
                reason = f"unknown view '{name}'" if view is None else (
                    f"'{name}' is a close-up: it shows the points of '{view.source}' by itself")
                problems.append((("views", k), reason))
                continue
            reasons = body.site_problems(site, view)
            problems += [((), r) for r in reasons]
            if reasons:
                continue
            placed = body.place(code, site, view, bilateral)
            problems += [((), f"{code} falls outside the body outline of view '{name}' at ({p.x:.0f}, {p.y:.0f})")
                         for p in placed if not body.inside(self.masks[name], p)]
            if not bilateral and any(p.side != "midline" for p in placed):
                problems.append(((), f"{code} is not bilateral but is placed off the midline in view '{name}'"))
            positions += placed
            for close in self.close_ups[name]:
                positions += [c for c in (body.in_close_up(p, close) for p in placed) if c]
        return positions, problems
