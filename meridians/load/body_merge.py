"""The body files (data/body/*.yaml) merged into one body model, and its views built."""

from __future__ import annotations

from meridians import body
from meridians.load.problems import Problem, place_of
from meridians.load.yaml_source import Source
from meridians.model import View

VIEW_FIELDS = ("title", "figure", "size", "midline_x", "side")


class MergedBody:
    """The body files merged into one tree; each part remembers the file that gave it."""

    def __init__(self, sources: list[Source]):
        self.figures: dict = {}
        self.views: dict = {}
        self.closeups: dict = {}
        self.problems: list[Problem] = []
        self._owners: dict[tuple, Source] = {}
        for src in sources:
            for key in ("figures", "closeups"):
                for name, raw in src.data.get(key, {}).items():
                    self._claim(getattr(self, key), src, (key, name), raw)
            for name, raw in src.data.get("views", {}).items():
                view = self.views.setdefault(name, {})
                self._owners.setdefault(("views", name), src)
                for field, value in raw.items():
                    here = ("views", name, field)
                    if field in ("landmarks", "parts"):
                        for item, spec in value.items():
                            self._claim(view.setdefault(field, {}), src, here + (item,), spec)
                    elif field in ("cues", "vertebrae"):
                        view.setdefault(field, []).extend(value)
                    else:
                        self._claim(view, src, here, value)
        for name, view in self.views.items():
            missing = [f for f in VIEW_FIELDS if f not in view]
            if missing:
                self.problems.append(self.problem(("views", name), f"view '{name}' is never given: {', '.join(missing)}"))

    def _claim(self, into: dict, src: Source, path: tuple, value) -> None:
        if path[-1] in into:
            first = self._owners[path]
            self.problems.append(src.problem(path, f"'{path[-1]}' is already defined in {first.name}, line {first.line(path)}"))
            return
        into[path[-1]] = value
        self._owners[path] = src

    def problem(self, path: tuple, reason: str) -> Problem:
        """A problem placed in the file that gave the deepest part of the path."""
        for n in range(len(path), 0, -1):
            if path[:n] in self._owners:
                return self._owners[path[:n]].problem(path, reason)
        return Problem("body/", place_of(path), reason)


def build_views(merged: MergedBody) -> tuple[dict[str, View], list[Problem]]:
    """Every view and close-up the merged body defines, with the problems of those it could not build."""
    views, problems = {}, list(merged.problems)
    for name, raw in merged.views.items():
        if any(f not in raw for f in VIEW_FIELDS):
            continue  # already reported
        if raw["figure"] not in merged.figures:
            problems.append(merged.problem(("views", name, "figure"), f"unknown figure '{raw['figure']}'"))
            continue
        view, found = body.build_view(name, raw, merged.figures[raw["figure"]])
        problems += [merged.problem(path, reason) for path, reason in found]
        views[name] = view
    for name, raw in merged.closeups.items():
        if name in views or raw["of"] not in views:
            reason = f"close-up name '{name}' is taken" if name in views else f"unknown view '{raw['of']}'"
            problems.append(merged.problem(("closeups", name), reason))
            continue
        views[name] = body.close_up(name, raw, views[raw["of"]])
    return views, problems
