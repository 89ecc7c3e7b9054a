"""The app: its pages, in the order of the menu (`streamlit run explorer.py`). The chart is the home page."""

from __future__ import annotations

import streamlit as st

from ui.nav import PAGES

st.navigation([st.Page(path, title=title, default=i == 0) for i, (path, title) in enumerate(PAGES)]).run()
