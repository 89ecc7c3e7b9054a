"""Widgets whose value is a field of the page's URL state."""

from __future__ import annotations

import streamlit as st

from meridians.model import Atlas

from . import url


def bound(widget, atlas: Atlas, state, attr: str, **kwargs):
    """Create `widget` showing `state.attr`; a change writes the new value to the URL.

    The value is set from the URL on every run, so a shared link, a reload and the Back button
    all show what the URL says.
    """
    key = f"url_{attr}"
    value = getattr(state, attr)
    st.session_state[key] = list(value) if isinstance(value, tuple) else value
    default = getattr(type(state)(), attr)

    def changed() -> None:
        new = st.session_state[key]
        new = tuple(new) if isinstance(new, list) else (default if new is None else new)
        url.update(atlas, type(state), **{attr: new})

    return widget(key=key, on_change=changed, **kwargs)
