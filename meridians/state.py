"""Each screen as URL query parameters, and back. Bad values are dropped with a short notice."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Collection, Mapping, Sequence

from .model import CERTAINTY_ORDER, CLAIM_LABELS, DESIGN_LABELS, Atlas
from .query import COURSES, EVIDENCE_FILTERS, SIZINGS, normalise_code

MAX_VALUE = 80  # longer values are cut before use
MAX_REPEATS = 20
IGNORED_KEYS = frozenset({"embed", "embed_options"})  # Streamlit's own

Params = Mapping[str, "str | Sequence[str]"]


@dataclass(frozen=True)
class Spec:
    """One URL key: the state attribute it fills, whether it repeats, and what values it accepts."""

    key: str
    attr: str
    many: bool
    accepts: Collection[str] | Callable[[str], str | None] | None


@dataclass(frozen=True)
class State:
    """The explorer's screen."""

    view: str = "posterior"
    point: str | None = None
    mechanisms: tuple[str, ...] = ()
    meridians: tuple[str, ...] = ()
    region: str | None = None
    evidence: str | None = None
    q: str = ""
    size: str | None = None
    courses: str = "all"

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        def point(value: str) -> str | None:
            code = normalise_code(value)
            return code if code in atlas.points else None

        return (
            Spec("view", "view", False, atlas.views),
            Spec("point", "point", False, point),
            Spec("mechanism", "mechanisms", True, atlas.mechanisms),
            Spec("meridian", "meridians", True, atlas.channels),
            Spec("region", "region", False, atlas.regions),
            Spec("evidence", "evidence", False, EVIDENCE_FILTERS),
            Spec("q", "q", False, None),
            Spec("size", "size", False, SIZINGS),
            Spec("courses", "courses", False, COURSES),
        )

    @property
    def highlight(self) -> str | None:
        """The one channel brought out on the chart: the meridian filter when it names just one."""
        return self.meridians[0] if len(self.meridians) == 1 else None

    def with_point(self, atlas: Atlas, code: str | None) -> "State":
        """Select a point, moving to a view that shows it when this one does not."""
        if code is None:
            return replace(self, point=None)
        views = atlas.views_of(code)
        view = self.view if (self.view in views or not views) else views[0]
        return replace(self, point=code, view=view)


@dataclass(frozen=True)
class MeridianState:
    """The Meridians page: one channel brought out, on one view."""

    channel: str | None = None
    view: str | None = None

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        return (
            Spec("channel", "channel", False, tuple(c for c, ch in atlas.channels.items() if ch.kind == "channel")),
            Spec("view", "view", False, atlas.views),
        )


@dataclass(frozen=True)
class ResearchState:
    """The Research page's filters."""

    designs: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    claim: str | None = None
    mechanism: str | None = None
    point: str | None = None
    q: str = ""

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        return (
            Spec("design", "designs", True, DESIGN_LABELS),
            Spec("certainty", "certainties", True, CERTAINTY_ORDER),
            Spec("claim", "claim", False, CLAIM_LABELS),
            Spec("mechanism", "mechanism", False, atlas.mechanisms),
            Spec("point", "point", False, State.specs(atlas)[1].accepts),
            Spec("q", "q", False, None),
        )


def _shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 24 else value[:24] + "…"


def _values(params: Params, key: str) -> list[str]:
    raw = params.get(key, [])
    values = [raw] if isinstance(raw, str) else list(raw)
    return [v[:MAX_VALUE] for v in values[:MAX_REPEATS]]


def _accept(spec: Spec, value: str) -> str | None:
    if spec.accepts is None:
        return value.strip()
    if callable(spec.accepts):
        return spec.accepts(value)
    return value if value in spec.accepts else None


def parse(params: Params, cls, atlas: Atlas):
    """The state a link asks for, and a short notice for everything in it that was not used."""
    notices: list[str] = []
    specs = cls.specs(atlas)
    known_keys = {s.key for s in specs} | IGNORED_KEYS
    for key in params:
        if key not in known_keys:
            notices.append(f"The link setting '{_shown(str(key))}' is not one this page uses; it was ignored.")
    values = {}
    for spec in specs:
        given = _values(params, spec.key)
        if len(given) > 1 and not spec.many:
            notices.append(f"The link gave '{spec.key}' more than once; the first was used.")
            given = given[:1]
        kept = []
        for value in given:
            if value == "":
                continue
            accepted = _accept(spec, value)
            if accepted is None:
                notices.append(f"Unknown {spec.key} '{_shown(value)}' in the link was ignored.")
            elif accepted not in kept:
                kept.append(accepted)
        if spec.many:
            values[spec.attr] = tuple(kept)
        elif kept:
            values[spec.attr] = kept[0]
    return cls(**values), tuple(notices)


def to_params(state, atlas: Atlas) -> dict[str, str | list[str]]:
    """Query parameters for a state, leaving out what is at its default so links stay short."""
    defaults = type(state)()
    params: dict[str, str | list[str]] = {}
    for spec in type(state).specs(atlas):
        value = getattr(state, spec.attr)
        if value != getattr(defaults, spec.attr):
            params[spec.key] = list(value) if spec.many else value
    return params
