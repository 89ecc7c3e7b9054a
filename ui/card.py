"""The point card: where it is, how to press it, what might explain an effect, what was tested."""

from __future__ import annotations

import streamlit as st

from meridians.model import CERTAINTY_LABELS, DESIGN_LABELS, MECHANISM_KINDS, Atlas, Study

from .text import CERTAINTY_COLOURS, badge, md

KIND_COLOURS = {"physiological_hypothesis": "blue", "nonspecific_effect": "violet", "traditional_belief": "gray"}


def certainty_badge(certainty: str) -> str:
    return badge(CERTAINTY_LABELS[certainty], CERTAINTY_COLOURS[certainty])


def identifiers(study: Study) -> str:
    """Links built only from validated identifiers, never from free text."""
    links = []
    if study.doi:
        links.append(f"[DOI {md(study.doi)}](https://doi.org/{study.doi})")
    if study.pmid:
        links.append(f"[PubMed {study.pmid}](https://pubmed.ncbi.nlm.nih.gov/{study.pmid}/)")
    if study.pmcid:
        links.append(f"[{study.pmcid}](https://pmc.ncbi.nlm.nih.gov/articles/{study.pmcid}/)")
    if study.cochrane_id:
        links.append(f"Cochrane {study.cochrane_id}")
    return " · ".join(links)


def study_entry(study: Study) -> None:
    """The full entry of one study, as plain text fields."""
    st.markdown(f"{badge(DESIGN_LABELS[study.design], 'primary')} {certainty_badge(study.certainty)}")
    st.text(study.summary)
    rows = [
        ("Who took part", study.population + (f" ({study.n} people)" if study.n else "")),
        ("Treatment", study.intervention),
        ("Compared with", study.comparison),
        ("Measured", study.outcome),
        ("Result", study.effect),
        ("How long it lasted", study.follow_up),
        ("How sure", study.certainty_note),
    ]
    if study.points_note:
        rows.append(("Points", study.points_note))
    for name, value in rows:
        st.markdown(f"**{name}**")
        st.text(value)
    st.caption(md(study.citation))
    if ids := identifiers(study):
        st.markdown(ids)


def study_expander(study: Study) -> None:
    """A study named by first author, year and title; opening it shows the full entry."""
    with st.expander(md(f"{study.short}: {study.title}")):
        study_entry(study)


def show(atlas: Atlas, code: str, guides: tuple[str, ...]) -> None:
    point = atlas.points[code]
    channel = atlas.channels[point.meridian]
    hanzi = point.hanzi + (f" ({point.hanzi_simplified})" if point.hanzi_simplified and point.hanzi_simplified != point.hanzi else "")
    st.subheader(md(f"{point.code} · {point.pinyin} · {hanzi}"), anchor=False)
    st.markdown(md(f"{point.english} — {channel.name} ({channel.id}), {atlas.regions[point.region].name}"))
    if point.pregnancy:
        st.warning(
            "**Traditionally avoided in pregnancy.** " + md(point.pregnancy.note), icon=":material/pregnant_woman:"
        )
        st.caption("Source: " + md(point.pregnancy.source))

    st.markdown("#### Where it is")
    st.text(point.location)
    st.markdown("#### How to find it")
    st.text(point.how_to_find)
    for guide in guides:
        st.caption("On the chart: " + md(guide))
    if note := atlas.regions[point.region].note:
        st.info(md(note), icon=":material/touch_app:")
    st.markdown("#### How to press")
    st.text(point.how_to_press)
    st.markdown("#### Cautions")
    st.text(point.cautions)

    st.markdown("#### What might explain an effect")
    for mid in point.mechanisms:
        m = atlas.mechanisms[mid]
        st.markdown(f"**{md(m.name)}** {badge(MECHANISM_KINDS[m.kind], KIND_COLOURS[m.kind])} {certainty_badge(m.certainty)}")
        st.text(m.verdict)

    st.markdown("#### Studies that used this point")
    studies = atlas.studies_of(code)
    if not studies:
        st.text("No study we could verify names this point in its treatment. The evidence on acupressure for "
                "back pain as a whole is on the Research page.")
    for study in studies:
        st.markdown(f"{certainty_badge(study.certainty)} Lasted: {md(study.follow_up)}")
        study_expander(study)

    st.markdown("#### Traditional use")
    st.text(point.traditional_use + " (Traditional Chinese medicine; not evidence that it works.)")
