"""The explorer's chart as Streamlit sends it: one figure per view, filters and ring, built once per process,
and the same figure again after a click on the chart, so that Streamlit neither re-sends nor redraws it."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import streamlit as st
from plotly.basedatatypes import BaseFigure

from meridians.draw.body_images import served_image
from meridians.draw.chart import legend_spec, spec
from meridians.model import Atlas
from meridians.query import trial_counts
from meridians.url_state import State

RING = "_chart_ring"  # session state: what the browser's chart shows (see `figure`)


class SentFigure(BaseFigure):
    """A figure spec already built: `st.plotly_chart` asks a figure for `to_dict()`, which for a
    `go.Figure` copies every trace (40 ms a run at 5,000 points); this one hands over the cached dict,
    which nothing changes."""

    def __init__(self, spec_dict: dict):  # noqa: D107 -- no plotly object tree: nothing here is edited
        object.__setattr__(self, "_spec", spec_dict)

    def to_dict(self) -> dict:
        return self._spec


# Per process, shared by the sessions; a spec is never changed. Each entry holds its atlas, so its id stays its own.
_CACHE: OrderedDict[tuple, tuple[Atlas, dict]] = OrderedDict()
_CACHE_SIZE = 32
_LOCK = threading.Lock()


def _spec(atlas: Atlas, view: str, shown: frozenset[str], evidence_sizes: bool, courses: str, highlight: str | None,
          ring: str | None) -> dict:
    key = (id(atlas), view, shown, evidence_sizes, courses, highlight, ring)
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key][1]
    sizes = trial_counts(atlas) if evidence_sizes else None
    d = spec(atlas, view, served_image(view), shown=shown, selected=ring, courses=courses,
             highlight=highlight, sizes=sizes, legend=False)
    with _LOCK:
        _CACHE[key] = (atlas, d)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return d


@dataclass
class _Ring:
    base: tuple | None = None  # (view, shown, evidence sizes, courses, highlight) of the figure last sent
    ring: str | None = None  # the point ringed in that figure's spec
    revision: int = 0  # bumped to make the figure differ from the last one sent (see `figure`)
    client: str | None = None  # the point the browser's chart shows ringed, after the clicks there


def legend(atlas: Atlas) -> SentFigure:
    """The meridians' colours and shapes, under the chart and apart from it: a click's selection does not touch it."""
    return SentFigure(legend_spec(atlas))


def figure(atlas: Atlas, state: State, shown: frozenset[str]) -> SentFigure:
    """The figure for this run: the state's view, courses and highlighted meridian, `shown` as the filters leave
    it, and the ring on the state's point.

    A click on the chart rings its point in the browser (plotly's selection) and changes the URL; the
    figure stays as it was, so Streamlit sends a reference to it and the chart is not drawn again.
    When the point comes from elsewhere (a link, the sidebar, Back), the figure carries the ring itself
    and a new revision, so that it differs from the one the browser has and replaces it.
    """
    r = st.session_state.setdefault(RING, _Ring())
    point = state.point
    base = (state.view, shown, state.size == "evidence", state.courses, state.highlight)
    if r.base != base or r.client != point:
        if r.client != point:
            r.revision += 1
        r.base, r.ring, r.client = base, point, point
    d = _spec(atlas, *base, r.ring)
    return SentFigure({"data": d["data"], "layout": {**d["layout"], "meta": r.revision}})


def clicked(code: str | None) -> None:
    """The browser now rings `code` (None: a click took the selection away)."""
    st.session_state.setdefault(RING, _Ring()).client = code
