"""The app: its pages, in the order of the menu (`streamlit run explorer.py`). The chart is the home page."""

from __future__ import annotations

import streamlit as st

from meridians.draw.body_images import ICON, STATIC_URL
from ui.nav import PAGES

# The icon first: else the browser takes the page's menu icon as the favicon and fetches it from Google's servers.
st.set_page_config(page_icon="/" + STATIC_URL + ICON)
st.navigation([st.Page(path, title=title, icon=icon, default=i == 0)
               for i, (path, title, icon) in enumerate(PAGES)]).run()
