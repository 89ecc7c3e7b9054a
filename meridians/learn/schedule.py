"""Spaced review: each point a card, scheduled by FSRS (the `fsrs` package) from the drill's score in cun.

The rating from the error: within 0.5 cun is Good (about the width of the tip of a finger pressing, and what a
teacher accepts as on the point), up to 1.5 cun Hard (the right area, a finger or two off), beyond Again
(another place). Easy is never given: a location is only ever as right as the body in front of you."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from fsrs import Card, Rating, Scheduler

GOOD_CUN = 0.5
HARD_CUN = 1.5
_SCHEDULER = Scheduler(enable_fuzzing=False)  # the same score always gives the same next date


def rating(cun: float) -> Rating:
    return Rating.Good if cun <= GOOD_CUN else Rating.Hard if cun <= HARD_CUN else Rating.Again


def review(cards: Mapping[str, dict], code: str, grade: Rating, now: datetime) -> dict[str, dict]:
    """The cards after a point's answer, graded by `rating` (the find mode) or right/wrong (the name mode: Good or
    Again). Cards are FSRS's own dicts, as the progress file keeps them."""
    card = Card.from_dict(cards[code]) if code in cards else Card(due=now)
    reviewed, _ = _SCHEDULER.review_card(card, grade, now)
    return {**cards, code: reviewed.to_dict()}


def due_first(cards: Mapping[str, dict], codes: tuple[str, ...], now: datetime) -> tuple[str, ...]:
    """The deck in the order it is drilled: the cards due (the most overdue first), then the new ones, then
    the rest by their due date."""
    def key(code: str):
        if code not in cards:
            return (1, "")
        due = Card.from_dict(cards[code]).due
        return (0 if due <= now else 2, due.isoformat())

    return tuple(sorted(codes, key=key))
