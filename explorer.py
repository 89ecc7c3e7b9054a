"""The app: its pages, in the order of the menu (`streamlit run explorer.py`). The chart is the home page."""

from ui import nav

nav.run()
