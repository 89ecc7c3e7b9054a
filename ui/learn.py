"""The location drill's Streamlit glue: the tap on the drill chart, kept per session until the next point."""

from __future__ import annotations

import streamlit as st

ANSWERS = "_learn_answers"  # session state: {(deck, code): (x, y)}, the click given for the point asked


def answered(deck: str, code: str) -> tuple[float, float] | None:
    return st.session_state.get(ANSWERS, {}).get((deck, code))


def on_tap(deck: str, code: str, key: str) -> None:
    """The chart's callback: the tap's place on the view, taken from the tap target plotly selected."""
    points = st.session_state[key].get("selection", {}).get("points", [])
    if points:
        st.session_state.setdefault(ANSWERS, {})[(deck, code)] = (float(points[0]["x"]), float(points[0]["y"]))


def forget(deck: str, code: str) -> None:
    st.session_state.get(ANSWERS, {}).pop((deck, code), None)
