"""explorer.py as run by a script in bench/ (a variant, the profiled explorer), with the app's pages registered.

Streamlit finds an app's pages next to its entry script, and `st.page_link` names a page relative to it: from
bench/ the explorer's pages are registered here, and its link to the Routine page names the file itself (the
Routine page's own link back to explorer.py does not resolve from here: the benchmark never opens that page).
"""

import streamlit as st

import ui.routine
from harness.server import ROOT


def run_explorer() -> None:
    ui.routine.PAGE = str(ROOT / ui.routine.PAGE)
    pages = [st.Page(ROOT / "explorer.py", default=True)]
    pages += [st.Page(path) for path in sorted((ROOT / "pages").glob("*.py"))]
    st.navigation(pages).run()
