"""Where each kind of fact comes from, how sure we are, and what this chart is not."""

from __future__ import annotations

import streamlit as st

from meridians.safety import NOT_ADVICE
from ui import frame

EVIDENCE_REVIEWED = "7 December 2026"

frame.page_frame("About")
atlas = frame.atlas()
st.warning(NOT_ADVICE, icon=":material/medical_information:")
st.header("Where the facts come from", anchor=False)
st.markdown(
    f"""
- **Point locations** follow the WHO Standard Acupuncture Point Locations in the Western Pacific Region (2008),
  written in our own words. The extra points (codes starting EX) follow the WHO standard nomenclature and common
  teaching texts.
- **Where a point is drawn** is worked out, not typed in: each point is a rule (a landmark plus a distance in
  proportional cun) that our own body model turns into a place on the chart. The model uses the WHO proportional
  measurements, for example 16 cun from the knee crease to the outer ankle bone and 5 cun from the navel to the
  pubic bone.
- **The studies** ({len(atlas.studies)} in the library) were each checked against public records of them: PubMed,
  the journal or publisher, or a library or registry record. Every DOI and PubMed number shown was seen on such
  a record; where we could not confirm one, it is left out.
- **Certainty of evidence** uses the GRADE scale (high, moderate, low, very low) as the study's authors or a
  later review judged it. "Not graded" means we saw no rating of that study on its own: either none was made
  (a theory, an animal study) or one exists that we could not read (NICE 2016); each entry's note says which,
  and whether a review rated it together with other trials.
- **The mechanisms** come from the article this chart grew from. Four are ideas physiology or psychology can test;
  "release of blocked energy" is the traditional Chinese explanation and is shown as a belief.
- **Pregnancy cautions** are traditional: they mark points that traditional lists say to avoid. A 2015 review found
  no objective evidence of harm from needling these points, and a 2014 systematic review of acupuncture in
  pregnancy found few side effects, mostly mild; both are of needling, not pressure, and few studies reported
  side effects carefully, so we keep the caution.
"""
)
st.header("How precise a location is", anchor=False)
st.markdown(
    """
A point's location is a rule, a landmark you can feel and a distance in proportional cun, and bodies differ, so the
same rule lands in a slightly different place on each person. WHO 2008 settled some locations by choosing between
schools and records alternatives for a few; the extra points (EX) are outside it. Each card says which applies to
its point: WHO 2008 as written, WHO 2008 with a note or an alternative, our reading (where WHO gives no exact
distance), or an extra point.

Even trained hands following the same rule put a point centimetres apart. Physician-acupuncturists locating LU4 by
cun on the same volunteers were on average 2.2 cm (up to 4.4 cm) from its measured place (*Accuracy in the use of
traditional cun measurement techniques for localizing classical acupoints in the upper extremity: an experimental
study*, done at a medical acupuncture conference in 2009; we saw its abstract, not its DOI). With one of the
traditional methods (the "directional" one), students would have needed a point of almost 13 square centimetres for
95% of their attempts to land on it (Aird, Cobbin and Rogers, J Altern Complement Med 2002;8(5):635,
doi:10.1089/107555302320825156). So the chart shows where the rule falls on a drawn body, not a spot to the
millimetre: find the landmark, then the tender hollow close to where the card says.
"""
)
st.header("What the evidence says overall", anchor=False)
st.text(
    "Acupressure and massage may ease low back pain for a short time. The Cochrane review of massage (2015) rated "
    "the evidence low to very low and found no lasting benefit; an earlier, more hopeful review (2009) was "
    "overturned by it. Large acupuncture trials with sham needles (GERAC, Cherkin 2009, Brinkhaus 2006) found the "
    "sham nearly as helpful as the real thing, which suggests the exact point matters less than the needling, "
    "the touch and the care. Small sham-controlled acupressure trials found real points better, but shams for "
    "pressure are hard to make convincing (Tan 2015). Beyond back pain, the best-studied use is the wrist point "
    "PC6 for sickness after surgery: better than sham in 40 trials, on low-certainty evidence (the Cochrane review, "
    "Lee 2015). For sickness from chemotherapy and in early pregnancy, sham-controlled wristband trials found real "
    "bands no better than sham. The Research page's evidence map shows each condition trials tested."
)
st.header("Method", anchor=False)
st.text(
    "The data lives in plain YAML files (body model, meridians and points, mechanisms, studies). Every start "
    "checks them: a file with a mistake is named with the line and the reason, and the chart is not drawn from "
    "bad data. The chart images are drawn from the body model by a program, never by hand."
)
st.header("Licence and review", anchor=False)
st.text(
    f"Evidence last reviewed: {EVIDENCE_REVIEWED}. The data and texts are available under CC BY 4.0; the code "
    "under the MIT licence. Nothing on this site is sent anywhere: it keeps no accounts and collects no usage data."
)
