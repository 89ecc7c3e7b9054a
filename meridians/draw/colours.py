"""Colours that mean something, the same on the screen, in the charts and on paper."""

from __future__ import annotations

from typing import NamedTuple


class Colour(NamedTuple):
    name: str  # as Streamlit's badges and Markdown colour directives name it
    hex: str  # the same colour in charts and printouts


# Okabe and Ito's colour-blind-safe palette (bluish green, blue, orange, vermillion, grey): told apart with
# any of the common colour-vision deficiencies. Every chart also says the certainty in words.
CERTAINTY_COLOURS = {
    "high": Colour("green", "#009E73"),
    "moderate": Colour("blue", "#0072B2"),
    "low": Colour("orange", "#E69F00"),
    "very_low": Colour("red", "#D55E00"),
    "not_graded": Colour("gray", "#8C8C8C"),
}
PREGNANCY_RIM = "#B00020"  # the rim of a point traditionally avoided in pregnancy
