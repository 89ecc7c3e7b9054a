"""Spaced review: the next due date follows the score, and the page opens on the cards that are due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating

from meridians.learn.schedule import due_first, rating, review

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


@pytest.mark.parametrize("cun,expected", [(0.0, Rating.Good), (0.5, Rating.Good), (1.0, Rating.Hard),
                                          (1.5, Rating.Hard), (1.6, Rating.Again), (9, Rating.Again)])
def test_the_rating_follows_the_error_in_cun(cun, expected):
    assert rating(cun) == expected


def _due(cards, code):
    return Card.from_dict(cards[code]).due


def test_the_next_due_date_follows_the_score():
    dues = [_due(review({}, "LI4", rating(cun), NOW), "LI4") for cun in (0.2, 1.0, 3.0)]
    assert dues[0] > dues[1] > dues[2] > NOW  # right comes back last, far off soonest


def test_right_answers_space_the_reviews_out():
    cards, gaps, when = {}, [], NOW
    for _ in range(4):
        cards = review(cards, "BL23", rating(0.1), when)
        gaps.append(_due(cards, "BL23") - when)
        when = _due(cards, "BL23")
    assert gaps == sorted(gaps) and gaps[-1] > timedelta(days=1)


def test_the_cards_due_come_first_then_the_new_ones():
    cards = review({}, "LI4", rating(0.1), NOW - timedelta(days=30))  # long due
    cards = review(cards, "BL23", rating(0.1), NOW)  # due later today or after
    assert due_first(cards, ("BL23", "KI3", "LI4"), NOW) == ("LI4", "KI3", "BL23")
