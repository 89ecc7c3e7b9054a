"""The search as people use it: a point by code or name, or a symptom in their own words; and the way in."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from meridians.model import CERTAINTY_LABELS, Atlas
from meridians.query import BACK_PAIN, best_match, search, symptoms
from meridians.url_state import State

from . import routine as routine_ui
from .text import escape_markdown

EXAMPLES = "a point's code (BL23), its name (shenshu, Kidney Shu) or a symptom (back pain, headache, nausea)"


def opened(atlas: Atlas, state: State) -> State:
    """A new search: the point it means outright opens (Enter on one match)."""
    code = best_match(atlas, state.q)
    return state.with_point(atlas, code) if code else state


def results(atlas: Atlas, q: str, select: Callable[[str], None]) -> None:
    """Under the search box: each symptom's points in their two groups, or what to try when nothing matched."""
    if not q.strip():
        return
    named = symptoms(atlas, q)
    if not named:
        if not search(atlas, q):
            st.info(escape_markdown(f"Nothing matches '{q.strip()}'. Try {EXAMPLES}."), icon=":material/search_off:")
        return
    for found in named:
        condition = found.condition
        st.markdown(f"**{escape_markdown(condition.name)}**")
        if found.note:
            st.caption(escape_markdown(found.note))
        st.markdown("**Tested in trials**")
        if not found.tested:
            st.caption(escape_markdown(
                f"Trials tested acupressure for {condition.name.lower()}, but we could not verify which points they "
                "used: what they found is on the Research page." if atlas.trials_of(condition.id) else
                f"No trial in our library tested acupressure points for {condition.name.lower()}."))
        for code, studies in found.tested:
            _pick(atlas, code, select, f"tested_{condition.id}")
            st.caption(escape_markdown("; ".join(f"{s.short} ({CERTAINTY_LABELS[s.certainty].lower()})" for s in studies)))
        if found.traditional:
            st.markdown("**Traditional use**")
            st.caption("Points traditional Chinese medicine uses for this: tradition, not evidence that they work.")
            for code in found.traditional:
                _pick(atlas, code, select, f"traditional_{condition.id}")


def _pick(atlas: Atlas, code: str, select: Callable[[str], None], group: str) -> None:
    point = atlas.points[code]
    caution = " (avoided in pregnancy)" if point.pregnancy else ""
    st.button(escape_markdown(f"{code} {point.pinyin} · {point.english}{caution}"), key=f"pick_{group}_{code}",
              type="tertiary", on_click=select, args=(code,))


def way_in(atlas: Atlas) -> None:
    """The first screen's one line: where to start with back pain."""
    named = symptoms(atlas, atlas.conditions[BACK_PAIN].words[0])
    codes = tuple(code for s in named for code, _ in s.tested)
    if not codes:
        return
    with st.container(horizontal=True, vertical_alignment="center", key="way_in"):
        routine_ui.page_link(atlas, codes, "Back pain? Start with the points the trials used")
        st.caption("Or search by symptom or point in the sidebar (» at the top on a phone). The trials found "
                   "small gains, mostly short-lived, and in the largest one needling these points did no better "
                   "than a sham.")
