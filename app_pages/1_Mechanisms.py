"""The five ways acupressure might work, what kind of claim each is, and what the studies say."""

from __future__ import annotations

import streamlit as st

from meridians.model import MECHANISM_KINDS
from meridians.url_state import State, query
from ui import frame
from ui.card import KIND_COLOURS, certainty_badge, study_expander
from ui.text import badge, escape_markdown

frame.page_frame("Mechanisms")
atlas = frame.atlas()
st.text(
    "Why might pressing a point ease back pain? The article this chart grew from names five possible reasons. "
    "Four can be tested by physiology or psychology; the fifth is the traditional Chinese explanation, shown "
    "here as a belief. None of them needs the exact point to matter. In large acupuncture trials for back pain, "
    "real needling did little or no better than sham needling; a few small acupressure trials found real points "
    "better than sham, though a convincing sham for pressure is hard to make."
)

for m in atlas.mechanisms.values():
    st.header(escape_markdown(m.name), anchor=m.id)
    st.markdown(f"{badge(MECHANISM_KINDS[m.kind], KIND_COLOURS[m.kind])} {certainty_badge(m.certainty)}")
    st.text(m.summary)
    st.markdown("**Verdict**")
    st.text(m.verdict)
    for title, ids in (("Studies for", m.studies_for), ("Studies against or limiting", m.studies_against)):
        if ids:
            st.markdown(f"**{title}**")
            for sid in ids:
                study_expander(atlas.studies[sid])
    codes = [p.code for p in atlas.points.values() if m.id in p.mechanisms]
    st.markdown("**Points where it could act**")
    st.markdown(" · ".join(f"[{escape_markdown(c)}](./?{query(State(point=c, mechanisms=(m.id,)), atlas)})" for c in codes) or "None")
    st.divider()
