"""The app's pages, as the menu names them, and the file of each (the links between pages use the files).

Paths are absolute, so that the same menu runs from the app's entry and from the benchmark's variants in
bench/. No icons in the menu: a page's Material icon would be fetched from Google's font server as the tab's
icon. The folder is app_pages/, not pages/ (docs/architecture.md, "Pages and moving between them")."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

FOLDER = Path(__file__).resolve().parents[1] / "app_pages"
CHART = str(FOLDER / "chart.py")
ROUTINE = str(FOLDER / "4_Routine.py")
LEARN = str(FOLDER / "5_Learn.py")
PAGES = (
    (CHART, "Chart"),
    (str(FOLDER / "0_Meridians.py"), "Meridians"),
    (str(FOLDER / "1_Mechanisms.py"), "Mechanisms"),
    (str(FOLDER / "2_Research.py"), "Research"),
    (ROUTINE, "Routine"),
    (LEARN, "Learn"),
    (str(FOLDER / "3_About.py"), "About"),
)


def run() -> None:
    """The menu, and the page it opens."""
    st.navigation([st.Page(path, title=title, default=i == 0) for i, (path, title) in enumerate(PAGES)]).run()
