"""The app's pages, as the menu names them, and the file of each (the links between pages use the files).

No icons in the menu: a page's Material icon would be fetched from Google's font server as the tab's icon."""

from __future__ import annotations

CHART = "pages/chart.py"
PAGES = (
    (CHART, "Chart"),
    ("pages/0_Meridians.py", "Meridians"),
    ("pages/1_Mechanisms.py", "Mechanisms"),
    ("pages/2_Research.py", "Research"),
    ("pages/4_Routine.py", "Routine"),
    ("pages/5_Learn.py", "Learn"),
    ("pages/3_About.py", "About"),
)
