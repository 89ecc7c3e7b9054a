"""Safe text: data never reaches Markdown or HTML unescaped."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^%@/])")


def escape_markdown(text: str) -> str:
    """Escape every ASCII punctuation mark so Markdown shows the text exactly as written."""
    return _PUNCT.sub(r"\\\1", text.replace("\n", " "))


def badge(text: str, colour: str) -> str:
    return f":{colour}-badge[{escape_markdown(text)}]"
