"""explorer.py with measured changes, to put numbers on suggestions (bench/run.py --variants).

BENCH_VARIANT is a comma-separated list of:

- stable_chart: the chart is drawn without the selected point's ring and guide line, so the figure is the
  same before and after a click (the selection is then only plotly's own highlight). Streamlit then sends
  the unchanged chart as a cached reference (when its message is 10 kB or more) and keeps the same chart
  element instead of mounting a new one.
- compact_card: the card's text (headings, paragraphs, captions) goes out as one markdown element per
  run of text instead of one element per line (warnings and expanders stay as they are), so a click
  sends and renders a handful of elements instead of about fifty. The wording is the same; the look
  differs slightly (captions become italics).

- empty_expanders: the card's study expanders are sent empty (what the study entries cost a click).

Everything else is explorer.py as it is. These are measuring devices, not product changes: with
stable_chart a link or the sidebar picker would not show the selected point on the chart.
"""

import os
import runpy
from pathlib import Path

import streamlit as st

import meridians.draw.chart as figures
import ui.card as card

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {v for v in os.environ.get("BENCH_VARIANT", "").split(",") if v}
UNKNOWN = VARIANTS - {"stable_chart", "compact_card", "empty_expanders"}
if UNKNOWN:
    raise SystemExit(f"unknown BENCH_VARIANT {sorted(UNKNOWN)}")


class _Compact:
    """Stands in for `streamlit` inside ui.card: text calls are gathered and sent as one markdown."""

    def __init__(self):
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            st.markdown("\n\n".join(self.buf))
            self.buf = []

    def subheader(self, body, anchor=None, **_):
        self.buf.append(f"### {body}")

    def markdown(self, body, **_):
        self.buf.append(body)

    def text(self, body, **_):
        self.buf.append(body)

    def caption(self, body, **_):
        self.buf.append(f"*{body}*")

    def expander(self, *args, **kwargs):
        self.flush()
        return _Flushing(self, st.expander(*args, **kwargs))

    def __getattr__(self, name):  # st.warning and anything else: what was gathered first, then the real call
        self.flush()
        return getattr(st, name)


class _Flushing:
    def __init__(self, compact: _Compact, inner):
        self.compact, self.inner = compact, inner

    def __enter__(self):
        return self.inner.__enter__()

    def __exit__(self, *exc):
        self.compact.flush()  # inside the expander
        return self.inner.__exit__(*exc)


if "stable_chart" in VARIANTS and not getattr(figures, "_bench_stable_chart", False):
    _chart = figures.chart

    def chart(atlas, view, image_source, *, selected=None, **kwargs):
        return _chart(atlas, view, image_source, selected=None, **kwargs)

    figures.chart = chart
    figures._bench_stable_chart = True  # the module stays imported between script runs: patch once

if "compact_card" in VARIANTS and not getattr(card, "_bench_compact_card", False):
    _show = card.show

    def show(*args, **kwargs):
        compact = _Compact()
        card.st = compact
        try:
            _show(*args, **kwargs)
            compact.flush()
        finally:
            card.st = st

    card.show = show
    card._bench_compact_card = True

if "empty_expanders" in VARIANTS and not getattr(card, "_bench_empty_expanders", False):
    card.study_entry = lambda study: None  # the studies' expanders stay, empty: what their entries cost a click
    card._bench_empty_expanders = True

runpy.run_path(str(ROOT / "explorer.py"), run_name="__main__")
