"""The explorer's chart as Streamlit sends it: one figure per view, filters and ring, built once per process,
and the same figure again after a click on the chart, so that Streamlit neither re-sends nor redraws it."""

from __future__ import annotations

import threading
from collections import OrderedDict

import streamlit as st
from plotly.basedatatypes import BaseFigure

from meridians import selection
from meridians.draw.body_images import served_image
from meridians.draw.chart import legend_spec, spec
from meridians.model import Atlas
from meridians.query import trial_counts
from meridians.url_state import State

SENT = "_chart_sent"  # session state: the meridians.selection.Sent of this session's body chart


class SentFigure(BaseFigure):
    """A figure spec already built: `st.plotly_chart` asks a figure for `to_dict()`, which for a
    `go.Figure` copies every trace (a cost that grows with the points: bench/README.md); this one hands
    over the cached dict, which nothing changes."""

    def __init__(self, spec_dict: dict):  # noqa: D107 -- no plotly object tree: nothing here is edited
        object.__setattr__(self, "_spec", spec_dict)

    def to_dict(self) -> dict:
        return self._spec


# Per process, shared by the sessions; a spec is never changed. Each entry holds its atlas, so its id stays its own.
_CACHE: OrderedDict[tuple, tuple[Atlas, dict]] = OrderedDict()
_CACHE_SIZE = 32
_LOCK = threading.Lock()


def _spec(atlas: Atlas, key: selection.FigureKey, ring: str | None) -> dict:
    cached = (id(atlas), key, ring)
    with _LOCK:
        if cached in _CACHE:
            _CACHE.move_to_end(cached)
            return _CACHE[cached][1]
    sizes = trial_counts(atlas, key.sizes) if key.sizes else None
    d = spec(atlas, key.view, served_image(key.view), shown=key.shown, selected=ring, courses=key.courses,
             highlight=key.highlight, sizes=sizes, legend=False, labels=key.labels)
    with _LOCK:
        _CACHE[cached] = (atlas, d)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return d


def legend(atlas: Atlas) -> SentFigure:
    """The meridians' colours and shapes, under the chart and apart from it: a click's selection does not touch it."""
    return SentFigure(legend_spec(atlas))


def figure(atlas: Atlas, state: State, shown: frozenset[str]) -> SentFigure:
    """The body chart for this run (meridians.selection decides whether it is the one the browser has)."""
    key = selection.FigureKey(state.view, shown, state.size, state.courses, state.highlight, state.labels)
    sent, _ = selection.to_send(st.session_state.get(SENT, selection.Sent()), key, state.point)
    st.session_state[SENT] = sent
    d = _spec(atlas, key, sent.ring)
    return SentFigure({"data": d["data"], "layout": {**d["layout"], "meta": sent.revision}})


def clicked(code: str | None) -> None:
    """The browser now rings `code` (None: a click took the selection away)."""
    st.session_state[SENT] = selection.clicked(st.session_state.get(SENT, selection.Sent()), code)
