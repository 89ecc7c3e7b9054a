"""A page's state lives in the URL; these read it and write it."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from meridians.model import Atlas
from meridians.state import parse, to_params


def _params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def read(atlas: Atlas, cls):
    """The page's state from the URL, with notices for what was not used."""
    return parse(_params(), cls, atlas)


def write(state, atlas: Atlas) -> None:
    wanted = to_params(state, atlas)
    if {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()} != _params():
        st.query_params.from_dict(wanted)


def update(atlas: Atlas, cls, **changes) -> None:
    """Change some fields of the state in the URL (for widget callbacks)."""
    state, _ = read(atlas, cls)
    write(replace(state, **changes), atlas)


def share_link(state, atlas: Atlas) -> str:
    base = st.context.url or ""
    query = urlencode(to_params(state, atlas), doseq=True)
    return f"{base}?{query}" if query else base
