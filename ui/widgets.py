"""Widgets whose value is a field of the page's URL state."""

from __future__ import annotations

from typing import Sequence

import streamlit as st

from meridians.model import Atlas

from . import url


def bound(widget, atlas: Atlas, state, attr: str, *, within: Sequence[str] | None = None, key: str | None = None,
          **kwargs):
    """Create `widget` showing `state.attr`; a change writes the new value to the URL.

    The value is set from the URL on every run, so a shared link, a reload and the Back button
    all show what the URL says. With `within`, the widget offers only those values (two widgets can
    share a field, each with its own `key`): it shows nothing when the field holds another value, and
    clearing it changes nothing.
    """
    key = key or f"url_{attr}"
    value = getattr(state, attr)
    if within is not None:
        kwargs["options"] = list(within)
        value = value if value in within else None
    st.session_state[key] = list(value) if isinstance(value, tuple) else value
    default = getattr(type(state)(), attr)

    def changed() -> None:
        new = st.session_state[key]
        if new is None and within is not None:
            return
        new = tuple(new) if isinstance(new, list) else (default if new is None else new)
        url.update(atlas, type(state), **{attr: new})

    return widget(key=key, on_change=changed, **kwargs)
