"""Each screen as URL query parameters, and back. Bad values are dropped with a short notice."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from meridians.model import CERTAINTY_ORDER, CLAIM_LABELS, DESIGN_LABELS, Atlas
from meridians.query import BACK_PAIN, COURSES, evidence_filters, normalise_code, sizings
from meridians.routine import MAX_POINTS, PRESS_MINUTES

MAX_VALUE = 80  # longer values are cut before use
MAX_REPEATS = MAX_POINTS
IGNORED_KEYS = frozenset({"embed", "embed_options"})  # Streamlit's own

Params = Mapping[str, "str | Sequence[str]"]


@dataclass(frozen=True)
class Spec:
    """One URL key: the state attribute it fills, whether it repeats, and what values it accepts."""

    key: str
    attr: str
    many: bool
    accepts: Collection[str] | Callable[[str], object | None] | None
    sep: str | None = None  # an ordered list written as one value: routine=BL23,BL25
    old_keys: tuple[str, ...] = ()  # what older links called this key: read, never written
    old_values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # an older link's value: what it says now


def _yes(value: str) -> bool | None:
    """A switch in a link: on, or left out."""
    return True if value in ("1", "True", "true") else None


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
    routine: tuple[str, ...] = ()  # the points of a self-care routine, in the order they are pressed
    labels: bool = False  # each marker's code written beside it, for study

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        def point(value: str) -> str | None:
            code = normalise_code(value)
            return code if code in atlas.points else None

        return (
            Spec("view", "view", False, atlas.views),
            Spec("point", "point", False, point),
            Spec("mechanism", "mechanisms", True, atlas.mechanisms),
            Spec("meridian", "meridians", True, atlas.meridians),
            Spec("region", "region", False, atlas.regions),
            # Before issue 19 back pain was the only evidence layer: evidence=trial and size=evidence were its.
            Spec("evidence", "evidence", False, evidence_filters(atlas), old_values={"trial": {"evidence": BACK_PAIN}}),
            Spec("q", "q", False, None),
            Spec("size", "size", False, sizings(atlas), old_values={"evidence": {"size": BACK_PAIN}}),
            Spec("courses", "courses", False, COURSES),
            Spec("routine", "routine", True, point, sep=","),
            Spec("labels", "labels", False, _yes),
        )

    @property
    def highlight(self) -> str | None:
        """The one meridian brought out on the chart: the meridian filter when it names just one."""
        return self.meridians[0] if len(self.meridians) == 1 else None

    def with_point(self, atlas: Atlas, code: str | None) -> State:
        """Select a point, moving to a view that shows it when this one does not."""
        if code is None:
            return replace(self, point=None)
        views = atlas.views_of(code)
        view = self.view if (self.view in views or not views) else views[0]
        return replace(self, point=code, view=view)


@dataclass(frozen=True)
class MeridiansState:
    """The Meridians page: one meridian brought out, on one view."""

    meridian: str | None = None
    view: str | None = None
    labels: bool = False  # each marker's code written beside it, for study

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        return (
            Spec("meridian", "meridian", False, tuple(c for c, ch in atlas.meridians.items() if ch.kind == "meridian"),
                 old_keys=("channel",)),
            Spec("view", "view", False, atlas.views),
            Spec("labels", "labels", False, _yes),
        )


@dataclass(frozen=True)
class ResearchState:
    """The Research page's filters."""

    designs: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    claim: str | None = None
    condition: str | None = None
    mechanism: str | None = None
    point: str | None = None
    q: str = ""

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        return (
            Spec("design", "designs", True, DESIGN_LABELS),
            Spec("certainty", "certainties", True, CERTAINTY_ORDER),
            # Before issue 19 the back-pain trials were a claim of their own.
            Spec("claim", "claim", False, CLAIM_LABELS,
                 old_values={"lbp_trial": {"claim": "trial", "condition": BACK_PAIN}}),
            Spec("condition", "condition", False, atlas.conditions),
            Spec("mechanism", "mechanism", False, atlas.mechanisms),
            Spec("point", "point", False, State.specs(atlas)[1].accepts),
            Spec("q", "q", False, None),
        )


@dataclass(frozen=True)
class RoutineState:
    """The Routine page: the points, the step shown (0 is the overview), the press time, and whether each
    point's end goes on to the next by itself."""

    routine: tuple[str, ...] = ()
    step: int = 0
    minutes: int = 2
    onward: bool = False

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        def step(value: str) -> int | None:
            return int(value) if value.isascii() and value.isdecimal() and int(value) <= MAX_POINTS else None

        def minutes(value: str) -> int | None:
            return int(value) if value in {str(m) for m in PRESS_MINUTES} else None

        routine = next(s for s in State.specs(atlas) if s.key == "routine")
        return (routine, Spec("step", "step", False, step), Spec("minutes", "minutes", False, minutes),
                Spec("onward", "onward", False, _yes))


@dataclass(frozen=True)
class LearnState:
    """The Learn page: the deck drilled, the mode (find the point, or name it), the point asked (none: the deck's
    first due) and the routine (the deck "routine"), so a teacher can share a drill as a link."""

    deck: str = "back_pain"
    mode: str = "find"
    point: str | None = None
    routine: tuple[str, ...] = ()

    @staticmethod
    def specs(atlas: Atlas) -> tuple[Spec, ...]:
        from meridians.learn.decks import deck_ids
        from meridians.learn.progress import MODES

        explorer = {s.key: s for s in State.specs(atlas)}
        return (Spec("deck", "deck", False, deck_ids(atlas)), Spec("mode", "mode", False, MODES), explorer["point"],
                explorer["routine"])


def _shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 24 else value[:24] + "…"


def _values(params: Params, spec: Spec) -> list[str]:
    raw = next((params[k] for k in (spec.key, *spec.old_keys) if k in params), [])
    values = [raw] if isinstance(raw, str) else list(raw)
    if spec.sep:
        values = [item for v in values[:MAX_REPEATS] for item in v[: (MAX_VALUE + 1) * MAX_REPEATS].split(spec.sep)]
    return [v[:MAX_VALUE] for v in values[: MAX_REPEATS + 1]]  # one over the cap, so that parse can say it cut


def _accept(spec: Spec, value: str) -> object | None:
    if spec.accepts is None:
        return value.strip()
    if callable(spec.accepts):
        return spec.accepts(value)
    return value if value in spec.accepts else None


def _renewed(params: Params, specs: Sequence[Spec]) -> Params:
    """An older link's values as today's: each value a key no longer takes becomes what it stands for now
    (a key the link also gives itself is kept as given)."""
    out = dict(params)
    for spec in specs:
        for key in (spec.key, *spec.old_keys):
            raw = out.get(key)
            value = raw if isinstance(raw, str) else (raw[0] if raw is not None and len(raw) == 1 else None)
            if value in spec.old_values:
                del out[key]
                for new_key, new_value in spec.old_values[value].items():
                    out.setdefault(new_key, new_value)
    return out


def parse(params: Params, cls, atlas: Atlas):
    """The state a link asks for, and a short notice for everything in it that was not used."""
    notices: list[str] = []
    specs = cls.specs(atlas)
    params = _renewed(params, specs)
    known_keys = {k for s in specs for k in (s.key, *s.old_keys)} | IGNORED_KEYS
    for key in params:
        if key not in known_keys:
            notices.append(f"The link setting '{_shown(str(key))}' is not one this page uses; it was ignored.")
    values = {}
    for spec in specs:
        given = _values(params, spec)
        if len(given) > MAX_REPEATS:
            notices.append(f"The link's '{spec.key}' has more than {MAX_REPEATS} entries; the first {MAX_REPEATS} were used.")
            given = given[:MAX_REPEATS]
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
            if spec.sep:
                params[spec.key] = spec.sep.join(value)
            else:
                params[spec.key] = list(value) if spec.many else str(value)
    return params


def query(state, atlas: Atlas) -> str:
    """The state as a URL's query string (no "?"), for links between pages and for sharing."""
    return urlencode(to_params(state, atlas), doseq=True)
