"""A page's state lives in the URL: these read and write it, and bind widgets to its fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from meridians.carry import Carried, last_shown, remember, restored, with_shared
from meridians.model import Atlas
from meridians.url_state import IGNORED_KEYS, parse, query, to_params

CARRIED = "_carried"  # session state: meridians.carry.Carried, what the person has on each page


def _params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _remember(state) -> None:
    st.session_state[CARRIED] = remember(st.session_state.get(CARRIED, Carried()), state)


def read(atlas: Atlas, cls):
    """The page's state from the URL, with notices for what was not used. A page that the menu opened
    with an empty link gets what the person had there, written into the link (meridians/carry.py)."""
    params, carried = _params(), st.session_state.get(CARRIED, Carried())
    if not set(params) - IGNORED_KEYS and (state := restored(carried, cls)):
        write(state, atlas)
        return state, ()
    state, notices = parse(params, cls, atlas)
    given = {s.attr for s in cls.specs(atlas) if {s.key, *s.old_keys} & set(params)}
    if (kept := with_shared(carried, state, given)) != state:
        write(kept, atlas)
        return kept, notices
    _remember(state)
    return state, notices


def write(state, atlas: Atlas) -> None:
    _remember(state)
    wanted = to_params(state, atlas)
    if {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()} != _params():
        st.query_params.from_dict(wanted)


def hold(atlas: Atlas, cls) -> None:
    """Write again what the page last showed, for an event that changes nothing: its request may have left the
    browser before the link written for the request just before it arrived, and then carries the older link
    (docs/architecture.md, "The click")."""
    if (state := last_shown(st.session_state.get(CARRIED, Carried()), cls)) is not None:
        write(state, atlas)


def update(atlas: Atlas, cls, **changes) -> None:
    """Change some fields of the state in the URL (for widget callbacks)."""
    state, _ = read(atlas, cls)
    write(replace(state, **changes), atlas)


def share_link(state, atlas: Atlas) -> str:
    base = st.context.url or ""
    q = query(state, atlas)
    return f"{base}?{q}" if q else base


def url_widget(widget, atlas: Atlas, state, attr: str, *, within: Sequence[str] | None = None, key: str | None = None,
               then: Callable | None = None, **kwargs):
    """Create `widget` showing `state.attr`; a change writes the new value to the URL.

    The value is set from the URL on every run, so a shared link, a reload and the Back button
    all show what the URL says. With `within`, the widget offers only those values (two widgets can
    share a field, each with its own `key`): it shows nothing when the field holds another value, and
    clearing it changes nothing. `then` makes the state with the new value into the one written (a search
    that opens the point it names).
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
        current, _ = read(atlas, type(state))
        changed_state = replace(current, **{attr: new})
        write(then(changed_state) if then else changed_state, atlas)

    return widget(key=key, on_change=changed, **kwargs)
