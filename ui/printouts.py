"""Download buttons for the printouts. The files are drawn only when the button is pressed (not on every click)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from meridians.model import Atlas
from meridians.printouts.sheet import PAPERS, routine_pdf
from meridians.printouts.view_png import view_png
from meridians.url_state import RoutineState, State
from ui import url


def view_button(atlas: Atlas, state: State, shown: frozenset[str]) -> None:
    """The screen as a print-size PNG: its view, the points its filters let through, its point or routine."""
    link = url.share_link(state, atlas)
    st.download_button("Print this view (PNG)", data=lambda: view_png(atlas, state, shown, date.today(), link),
                       file_name=f"meridian-chart-{state.view}.png", mime="image/png", on_click="ignore",
                       icon=":material/print:", key=f"print_view_{state.view}")


def routine_buttons(atlas: Atlas, routine: tuple[str, ...], minutes: int) -> None:
    """The routine sheet as a PDF, on A4 or US Letter."""
    paper = st.segmented_control("Paper", list(PAPERS), default="A4", key="print_paper", required=True)
    link = url.share_link(RoutineState(routine=routine, minutes=minutes), atlas)
    st.download_button("Routine sheet (PDF)", data=lambda: routine_pdf(atlas, routine, minutes, date.today(), link,
                                                                       paper or "A4"),
                       file_name="acupressure-routine.pdf", mime="application/pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:", key="print_routine_pdf")
