"""The atlas as immutable values: built once by `loading`, then only read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

Xy = tuple[float, float]

CERTAINTY_ORDER = ("high", "moderate", "low", "very_low", "not_graded")
CERTAINTY_LABELS = MappingProxyType(
    {
        "high": "High certainty",
        "moderate": "Moderate certainty",
        "low": "Low certainty",
        "very_low": "Very low certainty",
        "not_graded": "Certainty not graded",
    }
)
MECHANISM_KINDS = MappingProxyType(
    {
        "physiological_hypothesis": "Physiological hypothesis",
        "nonspecific_effect": "Nonspecific effect",
        "traditional_belief": "Traditional belief",
    }
)
DESIGN_LABELS = MappingProxyType(
    {
        "systematic_review": "Systematic review",
        "narrative_review": "Narrative review",
        "rct": "Randomised trial",
        "mechanism_study": "Mechanism study",
        "guideline": "Guideline",
        "commentary": "Commentary",
    }
)
CLAIM_LABELS = MappingProxyType(
    {
        "trial": "Tested in trials",
        "mechanism": "Proposed mechanism",
        "safety": "Safety of treatment",
        "method": "How trials are done",
        "comment": "Comment on a trial",
        "guideline": "Guideline recommendation",
    }
)
# What a study's list of points is: only a trial's own set, as its source gives it, is used as a routine.
POINTS_ARE = MappingProxyType(
    {
        "protocol": "the whole point set the study used, as its source lists it",
        "part_of_protocol": "some of the points the study used (the rest are unknown or not on this chart)",
        "named_only": "points a secondary source names, not verified as the study's own",
        "reviewed": "points the trials in a review used, as the review's own pages show them",
    }
)
# What a condition's lead study found, as the evidence map places it (RESULT_LABELS and one more).
FINDINGS = MappingProxyType(
    {"benefit": "Better than the comparison", "small": "Slightly better, not clinically important",
     "no_difference": "No better than the comparison", "unclear": "Unclear: the trials disagree or are too few"}
)
SAMPLE_UNITS = MappingProxyType({"people": "people", "animals": "animals", "nerve_cells": "nerve cells recorded"})


def frozen_map(items: Mapping) -> Mapping:
    return MappingProxyType(dict(items))


@dataclass(frozen=True)
class Landmark:
    name: str
    xy: Xy
    text: str
    part: str | None
    midline: bool


@dataclass(frozen=True)
class Part:
    """A body part's cun size in pixels and the unit vector of its 'down'."""

    name: str
    cun_px: float
    axis: Xy


@dataclass(frozen=True)
class Cue:
    kind: str  # spine | line | dot | ring
    points: tuple[Xy, ...] = ()
    mirror: bool = False


@dataclass(frozen=True)
class View:
    name: str
    title: str
    size: tuple[int, int]
    midline_x: float
    side: str  # the body side whose landmarks are given
    mirrored: bool
    outlines: tuple[tuple[Xy, ...], ...]
    landmarks: Mapping[str, Landmark]
    parts: Mapping[str, Part]
    vertebrae: tuple[str, ...]
    cues: tuple[Cue, ...]
    closeup: bool = False  # a close-up where points crowd (drawn as its own figure, or enlarged from `source`)
    lateral_x: int | None = None  # side views without a midline: which way on the image is lateral
    anterior_x: int = 1  # which way on the image is the front
    source: str | None = None  # a close-up shows part of this view, enlarged
    origin: Xy = (0.0, 0.0)  # the close-up's top-left corner in the source view
    scale: float = 1.0

    @property
    def other_side(self) -> str:
        return "right" if self.side == "left" else "left"


@dataclass(frozen=True)
class Site:
    """A placement rule: a landmark and offsets in cun, drawn on the listed views."""

    views: tuple[str, ...]
    at: str
    toward: str | None = None
    cun: float = 0.0
    fraction: float | None = None
    lateral: float = 0.0
    anterior: float = 0.0
    label: str | None = None


@dataclass(frozen=True)
class Position:
    code: str
    view: str
    side: str  # left | right | midline
    x: float
    y: float
    anchor: Xy  # where the site's landmark is, on the same side
    guide: str  # the distance from the landmark, in words


@dataclass(frozen=True)
class Pregnancy:
    note: str
    source: str  # the citations of its sources, as one line
    sources: tuple[str, ...] = ()  # their ids in data/safety.yaml


LOCATION_STATUS = MappingProxyType(
    {
        "who": "WHO 2008, as written",
        "who_note": "WHO 2008, with a note or an alternative",
        "our_reading": "our reading",
        "extra": "an extra point, outside the 361 of WHO 2008",
    }
)


@dataclass(frozen=True)
class LocationStatus:
    """How settled a point's location is: WHO 2008 as written, WHO with a note, our reading, or an extra point."""

    kind: str
    note: str | None = None


@dataclass(frozen=True)
class SafetySource:
    id: str
    title: str
    seen: str
    url: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    names: tuple[str, ...] = ()  # the points a pregnancy source lists

    @property
    def citation(self) -> str:
        ids = [f"doi:{self.doi}" if self.doi else "", f"PMID {self.pmid}" if self.pmid else "",
               self.pmcid or "", self.url or ""]
        return ", ".join([self.title, *(i for i in ids if i)])


@dataclass(frozen=True)
class RedFlag:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RedFlagGroup:
    id: str
    heading: str
    flags: tuple[RedFlag, ...]


@dataclass(frozen=True)
class Safety:
    """The red flags for back pain and the sources of every safety claim (data/safety.yaml)."""

    sources: Mapping[str, SafetySource]
    red_flags: tuple[RedFlagGroup, ...]


@dataclass(frozen=True)
class Point:
    code: str
    pinyin: str
    hanzi: str
    english: str
    meridian: str
    region: str
    location: str
    how_to_find: str
    how_to_press: str
    cautions: str
    traditional_use: str
    bilateral: bool
    mechanisms: tuple[str, ...]
    sites: tuple[Site, ...]
    pregnancy: Pregnancy | None = None
    hanzi_simplified: str | None = None
    location_status: LocationStatus = LocationStatus("our_reading")
    english_note: str | None = None  # why its English name is also another point's
    sides_together: bool = False  # both sides pressed at once (by a helper, or with both hands): timed once


@dataclass(frozen=True)
class Meridian:
    id: str
    name: str
    pinyin: str
    colour: str
    symbol: str
    dash: str
    kind: str  # meridian | extra
    count: int | None  # standard meridians: points 1..count
    course: str  # the traditional surface course, in words
    breaks: tuple[str, ...]  # points where the drawn course starts again (it jumps there)


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    note: str | None = None


@dataclass(frozen=True)
class Mechanism:
    id: str
    name: str
    kind: str
    summary: str
    verdict: str
    certainty: str
    studies_for: tuple[str, ...]
    studies_against: tuple[str, ...]  # or limiting it


RESULT_LABELS = MappingProxyType(
    {"benefit": "Better than the comparison", "small": "Slightly better, not clinically important",
     "no_difference": "No better than the comparison"}
)


@dataclass(frozen=True)
class Effect:
    """One result of a study at one time: how it compared, and when it was measured."""

    weeks: float
    result: str
    against: str
    note: str
    certainty: str | None = None
    from_weeks: float | None = None  # measured at some time between this and `weeks` (a review's "short term")

    @property
    def plotted_at(self) -> float:
        """Where the result is drawn: its time, or the middle of its span (on a log scale) when the source gives
        only a span, so a "short term" result is never drawn at the span's far end."""
        return self.weeks if self.from_weeks is None else (self.from_weeks * self.weeks) ** 0.5


@dataclass(frozen=True)
class Study:
    id: str
    authors: str
    year: int
    title: str
    journal: str
    design: str
    population: str
    intervention: str
    comparison: str
    outcome: str
    effect: str
    follow_up: str
    certainty: str
    certainty_note: str
    claim: str
    summary: str
    condition: str | None = None  # the condition of data/conditions.yaml it studied (every trial has one)
    mechanisms: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    effects: tuple[Effect, ...] = ()
    points_note: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    cochrane_id: str | None = None
    n: int | None = None
    n_trials: int | None = None  # how many trials a review included
    sample_unit: str = "people"  # what `n` counts
    points_are: str | None = None  # one of POINTS_ARE, when `points` is not empty
    dose: str | None = None  # how long and how often the trial gave its points, as verified
    routine_note: str | None = None  # how the trial gave its points and what it found, said with its routine
    seed_reference: int | None = None

    @property
    def sample(self) -> str | None:
        """The sample's size in words: '129 people', '68 nerve cells recorded'."""
        return f"{self.n:,} {SAMPLE_UNITS[self.sample_unit]}" if self.n else None

    @property
    def used_points(self) -> tuple[str, ...]:
        """The points the study is known to have used: a point only named by a secondary source is not."""
        return self.points if self.points_are in ("protocol", "part_of_protocol", "reviewed") else ()

    @property
    def routine_points(self) -> tuple[str, ...]:
        """A randomised trial's whole point set with its dose, the only kind offered as a ready-made routine."""
        return self.points if self.design == "rct" and self.points_are == "protocol" and self.dose else ()

    @property
    def author_list(self) -> tuple[str, ...]:
        return tuple(a.strip() for a in self.authors.split(",") if a.strip())

    @property
    def short(self) -> str:
        """First author and year, as the study is named in lists: 'Hsieh LL 2006'."""
        return f"{self.author_list[0]} {self.year}"

    @property
    def citation(self) -> str:
        where = self.journal
        if self.volume:
            where += f" {self.volume}"
            if self.issue:
                where += f"({self.issue})"
        if self.pages:
            where += f":{self.pages}"
        return f"{self.authors} ({self.year}). {self.title}. {where}."


@dataclass(frozen=True)
class Condition:
    """What people look for help with: the words they type, the points studied for it and what tradition uses,
    and, where trials tested acupressure for it, the verdict in one line as its lead study gives it."""

    id: str
    name: str
    words: tuple[str, ...]
    traditional: tuple[str, ...]  # points tradition uses for it (not evidence)
    notes: Mapping[str, str] = field(default_factory=lambda: frozen_map({}))  # a word's own note
    studied: tuple[str, ...] = ()  # the points its verdict is about, each named by one of its studies
    verdict: str | None = None  # what the research shows, in one line
    verdict_from: str | None = None  # the study the verdict and its certainty are from
    finding: str | None = None  # one of FINDINGS: where the evidence map places it


@dataclass(frozen=True)
class Atlas:
    views: Mapping[str, View]
    meridians: Mapping[str, Meridian]
    regions: Mapping[str, Region]
    points: Mapping[str, Point]
    mechanisms: Mapping[str, Mechanism]
    studies: Mapping[str, Study]
    positions: tuple[Position, ...] = field(default=())
    conditions: Mapping[str, Condition] = field(default_factory=lambda: frozen_map({}))
    safety: Safety = field(default_factory=lambda: Safety(frozen_map({}), ()))

    @cached_property
    def _by_view(self) -> Mapping[str, tuple[Position, ...]]:
        return frozen_map({v: tuple(p for p in self.positions if p.view == v) for v in self.views})

    @cached_property
    def _by_code(self) -> Mapping[str, tuple[Position, ...]]:
        found: dict[str, list[Position]] = {code: [] for code in self.points}
        for p in self.positions:
            found[p.code].append(p)
        return frozen_map({code: tuple(found[code]) for code in found})

    def positions_in(self, view: str) -> tuple[Position, ...]:
        return self._by_view.get(view, ())

    def positions_of(self, code: str) -> tuple[Position, ...]:
        return self._by_code.get(code, ())

    def meridian_points(self, meridian: str) -> tuple[str, ...]:
        """A meridian's point codes in their standard order (BL2 before BL10)."""
        codes = [c for c, p in self.points.items() if p.meridian == meridian]
        return tuple(sorted(codes, key=lambda c: (c.rstrip("0123456789"), int(c[len(c.rstrip("0123456789")):]))))

    def views_of(self, code: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.view for p in self.positions_of(code)))

    def studies_of(self, code: str) -> tuple[Study, ...]:
        return tuple(s for s in self.studies.values() if code in s.used_points)

    @cached_property
    def _trials(self) -> Mapping[str, tuple[Study, ...]]:
        found: dict[str, list[Study]] = {}
        for s in self.studies.values():
            if s.claim == "trial" and s.condition:
                found.setdefault(s.condition, []).append(s)
        return frozen_map({c: tuple(ss) for c, ss in found.items()})

    def trials_of(self, condition: str) -> tuple[Study, ...]:
        """The trials and reviews of trials that tested acupressure (or needling) for a condition."""
        return self._trials.get(condition, ())
