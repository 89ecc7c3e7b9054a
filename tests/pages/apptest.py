"""One way to open a page in Streamlit's AppTest: through the explorer, as a person arrives, with a link's query."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def opened(page_file: str = "explorer.py", **params) -> AppTest:
    """The page after its first run, with `params` as the link's query (a list for a repeated key)."""
    at = AppTest.from_file(str(ROOT / "explorer.py"), default_timeout=60)
    if page_file != "explorer.py":
        at.switch_page(page_file)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()
