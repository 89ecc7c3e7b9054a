"""Download buttons for the printouts. The files are drawn only when the button is pressed (not on every click)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from meridians.draw.printouts import routine_pdf, view_png
from meridians.model import Atlas
from meridians.routine import best_views


def view_button(atlas: Atlas, view: str, codes: tuple[str, ...], label: str = "Print this view (PNG)") -> None:
    """The view as a print-size PNG with `codes` numbered in order."""
    st.download_button(label, data=lambda: view_png(atlas, view, codes, date.today()),
                       file_name=f"meridian-chart-{view}.png", mime="image/png", on_click="ignore",
                       icon=":material/print:", key=f"print_view_{view}")


def routine_buttons(atlas: Atlas, routine: tuple[str, ...], minutes: int) -> None:
    """The routine as a one-page PDF, and its chart as a PNG."""
    st.download_button("Routine sheet (PDF, one page)", data=lambda: routine_pdf(atlas, routine, minutes, date.today()),
                       file_name="acupressure-routine.pdf", mime="application/pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:", key="print_routine_pdf")
    views = best_views(atlas, routine)
    if views:
        view_button(atlas, views[0], routine, label="Routine chart (PNG)")
