"""The point card: where it is, how to press it, what might explain an effect, what was tested."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from meridians.card import CUN, in_general, location_line, sham_lines, uses_cun
from meridians.draw.colours import CERTAINTY_COLOURS
from meridians.model import CERTAINTY_LABELS, DESIGN_LABELS, MECHANISM_KINDS, Atlas, Study
from meridians.research import NO_TRIALS, at_point
from meridians.safety import EVERY_POINT, NOT_ON_PREGNANCY_LISTS, PRESSURE_LIMIT

from .text import badge, escape_markdown

CARD_ANCHOR = "card"  # card_follows.js brings the heading of this id into sight
CHART_ANCHOR = "chart"
KIND_COLOURS = {"physiological_hypothesis": "blue", "nonspecific_effect": "violet", "traditional_belief": "gray"}


def certainty_badge(certainty: str) -> str:
    return badge(CERTAINTY_LABELS[certainty], CERTAINTY_COLOURS[certainty].name)


def identifiers(study: Study) -> str:
    """Links built only from validated identifiers, never from free text."""
    links = []
    if study.doi:
        links.append(f"[DOI {escape_markdown(study.doi)}](https://doi.org/{study.doi})")
    if study.pmid:
        links.append(f"[PubMed {study.pmid}](https://pubmed.ncbi.nlm.nih.gov/{study.pmid}/)")
    if study.pmcid:
        links.append(f"[{study.pmcid}](https://pmc.ncbi.nlm.nih.gov/articles/{study.pmcid}/)")
    if study.cochrane_id:
        links.append(f"Cochrane {study.cochrane_id}")
    return " · ".join(links)


def study_entry(study: Study) -> None:
    """The full entry of one study, as two elements (one Markdown, one caption): fewer elements to send and draw."""
    rows = [
        ("Who took part", study.population + (f" ({study.sample})" if study.sample else "")),
        ("Treatment", study.intervention),
        ("Compared with", study.comparison),
        ("Measured", study.outcome),
        ("Result", study.effect),
        ("How long it lasted", study.follow_up),
        ("How sure", study.certainty_note),
    ]
    if study.points_note:
        rows.append(("Points", study.points_note))
    st.markdown("\n\n".join([
        f"{badge(DESIGN_LABELS[study.design], 'primary')} {certainty_badge(study.certainty)}",
        escape_markdown(study.summary),
        *(f"**{name}**  \n{escape_markdown(value)}" for name, value in rows),
    ]))
    ids = identifiers(study)
    st.caption(escape_markdown(study.citation) + (f"  \n{ids}" if ids else ""))


def study_expander(study: Study) -> None:
    """A study in a box of its own: how sure and how long it lasted, then its first author, year and title,
    whose opening shows the full entry."""
    with st.container(border=True):
        st.markdown(f"{certainty_badge(study.certainty)} Lasted: {escape_markdown(study.follow_up)}")
        with st.expander(escape_markdown(f"{study.short}: {study.title}")):
            study_entry(study)


def show(atlas: Atlas, code: str, guides: tuple[str, ...], actions: Callable[[], None] = lambda: None) -> None:
    """The card of a point: its heading, the pregnancy caution, then one Markdown block (and, on the points trials
    used, each condition's verdict with its studies): each element is a component the browser draws again after
    every click (docs/architecture.md, "The click")."""
    point = atlas.points[code]
    meridian = atlas.meridians[point.meridian]
    hanzi = point.hanzi + (f" ({point.hanzi_simplified})" if point.hanzi_simplified and point.hanzi_simplified != point.hanzi else "")
    st.subheader(escape_markdown(f"{point.code} · {point.pinyin} · {hanzi} · {point.english}"), anchor=CARD_ANCHOR)
    with st.container(key="back_to_chart"):  # shown on narrow screens only, where the card is under the chart
        st.markdown(f"[:material/arrow_upward: Back to the chart](#{CHART_ANCHOR})")
    actions()  # what the page offers with the card, in sight with its heading
    if point.pregnancy:
        st.warning(
            "**Traditionally avoided in pregnancy.** " + escape_markdown(point.pregnancy.note)
            + "  \n:small[Source: " + escape_markdown(point.pregnancy.source) + "]",
            icon=":material/pregnant_woman:",
        )
    parts = [
        escape_markdown(f"{meridian.name} ({meridian.id}), {atlas.regions[point.region].name}"),
        *([] if point.pregnancy else [":small[" + escape_markdown(NOT_ON_PREGNANCY_LISTS) + "]"]),
        "#### Where it is", escape_markdown(point.location),
        ":small[:gray[" + escape_markdown(location_line(point)) + "]]",
        *([":small[:gray[" + escape_markdown(CUN) + "]]"] if uses_cun(point.location + point.how_to_find) else []),
        "#### How to find it", escape_markdown(point.how_to_find),
        *(":small[:gray[On the chart: " + escape_markdown(guide) + "]]" for guide in guides),
    ]
    if note := atlas.regions[point.region].note:
        parts.append(":material/touch_app: :blue-background[" + escape_markdown(note) + "]")
    parts += [
        "#### How to press", escape_markdown(point.how_to_press),
        "**" + escape_markdown(PRESSURE_LIMIT) + "**",
        "#### Cautions", escape_markdown(point.cautions),
        ":small[:gray[" + escape_markdown(EVERY_POINT) + "]]",
        "#### What might explain an effect",
    ]
    for mid in point.mechanisms:
        m = atlas.mechanisms[mid]
        parts.append(f"**{escape_markdown(m.name)}** {badge(MECHANISM_KINDS[m.kind], KIND_COLOURS[m.kind])} "
                     f"{certainty_badge(m.certainty)}  \n{escape_markdown(m.verdict)}")
    parts += [
        "#### Traditional use",
        escape_markdown(point.traditional_use + " (Traditional Chinese medicine; not evidence that it works.)"),
        "#### What the research shows",
    ]
    research = at_point(atlas, code)
    if not research:
        parts.append(escape_markdown(NO_TRIALS))
    st.markdown("\n\n".join(parts))
    for found in research:  # each condition's verdict, and its studies one click away
        e, n = found.evidence, len(found.studies)
        st.markdown("\n\n".join([
            f"**{escape_markdown(e.condition.name)}** {certainty_badge(e.certainty)}  \n"
            f"{escape_markdown(e.condition.verdict or '')}  \n"
            f":small[:gray[{escape_markdown(f'{e.rated_by}; {e.size}.')}]]",
            *(":small[" + escape_markdown(line) + "]" for line in (in_general(found, code),) if line),
            *(":material/balance: " + escape_markdown(line) for line in sham_lines(found)),
        ]))
        which = "the study" if n == 1 else f"the {n} studies"
        with st.expander(escape_markdown(f"{e.condition.name}: {which} that used {code}")):
            for study in found.studies:
                st.markdown(f"##### {escape_markdown(f'{study.short}: {study.title}')}")
                study_entry(study)
    others = [s for s in atlas.studies_of(code) if s.claim != "trial"]
    if others:
        st.markdown("#### Other studies that used this point")
    for study in others:
        study_expander(study)
