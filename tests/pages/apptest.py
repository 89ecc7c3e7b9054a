"""One way to open a page in Streamlit's AppTest: through the explorer, as a person arrives, with a link's query."""

from __future__ import annotations

from html.parser import HTMLParser
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


class _Text(HTMLParser):
    """The text of an HTML block as a reader sees it: tags gone, entities read, no style, script or hidden icon."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._open: list[bool] = []  # for each open tag: whether it hides what is in it

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self._open.append(tag in ("style", "script") or ("aria-hidden", "true") in attrs)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data):
        if not any(self._open):
            self.parts.append(data)


def html_markup(root) -> str:
    """The HTML blocks under `root` (an AppTest or one of its blocks) as they were sent: their tags, for how the
    text is marked up."""
    return "".join(element.proto.body for element in root.get("html"))


def html_text(root) -> str:
    """What the HTML blocks under `root` (an AppTest or one of its blocks) say, one block a line."""
    lines = []
    for element in root.get("html"):
        reader = _Text()
        reader.feed(element.proto.body)
        lines.append("".join(reader.parts))
    return "\n".join(lines)
