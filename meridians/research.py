"""What the research shows, per condition: the verdict of its lead study, how much evidence it rests on, and
what each point's trials found (the card, the evidence map and the notebook say it from here)."""

from __future__ import annotations

from dataclasses import dataclass

from meridians.model import CERTAINTY_LABELS, Atlas, Condition, Effect, Study
from meridians.text import fold

SHAM_WORDS = ("sham", "simulated", "placebo")  # how a study's `against` names a fake treatment
NO_TRIALS = ("No trial we could verify tested this point, for any condition: what this card says of its uses is "
             "tradition.")


@dataclass(frozen=True)
class Evidence:
    """One condition's evidence: its trials, the study its verdict comes from, and the size of that study."""

    condition: Condition
    studies: tuple[Study, ...]  # its trials and reviews of trials, in library order
    lead: Study  # the study the verdict and its certainty are from

    @property
    def certainty(self) -> str:
        return self.lead.certainty

    @property
    def trials(self) -> int | None:
        """How many trials the verdict rests on: the lead review's count, or one for a trial (None: not given)."""
        return self.lead.n_trials or (1 if self.lead.design == "rct" else None)

    @property
    def people(self) -> int | None:
        return self.lead.n

    @property
    def rated_by(self) -> str:
        """The certainty with whose it is: 'Low certainty, as Lee 2015 rates it'."""
        if self.certainty == "not_graded":
            return f"{CERTAINTY_LABELS['not_graded']} by {self.lead.short}"
        return f"{CERTAINTY_LABELS[self.certainty]}, as {self.lead.short} rates it"

    @property
    def size(self) -> str:
        """The evidence's size in words: '40 trials, 4,742 people'."""
        if self.trials is None:
            return "size not given"
        trials = f"{self.trials} trial{'s' * (self.trials != 1)}"
        return f"{trials}, {self.people:,} people" if self.people else trials


def evidence(atlas: Atlas, condition: str) -> Evidence | None:
    """A condition's evidence; None when no trial in the library tested it (the data check makes every condition
    with trials give a verdict from one of them)."""
    c = atlas.conditions[condition]
    studies = atlas.trials_of(condition)
    if not studies or c.verdict_from is None:
        return None
    return Evidence(c, studies, atlas.studies[c.verdict_from])


def evidence_map(atlas: Atlas) -> tuple[Evidence, ...]:
    """Every condition some trial tested, in the order of conditions.yaml."""
    return tuple(e for e in (evidence(atlas, c) for c in atlas.conditions) if e)


def is_sham(effect: Effect) -> bool:
    return any(word in fold(effect.against) for word in SHAM_WORDS)


def sham_no_difference(studies: tuple[Study, ...]) -> tuple[tuple[Study, Effect], ...]:
    """The results where the real points did no better than a sham: a point's card says so."""
    return tuple((s, e) for s in studies for e in s.effects if is_sham(e) and e.result == "no_difference")


@dataclass(frozen=True)
class AtPoint:
    """A condition studied at a point: its evidence, and the studies of it that used this point."""

    evidence: Evidence
    studies: tuple[Study, ...]

    @property
    def sham_no_difference(self) -> tuple[tuple[Study, Effect], ...]:
        return sham_no_difference(self.studies)


def at_point(atlas: Atlas, code: str) -> tuple[AtPoint, ...]:
    """The conditions whose trials used a point, in the order of conditions.yaml."""
    out = []
    for e in evidence_map(atlas):
        used = tuple(s for s in e.studies if code in s.used_points)
        if used:
            out.append(AtPoint(e, used))
    return tuple(out)
