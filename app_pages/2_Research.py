"""The study library: filter it, read each entry, and export it."""

from __future__ import annotations

import streamlit as st

from meridians.draw import evidence_map as emap
from meridians.draw.evidence import timeline
from meridians.export import citations as cite
from meridians.model import CERTAINTY_LABELS, CERTAINTY_ORDER, CLAIM_LABELS, DESIGN_LABELS
from meridians.query import listed_as, studies_matching
from meridians.research import evidence_map
from meridians.url_state import ResearchState
from ui import frame, url
from ui.card import study_expander
from ui.url import url_widget

atlas, state = frame.stateful_page("Research", ResearchState)
st.text(
    "Every study behind the chart, with what it found, how long the effect lasted and how sure the evidence is. "
    "For low back pain: acupressure and massage may ease it for a short time, on low-quality "
    "evidence. Large acupuncture trials (GERAC, Cherkin 2009, Brinkhaus 2006) found real needling little or no "
    "better than sham; small sham-controlled acupressure trials found real points better, and a review of sham "
    "acupressure (Tan 2015) shows why such shams are hard to make."
)

with st.sidebar:
    st.header("Filter the studies")
    url_widget(st.text_input, atlas, state, "q", label="Search authors, titles and summaries", max_chars=80)
    url_widget(st.multiselect, atlas, state, "designs", label="Design", options=list(DESIGN_LABELS),
          format_func=DESIGN_LABELS.get)
    url_widget(st.multiselect, atlas, state, "certainties", label="Certainty of evidence", options=list(CERTAINTY_ORDER),
          format_func=CERTAINTY_LABELS.get)
    url_widget(st.selectbox, atlas, state, "condition", label="Condition", options=list(atlas.conditions), index=None,
          placeholder="Any", format_func=lambda c: atlas.conditions[c].name)
    url_widget(st.selectbox, atlas, state, "claim", label="Kind of claim", options=list(CLAIM_LABELS), index=None,
          placeholder="Any", format_func=CLAIM_LABELS.get)
    url_widget(st.selectbox, atlas, state, "mechanism", label="Mechanism", options=list(atlas.mechanisms), index=None,
          placeholder="Any", format_func=lambda m: atlas.mechanisms[m].name)
    url_widget(st.selectbox, atlas, state, "point", label="Point used", options=list(atlas.points), index=None,
          placeholder="Any", format_func=lambda c: listed_as(atlas.points[c]))



def on_map_select() -> None:
    """A click on a bubble shows that condition's studies (the Condition filter, in the URL)."""
    if condition := emap.picked(st.session_state.get("evidence_map")):
        url.update(atlas, ResearchState, condition=condition)


mapped = evidence_map(atlas)
st.subheader("The evidence map: what acupressure was tested for", anchor=False)
st.text("A row for each condition that trials tested, placed by what its lead review or trial found. A larger bubble "
        "is more people; the colour and the words over it give the certainty, as that study rates it. Click a bubble "
        "for that condition's studies. Better than a comparison is not better than a sham: each study says what it "
        "was compared with.")
st.plotly_chart(emap.evidence_map(mapped), key="evidence_map", on_select=on_map_select, selection_mode="points",
                config={"displayModeBar": False}, width="stretch")
with st.expander("The map as a table (for screen readers)"):
    st.table(emap.table(mapped))

studies = studies_matching(atlas, designs=state.designs, certainties=state.certainties, claim=state.claim,
                           condition=state.condition, mechanism=state.mechanism, point=state.point, q=state.q)
shown_for = f" for {atlas.conditions[state.condition].name.lower()}" if state.condition else ""
st.subheader(f"{len(studies)} of {len(atlas.studies)} studies{shown_for}", anchor="studies")
st.dataframe(  # what a reader compares first, then the identifiers, then the long title
    [{"Study": s.short, "Condition": atlas.conditions[s.condition].name if s.condition else "",
      "Design": DESIGN_LABELS[s.design], "Certainty": CERTAINTY_LABELS[s.certainty],
      "Lasted": s.follow_up, "DOI": s.doi or "", "PMID": s.pmid or "", "Points": ", ".join(s.points),
      "Title": s.title} for s in studies],
    hide_index=True, width="stretch",
    column_config={"Lasted": st.column_config.TextColumn(width="medium"),
                   "Title": st.column_config.TextColumn(width="large")},
)
# Each export is written when its button is clicked, not on every run (an export given as data is kept for
# the session and fetched by the browser at every load of the page).
exports = (("BibTeX", cite.bibtex, "bib", "application/x-bibtex"),
           ("RIS", cite.ris, "ris", "application/x-research-info-systems"),
           ("CSV", cite.table, "csv", "text/csv"))
with st.container(horizontal=True, key="exports"):
    for name, write, ext, mime in exports:
        st.download_button(name, lambda write=write: write(studies, atlas.conditions), f"meridian-studies.{ext}", mime,
                           icon=":material/download:", disabled=not studies, on_click="ignore")

timed = [s for s in studies if s.effects]
if timed:
    st.subheader("When was each result measured, and how sure is it?", anchor=False)
    st.text("Each row is a study and what it was compared with; each marker a result at the time it was measured. "
            "Colour is the certainty of the evidence, shape is what was found. Few results reach the shaded "
            "zone of six months and longer, and the only graded one there (the 2015 Cochrane review of massage) "
            "found no lasting benefit over inactive controls (sham, waiting list or no treatment). A bar is a result "
            "the source gives only within a span, such as \"short term\".")
    st.plotly_chart(timeline(timed), config={"displayModeBar": False}, width="stretch")

st.subheader("The studies", anchor=False)
for s in studies:
    study_expander(s)
