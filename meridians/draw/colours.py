"""Colours that mean something, the same on the screen, in the charts and on paper."""

from __future__ import annotations

from typing import NamedTuple


class Colour(NamedTuple):
    name: str  # as Streamlit's badges and Markdown colour directives name it
    hex: str  # the same colour in charts and printouts


CERTAINTY_COLOURS = {
    "high": Colour("green", "#1B7837"),
    "moderate": Colour("blue", "#2166AC"),
    "low": Colour("orange", "#E08214"),
    "very_low": Colour("red", "#B2182B"),
    "not_graded": Colour("gray", "#8C8C8C"),
}
PREGNANCY_RIM = "#B00020"  # the rim of a point traditionally avoided in pregnancy
