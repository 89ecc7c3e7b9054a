"""The location drill's Streamlit glue: the tap on the drill chart, kept per session until the next point."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from meridians.learn.schedule import review
from meridians.learn.scoring import score
from meridians.model import Atlas

CARDS = "_learn_cards"  # session state: {code: FSRS card dict}; kept for the session only (browser storage: not yet)
ANSWERS = "_learn_answers"  # session state: {(deck, code): (x, y)}, the click given for the point asked


def answered(deck: str, code: str) -> tuple[float, float] | None:
    return st.session_state.get(ANSWERS, {}).get((deck, code))


def cards() -> dict[str, dict]:
    return st.session_state.get(CARDS, {})


def on_tap(atlas: Atlas, view: str, deck: str, code: str, key: str) -> None:
    """The chart's callback: the tap's place on the view (the tap target plotly selected), scored, and the
    point's card scheduled by it. A second tap on an answered point changes nothing."""
    points = st.session_state[key].get("selection", {}).get("points", [])
    if points and answered(deck, code) is None:
        click = (float(points[0]["x"]), float(points[0]["y"]))
        st.session_state.setdefault(ANSWERS, {})[(deck, code)] = click
        st.session_state[CARDS] = review(cards(), code, score(atlas, view, code, click).cun, datetime.now(UTC))


def forget(deck: str, code: str) -> None:
    st.session_state.get(ANSWERS, {}).pop((deck, code), None)
