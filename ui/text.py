"""Safe text: data never reaches Markdown or HTML unescaped."""

from __future__ import annotations

import html
import re

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^%@/])")


def escape_markdown(text: str) -> str:
    """Escape every ASCII punctuation mark so Markdown shows the text exactly as written."""
    return _PUNCT.sub(r"\\\1", text.replace("\n", " "))


def badge(text: str, colour: str) -> str:
    return f":{colour}-badge[{escape_markdown(text)}]"


def as_html(text: str) -> str:
    """Data as HTML text: shown exactly as written, never as markup."""
    return html.escape(text.replace("\n", " "), quote=True)


def badge_html(text: str, colour: str) -> str:
    """The badge of `badge`, for a card drawn as HTML (its colours in ui/page.css)."""
    return f'<span class="meridian-badge meridian-{colour}">{as_html(text)}</span>'


def icon_html(name: str) -> str:
    """A Material Symbols icon (Streamlit's own icon font), for a card drawn as HTML; hidden from screen readers."""
    return f'<span class="meridian-icon" aria-hidden="true">{as_html(name)}</span>'
