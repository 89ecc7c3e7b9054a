"""The app's pages, as the menu names them, and the file of each (the links between pages use the files)."""

from __future__ import annotations

CHART = "pages/chart.py"
PAGES = (
    (CHART, "Chart", ":material/accessibility_new:"),
    ("pages/0_Meridians.py", "Meridians", ":material/timeline:"),
    ("pages/1_Mechanisms.py", "Mechanisms", ":material/science:"),
    ("pages/2_Research.py", "Research", ":material/library_books:"),
    ("pages/4_Routine.py", "Routine", ":material/self_improvement:"),
    ("pages/3_About.py", "About", ":material/info:"),
)
