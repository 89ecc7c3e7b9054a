"""Text as people type it: one form to compare."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case, tone marks and spaces removed: 'Shènshū' and 'shen shu' both become 'shenshu'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\-'’_.]", "", plain.casefold())
